import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateLarge } from "../samples/generate";

/**
 * `echeance apply` against the time to only read and write the same file with exceljs (in memory, or
 * its streaming reader and writer, no engine). With --no-stream the command itself reads and writes
 * with exceljs in memory, so that ratio is the engine's overhead; with --stream it takes its
 * large-file path (src/cli/xlsx: only the register sheet's rows are rewritten in a byte-for-byte copy),
 * so the ratio compares it with the cheapest exceljs copy of the file. Both run as child processes of plain Node, measured the same way: wall time, and
 * peak resident memory from `/usr/bin/time -v` (or the child's own process.resourceUsage() where that
 * is missing). Best of BENCH_REPEAT runs (default 2). Needs the built command line (npm run build).
 * Printed figures, not a timed test: `node bench/run.js bench/cli.ts`.
 */

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "echeance.js");
const TIME = "/usr/bin/time";

/**
 * The read-and-write-only baseline, as plain JavaScript: in memory (readFile then writeFile) or the
 * streaming copy of src/cli/register-io.ts's streamRegister (same options, every cell's value and style
 * copied row by row), without the header recognition and the engine.
 */
const IO_ONLY = `
const ExcelJS = require(process.env.BENCH_EXCELJS);
const [mode, input, output, withColumns] = process.argv.slice(2);
// With "columns": six constant cells after the register's nine, shaped like apply's new columns (a date,
// days, three amounts, a status), so the output is as large as apply's without any engine work.
const STYLES = [{ numFmt: "dd/mm/yyyy" }, { numFmt: "0" }, { numFmt: '#,##0.00 "€"' }];
const DUE = new Date(Date.UTC(2025, 0, 31));
function addColumns(row) {
  if (withColumns !== "columns") return;
  const cells = [[DUE, 0], [30, 1], [22.87, 2], [40, 2], [62.87, 2], ["Payée avec 30 jours de retard", -1]];
  cells.forEach(([v, s], j) => {
    const cell = row.getCell(10 + j);
    cell.value = v;
    if (s >= 0) cell.style = STYLES[s];
  });
}
async function memory() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  wb.worksheets[0].eachRow((row, n) => n > 1 && addColumns(row));
  await wb.xlsx.writeFile(output);
}
async function stream() {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore",
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: false });
  for await (const wsReader of reader) {
    const ws = writer.addWorksheet(wsReader.name);
    for await (const row of wsReader) {
      const out = ws.getRow(row.number);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const target = out.getCell(col);
        target.value = cell.value;
        if (cell.style && Object.keys(cell.style).length > 0) target.style = cell.style;
      });
      if (row.number > 1) addColumns(out);
      out.commit();
    }
    ws.commit();
  }
  await writer.commit();
}
(mode === "memory" ? memory() : stream()).catch((e) => { console.error(e); process.exitCode = 1; });
`;

/** Preloaded in every child when /usr/bin/time is missing: prints the peak RSS (kB) at exit. */
const RSS_HOOK = `process.on("exit", () => process.stderr.write("\\nBENCH_MAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"));\n`;

export interface Measure {
  readonly seconds: number;
  readonly peakMb: number;
}

interface Child extends Measure {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runChild(args: string[], hook: string | undefined): Promise<Child> {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : process.execPath;
  const argv = useTime ? ["-v", process.execPath, ...args] : [...(hook ? ["--require", hook] : []), ...args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, {
      cwd: ROOT,
      env: { ...process.env, BENCH_EXCELJS: require.resolve("exceljs") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const kb = useTime
        ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN)
        : Number(/BENCH_MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ code: code ?? -1, stdout, stderr, seconds, peakMb: kb / 1024 });
    });
  });
}

async function best(times: number, args: string[], hook: string | undefined, what: string): Promise<Measure> {
  let fastest: Measure | undefined;
  let peak = 0;
  for (let i = 0; i < times; i++) {
    const r = await runChild(args, hook);
    if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
    if (!fastest || r.seconds < fastest.seconds) fastest = r;
    peak = Math.max(peak, r.peakMb);
  }
  return { seconds: (fastest as Measure).seconds, peakMb: peak };
}

export interface CliBenchRow {
  readonly rows: number;
  readonly path: "stream" | "memory";
  readonly fileMb: number;
  readonly io: Measure;
  /** Read + write with six constant new columns: the I/O of an output as large as apply's. */
  readonly ioColumns: Measure;
  readonly apply: Measure;
}

export async function cliBenchRows(
  cases: readonly { rows: number; path: "stream" | "memory" }[] = [
    { rows: 10_000, path: "memory" },
    { rows: 10_000, path: "stream" },
    { rows: 100_000, path: "stream" },
  ],
  repeat = Number(process.env.BENCH_REPEAT ?? 2) || 2,
): Promise<CliBenchRow[]> {
  if (!existsSync(path.join(ROOT, "dist", "cli", "echeance.js")))
    throw new Error("dist/cli/echeance.js is missing: run `npm run build` first.");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-bench-"));
  try {
    const ioScript = path.join(dir, "io-only.js");
    await fs.writeFile(ioScript, IO_ONLY);
    const hook = existsSync(TIME) ? undefined : path.join(dir, "rss.js");
    if (hook) await fs.writeFile(hook, RSS_HOOK);
    const out: CliBenchRow[] = [];
    const files = new Map<number, string>();
    for (const c of cases) {
      let input = files.get(c.rows);
      if (!input) {
        input = path.join(dir, `large-${c.rows}.xlsx`);
        await generateLarge(c.rows, input);
        files.set(c.rows, input);
      }
      const copy = path.join(dir, `copy-${c.rows}-${c.path}.xlsx`);
      const applied = path.join(dir, `applied-${c.rows}-${c.path}.xlsx`);
      const io = await best(repeat, [ioScript, c.path, input, copy], hook, "read+write");
      const ioColumns = await best(repeat, [ioScript, c.path, input, copy, "columns"], hook, "read+write");
      const apply = await best(
        repeat,
        [
          BIN,
          "apply",
          input,
          "--vendor",
          "omi",
          "--as-of",
          "2026-06-30",
          "-o",
          applied,
          c.path === "stream" ? "--stream" : "--no-stream",
        ],
        hook,
        "echeance apply",
      );
      out.push({
        rows: c.rows,
        path: c.path,
        fileMb: (await fs.stat(input)).size / 2 ** 20,
        io,
        ioColumns,
        apply,
      });
    }
    return out;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function formatCliBench(rows: readonly CliBenchRow[]): string {
  const n = (x: number): string => x.toLocaleString("en-US");
  const sec = (m: Measure): string => `${m.seconds.toFixed(2)} s`;
  const lines = [
    "| Register (OMI invoices) | path: read + write / apply | read + write only | read + write + 6 constant columns | `echeance apply` | ratio to read + write | ratio to read + write + columns | peak RSS: read + write / apply |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${n(r.rows)} rows (${r.fileMb.toFixed(1)} MB) | ${r.path === "stream" ? "exceljs stream / byte-for-byte copy" : "exceljs in memory / same"} | ${sec(r.io)} | ${sec(r.ioColumns)} | ${sec(r.apply)} | ${(r.apply.seconds / r.io.seconds).toFixed(2)}× | ${(r.apply.seconds / r.ioColumns.seconds).toFixed(2)}× | ${r.io.peakMb.toFixed(0)} MB / ${r.apply.peakMb.toFixed(0)} MB |`,
    );
  }
  return lines.join("\n");
}

/** The markdown table of the command-line benchmark (10k rows both paths, 100k rows streaming). */
export async function cliBench(): Promise<string> {
  return formatCliBench(await cliBenchRows());
}

// Run directly (`node bench/run.js bench/cli.ts`, which puts this file in argv[1]), not when imported.
if (path.resolve(process.argv[1] ?? "") === __filename) {
  cliBench().then(
    (table) => console.log(table),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
