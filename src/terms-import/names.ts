import { foldName, normaliseFrench, type ClientType } from "../engine";
import { sentences, sourceOf, titlesOf, type ImportContext, type Located } from "./context";
import { MESSAGES } from "./messages";
import type { Proposal } from "./report";

/**
 * Who the vendor is, as its invoices name it: the company (« la société HORIZON SAAS, société par
 * actions simplifiée »), its brand (« exploitant la marque Sillage.ai »), its product (« la
 * Plateforme OMI », « le logiciel INJENIUS »), or the person behind a brand; and which clients the
 * terms serve (professionals; consumers too when the text gives them a withdrawal right).
 */

export interface NameFindings {
  readonly id: string;
  readonly name: string;
  readonly legalName: string;
  readonly invoiceNames: readonly string[];
  readonly clients: readonly ClientType[];
  readonly proposals: readonly Proposal[];
}

const WORD = String.raw`[\p{Lu}0-9][\p{Lu}0-9&'’.\-]*`;
const COMPANY = new RegExp(
  String.raw`[Ss]oci[ée]t[ée]\s+(${WORD}(?:\s+(?:${WORD}|&|AND|and|Co|et))*)(?=[\s,(;.«]|$)`,
  "u",
);
const DENOMINATION = /D[ée]nomination(?:\s+sociale)?\s*:\s*([^\n;]{2,80})/;
const BRAND = /marque\s*[«"“]?\s*(\p{Lu}[\p{L}\d.-]*(?:\s\p{Lu}[\p{L}\d.-]*){0,2})\s*[»"”]?/u;
const PRODUCT =
  /(?:[Ll]a\s+(?:[Pp]lateforme|[Ss]olution)|[Ll]e\s+(?:[Ll]ogiciel(?:\s+d[’']application)?|[Ss]ervice)|[Ll][’']application(?:\s+web)?)\s+([A-Z][A-Z0-9][\w.-]*)/;
const PERSON = /d[ée]signe\s+([A-Z][a-zéèë]+(?:[ -][A-Z][a-zéèë]+)?\s+[A-Z]{2,}(?:[ -][A-Z]{2,})*)/;
const FORMS: readonly (readonly [RegExp, string])[] = [
  [/soci[ée]t[ée] par actions simplifi[ée]e unipersonnelle|\bSASU\b/i, "SASU"],
  [/soci[ée]t[ée] par actions simplifi[ée]e|\bSAS\b/, "SAS"],
  [/soci[ée]t[ée] [àa] responsabilit[ée] limit[ée]e|\bSARL\b/, "SARL"],
  [/\bEURL\b/, "EURL"],
  [/soci[ée]t[ée] anonyme|\bSA\b/, "SA"],
];
/** Words a capitalised run may begin with that are not a name (« la société CLIENTE »). */
const NOT_NAMES = new Set([
  "CLIENT",
  "CLIENTE",
  "PRESTATAIRE",
  "VENDEUR",
  "FOURNISSEUR",
  "PARTIES",
  "LE",
  "LA",
  "LES",
]);

const CONSUMER =
  /retractation|code de la consommation|consommateurs?(?![a-z])|clients? (?:dits )?particuliers/;
const PRO_ONLY =
  /(?:ne s appliquent pas|ne s applique pas|ne sont pas applicables) aux consommateurs|exclusivement aux (?:clients )?professionnels|uniquement aux (?:clients )?professionnels/;

const IDENTIFYING =
  /identification|presentation|definition|champ d application|dispositions generales|objet|mentions legales|prestataire|editeur|vendeur|societe|preambule/;

/** The text before the first article, the first two articles, and those that say who the vendor is. */
function identifying(at: Located): boolean {
  const first = Number(at.article.number.split(".")[0]);
  return (
    at.article.part === 0 &&
    (at.article.number === "" || first <= 2 || IDENTIFYING.test(titlesOf(at.article, normaliseFrench)))
  );
}

interface Found {
  readonly text: string;
  readonly at: Located;
}

function legalForm(sentence: string, after: number): string | undefined {
  const tail = sentence.slice(after, after + 80);
  return FORMS.find(([re]) => re.test(tail))?.[1];
}

/** The vendor's names, from the first articles (identification, definitions, scope). */
export function extractNames(ctx: ImportContext, fallback: string): NameFindings {
  let company: (Found & { form?: string }) | undefined;
  let brand: Found | undefined;
  let product: (Found & { kind: string }) | undefined;
  let person: Found | undefined;
  let consumer: Located | undefined;
  let proOnly: Located | undefined;
  for (const at of sentences(ctx)) {
    const s = at.sentence.text;
    if (identifying(at)) {
      const c = COMPANY.exec(s) ?? DENOMINATION.exec(s);
      const name = c?.[1]?.trim().replace(/[,.;]$/, "");
      if (!company && c && name && !NOT_NAMES.has(name.split(/\s+/)[0] ?? "")) {
        const form = legalForm(s, c.index + c[0].length);
        company = { text: name, at, ...(form ? { form } : {}) };
      }
      const b = BRAND.exec(s);
      if (!brand && b?.[1]) brand = { text: b[1].replace(/[.,]$/, ""), at };
      const p = PRODUCT.exec(s);
      if (!product && p?.[1] && !NOT_NAMES.has(p[1]))
        product = { text: p[1], kind: p[0].split(/\s+/).slice(0, -1).join(" "), at };
      const who = PERSON.exec(s);
      if (!person && who?.[1]) person = { text: who[1], at };
    }
    if (!proOnly && PRO_ONLY.test(at.sentence.plain)) proOnly = at;
    if (!consumer && CONSUMER.test(at.sentence.plain) && /retractation|particulier/.test(at.sentence.plain))
      consumer = at;
  }
  const name = brand?.text ?? company?.text ?? product?.text ?? person?.text ?? fallback;
  const legalName = company
    ? `${company.text}${company.form && !company.text.endsWith(company.form) ? ` ${company.form}` : ""}`
    : name;
  const productName = product
    ? /plateforme/i.test(product.kind)
      ? `Plateforme ${product.text}`
      : product.text
    : undefined;
  const candidates = [company?.text, legalName, brand?.text, productName, person?.text].filter(
    (n): n is string => n !== undefined,
  );
  const invoiceNames: string[] = [];
  for (const n of candidates)
    if (!invoiceNames.some((x) => foldName(x) === foldName(n))) invoiceNames.push(n);
  const clients: ClientType[] = consumer && !proOnly ? ["pro", "consumer"] : ["pro"];
  const proposals: Proposal[] = [];
  const sources = [company, brand, product, person]
    .filter((f): f is Found => f !== undefined)
    .map((f) => sourceOf(f.at));
  proposals.push(MESSAGES.namesProposal(name, legalName, invoiceNames, sources));
  proposals.push(
    MESSAGES.clientsProposal(
      clients,
      consumer && !proOnly ? [sourceOf(consumer)] : proOnly ? [sourceOf(proOnly)] : [],
    ),
  );
  return { id: idFrom(name), name, legalName, invoiceNames, clients, proposals };
}

/** "Sillage.ai" → "sillage-ai": lower-case letters, digits and dashes, starting with a letter. */
export function idFrom(name: string): string {
  const slug = foldName(name)
    .replace(/ /g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug === "" ? "fournisseur" : slug;
}
