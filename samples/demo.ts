/**
 * `npm run demo`: applies every vendor's terms to its sample registers and writes the results to
 * out/ (as of 30 June 2026, the last day whose rates the shipped table knows), printing each summary.
 */
import * as path from "node:path";
import { promises as fs } from "node:fs";
import { runApply } from "../src/cli/apply";

const AS_OF = "2026-06-30";
const RUNS: [file: string, vendor: string, extra?: string[]][] = [
  ["omi-factures.xlsx", "omi"],
  ["omi-factures.csv", "omi"],
  ["sillage-factures.xlsx", "sillage"],
  ["xiahdeh-factures.xlsx", "xiahdeh"],
  ["injenius-factures.xlsx", "injenius"],
  ["digitalli-factures.xlsx", "digitalli"],
  ["omi-abonnements.xlsx", "omi"],
  ["sillage-abonnements.xlsx", "sillage"],
  ["injenius-abonnements.xlsx", "injenius"],
  ["omi-factures.xlsx", "omi", ["--output", "formulas"]],
];

async function main(): Promise<number> {
  const outDir = path.resolve(__dirname, "..", "out");
  await fs.mkdir(outDir, { recursive: true });
  let worst = 0;
  for (const [file, vendor, extra = []] of RUNS) {
    const input = path.join(__dirname, file);
    const suffix = extra.includes("formulas") ? ".formules" : "";
    const out = path.join(
      outDir,
      `${file.replace(/\.(xlsx|csv)$/, "")}${file.endsWith(".csv") ? ".csv" : ""}${suffix}.echeance.xlsx`,
    );
    process.stdout.write(`\n=== ${file} (${vendor}${extra.length ? ` ${extra.join(" ")}` : ""}) ===\n`);
    const code = await runApply([input, "--vendor", vendor, "--as-of", AS_OF, "-o", out, ...extra], {
      stdout: process.stdout,
      stderr: process.stderr,
      isTTY: Boolean(process.stderr.isTTY),
    });
    worst = Math.max(worst, code);
  }
  return worst;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
