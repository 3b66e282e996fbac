import type {
  ClientType,
  Day,
  Decimal,
  InvoiceStatement,
  Payment,
  PrescriptionCheck,
  SentReminder,
  Text,
} from "../engine";

export { REMINDER_LEVELS, type ReminderLevel, type SentReminder } from "../engine";

/**
 * The recovery core's data: an invoice as recovery sees it (one register row, already read), and what
 * the core makes of a register — per client, the invoices it may claim, their statements and totals,
 * and every invoice it leaves out with the reason.
 */

/**
 * One invoice of a register, as the per-register adapter reads it. Every field is a register column
 * (or a default): reference « N° facture », client « Client », address « Adresse », client type
 * « Type client », invoice date, due date (given or computed from the terms), amount « Montant TTC »,
 * payments « Payé le » + « Montant payé », status text « Statut » / « Commentaire », a dispute mark
 * « Litige », « Procédure collective », « Dernière relance ».
 */
export interface RecoveryInvoice {
  /** The row as the user sees it (register row number), for messages. */
  readonly row: number;
  readonly reference: string;
  readonly client: string;
  /** Lines separated by "\n"; absent when the register has no address for the client. */
  readonly clientAddress?: string | undefined;
  readonly clientType: ClientType;
  readonly invoiceDate?: Day | undefined;
  readonly dueDate: Day;
  /** TTC; negative for a credit note. */
  readonly amount: Decimal;
  /** Every payment with its date (a full payment is one payment of the whole amount). */
  readonly payments: readonly Payment[];
  /** Justified recovery costs above the 40 € fee (L441-10 II). */
  readonly recoveryCosts?: Decimal | undefined;
  /** Free status or comment text: « litige », « contestée » exclude the invoice. */
  readonly status?: string | undefined;
  /** A dispute mark column (« Litige » : oui / x). */
  readonly disputed?: boolean | undefined;
  /** The client is in sauvegarde, redressement or liquidation judiciaire. */
  readonly collectiveProceedings?: boolean | undefined;
  readonly lastReminder?: SentReminder | undefined;
}

/** Why an invoice is left out of statements, letters and notes. */
export type ExclusionReason = "disputed" | "credit-note" | "collective-proceedings" | "invalid";

export interface ExcludedInvoice {
  readonly invoice: RecoveryInvoice;
  readonly reason: ExclusionReason;
  readonly text: Text;
}

/** An invoice the client owes something on: principal past due, or penalties of a late payment. */
export interface ClaimedInvoice {
  readonly invoice: RecoveryInvoice;
  readonly statement: InvoiceStatement;
  /** Principal still due and past due on the date d'arrêté, or paid (late) with penalties left. */
  readonly state: "unpaid" | "paid-late";
  readonly prescription: PrescriptionCheck;
}

export interface ClientTotals {
  /** Principal still due on the late invoices. */
  readonly principal: Decimal;
  readonly interest: Decimal;
  readonly fees: Decimal;
  /** interest + fees (Σ LATEFEE). */
  readonly penalties: Decimal;
  /** principal + penalties. */
  readonly claimed: Decimal;
}

export interface ClientFile {
  /** The client's name as first written in the register. */
  readonly name: string;
  /** The grouping key (case, accents and spacing folded). */
  readonly key: string;
  readonly address: string | undefined;
  readonly clientType: ClientType;
  readonly invoices: readonly ClaimedInvoice[];
  readonly totals: ClientTotals;
  /** The most advanced letter recorded for the client's claimed invoices. */
  readonly lastReminder: SentReminder | undefined;
}

/** What the core makes of a register as of a date: claims per client, and what it left out. */
export interface RecoveryBook {
  readonly asOf: Day;
  readonly clients: readonly ClientFile[];
  readonly excluded: readonly ExcludedInvoice[];
  /** Invoices neither late nor owing penalties on the date d'arrêté. */
  readonly notLate: number;
  /** Clients of the register with invoices, none of them late: no letter, and the run says so. */
  readonly nothingLate: readonly string[];
}
