import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * What every browser test shares: Debian's Chromium (never a downloaded browser) started with the
 * flags this machine needs and a fresh profile, and a static server for dist/.
 */

export const CHROMIUM = "/usr/bin/chromium";
export const DIST = path.resolve(__dirname, "../../dist");

/**
 * The flags of a headless Chromium that never reaches for the network on its own. Every host name but
 * this machine's fails to resolve at once: the pane's office.js reference to Microsoft's CDN fails as
 * it does offline, and no request leaves 127.0.0.1 whatever a page asks for (a test that wants
 * office.js serves a stand-in with a route).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

/** `describe` where Chromium and the built pane are here, or under CI (where missing ones fail); else skipped with a warning. */
export function describeInBrowser(name: string, body: () => void, needs: readonly string[] = []): void {
  const missing = [CHROMIUM, path.join(DIST, "taskpane.html"), ...needs].filter((f) => !existsSync(f));
  if (missing.length === 0 || process.env.CI) describe(name, body);
  else {
    console.warn(`Browser tests skipped: need ${missing.join(" and ")}.`);
    describe.skip(name, body);
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

/**
 * Serves a folder on 127.0.0.1 (a free port). `extra` may answer a request itself (test-only files)
 * by returning true.
 */
export function serveDir(
  dir: string,
  extra?: (url: URL, req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<{ server: Server; origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (extra?.(url, req, res)) return;
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

/** A persistent Chromium context on a fresh profile folder, removed on close. */
export async function launchChromium(
  viewport = { width: 460, height: 900 },
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "echeance-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
