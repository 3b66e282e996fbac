import { columnIndex, type CellValue } from "../cells";
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

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/**
 * The cells of a row's content. A cell without a reference follows the previous one (§18.3.1.4: r
 * is optional). In a 1904 workbook a number styled as a date is given as the 1900-system serial the
 * engine reads (exceljs did the same through Date values).
 */
export function parseCells(inner: string, reading: CellReading): SheetCell[] {
  const cells: SheetCell[] = [];
  let next = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const attrs = m[1] as string;
    const ref = /\br="([A-Z]+)\d*"/.exec(attrs);
    const column = ref ? columnIndex(ref[1] as string) : next;
    next = column + 1;
    const content = m[2];
    let value = cellValue(attrs, content, reading.shared);
    if (reading.dateStyles1904 && typeof value === "number" && !/\bt="/.test(attrs)) {
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      if (reading.dateStyles1904.has(style)) value += DAYS_1904;
    }
    cells.push({ column, xml: m[0], value, formula: content !== undefined && content.includes("<f") });
  }
  return cells;
}

function cellValue(attrs: string, content: string | undefined, shared: readonly string[]): CellValue {
  if (content === undefined) return "";
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? "n";
  if (type === "inlineStr") {
    const is = /<is>([\s\S]*?)<\/is>/.exec(content);
    return is ? stringItemText(is[1] as string) : "";
  }
  const v = /<v>([^<]*)<\/v>/.exec(content)?.[1];
  if (v === undefined) return "";
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
  const r = /\sr="(\d+)"/.exec(open);
  return r ? Number(r[1]) : previous + 1;
}

/** Whether a row's content holds a value: a non-empty `<v>` or an inline string. */
export function rowHasValue(inner: string): boolean {
  return /<v>[^<]|<is>/.test(inner);
}
