import { Decimal, foldName, formatIsoDay } from "../engine";
import { dayToSerial, serialToDay } from "../input/cell-values";
import { inColumnOrder } from "./columns";
import { ROW_PROBLEM } from "./status";
import { prepareApply, type Applier } from "./compute";
import type {
  ApplyOptions,
  ApplyResult,
  ApplySummary,
  CellValue,
  OutputValue,
  RowResult,
  RunOptions,
} from "./types";

const DEFAULT_CHUNK = 2000;
const MAX_ERRORS_LISTED = 10;
const MAX_DEADLINES_LISTED = 5;
const MAX_UNKNOWN_VENDORS_LISTED = 10;
/** Different unknown names counted at most: memory stays bounded on a register of random names. */
const MAX_UNKNOWN_VENDORS_TRACKED = 1000;

/** Yields to the event loop so a task pane stays responsive between chunks. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Accumulates the summary while rows are computed, so a caller streaming rows (the command line on a
 * large file) never keeps them all.
 */
export class SummaryBuilder {
  private rows = 0;
  private computed = 0;
  private errors = 0;
  private blank = 0;
  private lateRows = 0;
  private interest = new Decimal(0);
  private fees = new Decimal(0);
  private readonly firstErrors: { row: number; message: string }[] = [];
  private deadlines: { row: number; label: string; date: number }[] = [];
  private readonly missing = new Map<string, { rate: "legal" | "ecb"; halfYear: number; rows: number }>();
  /** Unknown vendor names by their folded form (« ACME », « Acme » are one), with their rows. */
  private readonly unknown = new Map<string, { name: string; rows: number; firstRow: number }>();
  private unknownByLaw = 0;

  constructor(private readonly applier: Applier) {}

  add(result: RowResult, index: number, row: readonly CellValue[]): void {
    if (result.state === "blank") {
      this.blank += 1;
      return;
    }
    this.rows += 1;
    if (result.unknownVendor !== undefined) this.addUnknownVendor(result, index);
    if (result.state === "error") {
      this.errors += 1;
      if (this.firstErrors.length < MAX_ERRORS_LISTED)
        this.firstErrors.push({ row: this.applier.rowNumber(index), message: result.status });
      return;
    }
    this.computed += 1;
    if (result.interest !== 0) this.interest = this.interest.plus(result.exact?.interest ?? result.interest);
    if (result.recoveryFee !== 0) this.fees = this.fees.plus(result.exact?.recoveryFee ?? result.recoveryFee);
    const late =
      result.state === "late" ||
      result.state === "paid-late" ||
      result.penalty > 0 ||
      result.missingRate !== undefined;
    if (late) this.lateRows += 1;
    if (result.missingRate) {
      const key = `${result.missingRate.rate} ${result.missingRate.halfYear}`;
      const hit = this.missing.get(key);
      if (hit) hit.rows += 1;
      else this.missing.set(key, { ...result.missingRate, rows: 1 });
    }
    if (result.nextDeadline !== undefined && result.nextDeadline >= dayToSerial(this.applier.asOf))
      this.addDeadline(result.nextDeadline, index, row);
  }

  private addUnknownVendor(result: RowResult, index: number): void {
    const name = result.unknownVendor as string;
    if (result.state !== "error") this.unknownByLaw += 1;
    const key = foldName(name);
    const hit = this.unknown.get(key);
    if (hit) hit.rows += 1;
    else if (this.unknown.size < MAX_UNKNOWN_VENDORS_TRACKED)
      this.unknown.set(key, { name, rows: 1, firstRow: this.applier.rowNumber(index) });
  }

  private addDeadline(date: number, index: number, row: readonly CellValue[]): void {
    const last = this.deadlines[MAX_DEADLINES_LISTED - 1];
    if (this.deadlines.length >= MAX_DEADLINES_LISTED && last !== undefined && last.date <= date) return;
    const parts = [this.applier.cell(row, "reference"), this.applier.cell(row, "client")]
      .filter((v) => v !== undefined && v !== null && String(v).trim() !== "")
      .map((v) => String(v).trim());
    const n = this.applier.rowNumber(index);
    const label = parts.length > 0 ? parts.join(" — ") : ROW_PROBLEM.rowLabel(n)[this.applier.lang];
    this.deadlines.push({ row: n, label, date });
    this.deadlines.sort((a, b) => a.date - b.date || a.row - b.row);
    if (this.deadlines.length > MAX_DEADLINES_LISTED)
      this.deadlines = this.deadlines.slice(0, MAX_DEADLINES_LISTED);
  }

  build(cancelled: boolean): ApplySummary {
    const asOf = this.applier.asOf;
    return {
      mode: this.applier.mode,
      asOf: dayToSerial(asOf),
      asOfIso: formatIsoDay(asOf),
      rows: this.rows,
      computed: this.computed,
      errors: this.errors,
      blank: this.blank,
      firstErrors: [...this.firstErrors],
      totalInterest: this.interest.toDecimalPlaces(2).toNumber(),
      totalRecoveryFees: this.fees.toDecimalPlaces(2).toNumber(),
      totalPenalties: this.interest.plus(this.fees).toDecimalPlaces(2).toNumber(),
      lateRows: this.lateRows,
      missingRates: [...this.missing.values()].sort(
        (a, b) => a.halfYear - b.halfYear || a.rate.localeCompare(b.rate),
      ),
      nextDeadlines: this.deadlines.map((d) => ({ ...d, dateIso: formatIsoDay(serialToDay(d.date)) })),
      unknownVendors: [...this.unknown.values()]
        .sort((a, b) => b.rows - a.rows || a.firstRow - b.firstRow)
        .slice(0, MAX_UNKNOWN_VENDORS_LISTED)
        .map((u) => ({ ...u })),
      unknownVendorNames: this.unknown.size,
      unknownVendorRowsByLaw: this.unknownByLaw,
      cancelled,
    };
  }
}

/** Applies a register synchronously (tests, small ranges, the command line's in-memory path). */
export function applyRegisterSync(
  rows: readonly (readonly CellValue[])[],
  options: ApplyOptions,
): ApplyResult {
  const applier = prepareApply(options);
  const summary = new SummaryBuilder(applier);
  const results: RowResult[] = new Array<RowResult>(rows.length);
  const out: OutputValue[][] = new Array<OutputValue[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const r = applier.computeRow(row, i);
    results[i] = r;
    out[i] = inColumnOrder(applier.columns, r.values);
    summary.add(r, i, row);
  }
  return { columns: applier.columns, rows: out, results, summary: summary.build(false), cancelled: false };
}

/**
 * Applies a register in chunks, yielding between them, reporting progress (rows done / total) and
 * stopping between chunks when `signal.aborted` is set (the rows done so far come back, with
 * `cancelled: true`). The task pane and the command line use this.
 */
export async function applyRegister(
  rows: readonly (readonly CellValue[])[],
  options: ApplyOptions,
  run: RunOptions = {},
): Promise<ApplyResult> {
  const applier = prepareApply(options);
  const summary = new SummaryBuilder(applier);
  const chunk = Math.max(1, run.chunkSize ?? DEFAULT_CHUNK);
  const yieldFn = run.yieldFn ?? macrotask;
  const results: RowResult[] = [];
  const out: OutputValue[][] = [];
  const total = rows.length;
  let cancelled = false;
  for (let start = 0; start < total; start += chunk) {
    if (run.signal?.aborted) {
      cancelled = true;
      break;
    }
    const end = Math.min(total, start + chunk);
    for (let i = start; i < end; i++) {
      const row = rows[i] ?? [];
      const r = applier.computeRow(row, i);
      results.push(r);
      out.push(inColumnOrder(applier.columns, r.values));
      summary.add(r, i, row);
    }
    run.onProgress?.({ done: end, total });
    if (end < total) await yieldFn();
  }
  if (total === 0) run.onProgress?.({ done: 0, total: 0 });
  return { columns: applier.columns, rows: out, results, summary: summary.build(cancelled), cancelled };
}
