import { blockAddress, sheetAddress } from "../cells";
import {
  contiguousRuns,
  DEFAULT_CHUNK_ROWS,
  GatewayError,
  hiddenDataRows,
  isEmptyCell,
  mergesInOutput,
  readChunkRows,
  interruption,
  touchesInput,
  type CellRef,
  type CellValue,
  type ColumnPlacement,
  type HighlightRule,
  type MatrixCell,
  type OutputColumn,
  type SourceBlock,
  type SourceKind,
  type SourceLayout,
  type WorkbookGateway,
  type WriteOptions,
  type WriteOutcome,
  uniqueSheetName,
} from "./gateway";
import { type Block, type MemoryWorkbook } from "./memory-workbook";

export interface MemoryGatewayOptions {
  /** A pause after each chunk, so a progress bar can be seen in the preview (0 in tests). */
  readonly chunkDelayMs?: number;
}

function blockToSource(
  wb: MemoryWorkbook,
  kind: SourceKind,
  sheet: string,
  block: Block,
  table?: string,
): SourceBlock {
  const values = wb.values(sheet, block);
  // As ExcelGateway reads: one request to locate the block, then one per chunk of values.
  wb.sync(block);
  const readRows = readChunkRows(values[0]?.length ?? 1);
  for (let start = 0; start < values.length; start += readRows)
    wb.sync(values.slice(start, start + readRows));
  const [header = [], ...rows] = values;
  return {
    kind,
    sheet,
    address: sheetAddress(sheet, block.row, block.column, block.rowCount, block.columnCount),
    startRow: block.row,
    startColumn: block.column,
    headers: header.map((h) => (h === null ? "" : String(h))),
    rows,
    ...(table !== undefined ? { table: { name: table } } : {}),
    layout: layoutOf(wb, sheet, block, table),
  };
}

/** Hidden and filtered-out rows, the filter and the merges of a block, as ExcelGateway reads them. */
function layoutOf(wb: MemoryWorkbook, sheet: string, block: Block, table: string | undefined): SourceLayout {
  const filteredTable = table !== undefined && wb.tables.find((t) => t.name === table)?.filter !== undefined;
  const filter: SourceLayout["filter"] = filteredTable
    ? { on: "table", table }
    : wb.autoFilter(sheet)
      ? { on: "sheet" }
      : undefined;
  return {
    hiddenRows: hiddenDataRows(block.row + 1, block.rowCount - 1, (r) => wb.isRowHidden(sheet, r)),
    ...(filter ? { filter } : {}),
    merges: wb.mergedAreas(sheet, block).map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount)),
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The gateway on an in-memory workbook: the pane's preview mode outside Excel, and tests. */
export class MemoryGateway implements WorkbookGateway {
  readonly host = "memory" as const;
  batches = 0;

  constructor(
    readonly workbook: MemoryWorkbook,
    private readonly options: MemoryGatewayOptions = {},
  ) {}

  async readSource(kind: SourceKind): Promise<SourceBlock> {
    const wb = this.workbook;
    if (wb.date1904) throw new GatewayError("date-1904");
    const sheet = wb.activeSheet;
    const sel = wb.selection;
    if (kind === "selection") return blockToSource(wb, kind, sheet, sel);
    if (kind === "table") {
      const table = wb.tableAt(sheet, sel.row, sel.column) ?? wb.tables.find((t) => t.sheet === sheet);
      if (!table) throw new GatewayError("no-table");
      return blockToSource(
        wb,
        kind,
        sheet,
        {
          row: table.startRow,
          column: table.startColumn,
          rowCount: table.rowCount,
          columnCount: table.columnCount,
        },
        table.name,
      );
    }
    return blockToSource(wb, kind, sheet, wb.currentRegion(sheet, sel.row, sel.column));
  }

  async countNonEmpty(source: SourceBlock, placements: readonly ColumnPlacement[]): Promise<number> {
    // As ExcelGateway: the first look refuses a protected sheet and a merge in the way.
    if (this.workbook.protectedSheets.has(source.sheet)) throw new GatewayError("protected", source.sheet);
    this.refuseMerges(source, placements);
    let count = 0;
    for (const p of placements)
      for (let r = 0; r <= source.rows.length; r++)
        if (!isEmptyCell(this.workbook.value(source.sheet, source.startRow + r, p.column))) count++;
    return count;
  }

  async writeColumns(
    source: SourceBlock,
    placements: readonly ColumnPlacement[],
    columns: readonly OutputColumn[],
    options: WriteOptions,
  ): Promise<WriteOutcome> {
    const wb = this.workbook;
    // As ExcelGateway: the sheet's protection is read first, and a protected sheet gets nothing.
    wb.sync(source.sheet);
    if (wb.protectedSheets.has(source.sheet)) throw new GatewayError("protected", source.sheet);
    this.refuseMerges(source, placements);
    const chunk = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const total = source.rows.length;
    const delay = this.options.chunkDelayMs ?? 0;
    let batches = 0;
    const write = (row: number, column: number, content: CellValue) =>
      wb.write(source.sheet, row, column, content, options.mode);
    // Someone editing the register meanwhile stops the write before its next chunk.
    let editedCell: string | undefined;
    const unsubscribe = wb.onEdit((sheet, address) => {
      if (sheet === source.sheet && touchesInput(source, placements, address)) editedCell ??= address;
    });
    const stop = (aborted: boolean): WriteOutcome | undefined =>
      interruption({ rowsWritten: done, batches }, editedCell, aborted);

    if (source.table) {
      const table = wb.tables.find((t) => t.name === source.table?.name);
      const added = placements.filter((p) => !p.existing).length;
      if (table) table.columnCount += added;
    }
    const headers = placements.map((p, i) => columns[i]?.header ?? p.header);
    placements.forEach((p, i) => write(source.startRow, p.column, headers[i] ?? ""));
    wb.sync(headers);
    batches++;

    // As ExcelGateway does: one request per chunk and per run of adjacent columns' block.
    const runs = contiguousRuns(placements.map((p, i) => ({ column: p.column, output: columns[i] })));
    let done = 0;
    try {
      for (let start = 0; start < total; start += chunk) {
        const stopped = stop(options.signal?.aborted === true);
        if (stopped) return this.finish(stopped);
        const end = Math.min(total, start + chunk);
        const payload: CellValue[][][] = [];
        for (const run of runs) {
          const block: CellValue[][] = [];
          for (let r = start; r < end; r++) block.push(run.items.map((p) => p.output?.cells[r] ?? ""));
          // One block per run and chunk, as ExcelGateway assigns one range's values.
          wb.writeBlock(source.sheet, source.startRow + 1 + start, run.start, block, options.mode);
          payload.push(block);
        }
        wb.sync(payload);
        batches++;
        done = end;
        options.onProgress?.({ rowsDone: done, rowsTotal: total, phase: "values" });
        await pause(delay);
      }
      for (let start = 0; start < total; start += chunk) {
        const stopped = stop(options.signal?.aborted === true);
        if (stopped) return this.finish(stopped);
        const end = Math.min(total, start + chunk);
        const payload: string[][][] = [];
        for (const run of runs) {
          const formats = run.items.map((p) => p.output?.numberFormat ?? "General");
          const block: string[][] = [];
          for (let r = start; r < end; r++) {
            formats.forEach((f, k) =>
              wb.setNumberFormat(source.sheet, source.startRow + 1 + r, run.start + k, f),
            );
            block.push(formats);
          }
          payload.push(block);
        }
        wb.sync(payload);
        batches++;
        options.onProgress?.({ rowsDone: end, rowsTotal: total, phase: "formats" });
        await pause(delay);
      }
      return this.finish(stop(false) ?? { rowsWritten: done, cancelled: false, batches });
    } finally {
      unsubscribe();
    }
  }

  /** Merged cells where the output goes: refused before anything is written (Excel refuses part of a merge). */
  private refuseMerges(source: SourceBlock, placements: readonly ColumnPlacement[]): void {
    const merged = mergesInOutput(this.workbook.mergedAreas(source.sheet), source, placements);
    if (merged.length > 0) throw new GatewayError("merged", merged.join(", "));
  }

  private finish(outcome: WriteOutcome): WriteOutcome {
    this.batches += outcome.batches;
    return outcome;
  }

  async selectColumns(source: SourceBlock, placements: readonly ColumnPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    const first = Math.min(...placements.map((p) => p.column));
    const last = Math.max(...placements.map((p) => p.column));
    this.workbook.sync(undefined);
    this.workbook.select(source.sheet, {
      row: source.startRow,
      column: first,
      rowCount: source.rows.length + 1,
      columnCount: last - first + 1,
    });
  }

  async addConditionalFormats(rules: readonly HighlightRule[]): Promise<boolean> {
    const wb = this.workbook;
    for (const rule of rules)
      wb.clearConditionalFormats(rule.sheet, {
        row: rule.row,
        column: rule.column,
        rowCount: rule.rowCount,
        columnCount: rule.columnCount,
      });
    wb.conditionalFormats.push(...rules);
    wb.sync(rules);
    return true;
  }

  async activeCell(): Promise<CellRef> {
    const wb = this.workbook;
    return { sheet: wb.activeSheet, row: wb.selection.row, column: wb.selection.column };
  }

  async addSheet(name: string): Promise<string> {
    const wb = this.workbook;
    const unique = uniqueSheetName(name, wb.sheetNames());
    wb.addSheet(unique);
    wb.sync(unique);
    return unique;
  }

  async addNote(sheet: string, row: number, column: number, text: string): Promise<boolean> {
    this.workbook.notes.set(`${sheet}!${blockAddress(row, column)}`, text);
    this.workbook.sync(text);
    return true;
  }

  async resetSheet(name: string): Promise<void> {
    const wb = this.workbook;
    if (wb.sheetNames().includes(name)) wb.clearSheet(name);
    else wb.addSheet(name);
    wb.sync(name);
  }

  async writeMatrix(sheet: string, matrix: readonly (readonly MatrixCell[])[]): Promise<void> {
    const wb = this.workbook;
    matrix.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (isEmptyCell(cell.value)) return;
        wb.write(sheet, r, c, cell.value, "formulas");
        if (cell.numberFormat !== undefined) wb.setNumberFormat(sheet, r, c, cell.numberFormat);
        if (cell.bold) wb.setBold(sheet, r, c, true);
      }),
    );
    wb.sync(matrix);
  }
}
