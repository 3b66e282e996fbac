import { columnIndex, columnLetters } from "../cells";
import { attr } from "./xml";

/**
 * The parts of a worksheet around its rows (CT_Worksheet, §18.3.1.99): the head before `<sheetData>`
 * (sheet properties, dimension, column definitions) and the tail after it (protection, filters,
 * merges, conditional formats, page setup, drawings…), read as their top-level elements so that what
 * a copy adds goes where the schema puts it, and an `<extLst>` inside a rule is not taken for the
 * worksheet's own.
 */

/** CT_Worksheet's children after <sheetData>, in schema order. */
const TAIL_ORDER = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const RANK = new Map(TAIL_ORDER.map((name, i) => [name, i]));

/**
 * A tag with its attributes read quote-aware (a ">" is legal inside an attribute value), or a
 * comment, CDATA section or processing instruction, which are passed over (no name captured).
 */
const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

interface TailElement {
  /** Local name ("mergeCells"); for mc:AlternateContent, the element it wraps ("controls"). */
  readonly local: string;
  readonly xml: string;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** The worksheet's tail as its top-level elements, editable in schema order. */
export class WorksheetTail {
  private readonly elements: TailElement[] = [];
  /** `</worksheet>` and anything after it. */
  private readonly end: string;

  constructor(tail: string) {
    let depth = 0;
    let start = 0;
    let current: string | undefined;
    let endAt = tail.length;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(tail); m; m = TAG.exec(tail)) {
      const [whole, closing, name, , selfClosing] = m;
      if (name === undefined) continue;
      const local = localName(name);
      if (closing) {
        if (depth === 0) {
          endAt = m.index;
          break;
        }
        depth -= 1;
        if (depth === 0 && current !== undefined) {
          const xml = tail.slice(start, m.index + whole.length);
          this.elements.push({ local: current === "AlternateContent" ? wrapped(xml) : current, xml });
          start = m.index + whole.length;
          current = undefined;
        }
        continue;
      }
      if (depth === 0) {
        if (selfClosing) {
          this.elements.push({ local, xml: tail.slice(start, m.index + whole.length) });
          start = m.index + whole.length;
          continue;
        }
        current = local;
      }
      if (!selfClosing) depth += 1;
    }
    // Text between the last element and </worksheet> stays before it.
    this.end = tail.slice(Math.min(start, endAt));
  }

  find(local: string): string | undefined {
    return this.elements.find((e) => e.local === local)?.xml;
  }

  findAll(local: string): string[] {
    return this.elements.filter((e) => e.local === local).map((e) => e.xml);
  }

  /** Adds an element after the last one that comes before it in the schema. */
  insert(local: string, xml: string): void {
    const rank = RANK.get(local) ?? TAIL_ORDER.length;
    const at = this.elements.findIndex((e) => (RANK.get(e.local) ?? -1) > rank);
    this.elements.splice(at < 0 ? this.elements.length : at, 0, { local, xml });
  }

  /** Replaces the first element of that name (or inserts it). */
  set(local: string, xml: string): void {
    const at = this.elements.findIndex((e) => e.local === local);
    if (at >= 0) this.elements[at] = { local, xml };
    else this.insert(local, xml);
  }

  remove(keep: (local: string, xml: string) => boolean): void {
    for (let i = this.elements.length - 1; i >= 0; i--) {
      const e = this.elements[i] as TailElement;
      if (!keep(e.local, e.xml)) this.elements.splice(i, 1);
    }
  }

  render(): string {
    return this.texts().join("");
  }

  /** The tail's text in order, piece by piece (a long tail is written without joining it). */
  texts(): string[] {
    return [...this.elements.map((e) => e.xml), this.end];
  }
}

/** The element an mc:AlternateContent wraps (Excel wraps <controls> and <oleObjects>). */
function wrapped(xml: string): string {
  const m = /<(?:[\w.-]+:)?(controls|oleObjects|drawing|legacyDrawing|picture)\b/.exec(xml.slice(1));
  return m ? (m[1] as string) : "AlternateContent";
}

/** What a register sheet holds besides its cells, read from its tail. */
export interface TailFeatures {
  readonly protected: boolean;
  /** Merged ranges, e.g. "B2:B3". */
  readonly merges: readonly string[];
  readonly autoFilter: boolean;
}

export function tailFeatures(tail: WorksheetTail): TailFeatures {
  const protection = tail.find("sheetProtection");
  const merges = tail
    .findAll("mergeCells")
    .flatMap((xml) =>
      [...xml.matchAll(/<(?:[\w.-]+:)?mergeCell\b([^>]*?)\/?>/g)].map(
        (m) => attr(m[1] as string, "ref") ?? "",
      ),
    )
    .filter((r) => r !== "");
  return {
    // <sheetProtection sheet="1" …/>: the sheet attribute defaults to false (§18.3.1.85).
    protected: protection !== undefined && /\bsheet="(?:1|true)"/.test(protection),
    merges,
    autoFilter: tail.find("autoFilter") !== undefined,
  };
}

/** A range "B2:D9" (or "B2") as zero-based row and column bounds. */
export function rangeBounds(ref: string): { r1: number; c1: number; r2: number; c2: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const c1 = columnIndex(m[1] as string);
  const r1 = Number(m[2]) - 1;
  return { r1, c1, r2: m[4] ? Number(m[4]) - 1 : r1, c2: m[3] ? columnIndex(m[3]) : c1 };
}

/** The column definitions with widths for the new columns (1-based `min`), other ranges split around them. */
export function colsWithWidths(existing: string | undefined, widths: ReadonlyMap<number, number>): string {
  const ranges: { min: number; max: number; attrs: string }[] = [];
  const taken = [...widths.keys()].sort((a, b) => a - b);
  for (const m of (existing ?? "").matchAll(/<col\b([^>]*?)\/?>/g)) {
    const raw = m[1] as string;
    const attrs = raw.replace(/\s+(?:min|max)="[^"]*"/g, "");
    const min = Number(/\smin="(\d+)"/.exec(` ${raw}`)?.[1]);
    const max = Number(/\smax="(\d+)"/.exec(` ${raw}`)?.[1]);
    if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
    // A range covering new columns (often "every column to the end, hidden") is split around them.
    let from = min;
    for (const c of taken) {
      if (c < from || c > max) continue;
      if (c > from) ranges.push({ min: from, max: c - 1, attrs });
      from = c + 1;
    }
    if (from <= max) ranges.push({ min: from, max, attrs });
  }
  for (const [column, width] of widths)
    ranges.push({ min: column, max: column, attrs: ` width="${width}" customWidth="1"` });
  ranges.sort((a, b) => a.min - b.min);
  return `<cols>${ranges.map((r) => `<col min="${r.min}" max="${r.max}"${r.attrs}/>`).join("")}</cols>`;
}

/** A change to a text: `text` in place of `[at, end)` (an insertion when end = at). */
interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The worksheet's head (before its rows) with the dimension widened to the written cells, the new
 * columns' widths, and the sheet set to print on one page wide (pageSetUpPr fitToPage, §18.3.1.65).
 * Given as pieces: the head's own text between the edits is sliced, never copied, so a long head (a
 * run of whitespace) costs no more than itself.
 */
export function headWithEdits(
  head: string,
  edits: {
    readonly lastColumn: number;
    readonly widths: ReadonlyMap<number, number>;
    readonly fitToPage: boolean;
  },
): string[] {
  const changes: Edit[] = [];
  const dimension = /<dimension\b([^>]*?)ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(head);
  if (dimension) {
    const [whole, a, c1, r1, c2, r2] = dimension as unknown as [
      string,
      string,
      string,
      string,
      string?,
      string?,
    ];
    const end = Math.max(columnIndex(c2 ?? c1), edits.lastColumn);
    changes.push({
      at: dimension.index,
      end: dimension.index + whole.length,
      text: `<dimension${a}ref="${c1}${r1}:${columnLetters(end)}${r2 ?? r1}"`,
    });
  }
  if (edits.widths.size > 0) {
    const existing = /<cols>([\s\S]*?)<\/cols>|<cols\s*\/>/.exec(head);
    const cols = colsWithWidths(existing?.[1], edits.widths);
    // <cols> comes right before <sheetData> (CT_Worksheet).
    const sheetData = /<sheetData\b/.exec(head);
    if (existing) changes.push({ at: existing.index, end: existing.index + existing[0].length, text: cols });
    else if (sheetData) changes.push({ at: sheetData.index, end: sheetData.index, text: cols });
  }
  if (edits.fitToPage) {
    const change = fitToPageEdit(head);
    if (change) changes.push(change);
  }
  // In text order; an insertion before a replacement starting at the same place (the sheetPr put
  // right after <worksheet …>, where <dimension> begins).
  changes.sort((x, y) => x.at - y.at || x.end - x.at - (y.end - y.at));
  const pieces: string[] = [];
  let from = 0;
  for (const c of changes) {
    if (c.at < from) continue; // overlapping (a malformed head): the first edit stands
    pieces.push(head.slice(from, c.at), c.text);
    from = c.end;
  }
  pieces.push(head.slice(from));
  return pieces.filter((p) => p !== "");
}

/** CT_SheetPr's children: tabColor, outlinePr, pageSetUpPr (in that order). */
function fitToPageEdit(head: string): Edit | undefined {
  const pageSetUpPr = /<pageSetUpPr\b([^>]*?)\/>/.exec(head);
  if (pageSetUpPr) {
    const attrs = (pageSetUpPr[1] as string).replace(/\s+fitToPage="[^"]*"/, "");
    return {
      at: pageSetUpPr.index,
      end: pageSetUpPr.index + pageSetUpPr[0].length,
      text: `<pageSetUpPr${attrs} fitToPage="1"/>`,
    };
  }
  const sheetPr = /<sheetPr\b[^>]*?(\/?)>/.exec(head);
  if (!sheetPr) {
    const root = /<worksheet\b[^>]*>/.exec(head);
    if (!root) return undefined;
    const at = root.index + root[0].length;
    return { at, end: at, text: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' };
  }
  if (sheetPr[1] === "/")
    return {
      at: sheetPr.index,
      end: sheetPr.index + sheetPr[0].length,
      text: `${sheetPr[0].slice(0, -2)}><pageSetUpPr fitToPage="1"/></sheetPr>`,
    };
  const close = head.indexOf("</sheetPr>", sheetPr.index);
  return close < 0 ? undefined : { at: close, end: close, text: '<pageSetUpPr fitToPage="1"/>' };
}

/**
 * The page setup: landscape, one page wide, as many pages high as needed (the user's other settings
 * kept). Without a paperSize the file format means Letter (ECMA-376 §18.3.1.63, default 1), which
 * LibreOffice prints: A4 then, as the pane sets it, unless the sheet already chose its paper.
 */
export function pageSetupXml(existing: string | undefined): string {
  const attrs = (existing ? (/<pageSetup\b([^>]*?)\/?>/.exec(existing)?.[1] ?? "") : "").replace(
    /\s+(?:orientation|fitToWidth|fitToHeight)="[^"]*"/g,
    "",
  );
  const paper = /\spaperSize="/.test(attrs) ? "" : ' paperSize="9"';
  return `<pageSetup${attrs}${paper} orientation="landscape" fitToWidth="1" fitToHeight="0"/>`;
}
