import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";
import type { FakeOfficeOptions } from "./fake-office";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Bundles test/support/fake-office.ts for the browser (no eval: the pane's Content-Security-Policy
 * refuses it) and returns a function that gives the script to serve for a set of options.
 */
export async function buildFakeOffice(): Promise<(options: Partial<FakeOfficeOptions>) => string> {
  const out = mkdtempSync(path.join(tmpdir(), "echeance-fake-office-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      target: "web",
      context: ROOT,
      entry: path.join(__dirname, "fake-office.ts"),
      output: { path: out, filename: "fake-office.js" },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: {
              loader: "ts-loader",
              options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") },
            },
          },
        ],
      },
      performance: { hints: false },
    });
    await new Promise<void>((resolve, reject) =>
      compiler.run((error, stats) => {
        compiler.close(() => undefined);
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      }),
    );
    const bundle = readFileSync(path.join(out, "fake-office.js"), "utf8");
    return (options) => `window.__fakeOfficeOptions = ${JSON.stringify(options)};\n${bundle}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
