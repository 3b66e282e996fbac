import {
  latePeriod,
  prepareApply,
  RowProblem,
  type Applier,
  type ApplyOptions,
  type CellValue,
  type ColumnMapping,
  type RegisterMode,
} from "../apply";
import {
  isEngineError,
  vendorResolver,
  type Day,
  type Decimal,
  type Payment,
  type ResolvedVendor,
} from "../engine";
import { serialToDay } from "../input/cell-values";
import { foldText, isMarked } from "../input/recovery-cells";
import type { Letter } from "./letters";
import { REGISTER_TEXT } from "./messages";
import type { RecoveryInvoice, SentReminder } from "./types";

/**
 * The register adapter, one for both faces: a register's rows → recovery's invoice records, read by
 * Apply's own row reader (`prepareApply`: the same header mapping, vendor, due date from the terms or
 * the register, client type, amounts and dates as Apply reads them) and its one late-period decision
 * (`latePeriod`: which payment counts, and when), so that an invoice's statement is the LATEFEE Apply
 * writes for its row. Rows Apply reports as errors are listed with Apply's own sentence, never dropped
 * silently. One pass over the rows.
 */

/** A row the adapter left out or read with a doubt, with the sentence naming it. */
export interface RowNote {
  /** The register row (sheet row number). */
  readonly row: number;
  readonly message: string;
}

export interface RecoveryRegister {
  /** The invoices of the run's vendor, in register order (credit notes and disputed ones included: recovery lists them). */
  readonly invoices: readonly RecoveryInvoice[];
  /** The vendor whose terms the invoices are claimed under (one per run); undefined when no row was read. */
  readonly vendor: ResolvedVendor | undefined;
  /** Every vendor the rows name, in order met: more than one without a vendor chosen means the run must choose. */
  readonly vendors: readonly string[];
  /** Rows Apply reports as errors (its message names the row and the column), rows with no client, rows of another vendor. */
  readonly leftOut: readonly RowNote[];
  /** Rows read with a doubt that did not stop them (an unreadable « Dernière relance », no invoice number). */
  readonly warnings: readonly RowNote[];
  /** Data rows with something in them. */
  readonly rows: number;
  /** The sheet row of the first data row: data row i is register row firstRowNumber + i. */
  readonly firstRowNumber: number;
}

/**
 * What recovery needs mapped, beyond what Apply checks (an amount, a date): an invoice register, a
 * client column (statements and letters are per client) and invoice numbers — each said with how to
 * map it.
 */
export function recoveryMappingProblems(recognition: {
  readonly mode: RegisterMode | undefined;
  readonly mapping: ColumnMapping;
}): { fr: string; en: string }[] {
  if (recognition.mode !== "invoices") return [REGISTER_TEXT.notInvoices];
  const problems = [];
  if (recognition.mapping.client === undefined) problems.push(REGISTER_TEXT.noClient);
  if (recognition.mapping.reference === undefined) problems.push(REGISTER_TEXT.noReference);
  return problems;
}

/** Headers of Apply's own status column: its words can say « litige » on a register Apply has not rewritten yet. */
const STATUS_HEADERS: ReadonlySet<string> = new Set(["statut", "status"]);

/** The payments of a row as the statement takes them: Apply's late-period decision, a full payment as one payment of the whole. */
function paymentsOf(applier: Applier, row: readonly CellValue[], amount: Decimal): Payment[] {
  const paidDate = applier.date(row, "paidDate");
  const amountPaid = applier.amount(row, "amountPaid", false);
  const period = latePeriod({ amount, paidDate, amountPaid }, applier.asOf);
  switch (period.kind) {
    case "paid":
      return [{ date: paidDate as Day, amount }];
    case "partly-paid":
      return [...period.payments];
    default:
      return [];
  }
}

/**
 * A register's rows read for recovery. `options` are Apply's (mode "invoices", the mapping, the
 * as-of date that will be the statement's date d'arrêté, the vendor or a vendor column, the terms in
 * force). Throws the engine's error for a bad vendor or as-of date, as `prepareApply` does.
 */
export function readRecoveryRegister(
  rows: readonly (readonly CellValue[])[],
  options: ApplyOptions,
): RecoveryRegister {
  const applier = prepareApply({ ...options, mode: "invoices" });
  const lang = applier.lang;
  const chosen =
    options.vendor !== undefined && options.vendor.trim() !== ""
      ? vendorResolver(options.registry, options.settings).resolve(options.vendor)
      : undefined;
  const statusColumn = (options.headers ?? []).findIndex(
    (h, i) => STATUS_HEADERS.has(foldText(String(h ?? ""))) && !Object.values(options.mapping).includes(i),
  );
  const invoices: RecoveryInvoice[] = [];
  const leftOut: RowNote[] = [];
  const warnings: RowNote[] = [];
  const vendors: string[] = [];
  let vendor = chosen;
  let seen = 0;
  rows.forEach((row, index) => {
    const result = computeForRecovery(applier, row, index, options.mapping.clientType);
    if (result.state === "blank") return;
    seen += 1;
    const n = applier.rowNumber(index);
    if (result.state === "error") {
      leftOut.push({ row: n, message: result.error ?? result.status });
      return;
    }
    const client = applier.text(row, "client");
    if (client === undefined) {
      leftOut.push({ row: n, message: REGISTER_TEXT.noClientOnRow(n)[lang] });
      return;
    }
    let reference = applier.text(row, "reference");
    if (reference === undefined) {
      reference = REGISTER_TEXT.referenceOfRow(n)[lang];
      warnings.push({ row: n, message: REGISTER_TEXT.noReferenceOnRow(n)[lang] });
    }
    const rowVendor = applier.vendorFor(row);
    if (!vendors.includes(rowVendor.spec)) vendors.push(rowVendor.spec);
    vendor ??= rowVendor;
    if (rowVendor.spec !== vendor.spec) {
      leftOut.push({
        row: n,
        message: REGISTER_TEXT.otherVendor(n, reference, rowVendor.spec, vendor.spec)[lang],
      });
      return;
    }
    try {
      const due = serialToDay(result.values.dueDate as number);
      invoices.push(invoiceOf(applier, row, n, { reference, client, due, statusColumn }, warnings));
    } catch (e) {
      // A cell Apply did not need for this row (a credit note's payment date) and recovery cannot read.
      if (!(e instanceof RowProblem)) throw e;
      leftOut.push({ row: n, message: applier.errorMessage(e, index) });
    }
  });
  return {
    invoices,
    vendor,
    vendors,
    leftOut,
    warnings,
    rows: seen,
    firstRowNumber: applier.rowNumber(0),
  };
}

/**
 * Apply's computation of a row. A consumer's invoice under terms written for professionals only (OMI,
 * Sillage, Digitalli) is an error for Apply — those terms cannot price it — but recovery still claims
 * its principal, with interest as Code civil 1231-6 sets it and no 40 € fee (docs/recovery.md, « A
 * consumer client »): its due date is then the terms' own, computed with the client cell left blank,
 * and the record keeps the consumer type.
 */
function computeForRecovery(
  applier: Applier,
  row: readonly CellValue[],
  index: number,
  clientColumn: number | undefined,
): ReturnType<Applier["computeRow"]> {
  const result = applier.computeRow(row, index);
  if (result.state !== "error" || clientColumn === undefined) return result;
  let consumerOutsideTerms = false;
  try {
    consumerOutsideTerms =
      applier.client(row) === "consumer" && !applier.vendorFor(row).profile.clients.includes("consumer");
  } catch (e) {
    if (!(e instanceof RowProblem) && !isEngineError(e)) throw e;
  }
  if (!consumerOutsideTerms) return result;
  const asProfessional = row.map((cell, i) => (i === clientColumn ? "" : cell));
  const again = applier.computeRow(asProfessional, index);
  return again.state === "error" ? result : again;
}

/** The invoice date, shown in the letters: unreadable is left out (Apply needed it only without a due date). */
function shownDate(applier: Applier, row: readonly CellValue[]): Day | undefined {
  try {
    return applier.date(row, "invoiceDate");
  } catch (e) {
    if (e instanceof RowProblem) return undefined;
    throw e;
  }
}

/** One row Apply computed, as recovery's invoice record; throws a RowProblem for a cell it cannot read. */
function invoiceOf(
  applier: Applier,
  row: readonly CellValue[],
  n: number,
  known: { reference: string; client: string; due: Day; statusColumn: number },
  warnings: RowNote[],
): RecoveryInvoice {
  const amount = applier.amount(row, "amount", true, "allowed") as Decimal;
  const comment = applier.text(row, "comment");
  const statusCell = known.statusColumn < 0 ? undefined : row[known.statusColumn];
  const statusText =
    typeof statusCell === "string" && statusCell.trim() !== "" ? statusCell.trim() : undefined;
  const status = [comment, statusText].filter((s) => s !== undefined).join(" ; ");
  const sent = applier.lastReminder(row);
  let lastReminder: SentReminder | undefined;
  if (sent && "problem" in sent)
    warnings.push({ row: n, message: REGISTER_TEXT.lastReminder(n, sent.problem)[applier.lang] });
  else lastReminder = sent;
  return {
    row: n,
    reference: known.reference,
    client: known.client,
    clientAddress: applier.text(row, "address"),
    clientType: applier.client(row),
    invoiceDate: shownDate(applier, row),
    dueDate: known.due,
    amount,
    // A credit note bears no penalties: its payments are not read (Apply does not read them either).
    payments: amount.isNeg() ? [] : paymentsOf(applier, row, amount),
    recoveryCosts: amount.isNeg() ? undefined : applier.amount(row, "recoveryCosts", false),
    status: status === "" ? undefined : status,
    disputed: isMarked(applier.cell(row, "disputed")),
    collectiveProceedings: isMarked(applier.cell(row, "collectiveProceedings")),
    lastReminder,
  };
}

/**
 * The letters of a run as the register records them (« Marquer comme envoyé », `--record`): data row
 * index → the letter, for every invoice a letter chased, dated `date` — what `ApplyOptions.recorded`
 * takes, so that Apply writes « Dernière relance » and the next « Prochaine action ».
 */
export function recordedLetters(
  letters: readonly Letter[],
  date: Day,
  firstRowNumber: number,
): Map<number, SentReminder> {
  const recorded = new Map<number, SentReminder>();
  for (const letter of letters)
    for (const c of letter.client.invoices)
      recorded.set(c.invoice.row - firstRowNumber, { level: letter.level, date });
  return recorded;
}
