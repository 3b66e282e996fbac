#!/usr/bin/env node
// `npm start`: builds the add-in (development mode) and serves dist/ on https://localhost:3000, the
// origin manifest.xml points at. On Windows and macOS it also sideloads the add-in into desktop Excel
// (office-addin-debugging); elsewhere it keeps serving and prints what to upload in Excel on the web.
//
// Options (each also as an environment variable):
//   --port N              PORT=N                       port (default 3000; other ports get their own manifest copy)
//   --no-build            ECHEANCE_NO_BUILD=1          serve the existing dist/ as it is
//   --watch                                            rebuild on every change (webpack --watch)
//   --http                ECHEANCE_HTTP=1              plain http, no certificate at all
//   --no-install-certs    ECHEANCE_NO_CERT_INSTALL=1   never try to install the CA in the system trust store:
//                                                      use (or generate) the dev certificates untrusted
//   --no-sideload                                      do not start desktop Excel
//   --once                ECHEANCE_START_CHECK=1       start, fetch the main files once, stop; exit 1 if one fails
// The running server's pid is kept in <tmp>/echeance-start/<port>.json (ECHEANCE_RUN_DIR overrides the
// folder); `npm stop` reads it.
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const { certificates, certificateWarning, firstLine } = require("./dev-certs");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(ROOT, "manifest.xml");
const MANIFEST_ORIGIN = "https://localhost:3000";

function runDir() {
  return process.env.ECHEANCE_RUN_DIR || path.join(os.tmpdir(), "echeance-start");
}

function pidFile(port) {
  return path.join(runDir(), `${port}.json`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function parseArgs(argv, env) {
  const flag = (name) => argv.includes(name);
  const value = (name) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    const a = argv[i];
    return a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[i + 1];
  };
  const port = Number(value("--port") ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`Invalid port "${value("--port") ?? env.PORT}".`);
  }
  return {
    port,
    build: !(flag("--no-build") || env.ECHEANCE_NO_BUILD === "1"),
    watch: flag("--watch"),
    http: flag("--http") || env.ECHEANCE_HTTP === "1",
    installCerts: !(flag("--no-install-certs") || env.ECHEANCE_NO_CERT_INSTALL === "1"),
    sideload: !flag("--no-sideload"),
    once: flag("--once") || env.ECHEANCE_START_CHECK === "1",
  };
}

function build() {
  console.log("Building the add-in (webpack --mode development)…");
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const result = spawnSync(process.execPath, [cli, "--mode", "development"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("The build failed: nothing to serve.");
}

/** The manifest to upload: manifest.xml itself on port 3000, a copy pointing at the port otherwise. */
function manifestFor(port) {
  if (port === 3000) return MANIFEST;
  const copy = path.join(runDir(), `manifest-${port}.xml`);
  const xml = fs.readFileSync(MANIFEST, "utf8").split(MANIFEST_ORIGIN).join(`https://localhost:${port}`);
  fs.writeFileSync(copy, xml);
  return copy;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

function handler(manifestPath) {
  return (req, res) => {
    const headers = { "Access-Control-Allow-Origin": "*" };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400, headers).end("Bad request");
      return;
    }
    if (pathname === "/") pathname = "/taskpane.html";
    const file =
      pathname === "/manifest.xml" ? manifestPath : path.resolve(DIST, `.${path.posix.normalize(pathname)}`);
    if (file !== manifestPath && !file.startsWith(DIST + path.sep)) {
      res.writeHead(403, headers).end("Forbidden");
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      const ext = path.extname(file).toLowerCase();
      const type = TYPES[ext] || "application/octet-stream";
      // Office replaces icons served with any Cache-Control directive by a generic image.
      const cache = [".png", ".svg", ".ico"].includes(ext) ? {} : { "Cache-Control": "no-store" };
      res.writeHead(200, { ...headers, ...cache, "Content-Type": type, "Content-Length": stat.size });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server);
    });
  });
}

/** Fetches a path from the running server (check mode), trusting the dev CA when there is one. */
function probe(tls, port, pathname) {
  return new Promise((resolve) => {
    const lib = tls.scheme === "https" ? https : http;
    const req = lib.get(
      { host: "127.0.0.1", port, path: pathname, servername: "localhost", ca: tls.options && tls.options.ca },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", (error) => resolve(`error: ${firstLine(error)}`));
  });
}

async function sideload(manifestPath, port) {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    console.log(`Desktop Excel: not available on ${process.platform}; nothing sideloaded.`);
    return false;
  }
  try {
    const { startDebugging, AppType } = require("office-addin-debugging");
    const { OfficeApp } = require("office-addin-manifest");
    await startDebugging(manifestPath, {
      appType: AppType.Desktop,
      app: OfficeApp.Excel,
      enableDebugging: false,
      enableLiveReload: false,
      devServerPort: port,
    });
    console.log("Desktop Excel: the add-in was sideloaded; Excel should open with it.");
    return true;
  } catch (error) {
    console.log(`Desktop Excel: could not sideload (${firstLine(error)}); use Excel on the web instead.`);
    return false;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2), process.env);
  const { port } = options;
  fs.mkdirSync(runDir(), { recursive: true });

  const running = fs.existsSync(pidFile(port))
    ? JSON.parse(fs.readFileSync(pidFile(port), "utf8"))
    : undefined;
  if (running && running.pid !== process.pid && isAlive(running.pid)) {
    console.error(
      `Échéance is already being served on port ${port} (pid ${running.pid}). Stop it first: npm stop -- --port ${port}`,
    );
    process.exitCode = 1;
    return;
  }

  if (options.build) build();
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: build first (npm run build:dev) or drop --no-build.");
  }

  const tls = await certificates(options);
  const manifestPath = manifestFor(port);
  const serve = handler(manifestPath);
  const create = () =>
    tls.scheme === "https" ? https.createServer(tls.options, serve) : http.createServer(serve);
  const servers = [await listen(create(), port, "127.0.0.1")];
  // Browsers may resolve localhost to ::1 first: answer there too when the machine has IPv6.
  await listen(create(), port, "::1").then(
    (server) => servers.push(server),
    () => undefined,
  );

  const base = `${tls.scheme}://localhost:${port}`;
  const record = {
    pid: process.pid,
    port,
    url: `${base}/`,
    root: ROOT,
    manifest: manifestPath,
    sideloaded: false,
  };
  fs.writeFileSync(pidFile(port), JSON.stringify(record, null, 2));

  let watcher;
  let stopping = false;
  const shutdown = (code) => {
    if (stopping) return;
    stopping = true;
    if (watcher) watcher.kill();
    try {
      const current = JSON.parse(fs.readFileSync(pidFile(port), "utf8"));
      if (current.pid === process.pid) fs.unlinkSync(pidFile(port));
    } catch {
      // Already removed by npm stop.
    }
    for (const server of servers) server.close();
    for (const server of servers) server.closeAllConnections?.();
    process.exitCode = code;
    setTimeout(() => process.exit(code), 1000).unref();
  };
  process.on("SIGINT", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));

  const warning = certificateWarning(tls);
  if (warning) console.warn(`\n${warning}\n`);

  console.log(
    [
      "",
      `Échéance add-in served from ${DIST} at ${base}/`,
      `  Task pane:  ${base}/taskpane.html   (outside Excel it opens in preview mode, in any browser)`,
      `  Functions:  ${base}/functions.json   (French: ${base}/functions-fr.json)`,
      `  Manifest:   ${manifestPath}`,
      "Excel on the web: Insert > Add-ins > Upload My Add-in (Insertion > Compléments > Charger mon complément),",
      `  then choose the manifest file above.`,
      `Stop with: npm stop${port === 3000 ? "" : ` -- --port ${port}`}`,
      "",
    ].join("\n"),
  );

  if (options.once) {
    const paths = [
      "/taskpane.html",
      "/functions.json",
      "/functions-fr.json",
      // office.js is not served here: the page loads it from Microsoft's CDN.
      "/taskpane.js",
      "/functions.js",
      "/assets/icon-32.png",
    ];
    let ok = true;
    for (const p of paths) {
      const status = await probe(tls, port, p);
      console.log(`check: GET ${p} -> ${status}`);
      if (status !== 200) ok = false;
    }
    console.log(ok ? "check: all files served." : "check: some files were not served.");
    shutdown(ok ? 0 : 1);
    return;
  }

  if (options.watch) {
    const cli = require.resolve("webpack-cli/bin/cli.js");
    watcher = spawn(process.execPath, [cli, "--mode", "development", "--watch"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }

  if (options.sideload && (await sideload(manifestPath, port))) {
    fs.writeFileSync(pidFile(port), JSON.stringify({ ...record, sideloaded: true }, null, 2));
  }
}

main().catch((error) => {
  const message =
    error.code === "EADDRINUSE"
      ? `port ${error.port} is already in use by another program; choose another with --port.`
      : error.message;
  console.error(`npm start failed: ${message}`);
  process.exit(1);
});
