import {
  Decimal,
  dueDate as engineDueDate,
  EngineError,
  endDate as engineEndDate,
  halfYearText,
  isEngineError,
  latePaymentKnown,
  type MissingRate,
  noticeDeadline as engineNoticeDeadline,
  renewalDate as engineRenewalDate,
  formatDate,
  formatMoney,
  renderExplanation,
  Trace,
  type ClientType,
  type Day,
  type Language,
  type Payment,
  type Text,
  vendorResolver,
  type ResolvedVendor,
  type VendorResolver,
} from "../engine";
import { dayToSerial, isBlank, readAmount, readDate, requireDate, serialToDay } from "../input/cell-values";
import { outputColumns } from "./columns";
import { fieldInfo } from "./headers";
import { clientTypeFromText, invoiceKindId, planId } from "./values";
import type {
  ApplyOptions,
  CellValue,
  FieldId,
  OutputColumn,
  OutputValue,
  RegisterMode,
  RowResult,
  RowState,
} from "./types";

/** A problem with one cell (or one row), before it is worded with the row number. */
class RowProblem extends Error {
  constructor(
    readonly field: FieldId | undefined,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

/** Which register column an engine error's argument is about. */
const ARGUMENT_FIELDS: Record<string, FieldId> = {
  vendor: "vendor",
  amount: "amount",
  invoiceKind: "invoiceKind",
  plan: "plan",
  lastAdditionDate: "lastAddition",
  clientType: "clientType",
  recoveryCosts: "recoveryCosts",
  startDate: "startDate",
  noticeDate: "noticeDate",
  payments: "amountPaid",
};

// One formatter for dates and amounts in French and English text: the engine's (src/engine/format.ts).
export { formatDate, formatMoney };

const plural = (n: number, one: string, many: string): string => (Math.abs(n) === 1 ? one : many);

/** French quotation marks around the values quoted back in French statuses. */
function frenchMessage(fr: string): string {
  return fr.replace(/"([^"]*)"/g, "« $1 »");
}

interface InvoiceComputation {
  readonly due: Day;
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

/**
 * A register application prepared once (vendor resolved, as-of parsed, columns laid out) and then
 * applied row by row. Create it with `prepareApply`.
 */
export class Applier {
  readonly mode: RegisterMode;
  readonly columns: readonly OutputColumn[];
  readonly asOf: Day;
  readonly lang: Language;
  readonly firstRowNumber: number;
  private readonly resolver: VendorResolver;
  private readonly used = new Map<string, ResolvedVendor>();
  private lastUsed: ResolvedVendor | undefined;
  private readonly fixedVendor: ResolvedVendor | EngineError | undefined;

  constructor(readonly options: ApplyOptions) {
    this.mode = options.mode;
    this.lang = options.lang ?? "fr";
    this.columns = outputColumns(this.mode);
    this.firstRowNumber = options.firstRowNumber ?? 2;
    this.resolver = vendorResolver(options.registry, options.settings);
    const asOf = readDate(options.asOf, "asOf");
    if (asOf === undefined)
      throw new EngineError(
        "invalid-input",
        { en: "The as-of date is required.", fr: "La date d'arrêté est obligatoire." },
        "asOf",
      );
    this.asOf = asOf;
    if (options.vendor !== undefined && options.vendor.trim() !== "") {
      try {
        this.fixedVendor = this.resolver.resolve(options.vendor);
      } catch (e) {
        if (!isEngineError(e)) throw e;
        // With a vendor column, a bad default only matters for rows whose vendor cell is blank.
        if (options.mapping.vendor === undefined) throw e;
        this.fixedVendor = e;
      }
    }
  }

  /** The register column name used in messages: the source header, else the field's label. */
  columnName(field: FieldId): string {
    const index = this.options.mapping[field];
    const header = index === undefined ? undefined : this.options.headers?.[index];
    if (header !== undefined && header !== null && String(header).trim() !== "") return String(header).trim();
    return fieldInfo(field).label[this.lang];
  }

  /** Sheet row number of data row `index` (0-based). */
  rowNumber(index: number): number {
    return this.firstRowNumber + index;
  }

  cell(row: readonly CellValue[], field: FieldId): CellValue | undefined {
    const index = this.options.mapping[field];
    return index === undefined ? undefined : row[index];
  }

  // ---- reading cells: every failure names its column -------------------------------------------

  private guard<T>(field: FieldId, read: (arg: string) => T): T {
    const name = this.columnName(field);
    try {
      return read(name);
    } catch (e) {
      if (!isEngineError(e)) throw e;
      const strip = (s: string, sep: string): string =>
        s.startsWith(`${name}${sep}`) ? s.slice(name.length + sep.length) : s;
      throw new RowProblem(field, { en: strip(e.text.en, ": "), fr: frenchMessage(strip(e.text.fr, " : ")) });
    }
  }

  private date(row: readonly CellValue[], field: FieldId): Day | undefined {
    return this.guard(field, (arg) => readDate(this.cell(row, field), arg));
  }

  private requiredDate(row: readonly CellValue[], field: FieldId): Day {
    return this.guard(field, (arg) => requireDate(this.cell(row, field), arg));
  }

  private amount(
    row: readonly CellValue[],
    field: FieldId,
    required: boolean,
    negative: "refused" | "allowed" = "refused",
  ): Decimal | undefined {
    const value = this.cell(row, field);
    if (required && isBlank(value)) {
      throw new RowProblem(field, { en: "the amount is missing.", fr: "le montant est manquant." });
    }
    const d = this.guard(field, (arg) => readAmount(value, arg));
    if (d !== undefined && d.isNeg() && negative === "refused") {
      const shown = typeof value === "string" ? value.trim() : String(value);
      throw new RowProblem(field, {
        en: `"${shown}" is negative: a credit note bears no late interest.`,
        fr: `« ${shown} » est négatif : un avoir ne porte pas d'intérêts de retard.`,
      });
    }
    return d;
  }

  private text(row: readonly CellValue[], field: FieldId): string | undefined {
    const v = this.cell(row, field);
    if (isBlank(v)) return undefined;
    return String(v).trim();
  }

  /** The vendors rows were computed with so far, each once, in the order met (for the provenance note). */
  vendorsUsed(): ResolvedVendor[] {
    return [...this.used.values()];
  }

  private use(v: ResolvedVendor): ResolvedVendor {
    if (v !== this.lastUsed) {
      this.lastUsed = v;
      if (!this.used.has(v.spec)) this.used.set(v.spec, v);
    }
    return v;
  }

  vendorFor(row: readonly CellValue[]): ResolvedVendor {
    const spec = this.text(row, "vendor");
    if (spec !== undefined) {
      try {
        return this.use(this.resolver.resolve(spec));
      } catch (e) {
        if (isEngineError(e)) throw new RowProblem("vendor", e.text);
        throw e;
      }
    }
    if (this.fixedVendor instanceof EngineError) throw new RowProblem("vendor", this.fixedVendor.text);
    if (this.fixedVendor) return this.use(this.fixedVendor);
    throw new RowProblem(this.options.mapping.vendor === undefined ? undefined : "vendor", {
      en: "no vendor: fill in the vendor column or choose a vendor.",
      fr: "aucun fournisseur : renseignez la colonne fournisseur ou choisissez un fournisseur.",
    });
  }

  private client(row: readonly CellValue[]): ClientType {
    const text = this.text(row, "clientType");
    if (text === undefined) return this.options.defaults?.clientType ?? "pro";
    const client = clientTypeFromText(text);
    if (!client) {
      throw new RowProblem("clientType", {
        en: `"${text}" is neither pro nor consumer.`,
        fr: `« ${text} » n'est ni « pro » ni « particulier ».`,
      });
    }
    return client;
  }

  kindFor(row: readonly CellValue[], v: ResolvedVendor): string | undefined {
    const text = this.text(row, "invoiceKind") ?? this.options.defaults?.invoiceKind;
    return text === undefined ? undefined : invoiceKindId(v.profile, text);
  }

  planFor(row: readonly CellValue[], v: ResolvedVendor): string | undefined {
    const text = this.text(row, "plan") ?? this.options.defaults?.plan;
    return text === undefined ? undefined : planId(v.profile, text);
  }

  // ---- invoices --------------------------------------------------------------------------------

  private computeInvoice(row: readonly CellValue[], trace?: Trace): InvoiceComputation {
    const v = this.vendorFor(row);
    // A negative amount is a credit note: it bears no penalties (and is netted in the D441-6 bands).
    const amount = this.amount(row, "amount", true, "allowed") as Decimal;
    let due = this.date(row, "dueDate");
    if (due === undefined) {
      const invoiceDate = this.requiredDate(row, "invoiceDate");
      const kind = this.kindFor(row, v);
      due = this.engine("invoiceKind", () => engineDueDate(v.profile, invoiceDate, kind, v.settings, trace));
    }
    if (amount.isNeg()) {
      const zero = new Decimal(0);
      return {
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
    const paidAmount = this.amount(row, "amountPaid", false);
    const client = this.client(row);
    const costs = this.amount(row, "recoveryCosts", false);

    if (paidAmount !== undefined && paidAmount.gt(0) && paid === undefined) {
      throw new RowProblem("paidDate", {
        en: `an amount paid of ${formatMoney(paidAmount, "en")} needs its payment date.`,
        fr: `un montant payé de ${formatMoney(paidAmount, "fr")} demande sa date de paiement.`,
      });
    }
    // An amount paid below the amount is a partial payment on the paid date: interest runs on the
    // balance up to the as-of date. At or above the amount (or no such column), a full payment.
    const partialAmount = paidAmount !== undefined && paidAmount.lt(amount) ? paidAmount : undefined;
    const partial = partialAmount !== undefined;
    let end: Day;
    let payments: Payment[] = [];
    let outstanding = amount;
    if (partialAmount !== undefined && partialAmount.gt(0) && paid !== undefined) {
      payments = [{ date: paid, amount: partialAmount }];
      outstanding = amount.minus(partialAmount);
      end = paid > this.asOf ? paid : this.asOf;
    } else if (partial) {
      end = this.asOf; // "Montant payé" of 0: unpaid
    } else {
      end = paid ?? this.asOf;
      if (paid !== undefined) outstanding = new Decimal(0);
    }
    const r = this.engine(undefined, () =>
      latePaymentKnown(
        v.profile,
        { amount, dueDate: due, paidDate: end, payments, recoveryCosts: costs, client },
        v.settings,
        trace,
      ),
    );
    let state: RowState;
    if (partialAmount !== undefined && partialAmount.gt(0)) state = "partly-paid";
    else if (paid !== undefined && !partial) state = r.daysLate > 0 ? "paid-late" : "paid-on-time";
    else state = this.asOf > due ? "late" : "not-due";
    return {
      due,
      missingRate: r.missingRate?.missingRate,
      daysLate: r.daysLate,
      interest: r.interest,
      fee: r.recoveryFee,
      total: r.total,
      state,
      outstanding,
      end,
    };
  }

  private invoiceStatus(c: InvoiceComputation): string {
    const status = this.invoiceSituation(c);
    if (c.missingRate === undefined) return status;
    return `${status}. ${missingRateSentence(c.missingRate, this.lang)}`;
  }

  private invoiceSituation(c: InvoiceComputation): string {
    const fr = this.lang === "fr";
    const n = c.daysLate;
    switch (c.state) {
      case "credit-note":
        return fr ? "Avoir — pas de pénalités" : "Credit note — no penalties";
      case "paid-on-time":
        return fr ? "Payée à temps" : "Paid on time";
      case "paid-late":
        return fr
          ? `Payée avec ${n} ${plural(n, "jour", "jours")} de retard`
          : `Paid ${n} ${plural(n, "day", "days")} late`;
      case "partly-paid": {
        const rest = formatMoney(c.outstanding, this.lang);
        if (n > 0)
          return fr
            ? `Partiellement payée — reste ${rest}, ${n} ${plural(n, "jour", "jours")} de retard`
            : `Partly paid — ${rest} outstanding, ${n} ${plural(n, "day", "days")} late`;
        return fr
          ? `Partiellement payée — reste ${rest} à payer au plus tard le ${formatDate(c.due, "fr")}`
          : `Partly paid — ${rest} outstanding, due by ${formatDate(c.due, "en")}`;
      }
      case "late":
        return fr
          ? `Impayée — ${n} ${plural(n, "jour", "jours")} de retard`
          : `Unpaid — ${n} ${plural(n, "day", "days")} late`;
      default:
        return fr
          ? `À payer au plus tard le ${formatDate(c.due, "fr")}`
          : `Due by ${formatDate(c.due, "en")}`;
    }
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  private computeSubscription(row: readonly CellValue[], trace?: Trace) {
    const v = this.vendorFor(row);
    const start = this.requiredDate(row, "startDate");
    const planId = this.planFor(row, v);
    const lastAddition = this.date(row, "lastAddition");
    const notice = this.date(row, "noticeDate");
    const query = { start, planId, lastAddition };
    const renewal = this.engine("plan", () => engineRenewalDate(v.profile, query, this.asOf, trace));
    if (notice !== undefined) {
      const { end } = this.engine("noticeDate", () => engineEndDate(v.profile, query, notice, trace));
      return { renewal, deadline: undefined, end, notice, state: "notice-given" as const };
    }
    const { deadline } = this.engine("plan", () => engineNoticeDeadline(v.profile, query, this.asOf, trace));
    const { end } = this.engine("plan", () => engineEndDate(v.profile, query, this.asOf, trace));
    const state = deadline - this.asOf <= 30 ? ("notice-urgent" as const) : ("notice-to-send" as const);
    return { renewal, deadline, end, notice, state };
  }

  private subscriptionStatus(c: ReturnType<Applier["computeSubscription"]>): string {
    const fr = this.lang === "fr";
    if (c.state === "notice-given") {
      const end = formatDate(c.end, this.lang);
      if (c.end < this.asOf)
        return fr ? `Résilié — contrat terminé le ${end}` : `Terminated — contract ended on ${end}`;
      return fr ? `Préavis reçu — fin du contrat le ${end}` : `Notice received — contract ends on ${end}`;
    }
    const deadline = c.deadline as Day;
    const d = formatDate(deadline, this.lang);
    const left = deadline - this.asOf;
    if (left === 0)
      return fr
        ? `Préavis à faire parvenir aujourd'hui (${d}) au plus tard`
        : `Notice must arrive today (${d}) at the latest`;
    const inDays = fr
      ? ` (dans ${left} ${plural(left, "jour", "jours")})`
      : ` (in ${left} ${plural(left, "day", "days")})`;
    return fr
      ? `Préavis à faire parvenir au plus tard le ${d}${inDays}`
      : `Notice must arrive by ${d}${inDays}`;
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
        (e.argument !== undefined ? ARGUMENT_FIELDS[e.argument] : undefined) ??
        (e.kind === "invalid-input" ? fallback : undefined);
      const mapped = field !== undefined && this.options.mapping[field] !== undefined ? field : undefined;
      // "invoiceKind « x » n'est pas…" under the column's own name reads "« x » n'est pas…".
      const arg = e.argument;
      const strip = (s: string): string =>
        mapped !== undefined && arg !== undefined && s.startsWith(`${arg} `) ? s.slice(arg.length + 1) : s;
      throw new RowProblem(mapped, { en: strip(e.text.en), fr: strip(e.text.fr) });
    }
  }

  /** The row's error message: "Ligne 14, colonne « Date facture » : …". */
  private errorMessage(p: RowProblem, index: number): string {
    const n = this.rowNumber(index);
    const msg = p.text[this.lang];
    if (p.field !== undefined && this.options.mapping[p.field] !== undefined) {
      const col = this.columnName(p.field);
      return this.lang === "fr"
        ? `Ligne ${n}, colonne « ${col} » : ${msg}`
        : `Row ${n}, column "${col}": ${msg}`;
    }
    return this.lang === "fr" ? `Ligne ${n} : ${msg}` : `Row ${n}: ${msg}`;
  }

  private isBlankRow(row: readonly CellValue[]): boolean {
    for (const index of Object.values(this.options.mapping))
      if (index !== undefined && !isBlank(row[index])) return false;
    return true;
  }

  /**
   * Computes one data row (`index` is 0-based among the data rows, for messages). Never throws for a
   * bad cell: the row comes back with state "error" and the message as its status.
   */
  computeRow(row: readonly CellValue[], index: number): RowResult {
    const width = this.columns.length;
    if (this.isBlankRow(row)) {
      return {
        values: new Array<OutputValue>(width).fill(""),
        state: "blank",
        status: "",
        penalty: 0,
        interest: 0,
        recoveryFee: 0,
      };
    }
    try {
      if (this.mode === "invoices") {
        const c = this.computeInvoice(row);
        const status = this.invoiceStatus(c);
        const pending = c.state === "not-due" || (c.state === "partly-paid" && c.daysLate === 0);
        // A missing rate leaves the interest (and the total that includes it) saying so; the rest stands.
        const missing = c.missingRate === undefined ? undefined : missingRateCell(c.missingRate, this.lang);
        const base = {
          values: [
            dayToSerial(c.due),
            c.daysLate,
            missing ?? c.interest.toNumber(),
            c.fee.toNumber(),
            missing ?? c.total.toNumber(),
            status,
          ],
          state: c.state,
          status,
          penalty: c.total.toNumber(),
          interest: c.interest.toNumber(),
          recoveryFee: c.fee.toNumber(),
          ...(c.missingRate !== undefined ? { missingRate: c.missingRate } : {}),
        };
        return pending ? { ...base, nextDeadline: dayToSerial(c.due) } : base;
      }
      const c = this.computeSubscription(row);
      const status = this.subscriptionStatus(c);
      // A renewal after the contract's end (a notice was given) will not happen: none is shown.
      const renews = c.notice === undefined || c.renewal <= c.end;
      const values: OutputValue[] = [
        renews ? dayToSerial(c.renewal) : "",
        c.deadline === undefined ? "" : dayToSerial(c.deadline),
        c.deadline === undefined ? "" : c.deadline - this.asOf,
        dayToSerial(c.end),
        status,
      ];
      const next = c.deadline ?? (c.end >= this.asOf ? c.end : undefined);
      const base = { values, state: c.state, status, penalty: 0, interest: 0, recoveryFee: 0 };
      return next === undefined ? base : { ...base, nextDeadline: dayToSerial(next) };
    } catch (e) {
      const problem = e instanceof RowProblem ? e : new RowProblem(undefined, internal(e));
      const message = this.errorMessage(problem, index);
      const values = new Array<OutputValue>(width).fill("");
      values[width - 1] = message;
      return {
        values,
        state: "error",
        status: message,
        penalty: 0,
        interest: 0,
        recoveryFee: 0,
        error: message,
      };
    }
  }

  /**
   * The row's explanation: what was read, then the engine's steps with their clause citations.
   */
  explainRow(row: readonly CellValue[], index: number): string {
    const lang = this.lang;
    const result = this.computeRow(row, index);
    const head =
      lang === "fr"
        ? `Ligne ${this.rowNumber(index)} — arrêté au ${formatDate(this.asOf, "fr")}`
        : `Row ${this.rowNumber(index)} — as of ${formatDate(this.asOf, "en")}`;
    const sep = lang === "fr" ? " : " : ": ";
    const cols = this.columns.map(
      (c, i) => `  ${c.header[lang]}${sep}${show(result.values[i], c.format, lang)}`,
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
    const intro =
      lang === "fr"
        ? `Fournisseur : ${vendor.profile.legalName} (${vendor.spec})`
        : `Vendor: ${vendor.profile.legalName} (${vendor.spec})`;
    // Renewal, deadline and end date each describe the plan: say it once.
    const seen = new Set<string>();
    const steps = trace.steps.filter((st) => !seen.has(st.text.en) && seen.add(st.text.en));
    const explanation = { steps, interpretations: trace.interpretations, segments: trace.segments };
    return [head, intro, ...cols, "", renderExplanation(explanation, lang)].join("\n");
  }
}

function show(value: OutputValue | undefined, format: string, lang: Language): string {
  if (value === undefined || value === "") return "—";
  if (typeof value === "number" && format === "date") return formatDate(serialToDay(value), lang);
  if (typeof value === "number" && format === "money") return formatMoney(value, lang);
  return String(value);
}

/** What the status says of a missing rate, in an accountant's words, with where to add it. */
export function missingRateSentence(missing: MissingRate, lang: Language): string {
  const which =
    missing.rate === "legal"
      ? lang === "fr"
        ? "taux légal"
        : "legal interest rate"
      : lang === "fr"
        ? "taux BCE"
        : "ECB rate";
  const when = halfYearText(missing.halfYear, lang);
  return lang === "fr"
    ? `Intérêts non calculés : ${which} du ${when} non renseigné — Paramètres > Taux`
    : `Interest not computed: ${which} for the ${when} not entered — Settings > Rates`;
}

/** The interest cell of a row whose rate is missing. */
function missingRateCell(missing: MissingRate, lang: Language): string {
  const when = halfYearText(missing.halfYear, lang);
  return lang === "fr" ? `taux du ${when} manquant` : `rate for the ${when} missing`;
}

function internal(e: unknown): Text {
  const why = e instanceof Error ? e.message : String(e);
  return { en: `internal error: ${why}`, fr: `erreur interne : ${why}` };
}

/** Prepares a register application: resolves the vendor and the as-of date once. Throws an EngineError for a bad vendor or as-of date. */
export function prepareApply(options: ApplyOptions): Applier {
  return new Applier(options);
}
