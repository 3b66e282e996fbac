import type { CellValue, SheetBlock } from "../cells";

/**
 * What the self-test does to its own scratch sheets besides the gateway's operations: it lays out a
 * register the way a user would (hidden rows, a filter, a merge, an edit), reads back what the gateway
 * wrote (formulas, number formats, conditional formats, the note), probes the date system, and deletes
 * the sheets. The add-in itself never does any of this, so it is a port of the self-test's own, not of
 * the gateway (src/workbook/sheet-io.ts); Office.js (office-scratch.ts) and the in-memory workbook
 * (memory-scratch.ts) implement it. Every method works on the sheet it is given: the self-test gives
 * only sheets it created, and the user's selection, read at the start, is put back at the end.
 *
 * A fixture the host cannot lay out (its requirement set is missing) answers false: the step then
 * expects nothing of it and says so.
 */
export interface ScratchWorkbook {
  sheetNames(): Promise<string[]>;
  /** The selection (a single area), to put back at the end; undefined when it cannot be read. */
  selection(): Promise<{ readonly sheet: string; readonly block: SheetBlock } | undefined>;
  /** Activates the sheet and selects the block. */
  select(sheet: string, block: SheetBlock): Promise<void>;
  /** Hides `count` whole rows from `row` (zero-based) by hand (ExcelApi 1.2). */
  hideRows(sheet: string, row: number, count: number): Promise<boolean>;
  /** Merges a block (ExcelApi 1.2). */
  merge(sheet: string, block: SheetBlock): Promise<boolean>;
  /**
   * Puts the sheet's autofilter on a block (header row first) and filters out the rows whose cell in
   * `column` (zero-based within the block) is the text `hide` (ExcelApi 1.9).
   */
  filter(sheet: string, block: SheetBlock, column: number, hide: string): Promise<boolean>;
  /** Gives one cell a number format, and nothing else: the sheet's used range with formats reaches it. */
  formatCell(sheet: string, row: number, column: number, numberFormat: string): Promise<void>;
  /** Changes one cell as a user would: Excel tells the worksheet's onChanged handlers. */
  edit(sheet: string, row: number, column: number, value: CellValue): Promise<void>;
  /** Values, formulas (English, the value where a cell holds a constant) and number formats of a block. */
  read(sheet: string, block: SheetBlock): Promise<ScratchCells>;
  /** The custom conditional formats intersecting a block: their formula and fill ("#RRGGBB"); undefined without ExcelApi 1.6. */
  conditionalFormats(sheet: string, block: SheetBlock): Promise<readonly ScratchFormat[] | undefined>;
  /** The note on a cell, else its comment, else undefined. */
  noteAt(sheet: string, row: number, column: number): Promise<ScratchNote | undefined>;
  /**
   * `=DATE(1904,1,1)` as this workbook computes it in a cell of the sheet: 0 in the 1904 date system,
   * 1462 in the 1900 one. Office.js does not expose the date system otherwise.
   */
  dateProbe(sheet: string, row: number, column: number): Promise<CellValue>;
  deleteSheet(name: string): Promise<void>;
}

export interface ScratchCells {
  readonly values: CellValue[][];
  readonly formulas: CellValue[][];
  readonly numberFormats: string[][];
}

export interface ScratchFormat {
  readonly formula: string;
  readonly fill: string;
}

export interface ScratchNote {
  readonly kind: "note" | "comment";
  readonly text: string;
}
