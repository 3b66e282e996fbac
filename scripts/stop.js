#!/usr/bin/env node
// `npm stop`: stops what `npm start` started, from the pid files it wrote in <tmp>/echeance-start
// (ECHEANCE_RUN_DIR overrides). With --port N (or PORT=N) only that server; otherwise every server
// started from this checkout. On Windows and macOS it also removes the sideloaded add-in.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

function runDir() {
  return process.env.ECHEANCE_RUN_DIR || path.join(os.tmpdir(), "echeance-start");
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Guards against a recycled pid: on Linux, the process must still be our start script. */
function isOurServer(pid) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync("/proc/self/cmdline")) return true;
  try {
    return fs.readFileSync(cmdline, "utf8").includes("start.js");
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopOne(file) {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    fs.rmSync(file, { force: true });
    return false;
  }
  if (record.sideloaded && (process.platform === "win32" || process.platform === "darwin")) {
    try {
      const { stopDebugging } = require("office-addin-debugging");
      await stopDebugging(record.manifest);
    } catch (error) {
      console.warn(`Could not remove the sideloaded add-in: ${error.message}`);
    }
  }
  let stopped = false;
  if (isAlive(record.pid) && isOurServer(record.pid)) {
    process.kill(record.pid, "SIGTERM");
    for (let i = 0; i < 50 && isAlive(record.pid); i++) await sleep(100);
    if (isAlive(record.pid)) process.kill(record.pid, "SIGKILL");
    stopped = true;
    console.log(`Stopped the Échéance server on port ${record.port} (pid ${record.pid}).`);
  }
  fs.rmSync(file, { force: true });
  return stopped;
}

async function main() {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === "--port" || a.startsWith("--port="));
  const portArg = i < 0 ? process.env.PORT : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  const dir = runDir();
  let files = [];
  if (portArg !== undefined) {
    files = [path.join(dir, `${Number(portArg)}.json`)].filter((f) => fs.existsSync(f));
  } else if (fs.existsSync(dir)) {
    files = fs
      .readdirSync(dir)
      .filter((f) => /^\d+\.json$/.test(f))
      .map((f) => path.join(dir, f))
      .filter((f) => {
        try {
          return JSON.parse(fs.readFileSync(f, "utf8")).root === ROOT;
        } catch {
          return true;
        }
      });
  }
  let count = 0;
  for (const file of files) if (await stopOne(file)) count++;
  if (count === 0) console.log("No Échéance server was running.");
}

main().catch((error) => {
  console.error(`npm stop failed: ${error.message}`);
  process.exit(1);
});
