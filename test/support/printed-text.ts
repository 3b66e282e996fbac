/**
 * What a printed sheet's text must be: every cell's text whole, no text box over another. The
 * printed side is pdf.js's text items (one per run of text LibreOffice drew; pdf.js glues runs that
 * touch, and inserts a space where they nearly do); the expected side is each cell's text as the
 * sheet displays it (`printedCells`, src: test/support/printed-cells.ts).
 *
 * Three checks, each a list of problems (empty when the print is right):
 *  - `foreignItems`: every text item is a whole-word piece of one cell's text (a wrapped cell prints
 *    line by line). An item that is not — « ☒ Délais contractue » (a cell cut by the next one),
 *    « 0 jour (indicatif) 1 à 30 jours » (two cells' texts less than 0.6 em apart, which pdf.js
 *    reads as one run of text: a text that reaches the next cell's), « ### » (a number too wide for
 *    its column) — is text cut or run together. One pair is let through: a number or date (right-
 *    aligned, whole) followed by the text of the next column (left-aligned) — « 0,00 € Payée à
 *    temps » — the gap every spreadsheet prints between the two; each is still whole.
 *  - `missingCells`: every cell's text was printed whole: a one-line cell as an item of exactly its
 *    text (as many times as cells hold it); a wrapped cell's words all on the page.
 *  - `overlappingItems`: no two text boxes cover each other (a wrapped cell's lines running over the
 *    next row's text, text drawn over text).
 */

/** A text item as pdf.js gives it, in PDF units (points, origin bottom left). */
export interface PrintedItem {
  readonly page: number;
  readonly str: string;
  /** Baseline start. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font's size on the page. */
  readonly height: number;
}

/** A cell as the sheet shows it. */
export interface ExpectedCell {
  /** A1 address, for messages. */
  readonly address: string;
  readonly text: string;
  readonly wraps: boolean;
  /** A number or date shown right-aligned (Excel's and Calc's default for numbers). */
  readonly rightAligned: boolean;
}

/** One space for every run of blanks (no-break, narrow no-break, tabs, line breaks), trimmed. */
export function normalized(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f\u2007\u2009]+/g, " ")
    .replace(/\u2212/g, "-")
    .trim();
}

/** Where a piece of text may start or end inside a cell's text: at a blank, or after a hyphen or slash. */
function boundaryBefore(text: string, at: number): boolean {
  return at === 0 || text[at - 1] === " " || text[at - 1] === "-" || text[at - 1] === "/";
}
function boundaryAfter(text: string, at: number): boolean {
  return at === text.length || text[at] === " " || text[at - 1] === "-" || text[at - 1] === "/";
}

/** True when `piece` occurs in `text` starting and ending on word boundaries. */
export function isWholeWordPiece(piece: string, text: string): boolean {
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1))
    if (boundaryBefore(text, at) && boundaryAfter(text, at + piece.length)) return true;
  return false;
}

const printable = (items: readonly PrintedItem[]): PrintedItem[] =>
  items.filter((i) => normalized(i.str) !== "");

/**
 * How the printed items split into cells' texts: each item as it is when it is a whole-word piece of
 * a cell's text; a right-aligned number's whole text, a space, then a piece of a text cell, as those
 * two (see above); anything else is `foreign` — cut text, or two cells' texts run together.
 */
function splitItems(
  items: readonly PrintedItem[],
  cells: readonly ExpectedCell[],
): { pieces: string[]; foreign: string[] } {
  const texts = [...new Set(cells.filter((c) => !c.rightAligned).map((c) => normalized(c.text)))];
  const numbers = new Set(cells.filter((c) => c.rightAligned).map((c) => normalized(c.text)));
  const isTextPiece = (s: string): boolean => texts.some((t) => isWholeWordPiece(s, t));
  const numberThenText = (s: string): [string, string] | undefined => {
    for (let at = s.indexOf(" "); at >= 0; at = s.indexOf(" ", at + 1)) {
      const [number, text] = [s.slice(0, at), s.slice(at + 1)];
      if (numbers.has(number) && isTextPiece(text)) return [number, text];
    }
    return undefined;
  };
  const pieces: string[] = [];
  const foreign: string[] = [];
  for (const item of printable(items)) {
    const s = normalized(item.str);
    const pair = numbers.has(s) || isTextPiece(s) ? undefined : numberThenText(s);
    if (numbers.has(s) || isTextPiece(s)) pieces.push(s);
    else if (pair) pieces.push(...pair);
    else foreign.push(s);
  }
  return { pieces, foreign };
}

/** Items that are no cell's text: cut, or run into the next cell's text. */
export function foreignItems(items: readonly PrintedItem[], cells: readonly ExpectedCell[]): string[] {
  return splitItems(items, cells).foreign.map(
    (s) => `« ${s} » is not the whole text of a cell (cut, or run into the next cell's)`,
  );
}

/** A text's words as a wrapped line may break it: at spaces, and after a hyphen (« Alsace-|Moselle »), as Excel and LibreOffice do. */
const wordsOf = (text: string): string[] => text.split(/ |(?<=-)(?=[^ ])/);

/** Cells whose text is not printed whole (see the module comment). */
export function missingCells(items: readonly PrintedItem[], cells: readonly ExpectedCell[]): string[] {
  const printed = splitItems(items, cells).pieces;
  const itemCount = new Map<string, number>();
  for (const s of printed) itemCount.set(s, (itemCount.get(s) ?? 0) + 1);
  const words = new Map<string, number>();
  for (const s of printed) for (const w of wordsOf(s)) words.set(w, (words.get(w) ?? 0) + 1);

  const problems: string[] = [];
  const oneLine = new Map<string, ExpectedCell[]>();
  const wordsNeeded = new Map<string, number>();
  for (const cell of cells) {
    const text = normalized(cell.text);
    if (text === "") continue;
    if (cell.wraps) for (const w of wordsOf(text)) wordsNeeded.set(w, (wordsNeeded.get(w) ?? 0) + 1);
    else oneLine.set(text, [...(oneLine.get(text) ?? []), cell]);
  }
  for (const [text, holders] of oneLine) {
    const found = itemCount.get(text) ?? 0;
    if (found < holders.length)
      problems.push(
        `« ${text} » (${holders
          .slice(0, 5)
          .map((c) => c.address)
          .join(
            ", ",
          )}${holders.length > 5 ? "…" : ""}) printed whole ${found} time(s), held by ${holders.length} cell(s)`,
      );
  }
  // Words of one-line cells are on the page too: count them out before asking for the wrapped ones'.
  for (const [text, holders] of oneLine)
    for (const w of wordsOf(text)) words.set(w, (words.get(w) ?? 0) - holders.length);
  for (const [word, needed] of wordsNeeded) {
    const found = words.get(word) ?? 0;
    if (found < needed)
      problems.push(`the word « ${word} » of wrapped cells printed ${found} of ${needed} time(s)`);
  }
  return problems;
}

/** The box a text item's glyphs cover: from a descender below the baseline to the cap height. */
function box(i: PrintedItem): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: i.x, x1: i.x + i.width, y0: i.y - 0.22 * i.height, y1: i.y + 0.78 * i.height };
}

/**
 * Pairs of items on the same page whose boxes cover each other by more than a hair (a fifth of a
 * point across, a fifth of the smaller font's height up and down).
 */
export function overlappingItems(items: readonly PrintedItem[]): string[] {
  const sorted = printable(items).sort((a, b) => a.page - b.page || a.x - b.x);
  const problems: string[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k] as PrintedItem;
    const A = box(a);
    for (let j = k + 1; j < sorted.length; j++) {
      const b = sorted[j] as PrintedItem;
      if (b.page !== a.page || b.x >= A.x1 - 0.2) break;
      const B = box(b);
      const across = Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0);
      const upDown = Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0);
      if (across > 0.2 && upDown > 0.2 * Math.min(a.height, b.height))
        problems.push(`page ${a.page}: « ${normalized(a.str)} » and « ${normalized(b.str)} » overlap`);
    }
  }
  return problems;
}

/** All three checks' problems for one printed sheet. */
export function printProblems(items: readonly PrintedItem[], cells: readonly ExpectedCell[]): string[] {
  return [...foreignItems(items, cells), ...missingCells(items, cells), ...overlappingItems(items)];
}
