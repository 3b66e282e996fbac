import {
  findDeadline,
  findInvoiceKind,
  findPlan,
  type ClientType,
  type PaymentTerm,
  type Plan,
  type Settings,
  type Text,
  type ResolvedVendor,
  type VendorProfile,
} from "../engine";
import { isBlank } from "../input/cell-values";
import { clientTypeFromText } from "../input/client-type";
import {
  latePeriodFormula,
  rowAddresses,
  termStartRef,
  type Applier,
  type CellValue,
  type FieldId,
  type OutputColumnId,
  type OutputColumnPlaces,
  type OutputRow,
  type OutputValue,
} from "../apply";
import { appliedRateKey, ratesNeeded, type ReferenceSheet } from "./reference";

/**
 * Native Excel formulas (English names, as Office.js `range.formulas` and the xlsx format take them)
 * that reproduce the engine's results for one register row, without the add-in: EDATE/EOMONTH date
 * arithmetic for due dates and subscription dates, and SUMPRODUCT over the reference sheet's
 * half-year rows for late interest. Each rule is the engine's, written again as a formula; the
 * LibreOffice test (test/portable) checks them cell by cell against the engine.
 */

export interface PortableFormulaOptions {
  /** Address of the source range's top-left cell (the header row), e.g. "A1". */
  readonly sourceTopLeft: string;
  /** 0-based sheet column of the first output column (default: right after the source range). */
  readonly outputFirstColumn?: number;
  /** 0-based sheet column of each output column, by id (overrides `outputFirstColumn`). */
  readonly outputColumns?: OutputColumnPlaces;
  /** A cell holding the as-of date, e.g. "$M$1" (default: DATE(y,m,d) literal). */
  readonly asOfRef?: string;
  /** The reference sheet the formulas read (rates, holidays). */
  readonly reference: ReferenceSheet;
}

/** A column (or one row's column) written as a value instead of a formula, and why. */
export interface PortableFallback {
  readonly column: OutputColumnId;
  readonly reason: Text;
}

export interface PortableRow {
  /** By output column id: formulas start with "=", anything else is a value. */
  readonly cells: OutputRow;
  /** The row's values as the engine computes them now (formulas' expected results). */
  readonly values: OutputRow;
  /** Columns of this row written as values, with the reason. */
  readonly fallbacks: readonly PortableFallback[];
  /** Set when the whole row is written as values (an error row, or cells the formulas cannot read). */
  readonly rowReason?: Text;
}

/** The status sentence is text computed on the as-of date: always a value. */
export const STATUS_FALLBACK: PortableFallback = {
  column: "status",
  reason: {
    en: "the status is a sentence computed on the as-of date; it is written as text and does not follow later edits of the row.",
    fr: "le statut est une phrase calculée à la date d'arrêté ; il est écrit en texte et ne suit pas les modifications ultérieures de la ligne.",
  },
};

/** « Dernière relance » and « Prochaine action » are text about the letters: always values too. */
const LETTER_FALLBACKS: readonly PortableFallback[] = (["lastReminder", "nextAction"] as const).map(
  (column) => ({
    column,
    reason: {
      en: "the letters recorded and the next one to send are text; they are written as values and follow a new Apply, not later edits.",
      fr: "les lettres enregistrées et la prochaine à envoyer sont du texte ; elles sont écrites en valeurs et suivent une nouvelle application, pas les modifications ultérieures.",
    },
  }),
);

const DATE_FIELDS: readonly FieldId[] = [
  "invoiceDate",
  "receiptDate",
  "deliveryDate",
  "orderDate",
  "dueDate",
  "paidDate",
  "startDate",
  "lastAddition",
  "noticeDate",
];
const NUMBER_FIELDS: readonly FieldId[] = ["amount", "amountPaid", "recoveryCosts"];

const NOT_NUMBERS: Text = {
  en: "some of its date or amount cells are text (or dates with a time of day): native formulas would read them differently, so the row is written as values.",
  fr: "certaines de ses cellules de date ou de montant sont du texte (ou des dates avec une heure) : des formules natives les liraient autrement, la ligne est donc écrite en valeurs.",
};
const ERROR_ROW: Text = {
  en: "the engine could not compute the row (see its status): it is written as values.",
  fr: "le moteur n'a pas pu calculer la ligne (voir son statut) : elle est écrite en valeurs.",
};

/** An expression for a calendar date `n` months after `a` is EDATE; this is the inverse rule. */
export function monthsBeforeFormula(r: string, months: number): string {
  // The latest N with EDATE(N, months) ≤ R (docs/terms.md#renewal-date-notice-deadline-end-date): EDATE(R, −months), except when R is the last
  // day of its month — then every day of month(R) − months from day(R) on maps onto R, so the
  // latest is that month's last day (30 June − 1 month → 31 May).
  return `IF(DAY(${r}+1)=1,EOMONTH(${r},-${months}),EDATE(${r},-${months}))`;
}

/** Whole months from a to d, date to date: the largest n with EDATE(a, n) ≤ d. */
function wholeMonths(a: string, d: string): string {
  const n0 = `((YEAR(${d})-YEAR(${a}))*12+MONTH(${d})-MONTH(${a}))`;
  return `(${n0}-(EDATE(${a},${n0})>${d}))`;
}

/** The first renewal strictly after d on the timeline anchor + (first + k × every) months, k ≥ 0. */
function renewalAfter(anchor: string, first: number, every: number, d: string): string {
  const w = wholeMonths(anchor, d);
  const n =
    every === 1 ? `MAX(${first},${w}+1)` : `${first}+${every}*MAX(0,ROUNDUP((${w}+1-${first})/${every},0))`;
  return `EDATE(${anchor},${n})`;
}

/** The due-date expression of a payment term for invoice date `inv` (payment-terms.ts). */
export function termFormula(term: PaymentTerm, inv: string, method: Settings["endOfMonthMethod"]): string {
  const dayOfMonthAfter = (day: string, k: number, monthsAfter: number): string =>
    `MIN(EOMONTH(${day},${monthsAfter - 1})+${k},EOMONTH(${day},${monthsAfter}))`;
  const eom = (days: number): string =>
    method === "days-then-eom" ? `EOMONTH(${inv}+${days},0)` : `(EOMONTH(${inv},0)+${days})`;
  switch (term.kind) {
    case "on-invoice":
      return inv;
    case "days":
      return `${inv}+${term.days}`;
    case "legal-default":
      return `${inv}+30`;
    case "day-of-month":
      return dayOfMonthAfter(inv, term.day, term.monthsAfter);
    case "days-end-of-month": {
      let due = eom(term.days);
      if (term.dayOfMonth !== undefined) {
        const same = dayOfMonthAfter(due, term.dayOfMonth, 0);
        due = `IF(${same}>=${due},${same},${dayOfMonthAfter(due, term.dayOfMonth, 1)})`;
      }
      return term.capDaysEndOfMonth === undefined ? due : `MIN(${due},${eom(term.capDaysEndOfMonth)})`;
    }
  }
}

interface RowContext {
  readonly applier: Applier;
  readonly row: readonly CellValue[];
  readonly ref: (field: FieldId) => string | undefined;
  readonly out: (id: OutputColumnId) => string;
  readonly asOf: string;
  readonly reference: ReferenceSheet;
  readonly vendor: ResolvedVendor;
}

function isPlainNumberCell(v: CellValue | undefined, date: boolean): boolean {
  if (isBlank(v)) return true;
  return typeof v === "number" && Number.isFinite(v) && (!date || Number.isInteger(v));
}

/** Σ over the half-year rows of rate × late days in (a, b] that fall in the row (a, b expressions). */
function rateDays(reference: ReferenceSheet, rates: string, a: string, b: string): string {
  const { start, end } = reference.ranges;
  const hi = `(${end}+(${b}<${end})*(${b}-${end}))`; // elementwise MIN(b, end)
  const lo = `(${start}+(${a}+1>${start})*(${a}+1-${start}))`; // elementwise MAX(a + 1, start)
  return `SUMPRODUCT(${rates},(${hi}>=${lo})*(${hi}-${lo}+1))`;
}

function clientOf(ctx: RowContext): ClientType {
  const r = ctx.applier.cell(ctx.row, "clientType");
  if (!isBlank(r)) return clientTypeFromText(String(r).trim()) ?? "pro";
  return ctx.applier.options.defaults?.clientType ?? "pro";
}

function invoiceFormulas(ctx: RowContext): OutputRow {
  const { ref, out, asOf, reference, vendor } = ctx;
  const profile = vendor.profile;
  const am = ref("amount") as string;
  // The invoice date, or the receipt, delivery or order date the term counts from (its cell when filled).
  const inv = termStartRef(ctx.applier, ctx.row, vendor, ref);
  const dueCell = ref("dueDate");
  const paid = ref("paidDate");
  const ap = ref("amountPaid");
  const costs = ref("recoveryCosts");
  let computed = "NA()";
  try {
    const kind = findInvoiceKind(profile, ctx.applier.kindFor(ctx.row, vendor));
    if (inv !== undefined) computed = termFormula(kind.term, inv, vendor.settings.endOfMonthMethod);
  } catch {
    // Unknown kind: only a due date typed in the register can give the row a due date.
  }
  const due = dueCell === undefined ? computed : `IF(${dueCell}="",${computed},${dueCell})`;

  // The end of the late period and the partial payment, as the values decide them (late-period.ts).
  const period = latePeriodFormula({ amount: am, paidDate: paid, amountPaid: ap, asOf });
  const end = period.end;
  const partialWithPayment = period.partial;

  const dueOut = out("dueDate");
  const late = out("daysLate");
  const lateEnd = `(${dueOut}+${late})`;
  const client = clientOf(ctx);
  const rule = profile.latePayment;
  const applied = reference.ranges.applied[appliedRateKey(profile.id, client)] ?? "NA()";
  const { start, end: endRange } = reference.ranges;
  // Σ balance × rate × days: the whole amount up to the partial payment's date (that day still
  // late), the balance after it (late-payment.ts).
  const sum = (rates: string): string =>
    partialWithPayment === undefined
      ? `${am}*${rateDays(reference, rates, dueOut, lateEnd)}`
      : `(${am}*${rateDays(reference, rates, dueOut, `IF(${partialWithPayment},${paid},${lateEnd})`)}` +
        `+(${am}-IF(${partialWithPayment},${ap},0))*${rateDays(
          reference,
          rates,
          `MAX(${dueOut},IF(${partialWithPayment},${paid},${lateEnd}))`,
          lateEnd,
        )})`;
  let interest = `ROUND(${sum(applied)}/365,2)`;
  const flat = rule.flatAlternative;
  if (flat !== undefined && vendor.settings.readings.has(flat.option)) {
    const flatAmount = `${am}*${Number(flat.percent) / 100}`;
    const minimum = client === "pro" ? `${sum(reference.ranges.floor)}/365` : "0";
    interest = `ROUND(MAX(${flatAmount},${minimum}),2)`;
  }
  // No late day (or nothing owed): 0. A late day outside the rate rows, or in a half-year whose rate is
  // not filled in yet: #N/A, as the engine refuses to guess a rate.
  const needed = ratesNeeded(rule, client);
  const missing = [
    ...(needed.legal ? [reference.ranges.legalMissing] : []),
    ...(needed.ecb ? [reference.ranges.ecbMissing] : []),
  ].map((flags) => `${rateDays(reference, flags, dueOut, lateEnd)}>0`);
  const interestCell =
    `IF(OR(${late}=0,${am}<=0),0,IF(OR(${dueOut}+1<MIN(${start}),${lateEnd}>MAX(${endRange})${missing.map((m) => `,${m}`).join("")}),NA(),` +
    `${interest}))`;

  const fee = rule.recoveryFee;
  const feeAmount = Number(fee.amount);
  const feeValue =
    fee.justifiedCostsAbove && costs !== undefined
      ? `MAX(${feeAmount},ROUND(N(${costs}),2))`
      : `${feeAmount}`;
  const feeCell = client === "pro" ? `IF(AND(${late}>0,${am}>0),${feeValue},0)` : "0";

  return {
    dueDate: `=${due}`,
    daysLate: `=MAX(0,${end}-${dueOut})`,
    interest: `=${interestCell}`,
    recoveryFee: `=${feeCell}`,
    totalPenalty: `=${out("interest")}+${out("recoveryFee")}`,
  };
}

interface SubscriptionPlan {
  readonly plan: Plan;
  readonly anchor: string;
}

function anchorFormula(ctx: RowContext, plan: Plan, profile: VendorProfile): string | PortableFallback {
  const start = ctx.ref("startDate") as string;
  const base = plan.schedule.anchor === "calendar-month" ? `(EOMONTH(${start},-1)+1)` : start;
  const add = ctx.ref("lastAddition");
  const s = profile.subscription;
  const rule = s.kind === "plans" ? s.additionRule : undefined;
  if (add === undefined || rule === undefined) return base;
  if (
    rule.renewalMonths !== plan.schedule.initialMonths ||
    rule.renewalMonths !== plan.schedule.renewalMonths
  ) {
    return {
      column: "renewalDate",
      reason: {
        en: "the product-addition rule changes the period length: not expressed as a formula.",
        fr: "la règle d'ajout de produit change la durée des périodes : non exprimée en formule.",
      },
    };
  }
  // OMI 6.2/7.2: an addition within the window before the pending renewal re-anchors the contract on
  // the addition day (subscription.ts, timeline).
  const pending = renewalAfter(base, plan.schedule.initialMonths, plan.schedule.renewalMonths, add);
  return `IF(${add}="",${base},IF(${add}>=EDATE(${pending},-${rule.windowMonths}),${add},${base}))`;
}

function deadlineFor(plan: Plan, r: string): string {
  return plan.notice.unit === "days"
    ? `(${r}-${plan.notice.amount})`
    : monthsBeforeFormula(r, plan.notice.amount);
}

function subscriptionFormulas(ctx: RowContext): {
  cells: OutputRow | undefined;
  fallbacks: PortableFallback[];
} {
  const { ref, out, asOf, vendor } = ctx;
  const profile = vendor.profile;
  const { plan } = findPlan(profile, ctx.applier.planFor(ctx.row, vendor));
  const anchor = anchorFormula(ctx, plan, profile);
  if (typeof anchor !== "string") return { cells: undefined, fallbacks: [anchor] };
  const sp: SubscriptionPlan = { plan, anchor };
  const { initialMonths: first, renewalMonths: every } = plan.schedule;
  const notice = ref("noticeDate");
  const fallbacks: PortableFallback[] = [];

  const renewal = renewalAfter(sp.anchor, first, every, asOf);
  // Notice deadline as of D: the first renewal after D, or the next one when its deadline has passed.
  // One step suffices when the notice is no longer than a period (checked here, else a value).
  const oneStep =
    plan.notice.unit === "months" ? plan.notice.amount <= every : plan.notice.amount <= 28 * every;
  const r1 = out("renewalDate");
  const r2 = `EDATE(${sp.anchor},(YEAR(${r1})-YEAR(${sp.anchor}))*12+MONTH(${r1})-MONTH(${sp.anchor})+${every})`;
  const deadline = `IF(${deadlineFor(plan, r1)}>=${asOf},${deadlineFor(plan, r1)},${deadlineFor(plan, r2)})`;
  const ifNoNotice = (f: string): string => (notice === undefined ? `=${f}` : `=IF(${notice}<>"","",${f})`);
  let deadlineCell: OutputValue = ifNoNotice(deadline);
  if (!oneStep) {
    deadlineCell = "";
    fallbacks.push({
      column: "noticeDeadline",
      reason: {
        en: "the notice period is longer than a renewal period: not expressed as a formula.",
        fr: "le préavis est plus long qu'une période de renouvellement : non exprimé en formule.",
      },
    });
  }
  const received = notice === undefined ? asOf : `IF(${notice}="",${asOf},${notice})`;
  const earliest =
    plan.notice.unit === "days"
      ? `(${received}+${plan.notice.amount})`
      : `EDATE(${received},${plan.notice.amount})`;
  const stopped = renewalAfter(sp.anchor, first, every, `(${earliest}-1)`);
  const end = plan.end === "end-of-calendar-month" ? `EOMONTH(${stopped}-1,0)` : `${stopped}-1`;
  // After a notice, a renewal that falls after the contract's end will not happen: none is shown.
  const renewalCell =
    notice === undefined
      ? `=${renewal}`
      : `=IF(AND(${notice}<>"",${renewal}>${out("endDate")}),"",${renewal})`;
  return {
    cells: {
      renewalDate: renewalCell,
      noticeDeadline: deadlineCell,
      daysToNotice: ifNoNotice(`${out("noticeDeadline")}-${asOf}`),
      endDate: `=${end}`,
    },
    fallbacks,
  };
}

/**
 * The portable cells of one register row (formulas and values), by output column id.
 * The formulas follow later edits of the row's dates and amounts and of the as-of cell; the vendor,
 * invoice kind, plan and client type are read now (change them and apply again).
 */
export function portableRow(
  applier: Applier,
  row: readonly CellValue[],
  index: number,
  options: PortableFormulaOptions,
): PortableRow {
  const result = applier.computeRow(row, index);
  const values = result.values;
  if (result.state === "blank") return { cells: values, values, fallbacks: [] };
  if (result.state === "error") return { cells: values, values, fallbacks: [], rowReason: ERROR_ROW };
  for (const f of DATE_FIELDS)
    if (!isPlainNumberCell(applier.cell(row, f), true))
      return { cells: values, values, fallbacks: [], rowReason: NOT_NUMBERS };
  for (const f of NUMBER_FIELDS)
    if (!isPlainNumberCell(applier.cell(row, f), false))
      return { cells: values, values, fallbacks: [], rowReason: NOT_NUMBERS };

  const { ref, out, asOf } = rowAddresses(applier, index, options);
  const ctx: RowContext = {
    applier,
    row,
    ref,
    out,
    asOf,
    reference: options.reference,
    vendor: applier.vendorFor(row),
  };
  let formulas: OutputRow | undefined;
  const fallbacks: PortableFallback[] = [
    STATUS_FALLBACK,
    ...LETTER_FALLBACKS.filter((f) => applier.columns.some((c) => c.id === f.column)),
  ];
  if (applier.mode === "invoices") formulas = invoiceFormulas(ctx);
  else {
    const s = subscriptionFormulas(ctx);
    fallbacks.push(...s.fallbacks);
    formulas = s.cells;
  }
  // A formula-less column because its fallback covers it: for subscriptions (no letter columns) whose anchor cannot be
  // written, every date column goes to values.
  if (formulas === undefined) {
    for (const c of applier.columns)
      if (c.id !== "status" && !fallbacks.some((f) => f.column === c.id))
        fallbacks.push({ column: c.id, reason: (fallbacks[1] as PortableFallback).reason });
  }
  const cells: { [K in OutputColumnId]?: OutputValue } = {};
  for (const { id } of applier.columns) {
    const value = values[id] ?? "";
    const f = fallbacks.some((x) => x.column === id) ? undefined : formulas?.[id];
    cells[id] = f === undefined || f === "" ? value : f;
  }
  return { cells, values, fallbacks };
}

/**
 * A clause deadline (DEADLINE) as a native formula on the date in `from`: calendar days, weeks,
 * months and years by date arithmetic, jours ouvrés / ouvrables by WORKDAY.INTL over the reference
 * sheet's holidays, then the extension to the next working day where the clause says so. Hours give
 * a fraction of a day. Returns the formula (with "=") or a fallback reason.
 */
export function deadlineFormula(
  profile: VendorProfile,
  eventId: string,
  from: string,
  settings: Settings,
  reference: ReferenceSheet,
): string | Text {
  const rule = findDeadline(profile, eventId);
  const { amount, unit } = rule.period;
  const after = rule.direction === "after";
  const day = `INT(${from})`;
  const holidays = reference.ranges.holidays[settings.holidays];
  let f: string;
  switch (unit) {
    case "hours":
      return `=${from}${after ? "+" : "-"}${amount}/24`;
    case "calendar-days":
      f = `${day}${after ? "+" : "-"}${amount}`;
      break;
    case "weeks":
      f = `${day}${after ? "+" : "-"}${7 * amount}`;
      break;
    case "months":
    case "years": {
      const months = unit === "years" ? 12 * amount : amount;
      f = after ? `EDATE(${day},${months})` : monthsBeforeFormula(day, months);
      break;
    }
    case "jours-ouvres":
    case "jours-ouvrables":
      // Weekend 1 = Saturday and Sunday; 11 = Sunday only.
      f = `WORKDAY.INTL(${day},${after ? "" : "-"}${amount},${unit === "jours-ouvres" ? 1 : 11},${holidays})`;
      break;
  }
  if (rule.extendToNextWorkingDay) f = `WORKDAY.INTL(${f}-1,1,1,${holidays})`;
  return `=${f}`;
}

/**
 * Functions to store with the "_xlfn." prefix in xlsx files. None of the functions written here:
 * LibreOffice (7.4) reads WORKDAY.INTL / NETWORKDAYS.INTL only without the prefix (with it: #NAME?)
 * and writes them without it. Not checked in real Excel; the hook stays so a prefix can be added in
 * one place if Excel turns out to need one.
 */
const XLFN: readonly string[] = [];

/** A formula as the xlsx file format stores it: no "=" (and the prefixes of XLFN, if any). */
export function xlsxFormula(formula: string): string {
  let f = formula.replace(/^=/, "");
  for (const name of XLFN) f = f.split(`${name}(`).join(`_xlfn.${name}(`);
  return f;
}
