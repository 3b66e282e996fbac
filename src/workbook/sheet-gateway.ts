import {
  cellFormula,
  cellValue,
  isAsOfLabel,
  type ApplyPlan,
  type ExtraHeaderCell,
  type HighlightRule,
  type OutputCell,
  type SinkInterruption,
  type SinkPlan,
} from "../write";
import {
  blockAddress,
  blocksIntersect,
  contiguousRuns,
  isEmptyCell,
  parseAddress,
  sheetAddress,
  type CellValue,
  type SheetBlock,
} from "../cells";
import { REFERENCE_NUMBER_FORMATS, type ReferenceSheet } from "../portable";
import type { SheetLayout } from "../reports";
import { resultColumnWidth } from "./column-width";
import { frenchFormula, type Separators } from "./formula-locale";
import {
  GatewayError,
  uniqueSheetName,
  type CellRef,
  type MatrixCell,
  type MatrixWritten,
  type RegisterAt,
  type RegisterAtAnswer,
  type Replaced,
  type SinkOptions,
  type SinkReport,
  type SourceBlock,
  type SourceKind,
  type WorkbookGateway,
  type WorkbookSink,
} from "./gateway";
import { isPayloadTooLarge, jsonBytes, REQUEST_BUDGET_BYTES, sendSized } from "./request-size";
import type { LocateQuery, Located, ReadAnswer, ReadRequest, SheetIO, WriteOp } from "./sheet-io";

/**
 * The one gateway: the policy both hosts share, over a sheet I/O port (sheet-io.ts).
 * - Refusals before anything is written: a protected sheet, merged cells where the columns go (Excel
 *   refuses a write to part of a merge, and a refusal halfway would leave a half-written block), a
 *   selection of several areas, a 1904 workbook.
 * - Request sizes by serialized bytes (request-size.ts), every read and write, under 4 MB; a request
 *   the host refuses for its size is retried in halves.
 * - Apply's rows in the use case's chunks, values first and number formats at the end
 *   (docs/office.md#bulk-work-in-the-task-pane), calculation suspended while writing (ExcelApi 1.6)
 *   and one recalculation after.
 * - Interruption: an edit of the register's input cells while Apply writes (worksheet onChanged,
 *   ExcelApi 1.7) stops the run before its next chunk, naming the cell.
 * - Degrading: each optional part of the API is used where the host has it (`SheetIO.supports`),
 *   and left out otherwise — the pane then says nothing (hidden rows, filters, merges) or says what
 *   it could not do (a note, the highlighting).
 * - Live formulas in a localized Excel: one written CGV.* cell is read back; on #NAME? the formulas
 *   are written again through `formulasLocal` with the French names (formula-locale.ts).
 */

export interface GatewayOptions {
  /** A pause after each chunk of rows, so a progress bar can be seen in the preview (0 in tests). */
  readonly chunkDelayMs?: number;
  /** Bytes one request may carry (default 4 MB: Excel on the web refuses 5 MB). */
  readonly requestBytes?: number;
}

/** The first read of a register is sized by cells (its rows' length is not known yet), the next ones by bytes. */
const FIRST_READ_CELLS = 50_000;
/** Excel reads at most 5,000,000 cells in a request; a fifth of it is plenty. */
const MAX_READ_CELLS = 1_000_000;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The range to look for merged areas touching `block` in: from A1 to the block's bottom-right cell.
 * `getMergedAreasOrNullObject` returns only the merged areas whose top-left cell is in the range
 * (office-js #3611, "by design"), so a merge starting left of or above the output columns (F5:H5 over
 * an input column F and output G, H) is found only by a range that holds its top-left cell.
 */
function mergeScope(block: SheetBlock): SheetBlock {
  return {
    row: 0,
    column: 0,
    rowCount: block.row + block.rowCount,
    columnCount: block.column + block.columnCount,
  };
}

/** The smallest block holding every given block; undefined for none. */
function hull(blocks: readonly SheetBlock[]): SheetBlock | undefined {
  if (blocks.length === 0) return undefined;
  const top = Math.min(...blocks.map((b) => b.row));
  const left = Math.min(...blocks.map((b) => b.column));
  const bottom = Math.max(...blocks.map((b) => b.row + b.rowCount));
  const right = Math.max(...blocks.map((b) => b.column + b.columnCount));
  return { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
}

/** The cells two blocks share, or undefined. */
function intersection(a: SheetBlock, b: SheetBlock): SheetBlock | undefined {
  const top = Math.max(a.row, b.row);
  const left = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return bottom > top && right > left
    ? { row: top, column: left, rowCount: bottom - top, columnCount: right - left }
    : undefined;
}

const cellBlock = (row: number, column: number): SheetBlock => ({ row, column, rowCount: 1, columnCount: 1 });

/** The cells an Apply writes: one block per run of adjacent columns (header row and data rows), and the extra header cells. */
function targetBlocks(
  headerRow: number,
  rowCount: number,
  columns: readonly { readonly column: number }[],
  extra: readonly ExtraHeaderCell[],
): SheetBlock[] {
  return [
    ...contiguousRuns(columns).map((run) => ({
      row: headerRow,
      column: run.start,
      rowCount: rowCount + 1,
      columnCount: run.items.length,
    })),
    ...extra.map((c) => cellBlock(headerRow, c.column)),
  ];
}

/** A cell to hand to a host: null and undefined become "" (Excel's empty cell), never `undefined`. */
function toCell(value: CellValue | undefined): CellValue {
  return value === null || value === undefined ? "" : value;
}

/** Whether a read-back cell shows #NAME? (English or French Excel's text of it). */
function isNameError(answer: ReadAnswer): boolean {
  const value = answer.values?.[0]?.[0];
  const type = answer.valueTypes?.[0]?.[0];
  return (value === "#NAME?" || value === "#NOM?") && (type === undefined || type === "Error");
}

export class SheetGateway implements WorkbookGateway {
  readonly host: "excel" | "memory";
  readonly budget: number;

  constructor(
    readonly io: SheetIO,
    readonly options: GatewayOptions = {},
  ) {
    this.host = io.host;
    this.budget = options.requestBytes ?? REQUEST_BUDGET_BYTES;
  }

  // --- Reading ---

  async readSource(kind: SourceKind): Promise<SourceBlock> {
    const io = this.io;
    const located = await io.locate({
      kind,
      anchor: io.supports("activeCell") ? "activeCell" : "selection",
      areas: io.supports("selectedAreas"),
      ...this.locatePolicy(),
    });
    if (!located.found) throw new GatewayError(located.reason === "multi-area" ? "multi-area" : "no-table");
    return this.readLocated(located, kind);
  }

  /**
   * A register Apply wrote, at the place the workbook's stored terms remember (« Tout recalculer »):
   * its Excel table, or its block on its sheet with the rows added under it since (the current region
   * around its first cell, ExcelApi 1.7; the remembered rows alone without it). Answers why not when
   * the sheet or the table is gone; other failures (a 1904 workbook, an empty block) throw as
   * `readSource` does.
   */
  async readRegisterAt(at: RegisterAt): Promise<RegisterAtAnswer> {
    let block: SheetBlock | undefined;
    if (at.table === undefined) {
      try {
        const a = parseAddress(at.range ?? "");
        block = { row: a.row, column: a.column, rowCount: a.rowCount, columnCount: a.columnCount };
      } catch {
        return { found: false, reason: "no-range" };
      }
    }
    const kind: SourceKind = at.table === undefined ? "region" : "table";
    const located = await this.io.locate({
      kind,
      anchor: "selection",
      areas: false,
      ...this.locatePolicy(),
      at: {
        sheet: at.sheet,
        ...(at.table !== undefined ? { table: at.table } : {}),
        ...(block ? { block } : {}),
      },
    });
    if (!located.found)
      return { found: false, reason: located.reason === "no-sheet" ? "no-sheet" : "no-table" };
    return { found: true, source: await this.readLocated(located, kind) };
  }

  /** How the host is asked to find a block: what it lacks decides (the region, the table, the probes). */
  private locatePolicy(): Pick<LocateQuery, "region" | "table" | "probes"> {
    const io = this.io;
    return {
      region: io.supports("surroundingRegion") ? "surrounding" : "used",
      table: io.supports("tablesAtCell") ? "atCell" : "firstOfSheet",
      probes: {
        hiddenRows: io.supports("hiddenRows"),
        filter: io.supports("filters"),
        merges: io.supports("merges"),
      },
    };
  }

  /** Reads the values (and what they do not show) of a block the host located. */
  private async readLocated(located: Located & { found: true }, kind: SourceKind): Promise<SourceBlock> {
    if (located.date1904) throw new GatewayError("date-1904");
    const { sheet, block } = located;
    if (block.rowCount < 1 || block.columnCount < 1) throw new GatewayError("empty-source");
    // The visible view is read only where some row is hidden: none of it otherwise.
    const someHidden = located.someHidden === true;
    const values: CellValue[][] = [];
    let hidden: number[] | undefined = [];
    await this.readRows(sheet, block, { hiddenRows: someHidden }, (answer) => {
      // One by one: a spread of a hundred thousand rows would overflow the call stack.
      for (const line of answer.values ?? []) values.push(line);
      // A chunk whose visible view could not be read leaves the hidden rows unknown: nothing is said.
      if (!someHidden) return;
      if (answer.hiddenRows === undefined) hidden = undefined;
      else for (const r of answer.hiddenRows) if (r > block.row) hidden?.push(r);
    });
    const [header = [], ...rows] = values;
    const merges = (located.merges ?? [])
      .filter((a) => blocksIntersect(a, block))
      .map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount));
    return {
      kind,
      sheet,
      address: sheetAddress(sheet, block.row, block.column, block.rowCount, block.columnCount),
      startRow: block.row,
      startColumn: block.column,
      headers: header.map((h) => (h === null ? "" : String(h))),
      rows,
      ...(located.table !== undefined ? { table: { name: located.table } } : {}),
      layout: {
        hiddenRows: (someHidden ? (hidden ?? []) : []).map((r) => r + 1),
        ...(located.filter ? { filter: located.filter } : {}),
        merges,
      },
    };
  }

  /**
   * Reads a block's values in requests sized by bytes: the first by a budget of cells, the next ones
   * by the bytes a row took so far. A request refused for its size is made again in halves.
   */
  private async readRows(
    sheet: string,
    block: SheetBlock,
    extras: { readonly hiddenRows?: boolean },
    onPart: (answer: ReadAnswer) => void,
  ): Promise<void> {
    const maxRows = Math.max(1, Math.floor(MAX_READ_CELLS / block.columnCount));
    let perRequest = Math.max(1, Math.min(maxRows, Math.floor(FIRST_READ_CELLS / block.columnCount)));
    for (let start = 0; start < block.rowCount;) {
      const count = Math.min(perRequest, block.rowCount - start);
      const part = {
        row: block.row + start,
        column: block.column,
        rowCount: count,
        columnCount: block.columnCount,
      };
      const answer = await this.readInHalves(sheet, part, extras);
      onPart(answer);
      start += count;
      // Rows further down may be longer than those read so far: a tenth of the budget is kept aside.
      const perRow = answer.responseBytes / count;
      perRequest = Math.max(1, Math.min(maxRows, Math.floor((0.9 * this.budget) / Math.max(1, perRow))));
    }
  }

  private async readInHalves(
    sheet: string,
    block: SheetBlock,
    extras: { readonly hiddenRows?: boolean },
  ): Promise<ReadAnswer> {
    try {
      return await this.io.read({
        sheet,
        values: block,
        ...(extras.hiddenRows ? { hiddenRows: { ...block, columnCount: 1 } } : {}),
      });
    } catch (e) {
      if (!isPayloadTooLarge(e)) throw e;
      if (block.rowCount <= 1)
        throw new GatewayError(
          "too-large",
          sheetAddress(sheet, block.row, block.column, 1, block.columnCount),
        );
      const half = Math.ceil(block.rowCount / 2);
      const a = await this.readInHalves(sheet, { ...block, rowCount: half }, extras);
      const b = await this.readInHalves(
        sheet,
        { ...block, row: block.row + half, rowCount: block.rowCount - half },
        extras,
      );
      return {
        values: [...(a.values ?? []), ...(b.values ?? [])],
        ...(a.hiddenRows !== undefined && b.hiddenRows !== undefined
          ? { hiddenRows: [...a.hiddenRows, ...b.hiddenRows] }
          : {}),
        responseBytes: a.responseBytes + b.responseBytes,
      };
    }
  }

  /** One read that also looks at the sheet's protection and the merges touching `targets`: refused when either is in the way. */
  async checkWritable(
    sheet: string,
    targets: readonly SheetBlock[],
    extra: Omit<ReadRequest, "sheet"> = {},
  ): Promise<ReadAnswer> {
    const scope = hull(targets);
    const merges = this.io.supports("merges") && scope ? { merges: mergeScope(scope) } : {};
    const answer = await this.io.read({ sheet, protection: true, ...merges, ...extra });
    if (answer.protected) throw new GatewayError("protected", sheet);
    const merged = (answer.merges ?? [])
      .filter((a) => targets.some((t) => blocksIntersect(a, t)))
      .map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount));
    if (merged.length > 0) throw new GatewayError("merged", merged.join(", "));
    return answer;
  }

  async countReplaced(
    source: SourceBlock,
    plan: Pick<ApplyPlan, "columns" | "extraHeaderCells">,
  ): Promise<Replaced> {
    const { sheet, startRow: headerRow } = source;
    const rowCount = source.rows.length;
    const extras = plan.extraHeaderCells;
    const extraBlock = hull(extras.map((c) => cellBlock(headerRow, c.column)));
    // The first look at the target cells: the protection, merges, and the header cells right of the columns.
    const first = await this.checkWritable(sheet, targetBlocks(headerRow, rowCount, plan.columns, extras), {
      ...(extraBlock ? { values: extraBlock } : {}),
      usedRange: true,
    });
    const used = first.usedRange;
    const counted: SheetBlock[] = [];
    let count = 0;
    if (extraBlock) {
      const line = first.values?.[0] ?? [];
      const at = (column: number) => line[column - extraBlock.column];
      // The label and the date of an earlier formulas run are the add-in's own: rewritten without asking.
      const ours = isAsOfLabel(at(extras[0]?.column ?? -1));
      if (!ours)
        for (const c of extras)
          if (!isEmptyCell(at(c.column))) {
            count++;
            counted.push(cellBlock(headerRow, c.column));
          }
    }
    // An earlier run's columns are the add-in's own too; new columns may hold other people's cells,
    // only inside the sheet's used range (a first Apply right of the register reads nothing).
    for (const run of contiguousRuns(plan.columns.filter((c) => !c.existing))) {
      const whole = {
        row: headerRow,
        column: run.start,
        rowCount: rowCount + 1,
        columnCount: run.items.length,
      };
      const block = used ? intersection(whole, used) : whole;
      if (!block) continue;
      let offset = 0;
      await this.readRows(sheet, block, {}, (answer) => {
        (answer.values ?? []).forEach((line, r) =>
          line.forEach((cell, k) => {
            if (isEmptyCell(cell)) return;
            count++;
            counted.push(cellBlock(block.row + offset + r, block.column + k));
          }),
        );
        offset += answer.values?.length ?? 0;
      });
    }
    const where = hull(counted);
    return {
      count,
      address: where ? sheetAddress(sheet, where.row, where.column, where.rowCount, where.columnCount) : "",
    };
  }

  // --- Writing ---

  applySink(source: SourceBlock, options: SinkOptions = {}): WorkbookSink {
    return new GatewaySink(this, source, options);
  }

  /** Writes a grid from `row`, `column` of a sheet in requests sized by bytes: cells (formulas where "=…"), formats, bold cells. */
  async writeGrid(
    sheet: string,
    at: { readonly row: number; readonly column: number },
    grid: {
      readonly cells: readonly (readonly CellValue[])[];
      readonly formats?: readonly (readonly string[])[];
      readonly bold?: readonly (readonly boolean[])[];
    },
  ): Promise<void> {
    const { cells, formats, bold } = grid;
    const rowBytes = cells.map((line, r) => jsonBytes(line) + jsonBytes(formats?.[r]) + 2);
    await sendSized(
      0,
      cells.length,
      (s, c) => rowBytes.slice(s, s + c).reduce((a, b) => a + b, 0),
      async (s, c) => {
        const ops: WriteOp[] = [
          {
            kind: "cells",
            sheet,
            row: at.row + s,
            column: at.column,
            cells: cells.slice(s, s + c),
            as: "formulas",
          },
        ];
        if (formats)
          ops.push({
            kind: "formats",
            sheet,
            row: at.row + s,
            column: at.column,
            formats: formats.slice(s, s + c),
          });
        bold?.slice(s, s + c).forEach((line, r) =>
          line.forEach((b, k) => {
            if (b) ops.push({ kind: "bold", sheet, row: at.row + s + r, column: at.column + k });
          }),
        );
        await this.io.write(ops);
      },
      this.budget,
    );
  }

  /** Values, number formats, then bold cells (report sheets); then the layout, if one is given. */
  async writeMatrix(
    sheet: string,
    matrix: readonly (readonly MatrixCell[])[],
    layout?: SheetLayout,
  ): Promise<MatrixWritten> {
    if (matrix.length === 0) return { printSetup: false };
    const width = Math.max(1, ...matrix.map((line) => line.length));
    const pad = <T>(line: readonly T[], fill: T): T[] => [
      ...line,
      ...Array.from({ length: width - line.length }, () => fill),
    ];
    await this.writeGrid(
      sheet,
      { row: 0, column: 0 },
      {
        cells: matrix.map((line) =>
          pad(
            line.map((c) => toCell(c.value)),
            "",
          ),
        ),
        formats: matrix.map((line) =>
          pad(
            line.map((c) => c.numberFormat ?? "General"),
            "General",
          ),
        ),
        bold: matrix.map((line) =>
          pad(
            line.map((c) => c.bold === true),
            false,
          ),
        ),
      },
    );
    return layout ? this.layOut(sheet, matrix.length, layout) : { printSetup: false };
  }

  /**
   * A report sheet's layout, as `echeance report` gives it with exceljs (src/cli/report.ts): column
   * widths and wrapped columns in one request (ExcelApi 1.2, wrapping 1.1), then the print setup in
   * its own (ExcelApi 1.9), so that a host refusing it leaves the written sheet and its widths alone.
   */
  private async layOut(sheet: string, rows: number, layout: SheetLayout): Promise<MatrixWritten> {
    const ops: WriteOp[] = [];
    if (this.io.supports("columnWidths") && layout.columnWidths.length > 0)
      ops.push({ kind: "columnWidths", sheet, column: 0, widths: layout.columnWidths });
    for (const column of layout.wrapColumns)
      ops.push({ kind: "wrap", sheet, row: 0, column, rowCount: rows, columnCount: 1 });
    // Rows of wrapped text get their height: neither Excel nor LibreOffice grows them when printing.
    layout.rowHeights?.forEach((points, row) => {
      if (points !== undefined) ops.push({ kind: "rowHeight", sheet, row, points });
    });
    await this.io.write(ops);
    if (!this.io.supports("pageLayout")) return { printSetup: false };
    try {
      await this.io.write([
        {
          kind: "pageLayout",
          sheet,
          landscape: layout.landscape,
          pagesWide: 1,
          pagesTall: layout.pagesTall,
          ...(layout.titleRows ? { titleRows: layout.titleRows } : {}),
        },
      ]);
      return { printSetup: true };
    } catch {
      // The print setup is worth less than the report: the sheet stands, and the pane says so.
      return { printSetup: false };
    }
  }

  async addSheet(name: string): Promise<string> {
    const unique = uniqueSheetName(name, await this.io.sheetNames());
    await this.io.addSheet(unique);
    return unique;
  }

  activeCell(): Promise<CellRef> {
    return this.io.activeCell();
  }

  async watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    if (!this.io.supports("watchActiveSheet")) return async () => undefined;
    return this.io.watchActiveSheet(onChange);
  }
}

/** A run of adjacent planned columns, with each column's index among the plan's columns (its cell in a row). */
interface Run {
  readonly start: number;
  readonly indexes: readonly number[];
}

/**
 * The gateway as the Apply use case's sink, for one source block. `begin` only checks (the protection,
 * merges where anything goes) and starts watching edits: the header row is written with the first
 * rows, so that a refusal of the portable reference sheet leaves the register untouched.
 */
class GatewaySink implements WorkbookSink {
  private plan: SinkPlan | undefined;
  private runs: Run[] = [];
  private headersWritten = false;
  private rowsWritten = 0;
  private suspended = false;
  private editedCell: string | undefined;
  private unwatch: (() => Promise<void>) | undefined;
  private formulaNames: SinkReport["formulaNames"];
  private separators: Separators = "fr";
  private note: SinkReport["note"];
  private printSetup: boolean | undefined;

  constructor(
    private readonly gateway: SheetGateway,
    private readonly source: SourceBlock,
    private readonly options: SinkOptions,
  ) {}

  private get io(): SheetIO {
    return this.gateway.io;
  }

  private get current(): SinkPlan {
    if (!this.plan) throw new Error("ApplySink: begin() was not called");
    return this.plan;
  }

  async begin(plan: SinkPlan): Promise<void> {
    if (plan.place.sheet !== this.source.sheet || plan.place.headerRow !== this.source.startRow)
      throw new Error(`ApplySink: the plan is for ${plan.place.sheet}, the sink for ${this.source.address}`);
    const rowCount = plan.rowCount ?? this.source.rows.length;
    // Nothing is written before the sheet is known not to be protected and the target cells not to
    // hold part of a merge (Excel refuses that write): either gets nothing written rather than a
    // half-written block. Merges may have been made since the confirmation was asked.
    await this.gateway.checkWritable(
      plan.place.sheet,
      targetBlocks(plan.place.headerRow, rowCount, plan.columns, plan.extraHeaderCells),
    );
    this.plan = plan;
    this.runs = contiguousRuns(plan.columns.map((c, index) => ({ column: c.column, index }))).map((run) => ({
      start: run.start,
      indexes: run.items.map((i) => i.index),
    }));
    // Someone editing the register meanwhile (another window, a co-author) stops the run before its
    // next chunk: the rows left would be computed from data that is no longer there.
    if (this.io.supports("watchEdits"))
      this.unwatch = await this.io.watchEdits(plan.place.sheet, (address) => {
        if (this.editedCell === undefined && this.touchesInput(address)) this.editedCell = address;
      });
  }

  /**
   * Whether a changed range (an address such as "B14" or "Factures!B2:C9") touches the register's
   * input cells: its rows and its columns that Apply does not write. Apply never writes input cells,
   * so such a change is someone else's edit.
   */
  private touchesInput(address: string): boolean {
    const plan = this.current;
    const { place } = plan;
    const changed = parseAddress(address);
    if (changed.sheet !== undefined && changed.sheet !== place.sheet) return false;
    const lastRow = place.headerRow + (plan.rowCount ?? this.source.rows.length);
    if (changed.row > lastRow || changed.row + changed.rowCount - 1 < place.headerRow) return false;
    const outputs = new Set([
      ...plan.columns.map((c) => c.column),
      ...plan.extraHeaderCells.map((c) => c.column),
    ]);
    for (let c = changed.column; c < changed.column + changed.columnCount; c++) {
      const inside = c >= place.firstColumn && c < place.firstColumn + place.width;
      if (inside && !outputs.has(c)) return true;
    }
    return false;
  }

  /** The header row: new table columns, the columns' headers, the as-of label and date (one request). */
  private async writeHeaders(): Promise<void> {
    if (this.headersWritten) return;
    this.headersWritten = true;
    const { place, columns, extraHeaderCells } = this.current;
    const sheet = place.sheet;
    const ops: WriteOp[] = [];
    const added = columns.filter((c) => !c.existing);
    if (place.table && added.length > 0)
      ops.push({
        kind: "tableColumns",
        table: place.table,
        // Without ExcelApi 1.4 a column cannot be named when added: the header cell is written below.
        names: added.map((c) => (this.io.supports("namedTableColumns") ? c.header : undefined)),
      });
    for (const run of this.runs)
      ops.push({
        kind: "cells",
        sheet,
        row: place.headerRow,
        column: run.start,
        cells: [run.indexes.map((k) => columns[k]?.header ?? "")],
        as: "values",
      });
    // New columns as wide as their headers and values (the xlsx copy's rule); columns already there
    // keep the width the user may have given them.
    if (this.io.supports("columnWidths"))
      for (const run of contiguousRuns(added))
        ops.push({
          kind: "columnWidths",
          sheet,
          column: run.start,
          widths: run.items.map((c) => resultColumnWidth(c.header, c.format)),
        });
    for (const cell of extraHeaderCells) {
      ops.push({
        kind: "cells",
        sheet,
        row: place.headerRow,
        column: cell.column,
        cells: [[toCell(cell.value)]],
        as: "values",
      });
      if (cell.numberFormat !== undefined)
        ops.push({
          kind: "formats",
          sheet,
          row: place.headerRow,
          column: cell.column,
          formats: [[cell.numberFormat]],
        });
    }
    await this.io.write(ops);
  }

  async addReferenceSheet(sheet: ReferenceSheet): Promise<void> {
    // The formulas name the sheet: it is written under that exact name, added or emptied.
    if ((await this.io.resetSheet(sheet.name)) === "protected")
      throw new GatewayError("protected", sheet.name);
    const width = Math.max(1, ...sheet.rows.map((line) => line.length));
    const cells: CellValue[][] = [];
    const formats: string[][] = [];
    for (const line of sheet.rows) {
      const cellLine: CellValue[] = [];
      const formatLine: string[] = [];
      for (let c = 0; c < width; c++) {
        const cell = line[c];
        if (cell !== null && cell !== undefined && typeof cell === "object") {
          cellLine.push(`=${cell.formula.replace(/^=/, "")}`);
          formatLine.push(REFERENCE_NUMBER_FORMATS[cell.format]);
        } else {
          cellLine.push(toCell(cell));
          formatLine.push(
            typeof cell === "number" ? REFERENCE_NUMBER_FORMATS[sheet.columnFormats[c] ?? "text"] : "General",
          );
        }
      }
      cells.push(cellLine);
      formats.push(formatLine);
    }
    await this.gateway.writeGrid(sheet.name, { row: 0, column: 0 }, { cells, formats });
  }

  /** How cells of this run are written: values, formulas, or local formulas in a French Excel. */
  private writeAs(): "values" | "formulas" | "formulasLocal" {
    const write = this.current.write;
    if (write === "values") return "values";
    return write === "formulas" && this.formulaNames === "french" ? "formulasLocal" : "formulas";
  }

  private cellText(cell: OutputCell | undefined, as: "values" | "formulas" | "formulasLocal"): CellValue {
    if (cell === undefined) return "";
    if (as === "values") return toCell(cellValue(cell));
    const formula = cellFormula(cell);
    if (formula === undefined) return toCell(cellValue(cell));
    if (as === "formulas") return formula;
    return frenchFormula(formula, this.separators) ?? formula;
  }

  /** Writes rows [start, start + rows.length) of the data, one block per run, in requests sized by bytes. */
  private async writeData(
    start: number,
    rows: readonly (readonly OutputCell[])[],
    as: "values" | "formulas" | "formulasLocal",
    suspend: boolean,
  ): Promise<void> {
    const { place } = this.current;
    const matrices = this.runs.map((run) =>
      rows.map((row) => run.indexes.map((k) => this.cellText(row[k], as))),
    );
    // Measured once for the chunk (most fit one request); row by row only when it must be split.
    const total = matrices.reduce((n, m) => n + jsonBytes(m), 0);
    let prefix: number[] | undefined;
    const bytesOf = (s: number, c: number): number => {
      if (s === 0 && c === rows.length) return total;
      if (!prefix) {
        const sums = [0];
        rows.forEach((_, r) =>
          sums.push((sums[r] ?? 0) + matrices.reduce((n, m) => n + jsonBytes(m[r]) + 1, 0)),
        );
        prefix = sums;
      }
      return (prefix[s + c] ?? 0) - (prefix[s] ?? 0);
    };
    await sendSized(
      0,
      rows.length,
      bytesOf,
      async (s, c) => {
        const ops: WriteOp[] = this.runs.map((run, i) => ({
          kind: "cells",
          sheet: place.sheet,
          row: place.headerRow + 1 + start + s,
          column: run.start,
          cells: (matrices[i] ?? []).slice(s, s + c),
          as,
        }));
        await this.io.write(ops, { suspendCalculation: suspend });
        if (suspend) this.suspended = true;
      },
      this.gateway.budget,
    );
  }

  async writeRows(start: number, rows: readonly (readonly OutputCell[])[]): Promise<void> {
    await this.writeHeaders();
    const probe =
      this.current.write === "formulas" && this.formulaNames === undefined
        ? this.customFunctionCell(rows)
        : undefined;
    // The chunk whose CGV.* cell is read back is written with calculation on, so the read sees its value.
    const suspend = this.io.supports("suspendCalculation") && probe === undefined;
    await this.writeData(start, rows, this.writeAs(), suspend);
    if (probe) await this.checkFunctionNames(start, rows, probe);
    this.rowsWritten = Math.max(this.rowsWritten, start + rows.length);
    const delay = this.gateway.options.chunkDelayMs ?? 0;
    if (delay > 0) await pause(delay);
  }

  /** The first cell of a chunk whose formula calls a CGV.* function: its row among the chunk, its sheet column. */
  private customFunctionCell(
    rows: readonly (readonly OutputCell[])[],
  ): { row: number; column: number } | undefined {
    const { columns } = this.current;
    for (let r = 0; r < rows.length; r++) {
      const k = (rows[r] ?? []).findIndex((cell) => cellFormula(cell)?.includes("CGV.") === true);
      const column = columns[k]?.column;
      if (k >= 0 && column !== undefined) return { row: r, column };
    }
    return undefined;
  }

  /**
   * Reads back one written CGV.* cell. #NAME? means this Excel does not know the English names (a
   * French Excel: office-js #891, #6614): the chunk is written again through `formulasLocal` with the
   * French names, French separators first, then English ones (a French Excel on English regional
   * settings), and the later chunks follow. When neither works, the English formulas are put back and
   * the names are "unknown" (the functions are not loaded in this Excel).
   */
  private async checkFunctionNames(
    start: number,
    rows: readonly (readonly OutputCell[])[],
    probe: { row: number; column: number },
  ): Promise<void> {
    const { place } = this.current;
    const readBack = () =>
      this.io.read({
        sheet: place.sheet,
        values: cellBlock(place.headerRow + 1 + start + probe.row, probe.column),
        valueTypes: true,
      });
    if (!isNameError(await readBack())) {
      this.formulaNames = "english";
      return;
    }
    for (const separators of ["fr", "en"] as const) {
      this.separators = separators;
      try {
        await this.writeData(start, rows, "formulasLocal", false);
      } catch (e) {
        // A host that refuses the separators refuses the formula: the other separators are tried.
        if (isPayloadTooLarge(e)) throw e;
        continue;
      }
      if (!isNameError(await readBack())) {
        this.formulaNames = "french";
        return;
      }
    }
    await this.writeData(start, rows, "formulas", false);
    this.formulaNames = "unknown";
  }

  interruption(): SinkInterruption | undefined {
    return this.editedCell !== undefined ? { editedCell: this.editedCell } : undefined;
  }

  /**
   * An Excel note (ExcelApi 1.18), else a comment (ExcelApi 1.10), else none: false, and the values
   * written stand (a host may claim 1.18 and still lack `workbook.notes`, issue 14 #1).
   */
  async addNote(row: number, column: number, text: string): Promise<boolean> {
    const { sheet } = this.current.place;
    for (const kind of ["note", "comment"] as const) {
      if (!this.io.supports(kind === "note" ? "notes" : "comments")) continue;
      try {
        if (await this.io.addNote(kind, sheet, row, column, text)) {
          this.note = kind;
          return true;
        }
      } catch {
        // The note is not worth failing an Apply that has written its rows: the next kind is tried.
      }
    }
    this.note = "none";
    return false;
  }

  /**
   * Custom-formula conditional formats (ExcelApi 1.6): the rules' blocks are cleared first, so a
   * second Apply replaces them. The formulas test result and input cells only, never a custom function.
   */
  async highlight(rules: readonly HighlightRule[]): Promise<boolean> {
    if (!this.io.supports("conditionalFormats")) return false;
    if (rules.length > 0) await this.io.replaceConditionalFormats(rules);
    return true;
  }

  async finish(completed: boolean): Promise<void> {
    try {
      const { place, columns } = this.current;
      if (completed) await this.writeHeaders();
      // Number formats after the values (docs/office.md#bulk-work-in-the-task-pane), for every row
      // written, cancelled or not.
      const total = this.rowsWritten;
      if (total > 0 && this.runs.length > 0) {
        const lines = this.runs.map((run) => run.indexes.map((k) => columns[k]?.numberFormat ?? "General"));
        const perRow = lines.reduce((n, line) => n + jsonBytes(line) + 1, 0);
        let done = 0;
        await sendSized(
          0,
          total,
          // Each run's rows are one array in the request: its brackets count too.
          (_s, c) => c * perRow + 2 * this.runs.length,
          async (s, c) => {
            await this.io.write(
              this.runs.map((run, i) => ({
                kind: "formats",
                sheet: place.sheet,
                row: place.headerRow + 1 + s,
                column: run.start,
                formats: Array.from({ length: c }, () => lines[i] ?? []),
              })),
            );
            done += c;
            this.options.onFormats?.(done, total);
          },
          this.gateway.budget,
        );
      }
      // Calculation was suspended during the writes: recalculate once so dependants are up to date.
      if (this.suspended) await this.io.recalculate();
      if (completed) this.printSetup = await this.setUpPrinting(place.sheet, place.headerRow);
      if (completed && columns.length > 0) {
        const first = Math.min(...columns.map((c) => c.column));
        const last = Math.max(...columns.map((c) => c.column));
        await this.io.select(place.sheet, {
          row: place.headerRow,
          column: first,
          rowCount: (this.current.rowCount ?? this.source.rows.length) + 1,
          columnCount: last - first + 1,
        });
      }
    } finally {
      await this.close();
    }
  }

  /**
   * The register prints as the command line's copy does (src/xlsx/worksheet.ts `pageSetupXml`,
   * `workbookWithPrintTitles`): landscape, one page wide, its header row repeated on every page — the
   * register now being wider by the result columns. ExcelApi 1.9 (Worksheet.pageLayout), in a request
   * of its own: a host without it, or refusing it, leaves the written register as it is.
   */
  private async setUpPrinting(sheet: string, headerRow: number): Promise<boolean> {
    if (!this.io.supports("pageLayout")) return false;
    try {
      await this.io.write([
        {
          kind: "pageLayout",
          sheet,
          landscape: true,
          pagesWide: 1,
          pagesTall: undefined,
          titleRows: [headerRow + 1, headerRow + 1],
        },
      ]);
      return true;
    } catch {
      return false;
    }
  }

  report(): SinkReport {
    return {
      ...(this.printSetup !== undefined ? { printSetup: this.printSetup } : {}),
      ...(this.formulaNames !== undefined ? { formulaNames: this.formulaNames } : {}),
      ...(this.note !== undefined ? { note: this.note } : {}),
    };
  }

  async close(): Promise<void> {
    const unwatch = this.unwatch;
    this.unwatch = undefined;
    await unwatch?.();
  }
}
