import { blockAddress, parseAddress, type CellValue } from "../../src/cells";
import type { ExcelHost, ExcelRunOptions } from "../../src/office/excel-gateway";
import { type Block, type MemoryTable, type MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { HOST_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../../src/workbook/request-size";
import { FUNCTION_SIGNATURES } from "../../src/functions/signatures";

/**
 * A small fake of the Excel object model (office-addin-mock has no collection support), over a
 * MemoryWorkbook. It behaves like Office.js where the gateway could go wrong: properties must be
 * loaded and synced before they are read, writes reach the workbook only at `sync()`, an array written
 * to a range must match its dimensions, and each sync's written cells are recorded. Like Excel, a
 * write covering part of a merged area fails its sync, `getMergedAreasOrNullObject` returns only the
 * merged areas whose top-left cell is in the range (office-js #3611) and fails its request past 512
 * areas (documented), `rowHidden` is true, false or null (mixed), and a range's visible view lists
 * the cells of the rows that are not hidden. Like Excel on the web, a request or a response over 5 MB
 * is refused with Excel's error code (`RequestPayloadSizeLimitExceeded`,
 * `ResponsePayloadSizeLimitExceeded`; a response may instead come back as null values), and
 * `getSelectedRange` fails when several areas are selected (its documentation says it throws).
 *
 * Hosts can be made stricter: an old host file that lacks objects its Excel claims (no
 * `workbook.notes` under ExcelApi 1.18, issue 14), and a French Excel whose `formulas` give #NAME? for
 * the CGV.* functions' English names (office-js #891, #6614) while `formulasLocal` takes the French
 * names and separators.
 *
 * As Excel does with requests the user did not start (issue 21): while the user edits a cell
 * (`startCellEdit`) every request is refused with `InvalidOperationInCellEditMode`, unless it ran with
 * `delayForCellEdit` on ExcelApi 1.11, which holds it until the edit ends; a CGV.* cell may read
 * #BUSY! for its first reads (`busyReads`); the used range counts cells that only carry formatting
 * unless `getUsedRange(true)` (ExcelApi 1.2) is asked; custom XML parts (ExcelApi 1.5) hold stored
 * terms; recalculations asked for are recorded (`calculations`).
 *
 * What the self-test (src/selftest) does on its scratch sheets is modelled as Excel documents it: rows
 * hidden (`rowHidden`), cells merged, a sheet's autofilter applied with a custom criterion, a sheet
 * deleted, formulas, number formats, conditional formats, notes and comments read back. As in Excel,
 * a worksheet's onChanged also fires for the add-in's own writes of values and formulas (its
 * `triggerSource` "ThisLocalAddin", ExcelApi 1.14), after the sync; and a lone `=DATE(y,m,d)` is
 * computed in the workbook's date system (other formulas keep their text as their value).
 */

class NotLoaded extends Error {}

const cellId = (row: number, column: number): string => `${row},${column}`;

/** Excel's own message for a request refused while a cell is edited (office.js resource strings). */
const CELL_EDIT_MESSAGE =
  "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.";

/** An Office.js error: a code and a message, thrown at `sync`. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

/** Members an old host file may lack while its Excel claims the requirement set (issue 14 #1). */
export type AbsentMember =
  | "notes"
  | "comments"
  | "getVisibleView"
  | "autoFilter"
  | "getMergedAreasOrNullObject"
  | "suspendApiCalculationUntilNextSync"
  | "getSelectedRanges";

export interface FakeHostOptions {
  /** Objects missing from the host file though their requirement set is claimed. */
  readonly absent?: readonly AbsentMember[];
  /** Excel's UI language: in "fr", `formulas` give #NAME? for CGV.* names (office-js #891, #6614). */
  readonly language?: "en" | "fr";
  /** The regional separators `formulasLocal` expects: France's (";", decimal ",") or English ones. */
  readonly separators?: "fr" | "en";
  /** How a response over 5 MB comes back: an error (documented), or null values (seen on the web). */
  readonly oversizedResponse?: "error" | "null";
  /** False: the add-in's functions are not loaded, so every CGV.* formula gives #NAME?. */
  readonly functionsLoaded?: boolean;
  /**
   * Reads of a CGV.* cell after it is written that show #BUSY! (an "Error" value) before its result:
   * Excel on the web computes custom functions asynchronously, and a read made right after a write may
   * come first. A name Excel does not know shows #NAME? after them, for good (office-js #6611).
   */
  readonly busyReads?: number;
  /**
   * The error code an oversized request or response is refused with (default Excel's documented
   * codes): another code is a host whose refusal the gateway cannot recognise as a size.
   */
  readonly oversizedErrorCode?: string;
}

interface Pending {
  apply(): void;
}

interface Responder {
  bytes(): number;
  /** Called instead of failing when the host answers oversized responses with null values. */
  nullify?: () => void;
}

/** A conditional format added through the fake, as Excel keeps it: its range, formula and fill. */
export interface FakeConditionalFormat {
  readonly sheet: string;
  readonly block: Block;
  readonly formula: string;
  readonly fill: string;
}

export class FakeContext {
  readonly pending: Pending[] = [];
  readonly responders: Responder[] = [];
  /** Cells written by each sync, in order (values, formulas and formats alike), and its sizes. */
  readonly syncs: {
    values: number;
    formulas: number;
    /** Cells written through `formulasLocal` (also counted in `formulas`). */
    local: number;
    formats: number;
    rows: Set<number>;
    requestBytes: number;
    responseBytes: number;
  }[] = [];
  current = FakeContext.fresh();
  calculationSuspended = false;
  recalculations = 0;
  readonly tableColumnsAdded: string[] = [];
  readonly workbook: FakeWorkbook;
  /** Values and formulas written by this request, told to onChanged handlers once it is applied. */
  readonly changes: { sheet: string; address: string }[] = [];

  constructor(
    readonly wb: MemoryWorkbook,
    readonly host: FakeExcelHost,
    /** The batch asked to be held while a cell is edited, and this Excel has ExcelApi 1.11. */
    readonly delayedForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  private static fresh() {
    return {
      values: 0,
      formulas: 0,
      local: 0,
      formats: 0,
      rows: new Set<number>(),
      requestBytes: 0,
      responseBytes: 0,
    };
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  absent(member: AbsentMember): boolean {
    return this.host.options.absent?.includes(member) === true;
  }

  /** Adds to the size of the request being built (what Office.js would serialize). */
  send(payload: unknown): void {
    this.current.requestBytes += jsonBytes(payload);
  }

  async sync(): Promise<void> {
    // A request processed while the user edits a cell: held until the edit ends where the batch asked
    // for it (delayForCellEdit, ExcelApi 1.11), refused otherwise (Excel.RunOptions).
    if (this.host.editing) {
      if (!this.delayedForCellEdit) {
        this.host.refusedForCellEdit += 1;
        this.pending.splice(0);
        this.responders.splice(0);
        this.changes.splice(0);
        this.current = FakeContext.fresh();
        throw new FakeOfficeError("InvalidOperationInCellEditMode", CELL_EDIT_MESSAGE);
      }
      this.host.heldForCellEdit += 1;
      await this.host.cellEditEnded();
    }
    const ops = this.pending.splice(0);
    const responders = this.responders.splice(0);
    const record = this.current;
    this.current = FakeContext.fresh();
    this.calculationSuspended = false;
    if (record.requestBytes > HOST_PAYLOAD_LIMIT_BYTES) {
      this.host.refused.push(record.requestBytes);
      throw new FakeOfficeError(
        this.host.options.oversizedErrorCode ?? "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    for (const op of ops) op.apply();
    // Worksheet onChanged reaches the handlers registered at the time of the request, after it, as
    // Excel's events do.
    const changes = this.changes.splice(0);
    if (changes.length > 0) {
      const tell = this.host.changeTeller();
      setTimeout(() => changes.forEach((c) => tell(c.sheet, c.address)), 0);
    }
    record.responseBytes = responders.reduce((n, r) => n + r.bytes(), 0);
    if (record.responseBytes > HOST_PAYLOAD_LIMIT_BYTES) {
      this.host.refused.push(record.responseBytes);
      if (this.host.options.oversizedResponse === "null") responders.forEach((r) => r.nullify?.());
      else
        throw new FakeOfficeError(
          this.host.options.oversizedErrorCode ?? "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        );
    }
    this.syncs.push(record);
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {
    if (ctx.absent("suspendApiCalculationUntilNextSync"))
      (this as { suspendApiCalculationUntilNextSync?: unknown }).suspendApiCalculationUntilNextSync =
        undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.calculationSuspended = true;
  }
  /** Recalculates "all currently opened workbooks" (Application.calculate): recorded by type. */
  calculate(type: string): void {
    this.ctx.pending.push({
      apply: () => {
        this.ctx.recalculations += 1;
        this.ctx.host.calculations.push(type);
      },
    });
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
    this.loading(names);
    return this;
  }
  /** Properties a collection's load already brought (its `items/name`), readable at once. */
  loadedWith(...names: string[]): this {
    for (const name of names) this.loaded.add(name);
    return this;
  }
  /** What a load adds to the response (overridden where the answer is large). */
  protected loading(_names: readonly string[]): void {}
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new NotLoaded(`PropertyNotLoaded: ${prop}`);
  }
}

const ERROR_TEXT = /^#(?:NAME\?|VALUE!|REF!|DIV\/0!|NUM!|NULL!|N\/A|CALC!|BUSY!)$/;

class FakeRange extends Loadable {
  private nullValues = false;
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    readonly block: Block,
  ) {
    super(ctx);
    if (ctx.absent("getVisibleView")) (this as { getVisibleView?: unknown }).getVisibleView = undefined;
    if (ctx.absent("getMergedAreasOrNullObject"))
      (this as { getMergedAreasOrNullObject?: unknown }).getMergedAreasOrNullObject = undefined;
  }
  /** Cells of this range that showed #BUSY! at the sync that loaded its values. */
  private busyCells: ReadonlySet<string> = new Set();
  protected override loading(names: readonly string[]): void {
    if (names.includes("values"))
      this.ctx.pending.push({
        apply: () => (this.busyCells = this.ctx.host.readBusy(this.sheetName, this.block)),
      });
    if (names.includes("values"))
      this.ctx.responders.push({
        bytes: () => jsonBytes(this.ctx.wb.values(this.sheetName, this.block)),
        nullify: () => (this.nullValues = true),
      });
    if (names.includes("formulas")) this.ctx.responders.push({ bytes: () => jsonBytes(this.formulaGrid()) });
    if (names.includes("numberFormat"))
      this.ctx.responders.push({ bytes: () => jsonBytes(this.formatGrid()) });
  }
  /** Each cell's formula, or its value where it holds a constant ("" when empty), as Excel reads `formulas`. */
  private formulaGrid(): CellValue[][] {
    return this.grid((r, c) => {
      const cell = this.ctx.wb.cell(this.sheetName, r, c);
      return cell?.formula ?? cell?.value ?? "";
    });
  }
  private formatGrid(): string[][] {
    return this.grid((r, c) => this.ctx.wb.cell(this.sheetName, r, c)?.numberFormat ?? "General");
  }
  private grid<T>(at: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.block.rowCount }, (_, r) =>
      Array.from({ length: this.block.columnCount }, (_, c) => at(this.block.row + r, this.block.column + c)),
    );
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
  get values(): CellValue[][] | null {
    this.need("values");
    return this.nullValues ? null : this.shownValues();
  }
  /** The values as this read saw them: a cell still computing shows #BUSY!. */
  private shownValues(): CellValue[][] {
    const values = this.ctx.wb.values(this.sheetName, this.block);
    if (this.busyCells.size === 0) return values;
    return values.map((line, r) =>
      line.map((v, c) =>
        this.busyCells.has(cellId(this.block.row + r, this.block.column + c)) ? "#BUSY!" : v,
      ),
    );
  }
  set values(v: CellValue[][]) {
    this.queueWrite(v, "values");
  }
  /** Excel's type of each cell's value: "Error" for #NAME? and the like (ExcelApi 1.1). */
  get valueTypes(): string[][] {
    this.need("valueTypes");
    return this.shownValues().map((line) =>
      line.map((v) =>
        v === null || v === ""
          ? "Empty"
          : typeof v === "number"
            ? "Double"
            : typeof v === "boolean"
              ? "Boolean"
              : ERROR_TEXT.test(v)
                ? "Error"
                : "String",
      ),
    );
  }
  get formulas(): CellValue[][] {
    this.need("formulas");
    return this.formulaGrid();
  }
  set formulas(v: CellValue[][]) {
    this.queueWrite(v, "formulas");
  }
  set formulasLocal(v: CellValue[][]) {
    this.queueWrite(v, "formulasLocal");
  }
  get numberFormat(): string[][] {
    this.need("numberFormat");
    return this.formatGrid();
  }
  set numberFormat(v: string[][]) {
    this.checkShape(v);
    this.ctx.send(v);
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
  get format() {
    const ctx = this.ctx;
    const { sheetName, block } = this;
    const cells = (apply: (row: number, column: number) => void) =>
      ctx.pending.push({
        apply: () => {
          for (let r = 0; r < block.rowCount; r++)
            for (let c = 0; c < block.columnCount; c++) apply(block.row + r, block.column + c);
        },
      });
    return {
      /** Points, for every column of the range (ExcelApi 1.2). */
      set columnWidth(points: number) {
        ctx.pending.push({
          apply: () => {
            ctx.host.require("1.2", "RangeFormat.columnWidth");
            if (!Number.isFinite(points) || points < 0)
              throw new FakeOfficeError("InvalidArgument", `column width ${points}`);
            for (let c = 0; c < block.columnCount; c++)
              ctx.wb.setColumnWidth(sheetName, block.column + c, points);
          },
        });
      },
      /** Points, for every row of the range (ExcelApi 1.2); Excel refuses more than 409 pt. */
      set rowHeight(points: number) {
        ctx.pending.push({
          apply: () => {
            ctx.host.require("1.2", "RangeFormat.rowHeight");
            if (!Number.isFinite(points) || points < 0 || points > 409)
              throw new FakeOfficeError("InvalidArgument", `row height ${points}`);
            for (let r = 0; r < block.rowCount; r++) ctx.wb.setRowHeight(sheetName, block.row + r, points);
          },
        });
      },
      set wrapText(wrap: boolean) {
        cells((r, c) => ctx.wb.setWrap(sheetName, r, c, wrap));
      },
      set verticalAlignment(alignment: string) {
        if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(alignment))
          throw new FakeOfficeError("InvalidArgument", `vertical alignment ${alignment}`);
        const at = `${sheetName}!${blockAddress(block.row, block.column, block.rowCount, block.columnCount)}`;
        ctx.pending.push({ apply: () => ctx.host.verticalAlignments.push(`${at} ${alignment}`) });
      },
      font: {
        set bold(b: boolean) {
          ctx.pending.push({
            apply: () => {
              for (let r = 0; r < block.rowCount; r++)
                for (let c = 0; c < block.columnCount; c++)
                  ctx.wb.setBold(sheetName, block.row + r, block.column + c, b);
            },
          });
        },
      },
    };
  }
  get conditionalFormats() {
    const ctx = this.ctx;
    const { sheetName, block } = this;
    let loaded: FakeConditionalFormat[] | undefined;
    return {
      /** The conditional formats intersecting the range, read after a sync ("items/type"). */
      load: (props: string) => {
        if (!props.split(",").some((p) => p.trim() === "items/type"))
          throw new Error(`fake: conditionalFormats.load("items/type") is modelled, not ${props}`);
        ctx.pending.push({
          apply: () =>
            (loaded = ctx.host.conditionalFormats.filter(
              (f) =>
                f.sheet === sheetName &&
                f.block.row < block.row + block.rowCount &&
                f.block.row + f.block.rowCount > block.row &&
                f.block.column < block.column + block.columnCount &&
                f.block.column + f.block.columnCount > block.column,
            )),
        });
      },
      get items() {
        if (!loaded) throw new NotLoaded("PropertyNotLoaded: items");
        return loaded.map((f) => new FakeConditionalFormatItem(ctx, f));
      },
      clearAll: () =>
        ctx.pending.push({
          apply: () => {
            const list = ctx.host.conditionalFormats;
            const kept = list.filter(
              (f) =>
                f.sheet !== sheetName ||
                f.block.row >= block.row + block.rowCount ||
                f.block.row + f.block.rowCount <= block.row ||
                f.block.column >= block.column + block.columnCount ||
                f.block.column + f.block.columnCount <= block.column,
            );
            list.splice(0, list.length, ...kept);
          },
        }),
      add: (type: string) => {
        if (type !== "Custom")
          throw new Error(`fake: only custom conditional formats are modelled, not ${type}`);
        const format = { custom: { rule: { formula: "" }, format: { fill: { color: "" } } } };
        ctx.pending.push({
          apply: () =>
            ctx.host.conditionalFormats.push({
              sheet: sheetName,
              block,
              formula: format.custom.rule.formula,
              fill: format.custom.format.fill.color,
            }),
        });
        return format;
      },
    };
  }
  private checkShape(v: unknown[][]): void {
    if (v.length !== this.block.rowCount || v.some((row) => row.length !== this.block.columnCount))
      throw new Error(
        `InvalidArgument: ${v.length}×${v[0]?.length ?? 0} array for a ${this.block.rowCount}×${this.block.columnCount} range`,
      );
  }
  private queueWrite(v: CellValue[][], mode: "values" | "formulas" | "formulasLocal"): void {
    this.checkShape(v);
    this.ctx.send(v);
    this.ctx.current[mode === "values" ? "values" : "formulas"] +=
      this.block.rowCount * this.block.columnCount;
    if (mode === "formulasLocal") this.ctx.current.local += this.block.rowCount * this.block.columnCount;
    for (let r = 0; r < this.block.rowCount; r++) this.ctx.current.rows.add(this.block.row + r);
    const host = this.ctx.host.options;
    const french = host.language === "fr";
    // What Excel makes of each text: a French Excel does not know the English CGV.* names through
    // `formulas`; `formulasLocal` takes the names and separators of the host's language and region.
    const cells =
      mode === "values"
        ? v
        : v.map((line) =>
            line.map((cell) => {
              if (typeof cell !== "string" || !cell.startsWith("=")) return cell;
              const date = lonelyDate(cell, this.ctx.wb.date1904);
              if (date !== undefined) return { formula: cell, value: date };
              const unknown = /CGV\./i.test(cell) && (french || host.functionsLoaded === false);
              if (mode === "formulas" || !french) return unknown ? { formula: cell, value: "#NAME?" } : cell;
              if (host.functionsLoaded === false && /CGV\./i.test(cell))
                return { formula: cell, value: "#NAME?" };
              const english = englishFromFrench(cell, host.separators ?? "fr");
              if (english === "refused")
                throw new FakeOfficeError(
                  "InvalidArgument",
                  `the formula ${cell} does not fit the regional settings`,
                );
              return english === undefined ? { formula: cell, value: "#NAME?" } : english;
            }),
          );
    // One block write, refused whole at sync when it covers part of a merge, as Excel refuses it.
    this.ctx.pending.push({
      apply: () => {
        const plain = cells.map((line) =>
          line.map((cell) => (cell !== null && typeof cell === "object" ? cell.formula : cell)),
        );
        this.ctx.wb.writeBlock(
          this.sheetName,
          this.block.row,
          this.block.column,
          plain,
          mode === "values" ? "values" : "formulas",
        );
        // A formula Excel could not resolve shows #NAME?; a lone DATE shows its serial.
        cells.forEach((line, r) =>
          line.forEach((cell, c) => {
            if (cell === null || typeof cell !== "object") return;
            const written = this.ctx.wb.cell(this.sheetName, this.block.row + r, this.block.column + c);
            if (written) written.value = cell.value;
          }),
        );
        // Every CGV.* cell written is computed asynchronously: a few reads may see #BUSY! first.
        plain.forEach((line, r) =>
          line.forEach((cell, c) =>
            this.ctx.host.computing(
              this.sheetName,
              { row: this.block.row + r, column: this.block.column + c },
              typeof cell === "string" && /CGV\./i.test(cell),
            ),
          ),
        );
        this.ctx.changes.push({
          sheet: this.sheetName,
          address: blockAddress(
            this.block.row,
            this.block.column,
            this.block.rowCount,
            this.block.columnCount,
          ),
        });
      },
    });
  }
  /** Hides or shows every row of the range (ExcelApi 1.2). */
  set rowHidden(hidden: boolean) {
    const rows = Array.from({ length: this.block.rowCount }, (_, r) => this.block.row + r);
    this.ctx.pending.push({
      apply: () =>
        hidden ? this.ctx.wb.hideRows(this.sheetName, rows) : this.ctx.wb.showRows(this.sheetName, rows),
    });
  }
  /** Merges the range into one cell (ExcelApi 1.2); `across` (one merge per row) is not modelled. */
  merge(across?: boolean): void {
    if (across === true) throw new Error("fake: merge(across) is not modelled");
    this.ctx.pending.push({ apply: () => this.ctx.wb.merge(this.sheetName, this.block) });
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

/** A conditional format read back: its type, then its custom rule's formula and fill once loaded. */
class FakeConditionalFormatItem {
  constructor(
    private readonly ctx: FakeContext,
    private readonly format: FakeConditionalFormat,
  ) {}
  get type(): string {
    return "Custom";
  }
  readonly custom = {
    rule: new FakeLoadedValue(this.ctx, "formula", () => this.format.formula),
    format: { fill: new FakeLoadedValue(this.ctx, "color", () => this.format.fill) },
  };
}

/** An object with one property, read only after it is loaded and synced. */
class FakeLoadedValue extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly property: string,
    private readonly read: () => string,
  ) {
    super(ctx);
    Object.defineProperty(this, property, {
      get: () => {
        this.need(this.property);
        return this.read();
      },
    });
  }
}

/**
 * The serial of a formula that is a lone DATE(y,m,d), as Excel computes it: days from 1900-01-00 (with
 * Excel's 29/02/1900, so 1 March 1900 is 61), or from 1904-01-01 in a 1904 workbook. Undefined otherwise.
 */
function lonelyDate(formula: string, date1904: boolean): number | undefined {
  const m = /^=DATE\((\d+),(\d+),(\d+)\)$/i.exec(formula.replace(/\s+/g, ""));
  if (!m) return undefined;
  const serial1900 = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25569;
  return date1904 ? serial1900 - 1462 : serial1900;
}

/** French names of the built-in functions the fake's French Excel knows, to English. */
const FRENCH_BUILTINS = new Map([
  ["SI", "IF"],
  ["ET", "AND"],
  ["OU", "OR"],
  ["CHOISIR", "CHOOSE"],
  ["MAX", "MAX"],
  ["MIN", "MIN"],
  ["DATE", "DATE"],
]);
const FRENCH_CGV = new Map(FUNCTION_SIGNATURES.map((f) => [`CGV.${f.fr}`, `CGV.${f.name}`]));

/**
 * The fake French Excel's reading of a `formulasLocal` text: the English formula it stores, undefined
 * when a name is not French (#NAME?), "refused" when the separators are not the region's.
 */
function englishFromFrench(formula: string, separators: "fr" | "en"): string | undefined | "refused" {
  let out = "";
  let braces = false;
  for (let i = 0; i < formula.length;) {
    const c = formula.charAt(i);
    if (c === '"' || c === "'") {
      const end = formula.indexOf(c, i + 1);
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(formula.slice(i))?.[0];
    if (word) {
      const english = FRENCH_CGV.get(word.toUpperCase()) ?? FRENCH_BUILTINS.get(word.toUpperCase());
      if (english === undefined) return undefined;
      out += english;
      i += word.length;
      continue;
    }
    if (c === "{") braces = true;
    if (c === "}") braces = false;
    const digits = /[0-9]/.test(formula.charAt(i - 1)) && /[0-9]/.test(formula.charAt(i + 1));
    if (separators === "fr") {
      if (c === ";") out += braces ? ";" : ",";
      else if (c === "." && braces) out += ",";
      else if (c === "," && digits) out += ".";
      else if (c === ",") return "refused";
      else out += c;
    } else {
      if (c === ";" && !braces) return "refused";
      out += c;
    }
    i++;
  }
  return out;
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
  protected override loading(names: readonly string[]): void {
    if (names.includes("cellAddresses"))
      this.ctx.responders.push({ bytes: () => jsonBytes(this.addresses()) });
  }
  private visibleRows(): number[] {
    const rows: number[] = [];
    for (let r = this.block.row; r < this.block.row + this.block.rowCount; r++)
      if (!this.ctx.wb.isRowHidden(this.sheetName, r)) rows.push(r);
    return rows;
  }
  private addresses(): string[][] {
    return this.visibleRows().map((r) =>
      Array.from(
        { length: this.block.columnCount },
        (_, c) => `${this.sheetName}!${blockAddress(r, this.block.column + c)}`,
      ),
    );
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.visibleRows().length;
  }
  /** One address per visible cell, with its sheet, row by row. */
  get cellAddresses(): string[][] {
    this.need("cellAddresses");
    return this.addresses();
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
          throw new FakeOfficeError("GeneralException", "more than 512 merged areas in the range");
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

/** The selection's areas (Workbook.getSelectedRanges, ExcelApi 1.9). */
class FakeSelectedAreas extends Loadable {
  get areaCount(): number {
    this.need("areaCount");
    return this.ctx.wb.selectionAreas.length;
  }
  get areas() {
    const ctx = this.ctx;
    return {
      getItemAt: (index: number) => {
        const area = ctx.wb.selectionAreas[index];
        if (!area) throw new Error(`fake: no area ${index}`);
        return new FakeRange(ctx, ctx.wb.activeSheet, area);
      },
    };
  }
}

/** AutoFilter of a sheet (ExcelApi 1.9). */
class FakeAutoFilter extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly state: () => { enabled: boolean; isDataFiltered: boolean },
    /** The sheet whose autofilter this is; undefined for a table's own filter. */
    private readonly sheetName?: string,
  ) {
    super(ctx);
  }
  /**
   * Puts the filter on a range and, with a column and a criterion, filters it. Only what the self-test
   * uses is modelled: no criterion (buttons only), or `{ filterOn: "Custom", criterion1: "<>text" }`.
   */
  apply(
    range: FakeRange | string,
    columnIndex?: number,
    criteria?: { filterOn: string; criterion1?: string },
  ): void {
    const sheet = this.sheetName;
    if (sheet === undefined) throw new Error("fake: only a sheet's autofilter can be applied");
    const block = typeof range === "string" ? parseAddress(range) : range.block;
    let keep: ((row: readonly CellValue[]) => boolean) | undefined;
    if (criteria !== undefined) {
      const hide = /^<>(.*)$/.exec(criteria.criterion1 ?? "")?.[1];
      if (criteria.filterOn !== "Custom" || hide === undefined || columnIndex === undefined)
        throw new Error('fake: only a custom "<>text" criterion is modelled');
      keep = (row) => String(row[columnIndex] ?? "") !== hide;
    }
    const area = {
      row: block.row,
      column: block.column,
      rowCount: block.rowCount,
      columnCount: block.columnCount,
    };
    this.ctx.pending.push({ apply: () => this.ctx.wb.setAutoFilter(sheet, area, keep) });
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
    if (ctx.absent("autoFilter")) Object.defineProperty(this, "autoFilter", { value: undefined });
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
  /**
   * "The smallest range that encompasses any cells that have a value or formatting assigned to them";
   * `valuesOnly` (ExcelApi 1.2) "considers only cells with values as used cells (ignoring formatting)".
   */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.host.require("1.2", "getUsedRange(valuesOnly)");
    return new FakeRange(
      this.ctx,
      this.sheetName,
      this.ctx.wb.usedBlock(this.sheetName, { valuesOnly: valuesOnly === true }),
    );
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
    this.ctx.pending.push({ apply: () => this.ctx.wb.activate(this.sheetName) });
  }
  /** Calculates the sheet, marking every cell dirty first when asked (ExcelApi 1.6): recorded. */
  calculate(markAllDirty: boolean): void {
    this.ctx.pending.push({
      apply: () => {
        this.ctx.host.require("1.6", "Worksheet.calculate");
        this.ctx.host.calculations.push(`${this.sheetName}${markAllDirty ? " (all dirty)" : ""}`);
      },
    });
  }
  /** Deletes the sheet (ExcelApi 1.1); Excel refuses to delete the last one. */
  delete(): void {
    this.ctx.pending.push({ apply: () => this.ctx.wb.deleteSheet(this.sheetName) });
  }
  private filterProxy: FakeAutoFilter | undefined;
  /** The sheet's autofilter (not the tables' own filters, as in Excel). */
  get autoFilter(): FakeAutoFilter {
    this.filterProxy ??= new FakeAutoFilter(
      this.ctx,
      () => {
        const f = this.ctx.wb.autoFilter(this.sheetName);
        return { enabled: f !== undefined, isDataFiltered: f?.filtered === true };
      },
      this.sheetName,
    );
    return this.filterProxy;
  }
  private layoutProxy: FakePageLayout | undefined;
  /** The print setup (ExcelApi 1.9): applied at sync, refused there by a host without 1.9. */
  get pageLayout(): FakePageLayout {
    this.layoutProxy ??= new FakePageLayout(this.ctx, this.sheetName);
    return this.layoutProxy;
  }
  private protectionProxy: FakeProtection | undefined;
  get protection(): FakeProtection {
    this.protectionProxy ??= new FakeProtection(this.ctx, this.sheetName);
    return this.protectionProxy;
  }
}

/**
 * PageLayout (ExcelApi 1.9) as its documentation describes it: an orientation and a paper type from
 * their enums, zoom either a scale from 10 to 400 or pages to fit, title rows that span whole rows.
 * Each setting reaches the workbook at sync, where a host without ExcelApi 1.9 refuses it.
 */
class FakePageLayout {
  private state: {
    orientation?: "Landscape" | "Portrait";
    paperSize?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    printTitleRows?: string;
  } = {};
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
  ) {}
  private queue(change: () => void): void {
    this.ctx.pending.push({
      apply: () => {
        this.ctx.host.require("1.9", "Worksheet.pageLayout");
        change();
        const st = this.state;
        this.ctx.wb.pageLayouts.set(this.sheetName, {
          orientation: st.orientation ?? "Portrait",
          paperSize: "A4",
          horizontalFitToPages: st.zoom?.horizontalFitToPages ?? 0,
          verticalFitToPages: st.zoom?.verticalFitToPages ?? 0,
          ...(st.printTitleRows !== undefined ? { printTitleRows: st.printTitleRows } : {}),
        });
      },
    });
  }
  set orientation(value: string) {
    if (value !== "Landscape" && value !== "Portrait")
      throw new FakeOfficeError("InvalidArgument", `orientation ${value}`);
    this.queue(() => (this.state.orientation = value));
  }
  set paperSize(value: string) {
    // The fake's workbooks only ever print on A4 (any other PaperType is valid in Excel).
    if (value !== "A4") throw new Error(`fake: only A4 is modelled, not ${value}`);
    this.queue(() => (this.state.paperSize = value));
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const pages = [value.horizontalFitToPages, value.verticalFitToPages].filter((n) => n !== undefined);
    if (pages.some((n) => !Number.isInteger(n) || (n as number) < 0))
      throw new FakeOfficeError("InvalidArgument", `zoom ${JSON.stringify(value)}`);
    if (value.scale !== undefined && (value.scale < 10 || value.scale > 400 || pages.length > 0))
      throw new FakeOfficeError("InvalidArgument", `zoom ${JSON.stringify(value)}`);
    this.queue(() => (this.state.zoom = { ...value }));
  }
  /** "The range must span the entire row to be valid": "$1:$3", "1:3". */
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows))
      throw new FakeOfficeError("InvalidArgument", `print title rows ${rows}`);
    this.queue(() => (this.state.printTitleRows = rows));
  }
}

/** WorksheetProtection: `protected` read after it is loaded and synced. */
class FakeProtection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    this.need("protected");
    return this.ctx.wb.protectedSheets.has(this.sheetName);
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
  private sheetProxy: FakeWorksheet | undefined;
  /** The table's sheet (ExcelApi 1.2), the same proxy each time. */
  get worksheet(): FakeWorksheet {
    this.sheetProxy ??= new FakeWorksheet(this.ctx, this.table.sheet);
    return this.sheetProxy;
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
  private readonly proxies: FakeTable[];
  constructor(
    ctx: FakeContext,
    private readonly list: MemoryTable[],
  ) {
    super(ctx);
    this.proxies = list.map((t) => new FakeTable(ctx, t));
  }
  /** "items/name" loads the name of every item, as Office.js does. */
  protected override loading(names: readonly string[]): void {
    if (names.length > 0) for (const p of this.proxies) p.load(names.join(","));
  }
  get items(): FakeTable[] {
    this.need("name");
    return this.proxies;
  }
  getItem(name: string): FakeTable {
    const t = this.list.find((x) => x.name === name);
    if (!t) throw new Error(`ItemNotFound: table ${name}`);
    return new FakeTable(this.ctx, t);
  }
}

/** The workbook's sheets (WorksheetCollection). */
class FakeWorksheets extends Loadable {
  get items(): FakeWorksheet[] {
    this.need("name");
    return this.ctx.wb.sheetNames().map((name) => new FakeWorksheet(this.ctx, name).loadedWith("name"));
  }
  /** A sheet by name: like Office.js, a name no sheet has fails the request at its sync (ItemNotFound). */
  getItem(name: string): FakeWorksheet {
    const ctx = this.ctx;
    ctx.pending.push({
      apply: () => {
        if (!ctx.wb.sheetNames().includes(name))
          throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: sheet ${name}.`);
      },
    });
    return new FakeWorksheet(ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet & { isNullObject: boolean } {
    const ctx = this.ctx;
    const sheet = new FakeWorksheet(ctx, name) as FakeWorksheet & { isNullObject: boolean };
    // Read after a sync, as Office.js fills it in.
    let synced = false;
    ctx.pending.push({ apply: () => (synced = true) });
    Object.defineProperty(sheet, "isNullObject", {
      get: () => {
        if (!synced) throw new NotLoaded("isNullObject read before sync");
        return !ctx.wb.sheetNames().includes(name);
      },
    });
    return sheet;
  }
  add(name: string): void {
    this.ctx.pending.push({ apply: () => this.ctx.wb.addSheet(name) });
  }
}

class FakeWorkbook {
  readonly application: FakeApplication;
  constructor(private readonly ctx: FakeContext) {
    this.application = new FakeApplication(ctx);
    if (ctx.absent("notes")) Object.defineProperty(this, "notes", { value: undefined });
    if (ctx.absent("comments")) Object.defineProperty(this, "comments", { value: undefined });
    if (ctx.absent("getSelectedRanges"))
      Object.defineProperty(this, "getSelectedRanges", { value: undefined });
  }
  /** The selection, failing its request when several areas are selected (as documented). */
  getSelectedRange(): FakeRange {
    const ctx = this.ctx;
    if (ctx.wb.selectionAreas.length > 1)
      ctx.pending.push({
        apply: () => {
          throw new FakeOfficeError(
            "InvalidSelection",
            "The current selection is invalid for this operation.",
          );
        },
      });
    return new FakeRange(ctx, ctx.wb.activeSheet, ctx.wb.selection);
  }
  getSelectedRanges(): FakeSelectedAreas {
    return new FakeSelectedAreas(this.ctx);
  }
  /** The active cell: the top-left cell of the selection's first area (ExcelApi 1.7). */
  getActiveCell(): FakeRange {
    const { row, column } = this.ctx.wb.selection;
    return new FakeRange(this.ctx, this.ctx.wb.activeSheet, { row, column, rowCount: 1, columnCount: 1 });
  }
  private sheetsProxy: FakeWorksheets | undefined;
  get worksheets(): FakeWorksheets {
    this.sheetsProxy ??= new FakeWorksheets(this.ctx);
    return this.sheetsProxy;
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, this.ctx.wb.tables);
  }
  /**
   * Custom XML parts (ExcelApi 1.5), kept on the host by id: found by their root's namespace, read
   * through getXml after a sync, added and deleted at sync.
   */
  get customXmlParts() {
    const ctx = this.ctx;
    const host = ctx.host;
    const part = (id: string) => ({
      id,
      getXml: () => {
        let loaded = false;
        let xml = "";
        ctx.pending.push({
          apply: () => {
            xml = host.xmlParts.get(id)?.xml ?? "";
            loaded = true;
          },
        });
        return {
          get value() {
            if (!loaded) throw new NotLoaded("PropertyNotLoaded: value");
            return xml;
          },
        };
      },
      delete: () => ctx.pending.push({ apply: () => host.xmlParts.delete(id) }),
    });
    return {
      getByNamespace: (namespace: string) => {
        let items: ReturnType<typeof part>[] | undefined;
        return {
          load: () => {
            ctx.pending.push({
              apply: () => {
                host.require("1.5", "customXmlParts");
                items = [...host.xmlParts]
                  .filter(([, p]) => p.namespace === namespace)
                  .map(([id]) => part(id));
              },
            });
          },
          get items() {
            if (!items) throw new NotLoaded("PropertyNotLoaded: items");
            return items;
          },
        };
      },
      add: (xml: string) => {
        ctx.send(xml);
        let id = "";
        ctx.pending.push({ apply: () => (id = host.addXmlPart(xml)) });
        return {
          get id() {
            return id;
          },
          getXml: () => ({ value: xml }),
          delete: () => ctx.pending.push({ apply: () => host.xmlParts.delete(id) }),
        };
      },
    };
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
      getItemOrNullObject: (address: string) => {
        let synced = false;
        let loaded = false;
        ctx.pending.push({ apply: () => (synced = true) });
        return {
          get isNullObject() {
            if (!synced) throw new NotLoaded("isNullObject read before sync");
            return !ctx.wb.notes.has(key(address));
          },
          load: (props: string) => {
            if (props.trim() !== "content") throw new Error(`fake: a note's ${props} is not modelled`);
            ctx.pending.push({ apply: () => (loaded = true) });
          },
          get content() {
            if (!loaded) throw new NotLoaded("PropertyNotLoaded: content");
            return ctx.wb.notes.get(key(address)) ?? "";
          },
          delete: () => ctx.pending.push({ apply: () => ctx.wb.notes.delete(key(address)) }),
        };
      },
      add: (address: string, text: string) => {
        ctx.send(text);
        ctx.pending.push({ apply: () => ctx.wb.notes.set(key(address), text) });
      },
    };
  }
  /** Comments (ExcelApi 1.10), kept in the memory workbook's comments by "Sheet!A1". */
  get comments() {
    const ctx = this.ctx;
    const key = (address: string) => address.replace(/^'(.*)'!/, "$1!");
    return {
      getItemByCell: (address: string) => {
        let loaded = false;
        return {
          /** Read after a sync; the request fails when the cell has no comment (ItemNotFound). */
          load: (props: string) => {
            if (props.trim() !== "content") throw new Error(`fake: a comment's ${props} is not modelled`);
            ctx.pending.push({
              apply: () => {
                if (!ctx.wb.comments.has(key(address)))
                  throw new FakeOfficeError("ItemNotFound", `no comment at ${address}`);
                loaded = true;
              },
            });
          },
          get content() {
            if (!loaded) throw new NotLoaded("PropertyNotLoaded: content");
            return ctx.wb.comments.get(key(address)) ?? "";
          },
          delete: () =>
            ctx.pending.push({
              apply: () => {
                if (!ctx.wb.comments.delete(key(address)))
                  throw new FakeOfficeError("ItemNotFound", `no comment at ${address}`);
              },
            }),
        };
      },
      add: (address: string, text: string) => {
        ctx.send(text);
        ctx.pending.push({ apply: () => ctx.wb.comments.set(key(address), text) });
      },
    };
  }
}

/** An ExcelHost over a MemoryWorkbook, with the requirement sets it claims to support. */
export class FakeExcelHost implements ExcelHost {
  readonly contexts: FakeContext[] = [];
  /** Conditional formats added through the fake, in order. */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Sizes of the requests and responses refused for their size. */
  readonly refused: number[] = [];
  /** Vertical alignments set, as "Sheet!A1:A9 Top". */
  readonly verticalAlignments: string[] = [];
  constructor(
    readonly wb: MemoryWorkbook,
    /** The highest ExcelApi version claimed, e.g. "1.9" (compared as major.minor, so "1.18" > "1.9"). */
    private readonly supported: string = "1.9",
    readonly options: FakeHostOptions = {},
  ) {}
  private readonly changeHandlers = new Set<(sheet: string, address: string) => void>();
  private edit: { readonly ended: Promise<void>; readonly end: () => void } | undefined;
  /** Requests refused because a cell was being edited, and requests Excel held until the edit ended. */
  refusedForCellEdit = 0;
  heldForCellEdit = 0;
  /** The user starts editing a cell (F2, or typing): Excel refuses or holds the add-in's requests. */
  startCellEdit(): void {
    if (this.edit) return;
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.edit = { ended, end };
  }
  /** The user presses Enter or Esc: held requests go on. */
  endCellEdit(): void {
    const edit = this.edit;
    this.edit = undefined;
    edit?.end();
  }
  get editing(): boolean {
    return this.edit !== undefined;
  }
  cellEditEnded(): Promise<void> {
    return this.edit?.ended ?? Promise.resolve();
  }
  /** Recalculations asked for: "Full", "Recalculate", or a sheet's name (Worksheet.calculate). */
  readonly calculations: string[] = [];
  /** The workbook's custom XML parts, by id, with their root's namespace. */
  readonly xmlParts = new Map<string, { readonly namespace: string; readonly xml: string }>();
  private nextPart = 1;
  addXmlPart(xml: string): string {
    const id = `{fake-part-${this.nextPart++}}`;
    const namespace = /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
    this.xmlParts.set(id, { namespace, xml });
    return id;
  }
  /** CGV.* cells still computing: reads left that show #BUSY!, by "sheet!row,column". */
  private readonly busy = new Map<string, number>();
  computing(sheet: string, at: { row: number; column: number }, customFunction: boolean): void {
    const reads = this.options.busyReads ?? 0;
    if (reads === 0 && this.busy.size === 0) return;
    const key = `${sheet}!${cellId(at.row, at.column)}`;
    if (customFunction && reads > 0) this.busy.set(key, reads);
    else this.busy.delete(key);
  }
  /** The cells of a block a read now sees as #BUSY! (each such read counted). */
  readBusy(sheet: string, block: Block): ReadonlySet<string> {
    const seen = new Set<string>();
    for (const [key, left] of this.busy) {
      const [where = "", id = ""] = [key.slice(0, key.lastIndexOf("!")), key.slice(key.lastIndexOf("!") + 1)];
      if (where !== sheet) continue;
      const [row = -1, column = -1] = id.split(",").map(Number);
      if (row < block.row || row >= block.row + block.rowCount) continue;
      if (column < block.column || column >= block.column + block.columnCount) continue;
      seen.add(id);
      if (left <= 1) this.busy.delete(key);
      else this.busy.set(key, left - 1);
    }
    return seen;
  }
  /** Registering an event handler is a request too: refused while a cell is edited. */
  private refuseWhileEditing(): void {
    if (!this.editing) return;
    this.refusedForCellEdit += 1;
    throw new FakeOfficeError("InvalidOperationInCellEditMode", CELL_EDIT_MESSAGE);
  }
  /**
   * Worksheet onChanged: the memory workbook's user edits (MemoryWorkbook.edit) and, as in Excel, the
   * values and formulas written through this host (told after their request).
   */
  async watchSheet(sheet: string, onChange: (address: string) => void): Promise<() => Promise<void>> {
    this.refuseWhileEditing();
    const handler = (changed: string, address: string) => {
      if (changed === sheet) onChange(address);
    };
    const unsubscribe = this.wb.onEdit(handler);
    this.changeHandlers.add(handler);
    return async () => {
      unsubscribe();
      this.changeHandlers.delete(handler);
    };
  }
  /** Tells a write made through this host to the onChanged handlers registered now (and still registered then). */
  changeTeller(): (sheet: string, address: string) => void {
    const handlers = [...this.changeHandlers];
    return (sheet, address) => {
      for (const handler of handlers) if (this.changeHandlers.has(handler)) handler(sheet, address);
    };
  }
  /** Worksheets onActivated, on the memory workbook's activations. */
  async watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    this.refuseWhileEditing();
    const unsubscribe = this.wb.onActivate(onChange);
    return async () => void unsubscribe();
  }
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: ExcelRunOptions): Promise<T> {
    // Excel ignores delayForCellEdit where ExcelApi 1.11 is missing (office.js checks the set).
    const delayed = options?.delayForCellEdit === true && this.isSetSupported("ExcelApi", "1.11");
    const ctx = new FakeContext(this.wb, this, delayed);
    this.contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  }
  /** Fails a sync as Excel fails a request using an API its version does not have. */
  require(version: string, api: string): void {
    if (!this.isSetSupported("ExcelApi", version))
      throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}`);
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
