import { strFromU8, strToU8 } from "fflate";
import type { Text } from "../engine";
import {
  INVOICE_PLACEHOLDERS,
  INVOICE_TABLE_PLACEHOLDER,
  LETTER_PLACEHOLDERS,
  type Fields,
  type Letter,
} from "../recovery";
import { TEMPLATE_TEXT } from "./messages";
import { TEXT_WIDTH } from "./page";
import { gatherPlaceholders, paragraphTexts, PLACEHOLDER } from "./placeholders";
import { openTemplatePackage, zipPackage, type TemplatePackage } from "./template-package";
import { escapeXml, tableXml } from "./wordml";

/**
 * A user's own letter template: a .docx with placeholders that replace the built-in text.
 *
 * Syntax (docs/recovery.md#letter-templates): `{{name}}`, double braces, spaces inside allowed, case
 * ignored. Letter placeholders: `{{client}}`, `{{adresse_client}}`, `{{total}}`, `{{date_limite}}`…
 * (LETTER_PLACEHOLDERS). The invoices, either way:
 * - `{{factures}}` alone in a paragraph: replaced by the invoice table the built-in letter prints;
 * - a table row holding `{{facture.numero}}`, `{{facture.montant}}`… (INVOICE_PLACEHOLDERS): the row is
 *   repeated once per invoice, in the template's own table and style.
 * A template must name the client, the total and the invoices; an unknown placeholder (a typo) is
 * refused with the list of known ones, so no letter goes out with « {{clien}} » in it. Checked whole
 * before any letter is written: nothing is written half-way.
 */

const REQUIRED = ["client", "total"] as const;
const KNOWN: ReadonlySet<string> = new Set<string>([
  ...LETTER_PLACEHOLDERS,
  ...INVOICE_PLACEHOLDERS,
  INVOICE_TABLE_PLACEHOLDER,
]);

export interface LetterTemplate {
  readonly name: string;
  readonly pkg: TemplatePackage;
  /** The text parts with their placeholders gathered, as XML text. */
  readonly xml: ReadonlyMap<string, string>;
  /** The width between the margins of the template's page, in twips (for `{{factures}}`). */
  readonly textWidth: number;
}

export type TemplateReading =
  { readonly ok: true; readonly template: LetterTemplate } | { readonly ok: false; readonly error: Text };

const fold = (name: string) => name.trim().toLowerCase();

function pageTextWidth(xml: string): number {
  const width = Number(/<w:pgSz\b[^>]*\bw:w="(\d+)"/.exec(xml)?.[1]);
  const left = Number(/<w:pgMar\b[^>]*\bw:left="(\d+)"/.exec(xml)?.[1]);
  const right = Number(/<w:pgMar\b[^>]*\bw:right="(\d+)"/.exec(xml)?.[1]);
  const text = width - left - right;
  return Number.isFinite(text) && text > 2000 && text < 30000 ? text : TEXT_WIDTH;
}

/** The start of the innermost element `tag` (`w:tr`, `w:p`) enclosing `at`, and the end of it. */
function enclosing(xml: string, at: number, tag: string): { start: number; end: number } | undefined {
  const open = new RegExp(`<${tag}(?=[\\s>])`, "g");
  let start = -1;
  for (const m of xml.slice(0, at).matchAll(open)) start = m.index ?? -1;
  if (start < 0) return undefined;
  const close = xml.indexOf(`</${tag}>`, at);
  if (close < 0) return undefined;
  // The element must still be open at `at`: no closing tag of it between its start and `at`.
  if (xml.lastIndexOf(`</${tag}>`, at) > start) return undefined;
  return { start, end: close + tag.length + 3 };
}

/** Checks the placeholders of every text part; the first problem found, or undefined. */
function checkPlaceholders(name: string, xml: ReadonlyMap<string, string>): Text | undefined {
  const seen = new Set<string>();
  const unknown = new Set<string>();
  for (const [, part] of xml) {
    for (const text of paragraphTexts(part)) {
      const stripped = text.replace(PLACEHOLDER, "");
      const open = stripped.indexOf("{{");
      if (open >= 0) return TEMPLATE_TEXT.unclosed(name, stripped.slice(open, open + 30));
      for (const m of text.matchAll(PLACEHOLDER)) {
        const key = fold(m[1] as string);
        if (!KNOWN.has(key)) unknown.add(m[1] as string);
        seen.add(key);
        if (key === INVOICE_TABLE_PLACEHOLDER && text.trim() !== m[0])
          return TEMPLATE_TEXT.tableNotAlone(name);
      }
    }
    for (const m of part.matchAll(PLACEHOLDER)) {
      const key = fold(m[1] as string);
      if (key.startsWith("facture.") && !enclosing(part, m.index ?? 0, "w:tr"))
        return TEMPLATE_TEXT.invoiceOutsideRow(name, key);
    }
  }
  if (unknown.size > 0) return TEMPLATE_TEXT.unknown(name, [...unknown], [...KNOWN]);
  const missing: string[] = REQUIRED.filter((r) => !seen.has(r)).map((r) => `{{${r}}}`);
  if (!seen.has(INVOICE_TABLE_PLACEHOLDER) && !seen.has("facture.numero")) missing.push("{{factures}}");
  return missing.length > 0 ? TEMPLATE_TEXT.missing(name, missing) : undefined;
}

/** Opens and checks a template. Never throws: a template that cannot serve says why. */
export function readTemplate(bytes: unknown, name = "modèle.docx"): TemplateReading {
  const opened = openTemplatePackage(bytes, name);
  if (!opened.ok) return opened;
  const xml = new Map<string, string>();
  for (const part of opened.pkg.textParts) {
    const text = strFromU8(opened.pkg.parts.get(part) as Uint8Array);
    if (/<!DOCTYPE/i.test(text)) return { ok: false, error: TEMPLATE_TEXT.doctype(name) };
    xml.set(part, gatherPlaceholders(text));
  }
  const problem = checkPlaceholders(name, xml);
  if (problem) return { ok: false, error: problem };
  const main = xml.get(opened.pkg.main) ?? "";
  return { ok: true, template: { name, pkg: opened.pkg, xml, textWidth: pageTextWidth(main) } };
}

/** A value as text-node content: escaped, line breaks as `<w:br/>` inside the run. */
function valueXml(value: string): string {
  return value.split("\n").map(escapeXml).join('</w:t><w:br/><w:t xml:space="preserve">');
}

/** Replaces the placeholders inside each text node (whole after gathering) from `fields`. */
function fillText(xml: string, fields: Fields): string {
  return xml.replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, (node, text: string) => {
    if (!text.includes("{{")) return node;
    const filled = text.replace(PLACEHOLDER, (whole, key: string) => {
      const v = fields.get(fold(key));
      return v === undefined ? whole : valueXml(v);
    });
    return `<w:t xml:space="preserve">${filled}</w:t>`;
  });
}

/** Repeats each table row holding `{{facture.…}}` once per invoice, filled with its fields. */
function repeatInvoiceRows(xml: string, invoices: readonly Fields[]): string {
  let out = xml;
  for (;;) {
    const at = out.search(/\{\{\s*facture\./i);
    if (at < 0) return out;
    const row = enclosing(out, at, "w:tr");
    if (!row) return out; // checked when the template was read
    const template = out.slice(row.start, row.end);
    const rows = invoices.map((f) => fillText(template, f)).join("");
    out = out.slice(0, row.start) + rows + out.slice(row.end);
  }
}

/** Replaces the paragraph holding `{{factures}}` by the letter's invoice table. */
function insertInvoiceTable(xml: string, letter: Letter, width: number): string {
  const at = xml.search(/\{\{\s*factures\s*\}\}/i);
  if (at < 0) return xml;
  const p = enclosing(xml, at, "w:p");
  if (!p) return xml;
  // A table cell must end with a paragraph: an empty one follows the table wherever it lands.
  return `${xml.slice(0, p.start)}${tableXml(letter.invoiceTable, width)}<w:p/>${xml.slice(p.end)}`;
}

/** One client's letter from a checked template, as .docx bytes. */
export function fillTemplate(template: LetterTemplate, letter: Letter): Uint8Array {
  const replaced = new Map<string, Uint8Array>();
  for (const [part, xml] of template.xml) {
    let out = repeatInvoiceRows(xml, letter.invoiceFields);
    out = insertInvoiceTable(out, letter, template.textWidth);
    out = fillText(out, letter.fields);
    replaced.set(part, strToU8(out));
  }
  return zipPackage(template.pkg, replaced);
}
