import type { Citation } from "../engine";
import type { Article, Sentence } from "./articles";
import type { Source } from "./report";

/**
 * The articles as the extractors walk them: each sentence with its article, and the citations and
 * sources the proposals carry.
 */

export interface Located {
  readonly article: Article;
  readonly index: number;
  readonly sentence: Sentence;
  /** The sentence before, in the same part (the last of the previous article for a first sentence). */
  readonly before: Located | undefined;
}

export interface ImportContext {
  readonly articles: readonly Article[];
  /** Short name of the document in citations: "ACME CGV". */
  readonly short: string;
}

/** Every sentence in text order, with its article. */
/** Every sentence in text order, with its article (worked out once per context). */
export function sentences(ctx: ImportContext): readonly Located[] {
  let list = LOCATED.get(ctx);
  if (list) return list;
  list = [];
  let before: Located | undefined;
  for (const article of ctx.articles)
    article.sentences.forEach((sentence, index) => {
      const at: Located = {
        article,
        index,
        sentence,
        before: before?.article.part === article.part ? before : undefined,
      };
      (list as Located[]).push(at);
      before = at;
    });
  LOCATED.set(ctx, list);
  return list;
}

const LOCATED = new WeakMap<ImportContext, readonly Located[]>();

/** The sentence before, in the same article, or the last of the article before (« 3.1 … 3.2 Elles sont payables… »). */
export function previous(at: Located): Located | undefined {
  return at.before;
}

export function sourceOf(at: Located): Source {
  return {
    article: at.article.number,
    title: at.article.title,
    part: at.article.part > 0 ? at.article.partTitle : "",
    sentence: at.sentence.text,
  };
}

/** "Injenius CG – Conditions particulières relatives aux services…" for an article of a later part. */
function documentOf(ctx: ImportContext, article: Article): string {
  if (article.part === 0 || article.number.startsWith("Annexe")) return ctx.short;
  const title = article.partTitle.toLowerCase().replace(/^./, (c) => c.toUpperCase());
  return `${ctx.short} – ${title.length > 60 ? `${title.slice(0, 59).trim()}…` : title}`;
}

export function citationOf(ctx: ImportContext, at: Located | Article): Citation {
  const article = "article" in at ? at.article : at;
  return {
    document: documentOf(ctx, article),
    article: article.number === "" ? "préambule" : article.number,
  };
}

const TITLES = new WeakMap<Article, string>();

/** Titles of the article and those enclosing it, and of its part, in plain form (worked out once per article). */
export function titlesOf(article: Article, plain: (s: string) => string): string {
  let titles = TITLES.get(article);
  if (titles === undefined) {
    titles = [article.title, ...article.parents, article.partTitle].map(plain).join(" | ");
    TITLES.set(article, titles);
  }
  return titles;
}

/** Citations without repeats, in order. */
export function uniqueCitations(list: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.document}\u0000${c.article}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "10.00" → "10", "1.50" → "1.5": the decimal text a profile holds. */
export function decimalText(s: string | undefined): string {
  const [whole = "0", fraction = ""] = (s ?? "0").split(".");
  const f = fraction.replace(/0+$/, "");
  return f === "" ? whole : `${whole}.${f}`;
}
