import { formatDate, formatMoney, type Day, type Decimal, type Language } from "../engine";
import { formatIban, formatSiren, type StoredCompany } from "../storage/company";
import { COLUMN_TEXT, COMMON_TEXT } from "./letter-text";
import type { ClaimedInvoice, ClientFile } from "./types";

/**
 * The documents' content as plain data, written once here and laid out by `src/documents` (Word) or
 * any other writer: a sender and a recipient block, a date line, a subject, blocks of text, tables of
 * figures already formatted in the document's language, and the placeholders a user's template uses.
 */

export type LetterBlock =
  | { readonly kind: "paragraph"; readonly text: string; readonly bold?: boolean }
  | {
      readonly kind: "table";
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly string[])[];
      /** The total line, in the same columns ("" where there is nothing to total). */
      readonly total?: readonly string[];
    }
  | { readonly kind: "quote"; readonly text: string; readonly source: string }
  | { readonly kind: "small"; readonly text: string };

export interface TableColumn {
  readonly header: string;
  readonly align: "left" | "right";
  /** Share of the table's width, in twentieths. */
  readonly width: number;
}

export interface Party {
  readonly name: string;
  /** The lines under the name (legal form, address, SIREN, contact). */
  readonly lines: readonly string[];
}

/** What every document of the run has: who writes to whom, when, about what. */
export interface DocumentHead {
  readonly lang: Language;
  readonly sender: Party;
  readonly recipient: Party & { readonly addressMissing: boolean };
  /** « Lyon, le 30/06/2026 » */
  readonly dateLine: string;
  readonly title: string | undefined;
  readonly subject: string;
}

/** A placeholder's name and value, for templates: `{{client}}` → « Hôtel Bellevue ». */
export type Fields = ReadonlyMap<string, string>;

/** The placeholders of a letter a user's template may use (docs/recovery.md#letter-templates). */
export const LETTER_PLACEHOLDERS = [
  "client",
  "adresse_client",
  "expediteur",
  "forme_juridique",
  "adresse_expediteur",
  "siren",
  "iban",
  "email",
  "telephone",
  "lieu",
  "date",
  "date_arrete",
  "niveau",
  "objet",
  "principal",
  "interets",
  "indemnites",
  "penalites",
  "total",
  "date_limite",
  "delai_jours",
  "article_clause",
  "clause",
  "fondements",
  "lrar",
] as const;

/** The placeholders of one invoice, repeated per invoice in a table row of the template. */
export const INVOICE_PLACEHOLDERS = [
  "facture.numero",
  "facture.date",
  "facture.echeance",
  "facture.montant",
  "facture.reste_du",
  "facture.jours",
  "facture.interets",
  "facture.indemnite",
  "facture.total",
  "facture.periodes",
] as const;

/** Alone in its paragraph, the invoice table as the built-in letter lays it out. */
export const INVOICE_TABLE_PLACEHOLDER = "factures";

export const money = (d: Decimal, lang: Language): string => formatMoney(d, lang);
export const date = (d: Day, lang: Language): string => formatDate(d, lang);

/** The sender block from « Mon entreprise »: legal form, address lines, SIREN, e-mail, phone. */
export function senderParty(company: StoredCompany, lang: Language): Party {
  const lines = [
    ...(company.legalForm ? [company.legalForm] : []),
    ...company.address.split("\n"),
    COMMON_TEXT.siren(formatSiren(company.siren))[lang],
    ...(company.email ? [company.email] : []),
    ...(company.phone ? [company.phone] : []),
  ];
  return { name: company.name, lines };
}

/** The recipient block: the register's address, or « adresse à compléter » said in the letter itself. */
export function recipientParty(client: ClientFile, lang: Language): DocumentHead["recipient"] {
  const lines = client.address ? client.address.split(/\n|\s*;\s*/).filter((l) => l.trim() !== "") : [];
  return lines.length > 0
    ? { name: client.name, lines, addressMissing: false }
    : { name: client.name, lines: [`[${COMMON_TEXT.addressMissing[lang]}]`], addressMissing: true };
}

export function ibanWords(company: StoredCompany, lang: Language): string {
  return COMMON_TEXT.iban(formatIban(company.iban), company.bic)[lang];
}

/** The invoice table's columns of each document. */
export type InvoiceColumn =
  | "reference"
  | "invoiceDate"
  | "dueDate"
  | "amount"
  | "outstanding"
  | "daysLate"
  | "interest"
  | "fee"
  | "penalties";

const WIDTHS: Readonly<Record<InvoiceColumn, number>> = {
  reference: 3.2,
  invoiceDate: 2.6,
  dueDate: 2.6,
  amount: 2.7,
  outstanding: 2.7,
  daysLate: 1.6,
  interest: 2.4,
  fee: 2.4,
  penalties: 2.8,
};

function cell(c: ClaimedInvoice, column: InvoiceColumn, lang: Language): string {
  const s = c.statement;
  switch (column) {
    case "reference":
      return c.invoice.reference;
    case "invoiceDate":
      return c.invoice.invoiceDate === undefined ? "" : date(c.invoice.invoiceDate, lang);
    case "dueDate":
      return date(c.invoice.dueDate, lang);
    case "amount":
      return money(c.invoice.amount, lang);
    case "outstanding":
      return money(s.outstanding, lang);
    case "daysLate":
      return String(s.daysLate);
    case "interest":
      return money(s.interest, lang);
    case "fee":
      return money(s.fee, lang);
    case "penalties":
      return money(s.total, lang);
  }
}

function columnTotal(client: ClientFile, column: InvoiceColumn, lang: Language): string {
  const t = client.totals;
  switch (column) {
    case "reference":
      return COMMON_TEXT.total[lang];
    case "outstanding":
      return money(t.principal, lang);
    case "interest":
      return money(t.interest, lang);
    case "fee":
      return money(t.fees, lang);
    case "penalties":
      return money(t.penalties, lang);
    default:
      return "";
  }
}

/** The client's invoices as a table with these columns and a total line. */
export function invoiceTable(
  client: ClientFile,
  columns: readonly InvoiceColumn[],
  lang: Language,
): Extract<LetterBlock, { kind: "table" }> {
  return {
    kind: "table",
    columns: columns.map((c) => ({
      header: COLUMN_TEXT[c][lang],
      align: c === "reference" || c === "invoiceDate" || c === "dueDate" ? "left" : "right",
      width: WIDTHS[c],
    })),
    rows: client.invoices.map((c) => columns.map((col) => cell(c, col, lang))),
    total: columns.map((col) => columnTotal(client, col, lang)),
  };
}

/** One line per interest period: invoice, from, to, days, balance, rate and its source, interest. */
export function periodTable(client: ClientFile, lang: Language): Extract<LetterBlock, { kind: "table" }> {
  const rows: string[][] = [];
  for (const c of client.invoices) {
    for (const p of c.statement.periods)
      rows.push([
        c.invoice.reference,
        date(p.from, lang),
        date(p.to, lang),
        String(p.days),
        money(p.balance, lang),
        p.source[lang],
        money(p.interest, lang),
      ]);
    if (!c.statement.roundingDifference.isZero())
      rows.push([
        c.invoice.reference,
        "",
        "",
        "",
        "",
        COLUMN_TEXT.rounding[lang],
        money(c.statement.roundingDifference, lang),
      ]);
  }
  const left = (header: string, width: number): TableColumn => ({ header, align: "left", width });
  const right = (header: string, width: number): TableColumn => ({ header, align: "right", width });
  return {
    kind: "table",
    columns: [
      left(COLUMN_TEXT.reference[lang], 2.9),
      left(COLUMN_TEXT.from[lang], 2.6),
      left(COLUMN_TEXT.to[lang], 2.6),
      right(COLUMN_TEXT.days[lang], 1.5),
      right(COLUMN_TEXT.balance[lang], 2.5),
      left(COLUMN_TEXT.rate[lang], 6.3),
      right(COLUMN_TEXT.interest[lang], 2.3),
    ],
    rows,
    total: [COMMON_TEXT.total[lang], "", "", "", "", "", money(client.totals.interest, lang)],
  };
}

/** The template placeholders of one invoice (`{{facture.numero}}` …). */
export function invoiceFields(c: ClaimedInvoice, lang: Language): Fields {
  const s = c.statement;
  const periods = s.periods
    .map((p) => `${date(p.from, lang)} – ${date(p.to, lang)} : ${p.days} j, ${p.source[lang]}`)
    .join(" ; ");
  return new Map([
    ["facture.numero", c.invoice.reference],
    ["facture.date", c.invoice.invoiceDate === undefined ? "" : date(c.invoice.invoiceDate, lang)],
    ["facture.echeance", date(c.invoice.dueDate, lang)],
    ["facture.montant", money(c.invoice.amount, lang)],
    ["facture.reste_du", money(s.outstanding, lang)],
    ["facture.jours", String(s.daysLate)],
    ["facture.interets", money(s.interest, lang)],
    ["facture.indemnite", money(s.fee, lang)],
    ["facture.total", money(s.total, lang)],
    ["facture.periodes", periods],
  ]);
}
