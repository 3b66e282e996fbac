import { highlightFormula, type HighlightRule } from "../write";
import {
  blockAddress,
  parseAddress,
  parseAreas,
  quoteSheet,
  type CellValue,
  type SheetBlock,
} from "../cells";
import { characterWidthToPoints } from "../write/column-width";
import { GatewayError, type CellRef, type SourceLayout } from "../workbook/gateway";
import {
  HOST_PAYLOAD_LIMIT_BYTES,
  isPayloadTooLarge,
  jsonBytes,
  PayloadTooLargeError,
} from "../workbook/request-size";
import { isCellEditRefusal } from "./cell-edit";
import { officeExcelHost, type ExcelHost } from "./excel-host";
import type {
  HostFeature,
  LocateQuery,
  Located,
  ReadAnswer,
  ReadRequest,
  SheetIO,
  WriteOp,
} from "../workbook/sheet-io";

/** The ExcelApi version behind each optional feature. */
const FEATURE_SETS: Readonly<Record<HostFeature, string>> = {
  surroundingRegion: "1.7",
  tablesAtCell: "1.9",
  activeCell: "1.7",
  selectedAreas: "1.9",
  hiddenRows: "1.3",
  filters: "1.9",
  merges: "1.13",
  suspendCalculation: "1.6",
  namedTableColumns: "1.4",
  conditionalFormats: "1.6",
  watchEdits: "1.7",
  watchActiveSheet: "1.7",
  notes: "1.18",
  comments: "1.10",
  columnWidths: "1.2",
  pageLayout: "1.9",
};

/**
 * Whether an Office.js proxy has a member. A host file older than the requirement sets the Excel
 * around it claims lacks some objects (issue 14: `workbook.notes` undefined while ExcelApi 1.18 is
 * answered true): every optional member is looked at before it is called.
 */
function has(object: unknown, member: string): boolean {
  if (object === null || object === undefined) return false;
  const value = (object as Record<string, unknown>)[member];
  return value !== undefined && value !== null;
}

/**
 * A read-only request that carried an optional probe (merged areas, visible rows) failed. Excel fails
 * a whole request when `getMergedAreasOrNullObject` meets more than 512 merged areas (documented), and
 * large visible views have been reported to fail at times (office-js #4263): the batch is run once more
 * without the probe, whose answer is then unknown (the pane says nothing), rather than failing the read.
 */
class ProbeFailed extends Error {}

/** Syncs a read-only request; when it carried probes and fails (not for its size), throws ProbeFailed. */
async function syncProbed(context: Excel.RequestContext, probed: boolean): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    // A refusal for its size or for a cell being edited is not the probe's: it goes up as it came.
    if (probed && !isPayloadTooLarge(e) && !isCellEditRefusal(e))
      throw new ProbeFailed(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

const address = (b: SheetBlock) => blockAddress(b.row, b.column, b.rowCount, b.columnCount);

/** Office.js as a sheet I/O port: one `Excel.run` per method (one request), objects checked before use. */
export class OfficeSheetIO implements SheetIO {
  readonly host = "excel" as const;

  constructor(private readonly office: ExcelHost = officeExcelHost) {}

  supports(feature: HostFeature): boolean {
    try {
      return this.office.isSetSupported("ExcelApi", FEATURE_SETS[feature]);
    } catch {
      return false;
    }
  }

  /** Runs a batch with its probes, and once more without them if a probed sync failed (see ProbeFailed). */
  private async runProbed<T>(
    batch: (context: Excel.RequestContext, probes: boolean) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.office.run((context) => batch(context, true));
    } catch (e) {
      if (!(e instanceof ProbeFailed)) throw e;
      return this.office.run((context) => batch(context, false));
    }
  }

  /**
   * The sheet's used range of values: `getUsedRange(true)` ignores cells that only carry formatting
   * (its `valuesOnly`, ExcelApi 1.2), so a register on a sheet formatted down to row 1,048,576 is not
   * a million blank rows. Without 1.2, the used range with formats (all there is).
   */
  private usedRange(ws: Excel.Worksheet): Excel.Range {
    let valuesOnly = false;
    try {
      valuesOnly = this.office.isSetSupported("ExcelApi", "1.2");
    } catch {
      valuesOnly = false;
    }
    return valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
  }

  /** Queues a read of the merged areas starting in a range; undefined where the method is missing. */
  private probeMerges(range: Excel.Range): (() => SheetBlock[]) | undefined {
    if (!has(range, "getMergedAreasOrNullObject")) return undefined;
    const areas = range.getMergedAreasOrNullObject();
    areas.load("address");
    return () =>
      areas.isNullObject
        ? []
        : parseAreas(areas.address).map((a) => ({
            row: a.row,
            column: a.column,
            rowCount: a.rowCount,
            columnCount: a.columnCount,
          }));
  }

  async locate(query: LocateQuery): Promise<Located> {
    try {
      return await this.runProbed((context, probes) => this.locateIn(context, query, probes));
    } catch (e) {
      // getSelectedRange fails when several areas are selected (its documentation says so).
      if ((e as { code?: unknown } | null)?.code === "InvalidSelection")
        return { found: false, reason: "multi-area" };
      throw e;
    }
  }

  private async locateIn(
    context: Excel.RequestContext,
    query: LocateQuery,
    probes: boolean,
  ): Promise<Located> {
    const wb = context.workbook;
    let areas: Excel.RangeAreas | undefined;
    let range: Excel.Range;
    let table: Excel.Table | undefined;
    let ws: Excel.Worksheet;
    if (query.at) {
      const placed = await this.placeAt(context, query.at, query.region);
      if (!placed.found) return placed;
      ({ range, table, ws } = placed);
    } else {
      let selected: Excel.Range;
      if (query.kind === "selection" && query.areas && has(wb, "getSelectedRanges")) {
        areas = wb.getSelectedRanges();
        areas.load("areaCount");
        selected = areas.areas.getItemAt(0);
      } else if (query.kind !== "selection" && query.anchor === "activeCell" && has(wb, "getActiveCell"))
        selected = wb.getActiveCell();
      else selected = wb.getSelectedRange();
      range = selected;
      ws = selected.worksheet;
      if (query.kind === "region") {
        range =
          query.region === "surrounding" && has(selected, "getSurroundingRegion")
            ? selected.getSurroundingRegion()
            : this.usedRange(selected.worksheet);
      } else if (query.kind === "table") {
        // The table at the anchor (ExcelApi 1.9), else the anchor's sheet's first table.
        const atCell =
          query.table === "atCell" && has(selected, "getTables") ? selected.getTables(false) : undefined;
        const ofSheet = selected.worksheet.tables;
        atCell?.load("items/name");
        ofSheet.load("items/name");
        await context.sync();
        table = atCell?.items[0] ?? ofSheet.items[0];
        if (!table) return { found: false, reason: "no-table" };
        table.load("name,showTotals");
        range = table.getRange();
      }
    }
    range.load("address,rowIndex,columnIndex,rowCount,columnCount,worksheet/name");
    if (query.probes.hiddenRows) range.load("rowHidden");
    // A filter on the sheet (its buttons are enough: Data > Filter), or criteria on the table's own
    // filter (every table shows filter buttons, so only isDataFiltered says something).
    const sheetFilter =
      query.probes.filter && !table && has(ws, "autoFilter") ? ws.autoFilter.load("enabled") : undefined;
    const tableFilter =
      query.probes.filter && table && has(table, "autoFilter")
        ? table.autoFilter.load("isDataFiltered")
        : undefined;
    // Merged areas starting in the register: the others of a merge read blank.
    const merges = probes && query.probes.merges ? this.probeMerges(range) : undefined;
    // Serials of a 1904 workbook are four years off the 1900 system every date here is read in.
    // Office.js does not expose the date system: DATE(1904,1,1) is 0 there, 1462 in the 1900 system.
    const probe = has(wb, "functions") ? wb.functions.date(1904, 1, 1) : undefined;
    probe?.load("value");
    // A whole-column selection (A:F) is a million rows: clip every source to the sheet's used range —
    // of values: a sheet formatted down to its last row would otherwise still be a million rows.
    const used = this.usedRange(ws);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await syncProbed(context, merges !== undefined);
    if (areas && areas.areaCount > 1) return { found: false, reason: "multi-area" };
    const top = Math.max(range.rowIndex, used.rowIndex);
    const left = Math.max(range.columnIndex, used.columnIndex);
    const bottom = Math.min(
      range.rowIndex + range.rowCount - (table?.showTotals ? 1 : 0),
      used.rowIndex + used.rowCount,
    );
    const right = Math.min(range.columnIndex + range.columnCount, used.columnIndex + used.columnCount);
    const filter: SourceLayout["filter"] =
      tableFilter?.isDataFiltered === true && table
        ? { on: "table", table: table.name }
        : sheetFilter?.enabled === true
          ? { on: "sheet" }
          : undefined;
    return {
      found: true,
      sheet: range.worksheet.name,
      block: { row: top, column: left, rowCount: bottom - top, columnCount: right - left },
      ...(table ? { table: table.name } : {}),
      // rowHidden is false when no row of the range is hidden, true or null otherwise.
      ...(query.probes.hiddenRows ? { someHidden: range.rowHidden !== false } : {}),
      ...(filter ? { filter } : {}),
      ...(merges ? { merges: merges() } : {}),
      date1904: probe?.value === 0,
    };
  }

  /**
   * A remembered place (LocateQuery.at): the table of that name, or the block on that sheet with its
   * rows run on down the current region around its first cell. Names are looked up among the loaded
   * names (ExcelApi 1.1; `getItemOrNullObject` is 1.4), case-insensitively as Excel compares them.
   */
  private async placeAt(
    context: Excel.RequestContext,
    at: NonNullable<LocateQuery["at"]>,
    region: LocateQuery["region"],
  ): Promise<
    | { found: true; range: Excel.Range; table: Excel.Table | undefined; ws: Excel.Worksheet }
    | { found: false; reason: "no-table" | "no-sheet" }
  > {
    const wb = context.workbook;
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    if (at.table !== undefined) {
      const wanted = at.table;
      const tables = wb.tables.load("items/name");
      await context.sync();
      const name = tables.items.map((t) => t.name).find((n) => same(n, wanted));
      if (name === undefined) return { found: false, reason: "no-table" };
      const table = wb.tables.getItem(name);
      table.load("name,showTotals");
      // The table's sheet (a navigation property, ExcelApi 1.2): its used range clips the block.
      return { found: true, range: table.getRange(), table, ws: wb.tables.getItem(name).worksheet };
    }
    const sheets = wb.worksheets.load("items/name");
    await context.sync();
    const sheet = sheets.items.map((w) => w.name).find((n) => same(n, at.sheet));
    if (sheet === undefined || !at.block) return { found: false, reason: "no-sheet" };
    const ws = wb.worksheets.getItem(sheet);
    const block = at.block;
    let bottom = block.row + block.rowCount;
    const first = ws.getRange(blockAddress(block.row, block.column));
    if (region === "surrounding" && has(first, "getSurroundingRegion")) {
      // Rows added under the register since it was applied are part of it, as in a fresh read.
      const around = first.getSurroundingRegion().load("rowIndex,rowCount");
      await context.sync();
      bottom = Math.max(bottom, around.rowIndex + around.rowCount);
    }
    return {
      found: true,
      range: ws.getRange(address({ ...block, rowCount: bottom - block.row })),
      table: undefined,
      ws,
    };
  }

  read(request: ReadRequest): Promise<ReadAnswer> {
    return this.runProbed(async (context, withProbes) => {
      const ws = context.workbook.worksheets.getItem(request.sheet);
      const range = request.values ? ws.getRange(address(request.values)) : undefined;
      range?.load(request.valueTypes ? "values,valueTypes" : "values");
      const protection = request.protection ? ws.protection.load("protected") : undefined;
      let view: Excel.RangeView | undefined;
      if (withProbes && request.hiddenRows) {
        const column = ws.getRange(address(request.hiddenRows));
        if (has(column, "getVisibleView")) {
          view = column.getVisibleView();
          view.load("cellAddresses");
        }
      }
      const merges =
        withProbes && request.merges ? this.probeMerges(ws.getRange(address(request.merges))) : undefined;
      // An empty sheet's used range is A1 (getUsedRange, ExcelApi 1.1): a cell to read, harmless.
      const used = request.usedRange
        ? this.usedRange(ws).load("rowIndex,columnIndex,rowCount,columnCount")
        : undefined;
      await syncProbed(context, view !== undefined || merges !== undefined);
      let values: CellValue[][] | undefined;
      if (range) {
        // Excel on the web may answer null instead of failing on a response over its limit.
        const answered = range.values as CellValue[][] | null;
        if (!answered)
          throw new PayloadTooLargeError("ResponsePayloadSizeLimitExceeded", HOST_PAYLOAD_LIMIT_BYTES);
        values = answered;
      }
      let hiddenRows: number[] | undefined;
      let viewBytes = 0;
      if (view && request.hiddenRows) {
        const addresses = view.cellAddresses as unknown[][];
        viewBytes = jsonBytes(addresses);
        const visible = new Set(addresses.flat().map((a) => parseAddress(String(a)).row));
        hiddenRows = [];
        const b = request.hiddenRows;
        for (let r = b.row; r < b.row + b.rowCount; r++) if (!visible.has(r)) hiddenRows.push(r);
      }
      return {
        ...(values ? { values } : {}),
        ...(range && request.valueTypes ? { valueTypes: range.valueTypes as string[][] } : {}),
        ...(protection ? { protected: protection.protected } : {}),
        ...(merges ? { merges: merges() } : {}),
        ...(hiddenRows ? { hiddenRows } : {}),
        ...(used
          ? {
              usedRange: {
                row: used.rowIndex,
                column: used.columnIndex,
                rowCount: used.rowCount,
                columnCount: used.columnCount,
              },
            }
          : {}),
        responseBytes: jsonBytes(values) + viewBytes,
      };
    });
  }

  async write(
    ops: readonly WriteOp[],
    options: { readonly suspendCalculation?: boolean } = {},
  ): Promise<void> {
    if (ops.length === 0) return;
    await this.office.run(async (context) => {
      const application = context.workbook.application;
      if (options.suspendCalculation && has(application, "suspendApiCalculationUntilNextSync"))
        application.suspendApiCalculationUntilNextSync();
      const sheets = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => {
        let ws = sheets.get(name);
        if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
        return ws;
      };
      for (const op of ops) {
        if (op.kind === "tableColumns") {
          const table = context.workbook.tables.getItem(op.table);
          for (const name of op.names)
            if (name !== undefined) table.columns.add(undefined, undefined, name);
            else table.columns.add();
          continue;
        }
        if (op.kind === "bold") {
          sheet(op.sheet).getRange(blockAddress(op.row, op.column)).format.font.bold = true;
          continue;
        }
        if (op.kind === "columnWidths") {
          // Office.js takes points (RangeFormat.columnWidth); the layouts give Excel's characters.
          op.widths.forEach((w, k) => {
            sheet(op.sheet).getRange(blockAddress(0, op.column + k)).format.columnWidth =
              characterWidthToPoints(w);
          });
          continue;
        }
        if (op.kind === "rowHeight") {
          // RangeFormat.rowHeight (ExcelApi 1.2), in points.
          sheet(op.sheet).getRange(blockAddress(op.row, 0)).format.rowHeight = op.points;
          continue;
        }
        if (op.kind === "wrap") {
          const format = sheet(op.sheet).getRange(
            blockAddress(op.row, op.column, op.rowCount, op.columnCount),
          ).format;
          format.wrapText = true;
          format.verticalAlignment = "Top";
          continue;
        }
        if (op.kind === "pageLayout") {
          this.queuePageLayout(sheet(op.sheet), op);
          continue;
        }
        const grid = op.kind === "cells" ? op.cells : op.formats;
        const width = grid[0]?.length ?? 0;
        if (grid.length === 0 || width === 0) continue;
        const range = sheet(op.sheet).getRange(blockAddress(op.row, op.column, grid.length, width));
        if (op.kind === "formats") range.numberFormat = op.formats as string[][];
        else if (op.as === "values") range.values = op.cells as CellValue[][];
        else if (op.as === "formulas") range.formulas = op.cells as CellValue[][];
        else range.formulasLocal = op.cells as CellValue[][];
      }
      await context.sync();
    });
  }

  /**
   * A sheet's print setup (ExcelApi 1.9), each member looked at before use: A4, the orientation,
   * fitted to `pagesWide` pages wide and `pagesTall` tall — 0 tall is « as many as needed », as in
   * the file format (`fitToHeight="0"`, which exceljs writes for the command line) — and the title rows
   * repeated (whole rows, as setPrintTitleRows requires).
   */
  private queuePageLayout(ws: Excel.Worksheet, op: Extract<WriteOp, { kind: "pageLayout" }>): void {
    if (!has(ws, "pageLayout")) throw new Error("Worksheet.pageLayout is missing (ExcelApi 1.9)");
    const layout = ws.pageLayout;
    layout.orientation = op.landscape ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: op.pagesWide, verticalFitToPages: op.pagesTall ?? 0 };
    if (op.titleRows && has(layout, "setPrintTitleRows"))
      layout.setPrintTitleRows(`$${op.titleRows[0]}:$${op.titleRows[1]}`);
  }

  async recalculate(): Promise<void> {
    await this.office.run(async (context) => {
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    });
  }

  async select(sheet: string, block: SheetBlock): Promise<void> {
    await this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address(block)).select();
      await context.sync();
    });
  }

  watchEdits(sheet: string, onEdit: (address: string) => void): Promise<() => Promise<void>> {
    return this.office.watchSheet(sheet, onEdit);
  }

  watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    return this.office.watchActiveSheet(onChange);
  }

  async addNote(
    kind: "note" | "comment",
    sheet: string,
    row: number,
    column: number,
    text: string,
  ): Promise<boolean> {
    const at = `${quoteSheet(sheet)}!${blockAddress(row, column)}`;
    if (kind === "note")
      return this.office.run(async (context) => {
        const notes = (context.workbook as { notes?: Excel.NoteCollection }).notes;
        if (!notes || !has(notes, "add") || !has(notes, "getItemOrNullObject")) return false;
        // A second Apply replaces its note rather than failing on an existing one.
        const existing = notes.getItemOrNullObject(at);
        await context.sync();
        if (!existing.isNullObject) existing.delete();
        notes.add(at, text);
        await context.sync();
        return true;
      });
    const available = await this.office.run(async (context) => {
      const comments = (context.workbook as { comments?: Excel.CommentCollection }).comments;
      return has(comments, "add") && has(comments, "getItemByCell");
    });
    if (!available) return false;
    try {
      await this.office.run(async (context) => {
        context.workbook.comments.getItemByCell(at).delete();
        await context.sync();
      });
    } catch {
      // No comment there yet: nothing to replace.
    }
    await this.office.run(async (context) => {
      context.workbook.comments.add(at, text);
      await context.sync();
    });
    return true;
  }

  async replaceConditionalFormats(rules: readonly HighlightRule[]): Promise<void> {
    await this.office.run(async (context) => {
      const ranges = rules.map((rule) =>
        context.workbook.worksheets
          .getItem(rule.sheet)
          .getRange(blockAddress(rule.row, rule.column, rule.rowCount, rule.columnCount)),
      );
      const cleared = new Set<string>();
      rules.forEach((rule, i) => {
        const key = `${rule.sheet}!${blockAddress(rule.row, rule.column, rule.rowCount, rule.columnCount)}`;
        if (!cleared.has(key)) ranges[i]?.conditionalFormats.clearAll();
        cleared.add(key);
      });
      rules.forEach((rule, i) => {
        // The enum's value as a string: `Excel` is a global of the Office host only.
        const format = ranges[i]?.conditionalFormats.add("Custom");
        if (!format) return;
        format.custom.rule.formula = highlightFormula(rule);
        format.custom.format.fill.color = rule.fill;
      });
      await context.sync();
    });
  }

  sheetNames(): Promise<string[]> {
    return this.office.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((w) => w.name);
    });
  }

  async addSheet(name: string): Promise<void> {
    await this.office.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
  }

  resetSheet(name: string): Promise<"added" | "cleared" | "protected"> {
    return this.office.run(async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (found.isNullObject) {
        context.workbook.worksheets.add(name);
        await context.sync();
        return "added";
      }
      const protection = found.protection.load("protected");
      await context.sync();
      if (protection.protected) return "protected";
      found.getRange().clear("Contents");
      await context.sync();
      return "cleared";
    });
  }

  /** The active cell: `getActiveCell` (ExcelApi 1.7), else the selection's top-left cell. */
  activeCell(): Promise<CellRef> {
    return this.office.run(async (context) => {
      const wb = context.workbook;
      const range =
        this.supports("activeCell") && has(wb, "getActiveCell") ? wb.getActiveCell() : wb.getSelectedRange();
      range.load("address");
      await context.sync();
      const parsed = parseAddress(range.address);
      if (parsed.sheet === undefined) throw new GatewayError("no-selection");
      return { sheet: parsed.sheet, row: parsed.row, column: parsed.column };
    });
  }
}
