import type { CellValue } from "../cells";
import { decodeXml } from "./xml";

/**
 * Cells of SpreadsheetML rows (§18.3.1.4) read as Excel's `range.values` gives them: numbers, text
 * (shared, inline, or a formula's text result), booleans, error codes as text, "" when empty. Cell
 * attributes are r, s, t, cm, vm, ph: never free text, so a cell's start tag is read with one pattern.
 */

/** Days between the 1904 and the 1900 date systems' serial 0 (1 January 1904 is 1462 in the 1900 system). */
export const DAYS_1904 = 1462;

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic runs (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  const plain = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/.exec(inner);
  if (plain) return decodeXml(plain[1] as string);
  let text = "";
  for (const m of inner
    .replace(/<rPh\b[\s\S]*?<\/rPh>/g, "")
    .matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t\s*\/>/g))
    text += decodeXml(m[1] ?? "");
  return text;
}

/** One cell of a row as found in the file: its column, its XML as is, its style and value. */
export interface SheetCell {
  /** Zero-based column. */
  readonly column: number;
  readonly xml: string;
  /** Where the cell ends in the row's content. */
  readonly end: number;
  readonly value: CellValue;
  /** Whether the cell holds a formula (`<f>`). */
  readonly formula: boolean;
}

/** How a sheet's cells are read: shared strings, and (1904 workbooks) which styles are dates. */
export interface CellReading {
  readonly shared: readonly string[];
  /** Set for a 1904 workbook: the cellXfs indexes whose number format is a date. */
  readonly dateStyles1904?: ReadonlySet<number>;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/**
 * Where an attribute's raw value starts in `text` between `from` and `to` (a start tag's attribute
 * text, read in place: `needle` is `name="`), as `\bname="…"` finds it; -1 when absent or unclosed.
 */
function attrAt(text: string, needle: string, from: number, to: number): number {
  // Searched within the tag only: `indexOf` would run on through the rest of the row for an attribute
  // the cell lacks (most cells have no t="…"), once per cell — quadratic in a long row.
  const first = needle.charCodeAt(0);
  for (let at = from; at + needle.length <= to; at++) {
    if (text.charCodeAt(at) !== first || !text.startsWith(needle, at)) continue;
    if (at > from && isWordChar(text.charCodeAt(at - 1))) continue;
    const start = at + needle.length;
    const end = text.indexOf('"', start);
    return end < 0 || end >= to ? -1 : start;
  }
  return -1;
}

/** An attribute's raw value (see `attrAt`), or undefined. */
function attrValue(text: string, needle: string, from: number, to: number): string | undefined {
  const start = attrAt(text, needle, from, to);
  return start < 0 ? undefined : text.slice(start, text.indexOf('"', start));
}

/** The column of a reference's letters at `text[from..to)` ("AB12" → 27), or undefined when it is not letters then digits. */
function refColumn(text: string, from: number, to: number): number | undefined {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
  }
  if (i === from) return undefined;
  for (let j = i; j < to; j++) {
    const code = text.charCodeAt(j);
    if (code < 0x30 || code > 0x39) return undefined;
  }
  return column - 1;
}

/** The cell types (§18.18.11) as constants: the common ones are not sliced out of the text per cell. */
const CELL_TYPES = ["s", "n", "b", "e", "d", "str", "inlineStr"];

/** A cell's type attribute value at `text[from..to)`. */
function cellType(text: string, from: number, to: number): string {
  for (const t of CELL_TYPES) if (t.length === to - from && text.startsWith(t, from)) return t;
  return text.slice(from, to);
}

/**
 * The cells of a row's content. A cell without a reference follows the previous one (§18.3.1.4: r
 * is optional). In a 1904 workbook a number styled as a date is given as the 1900-system serial the
 * engine reads (exceljs did the same through Date values). Read with string searches, not a pattern
 * with a lazy `[\s\S]*?`, which a long cell makes backtrack over every character; attributes are read
 * in place (a million-row register has millions of cells).
 */
export function parseCells(inner: string, reading: CellReading): SheetCell[] {
  const cells: SheetCell[] = [];
  let next = 0;
  let pos = 0;
  let noCloseFrom = Infinity;
  for (;;) {
    const at = inner.indexOf("<c", pos);
    if (at < 0) break;
    pos = at + 2;
    // "<c" then a word boundary: <col…> or <cfRule…> are not cells.
    if (isWordChar(inner.charCodeAt(at + 2))) continue;
    const gt = inner.indexOf(">", at + 2);
    if (gt < 0) break;
    const attrs = at + 2;
    let attrsEnd: number;
    // The content between <c …> and </c>, as offsets in the row; none for <c …/>.
    let contentFrom = -1;
    let contentTo = -1;
    let end: number;
    if (inner.charCodeAt(gt - 1) === 0x2f /* / */ && gt - 1 >= at + 2) {
      attrsEnd = gt - 1;
      end = gt + 1;
    } else {
      // Once no "</c>" follows some point, none follows any later one: not searched for again (an
      // unclosed cell is skipped, as before, without rereading the rest of the row for each).
      const close = gt + 1 >= noCloseFrom ? -1 : inner.indexOf("</c>", gt + 1);
      if (close < 0) {
        noCloseFrom = Math.min(noCloseFrom, gt + 1);
        continue;
      }
      attrsEnd = gt;
      contentFrom = gt + 1;
      contentTo = close;
      end = close + 4;
    }
    const ref = attrAt(inner, 'r="', attrs, attrsEnd);
    const column = (ref < 0 ? undefined : refColumn(inner, ref, inner.indexOf('"', ref))) ?? next;
    next = column + 1;
    const typeAt = attrAt(inner, 't="', attrs, attrsEnd);
    const type = typeAt < 0 ? "n" : cellType(inner, typeAt, inner.indexOf('"', typeAt));
    let value: CellValue = "";
    let formula = false;
    if (contentFrom >= 0) {
      // The common cell's content is its value alone, <v>…</v>: read in place. Any other is cut out.
      const v = type === "inlineStr" ? undefined : valueAlone(inner, contentFrom, contentTo);
      if (v !== undefined) value = typedValue(type, v, reading.shared);
      else {
        const content = inner.slice(contentFrom, contentTo);
        value = cellValue(type, content, reading.shared);
        formula = content.includes("<f");
      }
    }
    if (reading.dateStyles1904 && typeof value === "number" && typeAt < 0) {
      const style = Number(attrValue(inner, 's="', attrs, attrsEnd) ?? 0);
      if (reading.dateStyles1904.has(style)) value += DAYS_1904;
    }
    cells.push(new ParsedCell(inner, at, end, column, value, formula));
    pos = end;
  }
  return cells;
}

/**
 * A cell as parsed: its markup is cut from the row only when asked for — a row written as read plus
 * its new cells never asks, and a million rows of nine cells would cut nine million texts.
 */
class ParsedCell implements SheetCell {
  constructor(
    private readonly row: string,
    private readonly start: number,
    readonly end: number,
    readonly column: number,
    readonly value: CellValue,
    readonly formula: boolean,
  ) {}

  get xml(): string {
    return this.row.slice(this.start, this.end);
  }
}

/** The text of content that is exactly `<v>text</v>` (text without "<"), between `from` and `to`. */
function valueAlone(row: string, from: number, to: number): string | undefined {
  if (!row.startsWith("<v>", from)) return undefined;
  const lt = row.indexOf("<", from + 3);
  return lt + 4 === to && row.startsWith("</v>", lt) ? row.slice(from + 3, lt) : undefined;
}

/** The text of the first `<open>…</close>` holding no "<" (as `/<v>([^<]*)<\/v>/` finds it). */
function plainElementText(content: string, open: string, close: string): string | undefined {
  for (let at = content.indexOf(open); at >= 0; at = content.indexOf(open, at + 1)) {
    const from = at + open.length;
    const lt = content.indexOf("<", from);
    if (lt >= 0 && content.startsWith(close, lt)) return content.slice(from, lt);
  }
  return undefined;
}

function cellValue(type: string, content: string, shared: readonly string[]): CellValue {
  if (type === "inlineStr") {
    const at = content.indexOf("<is>");
    const end = at < 0 ? -1 : content.indexOf("</is>", at + 4);
    return end < 0 ? "" : stringItemText(content.slice(at + 4, end));
  }
  const v = plainElementText(content, "<v>", "</v>");
  return v === undefined ? "" : typedValue(type, v, shared);
}

/** A `<v>`'s text as the cell's type reads it. */
function typedValue(type: string, v: string, shared: readonly string[]): CellValue {
  switch (type) {
    case "s":
      return shared[Number(v)] ?? "";
    case "b":
      return v === "1" || v === "true";
    case "str":
    case "e":
      return decodeXml(v);
    case "d": {
      // An ISO 8601 date cell (§18.18.11): as the 1900-system serial Excel would hold.
      const ms = Date.parse(v.length <= 10 ? `${v}T00:00:00Z` : v.endsWith("Z") ? v : `${v}Z`);
      return Number.isFinite(ms) ? ms / 86400000 + 25569 : decodeXml(v);
    }
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : decodeXml(v);
    }
  }
}

/** A row's values by sheet column from A ("" for a missing cell). */
export function rowValues(cells: readonly SheetCell[]): CellValue[] {
  const values: CellValue[] = [];
  for (const c of cells) values[c.column] = c.value;
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = "";
  return values;
}

/** A row's number: its r attribute, or the one after the previous row's (§18.3.1.73: r is optional). */
export function rowNumberOf(open: string, previous: number): number {
  // As /\sr="(\d+)"/ finds it, read in place (a register has a million rows).
  for (let at = open.indexOf('r="'); at >= 0; at = open.indexOf('r="', at + 1)) {
    if (at === 0 || !/\s/.test(open.charAt(at - 1))) continue;
    let end = at + 3;
    while (end < open.length && open.charCodeAt(end) >= 0x30 && open.charCodeAt(end) <= 0x39) end += 1;
    if (end > at + 3 && open.charCodeAt(end) === 0x22 /* " */) return Number(open.slice(at + 3, end));
  }
  return previous + 1;
}

/** Whether a row's content holds a value: a non-empty `<v>` or an inline string. */
export function rowHasValue(inner: string): boolean {
  return /<v>[^<]|<is>/.test(inner);
}
