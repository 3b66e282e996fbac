/** Every user-facing sentence exists in English and French. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

export type Language = keyof Text;

export function t(en: string, fr: string): Text {
  return { en, fr };
}

/** A clause citation: a vendor document and article, or a legal text and article. */
export interface Citation {
  readonly document: string;
  readonly article: string;
}

export function cite(document: string, article: string): Citation {
  return { document, article };
}

export function formatCitation(c: Citation): string {
  return `${c.document} ${/^(art|annexe|cpv)/i.test(c.article) ? "" : "art. "}${c.article}`.trim();
}

export const LAW = {
  commerce: "Code de commerce",
  civil: "Code civil",
  consommation: "Code de la consommation",
  monetaire: "Code monétaire et financier",
  travail: "Code du travail",
} as const;
