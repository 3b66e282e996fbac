/**
 * `npm start` / `npm stop` on a machine without Excel: start serves dist/ and prints what to upload,
 * stop ends it. Runs on a free port with a throw-away HOME (where office-addin-dev-certs writes its
 * certificates) and pid folder, and never tries to install a CA in the system trust store.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, writeFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { OFFICE_JS_URL } from "../../src/office/office-boot";
import { freePort } from "../support/net";

const ROOT = path.resolve(__dirname, "../..");
const START = path.join(ROOT, "scripts/start.js");
const STOP = path.join(ROOT, "scripts/stop.js");

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

function get(url: string, ca?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const { protocol, hostname, port, pathname } = new URL(url);
    const lib = protocol === "https:" ? https : http;
    const req = lib.get({ host: "127.0.0.1", servername: hostname, port, path: pathname, ca }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

async function waitFor(url: string, ca: Buffer | undefined, child: ChildProcess, ms: number): Promise<Reply> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`start exited early with code ${child.exitCode}`);
    try {
      return await get(url, ca);
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("npm start / npm stop without Excel", () => {
  let home: string;
  let runDir: string;
  let env: NodeJS.ProcessEnv;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    home = mkdtempSync(path.join(os.tmpdir(), "echeance-home-"));
    runDir = mkdtempSync(path.join(os.tmpdir(), "echeance-run-"));
    env = { ...process.env, HOME: home, USERPROFILE: home, ECHEANCE_RUN_DIR: runDir };
    delete env.PORT;
  });

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(home, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  });

  test("start serves the task pane and functions.json over https, prints the manifest and URLs, and stop ends it", async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [START, "--port", String(port), "--no-build", "--no-install-certs"],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));

    // The certificate start generated (untrusted by the system) is the one the server presents.
    const caPath = path.join(home, ".office-addin-dev-certs", "ca.crt");
    const base = `https://localhost:${port}`;
    const until = Date.now() + 30_000;
    while (!existsSync(caPath) && child.exitCode === null && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const ca = readFileSync(caPath);

    const pane = await waitFor(`${base}/taskpane.html`, ca, child, 30_000);
    expect(pane.status).toBe(200);
    // One page loads office.js from Microsoft's CDN, then the pane and the functions (shared runtime).
    // (The production build's HTML drops attribute quotes where HTML allows it.)
    expect(pane.body).toMatch(
      new RegExp(`<script src="?${OFFICE_JS_URL.replace(/[./]/g, "\\$&")}"?></script>`),
    );
    expect(pane.body).toMatch(/src="?taskpane\.js"?/);
    expect(pane.body).toMatch(/src="?functions\.js"?/);
    const functions = await get(`${base}/functions.json`, ca);
    expect(functions.status).toBe(200);
    const metadata = JSON.parse(functions.body) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toContain("DUEDATE");
    expect((await get(`${base}/functions-fr.json`, ca)).status).toBe(200);
    // No local copy of office.js any more (the npm package's 2022 host files lack today's Excel APIs).
    expect((await get(`${base}/office.js`, ca)).status).toBe(404);
    expect((await get(`${base}/no-such-file.js`, ca)).status).toBe(404);
    // Office shows a generic image instead of an icon served with any Cache-Control directive.
    const icon = await get(`${base}/assets/icon-80.png`, ca);
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/png");
    expect(icon.headers["cache-control"]).toBeUndefined();

    // Instructions: what to upload where, the pane URL and the metadata URL.
    const manifest = path.join(runDir, `manifest-${port}.xml`);
    expect(stdout).toContain(manifest);
    expect(stdout).toContain("Upload My Add-in");
    expect(stdout).toContain(`${base}/taskpane.html`);
    expect(stdout).toContain(`${base}/functions.json`);
    expect(stderr).toContain("not trusted");
    // On another port than 3000 the manifest to upload points at that port, and only at it.
    const xml = readFileSync(manifest, "utf8");
    expect(xml).toContain(`${base}/taskpane.html`);
    expect(xml).not.toContain("localhost:3000");

    // A second start on the same port refuses rather than fighting for it.
    const second = spawnSync(process.execPath, [START, "--port", String(port), "--no-build"], {
      cwd: ROOT,
      env,
    });
    expect(second.status).toBe(1);
    expect(second.stderr.toString()).toContain("already being served");

    const record = JSON.parse(readFileSync(path.join(runDir, `${port}.json`), "utf8")) as { pid: number };
    expect(record.pid).toBe(child.pid);

    const stop = spawnSync(process.execPath, [STOP, "--port", String(port)], { cwd: ROOT, env });
    expect(stop.status).toBe(0);
    expect(stop.stdout.toString()).toContain(`pid ${child.pid}`);
    expect(await exited(child)).toBe(0);
    expect(existsSync(path.join(runDir, `${port}.json`))).toBe(false);
    expect(await portRefuses(port)).toBe(true);

    // Nothing left to stop.
    const again = spawnSync(process.execPath, [STOP, "--port", String(port)], { cwd: ROOT, env });
    expect(again.status).toBe(0);
    expect(again.stdout.toString()).toContain("No Échéance server was running");
  });

  test("when no certificate can be had, start warns and serves over http instead of crashing (check mode)", async () => {
    const port = await freePort();
    // HOME is a file: office-addin-dev-certs cannot create its folder, so no certificate exists.
    const notADirectory = path.join(home, "file");
    writeFileSync(notADirectory, "");
    const result = spawnSync(
      process.execPath,
      [START, "--port", String(port), "--no-build", "--no-install-certs", "--once"],
      { cwd: ROOT, env: { ...env, HOME: notADirectory, USERPROFILE: notADirectory }, timeout: 60_000 },
    );
    const stdout = result.stdout.toString();
    expect(result.stderr.toString()).toContain("WARNING: serving over plain HTTP");
    expect(stdout).toContain(`http://localhost:${port}/taskpane.html`);
    expect(stdout).toContain(`check: GET /taskpane.html -> 200`);
    expect(stdout).toContain(`check: GET /functions.json -> 200`);
    expect(stdout).toContain(`check: GET /taskpane.js -> 200`);
    expect(stdout).not.toContain("office.js");
    expect(stdout).toContain("check: all files served.");
    expect(result.status).toBe(0);
    expect(existsSync(path.join(runDir, `${port}.json`))).toBe(false);
  });
});
