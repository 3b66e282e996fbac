/**
 * Terms of sale as they arrive: pasted from a PDF or a web page, or read from a file. Before the
 * articles are found, the text is cleaned of what the page layout left in it — page numbers, the
 * header and footer repeated on every page, words cut by a hyphen at the end of a line, ligatures,
 * soft hyphens, no-break spaces — and of a text pasted several times over (the OMI seed holds its
 * terms six times). One pass per step, linear in the text.
 */

export interface CleanText {
  /** The lines kept, trimmed, in order (a blank line separates paragraphs). */
  readonly lines: readonly string[];
  /** How many times the whole text was repeated (1: once). */
  readonly copies: number;
  /** Lines dropped as page furniture (page numbers, running headers and footers). */
  readonly furniture: number;
}

/** « Page 3 », « 3/12 », « - 3 - », « Page 3 sur 12 », a lone number. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s*)?\d{1,3}(?:\s*(?:\/|sur|of)\s*\d{1,3})?(?:\s*[-–—])?$/i;
/** A running header or footer naming the page: « CGV ACME – version 2025 – page 3 ». */
const PAGE_LINE = /\bpage\s+\d{1,3}(?:\s*(?:\/|sur|of)\s*\d{1,3})?\b/i;
const PAGE_BREAK = "\f";

function normaliseCharacters(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00ad/g, "") // soft hyphens
    .replace(/[\ufb00-\ufb06]/g, (c) => c.normalize("NFKC")) // ﬁ ﬂ ﬀ ﬃ ﬄ
    .replace(/[\u00a0\u202f\u2007\u2009\u200a\t]/g, " ")
    .replace(/\u200b|\u200c|\u200d|\u2060/g, "") // zero-width spaces and joiners
    .replace(/\f/g, `\n${PAGE_BREAK}\n`);
}

/**
 * The text once, when it is the same text pasted several times over: the first line comes back
 * at line p and every line from there repeats the line p earlier.
 */
function once(lines: readonly string[]): { lines: readonly string[]; copies: number } {
  const kept = lines.map((l, i) => [l, i] as const).filter(([l]) => l !== "" && l !== PAGE_BREAK);
  const first = kept[0]?.[0];
  if (first === undefined) return { lines, copies: 1 };
  const period = kept.findIndex(([l], i) => i > 0 && l === first);
  if (period <= 0 || period * 2 > kept.length) return { lines, copies: 1 };
  for (let i = period; i < kept.length; i++)
    if (kept[i]?.[0] !== kept[i - period]?.[0]) return { lines, copies: 1 };
  const end = kept[period]?.[1] ?? lines.length;
  return { lines: lines.slice(0, end), copies: Math.ceil(kept.length / period) };
}

/**
 * Page numbers, and the short lines repeated on several pages next to a page break: the running
 * header and footer. A line repeated elsewhere (the same bullet in two articles) stays.
 */
function withoutFurniture(lines: readonly string[]): { lines: string[]; furniture: number } {
  const isPageMark = (l: string | undefined) => l === PAGE_BREAK || (l !== undefined && PAGE_NUMBER.test(l));
  const nearPage = new Map<string, number>();
  lines.forEach((l, i) => {
    if (l === "" || l.length > 100 || isPageMark(l)) return;
    // Within two lines of a page mark, blank lines skipped.
    const around = [lines[i - 1], lines[i - 2], lines[i + 1], lines[i + 2]];
    if (around.some(isPageMark)) nearPage.set(l, (nearPage.get(l) ?? 0) + 1);
  });
  let furniture = 0;
  const out: string[] = [];
  for (const l of lines) {
    const drop = isPageMark(l) || PAGE_LINE.test(l) || (nearPage.get(l) ?? 0) >= 2;
    if (drop) {
      if (l !== PAGE_BREAK) furniture += 1;
      continue;
    }
    out.push(l);
  }
  return { lines: out, furniture };
}

/** « paie-\nment » → « paiement »: a word cut at the end of a line, continued in lower case. */
function joinHyphenated(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /\p{Ll}-$/u.test(previous) && /^\p{Ll}/u.test(line)) {
      const [word = "", ...rest] = line.split(" ");
      out[out.length - 1] = `${previous.slice(0, -1)}${word}`;
      if (rest.length > 0) out.push(rest.join(" "));
      continue;
    }
    out.push(line);
  }
  return out;
}

export function cleanTermsText(text: string): CleanText {
  const raw = normaliseCharacters(text)
    .split("\n")
    .map((l) => l.replace(/ {2,}/g, " ").trim());
  const repeated = once(raw);
  const { lines, furniture } = withoutFurniture(repeated.lines);
  return { lines: joinHyphenated(lines), copies: repeated.copies, furniture };
}
