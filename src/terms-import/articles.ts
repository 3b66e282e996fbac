import { normaliseFrench } from "../engine";
import type { CleanText } from "./clean";

/**
 * The articles of terms of sale, found by their numbering as the text writes it: « Article 7 – Prix »,
 * « ARTICLE 7 - », « 7. Prix », « 7.2.1. Formations », « 8.1 – Conditions de paiement », « Art. 7 : »,
 * « 1. ARTICLE 1 – Dispositions générales », « ANNEXE N°1 – … ». A numbered line is a heading only
 * when its number follows the previous one (7.2 after 7.1, 8 after 7.3): a list « 1. … 2. … » inside
 * an article stays text. A second set of articles numbered from 1 again (conditions particulières
 * after conditions générales, an annex) is a new part. Each article's text is cut into sentences.
 */

export interface Sentence {
  /** As written, spaces collapsed (quoted to the user). */
  readonly text: string;
  /** Its plain form (normaliseFrench), which the extractors match. */
  readonly plain: string;
}

export interface Article {
  /** The number as the text writes it: "7", "7.2.1", "Annexe 3"; "" for what precedes the first article. */
  readonly number: string;
  /** The title, when the heading has one. */
  readonly title: string;
  /** 0 for the first set of articles, 1… for a later set numbered from 1 again or an annex. */
  readonly part: number;
  /** The title of that later set (« Conditions particulières relatives aux services… »). */
  readonly partTitle: string;
  /** The titles of the enclosing articles (7 for 7.2, 7 and 7.2 for 7.2.1), outermost first. */
  readonly parents: readonly string[];
  readonly sentences: readonly Sentence[];
}

export interface ArticleText {
  /** The first line when it names the document (« Conditions générales de vente »). */
  readonly title: string | undefined;
  readonly articles: readonly Article[];
}

/** A sentence longer than this is read in pieces (a line of a flattened table can run on). */
const MAX_SENTENCE = 1500;

const ROMAN = new Map([
  ["i", 1],
  ["ii", 2],
  ["iii", 3],
  ["iv", 4],
  ["v", 5],
  ["vi", 6],
  ["vii", 7],
  ["viii", 8],
  ["ix", 9],
  ["x", 10],
]);

function arabic(n: string): string {
  const lower = n.toLowerCase();
  if (lower === "premier" || lower === "1er" || lower === "ier") return "1";
  return String(ROMAN.get(lower) ?? n);
}

const KEYWORD =
  /^(?:\d{1,2}\.\s*)?(?:article|art\.?)\s+(\d{1,2}(?:\.\d{1,2}){0,3}|premier|1er|ier|[ivx]{1,4})\b\.?\s*(?:[.:)\-–—]\s*)?(.*)$/i;
const ANNEX = /^annexe\s*(?:n\s*°|n°|no\.?|numéro)?\s*(\d{1,2}|[ivx]{1,4})?\s*(?:[.:\-–—]\s*)?(.*)$/i;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\)|\s*[-–—:])?\s+(\S.*)$/;

interface Heading {
  readonly number: string;
  readonly title: string;
  /** Text on the heading's line after the number, when it is not a title (« 21.1 Tout élément fourni… »). */
  readonly body: string;
  readonly keyword: "article" | "annex" | "number";
}

/** A short line that reads as a title: a capital first, no final full stop, not a sentence. */
function titleLike(rest: string): boolean {
  return (
    rest.length <= 150 &&
    /^[«"“(]?\s*[\p{Lu}\d]/u.test(rest) &&
    !/[.;,]$/.test(rest) &&
    !/\s(?:est|sont|doit|doivent|sera|seront|peut|peuvent)\s/.test(rest)
  );
}

function headingOf(line: string): Heading | undefined {
  const k = KEYWORD.exec(line);
  if (k) return { number: arabic(k[1] ?? ""), title: clean(k[2] ?? ""), body: "", keyword: "article" };
  const a = ANNEX.exec(line);
  if (a && /^annexe\b/i.test(line) && line.length <= 150)
    return {
      number: `Annexe ${arabic(a[1] ?? "")}`.trim(),
      title: clean(a[2] ?? ""),
      body: "",
      keyword: "annex",
    };
  const n = NUMBERED.exec(line);
  if (!n) return undefined;
  const [, number = "", , rest = ""] = n;
  // A long "title" may be the clause's first sentence (« 10.2 Le Client s'engage à ce que… »): kept as text too.
  if (titleLike(rest))
    return { number, title: clean(rest), body: rest.split(" ").length > 8 ? rest : "", keyword: "number" };
  // « 21.1 Tout élément fourni par le CLIENT… », « 3.1 Le contrat est conclu… »: a numbered clause without a title.
  if (number.includes(".")) return { number, title: "", body: rest, keyword: "number" };
  return undefined;
}

function clean(title: string): string {
  return title.replace(/\s*:$/, "").trim();
}

const parts = (n: string) => n.split(".").map(Number);

/**
 * Does `next` follow `last` as a numbering goes on (7.2 after 7.1, 7.2.1 after 7.2, 8 after 7.3)? An
 * article with a title may skip numbers (an extract: 3, then 7).
 */
function follows(next: string, last: string | undefined, titled = false): boolean {
  const b = parts(next);
  if (last === undefined) return (b[0] ?? 99) <= 3;
  if (titled && b.length === 1)
    return (b[0] ?? 0) > (parts(last)[0] ?? 0) && (b[0] ?? 0) <= (parts(last)[0] ?? 0) + 20;
  const a = parts(last);
  for (let i = 0; i < b.length; i++) {
    const x = a[i];
    const y = b[i] ?? 0;
    if (x === undefined) return i === a.length && y <= 3; // a child: 7.2 → 7.2.1
    if (y === x) continue;
    return y > x && y <= x + 3; // the next sibling, or a later one (a number skipped)
  }
  return false; // the same number again, or a parent of the last
}

const SENTENCE_END = /([.!?;])\s+(?=[\p{Lu}«"“(•●–—-]|\d{1,2}[.)]\s)/gu;

/** The sentences of a paragraph (lines joined where a line wraps mid-sentence). */
function sentencesOf(paragraph: readonly string[]): Sentence[] {
  const joined: string[] = [];
  for (const line of paragraph) {
    const previous = joined[joined.length - 1];
    const bullet = /^(?:[-•●◦▪*–—]|\(?[a-z]\)|\(?[ivx]{1,4}\)|\d{1,2}[.)]\s)/i.test(line);
    // A line wraps mid-sentence: the previous does not end a sentence, and this one goes on in lower
    // case, or the previous is a full line of a page (a PDF wraps at 60 to 110 characters).
    if (
      previous !== undefined &&
      !bullet &&
      !/[.;:!?»"”]$/.test(previous) &&
      (/^[\p{Ll}\d(«"“]/u.test(line) || previous.length >= 60)
    )
      joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  const out: Sentence[] = [];
  for (const text of joined)
    // At a full stop (or ! ? ;) followed by what starts a sentence; NUL marks the cut (no lookbehind in Safari 14).
    for (const piece of text.replace(SENTENCE_END, "$1\u0000").split("\u0000"))
      for (let at = 0; at < piece.length; at += MAX_SENTENCE) {
        const s = piece.slice(at, at + MAX_SENTENCE).trim();
        if (s !== "") out.push({ text: s, plain: normaliseFrench(s) });
      }
  return out;
}

interface Draft {
  number: string;
  title: string;
  part: number;
  partTitle: string;
  parents: string[];
  paragraphs: string[][];
}

const isCaps = (line: string) =>
  line.length >= 8 && line.length <= 150 && !/\p{Ll}/u.test(line) && /\p{Lu}{3}/u.test(line);

/** The articles of a cleaned text, in order. */
export function findArticles(text: CleanText): ArticleText {
  const drafts: Draft[] = [];
  const first = text.lines.find((l) => l !== "");
  const title =
    first !== undefined && /conditions|cgv|cga|cgu/i.test(first) && !headingOf(first) ? first : undefined;
  let current: Draft = {
    number: "",
    title: title ?? "",
    part: 0,
    partTitle: "",
    parents: [],
    paragraphs: [[]],
  };
  drafts.push(current);
  let last: string | undefined;
  let part = 0;
  let partTitle = "";
  let inAnnex = false;
  let caps: string[] = [];
  const titles = new Map<string, string>(); // number → title, in the current part
  const start = (h: Heading) => {
    const nums = h.number.split(".");
    const parents = nums
      .slice(0, -1)
      .map((_, i) => titles.get(nums.slice(0, i + 1).join(".")) ?? "")
      .filter((t) => t !== "");
    titles.set(h.number, h.title);
    current = {
      number: h.number,
      title: h.title,
      part,
      partTitle,
      parents,
      paragraphs: [h.body === "" ? [] : [h.body]],
    };
    drafts.push(current);
  };
  for (const line of text.lines) {
    if (line === "" && current.number === "" && title !== undefined && current.paragraphs.length === 1)
      continue;
    if (line === title && drafts.length === 1) continue;
    const h = line === "" ? undefined : headingOf(line);
    // « Article 1 » again after later articles, or after an annex: a new set of articles.
    const restart =
      h !== undefined &&
      (h.keyword === "annex" ||
        (h.keyword === "article" &&
          parts(h.number)[0] === 1 &&
          (inAnnex || (last !== undefined && !follows(h.number, last)))));
    if (h && (restart || h.keyword === "article" || follows(h.number, last, h.title !== ""))) {
      if (restart) {
        part += 1;
        inAnnex = h.keyword === "annex";
        partTitle = h.keyword === "annex" ? `${h.number}${h.title ? ` – ${h.title}` : ""}` : caps.join(" ");
        titles.clear();
        last = undefined;
      }
      caps = [];
      if (h.keyword !== "annex") last = h.number;
      start(h);
      continue;
    }
    if (line === "") {
      if ((current.paragraphs[current.paragraphs.length - 1] ?? []).length > 0) current.paragraphs.push([]);
      continue;
    }
    caps = isCaps(line) ? [...caps, line].slice(-3) : [];
    current.paragraphs[current.paragraphs.length - 1]?.push(line);
  }
  const articles = drafts
    .map((d) => ({
      number: d.number,
      title: d.title,
      part: d.part,
      partTitle: d.partTitle,
      parents: d.parents,
      sentences: d.paragraphs.flatMap(sentencesOf),
    }))
    .filter((a) => a.number !== "" || a.sentences.length > 0);
  return { title, articles };
}
