import { recognizeHeaders } from "../apply";
import {
  applyToSheet,
  planApply,
  cellFormula,
  cellValue,
  rowsInMemory,
  type ApplyOutcome,
  type ApplyRequest,
  type ApplySink,
  type HighlightRule,
  type OutputCell,
  type SinkInterruption,
  type SinkPlan,
  type WriteMode,
} from "../write";
import type { CellValue, SheetBlock } from "../cells";
import type { Day, Language } from "../engine";
import { registerPlace, type MatrixCell, type SinkReport, type SourceBlock } from "../workbook/gateway";
import type { ReferenceSheet } from "../portable";
import { check, sameValue, type Difference } from "./check";
import { SELF_TEST_TEXT } from "./text";
import type { StepContext } from "./step";

/**
 * The registers the self-test lays out on its scratch sheets, and the Apply it runs on them, worked
 * by hand: invoice i (1-based) of "F-i" is dated 01/01/2025 + i days (serial 45658 + i) for 100 × i €.
 * With OMI's terms an invoice is due 30 days after its date (docs/conventions.md, worked examples), so
 * invoice i is due on serial 45688 + i; as of 15/02/2025 (serial 45703) it is 15 − i days late.
 */

/** The scratch sheets' name; the gateway adds " (2)", " (3)"… when it is taken. */
export const SCRATCH_SHEET = "Échéance - autotest";

export const REGISTER_HEADERS = ["N° facture", "Date facture", "Montant TTC"] as const;
/** 01/01/2025 as an Excel serial (1900 date system). */
export const JANUARY_FIRST_2025 = 45658;
export const AS_OF_ISO = "2025-02-15";
/** 15/02/2025: 01/01/2025 + 45 days. */
export const AS_OF_SERIAL = JANUARY_FIRST_2025 + 45;
/** OMI: due 30 days after the invoice date. */
export const OMI_DAYS = 30;

export const invoiceDate = (i: number): number => JANUARY_FIRST_2025 + i;
export const dueDate = (i: number): number => invoiceDate(i) + OMI_DAYS;

const DATE_FORMAT = "dd/mm/yyyy";
const MONEY_FORMAT = '#,##0.00 "€"';

/** The register's cells from A1: a bold header row, then `count` invoices (and any extra columns). */
export function registerMatrix(
  count: number,
  extra: { readonly header: string; readonly cell: (i: number) => CellValue } | undefined = undefined,
): MatrixCell[][] {
  const header: MatrixCell[] = [...REGISTER_HEADERS, ...(extra ? [extra.header] : [])].map((h) => ({
    value: h,
    bold: true,
  }));
  const rows: MatrixCell[][] = [];
  for (let i = 1; i <= count; i++)
    rows.push([
      { value: `F-${i}` },
      { value: invoiceDate(i), numberFormat: DATE_FORMAT },
      { value: 100 * i, numberFormat: MONEY_FORMAT },
      ...(extra ? [{ value: extra.cell(i) }] : []),
    ]);
  return [header, ...rows];
}

const A1: SheetBlock = { row: 0, column: 0, rowCount: 1, columnCount: 1 };

/** Writes a register at A1 of a scratch sheet (through the gateway), then reads it as the pane does. */
export async function layRegister(
  ctx: StepContext,
  sheet: string,
  count: number,
  layout: (sheet: string) => Promise<void> = async () => undefined,
): Promise<SourceBlock> {
  await ctx.gateway.writeMatrix(sheet, registerMatrix(count));
  await layout(sheet);
  return readRegister(ctx, sheet);
}

/** Reads the register around A1 of a scratch sheet: the scratch cell is selected first, as a user would. */
export async function readRegister(ctx: StepContext, sheet: string): Promise<SourceBlock> {
  await ctx.scratch.select(sheet, A1);
  const source = await ctx.gateway.readSource("region");
  check(source.sheet === sheet, SELF_TEST_TEXT.fixtures.readElsewhere(source.sheet, sheet));
  return source;
}

/** The request the self-test applies: OMI's terms as of 15/02/2025, in the given language. */
export function selfTestRequest(
  source: SourceBlock,
  write: WriteMode,
  today: Day,
  options: { readonly lang?: Language; readonly highlightDays?: number } = {},
): ApplyRequest {
  const recognition = recognizeHeaders(source.headers);
  return {
    options: {
      mode: "invoices",
      mapping: recognition.mapping,
      headers: source.headers,
      vendor: "omi",
      asOf: AS_OF_ISO,
      lang: options.lang ?? "fr",
      firstRowNumber: source.startRow + 2,
    },
    write,
    today,
    previousOutputs: recognition.previousOutputs,
    ...(options.highlightDays !== undefined ? { highlightDays: options.highlightDays } : {}),
  };
}

/** An Apply through the gateway's sink, with what the use case handed the sink, row by row. */
export interface Applied {
  readonly source: SourceBlock;
  readonly outcome: ApplyOutcome;
  readonly report: SinkReport;
  /** The cells written, by data row (each row's cells in the order of `outcome.columns`). */
  readonly written: readonly (readonly OutputCell[])[];
}

/** The gateway's sink, seen from outside: each written row is kept, and a hook runs after each chunk. */
class RecordingSink implements ApplySink {
  readonly written: (readonly OutputCell[])[] = [];
  private chunks = 0;

  constructor(
    private readonly inner: ApplySink,
    private readonly afterChunk: ((chunk: number) => Promise<void>) | undefined,
  ) {}

  begin(plan: SinkPlan): Promise<void> {
    return this.inner.begin(plan);
  }
  addReferenceSheet(sheet: ReferenceSheet): Promise<void> {
    return this.inner.addReferenceSheet(sheet);
  }
  async writeRows(start: number, rows: readonly (readonly OutputCell[])[]): Promise<void> {
    rows.forEach((row, k) => (this.written[start + k] = row));
    await this.inner.writeRows(start, rows);
    this.chunks += 1;
    await this.afterChunk?.(this.chunks);
  }
  interruption(): SinkInterruption | undefined {
    return this.inner.interruption();
  }
  addNote(row: number, column: number, text: string): Promise<boolean> {
    return this.inner.addNote(row, column, text);
  }
  highlight(rules: readonly HighlightRule[]): Promise<boolean> {
    return this.inner.highlight(rules);
  }
  finish(completed: boolean): Promise<void> {
    return this.inner.finish(completed);
  }
}

/** Applies the self-test's request to a source block through the gateway's sink, as the pane does. */
export async function applyRegister(
  ctx: StepContext,
  source: SourceBlock,
  write: WriteMode,
  options: {
    readonly lang?: Language;
    readonly highlightDays?: number;
    readonly chunkRows?: number;
    /** Runs after each chunk is written (the edit made while Apply writes). */
    readonly afterChunk?: (chunk: number, interrupted: () => boolean) => Promise<void>;
  } = {},
): Promise<Applied> {
  const sink = ctx.gateway.applySink(source);
  const recording = new RecordingSink(
    sink,
    options.afterChunk
      ? (chunk) => options.afterChunk?.(chunk, () => sink.interruption() !== undefined) ?? Promise.resolve()
      : undefined,
  );
  try {
    const place = registerPlace(source);
    const outcome = await applyToSheet(
      planApply(selfTestRequest(source, write, ctx.today, options), place, source.headers),
      rowsInMemory(place, source.headers, source.rows),
      recording,
      { chunkRows: options.chunkRows ?? 5, yieldFn: async () => undefined },
    );
    return { source, outcome, report: sink.report(), written: recording.written };
  } finally {
    await sink.close();
  }
}

/** The block of the written columns (header row included), from the leftmost to the rightmost. */
export function outputBlock(applied: Applied): SheetBlock {
  const columns = applied.outcome.columns.map((c) => c.column);
  const first = Math.min(...columns);
  return {
    row: applied.source.startRow,
    column: first,
    rowCount: applied.source.rows.length + 1,
    columnCount: Math.max(...columns) - first + 1,
  };
}

/** What the written columns hold against what the use case wrote (values as values). */
export function valueDifferences(
  applied: Applied,
  block: SheetBlock,
  values: readonly (readonly CellValue[])[],
): Difference[] {
  const differences: Difference[] = [];
  applied.written.forEach((row, r) =>
    applied.outcome.columns.forEach((column, k) => {
      const cell = row[k];
      const expected = cell === undefined ? "" : cellValue(cell);
      const actual = values[r + 1]?.[column.column - block.column];
      if (!sameValue(expected, actual))
        differences.push({ row: block.row + 1 + r, column: column.column, expected, actual });
    }),
  );
  return differences;
}

/** The formula of each written cell, or undefined for a value. */
export function writtenFormula(applied: Applied, row: number, index: number): string | undefined {
  const cell = applied.written[row]?.[index];
  return cell === undefined ? undefined : cellFormula(cell);
}
