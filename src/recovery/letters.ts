import {
  addDays,
  describePenaltyRate,
  formatDate,
  type Day,
  type Decimal,
  type Language,
  type Text,
  type VendorProfile,
} from "../engine";
import { formatSiren, type StoredCompany } from "../storage/company";
import { totalsOf } from "./book";
import { latePaymentClause } from "./clause-quotes";
import {
  date,
  ibanWords,
  invoiceFields,
  invoiceTable,
  money,
  periodTable,
  recipientParty,
  senderParty,
  type DocumentHead,
  type Fields,
  type InvoiceColumn,
  type LetterBlock,
} from "./letter-model";
import {
  BASIS_TEXT,
  COMMON_TEXT,
  earlierLettersWords,
  LEGAL_BASIS_TEXT,
  MISE_EN_DEMEURE_TEXT,
  RAPPEL_TEXT,
  RELANCE_TEXT,
  type LetterWords,
} from "./letter-text";
import { DEFAULT_PAYMENT_DEADLINE_DAYS, levelWarnings } from "./levels";
import { GUARDRAIL_TEXT, LEVEL_NAMES } from "./messages";
import type { ClientFile, ExcludedInvoice, RecoveryBook, ReminderLevel } from "./types";

/**
 * The letters of a run: for each client with something past due and unpaid, the chosen level's letter
 * (reminder, second reminder, formal notice), and beside them every guardrail's sentence — who gets no
 * letter and why, missing addresses, levels out of order, invoices near prescription. Pure: the
 * Word rendering is `src/documents`, the writing of files the command line's or the pane's.
 */

export interface Letter extends DocumentHead {
  readonly level: ReminderLevel;
  readonly client: ClientFile;
  /** The registered-letter line of a formal notice, with room for its number. */
  readonly registered: string | undefined;
  readonly salutation: string;
  readonly blocks: readonly LetterBlock[];
  readonly closing: string;
  readonly signature: readonly string[];
  /** The legal basis line of a formal notice. */
  readonly legalBasis: string | undefined;
  /** The day the payment is asked for (none for a first reminder). */
  readonly deadline: Day | undefined;
  readonly total: Decimal;
  readonly fields: Fields;
  readonly invoiceFields: readonly Fields[];
  /** The invoice table, as `{{factures}}` puts it in a user's template. */
  readonly invoiceTable: Extract<LetterBlock, { kind: "table" }>;
}

export interface LetterOptions {
  readonly level: ReminderLevel;
  readonly profile: VendorProfile;
  /** « Mon entreprise »; without it no letter is written. */
  readonly company: StoredCompany | undefined;
  /** The letter's date (default: the date d'arrêté). */
  readonly date?: Day;
  /** Days given to pay (default 8). */
  readonly deadlineDays?: number;
  readonly lang?: Language;
}

export type NoticeKind =
  | "nothing-late"
  | "nothing-new"
  | "penalties-only"
  | "missing-rate"
  | "missing-address"
  | "level-order"
  | "prescription"
  | "excluded";

/** A sentence about the run, naming the client; `blocking` when it stopped a letter. */
export interface RunNotice {
  readonly kind: NoticeKind;
  readonly client: string;
  readonly text: Text;
}

export interface LetterRun {
  readonly level: ReminderLevel;
  readonly letters: readonly Letter[];
  readonly notices: readonly RunNotice[];
  readonly excluded: readonly ExcludedInvoice[];
  /** Set when nothing can be written at all (no « Mon entreprise »). */
  readonly blocked: Text | undefined;
}

/** « article 6.3 » (the same word in both languages), or the article as written when it names itself (« annexe 2 »). */
function clauseWords(article: string): string {
  if (/^(art|annexe|cpv)/i.test(article)) return article;
  return `article ${article}`;
}

function words(
  client: ClientFile,
  profile: VendorProfile,
  company: StoredCompany,
  statementDate: Day,
  deadline: Day,
  deadlineDays: number,
  lang: Language,
): LetterWords {
  const t = client.totals;
  const sent = client.invoices
    .map((c) => c.invoice.lastReminder)
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((r) => r.date);
  const earlier = [...new Set(sent)].sort((a, b) => a - b).map((d) => formatDate(d, lang));
  const clause = latePaymentClause(profile);
  return {
    references: client.invoices.map((c) => c.invoice.reference).join(", "),
    asOf: date(statementDate, lang),
    principal: money(t.principal, lang),
    interest: money(t.interest, lang),
    fees: money(t.fees, lang),
    penalties: money(t.penalties, lang),
    total: money(t.claimed, lang),
    deadline: date(deadline, lang),
    deadlineDays,
    iban: ibanWords(company, lang),
    company: company.name,
    clause: clauseWords(clause.citation.article),
    rate: describePenaltyRate(profile.latePayment.rate)[lang],
    earlierLetters: earlierLettersWords(earlier)[lang],
    count: client.invoices.length,
  };
}

type Basis = "pro" | "consumerContract" | "consumerCivil";

function basisOf(client: ClientFile): Basis {
  const first = client.invoices[0]?.statement;
  if (first?.basis.kind === "civil-code") return "consumerCivil";
  return client.clientType === "consumer" ? "consumerContract" : "pro";
}

const REMINDER_COLUMNS: readonly InvoiceColumn[] = [
  "reference",
  "invoiceDate",
  "dueDate",
  "amount",
  "outstanding",
  "daysLate",
  "penalties",
];

const NOTICE_COLUMNS: readonly InvoiceColumn[] = [
  "reference",
  "invoiceDate",
  "dueDate",
  "amount",
  "outstanding",
  "daysLate",
  "interest",
  "fee",
];

function paragraph(text: string, bold = false): LetterBlock {
  return bold ? { kind: "paragraph", text, bold } : { kind: "paragraph", text };
}

function reminderBlocks(
  level: ReminderLevel,
  client: ClientFile,
  w: LetterWords,
  lang: Language,
): LetterBlock[] {
  const basis = basisOf(client);
  const penalties =
    basis === "pro"
      ? BASIS_TEXT.reminder(w)
      : basis === "consumerContract"
        ? BASIS_TEXT.reminderConsumer(w)
        : undefined;
  if (level === "rappel")
    return [
      paragraph(RAPPEL_TEXT.intro(w)[lang]),
      invoiceTable(client, REMINDER_COLUMNS, lang),
      paragraph(RAPPEL_TEXT.amountDue(w)[lang]),
      ...(penalties && !client.totals.penalties.isZero() ? [paragraph(penalties[lang])] : []),
      paragraph(RAPPEL_TEXT.askPay(w)[lang]),
    ];
  return [
    paragraph(RELANCE_TEXT.intro(w)[lang]),
    invoiceTable(client, REMINDER_COLUMNS, lang),
    ...(penalties && !client.totals.penalties.isZero() ? [paragraph(penalties[lang])] : []),
    paragraph(RELANCE_TEXT.askPay(w)[lang], true),
    paragraph(RELANCE_TEXT.warn[lang]),
  ];
}

function noticeBlocks(
  client: ClientFile,
  profile: VendorProfile,
  w: LetterWords,
  lang: Language,
): LetterBlock[] {
  const basis = basisOf(client);
  const clause = latePaymentClause(profile);
  const blocks: LetterBlock[] = [
    paragraph(MISE_EN_DEMEURE_TEXT.intro(w)[lang]),
    invoiceTable(client, NOTICE_COLUMNS, lang),
  ];
  if (basis === "consumerCivil") blocks.push(paragraph(BASIS_TEXT.consumerCivil[lang]));
  else {
    blocks.push(paragraph((basis === "pro" ? BASIS_TEXT.pro(w) : BASIS_TEXT.consumerContract(w))[lang]));
    if (clause.text) blocks.push({ kind: "quote", text: clause.text, source: clause.reference });
  }
  if (client.invoices.some((c) => c.statement.periods.length > 0)) {
    blocks.push(paragraph(MISE_EN_DEMEURE_TEXT.detailIntro(w)[lang]), periodTable(client, lang));
    if (client.invoices.some((c) => c.statement.payments.length > 0))
      blocks.push({ kind: "small", text: COMMON_TEXT.paymentsApplied[lang] });
  }
  const totals = client.totals.penalties.isZero()
    ? MISE_EN_DEMEURE_TEXT.totalsPrincipal(w)
    : MISE_EN_DEMEURE_TEXT.totals(w);
  blocks.push(
    paragraph(totals[lang]),
    paragraph(MISE_EN_DEMEURE_TEXT.notice(w)[lang], true),
    paragraph(MISE_EN_DEMEURE_TEXT.consequences[lang]),
  );
  return blocks;
}

function subjectOf(level: ReminderLevel, w: LetterWords): Text {
  return level === "rappel"
    ? RAPPEL_TEXT.subject(w)
    : level === "relance"
      ? RELANCE_TEXT.subject(w)
      : MISE_EN_DEMEURE_TEXT.subject(w);
}

function legalBasisOf(client: ClientFile, profile: VendorProfile): Text {
  const basis = basisOf(client);
  const reference = latePaymentClause(profile).reference;
  return basis === "pro"
    ? LEGAL_BASIS_TEXT.pro(reference)
    : basis === "consumerContract"
      ? LEGAL_BASIS_TEXT.consumerContract(reference)
      : LEGAL_BASIS_TEXT.consumerCivil;
}

/** One client's letter at a level (the client is assumed eligible: see `planLetters`). */
export function buildLetter(client: ClientFile, options: LetterOptions & { company: StoredCompany }): Letter {
  const lang = options.lang ?? "fr";
  const { level, profile, company } = options;
  const statementDate = client.invoices[0]?.statement.asOf ?? (0 as Day);
  const letterDate = options.date ?? statementDate;
  const deadlineDays = options.deadlineDays ?? DEFAULT_PAYMENT_DEADLINE_DAYS;
  const deadline = addDays(letterDate, deadlineDays);
  const w = words(client, profile, company, statementDate, deadline, deadlineDays, lang);
  const notice = level === "mise-en-demeure";
  const blocks = notice ? noticeBlocks(client, profile, w, lang) : reminderBlocks(level, client, w, lang);
  const sender = senderParty(company, lang);
  const recipient = recipientParty(client, lang);
  const subject = subjectOf(level, w)[lang];
  const dateLine = COMMON_TEXT.dateLine(company.place, date(letterDate, lang))[lang];
  const clause = latePaymentClause(profile);
  const legalBasis = legalBasisOf(client, profile)[lang];
  const fields: Fields = new Map([
    ["client", client.name],
    ["adresse_client", recipient.lines.join("\n")],
    ["expediteur", company.name],
    ["forme_juridique", company.legalForm ?? ""],
    ["adresse_expediteur", company.address],
    ["siren", formatSiren(company.siren)],
    ["iban", w.iban],
    ["email", company.email ?? ""],
    ["telephone", company.phone ?? ""],
    ["lieu", company.place ?? ""],
    ["date", date(letterDate, lang)],
    ["date_arrete", w.asOf],
    ["niveau", LEVEL_NAMES[level][lang]],
    ["objet", subject],
    ["principal", w.principal],
    ["interets", w.interest],
    ["indemnites", w.fees],
    ["penalites", w.penalties],
    ["total", w.total],
    ["date_limite", level === "rappel" ? "" : w.deadline],
    ["delai_jours", String(deadlineDays)],
    ["article_clause", clause.reference],
    ["clause", clause.text ?? ""],
    ["fondements", legalBasis],
    ["lrar", notice ? MISE_EN_DEMEURE_TEXT.registered[lang] : ""],
  ]);
  return {
    lang,
    level,
    client,
    sender,
    recipient,
    dateLine,
    title: notice ? MISE_EN_DEMEURE_TEXT.title[lang] : undefined,
    registered: notice ? MISE_EN_DEMEURE_TEXT.registered[lang] : undefined,
    subject,
    salutation: COMMON_TEXT.salutation[lang],
    blocks,
    closing: COMMON_TEXT.closing[lang],
    signature: [COMMON_TEXT.signature(company.name)[lang]],
    legalBasis: notice ? legalBasis : undefined,
    deadline: level === "rappel" ? undefined : deadline,
    total: client.totals.claimed,
    fields,
    invoiceFields: client.invoices.map((c) => invoiceFields(c, lang)),
    invoiceTable: invoiceTable(client, notice ? NOTICE_COLUMNS : REMINDER_COLUMNS, lang),
  };
}

/**
 * The client as a letter sees it: its unpaid invoices only. A letter chases what is unpaid (with its
 * penalties); the penalties of invoices already paid, late, are claimed by the penalty note.
 */
function unpaidPart(client: ClientFile): ClientFile {
  if (client.invoices.every((c) => c.state === "unpaid")) return client;
  const invoices = client.invoices.filter((c) => c.state === "unpaid");
  return { ...client, invoices, totals: totalsOf(invoices) };
}

/** The guardrails' sentences for a client at a level, and whether it gets a letter. */
function clientNotices(client: ClientFile, level: ReminderLevel): { notices: RunNotice[]; letter: boolean } {
  const notices: RunNotice[] = [];
  const say = (kind: NoticeKind, text: Text) => notices.push({ kind, client: client.name, text });
  const missing = client.invoices.find((c) => c.statement.missingRate)?.statement.missingRate;
  for (const c of client.invoices)
    if (c.prescription.text && c.state === "unpaid")
      say("prescription", {
        fr: `${c.invoice.reference} : ${c.prescription.text.fr}`,
        en: `${c.invoice.reference}: ${c.prescription.text.en}`,
      });
  if (!client.invoices.some((c) => c.state === "unpaid")) {
    say("penalties-only", GUARDRAIL_TEXT.penaltiesOnly(client.name));
    return { notices, letter: false };
  }
  const paidLate = client.invoices.filter((c) => c.state === "paid-late").map((c) => c.invoice.reference);
  if (paidLate.length > 0) say("penalties-only", GUARDRAIL_TEXT.paidLateLeftToNote(client.name, paidLate));
  if (missing) {
    say("missing-rate", GUARDRAIL_TEXT.missingRate(client.name, missing));
    return { notices, letter: false };
  }
  for (const text of levelWarnings(client, level)) say("level-order", text);
  if (!client.address) say("missing-address", GUARDRAIL_TEXT.missingAddress(client.name));
  return { notices, letter: true };
}

/**
 * The run of letters at one level over a book: one letter per client with something past due and
 * unpaid, and the sentences about every client that gets none or whose letter needs a look.
 */
export function planLetters(book: RecoveryBook, options: LetterOptions): LetterRun {
  const notices: RunNotice[] = book.nothingLate.map((name) => ({
    kind: "nothing-late" as const,
    client: name,
    text: GUARDRAIL_TEXT.nothingLate(name),
  }));
  for (const e of book.excluded) notices.push({ kind: "excluded", client: e.invoice.client, text: e.text });
  const company = options.company;
  if (!company)
    return {
      level: options.level,
      letters: [],
      notices,
      excluded: book.excluded,
      blocked: GUARDRAIL_TEXT.noCompany,
    };
  const letters: Letter[] = [];
  for (const client of book.clients) {
    const r = clientNotices(client, options.level);
    notices.push(...r.notices);
    if (r.letter)
      letters.push(buildLetter(unpaidPart(client), { ...options, company, date: options.date ?? book.asOf }));
  }
  return { level: options.level, letters, notices, excluded: book.excluded, blocked: undefined };
}
