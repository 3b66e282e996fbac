import type { HighlightRule } from "../write";
import type { CellValue, SheetBlock } from "../cells";
import type { CellRef, SourceKind, SourceLayout } from "./gateway";

/**
 * What a host does with sheets, and nothing more: the small port under the one gateway policy
 * (src/workbook/sheet-gateway.ts). Office.js implements it (office-io.ts), and so does the in-memory
 * workbook (memory-io.ts). Each method is one request to the host (one `Excel.run` batch, or one
 * counted `sync` of the in-memory workbook) unless its comment says otherwise; the policy decides
 * what goes into a request, how large it may be, what is refused before writing, and what to do when
 * a requirement set is missing.
 *
 * A host refuses a request or a response over its size limit by throwing an error whose `code` is
 * Excel's (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`): request-size.ts.
 */

/** Optional parts of the Excel API, each behind a requirement set; the in-memory host has them all. */
export type HostFeature =
  /** Range.getSurroundingRegion (ExcelApi 1.7): the current region around a cell. */
  | "surroundingRegion"
  /** Range.getTables (ExcelApi 1.9): the table at a cell. */
  | "tablesAtCell"
  /** Workbook.getActiveCell (ExcelApi 1.7). */
  | "activeCell"
  /** Workbook.getSelectedRanges (ExcelApi 1.9): a selection of several areas can be told apart. */
  | "selectedAreas"
  /** Range.rowHidden and Range.getVisibleView (ExcelApi 1.3): hidden and filtered-out rows. */
  | "hiddenRows"
  /** Worksheet.autoFilter, Table.autoFilter (ExcelApi 1.9). */
  | "filters"
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  | "merges"
  /** Application.suspendApiCalculationUntilNextSync (ExcelApi 1.6). */
  | "suspendCalculation"
  /** A name for a new table column (TableColumnCollection.add's name, ExcelApi 1.4). */
  | "namedTableColumns"
  /** Custom-formula conditional formats (ExcelApi 1.6). */
  | "conditionalFormats"
  /** Worksheet.onChanged (ExcelApi 1.7): edits made while Apply writes. */
  | "watchEdits"
  /** WorksheetCollection.onActivated (ExcelApi 1.7). */
  | "watchActiveSheet"
  /** Workbook.notes (ExcelApi 1.18). */
  | "notes"
  /** Workbook.comments (ExcelApi 1.10). */
  | "comments"
  /** RangeFormat.columnWidth (ExcelApi 1.2): result and report columns as wide as their headers. */
  | "columnWidths"
  /** Worksheet.pageLayout (ExcelApi 1.9): orientation, paper, fit to pages, rows repeated when printed. */
  | "pageLayout";

/** How the policy asks for the register's block (what a host lacks is decided by the policy, not here). */
export interface LocateQuery {
  readonly kind: SourceKind;
  /** Where "region" and "table" start from: the active cell, or the selection (without getActiveCell). */
  readonly anchor: "activeCell" | "selection";
  /** Whether to look at the selection's areas first (several areas: the answer says so). */
  readonly areas: boolean;
  /** "region": Excel's current region around the anchor, or the sheet's used range. */
  readonly region: "surrounding" | "used";
  /** "table": the table at the anchor, or the anchor's sheet's first table. */
  readonly table: "atCell" | "firstOfSheet";
  /** What rides on the request: whether some row is hidden, the filter, merged areas in the block. */
  readonly probes: { readonly hiddenRows: boolean; readonly filter: boolean; readonly merges: boolean };
  /**
   * A remembered place instead of the anchor (« Tout recalculer »): the Excel table of that name
   * (names compare case-insensitively, as Excel's do), or `block` on that sheet — its columns, its
   * rows run on down to the last row of the current region around its first cell with `region:
   * "surrounding"` (rows added under the register since; never fewer than the block's own), the
   * block as it is with "used". `kind` and `anchor` are then not looked at.
   */
  readonly at?: { readonly sheet: string; readonly table?: string; readonly block?: SheetBlock };
}

/** Where the register is, as the host found it (one request, clipped to the sheet's used range). */
export type Located =
  | {
      readonly found: true;
      readonly sheet: string;
      /** The block, header row included, clipped to the used range, a table's totals row left out. */
      readonly block: SheetBlock;
      readonly table?: string;
      /** Whether some row of the block is hidden; undefined when not asked or not known. */
      readonly someHidden?: boolean;
      readonly filter?: SourceLayout["filter"];
      /** Merged areas starting in the block; undefined when not asked or not known. */
      readonly merges?: readonly SheetBlock[];
      /** The workbook counts dates from 1904 (DATE(1904,1,1) is 0 there). */
      readonly date1904: boolean;
    }
  /** No table at the anchor or of the remembered name, several areas selected, the remembered sheet gone. */
  | { readonly found: false; readonly reason: "no-table" | "multi-area" | "no-sheet" };

/** One read request: values of a block, and what rides on the same request. */
export interface ReadRequest {
  readonly sheet: string;
  readonly values?: SheetBlock;
  /** With `values`: Excel's value types too ("Error", "String"…), to tell #NAME? from a text. */
  readonly valueTypes?: boolean;
  readonly protection?: boolean;
  /** Merged areas whose top-left cell is in this block (how Excel answers: office-js #3611). */
  readonly merges?: SheetBlock;
  /** The rows of this block (its first column is enough) that are hidden. */
  readonly hiddenRows?: SheetBlock;
  /** The sheet's used range: nothing outside it holds a value. */
  readonly usedRange?: boolean;
}

export interface ReadAnswer {
  readonly values?: CellValue[][];
  readonly valueTypes?: string[][];
  readonly protected?: boolean;
  /** Undefined when asked for but the host could not tell (the probe failed): nothing is said. */
  readonly merges?: readonly SheetBlock[];
  /** Zero-based sheet rows hidden; undefined when asked for but not known. */
  readonly hiddenRows?: readonly number[];
  readonly usedRange?: SheetBlock;
  /** The response's size as sent back (values, visible-cell addresses), for sizing the next request. */
  readonly responseBytes: number;
}

/** What one write request does, in order. */
export type WriteOp =
  | {
      readonly kind: "cells";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      /** One array per row, all as wide. */
      readonly cells: readonly (readonly CellValue[])[];
      /**
       * values: constants; formulas: "=…" texts with English names (constants stay constants);
       * formulasLocal: formulas in the user's language and separators (French Excel: office-js #891).
       */
      readonly as: "values" | "formulas" | "formulasLocal";
    }
  | {
      readonly kind: "formats";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly formats: readonly (readonly string[])[];
    }
  | { readonly kind: "bold"; readonly sheet: string; readonly row: number; readonly column: number }
  /** New columns at the table's right edge, with these header names (undefined: Excel names it). */
  | {
      readonly kind: "tableColumns";
      readonly table: string;
      readonly names: readonly (string | undefined)[];
    }
  /** Widths of adjacent columns from `column`, in Excel's characters (a `<col>` width). */
  | {
      readonly kind: "columnWidths";
      readonly sheet: string;
      readonly column: number;
      readonly widths: readonly number[];
    }
  /** A row's height in points: a row whose wrapped text Excel would not grow it for on its own. */
  | {
      readonly kind: "rowHeight";
      readonly sheet: string;
      readonly row: number;
      readonly points: number;
    }
  /** Text that wraps in its cells, aligned to the top (a report's long first column). */
  | {
      readonly kind: "wrap";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly rowCount: number;
      readonly columnCount: number;
    }
  /** How a sheet prints: A4, its orientation, fitted to pages, rows repeated at the top of each page. */
  | {
      readonly kind: "pageLayout";
      readonly sheet: string;
      readonly landscape: boolean;
      readonly pagesWide: number;
      /** Pages tall; undefined: as many as the sheet needs. */
      readonly pagesTall: number | undefined;
      /** 1-based rows repeated at the top of every printed page (first, last). */
      readonly titleRows?: readonly [number, number];
    };

export interface SheetIO {
  readonly host: "excel" | "memory";
  /** Whether the host claims a feature; the methods still check each object exists before calling it. */
  supports(feature: HostFeature): boolean;
  locate(query: LocateQuery): Promise<Located>;
  read(request: ReadRequest): Promise<ReadAnswer>;
  /** One request; `suspendCalculation` suspends recalculation until the next request (ExcelApi 1.6). */
  write(ops: readonly WriteOp[], options?: { readonly suspendCalculation?: boolean }): Promise<void>;
  recalculate(): Promise<void>;
  /** Activates the sheet and selects the block. */
  select(sheet: string, block: SheetBlock): Promise<void>;
  /** Calls `onEdit` with the address of every change to a sheet until the returned function is called. */
  watchEdits(sheet: string, onEdit: (address: string) => void): Promise<() => Promise<void>>;
  /** Calls `onChange` with the name of every sheet activated until the returned function is called. */
  watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>>;
  /**
   * Puts a note ("note": Excel notes) or a comment ("comment") on a cell, replacing one there (up to
   * two requests). Resolves false, writing nothing, when the host has no such object.
   */
  addNote(
    kind: "note" | "comment",
    sheet: string,
    row: number,
    column: number,
    text: string,
  ): Promise<boolean>;
  /** Clears the conditional formats of the rules' blocks and adds the rules as custom-formula formats. */
  replaceConditionalFormats(rules: readonly HighlightRule[]): Promise<void>;
  sheetNames(): Promise<string[]>;
  addSheet(name: string): Promise<void>;
  /**
   * A sheet of exactly this name, empty: added, or its contents cleared (up to two requests); a
   * protected one is left as it is and answered "protected".
   */
  resetSheet(name: string): Promise<"added" | "cleared" | "protected">;
  /** The active cell (the selection's top-left cell without getActiveCell). */
  activeCell(): Promise<CellRef>;
}
