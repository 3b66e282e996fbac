/**
 * The one page of the shared runtime, served by `npm start` and opened in headless Chromium outside
 * Excel, with office.js from Microsoft's CDN stood in for by the npm package's copy (there is no
 * network here; the route answers the CDN folder from node_modules/@microsoft/office-js/dist). The
 * page's own files come from its origin; whatever office.js loads beside itself comes from the CDN
 * folder the Content-Security-Policy allows, and nothing it needs is refused; office.js reports no
 * host; and the functions bundle has associated every CGV function with office.js's CustomFunctions.
 * Needs /usr/bin/chromium (Debian) and dist/ (built by the jest global setup); skipped without Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { FUNCTION_SIGNATURES } from "../../src/functions/signatures";
import { OFFICE_JS_URL } from "../../src/office/office-boot";
import { freePort } from "../support/net";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser";

const ROOT = path.resolve(__dirname, "../..");
/** The CDN folder office.js is served from, and the npm copy that stands in for it offline. */
const CDN_FOLDER = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1);
const NPM_OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`start exited early with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const maybe = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip; // under CI a missing browser fails rather than skips

maybe("taskpane.html outside Excel (headless Chromium)", () => {
  let runDir: string;
  let port: number;
  let server: ChildProcess;
  let browser: Browser;

  beforeAll(async () => {
    runDir = mkdtempSync(path.join(os.tmpdir(), "echeance-run-"));
    port = await freePort();
    // Plain http: Chromium would not trust the development certificate here.
    server = spawn(process.execPath, ["scripts/start.js", "--port", String(port), "--no-build", "--http"], {
      cwd: ROOT,
      env: { ...process.env, ECHEANCE_RUN_DIR: runDir },
      stdio: "ignore",
    });
    await waitForPort(port, server, 30_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    spawnSync(process.execPath, ["scripts/stop.js", "--port", String(port)], {
      cwd: ROOT,
      env: { ...process.env, ECHEANCE_RUN_DIR: runDir },
    });
    if (server.exitCode === null) server.kill("SIGKILL");
    rmSync(runDir, { recursive: true, force: true });
  });

  test("loads its own files from its origin and office.js's from the CDN folder, office.js reports no host, and every CGV function is associated", async () => {
    const page = await browser.newPage();
    const origin = `http://localhost:${port}`;
    const requested: string[] = [];
    const failures: string[] = [];
    const errors: string[] = [];
    const refused: string[] = [];
    // The CDN folder, answered from the npm copy: a file office.js asks for that the copy lacks is a 404.
    await page.route(`${CDN_FOLDER}**`, (route) => {
      const file = path.join(
        NPM_OFFICE_JS,
        new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length),
      );
      if (!file.startsWith(NPM_OFFICE_JS) || !existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
    });
    page.on("request", (r) => requested.push(r.url()));
    page.on("requestfailed", (r) => failures.push(`failed ${r.url()}`));
    page.on("response", (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) refused.push(m.text());
    });

    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    const info = await page.evaluate(
      () =>
        new Promise<{ host: unknown }>((resolve) =>
          (
            window as unknown as { Office: { onReady(cb: (i: { host: unknown }) => void): void } }
          ).Office.onReady(resolve),
        ),
    );
    // Outside Excel, office.js resolves onReady with no host: the pane's preview mode.
    expect(info.host).toBeNull();
    await page.getByTestId("preview-banner").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("preview-no-office-js").count()).toBe(0);
    const ids = await page.evaluate(() =>
      Object.keys(
        (window as unknown as { CustomFunctions: { _association: { mappings: Record<string, unknown> } } })
          .CustomFunctions._association.mappings,
      ),
    );
    expect(ids.sort()).toEqual(FUNCTION_SIGNATURES.map((s) => s.name).sort());

    // Every request: the page's origin, or the CDN folder (office.js and what it loads beside itself).
    const elsewhere = requested.filter((u) => new URL(u).origin !== origin && !u.startsWith(CDN_FOLDER));
    expect(elsewhere).toEqual([]);
    const fromCdn = requested.filter((u) => u.startsWith(CDN_FOLDER)).map((u) => u.slice(CDN_FOLDER.length));
    expect(fromCdn[0]).toBe("office.js");
    expect(requested.map((u) => new URL(u).pathname)).toEqual(
      expect.arrayContaining(["/taskpane.html", "/taskpane.js", "/functions.js"]),
    );
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    // The policy refused nothing office.js loads (its telemetry frame on another Microsoft origin aside,
    // which the pane does not need and frame-src, this origin and appsforoffice.microsoft.com only,
    // keeps out).
    expect(
      refused.filter((m) => !/Framing 'https:\/\/telemetryservice\.[^']*oaspapps\.com\//.test(m)),
    ).toEqual([]);
    console.log(`office.js loaded beside itself: ${fromCdn.join(", ")}`);
    await page.close();
  });
});
