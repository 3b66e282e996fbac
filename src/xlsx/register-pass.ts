import type { CellValue } from "../cells";
import { parseCells, rowHasValue, rowNumberOf, type CellReading } from "./cells";
import { registerValues } from "./reader";
import type { SheetEvents } from "./scanner";
import type { HeldRow, SheetRewriter } from "./sheet-rewriter";

/** How many hidden row numbers are listed (all are counted). */
const HIDDEN_LISTED = 1000;

/**
 * One pass over a register sheet's rows, as the scanner hands them over: rows before the header and
 * the header row go to the rewriter (if the book is copied), data rows are read from the register's
 * first column and queued for Apply. Blank rows wait until a row with values follows (then they are
 * data rows, counted as blank) or the rows end (then they are formatting after the register: copied
 * as they are, not data). Its state is its fields.
 */
export class RegisterPass implements SheetEvents {
  /** Data rows read, not yet handed to Apply. */
  readonly ready: CellValue[][] = [];
  /** Blank rows whose fate waits on the next row with values. */
  private readonly undecided: HeldRow[] = [];
  /** The last row's number (rows without r follow it). */
  private previous = 0;
  /** The last data row's number (or the header row's): absent rows after it are blank lines. */
  private lastData: number;
  hiddenCount = 0;

  /** The last row read (for messages). */
  get lastRow(): number {
    return this.previous;
  }

  readonly hidden: number[] = [];

  constructor(
    private readonly reading: CellReading,
    private readonly register: {
      readonly headerRow1: number;
      readonly firstColumn: number;
      readonly width: number;
    },
    private readonly rewriter: SheetRewriter | undefined,
  ) {
    this.lastData = register.headerRow1;
  }

  head(xml: string, empty: boolean): void {
    this.rewriter?.head(xml, empty);
  }

  between(xml: string): void {
    this.rewriter?.raw(xml);
  }

  endRows(): void {
    this.settleBlanks(false);
    this.rewriter?.endRows();
  }

  row(open: string, inner: string): void {
    const number = rowNumberOf(open, this.previous);
    this.previous = number;
    if (/\shidden="(?:1|true)"/.test(open)) {
      this.hiddenCount += 1;
      if (this.hidden.length < HIDDEN_LISTED) this.hidden.push(number);
    }
    const { headerRow1, firstColumn, width } = this.register;
    if (number < headerRow1 || (number === headerRow1 && !this.rewriter)) {
      if (open.endsWith("/>")) this.rewriter?.raw(open);
      else for (const xml of [open, inner, "</row>"]) this.rewriter?.raw(xml);
      return;
    }
    if (number === headerRow1) {
      this.rewriter?.header(number, open, inner, inner === "" ? [] : parseCells(inner, this.reading));
      return;
    }
    // Blank lines absent from the file are blank rows too.
    for (let gap = this.lastData + 1; gap < number; gap++)
      this.waitBlank({ number: gap, open: undefined, inner: "", cells: [], state: "undecided" });
    this.lastData = number;
    if (!rowHasValue(inner)) {
      // Its cells are read only if it turns out to be a data row (formatted blank rows after a
      // register are many: they are held as their text until the rows end).
      this.waitBlank({ number, open, inner, cells: undefined, state: "undecided" });
      return;
    }
    const cells = inner === "" ? [] : parseCells(inner, this.reading);
    const row: HeldRow = { number, open, inner, cells, state: "undecided" };
    this.settleBlanks(true);
    this.rewriter?.hold(row);
    this.data(row, registerValues(cells, firstColumn, width));
  }

  private waitBlank(row: HeldRow): void {
    this.undecided.push(row);
    this.rewriter?.hold(row);
  }

  private data(row: HeldRow, values: CellValue[]): void {
    row.state = "data";
    this.ready.push(values);
  }

  private settleBlanks(asData: boolean): void {
    for (const b of this.undecided) {
      if (asData) this.data(b, []);
      else b.state = "trailing";
    }
    this.undecided.length = 0;
  }
}
