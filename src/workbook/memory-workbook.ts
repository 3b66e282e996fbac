import { highlightMatches, type HighlightRule } from "../write";
import { blockAddress, blocksIntersect, isEmptyCell, quoteSheet, type CellValue } from "../cells";
import { HOST_PAYLOAD_LIMIT_BYTES, jsonBytes, PayloadTooLargeError } from "./request-size";
import {
  MergedCellWriteError,
  type Block,
  type MemoryAutoFilter,
  type MemoryCell,
  type MemoryPageLayout,
  type MemoryTable,
} from "./memory-types";

/** Excel's column count: a cell's key in a sheet's map is row × COLUMNS + column (numbers hash faster). */
const COLUMNS = 16_384;
const cellKey = (row: number, column: number): number => row * COLUMNS + column;

export {
  MergedCellWriteError,
  type Block,
  type MemoryAutoFilter,
  type MemoryCell,
  type MemoryPageLayout,
  type MemoryTable,
} from "./memory-types";

/**
 * A workbook in memory: sheets of sparse cells, Excel tables, an active sheet and a selection. Enough
 * of Excel for the task pane's preview mode and for tests; it records every cell written so a test
 * can check that input cells never are.
 */
export class MemoryWorkbook {
  private readonly sheets = new Map<string, Map<number, MemoryCell>>();
  readonly tables: MemoryTable[] = [];
  activeSheet = "";
  selection: Block = { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** Every write, as "Sheet!A1", in order (unless `logWrites` is false: the benchmark's large runs). */
  readonly writeLog: string[] = [];
  logWrites = true;
  private readonly quoted = new Map<string, string>();
  /** Conditional formats, in the order added. */
  conditionalFormats: HighlightRule[] = [];
  /** Requests made (the in-memory counterpart of `context.sync`), and each one's payload in bytes. */
  readonly syncs: number[] = [];

  /**
   * Counts one request, as Excel would receive it: `payload` is what the batch sends (values, formats),
   * its size its JSON length in UTF-8. Like Excel on the web, a request over 5 MB is refused whole,
   * with Excel's error code, before anything of it is applied.
   */
  sync(payload: unknown): void {
    this.count(jsonBytes(payload), "RequestPayloadSizeLimitExceeded");
  }

  /** Counts one read request by the size of its response, refused past 5 MB as Excel on the web refuses it. */
  respond(bytes: number): void {
    this.count(bytes, "ResponsePayloadSizeLimitExceeded");
  }

  private count(
    bytes: number,
    code: "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded",
  ): void {
    if (bytes > HOST_PAYLOAD_LIMIT_BYTES) {
      this.refusedRequests++;
      throw new PayloadTooLargeError(code, bytes);
    }
    this.syncs.push(bytes);
  }

  /** Requests refused for their size (retried in halves by the gateway). */
  refusedRequests = 0;

  /** The fill a conditional format gives a cell (the last matching rule wins, as Excel stacks them). */
  highlightAt(sheet: string, row: number, column: number): HighlightRule | undefined {
    let found: HighlightRule | undefined;
    for (const rule of this.conditionalFormats) {
      if (rule.sheet !== sheet) continue;
      if (row < rule.row || row >= rule.row + rule.rowCount) continue;
      if (column < rule.column || column >= rule.column + rule.columnCount) continue;
      const blank = rule.blankColumn === undefined ? "" : this.value(sheet, row, rule.blankColumn);
      if (highlightMatches(rule, this.value(sheet, row, rule.dateColumn), blank)) found = rule;
    }
    return found;
  }

  /** Removes the conditional formats that overlap a block of a sheet (Excel's `conditionalFormats.clearAll`). */
  clearConditionalFormats(sheet: string, block: Block): void {
    this.conditionalFormats = this.conditionalFormats.filter(
      (r) =>
        r.sheet !== sheet ||
        r.row >= block.row + block.rowCount ||
        r.row + r.rowCount <= block.row ||
        r.column >= block.column + block.columnCount ||
        r.column + r.columnCount <= block.column,
    );
  }

  addSheet(
    name: string,
    rows: readonly (readonly CellValue[])[] = [],
    at: { row: number; column: number } = { row: 0, column: 0 },
  ): void {
    if (!this.sheets.has(name)) this.sheets.set(name, new Map());
    rows.forEach((row, r) =>
      row.forEach((value, c) => this.setInitial(name, at.row + r, at.column + c, value)),
    );
    if (this.activeSheet === "") this.activeSheet = name;
  }

  /** Sheets protected against edits (Review > Protect sheet). */
  readonly protectedSheets = new Set<string>();
  /** The 1904 date system (File > Options > Advanced), as Excel for Mac workbooks once used. */
  date1904 = false;
  /** Cell notes, by "Sheet!A1". */
  readonly notes = new Map<string, string>();
  /** Cell comments (threaded comments, before Excel had notes), by "Sheet!A1". */
  readonly comments = new Map<string, string>();

  private readonly editListeners = new Set<(sheet: string, address: string) => void>();

  /** Listens to edits made by someone else than the pane (Excel's worksheet onChanged); returns the unsubscribe. */
  onEdit(listener: (sheet: string, address: string) => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  /** A user's edit of one cell (tests and the preview): the value changes and listeners hear of it. */
  edit(sheet: string, row: number, column: number, value: CellValue): void {
    this.write(sheet, row, column, value, "values");
    for (const listener of this.editListeners) listener(sheet, blockAddress(row, column));
  }

  /** Empties a sheet's cells (its conditional formats and tables stay, as Excel's clear(contents) does). */
  clearSheet(name: string): void {
    this.sheet(name).clear();
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  /**
   * Deletes a sheet and everything on it: its tables, merges, hidden rows, filter, conditional formats,
   * notes and comments (Worksheet.delete). Like Excel, the last sheet cannot be deleted, and deleting
   * the active sheet activates another one.
   */
  deleteSheet(name: string): void {
    this.sheet(name);
    if (this.sheets.size === 1) throw new Error(`InvalidOperation: ${name} is the workbook's only sheet`);
    this.sheets.delete(name);
    this.tables.splice(0, this.tables.length, ...this.tables.filter((t) => t.sheet !== name));
    this.merges.delete(name);
    this.hidden.delete(name);
    this.autoFilters.delete(name);
    this.conditionalFormats = this.conditionalFormats.filter((r) => r.sheet !== name);
    for (const notes of [this.notes, this.comments])
      for (const key of [...notes.keys()]) if (key.startsWith(`${name}!`)) notes.delete(key);
    if (this.activeSheet === name) {
      const next = this.sheetNames()[0] ?? "";
      this.select(next, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    }
  }

  addTable(table: MemoryTable): void {
    this.tables.push(table);
  }

  private sheet(name: string): Map<number, MemoryCell> {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  private setInitial(sheet: string, row: number, column: number, value: CellValue): void {
    if (!isEmptyCell(value)) this.sheet(sheet).set(cellKey(row, column), { value });
  }

  cell(sheet: string, row: number, column: number): MemoryCell | undefined {
    return this.sheet(sheet).get(cellKey(row, column));
  }

  value(sheet: string, row: number, column: number): CellValue {
    return this.cell(sheet, row, column)?.value ?? "";
  }

  /** Writes a value (or a formula, whose displayed value is left to `computed`). */
  write(sheet: string, row: number, column: number, content: CellValue, mode: "values" | "formulas"): void {
    if (this.merges.has(sheet)) this.assertWritable(sheet, { row, column, rowCount: 1, columnCount: 1 });
    this.put(sheet, row, column, content, mode);
  }

  /**
   * Writes a block of cells as one `range.values` (or `formulas`) assignment: refused whole, before any
   * cell changes, when it covers part of a merged area, as Excel refuses it.
   */
  writeBlock(
    sheet: string,
    row: number,
    column: number,
    block: readonly (readonly CellValue[])[],
    mode: "values" | "formulas",
  ): void {
    const areas = this.merges.get(sheet);
    if (areas === undefined) {
      block.forEach((line, r) => line.forEach((v, c) => this.put(sheet, row + r, column + c, v, mode)));
      return;
    }
    this.assertWritable(sheet, { row, column, rowCount: block.length, columnCount: block[0]?.length ?? 0 });
    // A whole merged area may be written: only its top-left cell keeps a value, as Excel keeps it.
    const hiddenByMerge = (r: number, c: number) =>
      areas.some(
        (a) =>
          r >= a.row &&
          r < a.row + a.rowCount &&
          c >= a.column &&
          c < a.column + a.columnCount &&
          (r !== a.row || c !== a.column),
      );
    block.forEach((line, r) =>
      line.forEach((v, c) => {
        if (!hiddenByMerge(row + r, column + c)) this.put(sheet, row + r, column + c, v, mode);
      }),
    );
  }

  private put(
    sheet: string,
    row: number,
    column: number,
    content: CellValue,
    mode: "values" | "formulas",
  ): void {
    const cells = this.sheet(sheet);
    const key = cellKey(row, column);
    const prev = cells.get(key);
    const next: MemoryCell = { value: content };
    if (prev?.numberFormat !== undefined) next.numberFormat = prev.numberFormat;
    if (prev?.bold !== undefined) next.bold = prev.bold;
    if (prev?.wrap !== undefined) next.wrap = prev.wrap;
    if (mode === "formulas" && typeof content === "string" && content.startsWith("=")) next.formula = content;
    cells.set(key, next);
    if (!this.logWrites) return;
    let quoted = this.quoted.get(sheet);
    if (quoted === undefined) this.quoted.set(sheet, (quoted = quoteSheet(sheet)));
    this.writeLog.push(`${quoted}!${blockAddress(row, column)}`);
  }

  setBold(sheet: string, row: number, column: number, bold: boolean): void {
    const cells = this.sheet(sheet);
    const key = cellKey(row, column);
    const cell = cells.get(key) ?? { value: "" };
    cell.bold = bold;
    cells.set(key, cell);
  }

  setWrap(sheet: string, row: number, column: number, wrap: boolean): void {
    const cells = this.sheet(sheet);
    const key = cellKey(row, column);
    const cell = cells.get(key) ?? { value: "" };
    cell.wrap = wrap;
    cells.set(key, cell);
  }

  private readonly widths = new Map<string, Map<number, number>>();

  /** Sets a column's width in points, as Office.js `format.columnWidth` does. */
  setColumnWidth(sheet: string, column: number, points: number): void {
    this.sheet(sheet);
    const widths = this.widths.get(sheet) ?? new Map<number, number>();
    widths.set(column, points);
    this.widths.set(sheet, widths);
  }

  /** A column's width in points; undefined where it was never set (Excel's standard width). */
  columnWidth(sheet: string, column: number): number | undefined {
    return this.widths.get(sheet)?.get(column);
  }

  private readonly heights = new Map<string, Map<number, number>>();

  /** Sets a row's height in points, as Office.js `format.rowHeight` does. */
  setRowHeight(sheet: string, row: number, points: number): void {
    this.sheet(sheet);
    const heights = this.heights.get(sheet) ?? new Map<number, number>();
    heights.set(row, points);
    this.heights.set(sheet, heights);
  }

  /** A row's height in points; undefined where it was never set. */
  rowHeight(sheet: string, row: number): number | undefined {
    return this.heights.get(sheet)?.get(row);
  }

  /** Print setups, by sheet. */
  readonly pageLayouts = new Map<string, MemoryPageLayout>();

  setNumberFormat(sheet: string, row: number, column: number, format: string): void {
    const cells = this.sheet(sheet);
    const key = cellKey(row, column);
    const cell = cells.get(key) ?? { value: "" };
    cell.numberFormat = format;
    cells.set(key, cell);
  }

  /**
   * The used block of a sheet: top-left to bottom-right non-empty cell; with `valuesOnly` false, as
   * Excel's `getUsedRange()` gives it, cells that only carry formatting (a number format, bold,
   * wrapped text) count too.
   */
  usedBlock(sheet: string, options: { readonly valuesOnly?: boolean } = {}): Block {
    const valuesOnly = options.valuesOnly ?? true;
    let maxRow = -1;
    let maxCol = -1;
    let minRow = Infinity;
    let minCol = Infinity;
    for (const [key, cell] of this.sheet(sheet)) {
      const formatted = cell.numberFormat !== undefined || cell.bold === true || cell.wrap === true;
      if (isEmptyCell(cell.value) && (valuesOnly || !formatted)) continue;
      const r = Math.floor(key / COLUMNS);
      const c = key % COLUMNS;
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
      minRow = Math.min(minRow, r);
      minCol = Math.min(minCol, c);
    }
    if (maxRow < 0) return { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    return { row: minRow, column: minCol, rowCount: maxRow - minRow + 1, columnCount: maxCol - minCol + 1 };
  }

  /** Excel's current region: the block bounded by empty rows and columns around a cell. */
  currentRegion(sheet: string, row: number, column: number): Block {
    let top = row;
    let left = column;
    let bottom = row;
    let right = column;
    const rowHasData = (r: number, c0: number, c1: number) => {
      for (let c = Math.max(0, c0); c <= c1; c++) if (!isEmptyCell(this.value(sheet, r, c))) return true;
      return false;
    };
    const colHasData = (c: number, r0: number, r1: number) => {
      for (let r = Math.max(0, r0); r <= r1; r++) if (!isEmptyCell(this.value(sheet, r, c))) return true;
      return false;
    };
    // Grow one side at a time until it stops, then check the others again (linear in the block's size).
    for (let grown = true; grown;) {
      const before = top + bottom + left + right;
      while (top > 0 && rowHasData(top - 1, left - 1, right + 1)) top -= 1;
      while (rowHasData(bottom + 1, left - 1, right + 1)) bottom += 1;
      while (left > 0 && colHasData(left - 1, top - 1, bottom + 1)) left -= 1;
      while (colHasData(right + 1, top - 1, bottom + 1)) right += 1;
      grown = top + bottom + left + right !== before;
    }
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  tableAt(sheet: string, row: number, column: number): MemoryTable | undefined {
    return this.tables.find(
      (t) =>
        t.sheet === sheet &&
        row >= t.startRow &&
        row < t.startRow + t.rowCount &&
        column >= t.startColumn &&
        column < t.startColumn + t.columnCount,
    );
  }

  // --- Merged cells, hidden rows and filters: what a register's values do not show. ---

  private readonly merges = new Map<string, Block[]>();
  private readonly hidden = new Map<string, Set<number>>();
  private readonly autoFilters = new Map<string, MemoryAutoFilter>();

  /**
   * Merges a block (Home > Merge & Center). As Excel does, only the top-left cell keeps its value; the
   * others are emptied, and read blank from then on.
   */
  merge(sheet: string, block: Block): void {
    const areas = this.merges.get(sheet) ?? [];
    if (areas.some((a) => blocksIntersect(a, block))) throw new Error("fake Excel: merges may not overlap");
    const cells = this.sheet(sheet);
    for (let r = block.row; r < block.row + block.rowCount; r++)
      for (let c = block.column; c < block.column + block.columnCount; c++)
        if (r !== block.row || c !== block.column) cells.delete(cellKey(r, c));
    areas.push({ ...block });
    this.merges.set(sheet, areas);
  }

  /** Unmerges the merged areas that intersect a block. */
  unmerge(sheet: string, block: Block): void {
    const left = (this.merges.get(sheet) ?? []).filter((a) => !blocksIntersect(a, block));
    if (left.length > 0) this.merges.set(sheet, left);
    else this.merges.delete(sheet);
  }

  /** The merged areas of a sheet that intersect a block (all of them without one), in the order merged. */
  mergedAreas(sheet: string, block?: Block): Block[] {
    return (this.merges.get(sheet) ?? []).filter((a) => block === undefined || blocksIntersect(a, block));
  }

  /**
   * Excel refuses a write that covers part of a merged area ("Cannot change part of a merged cell"). A
   * write covering the whole area is allowed, and so is one to its top-left cell alone (what typing in
   * a merged cell does).
   */
  private assertWritable(sheet: string, block: Block): void {
    for (const a of this.merges.get(sheet) ?? []) {
      if (!blocksIntersect(a, block)) continue;
      const whole =
        block.row <= a.row &&
        block.column <= a.column &&
        block.row + block.rowCount >= a.row + a.rowCount &&
        block.column + block.columnCount >= a.column + a.columnCount;
      const topLeft =
        block.rowCount === 1 && block.columnCount === 1 && block.row === a.row && block.column === a.column;
      if (!whole && !topLeft)
        throw new MergedCellWriteError(blockAddress(a.row, a.column, a.rowCount, a.columnCount));
    }
  }

  /** Hides rows by hand (Format > Hide rows), zero-based. */
  hideRows(sheet: string, rows: readonly number[]): void {
    this.sheet(sheet);
    const set = this.hidden.get(sheet) ?? new Set<number>();
    rows.forEach((r) => set.add(r));
    this.hidden.set(sheet, set);
  }

  /** Shows rows hidden by hand again (Format > Unhide rows). */
  showRows(sheet: string, rows: readonly number[]): void {
    rows.forEach((r) => this.hidden.get(sheet)?.delete(r));
  }

  /**
   * Puts an autofilter on a block of a sheet (its first row holds the buttons). With `keep`, the data
   * rows it returns false for are filtered out: hidden, as Excel hides them when the filter is applied.
   */
  setAutoFilter(sheet: string, block: Block, keep?: (row: readonly CellValue[]) => boolean): void {
    this.autoFilters.set(sheet, {
      block: { ...block },
      hiddenRows: this.filteredOut(sheet, block, keep),
      filtered: keep !== undefined,
    });
  }

  /** Removes a sheet's autofilter: its rows show again. */
  clearAutoFilter(sheet: string): void {
    this.autoFilters.delete(sheet);
  }

  autoFilter(sheet: string): MemoryAutoFilter | undefined {
    return this.autoFilters.get(sheet);
  }

  /** Filters a table's data rows (criteria on its header buttons); without `keep`, clears its filter. */
  filterTable(name: string, keep?: (row: readonly CellValue[]) => boolean): void {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`No table named ${name}`);
    if (keep === undefined) delete table.filter;
    else
      table.filter = {
        hiddenRows: this.filteredOut(
          table.sheet,
          {
            row: table.startRow,
            column: table.startColumn,
            rowCount: table.rowCount,
            columnCount: table.columnCount,
          },
          keep,
        ),
      };
  }

  private filteredOut(
    sheet: string,
    block: Block,
    keep: ((row: readonly CellValue[]) => boolean) | undefined,
  ): Set<number> {
    const out = new Set<number>();
    if (keep === undefined) return out;
    for (let r = block.row + 1; r < block.row + block.rowCount; r++)
      if (
        !keep(
          this.values(sheet, {
            row: r,
            column: block.column,
            rowCount: 1,
            columnCount: block.columnCount,
          })[0] ?? [],
        )
      )
        out.add(r);
    return out;
  }

  /** Whether a row is hidden: by hand, by the sheet's autofilter, or by a table's filter (`Range.rowHidden`). */
  isRowHidden(sheet: string, row: number): boolean {
    if (this.hidden.get(sheet)?.has(row)) return true;
    if (this.autoFilters.get(sheet)?.hiddenRows.has(row)) return true;
    return this.tables.some((t) => t.sheet === sheet && t.filter?.hiddenRows.has(row) === true);
  }

  /** Values of a block, row by row. */
  values(sheet: string, block: Block): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < block.rowCount; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < block.columnCount; c++)
        row.push(this.value(sheet, block.row + r, block.column + c));
      out.push(row);
    }
    return out;
  }

  /** Selects a block (and activates its sheet), as a user would. */
  select(sheet: string, block: Block): void {
    this.sheet(sheet);
    this.selection = block;
    this.selectionAreas = [block];
    this.activate(sheet);
  }

  /**
   * The areas of the selection: one, or several after a Ctrl+click (their first is `selection`,
   * whose top-left cell is the active cell).
   */
  selectionAreas: Block[] = [this.selection];

  /** Selects several areas of a sheet at once, as Ctrl+click does. */
  selectAreas(sheet: string, blocks: readonly Block[]): void {
    const first = blocks[0];
    if (!first) throw new Error("selectAreas: no area");
    this.select(sheet, first);
    this.selectionAreas = blocks.map((b) => ({ ...b }));
  }

  private readonly activationListeners = new Set<(sheet: string) => void>();

  /** Listens to the activation of another sheet (Excel's worksheets onActivated); returns the unsubscribe. */
  onActivate(listener: (sheet: string) => void): () => void {
    this.activationListeners.add(listener);
    return () => this.activationListeners.delete(listener);
  }

  /** Activates a sheet (its tab clicked); listeners hear of it when it was not the active one. */
  activate(sheet: string): void {
    this.sheet(sheet);
    if (this.activeSheet === sheet) return;
    this.activeSheet = sheet;
    for (const listener of this.activationListeners) listener(sheet);
  }

  /**
   * Refuses, as Excel refuses a write covering part of a merged area, before anything is written
   * (a request whose blocks are checked first is refused whole).
   */
  assertBlockWritable(sheet: string, block: Block): void {
    if (this.merges.has(sheet)) this.assertWritable(sheet, block);
  }
}
