import { StringDecoder } from "node:string_decoder";
import type { CellValue } from "../../apply";
import { columnIndex, columnLetters } from "../../cells";

/**
 * SpreadsheetML (ECMA-376 part 1, §18) read and written as text, for the parts the register pass
 * touches: cells of a row, shared strings, inline strings. Only element and attribute shapes the
 * schema allows are matched (cell attributes are r, s, t, cm, vm, ph: never free text).
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character references and entities, then the `_xHHHH_` escapes of ST_Xstring (§22.9.2.19). */
export function decodeXml(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : (ENTITIES[e] as string),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Text for an element or attribute: markup escaped; characters XML 1.0 forbids (control characters)
 * written as ST_Xstring escapes, as Excel does, so a stray one in a message cannot break the file.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(
      // eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic runs (`<rPh>`) left out. */
function stringItemText(inner: string): string {
  const plain = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/.exec(inner);
  if (plain) return decodeXml(plain[1] as string);
  let text = "";
  for (const m of inner
    .replace(/<rPh\b[\s\S]*?<\/rPh>/g, "")
    .matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t\s*\/>/g))
    text += decodeXml(m[1] ?? "");
  return text;
}

/** The shared strings table (sharedStrings.xml), in order. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)) out.push(stringItemText(m[1] ?? ""));
  return out;
}

/** One cell of a row as found in the file: its column, its XML as is, and its value. */
export interface SheetCell {
  /** Zero-based column. */
  readonly column: number;
  readonly xml: string;
  readonly value: CellValue;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/**
 * The cells of a row's content, with their values as Excel's `range.values` gives them: numbers,
 * text (shared, inline or a formula's text result), booleans, error codes as text, "" when empty.
 * A cell without a reference follows the previous one (§18.3.1.4: r is optional).
 */
export function parseCells(inner: string, shared: readonly string[]): SheetCell[] {
  const cells: SheetCell[] = [];
  let next = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const attrs = m[1] as string;
    const ref = /\br="([A-Z]+)\d*"/.exec(attrs);
    const column = ref ? columnIndex(ref[1] as string) : next;
    next = column + 1;
    cells.push({ column, xml: m[0], value: cellValue(attrs, m[2], shared) });
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

/** A cell reference: zero-based column, 1-based row. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * The next `<row>` element of sheet XML from `from`: its start tag and content ("" for `<row …/>`)
 * and where it ends; undefined when there is none, or when it is not all in `text` yet.
 */
export function nextRow(
  text: string,
  from: number,
): { readonly at: number; readonly open: string; readonly inner: string; readonly end: number } | undefined {
  const at = text.indexOf("<row", from);
  if (at < 0) return undefined;
  const openEnd = text.indexOf(">", at);
  if (openEnd < 0) return undefined;
  const open = text.slice(at, openEnd + 1);
  if (open.endsWith("/>")) return { at, open, inner: "", end: openEnd + 1 };
  const close = text.indexOf("</row>", openEnd);
  if (close < 0) return undefined;
  return { at, open, inner: text.slice(openEnd + 1, close), end: close + "</row>".length };
}

/** A row's number: its r attribute, or the one after the previous row's (§18.3.1.73: r is optional). */
export function rowNumberOf(open: string, previous: number): number {
  const r = /\sr="(\d+)"/.exec(open);
  return r ? Number(r[1]) : previous + 1;
}

/**
 * The number of the last row holding a value (a non-empty `<v>` or an inline string), read from the
 * sheet's XML as it inflates: rows after it are formatting only, which the register pass copies as
 * they are without counting them. (A cell whose shared string is empty counts as a value here.)
 */
export async function lastRowWithValues(chunks: AsyncIterable<Buffer>): Promise<number> {
  const decoder = new StringDecoder("utf8");
  let text = "";
  let rowNumber = 0;
  let last = 0;
  for await (const chunk of chunks) {
    text += decoder.write(chunk);
    let pos = 0;
    for (let row = nextRow(text, pos); row; row = nextRow(text, pos)) {
      rowNumber = rowNumberOf(row.open, rowNumber);
      if (/<v>[^<]|<is>/.test(row.inner)) last = rowNumber;
      pos = row.end;
    }
    text = text.slice(pos);
  }
  return last;
}
