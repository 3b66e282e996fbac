import {
  COLON,
  formatCitation,
  formatNumber,
  quoted,
  type Language,
  type Text,
  type VendorProfile,
} from "../engine";
import type { ImportReport, Source } from "./report";

/**
 * The import's report as text, for the command line: each proposed rule with the article and the
 * sentence it came from, what was not found and what applies instead, the questions, in French (or
 * English with --lang en). The pane shows the same data side by side.
 */

const HEAD = {
  fr: {
    title: "Import des conditions générales",
    text: "Texte",
    characters: "caractères",
    articles: "articles",
    vendor: "Fournisseur proposé",
    proposals: "Règles proposées (article et phrase d'origine)",
    notFound: "Non trouvé — ce qui s'applique à la place",
    unread: "phrases non lues",
    questions: "Questions (le brouillon retient la réponse marquée *)",
    notes: "Remarques",
    preamble: "préambule",
    article: "art.",
  },
  en: {
    title: "Terms-of-sale import",
    text: "Text",
    characters: "characters",
    articles: "articles",
    vendor: "Proposed vendor",
    proposals: "Proposed rules (article and sentence they come from)",
    notFound: "Not found — what applies instead",
    unread: "sentences not read",
    questions: "Questions (the draft holds the answer marked *)",
    notes: "Notes",
    preamble: "preamble",
    article: "art.",
  },
} as const satisfies Record<Language, Record<string, string>>;

const MAX_QUOTE = 300;

function quote(text: string, lang: Language): string {
  return quoted(text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…` : text, lang);
}

function where(s: Source, lang: Language): string {
  const h = HEAD[lang];
  const article = s.article === "" ? h.preamble : `${h.article} ${s.article}`;
  const title = s.title ? ` (${s.title})` : "";
  const part = s.part ? ` — ${s.part}` : "";
  return `${article}${title}${part}`;
}

function sourceLines(sources: readonly Source[], lang: Language, indent: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of sources) {
    const key = `${s.article}\u0000${s.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${indent}${where(s, lang)}${COLON[lang]} ${quote(s.sentence, lang)}`);
  }
  return out;
}

export function renderImportReport(report: ImportReport, profile: VendorProfile, lang: Language): string {
  const h = HEAD[lang];
  const x = (text: Text) => text[lang];
  const lines: string[] = [
    `${h.title}${COLON[lang]} ${quote(report.title, lang)}`,
    `${h.text}${COLON[lang]} ${formatNumber(report.characters, lang)} ${h.characters}, ${report.articles} ${h.articles}.`,
    `${h.vendor}${COLON[lang]} ${profile.id} — ${profile.name} (${profile.legalName})`,
    "",
    h.proposals,
  ];
  for (const p of report.proposals) {
    lines.push(`  • ${x(p.label)}${COLON[lang]} ${x(p.value)}`);
    lines.push(...sourceLines(p.sources, lang, "      "));
  }
  if (report.notFound.length > 0) {
    lines.push("", h.notFound);
    for (const n of report.notFound) {
      const law = n.law.length > 0 ? ` [${n.law.map(formatCitation).join("; ")}]` : "";
      lines.push(`  • ${x(n.label)}${COLON[lang]} ${x(n.instead)}${law}`);
      if (n.unread.length > 0) {
        lines.push(`      ${h.unread}${COLON[lang]}`);
        lines.push(...sourceLines(n.unread, lang, "        "));
      }
    }
  }
  if (report.questions.length > 0) {
    lines.push("", h.questions);
    report.questions.forEach((q, i) => {
      lines.push(`  ${i + 1}. ${x(q.text)}`);
      for (const c of q.choices) lines.push(`     ${c.id === q.chosen ? "*" : "-"} ${x(c.text)}`);
      lines.push(...sourceLines(q.sources, lang, "     "));
    });
  }
  if (report.notes.length > 0) {
    lines.push("", h.notes);
    for (const n of report.notes) lines.push(`  • ${x(n)}`);
  }
  return lines.join("\n");
}
