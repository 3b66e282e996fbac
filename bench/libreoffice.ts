import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateLarge } from "../samples/generate";
import { recalculateWithLibreOffice, SOFFICE } from "../test/support/libreoffice";

/**
 * The same invoice register computed two ways outside Excel: `echeance apply` (the engine), and
 * LibreOffice Calc recalculating the portable-formula output of the same rows (native formulas over
 * the rates sheet). Printed wall times, not a timed test.
 */

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "echeance.js");

function timed(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`echeance ${args[0]} failed: ${run.stdout}\n${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export interface LibreOfficeBenchRow {
  readonly rows: number;
  /** `echeance apply` in values mode, the portable-formula output, LibreOffice recalculating it: seconds. */
  readonly values: number;
  readonly portable: number;
  readonly libreOffice: number;
}

/** The measures, or undefined where LibreOffice is not installed. */
export async function libreOfficeBenchRows(
  counts: readonly number[] = [10_000, 100_000],
): Promise<LibreOfficeBenchRow[] | undefined> {
  if (!SOFFICE) return undefined;
  if (!existsSync(path.join(ROOT, "dist", "cli", "echeance.js")))
    throw new Error("dist/cli/echeance.js is missing: run `npm run build` first.");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-lo-bench-"));
  const out: LibreOfficeBenchRow[] = [];
  try {
    for (const rows of counts) {
      const input = path.join(dir, `large-${rows}.xlsx`);
      await generateLarge(rows, input);
      const common = ["--vendor", "omi", "--as-of", "2026-06-30"];
      const values = timed(["apply", input, ...common, "-o", path.join(dir, `values-${rows}.xlsx`)]);
      const portableFile = path.join(dir, `portable-${rows}.xlsx`);
      const portable = timed(["apply", input, ...common, "--output", "portable", "-o", portableFile]);
      const recalculated = path.join(dir, `recalculated-${rows}`);
      await fs.mkdir(recalculated);
      const start = process.hrtime.bigint();
      await recalculateWithLibreOffice(
        [portableFile],
        recalculated,
        path.join(dir, `profile-${rows}`),
        1_800_000,
      );
      out.push({ rows, values, portable, libreOffice: Number(process.hrtime.bigint() - start) / 1e9 });
    }
    return out;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function formatLibreOfficeBench(rows: readonly LibreOfficeBenchRow[] | undefined): string {
  if (!rows) return "LibreOffice (soffice) is not installed: skipped.";
  return [
    "| invoice rows | `echeance apply` (values) | writing the portable formulas | LibreOffice recalculating them | LibreOffice / echeance |",
    "|---:|--:|--:|--:|--:|",
    ...rows.map(
      (r) =>
        `| ${r.rows.toLocaleString("en-US")} | ${r.values.toFixed(2)} s | ${r.portable.toFixed(2)} s | ${r.libreOffice.toFixed(2)} s | ${(r.libreOffice / r.values).toFixed(1)}× |`,
    ),
  ].join("\n");
}

export async function libreOfficeBench(): Promise<string> {
  return formatLibreOfficeBench(await libreOfficeBenchRows());
}

// Run alone: `node bench/run.js bench/libreoffice.ts`.
if (path.resolve(process.argv[1] ?? "") === __filename) {
  libreOfficeBench().then(
    (table) => console.log(table),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
