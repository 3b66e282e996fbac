import { cellRef, columnIndex, columnLetters } from "../cells";
import { resultColumnWidth } from "../write/column-width";
import { cellFormula, cellValue, type OutputCell, type PlannedColumn, type SinkPlan } from "../write/sink";
import { xlsxFormula } from "../portable";
import { DAYS_1904, parseCells, type SheetCell } from "./cells";
import { XlsxError } from "./errors";
import type { StyleBook } from "./styles";
import { headWithEdits, rangeBounds, type WorksheetTail } from "./worksheet";
import { escapeXml } from "./xml";
import type { DeflatedPart } from "./deflated-part";

/**
 * The register sheet rewritten as it is read: rows before the header and after the register are
 * copied as they are, the header row gains the columns' headers, each data row is held (its XML as
 * read) until Apply gives its cells, then written with them merged in. The rows go out in the order
 * they came, through a queue: a row waits for the ones before it.
 */

/** A data row as read, waiting for its output cells. */
export interface HeldRow {
  /** 1-based sheet row. */
  readonly number: number;
  /** The row's start tag and content as read; undefined for a row absent from the file (a blank line). */
  readonly open: string | undefined;
  readonly inner: string;
  /** Undefined for a blank row, whose cells are read only if it turns out to be a data row. */
  readonly cells: readonly SheetCell[] | undefined;
  /** Set by `fill`. */
  output?: readonly OutputCell[];
  /** Blank rows wait to learn whether a row with values follows (data) or not (formatting only). */
  state: "data" | "undecided" | "trailing";
}

type QueueItem = { readonly xml: string } | { readonly row: HeldRow };

/** Texts per column whose cell markup is remembered. */
const TEXT_CELLS_KEPT = 4096;
/** What a written item of the queue becomes until the queue's front is dropped. */
const WRITTEN: QueueItem = { xml: "" };
/** Written items at the queue's front past which they are dropped (when they are half of it, too). */
const COMPACT_AT = 4096;

/** What a held row costs besides its text (the row's and each cell's objects), in characters. */
const ROW_COST = 100;

/** What an item of the queue holds, in characters: what bounds the queue's memory. */
function itemSize(item: QueueItem): number {
  if ("xml" in item) return item.xml.length;
  const row = item.row;
  return (row.open?.length ?? 0) + row.inner.length + ROW_COST * (1 + (row.cells?.length ?? 0));
}

/** The explicit state of one rewrite: where it is, what it found, what it holds. */
interface RewriteState {
  /** The sheet's head has been written (edited). */
  headWritten: boolean;
  /** Data rows whose cells were given, in order. */
  rowsFilled: number;
  /** A formula cell of the file was replaced by a new cell: the calculation chain names it. */
  droppedFormula: boolean;
  /** The last data row's sheet row (1-based), for the highlighting's extent and the merge check. */
  lastDataRow: number;
}

export interface RewriteSettings {
  readonly plan: SinkPlan;
  readonly styles: StyleBook;
  readonly date1904: boolean;
  readonly sheetName: string;
}

export class SheetRewriter {
  private readonly queue: QueueItem[] = [];
  /** The queue's first item not written yet. */
  private front = 0;
  /** Puts text into the rewritten part (bound once, handed to every row). */
  private readonly put = (xml: string): void => this.part.put(xml);
  /** The characters the queue holds (`itemSize`). */
  private queued = 0;
  private readonly state: RewriteState = {
    headWritten: false,
    rowsFilled: 0,
    droppedFormula: false,
    lastDataRow: 0,
  };
  private readonly held: HeldRow[] = [];
  private readonly written: ReadonlySet<number>;
  private readonly headerColumns: ReadonlySet<number>;
  /** Each planned column's cell format (looked up once, not per cell). */
  private readonly columnStyles: readonly (number | undefined)[];
  /** Each planned column's letters, style attribute and date shift, worked out once. */
  private readonly columnsOut: {
    readonly letters: readonly string[];
    readonly styleAttrs: readonly string[];
    readonly to1904: readonly boolean[];
    /** A number cell's markup before its row number (`<c r="E`) and between it and the value. */
    readonly numberOpen: readonly string[];
    readonly numberMiddle: readonly string[];
  };
  /** The leftmost column written (a row whose cells all lie left of it keeps them as read). */
  private readonly firstWritten: number;
  /** Per planned column, text cells' markup after their reference, by text (`textCellAfterRef`). */
  private readonly textCells: Map<string, string>[] = [];
  private tail: WorksheetTail | undefined;

  constructor(
    private readonly part: DeflatedPart,
    private readonly settings: RewriteSettings,
  ) {
    const { plan } = settings;
    this.written = new Set(plan.columns.map((c) => c.column));
    this.headerColumns = new Set([...this.written, ...plan.extraHeaderCells.map((c) => c.column)]);
    this.columnStyles = plan.columns.map((c) => settings.styles.cell(c.numberFormat));
    this.columnsOut = {
      letters: plan.columns.map((c) => columnLetters(c.column)),
      styleAttrs: this.columnStyles.map((style) => (style !== undefined ? ` s="${style}"` : "")),
      to1904: plan.columns.map((c) => c.format === "date" && settings.date1904),
      numberOpen: plan.columns.map((c) => `<c r="${columnLetters(c.column)}`),
      numberMiddle: this.columnStyles.map((style) => `"${style !== undefined ? ` s="${style}"` : ""}><v>`),
    };
    this.firstWritten = Math.min(...this.written);
  }

  get droppedFormula(): boolean {
    return this.state.droppedFormula;
  }

  get lastDataRow(): number {
    return this.state.lastDataRow;
  }

  get rowsFilled(): number {
    return this.state.rowsFilled;
  }

  /** The worksheet's tail, once the rows are read (edited by the note, highlighting and page setup). */
  get worksheetTail(): WorksheetTail | undefined {
    return this.tail;
  }

  // ---- what the reader hands over, in sheet order ----------------------------------------------

  head(xml: string, empty: boolean): void {
    const { plan } = this.settings;
    const widths = new Map<number, number>();
    for (const c of plan.columns)
      if (!c.existing) widths.set(c.column + 1, resultColumnWidth(c.header, c.format));
    for (const e of plan.extraHeaderCells)
      widths.set(
        e.column + 1,
        resultColumnWidth(typeof e.value === "string" ? e.value : "", e.numberFormat ? "date" : "text"),
      );
    for (const w of [...widths.keys()]) if (widths.get(w) === undefined) widths.delete(w);
    const lastColumn = Math.max(...this.headerColumns);
    for (const piece of headWithEdits(xml, { lastColumn, widths, fitToPage: true }))
      this.enqueue({ xml: piece });
    if (empty) this.enqueue({ xml: "<sheetData>" });
    this.state.headWritten = true;
  }

  private enqueue(item: QueueItem): void {
    this.queue.push(item);
    this.queued += itemSize(item);
  }

  /** Text or a row copied as it is. */
  raw(xml: string): void {
    this.enqueue({ xml });
  }

  /** The header row with the columns' headers and the extra header cells (the as-of date). */
  header(number: number, open: string, inner: string, cells: readonly SheetCell[]): void {
    const { plan, styles } = this.settings;
    const added: AddedCell[] = plan.columns.map((c) => ({
      column: c.column,
      xml: textCell(cellRef(c.column, number), c.header, styles.cell(undefined, true)),
    }));
    for (const e of plan.extraHeaderCells) {
      const ref = cellRef(e.column, number);
      const style = styles.cell(e.numberFormat, true);
      const s = style === undefined ? "" : ` s="${style}"`;
      const xml =
        typeof e.value === "number"
          ? `<c r="${ref}"${s}><v>${numberText(e.numberFormat !== undefined && this.settings.date1904 ? e.value - DAYS_1904 : e.value)}</v></c>`
          : typeof e.value === "boolean"
            ? `<c r="${ref}"${s} t="b"><v>${e.value ? 1 : 0}</v></c>`
            : e.value === null || e.value === ""
              ? ""
              : textCell(ref, e.value, style);
      if (xml !== "") added.push({ column: e.column, xml });
    }
    this.merge(open, inner, cells, added, this.headerColumns, (xml) => this.enqueue({ xml }));
  }

  /** A data row, or a blank row whose fate is not known yet. */
  hold(row: HeldRow): void {
    this.enqueue({ row });
    if (row.state !== "trailing") this.held.push(row);
  }

  /** `</sheetData>`: the rows are all read. */
  endRows(): void {
    this.enqueue({ xml: "</sheetData>" });
  }

  setTail(tail: WorksheetTail): void {
    this.tail = tail;
  }

  /**
   * Refuses a merged range that takes in cells the copy writes (the header row's new cells, the data
   * rows' output cells): Excel would show only its top-left cell.
   */
  refuseMergesInTheWay(merges: readonly string[]): void {
    const top = this.settings.plan.place.headerRow;
    const bottom = Math.max(top, this.state.lastDataRow - 1);
    for (const ref of merges) {
      const b = rangeBounds(ref);
      if (!b || b.r2 < top || b.r1 > bottom) continue;
      for (const c of this.headerColumns) {
        if (c < b.c1 || c > b.c2) continue;
        throw new XlsxError(
          {
            en: `the merged cells ${ref} cover cells the new columns take: nothing written. Unmerge them (Home > Merge & Center), or move them, and run again.`,
            fr: `les cellules fusionnées ${ref} recouvrent des cellules des nouvelles colonnes : rien n'est écrit. Annulez la fusion (Accueil > Fusionner et centrer), ou déplacez-les, puis relancez.`,
          },
          "refused",
        );
      }
    }
  }

  // ---- what the sink hands over -----------------------------------------------------------------

  /** The cells of data rows `start`… (Apply writes each chunk before the next is read). */
  fill(start: number, rows: readonly (readonly OutputCell[])[]): void {
    if (start !== this.state.rowsFilled)
      throw new Error(`rows written out of order: ${start} after ${this.state.rowsFilled}`);
    const data = this.held.filter((r) => r.state === "data");
    rows.forEach((cells, k) => {
      const row = data[k];
      if (!row) throw new Error(`row ${start + k} was not read yet`);
      row.output = cells;
      this.state.lastDataRow = Math.max(this.state.lastDataRow, row.number);
    });
    this.state.rowsFilled += rows.length;
    // Rows handed over are no longer looked up.
    let done = 0;
    for (const r of this.held) {
      if (r.output === undefined && r.state !== "trailing") break;
      done += 1;
    }
    this.held.splice(0, done);
  }

  /**
   * Writes the rows that are ready, in order: a row waits for the ones before it. Each row's pieces
   * are encoded straight into the part's batch (`put`): no row is joined into one string first.
   */
  async flush(): Promise<void> {
    const part = this.part;
    const queue = this.queue;
    const put = this.put;
    let i = this.front;
    for (; i < queue.length; i++) {
      const item = queue[i] as QueueItem;
      if ("xml" in item) part.put(item.xml);
      else {
        const row = item.row;
        if (row.state === "undecided" || (row.state === "data" && row.output === undefined)) break;
        if (row.state === "trailing") putAsRead(row, put);
        else this.dataRow(row, put);
      }
      this.queued -= itemSize(item);
      // Written: its text is let go at once, not when the queue is next compacted.
      queue[i] = WRITTEN;
      if (part.behind) {
        this.front = i + 1;
        await part.drained();
      }
    }
    this.front = i;
    // The written items are dropped from the queue's front now and then, not at every flush.
    if (this.front >= COMPACT_AT && this.front * 2 >= queue.length) {
      queue.splice(0, this.front);
      this.front = 0;
    }
  }

  /** The characters waiting in the queue (rows held for their cells, and the text after them). */
  get pending(): number {
    return this.queued;
  }

  /** Rows still waiting in the queue (none once the copy is complete). */
  get waiting(): number {
    return this.queue.length - this.front;
  }

  // ---- rows -------------------------------------------------------------------------------------

  /** A data row with its output cells merged in, put piece by piece. */
  private dataRow(row: HeldRow, put: (xml: string) => void): void {
    const output = row.output ?? [];
    if (row.open !== undefined && row.cells !== undefined && this.leftOfTheNewCells(row.cells, row.inner)) {
      this.rowAsReadThenNewCells(row, output);
      return;
    }
    const added: AddedCell[] = [];
    const { letters, styleAttrs, to1904 } = this.columnsOut;
    const columns = this.settings.plan.columns;
    for (let j = 0; j < columns.length; j++) {
      const cell = output[j];
      if (cell === undefined) continue;
      const xml = cellXml(
        `${letters[j] as string}${row.number}`,
        cell,
        styleAttrs[j] as string,
        this.columnStyles[j],
        to1904[j] as boolean,
      );
      if (xml !== "") added.push({ column: (columns[j] as PlannedColumn).column, xml });
    }
    if (row.open === undefined) {
      if (added.length === 0) return;
      put(`<row r="${row.number}">`);
      for (const a of added) put(a.xml);
      put("</row>");
      return;
    }
    // A blank row's cells, read now: only their places and markup count, not their values.
    const cells = row.cells ?? parseCells(row.inner, { shared: [] });
    this.merge(row.open, row.inner, cells, added, this.written, put);
  }

  /**
   * Whether a row is the common shape: its content is its cells end to end, in column order, all left
   * of every column written. Then the general merge below writes the row as read, then the new cells:
   * `rowAsReadThenNewCells` writes the same bytes without making a text per cell.
   */
  private leftOfTheNewCells(cells: readonly SheetCell[], inner: string): boolean {
    if (!cellsAreTheContent(cells, inner)) return false;
    let previous = -1;
    for (const c of cells) {
      if (c.column < previous) return false;
      previous = c.column;
    }
    return previous < this.firstWritten;
  }

  /**
   * The common row (`leftOfTheNewCells`): its start tag, its content as read, then its new cells —
   * numbers written as bytes straight into the part (the bulk of a long register: dates, days,
   * amounts), the others as `cellXml` makes them.
   */
  private rowAsReadThenNewCells(row: HeldRow, output: readonly OutputCell[]): void {
    const part = this.part;
    const { letters, styleAttrs, to1904, numberOpen, numberMiddle } = this.columnsOut;
    // No new cell (every one empty): the row as read, its tag untouched (as `merge` does).
    if (!output.some((cell, j) => j < numberOpen.length && cell !== undefined && cell !== ""))
      return putAsRead(row, this.put);
    part.put(rowTag(row.open as string));
    part.put(row.inner);
    const number = String(row.number);
    for (let j = 0; j < numberOpen.length; j++) {
      const cell = output[j];
      if (cell === undefined) continue;
      if (typeof cell === "number") {
        // `cellXml`'s number cell, its pieces ASCII: <c r="E12" s="3"><v>45688</v></c>
        part.putAscii(numberOpen[j] as string);
        part.putAscii(number);
        part.putAscii(numberMiddle[j] as string);
        part.putNumber(to1904[j] ? cell - DAYS_1904 : cell);
        part.putAscii("</v></c>");
        continue;
      }
      if (typeof cell === "string" && cell !== "") {
        // A text cell: its markup after the reference, made once per text and column (a register's
        // statuses repeat: « En retard de 45 jours »).
        part.putAscii(numberOpen[j] as string);
        part.putAscii(number);
        part.put(this.textCellAfterRef(j, cell));
        continue;
      }
      const xml = cellXml(
        `${letters[j] as string}${number}`,
        cell,
        styleAttrs[j] as string,
        this.columnStyles[j],
        to1904[j] as boolean,
      );
      if (xml !== "") part.put(xml);
    }
    part.put("</row>");
  }

  /** `textCell`'s markup after `<c r="E12`, for column `j` and this text, remembered. */
  private textCellAfterRef(j: number, text: string): string {
    let byText = this.textCells[j];
    if (!byText) this.textCells[j] = byText = new Map();
    let after = byText.get(text);
    if (after === undefined) {
      after = textCell("", text, this.columnStyles[j]).slice('<c r="'.length);
      // Texts that do not repeat (an error naming its row) are not held without end.
      if (byText.size >= TEXT_CELLS_KEPT) byText.clear();
      byText.set(text, after);
    }
    return after;
  }

  /**
   * A row with new cells: the row's own cells kept as they are, except those in the columns written
   * (an earlier run's values there are replaced, even by an empty cell), in column order. `spans` is
   * dropped: it is an optional hint (§18.3.1.73) the new cells would contradict.
   */
  private merge(
    open: string,
    inner: string,
    cells: readonly SheetCell[],
    added: readonly AddedCell[],
    columns: ReadonlySet<number>,
    put: (xml: string) => void,
  ): void {
    let dropped = false;
    for (const c of cells) {
      if (!columns.has(c.column)) continue;
      dropped = true;
      refuseFormulaReachingOut(c, columns);
      if (c.formula) this.state.droppedFormula = true;
    }
    if (added.length === 0 && !dropped) return putAsRead({ open, inner }, put);
    const tag = rowTag(open);
    // A row's extension list, if any, comes after its cells (CT_Row); a cell may have its own inside it.
    const last = cells[cells.length - 1];
    const ext = inner.indexOf("<extLst", last ? last.end : 0);
    const extLst = ext >= 0 ? inner.slice(ext) : "";
    // The row's cells kept and the new ones, in column order: both lists are in column order (a file's
    // out of order is sorted, as before), merged in one pass.
    const kept = cells.filter((c) => !columns.has(c.column));
    const ordered = kept.every((c, i) => i === 0 || (kept[i - 1] as SheetCell).column <= c.column);
    const all: AddedCell[] = ordered
      ? mergeByColumn(kept, added)
      : [...kept, ...added].sort((a, b) => a.column - b.column);
    put(tag);
    for (const c of all) put(c.xml);
    put(extLst);
    put("</row>");
  }
}

/** A row's start tag as written back: without `spans`, and open (a `<row …/>` gains content). */
function rowTag(open: string): string {
  const tag = open.includes("spans=") ? open.replace(/\s+spans="[^"]*"/, "") : open;
  return tag.endsWith("/>") ? tag.replace(/\s*\/>$/, ">") : tag;
}

/** Whether a row's content is its cells end to end (no space, no extension list between or after). */
function cellsAreTheContent(cells: readonly SheetCell[], inner: string): boolean {
  let at = 0;
  for (const c of cells) {
    if (c.end - c.xml.length !== at) return false;
    at = c.end;
  }
  return at === inner.length;
}

/** Two lists in column order merged into one (the first list's cell first on a tie, as a stable sort). */
function mergeByColumn(a: readonly AddedCell[], b: readonly AddedCell[]): AddedCell[] {
  const out: AddedCell[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(
      (a[i] as AddedCell).column <= (b[j] as AddedCell).column
        ? (a[i++] as AddedCell)
        : (b[j++] as AddedCell),
    );
  while (i < a.length) out.push(a[i++] as AddedCell);
  while (j < b.length) out.push(b[j++] as AddedCell);
  return out;
}

interface AddedCell {
  readonly column: number;
  readonly xml: string;
}

/** A row as read (nothing for a blank line absent from the file), put in its pieces: never joined. */
function putAsRead(
  row: { readonly open: string | undefined; readonly inner: string },
  put: (xml: string) => void,
): void {
  const { open, inner } = row;
  if (open === undefined) return;
  put(open);
  if (open.endsWith("/>")) return;
  put(inner);
  put("</row>");
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

function textCell(ref: string, text: string, style: number | undefined): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ""} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/**
 * A new cell's XML ("" for an empty one): a value, or a formula written without "=" with its cached
 * result. `to1904` turns a date serial (1900 system, as the engine writes it) into the workbook's.
 */
export function outputCellXml(
  ref: string,
  cell: OutputCell,
  style: number | undefined,
  to1904: boolean,
): string {
  return cellXml(ref, cell, style !== undefined ? ` s="${style}"` : "", style, to1904);
}

/** `outputCellXml` with the style attribute made beforehand (once per column, not per cell). */
function cellXml(
  ref: string,
  cell: OutputCell,
  s: string,
  style: number | undefined,
  to1904: boolean,
): string {
  const value = cellValue(cell);
  const shifted = typeof value === "number" && to1904 ? value - DAYS_1904 : value;
  const formula = cellFormula(cell);
  if (formula !== undefined) {
    const f = `<f>${escapeXml(xlsxFormula(formula))}</f>`;
    if (shifted === "") return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof shifted === "number") return `<c r="${ref}"${s}>${f}<v>${numberText(shifted)}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(shifted)}</v></c>`;
  }
  if (shifted === "") return "";
  if (typeof shifted === "number") return `<c r="${ref}"${s}><v>${numberText(shifted)}</v></c>`;
  return textCell(ref, shifted, style);
}

/**
 * A shared formula's master cell holds the formula its other cells reuse (§18.3.1.40), and an array
 * formula's first cell the formula of its whole range: replacing such a cell where that range lies
 * outside the columns written would leave the other cells without their formula.
 */
function refuseFormulaReachingOut(cell: SheetCell, columns: ReadonlySet<number>): void {
  const ref = /<f\b[^>]*\bt="(?:shared|array)"[^>]*\bref="([A-Z]+)\d+(?::([A-Z]+)\d+)?"/.exec(cell.xml);
  if (!ref) return;
  const first = columnIndex(ref[1] as string);
  const last = columnIndex(ref[2] ?? (ref[1] as string));
  let inside = true;
  for (let c = first; c <= last; c++) if (!columns.has(c)) inside = false;
  if (inside) return;
  const at = /\br="([A-Z]+\d+)"/.exec(cell.xml)?.[1] ?? columnLetters(cell.column);
  throw new XlsxError(
    {
      en: `cell ${at} holds a formula shared with cells outside the new columns: move it, or the cells right of the register, and run again`,
      fr: `la cellule ${at} porte une formule partagée avec des cellules hors des nouvelles colonnes : déplacez-la, ou les cellules à droite du registre, et relancez`,
    },
    "refused",
  );
}
