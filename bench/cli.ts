import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateLarge } from "../samples/generate";

/**
 * `echeance apply` on registers of 10,000, 100,000 and 1,000,000 rows (Excel's row limit is 1,048,576),
 * against the floor of any xlsx→xlsx tool: inflating every part of the file, reading the sheet once and
 * deflating it all back (fflate, no engine, no XML parsing). The command takes its one xlsx path: the
 * byte-for-byte copy (src/xlsx) that rewrites only the register sheet's rows and passes every other
 * part through. Both run as child processes of plain Node, measured the same way: wall time, and peak
 * resident memory from `/usr/bin/time -v` (or the child's own process.resourceUsage() where that is
 * missing). The floor and the command run in turns, BENCH_REPEAT times each (default 2; the
 * 1,000,000-row case BENCH_REPEAT_LARGE times, default 2), best of each. Needs the built
 * command line (npm run build). Printed figures, not a timed test: `node bench/run.js bench/cli.ts`.
 * BENCH_MAX_ROWS caps the sizes (e.g. 100000 to leave out the million-row case).
 */

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "echeance.js");
const TIME = "/usr/bin/time";

/** The read-and-write floor, as plain JavaScript: every part inflated, the sheet's rows counted, all deflated back. */
const IO_ONLY = `
const { unzipSync, zipSync, strFromU8 } = require(process.env.BENCH_FFLATE);
const fs = require("node:fs");
const [input, output] = process.argv.slice(2);
const files = unzipSync(fs.readFileSync(input));
let rows = 0;
for (const [name, bytes] of Object.entries(files))
  if (/^xl\\/worksheets\\/sheet\\d+\\.xml$/.test(name)) rows += strFromU8(bytes).split("<row ").length - 1;
fs.writeFileSync(output, zipSync(files, { level: 6 }));
process.stdout.write(String(rows));
`;

/** Preloaded in every child when /usr/bin/time is missing: prints the peak RSS (kB) at exit. */
const RSS_HOOK = `process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("\\nBENCH_MAXRSS_KB " + u.maxRSS + " BENCH_CPU_US " + (u.userCPUTime + u.systemCPUTime) + "\\n"); });\n`;

export interface Measure {
  readonly seconds: number;
  readonly peakMb: number;
  /** User and system CPU time, all threads: what the run cost, whatever else the machine ran. */
  readonly cpuSeconds: number;
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
      env: { ...process.env, BENCH_FFLATE: require.resolve("fflate") },
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
      const cpuSeconds = useTime
        ? Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN) +
          Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? NaN)
        : Number(/BENCH_CPU_US (\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6;
      resolve({ code: code ?? -1, stdout, stderr, seconds, peakMb: kb / 1024, cpuSeconds });
    });
  });
}

/** The fastest of a run's measures, with the highest peak memory seen over them all. */
function fastest(runs: readonly Child[]): Measure {
  const f = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { seconds: f.seconds, peakMb: Math.max(...runs.map((r) => r.peakMb)), cpuSeconds: f.cpuSeconds };
}

/**
 * The floor and the command, each run `times` times, one after the other in turns (floor, apply,
 * floor, apply…): a machine whose speed drifts (a shared host) slows both alike, so their ratio is
 * fair; best of each.
 */
async function inTurns(
  times: number,
  runs: { readonly args: string[]; readonly what: string }[],
  hook: string | undefined,
): Promise<Measure[]> {
  const seen: Child[][] = runs.map(() => []);
  for (let i = 0; i < times; i++)
    for (const [k, run] of runs.entries()) {
      const r = await runChild(run.args, hook);
      if (r.code !== 0) throw new Error(`${run.what} failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
      (seen[k] as Child[]).push(r);
    }
  return seen.map(fastest);
}

export interface CliBenchRow {
  readonly rows: number;
  readonly fileMb: number;
  /** Inflate every part, read the sheet, deflate it all back: the floor of an xlsx→xlsx rewrite. */
  readonly io: Measure;
  readonly apply: Measure;
}

export const CLI_BENCH_SIZES = [10_000, 100_000, 1_000_000] as const;

export async function cliBenchRows(
  sizes: readonly number[] = CLI_BENCH_SIZES.filter(
    (n) => n <= Number(process.env.BENCH_MAX_ROWS ?? Infinity),
  ),
  repeat = Number(process.env.BENCH_REPEAT ?? 2) || 2,
  largeRepeat = Number(process.env.BENCH_REPEAT_LARGE ?? 2) || 2,
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
    for (const rows of sizes) {
      const input = path.join(dir, `large-${rows}.xlsx`);
      await generateLarge(rows, input);
      const times = rows >= 1_000_000 ? largeRepeat : repeat;
      const applied = path.join(dir, `applied-${rows}.xlsx`);
      const [io, apply] = (await inTurns(
        times,
        [
          { args: [ioScript, input, path.join(dir, `copy-${rows}.xlsx`)], what: "read+write" },
          {
            args: [BIN, "apply", input, "--vendor", "omi", "--as-of", "2026-06-30", "-o", applied],
            what: "echeance apply",
          },
        ],
        hook,
      )) as [Measure, Measure];
      out.push({ rows, fileMb: (await fs.stat(input)).size / 2 ** 20, io, apply });
      await fs.rm(input, { force: true });
      await fs.rm(applied, { force: true });
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
    "| Register (OMI invoices) | floor: inflate + read + deflate every part | `echeance apply` (byte-for-byte copy) | time ratio | rows per second | CPU time (all threads): floor / apply | peak RSS: floor / apply |",
    "|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${n(r.rows)} rows (${r.fileMb.toFixed(1)} MB) | ${sec(r.io)} | ${sec(r.apply)} | ${(r.apply.seconds / r.io.seconds).toFixed(2)}× | ${n(Math.round(r.rows / r.apply.seconds))} | ${r.io.cpuSeconds.toFixed(1)} s / ${r.apply.cpuSeconds.toFixed(1)} s | ${r.io.peakMb.toFixed(0)} MB / ${r.apply.peakMb.toFixed(0)} MB |`,
    );
  }
  return lines.join("\n");
}

/** The markdown table of the command-line benchmark. */
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
