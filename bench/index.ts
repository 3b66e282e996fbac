import os from "node:os";
import { engineBench, formatEngineBench, type BenchRow } from "./engine";
import { cliBenchRows, formatCliBench, type CliBenchRow } from "./cli";
import { formatLibreOfficeBench, libreOfficeBenchRows, type LibreOfficeBenchRow } from "./libreoffice";
import { formatPaneBench, paneBenchRows, type PaneBenchRow } from "./pane";

/** `npm run bench`: every benchmark, one table each, then the targets in one table, with the machine it ran on. */
function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/**
 * One table of the targets, each with its measured figure (from the tables above): what the
 * README quotes first.
 */
function formatTargets(
  engine: readonly BenchRow[],
  pane: readonly PaneBenchRow[],
  cli: readonly CliBenchRow[],
  lo: readonly LibreOfficeBenchRow[] | undefined,
): string {
  const per = (name: string) => engine.find((r) => r.name.startsWith(name));
  const worst = engine.reduce((a, r) => (r.engine / r.adapter > a.engine / a.adapter ? r : a));
  const p100 = pane.find((r) => r.rows === 100_000);
  const c100 = cli.find((r) => r.rows === 100_000);
  const c1m = cli.find((r) => r.rows === 1_000_000);
  const lo100 = lo?.find((r) => r.rows === 100_000);
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const rows: [string, string, string, boolean | undefined][] = [
    [
      "DUEDATE through the engine",
      `${n(per("DUEDATE")?.engine ?? 0)}/s`,
      "≥ 1,000,000/s",
      (per("DUEDATE")?.engine ?? 0) >= 1e6,
    ],
    [
      "LATEFEE through the engine (2 half-years)",
      `${n(per("LATEFEE")?.engine ?? 0)}/s`,
      "≥ 200,000/s",
      (per("LATEFEE")?.engine ?? 0) >= 2e5,
    ],
    [
      `custom-function adapter cost (highest: ${worst.name})`,
      `${(worst.engine / worst.adapter).toFixed(2)}×`,
      "≤ 2×",
      worst.engine / worst.adapter <= 2,
    ],
    [
      "pane Apply, 100k invoice rows: total",
      `${n(p100?.totalMs ?? NaN)} ms`,
      "< 2 s",
      (p100?.totalMs ?? Infinity) < 2000,
    ],
    [
      "pane Apply, 100k rows: requests (read + write)",
      `${(p100?.readSyncs ?? 0) + (p100?.syncs ?? 0)}`,
      "< 30",
      (p100?.readSyncs ?? 0) + (p100?.syncs ?? 0) < 30,
    ],
    [
      "pane Apply, 100k rows: largest request",
      `${((p100?.largestBytes ?? 0) / 2 ** 20).toFixed(2)} MB`,
      "≤ 4 MB",
      (p100?.largestBytes ?? Infinity) <= 4 * 2 ** 20,
    ],
    [
      "`echeance apply`, 100k rows / inflate + read + deflate the file",
      `${c100 ? (c100.apply.seconds / c100.io.seconds).toFixed(2) : "?"}× (${c100 ? c100.apply.seconds.toFixed(1) : "?"} s)`,
      "(measured)",
      undefined,
    ],
    [
      "`echeance apply`, 100k rows: peak resident memory",
      `${c100 ? c100.apply.peakMb.toFixed(0) : "?"} MB`,
      "(measured)",
      undefined,
    ],
    [
      "`echeance apply`, 1,000,000 rows (Excel's limit): time / the floor's (issue 20)",
      c1m
        ? `${(c1m.apply.seconds / c1m.io.seconds).toFixed(2)}× (${c1m.apply.seconds.toFixed(1)} s / ${c1m.io.seconds.toFixed(1)} s)`
        : "not run (BENCH_MAX_ROWS)",
      "≤ 1.1× (15 s / 14 s)",
      c1m ? c1m.apply.seconds / c1m.io.seconds <= 1.1 : undefined,
    ],
    [
      "`echeance apply`, 1,000,000 rows: peak resident memory (issue 20)",
      c1m ? `${c1m.apply.peakMb.toFixed(0)} MB` : "not run (BENCH_MAX_ROWS)",
      "≤ 300 MB",
      c1m ? c1m.apply.peakMb <= 300 : undefined,
    ],
    [
      "LibreOffice recalculating the portable formulas / `echeance apply`, 100k rows",
      lo100 ? `${(lo100.libreOffice / lo100.values).toFixed(1)}×` : "not run",
      "(measured)",
      undefined,
    ],
  ];
  return [
    "| measure | measured | target | met |",
    "|---|--:|--:|:-:|",
    ...rows.map(
      ([what, got, target, met]) =>
        `| ${what} | ${got} | ${target} | ${met === undefined ? "" : met ? "yes" : "**no**"} |`,
    ),
  ].join("\n");
}

async function main(): Promise<void> {
  console.log(`Échéance benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine()}\n`);
  console.log("Engine throughput (single thread):\n");
  const engine = engineBench();
  console.log(formatEngineBench(engine));
  console.log("\nTask pane Apply against the in-memory Excel host (invoices):\n");
  const pane = await paneBenchRows();
  console.log(formatPaneBench(pane));
  console.log(
    "\n`echeance apply` against the floor of any xlsx rewrite (child processes, best of BENCH_REPEAT runs; the million-row case once):\n",
  );
  const cli = await cliBenchRows();
  console.log(formatCliBench(cli));
  console.log(
    "\nThe same register outside Excel: the engine vs LibreOffice recalculating the portable formulas:\n",
  );
  const lo = await libreOfficeBenchRows();
  console.log(formatLibreOfficeBench(lo));
  console.log("\nThe targets (issue 7), measured above:\n");
  console.log(formatTargets(engine, pane, cli, lo));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
