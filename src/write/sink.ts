import type { CellValue } from "../cells";
import type { ReferenceSheet } from "../portable/reference";
import type { OutputFormat, OutputColumnId, OutputValue } from "../apply/types";

/**
 * The port through which Apply writes into a workbook, whatever the workbook is: Excel through
 * Office.js, the pane's in-memory workbook, or a byte-for-byte copy of an xlsx file. The use case
 * (`applyToSheet`, src/apply/use-case.ts) decides everything written — the columns and where they go,
 * the cells of every row, the reference sheet, the note, the highlighting; a sink only writes it.
 *
 * Order of calls: `begin` → (`addReferenceSheet`) → `writeRows`… (in row order, each data row once) →
 * `addNote` → `highlight` → `finish`. A sink refuses in `begin` what would leave a half-written sheet
 * (a protected sheet, a merge where the columns go) before writing anything. `interruption()` is read
 * between chunks: an edit of the register by someone else stops the run (whole chunks only).
 */

/** How Apply writes: the engine's values, live CGV.* formulas, or native formulas that need no add-in. */
export type WriteMode = "values" | "formulas" | "portable";

/** A cell Apply writes: a value, or a formula ("=…", English names) with the value it computes now. */
export type OutputCell = OutputValue | { readonly formula: string; readonly result: OutputValue };

/** The formula of a cell, or undefined for a value. */
export function cellFormula(cell: OutputCell): string | undefined {
  return typeof cell === "object" ? cell.formula : undefined;
}

/** The value of a cell: a value as is, a formula's value now (its cached result in an xlsx file). */
export function cellValue(cell: OutputCell): OutputValue {
  return typeof cell === "object" ? cell.result : cell;
}

/** One output column, placed: its header in the run's language, its format, and its sheet column. */
export interface PlannedColumn {
  readonly id: OutputColumnId;
  readonly header: string;
  readonly format: OutputFormat;
  /** Excel number format of the data cells ("dd/mm/yyyy", "# ##0,00 €", "0", "@"). */
  readonly numberFormat: string;
  /** Zero-based sheet column. */
  readonly column: number;
  /** True when the column is an earlier run's output (its header is one of ours): it is rewritten in place. */
  readonly existing: boolean;
}

/** Where the register is in its sheet. */
export interface RegisterPlace {
  readonly sheet: string;
  /** Zero-based sheet row of the header row; data row i is on sheet row headerRow + 1 + i. */
  readonly headerRow: number;
  /** Zero-based sheet column of the register's first column. */
  readonly firstColumn: number;
  /** The register's width, earlier outputs included. */
  readonly width: number;
  /** Set when the register is an Excel table: new columns become table columns. */
  readonly table?: string;
}

/** A header-row cell written besides the columns' headers: the as-of label and date formulas read. */
export interface ExtraHeaderCell {
  readonly column: number;
  readonly value: CellValue;
  readonly numberFormat?: string;
}

/** What `begin` is told: everything a sink needs to check and to write the header row. */
export interface SinkPlan {
  readonly place: RegisterPlace;
  readonly columns: readonly PlannedColumn[];
  /** Cells after the columns in the header row (formulas and portable modes: the as-of date). */
  readonly extraHeaderCells: readonly ExtraHeaderCell[];
  readonly write: WriteMode;
  /** Data rows, when known before they are read (the pane); undefined when streamed (a file). */
  readonly rowCount: number | undefined;
}

/**
 * A conditional format in one form that Excel (a custom formula), an xlsx file (a conditionalFormatting
 * element) and the in-memory workbook (by evaluating it) understand: the rows of the block whose
 * `dateColumn` cell is a number in [`from`, `to`] (either bound optional) and whose `blankColumn` cell
 * (if given) is empty are filled. The cells tested are result or input cells, never custom functions
 * (async functions give #CALC! in conditional formats).
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

/** What stopped a run before its end, as a sink saw it. */
export interface SinkInterruption {
  /** An input cell of the register someone edited meanwhile ("B14"): the rows left would be computed from old data. */
  readonly editedCell?: string;
}

export interface ApplySink {
  /**
   * Checks that everything can be written (refusing before writing anything) and writes the header
   * row: the columns' headers (new table columns where the register is a table) and the extra cells.
   */
  begin(plan: SinkPlan): Promise<void>;
  /** The portable formulas' reference sheet, under its exact name (added, or an earlier one replaced). */
  addReferenceSheet(sheet: ReferenceSheet): Promise<void>;
  /** Data rows `start`, `start + 1`… (zero-based among the data rows), one cell per planned column. */
  writeRows(start: number, rows: readonly (readonly OutputCell[])[]): Promise<void>;
  /** Set when the run must stop before its next chunk (read between chunks). */
  interruption(): SinkInterruption | undefined;
  /** A note on a cell (the provenance of values), replacing one there; false when the host has none. */
  addNote(row: number, column: number, text: string): Promise<boolean>;
  /** Replaces the conditional formats of the rules' blocks; false when the host cannot. */
  highlight(rules: readonly HighlightRule[]): Promise<boolean>;
  /**
   * Ends the write: number formats (after values, as Office advises), selection of the result,
   * recalculation, the file closed. `completed` is false after a cancel or an interruption.
   */
  finish(completed: boolean): Promise<void>;
}
