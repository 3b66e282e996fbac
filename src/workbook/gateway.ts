/**
 * What the task pane asks of a workbook, and nothing more. The pane's components receive a
 * `WorkbookGateway` (docs/conventions.md#effects-are-injected). There is one gateway, `SheetGateway`
 * (sheet-gateway.ts), which holds the policy — refusals before writing, request sizes, chunking,
 * interruption, degrading when a requirement set is missing — over a small sheet I/O port
 * (sheet-io.ts) that Office.js (`ExcelGateway`) and the in-memory workbook (`MemoryGateway`) implement.
 */

import type { ApplyPlan, ApplySink, RegisterLayout, RegisterPlace } from "../write";
import type { CellValue } from "../cells";
import type { SheetLayout } from "../reports";

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

/** What the register's values do not show (hidden rows, a filter, merged cells): the same for every face. */
export type SourceLayout = RegisterLayout;

/** Where a source block is, as the Apply use case places a register. */
export function registerPlace(source: SourceBlock): RegisterPlace {
  return {
    sheet: source.sheet,
    headerRow: source.startRow,
    firstColumn: source.startColumn,
    width: source.headers.length,
    ...(source.table ? { table: source.table.name } : {}),
  };
}

/**
 * Where Apply wrote a register, as the workbook's stored terms remember it (src/storage
 * `StoredRegister`): an Excel table by name, or a block of a sheet.
 */
export interface RegisterAt {
  readonly sheet: string;
  /** The register's block with its header row, without the sheet ("A1:N37"), when not a table. */
  readonly range?: string;
  readonly table?: string;
}

/** A remembered register read again, or why it could not be found. */
export type RegisterAtAnswer =
  | { readonly found: true; readonly source: SourceBlock }
  /** The sheet or the table is gone (deleted or renamed), or the remembered range is not an address. */
  | { readonly found: false; readonly reason: "no-sheet" | "no-table" | "no-range" };

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

/** What a matrix write could not do where the host lacks it. */
export interface MatrixWritten {
  /**
   * Whether the print setup was made (orientation, fit to pages, rows repeated): false without
   * ExcelApi 1.9, or when Excel refused it; the sheet is written all the same.
   */
  readonly printSetup: boolean;
}

/** Other people's non-empty cells an Apply would replace (the confirmation), and where. */
export interface Replaced {
  readonly count: number;
  /** The block holding the cells that could be replaced ("Factures!M1:N37"); "" when there are none. */
  readonly address: string;
}

/** What a sink tells after a run, besides the use case's outcome. */
export interface SinkReport {
  /**
   * Whether the register was set to print landscape, one page wide, its header row repeated (false
   * without ExcelApi 1.9 or when Excel refused it); absent when the run did not complete.
   */
  readonly printSetup?: boolean;
  /**
   * Live formulas: the custom-function names that worked — "english" through `formulas`, "french"
   * through `formulasLocal` after English names gave #NAME? (French Excel, office-js #891, #6614),
   * "unknown" when neither did (the functions are not loaded in this Excel).
   */
  readonly formulaNames?: "english" | "french" | "unknown";
  /** Where the provenance note went: an Excel note, a comment (before ExcelApi 1.18), or nowhere. */
  readonly note?: "note" | "comment" | "none";
}

/** The gateway as an ApplySink for one source block, plus what it saw. */
export interface WorkbookSink extends ApplySink {
  report(): SinkReport;
  /** Stops watching the sheet; idempotent, and called by `finish` (call it also when a run fails). */
  close(): Promise<void>;
}

export interface SinkOptions {
  /** Number formats are written after the values, at `finish`: their progress, in rows. */
  readonly onFormats?: (done: number, total: number) => void;
}

export interface WorkbookGateway {
  /** "excel" on Office.js, "memory" for the in-memory workbook. */
  readonly host: "excel" | "memory";
  /** Reads the register: the selected range, the Excel table at the active cell, or the current region around it. */
  readSource(kind: SourceKind): Promise<SourceBlock>;
  /** Reads a register at a remembered place rather than from the selection (« Tout recalculer »). */
  readRegisterAt(at: RegisterAt): Promise<RegisterAtAnswer>;
  /**
   * Other people's non-empty cells an Apply planned as `plan` would replace: cells of the new
   * columns and header cells that are not the add-in's own (an earlier run's columns, recognised by
   * their headers, and its as-of label and date are). The first look at the target cells: a
   * protected sheet and merged cells there are refused here already (GatewayError "protected",
   * "merged"), before the user is asked anything.
   */
  countReplaced(
    source: SourceBlock,
    plan: Pick<ApplyPlan, "columns" | "extraHeaderCells">,
  ): Promise<Replaced>;
  /** The sink `applyToSheet` writes a source block's results through. */
  applySink(source: SourceBlock, options?: SinkOptions): WorkbookSink;
  /** The active cell (the top-left cell of the selection), zero-based. */
  activeCell(): Promise<CellRef>;
  /** Adds a sheet named `name`, or `name (2)`, `name (3)`… when taken; resolves with the name used. */
  addSheet(name: string): Promise<string>;
  /**
   * Writes a matrix of cells from A1 of a sheet: values (a text starting with "=" is a formula), then
   * number formats and bold; with a layout, the report's column widths, wrapped columns and print
   * setup, as the command line's exceljs sheets have them. The values stand whatever the layout does.
   */
  writeMatrix(
    sheet: string,
    matrix: readonly (readonly MatrixCell[])[],
    layout?: SheetLayout,
  ): Promise<MatrixWritten>;
  /**
   * Calls `onChange` with the sheet's name whenever another sheet is activated (ExcelApi 1.7; never
   * where missing) until the returned function is called.
   */
  watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>>;
}

/**
 * Rows per chunk of an Apply in Excel (docs/office.md#bulk-work-in-the-task-pane: 5k–20k): the use
 * case computes and hands over this many rows at a time, and cancel and edits are looked at between
 * chunks. Each chunk's requests are then sized by bytes (request-size.ts).
 */
export const DEFAULT_CHUNK_ROWS = 10_000;

/** Why a source could not be read or written; the pane turns the code into a sentence in the user's language. */
export type GatewayErrorCode =
  | "no-table"
  | "empty-source"
  | "too-large"
  | "no-selection"
  /** The selection has several areas (Ctrl+click): one range is needed. */
  | "multi-area"
  /** The sheet to write is protected (detail: its name): nothing is written. */
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
