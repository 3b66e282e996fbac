// Two builds:
//  - web: one page (taskpane.html) hosts the task pane and the custom functions (shared runtime), with
//    src/office/functions.ts written from the table of src/functions/definitions.ts, functions.json
//    generated from its JSDoc, functions-fr.json derived from it and the table, and the icons.
//    office.js is not copied: taskpane.html
//    loads it from Microsoft's CDN, as production add-ins must ("Referencing the Office JavaScript API
//    library", https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn);
//    the npm copy (@microsoft/office-js) stopped at 2022 host files that lack today's Excel APIs.
//    Without network the pane opens in preview mode (src/taskpane/office-boot.ts). The emitted
//    scripts are held to what the Mac webviews parse (scripts/webview-syntax.js): node_modules code
//    beyond it is rewritten down (scripts/downlevel-loader.js), and anything left fails the build.
//  - node: the command line, dist/cli/echeance.js, built only once src/cli/main.ts exists.
//  - both: ECHEANCE_ORIGIN (scripts/deployment.js) is the HTTPS folder a firm serves dist/ from;
//    dist/manifest.xml, the functions' help URLs and the support page are written for it. Without it,
//    the build is the development one, on https://localhost:3000/.
// `webpack serve` serves the web build on https://localhost:3000 (office-addin-dev-certs), or on http
// with a warning when no certificate can be had. `npm start` (scripts/start.js) does the same without
// webpack-dev-server.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { certificates, certificateWarning } = require("./scripts/dev-certs");
const { DeploymentPlugin, deploymentBase } = require("./scripts/deployment");
const { FunctionsFrPlugin, FunctionsSourcePlugin } = require("./scripts/functions-build");
const { WebviewSyntaxPlugin } = require("./scripts/webview-syntax");

const ROOT = __dirname;
// `--env outDir=…` builds elsewhere than dist/ (the deployment test builds for another origin there).
const distOf = (env) => (env.outDir ? path.resolve(env.outDir) : path.join(ROOT, "dist"));
const CLI_ENTRY = path.join(ROOT, "src/cli/main.ts");
const DEV_PORT = Number(process.env.PORT) || 3000;
const VERSION = require("./package.json").version;
// `declare const ECHEANCE_VERSION` in the sources: the package version, baked in at build time.
const define = () => new DefinePlugin({ ECHEANCE_VERSION: JSON.stringify(VERSION) });

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") },
  },
};

// Libraries' code with syntax newer than the webviews parse (tabster's class static blocks), rewritten down.
const downlevelRule = {
  test: /\.m?js$/,
  include: /[\\/]node_modules[\\/]/,
  use: { loader: path.join(ROOT, "scripts/downlevel-loader.js") },
};

/** webpack-dev-server's `server` option: https when a certificate can be had, else http (warned). */
async function devServerOption() {
  const tls = await certificates({ installCerts: process.env.ECHEANCE_NO_CERT_INSTALL !== "1" });
  const warning = certificateWarning(tls);
  if (warning) console.warn(`\n[echeance] ${warning.split("\n").join("\n[echeance] ")}\n`);
  return tls.scheme === "https" ? { type: "https", options: tls.options } : { type: "http" };
}

function webConfig(dev, server, dist, deployment) {
  return {
    name: "web",
    target: "web",
    mode: dev ? "development" : "production",
    context: ROOT,
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/office/custom-functions.ts",
    },
    output: {
      path: dist,
      filename: "[name].js",
      publicPath: "",
      // The node build writes dist/cli in parallel: leave it alone.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule, downlevelRule] },
    optimization: {
      // One webpack runtime for both entries: a module the pane and the functions share (the shared
      // function runtime) is instantiated once, so the pane can update what the functions use.
      runtimeChunk: "single",
      // Code both entries use (the engine, the catalog) ships once, in a shared chunk.
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      define(),
      // Before the metadata plugin: it reads functions.ts in the same hook, in plugin order.
      new FunctionsSourcePlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/office/functions.ts" }),
      new FunctionsFrPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets", to: "assets", noErrorOnMissing: true }],
      }),
      new DeploymentPlugin({ deployment, manifestFile: path.join(ROOT, "manifest.xml") }),
      new WebviewSyntaxPlugin(),
    ],
    devServer: {
      static: false,
      host: "localhost",
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(server ? { server } : {}),
    },
  };
}

function nodeConfig(dev, dist) {
  return {
    name: "cli",
    target: "node20",
    mode: dev ? "development" : "production",
    context: ROOT,
    devtool: false,
    entry: { echeance: "./src/cli/main.ts" },
    output: {
      path: path.join(dist, "cli"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [tsRule] },
    externalsPresets: { node: true },
    // exceljs is a runtime dependency and large: require it from node_modules.
    externals: { exceljs: "commonjs exceljs" },
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [define()],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const server = env.WEBPACK_SERVE ? await devServerOption() : undefined;
  const dist = distOf(env);
  const deployment = deploymentBase(process.env.ECHEANCE_ORIGIN);
  const configs = [webConfig(dev, server, dist, deployment)];
  // src/cli/main.ts is written separately: build the CLI only when it exists.
  if (fs.existsSync(CLI_ENTRY)) configs.push(nodeConfig(dev, dist));
  return configs;
};
