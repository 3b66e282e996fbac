/**
 * The one page of the shared runtime, served by `npm start` and opened in headless Chromium outside
 * Excel: everything it loads comes from its own origin (office.js included: there is no network), and
 * the functions bundle has associated every CGV function with office.js's CustomFunctions. Needs
 * /usr/bin/chromium (Debian) and dist/ (built by the jest global setup); skipped without Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { FUNCTION_SIGNATURES } from "../../src/functions/signatures";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser";

const ROOT = path.resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

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

  test("loads only from its own origin, office.js reports no host, and every CGV function is associated", async () => {
    const page = await browser.newPage();
    const origin = `http://localhost:${port}`;
    const requested: string[] = [];
    const failures: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    page.on("requestfailed", (r) => failures.push(`failed ${r.url()}`));
    page.on("response", (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => errors.push(String(e)));

    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    const info = await page.evaluate(
      () =>
        new Promise<{ host: unknown }>((resolve) =>
          (
            window as unknown as { Office: { onReady(cb: (i: { host: unknown }) => void): void } }
          ).Office.onReady(resolve),
        ),
    );
    // Outside Excel, the local office.js resolves onReady with no host: the pane's preview mode.
    expect(info.host).toBeNull();
    const ids = await page.evaluate(() =>
      Object.keys(
        (window as unknown as { CustomFunctions: { _association: { mappings: Record<string, unknown> } } })
          .CustomFunctions._association.mappings,
      ),
    );
    expect(ids.sort()).toEqual(FUNCTION_SIGNATURES.map((s) => s.name).sort());

    expect(requested.map((u) => new URL(u).origin).filter((o) => o !== origin)).toEqual([]);
    expect(requested.map((u) => new URL(u).pathname)).toEqual(
      expect.arrayContaining(["/taskpane.html", "/office.js", "/taskpane.js", "/functions.js"]),
    );
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
