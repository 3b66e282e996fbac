import {
  Decimal,
  formatIsoDay,
  ymdFromDay,
  ZERO,
  type Day,
  type Language,
  type Text,
  type VendorProfile,
} from "../engine";
import type { StoredCompany } from "../storage/company";
import type { StoredPenaltyNote } from "../storage/state";
import { clientKey } from "./book";
import { latePaymentClause } from "./clause-quotes";
import {
  date,
  ibanWords,
  money,
  periodTable,
  recipientParty,
  senderParty,
  type DocumentHead,
  type Fields,
  type LetterBlock,
  type TableColumn,
} from "./letter-model";
import { COLUMN_TEXT, COMMON_TEXT } from "./letter-text";
import type { NoticeKind, RunNotice } from "./letters";
import { GUARDRAIL_TEXT } from "./messages";
import { NOTE_TEXT } from "./note-text";
import type { ClaimedInvoice, ClientFile, RecoveryBook } from "./types";

/**
 * The penalty note (note de débit): per invoice, the late-payment interest and the 40 € fee claimed,
 * outside the scope of VAT (they repair a loss, they are not the price of a supply:
 * BOI-TVA-BASE-10-10-10; DGCCRF note of 29/11/2012 for the fee), citing the original invoices, numbered
 * in its own continuous series « ND-2026-001 » that is never reused. A later note for the same invoice
 * claims only what is new — the interest accrued since — never the same fee twice.
 */

const NOTE_PREFIX = "ND";
const NUMBER = /^ND-(\d{4})-(\d{3,6})$/;

/** « ND-2026-001 »: the year, then the rank in that year's series on at least three digits. */
export function noteNumber(year: number, rank: number): string {
  return `${NOTE_PREFIX}-${year}-${String(rank).padStart(3, "0")}`;
}

/**
 * The next `count` numbers of a year's series: after the highest number ever issued that year
 * (cancelled and damaged notes included), so a number is never handed out twice, even after a gap.
 */
export function nextNoteNumbers(series: readonly StoredPenaltyNote[], year: number, count: number): string[] {
  let highest = 0;
  for (const n of series) {
    const m = NUMBER.exec(n.number);
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return Array.from({ length: count }, (_, i) => noteNumber(year, highest + 1 + i));
}

export interface PenaltyNoteLine {
  readonly claim: ClaimedInvoice;
  /** Interest claimed by this note: the invoice's interest less what earlier notes claimed. */
  readonly interest: Decimal;
  readonly fee: Decimal;
  readonly total: Decimal;
  /** Earlier notes that already claimed part of this invoice's penalties. */
  readonly earlierNotes: readonly string[];
}

export interface PenaltyNote extends DocumentHead {
  readonly number: string;
  readonly date: Day;
  readonly client: ClientFile;
  readonly lines: readonly PenaltyNoteLine[];
  readonly interest: Decimal;
  readonly fees: Decimal;
  readonly total: Decimal;
  readonly blocks: readonly LetterBlock[];
  readonly signature: readonly string[];
  readonly fields: Fields;
  /** The note as the workbook's series records it. */
  readonly stored: StoredPenaltyNote;
}

export interface NoteOptions {
  readonly profile: VendorProfile;
  readonly company: StoredCompany | undefined;
  /** The series as stored in the workbook. */
  readonly series: readonly StoredPenaltyNote[];
  /** The notes' date (default: the date d'arrêté); its year numbers the series. */
  readonly date?: Day;
  readonly lang?: Language;
}

export interface NoteRun {
  readonly notes: readonly PenaltyNote[];
  /** The notes to add to the workbook's series, in number order. */
  readonly stored: readonly StoredPenaltyNote[];
  readonly notices: readonly RunNotice[];
  readonly blocked: Text | undefined;
}

/** What earlier notes claimed per invoice of a client: Σ interest, Σ fee, and their numbers. */
function claimedBefore(series: readonly StoredPenaltyNote[]) {
  const byInvoice = new Map<string, { interest: Decimal; fee: Decimal; notes: string[] }>();
  for (const n of series) {
    if (n.cancelled || n.damaged) continue;
    for (const l of n.lines) {
      const key = `${clientKey(n.client)}\u0000${l.invoice}`;
      const before = byInvoice.get(key) ?? { interest: ZERO, fee: ZERO, notes: [] };
      byInvoice.set(key, {
        interest: before.interest.plus(l.interest),
        fee: before.fee.plus(l.fee),
        notes: [...before.notes, n.number],
      });
    }
  }
  return byInvoice;
}

function noteLines(client: ClientFile, before: ReturnType<typeof claimedBefore>): PenaltyNoteLine[] {
  const lines: PenaltyNoteLine[] = [];
  for (const claim of client.invoices) {
    const earlier = before.get(`${client.key}\u0000${claim.invoice.reference}`);
    const interest = Decimal.max(claim.statement.interest.minus(earlier?.interest ?? ZERO), ZERO);
    const fee = Decimal.max(claim.statement.fee.minus(earlier?.fee ?? ZERO), ZERO);
    if (interest.isZero() && fee.isZero()) continue;
    lines.push({ claim, interest, fee, total: interest.plus(fee), earlierNotes: earlier?.notes ?? [] });
  }
  return lines;
}

function lineTable(
  lines: readonly PenaltyNoteLine[],
  totals: { interest: Decimal; fees: Decimal; total: Decimal },
  lang: Language,
): LetterBlock {
  const col = (header: Text, align: TableColumn["align"], width: number): TableColumn => ({
    header: header[lang],
    align,
    width,
  });
  return {
    kind: "table",
    columns: [
      col(COLUMN_TEXT.reference, "left", 3.2),
      col(COLUMN_TEXT.invoiceDate, "left", 2.6),
      col(COLUMN_TEXT.dueDate, "left", 2.6),
      col(COLUMN_TEXT.amount, "right", 2.7),
      col(COLUMN_TEXT.daysLate, "right", 1.6),
      col(COLUMN_TEXT.interest, "right", 2.4),
      col(COLUMN_TEXT.fee, "right", 2.4),
      col(COMMON_TEXT.total, "right", 2.6),
    ],
    rows: lines.map((l) => [
      l.claim.invoice.reference,
      l.claim.invoice.invoiceDate === undefined ? "" : date(l.claim.invoice.invoiceDate, lang),
      date(l.claim.invoice.dueDate, lang),
      money(l.claim.invoice.amount, lang),
      String(l.claim.statement.daysLate),
      money(l.interest, lang),
      money(l.fee, lang),
      money(l.total, lang),
    ]),
    total: [
      COMMON_TEXT.total[lang],
      "",
      "",
      "",
      "",
      money(totals.interest, lang),
      money(totals.fees, lang),
      money(totals.total, lang),
    ],
  };
}

/** One client's note (the lines already netted of earlier notes). */
function buildNote(
  client: ClientFile,
  lines: readonly PenaltyNoteLine[],
  number: string,
  noteDate: Day,
  options: NoteOptions & { company: StoredCompany },
): PenaltyNote {
  const lang = options.lang ?? "fr";
  const company = options.company;
  const interest = lines.reduce((s, l) => s.plus(l.interest), ZERO);
  const fees = lines.reduce((s, l) => s.plus(l.fee), ZERO);
  const total = interest.plus(fees);
  const asOf = date(client.invoices[0]?.statement.asOf ?? noteDate, lang);
  const clause = latePaymentClause(options.profile).reference;
  const earlier = [...new Set(lines.flatMap((l) => l.earlierNotes))];
  const blocks: LetterBlock[] = [
    { kind: "paragraph", text: NOTE_TEXT.intro(asOf, clause)[lang] },
    lineTable(lines, { interest, fees, total }, lang),
    ...(earlier.length > 0 ? [{ kind: "small" as const, text: NOTE_TEXT.complement(earlier)[lang] }] : []),
    { kind: "paragraph", text: NOTE_TEXT.totalDue(money(total, lang))[lang], bold: true },
    { kind: "paragraph", text: NOTE_TEXT.vat[lang], bold: true },
    { kind: "small", text: NOTE_TEXT.vatWhy[lang] },
    { kind: "paragraph", text: NOTE_TEXT.pay(ibanWords(company, lang))[lang] },
  ];
  if (client.invoices.some((c) => c.statement.periods.length > 0))
    blocks.push({ kind: "paragraph", text: NOTE_TEXT.detail[lang] }, periodTable(client, lang));
  blocks.push({ kind: "small", text: NOTE_TEXT.accounting[lang] });
  const recipient = recipientParty(client, lang);
  const stored: StoredPenaltyNote = {
    number,
    date: formatIsoDay(noteDate),
    client: client.name,
    total: total.toFixed(2),
    lines: lines.map((l) => ({
      invoice: l.claim.invoice.reference,
      interest: l.interest.toFixed(2),
      fee: l.fee.toFixed(2),
    })),
  };
  return {
    lang,
    sender: senderParty(company, lang),
    recipient,
    dateLine: COMMON_TEXT.dateLine(company.place, date(noteDate, lang))[lang],
    title: NOTE_TEXT.title(number)[lang],
    subject: NOTE_TEXT.subject(lines.map((l) => l.claim.invoice.reference).join(", "))[lang],
    number,
    date: noteDate,
    client,
    lines,
    interest,
    fees,
    total,
    blocks,
    // Like an invoice, a debit note carries no signature.
    signature: [],
    fields: new Map([
      ["numero", number],
      ["client", client.name],
      ["adresse_client", recipient.lines.join("\n")],
      ["expediteur", company.name],
      ["date", date(noteDate, lang)],
      ["date_arrete", asOf],
      ["interets", money(interest, lang)],
      ["indemnites", money(fees, lang)],
      ["total", money(total, lang)],
      ["iban", ibanWords(company, lang)],
    ]),
    stored,
  };
}

/**
 * The notes of a run: one per client with penalties not yet claimed, numbered after the stored series;
 * clients whose rate is missing get none (their interest is unknown) and are named.
 */
export function planPenaltyNotes(book: RecoveryBook, options: NoteOptions): NoteRun {
  const notices: RunNotice[] = book.excluded.map((e) => ({
    kind: "excluded",
    client: e.invoice.client,
    text: e.text,
  }));
  const company = options.company;
  if (!company) return { notes: [], stored: [], notices, blocked: GUARDRAIL_TEXT.noCompany };
  const noteDate = options.date ?? book.asOf;
  const before = claimedBefore(options.series);
  const planned: { client: ClientFile; lines: PenaltyNoteLine[] }[] = [];
  const say = (kind: NoticeKind, client: string, text: Text) => notices.push({ kind, client, text });
  for (const client of book.clients) {
    const missing = client.invoices.find((c) => c.statement.missingRate)?.statement.missingRate;
    if (missing) {
      say("missing-rate", client.name, GUARDRAIL_TEXT.missingRate(client.name, missing));
      continue;
    }
    const lines = noteLines(client, before);
    if (lines.length === 0) {
      say("nothing-new", client.name, NOTE_TEXT.nothingNew(client.name));
      continue;
    }
    if (!client.address) say("missing-address", client.name, GUARDRAIL_TEXT.missingAddress(client.name));
    planned.push({ client, lines });
  }
  const numbers = nextNoteNumbers(options.series, ymdFromDay(noteDate).y, planned.length);
  const notes = planned.map((p, i) =>
    buildNote(p.client, p.lines, numbers[i] as string, noteDate, { ...options, company }),
  );
  return { notes, stored: notes.map((n) => n.stored), notices, blocked: undefined };
}
