import { blockAddress, parseAddress } from "../../src/cells";
import type { ExcelHost } from "../../src/excel/excel-gateway";
import type { CellValue } from "../../src/excel/gateway";
import { type Block, type MemoryTable, type MemoryWorkbook } from "../../src/excel/memory-workbook";

/**
 * A small fake of the Excel object model (office-addin-mock has no collection support), over a
 * MemoryWorkbook. It behaves like Office.js where the gateway could go wrong: properties must be
 * loaded and synced before they are read, writes reach the workbook only at `sync()`, an array written
 * to a range must match its dimensions, and each sync's written cells are recorded. Like Excel, a
 * write covering part of a merged area fails its sync, `getMergedAreasOrNullObject` returns only the
 * merged areas whose top-left cell is in the range (office-js #3611) and fails its request past 512
 * areas (documented), `rowHidden` is true, false or null (mixed), and a range's visible view lists
 * the cells of the rows that are not hidden.
 */

class NotLoaded extends Error {}

interface Pending {
  apply(): void;
}

export class FakeContext {
  readonly pending: Pending[] = [];
  /** Cells written by each sync, in order (values, formulas and formats alike). */
  readonly syncs: { values: number; formulas: number; formats: number; rows: Set<number> }[] = [];
  current = { values: 0, formulas: 0, formats: 0, rows: new Set<number>() };
  calculationSuspended = false;
  recalculations = 0;
  readonly tableColumnsAdded: string[] = [];
  readonly workbook: FakeWorkbook;

  constructor(readonly wb: MemoryWorkbook) {
    this.workbook = new FakeWorkbook(this);
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  async sync(): Promise<void> {
    const ops = this.pending.splice(0);
    for (const op of ops) op.apply();
    this.syncs.push(this.current);
    this.current = { values: 0, formulas: 0, formats: 0, rows: new Set<number>() };
    this.calculationSuspended = false;
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.calculationSuspended = true;
  }
  calculate(_type: string): void {
    this.ctx.pending.push({ apply: () => (this.ctx.recalculations += 1) });
  }
}

class Loadable {
  private readonly loaded = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props: string): this {
    const all = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    // "worksheet/name": a navigation property's property, loaded on the navigated proxy.
    for (const path of all.filter((p) => p.includes("/"))) {
      const [nav = "", prop = ""] = path.split("/");
      const target = (this as unknown as Record<string, unknown>)[nav];
      if (target instanceof Loadable) target.load(prop);
    }
    const names = all.filter((p) => !p.includes("/"));
    this.ctx.pending.push({ apply: () => names.forEach((n) => this.loaded.add(n)) });
    return this;
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new NotLoaded(`PropertyNotLoaded: ${prop}`);
  }
}

class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    readonly block: Block,
  ) {
    super(ctx);
  }
  private sheetProxy: FakeWorksheet | undefined;
  /** Like Office.js, a navigation property returns the same proxy each time (its loads stick). */
  get worksheet(): FakeWorksheet {
    this.sheetProxy ??= new FakeWorksheet(this.ctx, this.sheetName);
    return this.sheetProxy;
  }
  get address(): string {
    this.need("address");
    return `${this.sheetName}!${blockAddress(this.block.row, this.block.column, this.block.rowCount, this.block.columnCount)}`;
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.block.row;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.block.column;
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.block.rowCount;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.block.columnCount;
  }
  get values(): CellValue[][] {
    this.need("values");
    return this.ctx.wb.values(this.sheetName, this.block);
  }
  set values(v: CellValue[][]) {
    this.queueWrite(v, "values");
  }
  set formulas(v: CellValue[][]) {
    this.queueWrite(v, "formulas");
  }
  set numberFormat(v: string[][]) {
    this.checkShape(v);
    this.ctx.current.formats += this.block.rowCount * this.block.columnCount;
    this.ctx.pending.push({
      apply: () =>
        v.forEach((row, r) =>
          row.forEach((f, c) =>
            this.ctx.wb.setNumberFormat(this.sheetName, this.block.row + r, this.block.column + c, f),
          ),
        ),
    });
  }
  private checkShape(v: unknown[][]): void {
    if (v.length !== this.block.rowCount || v.some((row) => row.length !== this.block.columnCount))
      throw new Error(
        `InvalidArgument: ${v.length}×${v[0]?.length ?? 0} array for a ${this.block.rowCount}×${this.block.columnCount} range`,
      );
  }
  private queueWrite(v: CellValue[][], mode: "values" | "formulas"): void {
    this.checkShape(v);
    this.ctx.current[mode] += this.block.rowCount * this.block.columnCount;
    for (let r = 0; r < this.block.rowCount; r++) this.ctx.current.rows.add(this.block.row + r);
    // One block write, refused whole at sync when it covers part of a merge, as Excel refuses it.
    this.ctx.pending.push({
      apply: () => this.ctx.wb.writeBlock(this.sheetName, this.block.row, this.block.column, v, mode),
    });
  }
  /** True when every row of the range is hidden, false when none is, null when some are (ExcelApi 1.2). */
  get rowHidden(): boolean | null {
    this.need("rowHidden");
    let hidden = 0;
    for (let r = this.block.row; r < this.block.row + this.block.rowCount; r++)
      if (this.ctx.wb.isRowHidden(this.sheetName, r)) hidden++;
    return hidden === 0 ? false : hidden === this.block.rowCount ? true : null;
  }
  /** The visible cells of the range (ExcelApi 1.3). */
  getVisibleView(): FakeRangeView {
    return new FakeRangeView(this.ctx, this.sheetName, this.block);
  }
  /** The merged areas whose top-left cell is in the range (ExcelApi 1.13; office-js #3611). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const inside = (a: Block) =>
      a.row >= this.block.row &&
      a.row < this.block.row + this.block.rowCount &&
      a.column >= this.block.column &&
      a.column < this.block.column + this.block.columnCount;
    return new FakeRangeAreas(this.ctx, this.sheetName, () =>
      this.ctx.wb.mergedAreas(this.sheetName).filter(inside),
    );
  }
  getSurroundingRegion(): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
      this.ctx.wb.currentRegion(this.sheetName, this.block.row, this.block.column),
    );
  }
  getTables(_fullyContained?: boolean): FakeTableCollection {
    const hit = this.ctx.wb.tableAt(this.sheetName, this.block.row, this.block.column);
    return new FakeTableCollection(this.ctx, hit ? [hit] : []);
  }
  select(): void {
    this.ctx.pending.push({ apply: () => this.ctx.wb.select(this.sheetName, this.block) });
  }
  clear(applyTo: string): void {
    if (applyTo !== "Contents") throw new Error("fake: only clear(Contents) is modelled");
    this.ctx.pending.push({ apply: () => this.ctx.wb.clearSheet(this.sheetName) });
  }
}

/** RangeView: the rows of a range that are not hidden. */
class FakeRangeView extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly block: Block,
  ) {
    super(ctx);
  }
  private visibleRows(): number[] {
    const rows: number[] = [];
    for (let r = this.block.row; r < this.block.row + this.block.rowCount; r++)
      if (!this.ctx.wb.isRowHidden(this.sheetName, r)) rows.push(r);
    return rows;
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.visibleRows().length;
  }
  /** One address per visible cell, with its sheet, row by row. */
  get cellAddresses(): string[][] {
    this.need("cellAddresses");
    return this.visibleRows().map((r) =>
      Array.from(
        { length: this.block.columnCount },
        (_, c) => `${this.sheetName}!${blockAddress(r, this.block.column + c)}`,
      ),
    );
  }
}

/** Excel's limit on the merged areas `getMergedAreasOrNullObject` returns (beyond it the request fails). */
const MERGED_AREAS_LIMIT = 512;

/** RangeAreas of merged areas, or a null object when there are none. */
class FakeRangeAreas extends Loadable {
  private synced = false;
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly areas: () => Block[],
  ) {
    super(ctx);
    ctx.pending.push({
      apply: () => {
        if (this.areas().length > MERGED_AREAS_LIMIT)
          throw new Error("GeneralException: more than 512 merged areas in the range");
        this.synced = true;
      },
    });
  }
  get isNullObject(): boolean {
    if (!this.synced) throw new NotLoaded("isNullObject read before sync");
    return this.areas().length === 0;
  }
  /** "Sheet!C2:C3, Sheet!E5:F5", as Excel joins the areas' addresses. */
  get address(): string {
    this.need("address");
    return this.areas()
      .map((a) => `${this.sheetName}!${blockAddress(a.row, a.column, a.rowCount, a.columnCount)}`)
      .join(", ");
  }
}

/** AutoFilter of a sheet (ExcelApi 1.9). */
class FakeAutoFilter extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly state: () => { enabled: boolean; isDataFiltered: boolean },
  ) {
    super(ctx);
  }
  get enabled(): boolean {
    this.need("enabled");
    return this.state().enabled;
  }
  get isDataFiltered(): boolean {
    this.need("isDataFiltered");
    return this.state().isDataFiltered;
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
  ) {
    super(ctx);
  }
  get name(): string {
    this.need("name");
    return this.sheetName;
  }
  getRange(address?: string): FakeRange {
    // No address: the whole sheet (only clear() is meaningful on it here).
    if (address === undefined)
      return new FakeRange(this.ctx, this.sheetName, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    const a = parseAddress(address);
    return new FakeRange(this.ctx, a.sheet ?? this.sheetName, {
      row: a.row,
      column: a.column,
      rowCount: a.rowCount,
      columnCount: a.columnCount,
    });
  }
  getUsedRange(): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, this.ctx.wb.usedBlock(this.sheetName));
  }
  private tableProxy: FakeTableCollection | undefined;
  get tables(): FakeTableCollection {
    this.tableProxy ??= new FakeTableCollection(
      this.ctx,
      this.ctx.wb.tables.filter((t) => t.sheet === this.sheetName),
    );
    return this.tableProxy;
  }
  activate(): void {
    this.ctx.pending.push({ apply: () => (this.ctx.wb.activeSheet = this.sheetName) });
  }
  private filterProxy: FakeAutoFilter | undefined;
  /** The sheet's autofilter (not the tables' own filters, as in Excel). */
  get autoFilter(): FakeAutoFilter {
    this.filterProxy ??= new FakeAutoFilter(this.ctx, () => {
      const f = this.ctx.wb.autoFilter(this.sheetName);
      return { enabled: f !== undefined, isDataFiltered: f?.filtered === true };
    });
    return this.filterProxy;
  }
  get protection() {
    const ctx = this.ctx;
    const name = this.sheetName;
    const protection = {
      load: () => protection,
      get protected() {
        return ctx.wb.protectedSheets.has(name);
      },
    };
    return protection;
  }
}

class FakeTableColumns {
  constructor(
    private readonly ctx: FakeContext,
    private readonly table: MemoryTable,
  ) {}
  add(index?: number, values?: unknown, name?: string): void {
    if (index !== undefined || values !== undefined)
      throw new Error("fake: only add at the end without values is modelled");
    this.ctx.pending.push({
      apply: () => {
        const col = this.table.startColumn + this.table.columnCount;
        this.ctx.wb.write(
          this.table.sheet,
          this.table.startRow,
          col,
          name ?? `Column${this.table.columnCount + 1}`,
          "values",
        );
        this.table.columnCount += 1;
        this.ctx.tableColumnsAdded.push(name ?? "");
      },
    });
  }
}

class FakeTable extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly table: MemoryTable,
  ) {
    super(ctx);
  }
  get name(): string {
    this.need("name");
    return this.table.name;
  }
  get showTotals(): boolean {
    this.need("showTotals");
    return false;
  }
  get columns(): FakeTableColumns {
    return new FakeTableColumns(this.ctx, this.table);
  }
  private filterProxy: FakeAutoFilter | undefined;
  /** A table's own filter: always enabled (its header buttons), filtering when criteria are set. */
  get autoFilter(): FakeAutoFilter {
    this.filterProxy ??= new FakeAutoFilter(this.ctx, () => ({
      enabled: true,
      isDataFiltered: this.table.filter !== undefined,
    }));
    return this.filterProxy;
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.table.sheet, {
      row: this.table.startRow,
      column: this.table.startColumn,
      rowCount: this.table.rowCount,
      columnCount: this.table.columnCount,
    });
  }
}

class FakeTableCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly list: MemoryTable[],
  ) {
    super(ctx);
  }
  private proxies: FakeTable[] | undefined;
  get items(): FakeTable[] {
    this.need("name");
    this.proxies ??= this.list.map((t) => new FakeTable(this.ctx, t));
    return this.proxies;
  }
  getItem(name: string): FakeTable {
    const t = this.list.find((x) => x.name === name);
    if (!t) throw new Error(`ItemNotFound: table ${name}`);
    return new FakeTable(this.ctx, t);
  }
}

class FakeWorkbook {
  readonly application: FakeApplication;
  constructor(private readonly ctx: FakeContext) {
    this.application = new FakeApplication(ctx);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, this.ctx.wb.activeSheet, this.ctx.wb.selection);
  }
  get worksheets() {
    const ctx = this.ctx;
    return {
      getItem: (name: string) => new FakeWorksheet(ctx, name),
      getItemOrNullObject: (name: string) => {
        const sheet = new FakeWorksheet(ctx, name) as FakeWorksheet & { isNullObject: boolean };
        // Read after a sync, as Office.js fills it in.
        Object.defineProperty(sheet, "isNullObject", { get: () => !ctx.wb.sheetNames().includes(name) });
        return sheet;
      },
      add: (name: string) => {
        ctx.pending.push({ apply: () => ctx.wb.addSheet(name) });
      },
    };
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, this.ctx.wb.tables);
  }
  /** Worksheet functions: only DATE, enough for the gateway's date-system probe. */
  get functions() {
    const ctx = this.ctx;
    return {
      date: (y: number, m: number, d: number) => {
        const serial1900 = Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
        return {
          load: () => undefined,
          get value() {
            return ctx.wb.date1904 ? serial1900 - 1462 : serial1900;
          },
        };
      },
    };
  }
  /** Excel notes (ExcelApi 1.18), kept in the memory workbook's notes by "Sheet!A1". */
  get notes() {
    const ctx = this.ctx;
    const key = (address: string) => address.replace(/^'(.*)'!/, "$1!");
    return {
      getItemOrNullObject: (address: string) => ({
        get isNullObject() {
          return !ctx.wb.notes.has(key(address));
        },
        delete: () => ctx.pending.push({ apply: () => ctx.wb.notes.delete(key(address)) }),
      }),
      add: (address: string, text: string) => {
        ctx.pending.push({ apply: () => ctx.wb.notes.set(key(address), text) });
      },
    };
  }
}

/** An ExcelHost over a MemoryWorkbook, with the requirement sets it claims to support. */
export class FakeExcelHost implements ExcelHost {
  readonly contexts: FakeContext[] = [];
  constructor(
    readonly wb: MemoryWorkbook,
    /** The highest ExcelApi version claimed, e.g. "1.9" (compared as major.minor, so "1.18" > "1.9"). */
    private readonly supported: string = "1.9",
  ) {}
  /** Worksheet onChanged, on the memory workbook's user edits (MemoryWorkbook.edit). */
  async watchSheet(sheet: string, onChange: (address: string) => void): Promise<() => Promise<void>> {
    const unsubscribe = this.wb.onEdit((changed, address) => {
      if (changed === sheet) onChange(address);
    });
    return async () => void unsubscribe();
  }
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this.wb);
    this.contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  }
  isSetSupported(name: string, version: string): boolean {
    const minor = (v: string) => Number(v.split(".")[1] ?? 0);
    return name === "ExcelApi" && minor(version) <= minor(this.supported);
  }
  /** All syncs of all runs, in order. */
  get syncs() {
    return this.contexts.flatMap((c) => c.syncs);
  }
  get tableColumnsAdded(): string[] {
    return this.contexts.flatMap((c) => c.tableColumnsAdded);
  }
}
