/**
 * Public types of the register-application core (src/apply). Pure data: no Office.js, no React, no
 * Node I/O. The task pane and the command line both build on these; changes are additive only.
 */
import type { CellValue } from "../cells";
import type {
  ClientType,
  Decimal,
  Language,
  MissingRate,
  SentReminder,
  Settings,
  Text,
  VendorRegistry,
} from "../engine";

export type { CellValue } from "../cells";

/** A value the core writes into a new column: a number (date serial, money, count) or text ("" = blank). */
export type OutputValue = string | number;

/** The two kinds of register. */
export type RegisterMode = "invoices" | "subscriptions";

/** The fields a register column can hold. */
export type FieldId =
  // both modes
  | "vendor"
  | "reference"
  | "client"
  | "clientType"
  // invoices
  | "invoiceDate"
  | "amount"
  | "dueDate"
  | "paidDate"
  | "amountPaid"
  | "invoiceKind"
  | "recoveryCosts"
  // invoices: the dates a payment term may count from instead of the invoice date
  | "receiptDate"
  | "deliveryDate"
  | "orderDate"
  // invoices, read by recovery (statements, letters) and by « Prochaine action »
  | "address"
  | "comment"
  | "disputed"
  | "collectiveProceedings"
  | "lastReminder"
  // subscriptions
  | "startDate"
  | "plan"
  | "lastAddition"
  | "noticeDate"
  | "monthlyFee";

/** Field → 0-based column index in the source range. Editable: computation takes a mapping, not headers. */
export type ColumnMapping = Partial<Record<FieldId, number>>;

export interface FieldInfo {
  readonly id: FieldId;
  readonly label: Text;
  /** The modes in which the field means something. */
  readonly modes: readonly RegisterMode[];
  readonly kind: "date" | "money" | "text";
}

export type MappingProblemKind =
  /** A field the mode needs has no column. */
  | "missing"
  /** Two or more columns were recognised as the same field; the first one is used. */
  | "duplicate"
  /** The headers fit neither mode. */
  | "mode-unknown"
  /** A mapped column index is outside the range. */
  | "out-of-range";

export interface MappingProblem {
  readonly kind: MappingProblemKind;
  readonly field?: FieldId;
  /** 0-based column indexes concerned. */
  readonly columns?: readonly number[];
  readonly message: Text;
}

export interface HeaderRecognition {
  /** The mode the recognised fields point to (or the one asked for); undefined when neither fits. */
  readonly mode: RegisterMode | undefined;
  readonly mapping: ColumnMapping;
  /** Columns no field recognised (kept as they are; they are never modified). */
  readonly unrecognized: readonly { readonly index: number; readonly header: string }[];
  /** Columns that look like the output of an earlier application (same headers as ours). */
  readonly previousOutputs: readonly number[];
  readonly problems: readonly MappingProblem[];
}

export type OutputFormat = "date" | "money" | "integer" | "text";

export type OutputColumnId =
  // invoices
  | "dueDate"
  | "daysLate"
  | "interest"
  | "recoveryFee"
  | "totalPenalty"
  // subscriptions
  | "renewalDate"
  | "noticeDeadline"
  | "daysToNotice"
  | "endDate"
  // both
  | "status"
  // invoices of a register that records its letters (« Dernière relance »)
  | "lastReminder"
  | "nextAction";

/** A new column: bilingual header and the number format to give it. */
export interface OutputColumn {
  readonly id: OutputColumnId;
  readonly header: Text;
  readonly format: OutputFormat;
}

export interface ApplyDefaults {
  /** Invoice kind id when the register has no kind column or the cell is blank. */
  readonly invoiceKind?: string;
  /** Plan id when the register has no plan column or the cell is blank. */
  readonly plan?: string;
  /** Client type when there is no client-type column or the cell is blank (default "pro"). */
  readonly clientType?: ClientType;
}

export interface ApplyOptions {
  readonly mode: RegisterMode;
  readonly mapping: ColumnMapping;
  /**
   * Vendor spec ("omi", "xiahdeh+flat"): used for every row, or for rows whose vendor cell is blank
   * when the mapping has a vendor column.
   */
  readonly vendor?: string;
  /** The "as of" date: an Excel serial or ISO/French date text. */
  readonly asOf: CellValue;
  /** Language of statuses, messages and headers (default "fr"). */
  readonly lang?: Language;
  readonly defaults?: ApplyDefaults;
  /** The source's header texts, used to name columns in messages (default: the field's label). */
  readonly headers?: readonly CellValue[];
  /** Sheet row number of the first data row, for messages ("Ligne 14"). Default 2 (headers on row 1). */
  readonly firstRowNumber?: number;
  readonly registry?: VendorRegistry;
  readonly settings?: Settings;
  /**
   * Letters this run records as sent (the pane's « Marquer comme envoyé », `echeance letters
   * --record`): data row index (0-based) → the letter. The « Dernière relance » column is then written
   * (in place, or added) and « Prochaine action » follows it.
   */
  readonly recorded?: ReadonlyMap<number, SentReminder>;
}

export type InvoiceState =
  "paid-on-time" | "paid-late" | "partly-paid" | "not-due" | "late" | "credit-note" | "error" | "blank";
export type SubscriptionState = "notice-to-send" | "notice-urgent" | "notice-given" | "error" | "blank";
export type RowState = InvoiceState | SubscriptionState;

/** One row's output, keyed by output column id: the mode's columns, whatever their order or place in the sheet. */
export type OutputRow = { readonly [K in OutputColumnId]?: OutputValue };

/** One row's result. */
export interface RowResult {
  readonly values: OutputRow;
  readonly state: RowState;
  /** The status sentence (also `values.status`). */
  readonly status: string;
  /** Invoices: the total penalty (interest + fee) in euros, 0 otherwise. */
  readonly penalty: number;
  readonly interest: number;
  readonly recoveryFee: number;
  /**
   * Invoices: the interest and fee as the engine computed them (the numbers above are these, handed
   * over as numbers): the summary adds these, exactly, without reading the numbers back.
   */
  readonly exact?: { readonly interest: Decimal; readonly recoveryFee: Decimal };
  /**
   * The next date to act on, as an Excel serial: an unpaid invoice's due date, or a subscription's
   * notice deadline (or end date when a notice was given). Undefined when nothing is pending.
   */
  readonly nextDeadline?: number;
  /** The error message, when `state` is "error". */
  readonly error?: string;
  /** Invoices: the rate a late day needs and the table lacks (interest not computed; the rest is). */
  readonly missingRate?: MissingRate;
  /**
   * The row's vendor cell names no vendor of the registry: the name as written (without options).
   * The row is an error, or computed with the law's terms when the default vendor is `loi`.
   */
  readonly unknownVendor?: string;
}

/** A vendor name a register writes that no vendor of the registry answers to, and its rows. */
export interface UnknownVendorRows {
  /** The name as the register first writes it (other spellings of it — case, accents — count with it). */
  readonly name: string;
  readonly rows: number;
  /** The sheet row of its first row. */
  readonly firstRow: number;
}

export interface ApplySummary {
  readonly mode: RegisterMode;
  /** As-of date (Excel serial) and its ISO text. */
  readonly asOf: number;
  readonly asOfIso: string;
  /** Data rows seen (blank rows excluded). */
  readonly rows: number;
  readonly computed: number;
  readonly errors: number;
  readonly blank: number;
  /** The first error messages (at most 10), in row order. */
  readonly firstErrors: readonly { readonly row: number; readonly message: string }[];
  /** Invoices: the sums of late interest, recovery fees and both, rounded to the cent. */
  readonly totalInterest: number;
  readonly totalRecoveryFees: number;
  readonly totalPenalties: number;
  /** Invoices counted late (paid late, unpaid past due, partly paid past due). */
  readonly lateRows: number;
  /**
   * Invoices whose interest could not be computed for want of a rate, by missing rate and half-year
   * (their due date, days late, fee and status are computed; the totals leave their interest out).
   */
  readonly missingRates: readonly {
    readonly rate: MissingRate["rate"];
    readonly halfYear: number;
    readonly rows: number;
  }[];
  /** The soonest pending deadlines on or after the as-of date (at most 5), earliest first. */
  readonly nextDeadlines: readonly {
    readonly row: number;
    readonly label: string;
    readonly date: number;
    readonly dateIso: string;
  }[];
  /**
   * The vendor names the registry does not know, most rows first (at most 10): Apply offers to create
   * each vendor, or to compute their rows with the law's terms (the default vendor `loi`).
   */
  readonly unknownVendors: readonly UnknownVendorRows[];
  /** How many different unknown names the register writes in all (the list keeps the first 10). */
  readonly unknownVendorNames: number;
  /** Rows of unknown vendors computed with the law's terms (the default vendor was `loi`). */
  readonly unknownVendorRowsByLaw: number;
  readonly cancelled: boolean;
}

export interface ApplyResult {
  readonly columns: readonly OutputColumn[];
  /** One row of output values per input row (blank rows give blank values). */
  readonly rows: readonly (readonly OutputValue[])[];
  readonly results: readonly RowResult[];
  readonly summary: ApplySummary;
  /** True when cancelled: `rows` then holds only the rows done. */
  readonly cancelled: boolean;
}

export interface ApplyProgress {
  readonly done: number;
  readonly total: number;
}

export interface RunOptions {
  /** Rows per chunk between yields (default 2,000). */
  readonly chunkSize?: number;
  readonly onProgress?: (p: ApplyProgress) => void;
  /** Checked between chunks; when aborted, the rows done so far are returned with `cancelled: true`. */
  readonly signal?: { readonly aborted: boolean };
  /** How to yield between chunks (default: a macrotask via setTimeout 0). */
  readonly yieldFn?: () => Promise<void>;
}

/** Where each output column is in the sheet: its 0-based column, by id. */
export type OutputColumnPlaces = { readonly [K in OutputColumnId]?: number };

export interface FormulaOptions {
  /** Address of the source range's top-left cell (the header row), e.g. "A1" or "Feuil1!B3". */
  readonly sourceTopLeft: string;
  /**
   * 0-based sheet column index (A = 0) of the first output column. Default: right after the source
   * range (its width taken from `ApplyOptions.headers`, else the widest mapped column).
   */
  readonly outputFirstColumn?: number;
  /** 0-based sheet column of each output column, by id (the planned columns); overrides `outputFirstColumn`. */
  readonly outputColumns?: OutputColumnPlaces;
  /**
   * A cell reference holding the as-of date (e.g. "$K$1"); when absent the as-of date is written as
   * DATE(y,m,d).
   */
  readonly asOfRef?: string;
}
