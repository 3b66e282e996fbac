/**
 * What the task pane asks of a workbook, and nothing more. The pane's components receive a
 * `WorkbookGateway` (docs/conventions.md#effects-are-injected): `ExcelGateway` runs it on Office.js,
 * `MemoryGateway` on an in-memory workbook (preview outside Excel, tests).
 */

import {
  blockAddress,
  blocksIntersect,
  columnLetters,
  contiguousRuns,
  isEmptyCell,
  parseAddress,
  type CellValue,
  type SheetBlock,
} from "../cells";

export { blocksIntersect, contiguousRuns, isEmptyCell, type CellValue, type SheetBlock };

/** Where the register comes from. */
export type SourceKind = "selection" | "table" | "region";

/** A block of the register: a header row and the data rows under it, read as values. */
export interface SourceBlock {
  readonly kind: SourceKind;
  readonly sheet: string;
  /** The block's address with its sheet, header row included: "Factures!A1:F41". */
  readonly address: string;
  /** Zero-based sheet row of the header row. */
  readonly startRow: number;
  /** Zero-based sheet column of the block's first column. */
  readonly startColumn: number;
  readonly headers: readonly string[];
  /** Data rows, header row excluded; each as wide as `headers`. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Set when the block is an Excel table: new columns become table columns. */
  readonly table?: { readonly name: string };
  /** What the cells do not show: hidden and filtered-out rows, a filter, merged cells. */
  readonly layout?: SourceLayout;
}

/**
 * What a register's values do not show. Every row is read and computed, hidden or not (Office.js
 * `values` include hidden rows), so this is for telling the user, not for skipping anything. Empty
 * where the host cannot tell (a requirement set missing): the pane then says nothing.
 */
export interface SourceLayout {
  /** Sheet row numbers (1-based, as Excel shows them) of the data rows hidden by hand or by a filter. */
  readonly hiddenRows: readonly number[];
  /** A filter is on: the sheet's autofilter, or one with criteria on the register's Excel table. */
  readonly filter?: { readonly on: "sheet" } | { readonly on: "table"; readonly table: string };
  /**
   * Merged areas inside the register, without the sheet ("C2:C3"): only their top-left cell holds a
   * value, the others read blank, as in Excel.
   */
  readonly merges: readonly string[];
}

/** Sheet row numbers of a block's data rows that are hidden, from the zero-based rows of the sheet that are. */
export function hiddenDataRows(
  firstDataRow: number,
  rowCount: number,
  hidden: (row: number) => boolean,
): number[] {
  const out: number[] = [];
  for (let r = firstDataRow; r < firstDataRow + rowCount; r++) if (hidden(r)) out.push(r + 1);
  return out;
}

/** The cells the output columns are written to: one block per run of adjacent columns, header row included. */
export function outputBlocks(source: SourceBlock, placements: readonly ColumnPlacement[]): SheetBlock[] {
  return contiguousRuns(placements).map((run) => ({
    row: source.startRow,
    column: run.start,
    rowCount: source.rows.length + 1,
    columnCount: run.items.length,
  }));
}

/**
 * The merged areas, among `areas`, that touch the cells the output columns would be written to, as
 * addresses without the sheet. Excel refuses a write to part of a merge, and a refusal halfway would
 * leave a half-written block: the gateways refuse before writing anything when this is not empty.
 */
export function mergesInOutput(
  areas: readonly SheetBlock[],
  source: SourceBlock,
  placements: readonly ColumnPlacement[],
): string[] {
  const targets = outputBlocks(source, placements);
  return areas
    .filter((a) => targets.some((t) => blocksIntersect(a, t)))
    .map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount));
}

/** One output column: a header and one cell per data row (a value, or a formula text starting with "="). */
export interface OutputColumn {
  readonly header: string;
  readonly cells: readonly CellValue[];
  /** Excel number format of the data cells ("dd/mm/yyyy", "# ##0,00 €", "0", "@"…). */
  readonly numberFormat: string;
}

/** Where an output column lands: a new column to the right of the block, or a former output column. */
export interface ColumnPlacement {
  readonly header: string;
  /** Zero-based sheet column. */
  readonly column: number;
  /** True when the column already exists in the block (its header equals the output's): it is rewritten. */
  readonly existing: boolean;
}

export interface WriteProgress {
  readonly rowsDone: number;
  readonly rowsTotal: number;
  readonly phase: "values" | "formats";
}

export interface WriteOptions {
  /** "values" writes `values`; "formulas" writes `formulas` (constants stay constants). */
  readonly mode: "values" | "formulas";
  /** Rows per Excel.run batch (docs/office.md#bulk-work-in-the-task-pane: 5k–20k). */
  readonly chunkRows?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: WriteProgress) => void;
}

export interface WriteOutcome {
  /** Data rows whose values were written (all of them unless cancelled). */
  readonly rowsWritten: number;
  readonly cancelled: boolean;
  /**
   * Set when an input cell of the register was edited while the columns were being written: the
   * write stopped before its next chunk (whole chunks only), since the rows left would be computed
   * from data that is no longer there.
   */
  readonly editedCell?: string;
  /** Excel.run batches (or their in-memory equivalent) used. */
  readonly batches: number;
}

export interface WorkbookGateway {
  /** "excel" on Office.js, "memory" for the in-memory workbook. */
  readonly host: "excel" | "memory";
  /** Reads the register: the selected range, the Excel table at the active cell, or the current region around it. */
  readSource(kind: SourceKind): Promise<SourceBlock>;
  /**
   * How many non-empty cells the output columns would replace (header row included). The first look
   * at the target cells, before anything is written: merged cells there are refused here already
   * (GatewayError "merged"), so the pane says so before asking to replace anything.
   */
  countNonEmpty(source: SourceBlock, placements: readonly ColumnPlacement[]): Promise<number>;
  /**
   * Writes the output columns, values first and formats after, in chunks, with progress and cancel.
   * Refuses before writing anything a protected sheet (GatewayError "protected") and merged cells in
   * the target cells (GatewayError "merged").
   */
  writeColumns(
    source: SourceBlock,
    placements: readonly ColumnPlacement[],
    columns: readonly OutputColumn[],
    options: WriteOptions,
  ): Promise<WriteOutcome>;
  /** Selects the written columns (header row and data rows). */
  selectColumns(source: SourceBlock, placements: readonly ColumnPlacement[]): Promise<void>;
  /**
   * Replaces the conditional formats of the rules' ranges with the rules (a second Apply does not pile
   * them up). Resolves false when the host cannot (ExcelApi 1.6 missing): the pane says so.
   */
  addConditionalFormats(rules: readonly HighlightRule[]): Promise<boolean>;
  /** The active cell (the top-left cell of the selection), zero-based. */
  activeCell(): Promise<CellRef>;
  /** Adds a sheet named `name`, or `name (2)`, `name (3)`… when taken; resolves with the name used. */
  addSheet(name: string): Promise<string>;
  /**
   * Puts a note on a cell (Excel notes, ExcelApi 1.18, else a comment, ExcelApi 1.10), replacing one
   * already there. Resolves false when the host has neither.
   */
  addNote(sheet: string, row: number, column: number, text: string): Promise<boolean>;
  /**
   * Makes sure a sheet of exactly this name exists and is empty (added, or its contents cleared):
   * for a sheet other cells refer to by name, such as the portable formulas' reference sheet.
   */
  resetSheet(name: string): Promise<void>;
  /** Writes a matrix of cells from A1 of a sheet: values (a text starting with "=" is a formula), then number formats and bold. */
  writeMatrix(sheet: string, matrix: readonly (readonly MatrixCell[])[]): Promise<void>;
}

/** A cell address, zero-based. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** A cell of a written matrix (a report sheet). */
export interface MatrixCell {
  readonly value: CellValue;
  readonly numberFormat?: string;
  readonly bold?: boolean;
}

/**
 * A conditional format, kept to one form that both Excel (as a custom formula) and the in-memory
 * workbook (by evaluating it) understand: the rows of `range` whose `dateColumn` cell is a number in
 * [`from`, `to`] (either bound optional) and whose `blankColumn` cell (if given) is empty are filled.
 * The cells tested are result or input cells, never custom functions (docs/office.md#conditional-formats).
 */
export interface HighlightRule {
  readonly kind: "overdue" | "soon";
  readonly sheet: string;
  /** The block that gets the fill: zero-based first data row and column, and its size. */
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Zero-based sheet column of the date tested on each row. */
  readonly dateColumn: number;
  /** Inclusive bounds, as Excel date serials. */
  readonly from?: number;
  readonly to?: number;
  /** Zero-based sheet column that must be empty (an invoice's payment date). */
  readonly blankColumn?: number;
  /** Fill colour, "#RRGGBB". */
  readonly fill: string;
}

/**
 * The Excel formula of a rule, relative to the top-left cell of its range (how Excel reads custom
 * conditional-format formulas): `=AND(ISNUMBER($G2),$G2>=46203,$G2<=46233,$F2="")`.
 */
export function highlightFormula(rule: HighlightRule): string {
  const row = rule.row + 1;
  const date = `$${columnLetters(rule.dateColumn)}${row}`;
  const parts = [`ISNUMBER(${date})`];
  if (rule.from !== undefined) parts.push(`${date}>=${rule.from}`);
  if (rule.to !== undefined) parts.push(`${date}<=${rule.to}`);
  if (rule.blankColumn !== undefined) parts.push(`$${columnLetters(rule.blankColumn)}${row}=""`);
  return `=AND(${parts.join(",")})`;
}

/** Whether a rule fills a given row, from the row's date and blank-column cells (the formula's meaning). */
export function highlightMatches(rule: HighlightRule, date: CellValue, blank: CellValue): boolean {
  if (typeof date !== "number") return false;
  if (rule.from !== undefined && date < rule.from) return false;
  if (rule.to !== undefined && date > rule.to) return false;
  return rule.blankColumn === undefined || isEmptyCell(blank);
}

export const DEFAULT_CHUNK_ROWS = 10_000;

/**
 * The outcome of a write stopped before its next chunk: by an edit of the register (named), or by
 * Cancel; undefined when it may go on. Both gateways check it between chunks.
 */
export function interruption(
  progress: { readonly rowsWritten: number; readonly batches: number },
  editedCell: string | undefined,
  aborted: boolean,
): WriteOutcome | undefined {
  if (editedCell !== undefined) return { ...progress, cancelled: true, editedCell };
  return aborted ? { ...progress, cancelled: true } : undefined;
}

/**
 * Whether a changed range (an address such as "B14" or "Factures!B2:C9") touches the register's input
 * cells: its rows and the columns that are not output columns. Apply never writes input cells, so
 * such a change is someone else's edit.
 */
export function touchesInput(
  source: SourceBlock,
  placements: readonly ColumnPlacement[],
  address: string,
): boolean {
  const changed = parseAddress(address);
  if (changed.sheet !== undefined && changed.sheet !== source.sheet) return false;
  const lastRow = source.startRow + source.rows.length;
  if (changed.row > lastRow || changed.row + changed.rowCount - 1 < source.startRow) return false;
  const outputs = new Set(placements.map((p) => p.column));
  for (let c = changed.column; c < changed.column + changed.columnCount; c++) {
    const inside = c >= source.startColumn && c < source.startColumn + source.headers.length;
    if (inside && !outputs.has(c)) return true;
  }
  return false;
}

/**
 * Rows per read request: a budget of cells rather than of rows, so a narrow register of 100,000 rows
 * is read in a handful of requests while a wide one stays well under Excel on the web's 5 MB
 * response limit (200,000 cells of dates, amounts and short texts is about 2 MB of JSON).
 */
export const READ_CELL_BUDGET = 200_000;

export function readChunkRows(columns: number): number {
  return Math.max(1_000, Math.min(50_000, Math.floor(READ_CELL_BUDGET / Math.max(1, columns))));
}

const norm = (text: string) => text.trim().toLowerCase();

/**
 * Places output columns: an output whose header (or one of its aliases, e.g. the header in the other
 * language) is already a column of the block that is not an input column (a previous run's output) is
 * rewritten in place; the others go to the right of the block, in order. Input columns are never a target.
 */
export function placeColumns(
  source: SourceBlock,
  headers: readonly string[],
  inputColumns: readonly number[],
  aliases: readonly (readonly string[])[] = [],
): ColumnPlacement[] {
  const inputs = new Set(inputColumns);
  const taken = new Set<number>();
  let next = source.startColumn + source.headers.length;
  return headers.map((header, k) => {
    const names = new Set([header, ...(aliases[k] ?? [])].map(norm));
    const at = source.headers.findIndex(
      (h, i) => !inputs.has(i) && !taken.has(i) && names.has(norm(String(h))),
    );
    if (at >= 0) {
      taken.add(at);
      return { header, column: source.startColumn + at, existing: true };
    }
    return { header, column: next++, existing: false };
  });
}

/** Why a source could not be read; the pane turns the code into a sentence in the user's language. */
export type GatewayErrorCode =
  | "no-table"
  | "empty-source"
  | "too-large"
  | "no-selection"
  /** The sheet to write is protected: nothing is written. */
  | "protected"
  /** The workbook counts dates from 1904: its serials would be read four years off. */
  | "date-1904"
  /**
   * Merged cells where the output columns would be written (detail: their addresses, comma-separated):
   * Excel refuses a write to part of a merge, so nothing is written.
   */
  | "merged";

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "GatewayError";
  }
}

/** Excel's limit on a sheet name's length. */
const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel accepts and no other sheet has (names compare case-insensitively): the characters
 * Excel refuses (\ / ? * [ ] :) become "-", the name is cut to 31 characters, and " (2)", " (3)"…
 * is added when taken.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const base =
    wanted
      .replace(/[\\/?*[\]:]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : ` (${k})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
