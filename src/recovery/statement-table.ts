import {
  csvNumber,
  Decimal,
  formatCitation,
  formatDate,
  formatMoney,
  formatPercent,
  parseIsoDay,
  ZERO,
  type Citation,
  type Day,
  type Language,
  type Text,
} from "../engine";
import type { StoredPenaltyNote } from "../storage/state";
import type { ClaimedInvoice, ClientFile, RecoveryBook } from "./types";

/**
 * The statement (décompte) as a sheet — one per client or one for all — and as CSV rows, with one
 * line per payment, interest period, rounding and fee, each invoice's total, then the client's totals
 * and the notes and texts applied. The figures are the statements' own (so each invoice's total is
 * CGV.LATEFEE); nothing is computed here but sums.
 */

/** A sheet cell, as the report writers take it (`SheetCell` of src/reports/sheet.ts has this shape). */
export type RecoveryCellFormat = "money" | "percent" | "integer" | "date" | "text";
export interface RecoveryCell {
  readonly value: string | number | null;
  readonly format?: RecoveryCellFormat;
  readonly bold?: boolean;
}
export type RecoveryMatrix = readonly (readonly RecoveryCell[])[];

/** Excel's serial for a day (1900 date system; every invoice date is after 1 March 1900). */
function excelSerial(day: Day): number {
  return day + 25569;
}

const STATEMENT_TEXT = {
  title: (client: string): Text => ({
    fr: `Relevé de pénalités de retard — ${client}`,
    en: `Late-payment statement — ${client}`,
  }),
  asOf: { fr: "Date d'arrêté", en: "Statement date" },
  terms: { fr: "Conditions appliquées", en: "Terms applied" },
  invoice: { fr: "Facture", en: "Invoice" },
  payment: (amount: string): Text => ({
    fr: `Paiement de ${amount}, imputé sur le principal`,
    en: `Payment of ${amount}, applied to the principal`,
  }),
  interest: { fr: "Intérêts de retard", en: "Late interest" },
  rounding: { fr: "Arrondi unique de la facture", en: "The invoice's one rounding" },
  fee: { fr: "Indemnité forfaitaire (D441-5)", en: "Fixed recovery fee (D441-5)" },
  costs: { fr: "Frais de recouvrement justifiés", en: "Justified recovery costs" },
  flat: { fr: "Forfait (lecture « flat »)", en: 'Flat sum ("flat" reading)' },
  invoiceTotal: { fr: "Total facture", en: "Invoice total" },
  missingRate: { fr: "Taux manquant", en: "Rate missing" },
  principal: { fr: "Principal restant dû", en: "Principal outstanding" },
  penalties: { fr: "Total pénalités et indemnités", en: "Total interest and fees" },
  claimed: { fr: "Total réclamé", en: "Total claimed" },
  clientTotal: { fr: "Total client", en: "Client total" },
  notes: { fr: "Notes", en: "Notes" },
  texts: { fr: "Textes appliqués", en: "Texts applied" },
} as const;

export const STATEMENT_COLUMNS: Readonly<Record<string, Text>> = {
  reference: { fr: "N° facture", en: "Invoice no." },
  invoiceDate: { fr: "Date facture", en: "Invoice date" },
  dueDate: { fr: "Échéance", en: "Due date" },
  amount: { fr: "Montant TTC", en: "Amount incl. VAT" },
  line: { fr: "Ligne", en: "Line" },
  from: { fr: "Du", en: "From" },
  to: { fr: "Au", en: "To" },
  days: { fr: "Jours", en: "Days" },
  balance: { fr: "Solde", en: "Balance" },
  rate: { fr: "Taux", en: "Rate" },
  source: { fr: "Source du taux", en: "Rate source" },
  interest: { fr: "Intérêts", en: "Interest" },
  fee: { fr: "Indemnité", en: "Fee" },
  total: { fr: "Total", en: "Total" },
  client: { fr: "Client", en: "Client" },
};

const SHEET_ORDER = [
  "reference",
  "invoiceDate",
  "dueDate",
  "amount",
  "line",
  "from",
  "to",
  "days",
  "balance",
  "rate",
  "source",
  "interest",
  "fee",
  "total",
] as const;
type SheetColumn = (typeof SHEET_ORDER)[number];

/** One line of a statement before it is laid out as a sheet row or a CSV row. */
interface Line {
  readonly kind: "invoice" | "payment" | "period" | "rounding" | "flat" | "fee" | "total" | "missing";
  readonly reference: string;
  readonly label: string;
  readonly invoiceDate?: Day;
  readonly dueDate?: Day;
  readonly amount?: Decimal;
  readonly from?: Day;
  readonly to?: Day;
  readonly days?: number;
  readonly balance?: Decimal;
  readonly rate?: Decimal;
  readonly source?: string;
  readonly interest?: Decimal;
  readonly fee?: Decimal;
  readonly total?: Decimal;
}

function invoiceLines(c: ClaimedInvoice, lang: Language): Line[] {
  const s = c.statement;
  const ref = c.invoice.reference;
  const lines: Line[] = [
    {
      kind: "invoice",
      reference: ref,
      label: STATEMENT_TEXT.invoice[lang],
      ...(c.invoice.invoiceDate === undefined ? {} : { invoiceDate: c.invoice.invoiceDate }),
      dueDate: c.invoice.dueDate,
      amount: c.invoice.amount,
    },
  ];
  for (const p of s.payments)
    lines.push({
      kind: "payment",
      reference: ref,
      label: STATEMENT_TEXT.payment(formatMoney(p.amount, lang))[lang],
      from: p.date,
      balance: p.balanceAfter,
    });
  if (s.missingRate)
    lines.push({
      kind: "missing",
      reference: ref,
      label: STATEMENT_TEXT.missingRate[lang],
      source: s.missingRate.text[lang],
    });
  for (const p of s.periods)
    lines.push({
      kind: "period",
      reference: ref,
      label: STATEMENT_TEXT.interest[lang],
      from: p.from,
      to: p.to,
      days: p.days,
      balance: p.balance,
      rate: p.rate,
      source: p.source[lang],
      // Under the flat reading the periods give the days and rates; the interest is the flat sum.
      ...(s.flat ? {} : { interest: p.interest, total: p.interest }),
    });
  if (s.flat)
    lines.push({
      kind: "flat",
      reference: ref,
      label: STATEMENT_TEXT.flat[lang],
      source: s.flat[lang],
      interest: s.interest,
      total: s.interest,
    });
  else if (!s.roundingDifference.isZero())
    lines.push({
      kind: "rounding",
      reference: ref,
      label: STATEMENT_TEXT.rounding[lang],
      interest: s.roundingDifference,
      total: s.roundingDifference,
    });
  if (s.fee.gt(0))
    lines.push({
      kind: "fee",
      reference: ref,
      label: s.fee.eq(40) ? STATEMENT_TEXT.fee[lang] : STATEMENT_TEXT.costs[lang],
      fee: s.fee,
      total: s.fee,
    });
  lines.push({
    kind: "total",
    reference: ref,
    label: STATEMENT_TEXT.invoiceTotal[lang],
    interest: s.interest,
    fee: s.fee,
    total: s.total,
  });
  return lines;
}

const money = (d: Decimal | undefined): RecoveryCell =>
  d === undefined ? { value: null } : { value: d.toDecimalPlaces(2).toNumber(), format: "money" };
const dateCell = (d: Day | undefined): RecoveryCell =>
  d === undefined ? { value: null } : { value: excelSerial(d), format: "date" };
const text = (v: string | undefined, bold = false): RecoveryCell =>
  v === undefined ? { value: null } : bold ? { value: v, bold } : { value: v };

function sheetRow(l: Line): RecoveryCell[] {
  const bold = l.kind === "total" || l.kind === "invoice";
  const cells: Record<SheetColumn, RecoveryCell> = {
    reference: text(l.reference, bold),
    invoiceDate: dateCell(l.invoiceDate),
    dueDate: dateCell(l.dueDate),
    amount: money(l.amount),
    line: text(l.label, bold),
    from: dateCell(l.from),
    to: dateCell(l.to),
    days: l.days === undefined ? { value: null } : { value: l.days, format: "integer" },
    balance: money(l.balance),
    rate:
      l.rate === undefined
        ? { value: null }
        : { value: l.rate.toDecimalPlaces(6).toNumber(), format: "percent" },
    source: text(l.source),
    interest: money(l.interest),
    fee: money(l.fee),
    total: l.total === undefined ? { value: null } : { ...money(l.total), ...(bold ? { bold } : {}) },
  };
  return SHEET_ORDER.map((c) => cells[c]);
}

function notesOf(client: ClientFile, lang: Language): string[] {
  const seen = new Set<string>();
  for (const c of client.invoices) for (const n of c.statement.notes) seen.add(n[lang]);
  return [...seen];
}

function citationsOf(client: ClientFile): string {
  const seen = new Map<string, Citation>();
  for (const c of client.invoices) for (const k of c.statement.citations) seen.set(formatCitation(k), k);
  return [...seen.keys()].join(" ; ");
}

/** One client's statement as a sheet: title, date d'arrêté, the lines, the totals, notes and texts. */
export function clientStatementSheet(
  client: ClientFile,
  asOf: Day,
  terms: string,
  lang: Language,
): RecoveryCell[][] {
  const width = SHEET_ORDER.length;
  const labelled = (label: string, cell: RecoveryCell, column: SheetColumn = "total"): RecoveryCell[] => {
    const row: RecoveryCell[] = Array.from({ length: width }, () => ({ value: null }));
    row[SHEET_ORDER.indexOf("line")] = text(label, true);
    row[SHEET_ORDER.indexOf(column)] = cell;
    return row;
  };
  const rows: RecoveryCell[][] = [
    [text(STATEMENT_TEXT.title(client.name)[lang], true)],
    [text(STATEMENT_TEXT.asOf[lang]), dateCell(asOf)],
    [text(STATEMENT_TEXT.terms[lang]), text(terms)],
    [],
    SHEET_ORDER.map((c) => text((STATEMENT_COLUMNS[c] as Text)[lang], true)),
  ];
  for (const c of client.invoices) rows.push(...invoiceLines(c, lang).map(sheetRow));
  rows.push([]);
  const t = client.totals;
  rows.push(labelled(STATEMENT_TEXT.principal[lang], money(t.principal)));
  const penalties = labelled(STATEMENT_TEXT.penalties[lang], { ...money(t.penalties), bold: true });
  penalties[SHEET_ORDER.indexOf("interest")] = money(t.interest);
  penalties[SHEET_ORDER.indexOf("fee")] = money(t.fees);
  rows.push(penalties);
  rows.push(labelled(STATEMENT_TEXT.claimed[lang], { ...money(t.claimed), bold: true }));
  rows.push([], [text(STATEMENT_TEXT.notes[lang], true)], ...notesOf(client, lang).map((n) => [text(n)]));
  rows.push([text(STATEMENT_TEXT.texts[lang], true)], [text(citationsOf(client))]);
  return rows;
}

/** Every client's statement on one sheet, one after another. */
export function statementSheet(book: RecoveryBook, terms: string, lang: Language): RecoveryCell[][] {
  const rows: RecoveryCell[][] = [];
  book.clients.forEach((client, i) => {
    if (i > 0) rows.push([], []);
    rows.push(...clientStatementSheet(client, book.asOf, terms, lang));
  });
  return rows;
}

/** Column widths in characters for the statement sheet. */
export const STATEMENT_COLUMN_WIDTHS: readonly number[] = [
  16, 12, 12, 13, 34, 12, 12, 7, 13, 9, 46, 12, 12, 13,
];

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_ORDER = [
  "client",
  "reference",
  "line",
  "from",
  "to",
  "days",
  "balance",
  "rate",
  "source",
  "interest",
  "fee",
  "total",
] as const;

/** A CSV figure: dd/mm/yyyy dates, amounts with a decimal comma in French and no thousands separator. */
function csvMoney(d: Decimal | undefined, lang: Language): string {
  return d === undefined ? "" : csvNumber(d, lang, 2);
}

function csvLine(
  client: string,
  l: Line | undefined,
  lang: Language,
  totals?: { interest: Decimal; fee: Decimal; total: Decimal; label: string },
): string[] {
  const csvDate = (d: Day | undefined) => (d === undefined ? "" : formatDate(d, "fr"));
  if (!l)
    return [
      client,
      "",
      totals?.label ?? "",
      "",
      "",
      "",
      "",
      "",
      "",
      csvMoney(totals?.interest, lang),
      csvMoney(totals?.fee, lang),
      csvMoney(totals?.total, lang),
    ];
  return [
    client,
    l.reference,
    l.label,
    csvDate(l.from),
    csvDate(l.to),
    l.days === undefined ? "" : String(l.days),
    csvMoney(l.balance, lang),
    l.rate === undefined ? "" : formatPercent(l.rate, lang).replace(/\u202f/g, ""),
    l.source ?? "",
    csvMoney(l.interest, lang),
    csvMoney(l.fee, lang),
    csvMoney(l.total, lang),
  ];
}

/**
 * The statement as CSV rows (header first): one line per interest period, rounding or fee (with the
 * invoice number), then one line per client without an invoice number carrying its totals. The lines
 * of an invoice add up to its total; those of a client, to the client's line.
 */
export function statementCsvRows(book: RecoveryBook, lang: Language): string[][] {
  const rows: string[][] = [CSV_ORDER.map((c) => (STATEMENT_COLUMNS[c] as Text)[lang])];
  for (const client of book.clients) {
    for (const c of client.invoices)
      for (const l of invoiceLines(c, lang))
        if (l.kind !== "invoice" && l.kind !== "payment" && l.kind !== "total")
          rows.push(csvLine(client.name, l, lang));
    const t = client.totals;
    rows.push(
      csvLine(client.name, undefined, lang, {
        interest: t.interest,
        fee: t.fees,
        total: t.penalties,
        label: STATEMENT_TEXT.clientTotal[lang],
      }),
    );
  }
  return rows;
}

/** CSV text as Excel reads it: a BOM, `separator` between fields, CRLF, fields quoted when needed. */
export function csvText(rows: readonly (readonly string[])[], separator = ";"): string {
  const field = (v: string) =>
    /["\r\n]/.test(v) || v.includes(separator) ? `"${v.replace(/"/g, '""')}"` : v;
  return `\ufeff${rows.map((r) => r.map(field).join(separator)).join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// The series of penalty notes

const NOTE_SHEET_TEXT = {
  headers: {
    fr: ["N° note", "Date", "Client", "Factures", "Intérêts", "Indemnités", "Total", "État"],
    en: ["Note no.", "Date", "Client", "Invoices", "Interest", "Fees", "Total", "State"],
  },
  issued: { fr: "émise", en: "issued" },
  cancelled: { fr: "annulée", en: "cancelled" },
  damaged: { fr: "endommagée (numéro réservé)", en: "damaged (number kept)" },
} as const;

/** The « Notes de débit » sheet: one line per note of the series, in number order. */
export function penaltyNoteSheet(series: readonly StoredPenaltyNote[], lang: Language): RecoveryCell[][] {
  const rows: RecoveryCell[][] = [NOTE_SHEET_TEXT.headers[lang].map((h) => text(h, true))];
  const sorted = [...series].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  for (const n of sorted) {
    const day = parseIsoDay(n.date);
    const interest = n.lines.reduce((s, l) => s.plus(l.interest), ZERO);
    const fees = n.lines.reduce((s, l) => s.plus(l.fee), ZERO);
    const state = n.damaged
      ? NOTE_SHEET_TEXT.damaged
      : n.cancelled
        ? NOTE_SHEET_TEXT.cancelled
        : NOTE_SHEET_TEXT.issued;
    rows.push([
      text(n.number),
      dateCell(day),
      text(n.client),
      text(n.lines.map((l) => l.invoice).join(", ")),
      money(interest),
      money(fees),
      money(new Decimal(n.total)),
      text(state[lang]),
    ]);
  }
  return rows;
}
