import type { HighlightRule } from "../write";
import { blockAddress, quoteSheet, type CellValue, type SheetBlock } from "../cells";
import { characterWidthToPoints } from "../write/column-width";
import type { CellRef, SourceLayout } from "./gateway";
import { jsonBytes } from "./request-size";
import type {
  HostFeature,
  LocateQuery,
  Located,
  ReadAnswer,
  ReadRequest,
  SheetIO,
  WriteOp,
} from "./sheet-io";
import type { Block, MemoryWorkbook } from "./memory-workbook";

/**
 * The in-memory workbook as a sheet I/O port: the pane's preview outside Excel, the tests and the
 * benchmark. Each method is one counted request (`MemoryWorkbook.sync`, `respond`), refused whole
 * past 5 MB as Excel on the web refuses it; writes covering part of a merged area are refused
 * before any cell changes, as Excel refuses the request.
 */
export class MemorySheetIO implements SheetIO {
  readonly host = "memory" as const;
  private readonly missing: ReadonlySet<HostFeature>;

  constructor(
    readonly workbook: MemoryWorkbook,
    /** Features to leave out, to try the policy's degraded paths on the in-memory host. */
    missing: readonly HostFeature[] = [],
  ) {
    this.missing = new Set(missing);
  }

  supports(feature: HostFeature): boolean {
    return !this.missing.has(feature);
  }

  async locate(query: LocateQuery): Promise<Located> {
    const wb = this.workbook;
    wb.sync(undefined);
    let sheet = wb.activeSheet;
    let block: Block;
    let table: string | undefined;
    if (query.at) {
      const placed = this.placeAt(query.at, query.region);
      if (!placed.found) return placed;
      ({ sheet, block, table } = placed);
    } else {
      if (query.areas && wb.selectionAreas.length > 1 && query.kind === "selection")
        return { found: false, reason: "multi-area" };
      const anchor = wb.selection;
      if (query.kind === "selection") block = anchor;
      else if (query.kind === "table") {
        const found =
          (query.table === "atCell" ? wb.tableAt(sheet, anchor.row, anchor.column) : undefined) ??
          wb.tables.find((t) => t.sheet === sheet);
        if (!found) return { found: false, reason: "no-table" };
        table = found.name;
        block = {
          row: found.startRow,
          column: found.startColumn,
          rowCount: found.rowCount,
          columnCount: found.columnCount,
        };
      } else
        block =
          query.region === "surrounding"
            ? wb.currentRegion(sheet, anchor.row, anchor.column)
            : wb.usedBlock(sheet);
    }
    // As Excel is read: clipped to the used range (a whole-column selection is not a million rows).
    const used = wb.usedBlock(sheet);
    const top = Math.max(block.row, used.row);
    const left = Math.max(block.column, used.column);
    const clipped = {
      row: top,
      column: left,
      rowCount: Math.min(block.row + block.rowCount, used.row + used.rowCount) - top,
      columnCount: Math.min(block.column + block.columnCount, used.column + used.columnCount) - left,
    };
    let someHidden = false;
    for (let r = clipped.row; r < clipped.row + clipped.rowCount && !someHidden; r++)
      someHidden = wb.isRowHidden(sheet, r);
    const filteredTable =
      table !== undefined && wb.tables.find((t) => t.name === table)?.filter !== undefined;
    const filter: SourceLayout["filter"] =
      filteredTable && table !== undefined
        ? { on: "table", table }
        : wb.autoFilter(sheet)
          ? { on: "sheet" }
          : undefined;
    return {
      found: true,
      sheet,
      block: clipped,
      ...(table !== undefined ? { table } : {}),
      ...(query.probes.hiddenRows ? { someHidden } : {}),
      ...(query.probes.filter && filter ? { filter } : {}),
      ...(query.probes.merges ? { merges: this.mergesStartingIn(sheet, clipped) } : {}),
      date1904: wb.date1904,
    };
  }

  /** A remembered place (LocateQuery.at), as Excel finds it: names compared case-insensitively. */
  private placeAt(
    at: NonNullable<LocateQuery["at"]>,
    region: LocateQuery["region"],
  ):
    | { found: true; sheet: string; block: Block; table: string | undefined }
    | { found: false; reason: "no-table" | "no-sheet" } {
    const wb = this.workbook;
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    if (at.table !== undefined) {
      const wanted = at.table;
      const found = wb.tables.find((t) => same(t.name, wanted));
      if (!found) return { found: false, reason: "no-table" };
      return {
        found: true,
        sheet: found.sheet,
        table: found.name,
        block: {
          row: found.startRow,
          column: found.startColumn,
          rowCount: found.rowCount,
          columnCount: found.columnCount,
        },
      };
    }
    const sheet = wb.sheetNames().find((n) => same(n, at.sheet));
    if (sheet === undefined || !at.block) return { found: false, reason: "no-sheet" };
    const block = at.block;
    let bottom = block.row + block.rowCount;
    if (region === "surrounding") {
      const around = wb.currentRegion(sheet, block.row, block.column);
      bottom = Math.max(bottom, around.row + around.rowCount);
    }
    return { found: true, sheet, table: undefined, block: { ...block, rowCount: bottom - block.row } };
  }

  /** The merged areas whose top-left cell is in a block, as Excel answers (office-js #3611). */
  private mergesStartingIn(sheet: string, block: SheetBlock): SheetBlock[] {
    return this.workbook
      .mergedAreas(sheet, block)
      .filter(
        (a) =>
          a.row >= block.row &&
          a.row < block.row + block.rowCount &&
          a.column >= block.column &&
          a.column < block.column + block.columnCount,
      );
  }

  async read(request: ReadRequest): Promise<ReadAnswer> {
    const wb = this.workbook;
    const { sheet } = request;
    const values = request.values ? wb.values(sheet, request.values) : undefined;
    let hiddenRows: number[] | undefined;
    let viewBytes = 0;
    if (request.hiddenRows) {
      hiddenRows = [];
      const b = request.hiddenRows;
      const prefix = `${quoteSheet(sheet)}!`;
      for (let r = b.row; r < b.row + b.rowCount; r++)
        if (wb.isRowHidden(sheet, r)) hiddenRows.push(r);
        // The visible view answers one address per visible cell, as Excel does.
        else viewBytes += prefix.length + blockAddress(r, b.column).length + 3;
    }
    const responseBytes = jsonBytes(values) + viewBytes;
    wb.respond(responseBytes);
    return {
      ...(values ? { values } : {}),
      ...(values && request.valueTypes ? { valueTypes: values.map((line) => line.map(valueType)) } : {}),
      ...(request.protection ? { protected: wb.protectedSheets.has(sheet) } : {}),
      ...(request.merges ? { merges: this.mergesStartingIn(sheet, request.merges) } : {}),
      ...(hiddenRows ? { hiddenRows } : {}),
      ...(request.usedRange ? { usedRange: wb.usedBlock(sheet) } : {}),
      responseBytes,
    };
  }

  async write(ops: readonly WriteOp[]): Promise<void> {
    const wb = this.workbook;
    // The request as Excel receives it: its size first, then a merge in the way, each refusing it whole.
    wb.sync(ops.map((op) => (op.kind === "cells" ? op.cells : op.kind === "formats" ? op.formats : op)));
    for (const op of ops)
      if (op.kind === "cells")
        wb.assertBlockWritable(op.sheet, {
          row: op.row,
          column: op.column,
          rowCount: op.cells.length,
          columnCount: op.cells[0]?.length ?? 0,
        });
    for (const op of ops) {
      switch (op.kind) {
        case "cells":
          // The in-memory host has no language: its local formulas are its formulas.
          wb.writeBlock(op.sheet, op.row, op.column, op.cells, op.as === "values" ? "values" : "formulas");
          break;
        case "formats":
          op.formats.forEach((line, r) =>
            line.forEach((f, c) => wb.setNumberFormat(op.sheet, op.row + r, op.column + c, f)),
          );
          break;
        case "bold":
          wb.setBold(op.sheet, op.row, op.column, true);
          break;
        case "columnWidths":
          // Kept in points, as Excel keeps what Office.js sets.
          op.widths.forEach((w, k) => wb.setColumnWidth(op.sheet, op.column + k, characterWidthToPoints(w)));
          break;
        case "rowHeight":
          wb.setRowHeight(op.sheet, op.row, op.points);
          break;
        case "wrap":
          for (let r = op.row; r < op.row + op.rowCount; r++)
            for (let c = op.column; c < op.column + op.columnCount; c++) wb.setWrap(op.sheet, r, c, true);
          break;
        case "pageLayout":
          wb.pageLayouts.set(op.sheet, {
            orientation: op.landscape ? "Landscape" : "Portrait",
            paperSize: "A4",
            horizontalFitToPages: op.pagesWide,
            verticalFitToPages: op.pagesTall ?? 0,
            ...(op.titleRows ? { printTitleRows: `$${op.titleRows[0]}:$${op.titleRows[1]}` } : {}),
          });
          break;
        case "tableColumns": {
          const table = wb.tables.find((t) => t.name === op.table);
          if (!table) throw new Error(`ItemNotFound: table ${op.table}`);
          for (const name of op.names) {
            wb.write(
              table.sheet,
              table.startRow,
              table.startColumn + table.columnCount,
              name ?? `Column${table.columnCount + 1}`,
              "values",
            );
            table.columnCount += 1;
          }
          break;
        }
      }
    }
  }

  async recalculate(): Promise<void> {
    this.workbook.sync(undefined);
  }

  async select(sheet: string, block: SheetBlock): Promise<void> {
    this.workbook.sync(undefined);
    this.workbook.select(sheet, { ...block });
  }

  async watchEdits(sheet: string, onEdit: (address: string) => void): Promise<() => Promise<void>> {
    const unsubscribe = this.workbook.onEdit((changed, address) => {
      if (changed === sheet) onEdit(address);
    });
    return async () => void unsubscribe();
  }

  async watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    const unsubscribe = this.workbook.onActivate(onChange);
    return async () => void unsubscribe();
  }

  async addNote(
    kind: "note" | "comment",
    sheet: string,
    row: number,
    column: number,
    text: string,
  ): Promise<boolean> {
    this.workbook.sync(text);
    (kind === "note" ? this.workbook.notes : this.workbook.comments).set(
      `${sheet}!${blockAddress(row, column)}`,
      text,
    );
    return true;
  }

  async replaceConditionalFormats(rules: readonly HighlightRule[]): Promise<void> {
    const wb = this.workbook;
    wb.sync(rules);
    for (const rule of rules)
      wb.clearConditionalFormats(rule.sheet, {
        row: rule.row,
        column: rule.column,
        rowCount: rule.rowCount,
        columnCount: rule.columnCount,
      });
    wb.conditionalFormats.push(...rules);
  }

  async sheetNames(): Promise<string[]> {
    this.workbook.sync(undefined);
    return this.workbook.sheetNames();
  }

  async addSheet(name: string): Promise<void> {
    this.workbook.sync(name);
    this.workbook.addSheet(name);
  }

  async resetSheet(name: string): Promise<"added" | "cleared" | "protected"> {
    const wb = this.workbook;
    wb.sync(name);
    if (!wb.sheetNames().includes(name)) {
      wb.addSheet(name);
      return "added";
    }
    if (wb.protectedSheets.has(name)) return "protected";
    wb.clearSheet(name);
    return "cleared";
  }

  async activeCell(): Promise<CellRef> {
    const wb = this.workbook;
    wb.sync(undefined);
    return { sheet: wb.activeSheet, row: wb.selection.row, column: wb.selection.column };
  }
}

/** Excel's value type of a cell as the in-memory workbook holds it. */
function valueType(value: CellValue): string {
  if (value === null || value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return /^#(?:NAME\?|VALUE!|REF!|DIV\/0!|NUM!|NULL!|N\/A|CALC!|SPILL!|BUSY!)$/.test(value)
    ? "Error"
    : "String";
}
