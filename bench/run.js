// Runs a TypeScript benchmark without a build step: `node bench/run.js [bench/engine.ts]`.
process.env.TS_NODE_TRANSPILE_ONLY = "1";
process.env.TS_NODE_COMPILER_OPTIONS = JSON.stringify({ module: "commonjs", moduleResolution: "node" });
require("ts-node/register");
const path = require("node:path");
const target = path.resolve(process.argv[2] || path.join(__dirname, "index.ts"));
process.argv.splice(1, 2, target);
require(target);
