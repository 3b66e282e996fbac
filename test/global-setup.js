// Builds the add-in once before the test run: the metadata, manifest, command-line and browser tests
// read dist/. Set ECHEANCE_SKIP_BUILD=1 to reuse an existing build while iterating.
const { execFileSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const path = require("node:path");

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "..");
  if (process.env.ECHEANCE_SKIP_BUILD === "1" && existsSync(path.join(root, "dist"))) return;
  if (!existsSync(path.join(root, "webpack.config.js"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
};
