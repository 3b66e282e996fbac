import type { CellValue } from "../cells";

/**
 * The shapes of the in-memory workbook (src/workbook/memory-workbook.ts): its cells, tables, filters,
 * page layouts and blocks, and the error Excel gives for a write into part of a merged area.
 */

/** One cell of the in-memory workbook. */
export interface MemoryCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  /** Text wraps in the cell, aligned to its top (RangeFormat.wrapText, verticalAlignment "Top"). */
  wrap?: boolean;
}

/** How a sheet prints (Worksheet.pageLayout): as Excel keeps it once set. */
export interface MemoryPageLayout {
  readonly orientation: "Landscape" | "Portrait";
  readonly paperSize: "A4";
  readonly horizontalFitToPages: number;
  /** 0: as many pages tall as the sheet needs. */
  readonly verticalFitToPages: number;
  /** "$1:$3": rows repeated at the top of each printed page. */
  readonly printTitleRows?: string;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  startRow: number;
  startColumn: number;
  /** Rows including the header row. */
  rowCount: number;
  columnCount: number;
  /**
   * A filter with criteria on the table (Excel tables always show filter buttons; `table.autoFilter`
   * `isDataFiltered` tells whether one filters): the zero-based sheet rows it leaves out, hidden.
   */
  filter?: { readonly hiddenRows: ReadonlySet<number> };
}

/** A sheet's autofilter (Data > Filter): its range, and the zero-based sheet rows its criteria leave out. */
export interface MemoryAutoFilter {
  readonly block: Block;
  readonly hiddenRows: ReadonlySet<number>;
  /** Whether criteria are set (`AutoFilter.isDataFiltered`); buttons alone filter nothing. */
  readonly filtered: boolean;
}

/** What Excel says when a write covers part of a merged area (Excel's own wording in its UI). */
export class MergedCellWriteError extends Error {
  constructor(readonly area: string) {
    super(`InvalidOperation: Cannot change part of a merged cell (${area}).`);
    this.name = "MergedCellWriteError";
  }
}

export interface Block {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}
