#!/usr/bin/env node
"use strict";
// The command line is bundled by webpack (npm run build) into dist/cli/echeance.js.
const path = require("node:path");
const bundle = path.join(__dirname, "..", "dist", "cli", "echeance.js");
let cli;
try {
  cli = require(bundle);
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(bundle)) {
    process.stderr.write("echeance: the command line is not built yet. Run `npm run build` first.\n");
    process.exit(3);
  }
  throw e;
}
cli.main(process.argv.slice(2), cli.processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`echeance: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 3;
  },
);
