import { readAmount, readDate, serialToDay } from "../input/cell-values";
import {
  describeInvoiceTerms,
  isEngineError,
  resolveVendor,
  SHIPPED_REGISTRY,
  DEFAULT_SETTINGS,
  type Day,
  type Decimal,
  type Language,
  type Settings,
  type Text,
  type VendorRegistry,
} from "../engine";
import {
  normalizeHeader,
  prepareApply,
  recognizeHeaders,
  type CellValue,
  type ColumnMapping,
} from "../apply";
import {
  agingByVendor,
  paymentDelayTable,
  type AgingRow,
  type DelayInvoice,
  type DelayTable,
} from "./payment-delays";

/** How the year's total is named when it is not an amount. */
const YEAR_TOTAL = { en: "year total excl. VAT", fr: "total de l'exercice HT" } as const;

/**
 * From an invoice register (the same rows, header recognition and due dates as Apply) to the D441-6
 * table and the aging view. Pure over cell values, shared by the task pane and `echeance report`.
 */

export type ReportKind = "received" | "issued";

export interface ReportOptions {
  readonly kind: ReportKind;
  /** Closing date of the financial year: an Excel serial or ISO/French text. */
  readonly closing: CellValue;
  /** The year's purchases (received) or revenue (issued) excluding VAT; blank: no percentages. */
  readonly yearTotalExclVat?: CellValue;
  /** Vendor spec for rows without a vendor column or with a blank vendor cell. */
  readonly vendor?: string;
  /** Column mapping (default: recognised from the header row). */
  readonly mapping?: ColumnMapping;
  /** 0-based column marking disputed or unbooked invoices (default: recognised from the headers). */
  readonly excludedColumn?: number;
  readonly lang?: Language;
  readonly firstRowNumber?: number;
  readonly registry?: VendorRegistry;
  readonly settings?: Settings;
}

export interface RegisterReport {
  readonly kind: ReportKind;
  readonly closing: Day;
  readonly table: DelayTable;
  readonly aging: readonly AgingRow[];
  readonly invoices: readonly DelayInvoice[];
  /** Rows that could not be placed, with the reason naming the column. */
  readonly errors: readonly { readonly row: number; readonly message: string }[];
  /** Section (C): the payment terms each vendor's due dates came from. */
  readonly references: readonly { readonly vendor: string; readonly terms: readonly Text[] }[];
  /** Whether some due dates were read from the register's own due-date column. */
  readonly registerDueDates: boolean;
  /**
   * Invoices dated after the closing date, left out: they were neither receivables nor debts at the
   * closing (the table looks at the books on that day).
   */
  readonly afterClosing: number;
  readonly excludedColumn: number | undefined;
}

/** Headers that mark an invoice as disputed or not booked (section B of the model table). */
const EXCLUDED_HEADERS = [
  "litige",
  "litigieuse",
  "litigieux",
  "en litige",
  "contestee",
  "contestation",
  "exclue",
  "exclu",
  "non comptabilisee",
  "disputed",
  "dispute",
  "excluded",
  "not booked",
];

export function findExcludedColumn(headers: readonly CellValue[]): number | undefined {
  const index = headers.findIndex((h) => EXCLUDED_HEADERS.includes(normalizeHeader(h)));
  return index < 0 ? undefined : index;
}

const NOT_EXCLUDED = new Set(["", "non", "no", "n", "false", "faux", "0", "-"]);

/** A cell of the excluded column: "oui", "x", "litige", TRUE… exclude; blank, "non", 0, FALSE do not. */
export function isExcludedMark(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  return !NOT_EXCLUDED.has(normalizeHeader(value));
}

export function reportFromRegister(
  values: readonly (readonly CellValue[])[],
  options: ReportOptions,
): RegisterReport {
  const lang = options.lang ?? "fr";
  const headers = values[0] ?? [];
  const rows = values.slice(1);
  const mapping = options.mapping ?? recognizeHeaders(headers, { mode: "invoices" }).mapping;
  const excludedColumn = options.excludedColumn ?? findExcludedColumn(headers);
  const applier = prepareApply({
    mode: "invoices",
    mapping,
    asOf: options.closing,
    lang,
    headers,
    firstRowNumber: options.firstRowNumber ?? 2,
    ...(options.vendor === undefined ? {} : { vendor: options.vendor }),
    ...(options.registry === undefined ? {} : { registry: options.registry }),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  });
  const closing = applier.asOf;
  const yearTotal = readAmount(options.yearTotalExclVat, YEAR_TOTAL[lang]);

  const invoices: DelayInvoice[] = [];
  const errors: { row: number; message: string }[] = [];
  const vendors = new Set<string>();
  let registerDueDates = false;

  let afterClosing = 0;

  rows.forEach((row, i) => {
    const rowNumber = applier.rowNumber(i);
    // A credit note (a negative amount) computes like an invoice: its due date places it in a band.
    const amount = mapping.amount === undefined ? undefined : safeAmount(row[mapping.amount]);
    const result = applier.computeRow(row, i);
    if (result.state === "blank") return;
    // An invoice issued after the closing did not exist at the closing: it belongs to no band.
    const issued = mapping.invoiceDate === undefined ? undefined : readDateSafe(row[mapping.invoiceDate]);
    if (issued !== undefined && issued > closing) {
      afterClosing += 1;
      return;
    }
    if (result.state === "error" || amount === undefined) {
      errors.push({ row: rowNumber, message: result.error ?? result.status });
      return;
    }
    const due = result.values.dueDate;
    if (typeof due !== "number") {
      errors.push({ row: rowNumber, message: result.status });
      return;
    }
    if (mapping.dueDate !== undefined && readDateSafe(row[mapping.dueDate]) !== undefined)
      registerDueDates = true;
    const vendor = vendorName(row, mapping, options.vendor);
    vendors.add(vendor);
    invoices.push({
      row: rowNumber,
      vendor,
      outstanding: outstandingAtClosing(row, mapping, amount, closing),
      dueDate: serialToDay(due),
      excluded: excludedColumn !== undefined && isExcludedMark(row[excludedColumn]),
    });
  });

  return {
    kind: options.kind,
    closing,
    table: paymentDelayTable(invoices, closing, yearTotal),
    aging: agingByVendor(invoices, closing),
    invoices,
    errors,
    references: [...vendors].sort().map((vendor) => ({ vendor, terms: termsOf(vendor, options) })),
    registerDueDates,
    afterClosing,
    excludedColumn,
  };
}

/**
 * What was still unpaid at closing: the whole amount, unless a payment dated on or before closing
 * settled it (all of it, or the "amount paid" column's part). Payments after closing do not count:
 * the table looks at the books on the closing date.
 */
function outstandingAtClosing(
  row: readonly CellValue[],
  mapping: ColumnMapping,
  amount: Decimal,
  closing: Day,
): Decimal {
  const paidOn = mapping.paidDate === undefined ? undefined : readDateSafe(row[mapping.paidDate]);
  if (paidOn === undefined || paidOn > closing) return amount;
  const paid = mapping.amountPaid === undefined ? undefined : safeAmount(row[mapping.amountPaid]);
  return paid === undefined ? amount.minus(amount) : amount.minus(paid);
}

function vendorName(row: readonly CellValue[], mapping: ColumnMapping, fallback: string | undefined): string {
  const cell = mapping.vendor === undefined ? undefined : row[mapping.vendor];
  const text = cell === undefined || cell === null ? "" : String(cell).trim();
  return text !== "" ? text : (fallback ?? "").trim();
}

function termsOf(vendor: string, options: ReportOptions): Text[] {
  try {
    const { profile } = resolveVendor(
      vendor,
      options.registry ?? SHIPPED_REGISTRY,
      options.settings ?? DEFAULT_SETTINGS,
    );
    return describeInvoiceTerms(profile);
  } catch (e) {
    if (!isEngineError(e)) throw e;
    return [];
  }
}

function safeAmount(value: CellValue | undefined): Decimal | undefined {
  try {
    return readAmount(value, "amount");
  } catch {
    return undefined;
  }
}

function readDateSafe(value: CellValue | undefined): Day | undefined {
  try {
    return readDate(value, "date");
  } catch {
    return undefined;
  }
}
