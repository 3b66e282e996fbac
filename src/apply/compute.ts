import {
  centsToNumber,
  Decimal,
  dueDate as engineDueDate,
  endDate as engineEndDate,
  formatDate,
  formatMoney,
  isEngineError,
  latePaymentKnown,
  nextAction,
  noticeDeadline as engineNoticeDeadline,
  renderExplanation,
  renewalDate as engineRenewalDate,
  LAW_VENDOR,
  Trace,
  type Day,
  type Language,
  type MissingRate,
  type ResolvedVendor,
  type SentReminder,
  type Text,
} from "../engine";
import { formatLastReminder } from "../input/recovery-cells";
import { dayToSerial, serialToDay } from "../input/cell-values";
import { runColumns } from "./columns";
import { latePeriod } from "./late-period";
import { RowProblem, RowReader, type TermStartDate } from "./row-reader";
import {
  EXPLANATION,
  HOW_COMPUTED,
  INVOICE_STATUS,
  missingRateCell,
  missingRateSentence,
  moneyText,
  NEXT_ACTION_TEXT,
  ROW_PROBLEM,
  SUBSCRIPTION_STATUS,
} from "./status";
import type {
  ApplyOptions,
  CellValue,
  FieldId,
  OutputColumn,
  OutputRow,
  OutputValue,
  RegisterMode,
  RowResult,
  RowState,
} from "./types";

/**
 * One register row computed: an invoice's due date, days late, interest, fee and status, or a
 * subscription's renewal, notice deadline, end date and status, keyed by output column id. Cells are
 * read by the row reader (row-reader.ts), the late period decided once (late-period.ts), the sentences
 * worded by the status catalogue (status.ts).
 */

// One formatter for dates and amounts in French and English text: the engine's (src/engine/format.ts).
export { formatDate, formatMoney, missingRateSentence };

/** Which register column an engine error's argument is about. */
const ARGUMENT_FIELDS: ReadonlyMap<string, FieldId> = new Map([
  ["vendor", "vendor"],
  ["amount", "amount"],
  ["invoiceKind", "invoiceKind"],
  ["plan", "plan"],
  ["lastAdditionDate", "lastAddition"],
  ["clientType", "clientType"],
  ["recoveryCosts", "recoveryCosts"],
  ["startDate", "startDate"],
  ["noticeDate", "noticeDate"],
  ["payments", "amountPaid"],
]);

interface InvoiceComputation {
  readonly vendor: ResolvedVendor;
  readonly due: Day;
  /** How the due date was counted, when the vendor's term computed it (not the register's own due date). */
  readonly start?: TermStartDate | undefined;
  /** The rate a late day needs and the rate table lacks: interest not computed, the rest is. */
  readonly missingRate?: MissingRate | undefined;
  readonly daysLate: number;
  readonly interest: Decimal;
  readonly fee: Decimal;
  readonly total: Decimal;
  readonly state: RowState;
  readonly outstanding: Decimal;
  readonly end: Day;
}

interface SubscriptionComputation {
  readonly renewal: Day;
  readonly deadline: Day | undefined;
  readonly end: Day;
  readonly notice: Day | undefined;
  readonly state: "notice-given" | "notice-urgent" | "notice-to-send";
}

/**
 * A register application prepared once (vendor resolved, as-of parsed, columns laid out) and then
 * applied row by row. Create it with `prepareApply`.
 */
export class Applier extends RowReader {
  readonly mode: RegisterMode;
  readonly columns: readonly OutputColumn[];

  /** Whether the run writes recovery's columns (« Dernière relance », « Prochaine action »). */
  private readonly letters: { readonly lastReminder: boolean; readonly nextAction: boolean };

  constructor(options: ApplyOptions) {
    super(options);
    this.mode = options.mode;
    this.columns = runColumns(this.mode, {
      tracked: options.mapping.lastReminder !== undefined,
      recording: options.recorded !== undefined,
    });
    this.letters = {
      lastReminder: this.columns.some((c) => c.id === "lastReminder"),
      nextAction: this.columns.some((c) => c.id === "nextAction"),
    };
  }

  // ---- invoices --------------------------------------------------------------------------------

  private computeInvoice(row: readonly CellValue[], trace?: Trace): InvoiceComputation {
    const v = this.vendorFor(row);
    // A negative amount is a credit note: it bears no penalties (and is netted in the D441-6 bands).
    const amount = this.amount(row, "amount", true, "allowed") as Decimal;
    let due = this.date(row, "dueDate");
    let start: TermStartDate | undefined;
    if (due === undefined) {
      const kind = this.kindFor(row, v);
      // From the receipt, delivery or order column when the term counts from it, else the invoice date.
      const from = this.engine("invoiceKind", () => this.termStartDate(row, v, kind));
      start = from;
      due = this.engine("invoiceKind", () =>
        engineDueDate(v.profile, from.date, kind, v.settings, trace, from.counted),
      );
    }
    if (amount.isNeg()) {
      const zero = new Decimal(0);
      return {
        vendor: v,
        start,
        due,
        daysLate: 0,
        interest: zero,
        fee: zero,
        total: zero,
        state: "credit-note",
        outstanding: amount,
        end: this.asOf,
      };
    }
    const paid = this.date(row, "paidDate");
    const amountPaid = this.amount(row, "amountPaid", false);
    const client = this.client(row);
    const costs = this.amount(row, "recoveryCosts", false);
    const period = latePeriod({ amount, paidDate: paid, amountPaid }, this.asOf);
    if (period.kind === "payment-without-date")
      throw new RowProblem("paidDate", ROW_PROBLEM.paymentWithoutDate(moneyText(period.amountPaid)));
    const r = this.engine(undefined, () =>
      latePaymentKnown(
        v.profile,
        {
          amount,
          dueDate: due,
          paidDate: period.end,
          payments: period.payments,
          recoveryCosts: costs,
          client,
        },
        v.settings,
        trace,
      ),
    );
    const state: RowState =
      period.kind === "partly-paid"
        ? "partly-paid"
        : period.kind === "paid"
          ? r.daysLate > 0
            ? "paid-late"
            : "paid-on-time"
          : this.asOf > due
            ? "late"
            : "not-due";
    return {
      vendor: v,
      start,
      due,
      missingRate: r.missingRate?.missingRate,
      daysLate: r.daysLate,
      interest: r.interest,
      fee: r.recoveryFee,
      total: r.total,
      state,
      outstanding: period.outstanding,
      end: period.end,
    };
  }

  /**
   * The row's status: its situation, then how it was computed where that is not the vendor's usual
   * reading — the date the term counted from, the law's terms — then a missing rate.
   */
  private invoiceStatus(c: InvoiceComputation, unknownVendor: string | undefined): string {
    const sentences: Text[] = [this.invoiceSituation(c)];
    const start = c.start;
    if (start?.wanted !== undefined) {
      if (start.counted === start.wanted) sentences.push(HOW_COMPUTED.countedFrom(start.wanted, start.date));
      else if (!start.legalDefault) sentences.push(HOW_COMPUTED.invoiceDateStandsIn(start.wanted));
    }
    if (c.vendor.profile.id === LAW_VENDOR.id) {
      if (unknownVendor !== undefined) sentences.push(HOW_COMPUTED.unknownVendor(unknownVendor));
      sentences.push(HOW_COMPUTED.law);
    }
    const text = sentences.map((x) => x[this.lang]).join(". ");
    if (c.missingRate === undefined) return text;
    return `${text}. ${missingRateSentence(c.missingRate, this.lang)}`;
  }

  private invoiceSituation(c: InvoiceComputation) {
    switch (c.state) {
      case "credit-note":
        return INVOICE_STATUS.creditNote;
      case "paid-on-time":
        return INVOICE_STATUS.paidOnTime;
      case "paid-late":
        return INVOICE_STATUS.paidLate(c.daysLate);
      case "partly-paid":
        return c.daysLate > 0
          ? INVOICE_STATUS.partlyPaidLate(moneyText(c.outstanding), c.daysLate)
          : INVOICE_STATUS.partlyPaidDue(moneyText(c.outstanding), c.due);
      case "late":
        return INVOICE_STATUS.unpaidLate(c.daysLate);
      default:
        return INVOICE_STATUS.dueBy(c.due);
    }
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  private computeSubscription(row: readonly CellValue[], trace?: Trace): SubscriptionComputation {
    const v = this.vendorFor(row);
    const start = this.requiredDate(row, "startDate");
    const planId = this.planFor(row, v);
    const lastAddition = this.date(row, "lastAddition");
    const notice = this.date(row, "noticeDate");
    const query = { start, planId, lastAddition };
    const renewal = this.engine("plan", () => engineRenewalDate(v.profile, query, this.asOf, trace));
    if (notice !== undefined) {
      const { end } = this.engine("noticeDate", () => engineEndDate(v.profile, query, notice, trace));
      return { renewal, deadline: undefined, end, notice, state: "notice-given" };
    }
    const { deadline } = this.engine("plan", () => engineNoticeDeadline(v.profile, query, this.asOf, trace));
    const { end } = this.engine("plan", () => engineEndDate(v.profile, query, this.asOf, trace));
    const state = deadline - this.asOf <= 30 ? "notice-urgent" : "notice-to-send";
    return { renewal, deadline, end, notice, state };
  }

  private subscriptionStatus(c: SubscriptionComputation): string {
    if (c.state === "notice-given")
      return (
        c.end < this.asOf ? SUBSCRIPTION_STATUS.ended(c.end) : SUBSCRIPTION_STATUS.noticeReceived(c.end)
      )[this.lang];
    const deadline = c.deadline as Day;
    const left = deadline - this.asOf;
    return (
      left === 0 ? SUBSCRIPTION_STATUS.noticeToday(deadline) : SUBSCRIPTION_STATUS.noticeBy(deadline, left)
    )[this.lang];
  }

  // ---- rows --------------------------------------------------------------------------------------

  /** Runs an engine call; its errors become row problems attributed to the column they are about. */
  private engine<T>(fallback: FieldId | undefined, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (!isEngineError(e)) throw e;
      // A rule the vendor lacks or a missing rate is about the row, not about a cell.
      const field =
        (e.argument !== undefined ? ARGUMENT_FIELDS.get(e.argument) : undefined) ??
        (e.kind === "invalid-input" ? fallback : undefined);
      const mapped = field !== undefined && this.options.mapping[field] !== undefined ? field : undefined;
      // "invoiceKind « x » n'est pas…" under the column's own name reads "« x » n'est pas…".
      const arg = e.argument;
      const strip = (s: string): string =>
        mapped !== undefined && arg !== undefined && s.startsWith(`${arg} `) ? s.slice(arg.length + 1) : s;
      throw new RowProblem(mapped, { en: strip(e.text.en), fr: strip(e.text.fr) });
    }
  }

  /** The mode's output row with every cell blank but `status`. */
  private blankRow(status: string): OutputRow {
    const values: { [K in OutputColumn["id"]]?: OutputValue } = {};
    for (const c of this.columns) values[c.id] = "";
    values.status = status;
    return values;
  }

  /**
   * Computes one data row (`index` is 0-based among the data rows, for messages). Never throws for a
   * bad cell: the row comes back with state "error" and the message as its status.
   */
  computeRow(row: readonly CellValue[], index: number): RowResult {
    const result = this.computeRowCells(row, index);
    if (!this.letters.lastReminder) return result;
    // A recording run writes « Dernière relance » on every row: this run's letter, else the cell as it was.
    return { ...result, values: { ...result.values, lastReminder: this.lastReminderCell(row, index) } };
  }

  /** The « Dernière relance » cell a recording run writes for a row. */
  private lastReminderCell(row: readonly CellValue[], index: number): OutputValue {
    const recorded = this.options.recorded?.get(index);
    if (recorded) return formatLastReminder(recorded, this.lang);
    const v = this.cell(row, "lastReminder");
    return typeof v === "number" || typeof v === "string" ? v : v === true || v === false ? String(v) : "";
  }

  /** The letter recorded for a row: this run's, else its « Dernière relance » cell (or why it is unreadable). */
  private lastSent(row: readonly CellValue[], index: number): SentReminder | undefined | { problem: Text } {
    return this.options.recorded?.get(index) ?? this.lastReminder(row);
  }

  /**
   * « Prochaine action » for an invoice: for one unpaid and past due, the next letter and from when
   * (src/engine/reminders.ts), or why none — in dispute, in collective proceedings, or a « Dernière
   * relance » that cannot be read; blank for the others.
   */
  private nextActionCell(row: readonly CellValue[], index: number, c: InvoiceComputation): string {
    const chased = c.state === "late" || (c.state === "partly-paid" && c.daysLate > 0);
    if (!chased) return "";
    if (this.inCollectiveProceedings(row)) return NEXT_ACTION_TEXT.collective[this.lang];
    if (this.disputed(row)) return NEXT_ACTION_TEXT.disputed[this.lang];
    const sent = this.lastSent(row, index);
    if (sent && "problem" in sent)
      return NEXT_ACTION_TEXT.unreadable(this.columnName("lastReminder"), sent.problem)[this.lang];
    return nextAction(c.due, sent).text[this.lang];
  }

  private computeRowCells(row: readonly CellValue[], index: number): RowResult {
    if (this.isBlankRow(row))
      return {
        values: this.blankRow(""),
        state: "blank",
        status: "",
        penalty: 0,
        interest: 0,
        recoveryFee: 0,
      };
    // A vendor name no vendor answers to: grouped in the summary, with an offer to create the vendor.
    const unknownVendor = this.options.mapping.vendor === undefined ? undefined : this.unknownVendorIn(row);
    try {
      const r =
        this.mode === "invoices" ? this.invoiceRow(row, index, unknownVendor) : this.subscriptionRow(row);
      return unknownVendor === undefined ? r : { ...r, unknownVendor };
    } catch (e) {
      const problem =
        e instanceof RowProblem
          ? e
          : new RowProblem(undefined, ROW_PROBLEM.internal(e instanceof Error ? e.message : String(e)));
      const message = this.errorMessage(problem, index);
      return {
        values: this.blankRow(message),
        state: "error",
        status: message,
        penalty: 0,
        interest: 0,
        recoveryFee: 0,
        error: message,
        ...(unknownVendor === undefined ? {} : { unknownVendor }),
      };
    }
  }

  private invoiceRow(row: readonly CellValue[], index: number, unknownVendor: string | undefined): RowResult {
    const c = this.computeInvoice(row);
    const status = this.invoiceStatus(c, unknownVendor);
    const pending = c.state === "not-due" || (c.state === "partly-paid" && c.daysLate === 0);
    // A missing rate leaves the interest (and the total that includes it) saying so; the rest stands.
    const missing = c.missingRate === undefined ? undefined : missingRateCell(c.missingRate, this.lang);
    // Handed to Excel as numbers here, once each (the cents are exact in a double's shortest form).
    const interest = centsToNumber(c.interest);
    const fee = centsToNumber(c.fee);
    const total = centsToNumber(c.total);
    // Built property by property, not spread: a spread per row costs more than the rest of this.
    const values: Writable<OutputRow> = {
      dueDate: dayToSerial(c.due),
      daysLate: c.daysLate,
      interest: missing ?? interest,
      recoveryFee: fee,
      totalPenalty: missing ?? total,
      status,
    };
    if (this.letters.nextAction) values.nextAction = this.nextActionCell(row, index, c);
    const result: Writable<RowResult> = {
      values,
      state: c.state,
      status,
      penalty: total,
      interest,
      recoveryFee: fee,
      exact: { interest: c.interest, recoveryFee: c.fee },
    };
    if (c.missingRate !== undefined) result.missingRate = c.missingRate;
    if (pending) result.nextDeadline = dayToSerial(c.due);
    return result;
  }

  private subscriptionRow(row: readonly CellValue[]): RowResult {
    const c = this.computeSubscription(row);
    const status = this.subscriptionStatus(c);
    // A renewal after the contract's end (a notice was given) will not happen: none is shown.
    const renews = c.notice === undefined || c.renewal <= c.end;
    const result: Writable<RowResult> = {
      values: {
        renewalDate: renews ? dayToSerial(c.renewal) : "",
        noticeDeadline: c.deadline === undefined ? "" : dayToSerial(c.deadline),
        daysToNotice: c.deadline === undefined ? "" : c.deadline - this.asOf,
        endDate: dayToSerial(c.end),
        status,
      },
      state: c.state,
      status,
      penalty: 0,
      interest: 0,
      recoveryFee: 0,
    };
    const next = c.deadline ?? (c.end >= this.asOf ? c.end : undefined);
    if (next !== undefined) result.nextDeadline = dayToSerial(next);
    return result;
  }

  /**
   * The row's explanation: what was read, then the engine's steps with their clause citations.
   */
  explainRow(row: readonly CellValue[], index: number): string {
    const lang = this.lang;
    const result = this.computeRow(row, index);
    const head = EXPLANATION.head(this.rowNumber(index), this.asOf)[lang];
    const sep = EXPLANATION.separator[lang];
    const cols = this.columns.map(
      (c) => `  ${c.header[lang]}${sep}${show(result.values[c.id], c.format, lang)}`,
    );
    if (result.state === "error" || result.state === "blank") return [head, ...cols].join("\n");
    const trace = new Trace();
    try {
      if (this.mode === "invoices") this.computeInvoice(row, trace);
      else this.computeSubscription(row, trace);
    } catch {
      // computeRow succeeded on the same row: an explanation failure cannot hide its result.
    }
    const vendor = this.vendorFor(row);
    const intro = EXPLANATION.vendor(vendor.profile.legalName, vendor.spec)[lang];
    // Renewal, deadline and end date each describe the plan: say it once.
    const seen = new Set<string>();
    const steps = trace.steps.filter((st) => !seen.has(st.text.en) && seen.add(st.text.en));
    const explanation = { steps, interpretations: trace.interpretations, segments: trace.segments };
    return [head, intro, ...cols, "", renderExplanation(explanation, lang)].join("\n");
  }
}

/** A result being built, before it is handed over read-only. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

function show(value: OutputValue | undefined, format: string, lang: Language): string {
  if (value === undefined || value === "") return "—";
  if (typeof value === "number" && format === "date") return formatDate(serialToDay(value), lang);
  if (typeof value === "number" && format === "money") return formatMoney(value, lang);
  return String(value);
}

/** Prepares a register application: resolves the vendor and the as-of date once. Throws an EngineError for a bad vendor or as-of date. */
export function prepareApply(options: ApplyOptions): Applier {
  return new Applier(options);
}
