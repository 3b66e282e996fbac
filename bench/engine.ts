import {
  dueDate,
  iso,
  latePayment,
  noticeDeadline,
  renewalDate,
  resolveVendor,
  Decimal,
  type Day,
} from "../src/engine";
import { FunctionRuntime } from "../src/functions/runtime";
import { dayToSerial } from "../src/input/cell-values";

/**
 * Engine throughput, single thread: evaluations per second of DUEDATE, LATEFEE (a late period across
 * 30 June, so two rate segments), RENEWALDATE and NOTICEDEADLINE, through the engine and through the
 * custom functions' runtime (name lookup, vendor resolution and argument reading included). Printed
 * figures, not a timed test.
 */

export interface BenchRow {
  readonly name: string;
  readonly engine: number;
  readonly adapter: number;
}

/**
 * Evaluations per second: after a warm-up, the best of five rounds of at least `roundMs` each (the
 * fastest round is the one least disturbed by the machine's other work and by garbage collection).
 */
function perSecond(run: (i: number) => unknown, roundMs = 150): number {
  for (let i = 0; i < 20_000; i++) run(i);
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let i = 0; i < 10_000; i++) run(n + i);
      n += 10_000;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    best = Math.max(best, (n / elapsed) * 1000);
  }
  return best;
}

export function engineBench(): BenchRow[] {
  const omi = resolveVendor("omi");
  const sillage = resolveVendor("sillage");
  const runtime = new FunctionRuntime();
  const base = iso("2024-01-01");
  const days = (i: number) => (base + (i % 700)) as Day;
  const serial = (i: number) => dayToSerial(days(i));
  const amount = new Decimal(2500);
  const due = iso("2025-06-10");
  const paid = iso("2025-07-20"); // 20 days in 2025-H1, 20 in 2025-H2
  const start = iso("2023-09-01");

  const cases: { name: string; engine: (i: number) => unknown; adapter: (i: number) => unknown }[] = [
    {
      name: "DUEDATE",
      engine: (i) => dueDate(omi.profile, days(i), undefined, omi.settings),
      adapter: (i) => runtime.evaluate("DUEDATE", ["omi", serial(i)]),
    },
    {
      name: "LATEFEE (2 half-years)",
      engine: (i) =>
        latePayment(
          omi.profile,
          { amount, dueDate: due, paidDate: (paid + (i % 3)) as Day, client: "pro" },
          omi.settings,
        ),
      adapter: (i) =>
        runtime.evaluate("LATEFEE", ["omi", 2500, dayToSerial(due), dayToSerial(paid) + (i % 3)]),
    },
    {
      name: "RENEWALDATE",
      engine: (i) => renewalDate(sillage.profile, { start }, days(i) > start ? days(i) : start),
      adapter: (i) => runtime.evaluate("RENEWALDATE", ["sillage", dayToSerial(start), serial(i)]),
    },
    {
      name: "NOTICEDEADLINE",
      engine: (i) => noticeDeadline(sillage.profile, { start }, days(i) > start ? days(i) : start),
      adapter: (i) => runtime.evaluate("NOTICEDEADLINE", ["sillage", dayToSerial(start), serial(i)]),
    },
  ];
  // A workbook mixes these functions: every path runs before any is timed, so that no figure is
  // flattered by code that has only ever seen one function and one vendor.
  for (let i = 0; i < 20_000; i++) {
    for (const c of cases) {
      c.engine(i);
      c.adapter(i);
    }
  }
  return cases.map((c) => ({ name: c.name, engine: perSecond(c.engine), adapter: perSecond(c.adapter) }));
}

export function formatEngineBench(rows: readonly BenchRow[]): string {
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(12);
  const lines = [
    "| evaluation | engine /s | custom-function adapter /s | adapter cost |",
    "|---|---:|---:|---:|",
    ...rows.map(
      (r) => `| ${r.name} | ${fmt(r.engine)} | ${fmt(r.adapter)} | ${(r.engine / r.adapter).toFixed(2)}× |`,
    ),
  ];
  return lines.join("\n");
}
