import { addDays, formatIsoDay, type Day } from "./date";
import { EngineError, invalidInput, notApplicable } from "./errors";
import { frenchDate, frenchMoney, frenchNumber, frenchOf, frenchPercent, formatPercent } from "./format";
import { noteInterpretations, type RateSegment, type Trace } from "./explanation";
import { aboveZero, Decimal, roundToCent, ZERO } from "./money";
import type { ClientType, LatePaymentRule, VendorProfile } from "./profile";
import {
  DEFAULT_RATE_TABLE,
  ecbRate,
  halfYearLabel,
  halfYearOf,
  halfYearText,
  halfYearStart,
  legalRateProfessional,
  type HalfYearKey,
  type RateTable,
} from "./rates";
import { DAY_COUNT_BASIS, type Settings } from "./settings";
import { cite, LAW } from "./text";

export interface Payment {
  readonly date: Day;
  readonly amount: Decimal;
}

export interface LatePaymentInput {
  readonly amount: Decimal;
  readonly dueDate: Day;
  /** The payment date, or the "as of" date for an unpaid invoice. */
  readonly paidDate: Day;
  readonly payments?: readonly Payment[];
  readonly recoveryCosts?: Decimal | undefined;
  readonly client: ClientType;
}

export interface LatePaymentResult {
  readonly daysLate: number;
  /** Late interest, rounded to the cent once. */
  readonly interest: Decimal;
  readonly recoveryFee: Decimal;
  /** interest + recoveryFee. */
  readonly total: Decimal;
}

export interface AppliedRate {
  readonly halfYear: HalfYearKey;
  readonly contractual: Decimal;
  readonly floor: Decimal | undefined;
  readonly applied: Decimal;
  readonly floorBound: boolean;
}

const STATUTORY_FLOOR_FACTOR = 3; // L441-10 II: "trois fois le taux d'intérêt légal"

/** The day-count basis as a decimal, made once (interest is divided by it per invoice). */
const BASIS = new Decimal(DAY_COUNT_BASIS);

const L441_10 = cite(LAW.commerce, "L441-10 II");
const D441_5 = cite(LAW.commerce, "D441-5");

export function checkClient(profile: VendorProfile, client: ClientType): void {
  if (!profile.clients.includes(client)) {
    throw notApplicable(
      `${profile.name}'s terms are for ${profile.clients.join(" and ")} clients only: clientType "${client}" does not apply.`,
      `Les conditions ${frenchOf(profile.name)} ne visent que des clients ${profile.clients.map((c) => (c === "pro" ? "professionnels" : "consommateurs")).join(" et ")} : clientType « ${client} » ne s'applique pas.`,
      [cite(profile.document.short, "1")],
      "clientType",
    );
  }
}

function floorApplies(rule: LatePaymentRule, client: ClientType): boolean {
  // The statutory floor protects professional creditors against a contractual rate set too low
  // (L441-10 II); a floor the contract writes itself binds whoever the client is.
  return rule.floor === "contractual" || (rule.floor === "statutory" && client === "pro");
}

/**
 * The annual rate for a late day in half-year `key`, after the floor. The legal rate used is always
 * the "tous les autres cas" one: the creditor is the vendor, a business, whoever the client is.
 */
export function rateForHalfYear(
  rule: LatePaymentRule,
  key: HalfYearKey,
  client: ClientType,
  table: RateTable,
): AppliedRate {
  // Bulk work asks for the same few half-years millions of times: rates are memoised per rule and
  // table (both immutable), never across tables, so user rate rows are always honoured.
  let byTable = RATE_CACHE.get(rule);
  if (!byTable) RATE_CACHE.set(rule, (byTable = new WeakMap()));
  let byKey = byTable.get(table);
  if (!byKey) byTable.set(table, (byKey = new Map()));
  const cacheKey = key * 2 + (client === "pro" ? 0 : 1);
  let rate = byKey.get(cacheKey);
  if (!rate) byKey.set(cacheKey, (rate = computeRate(rule, key, client, table)));
  return rate;
}

const RATE_CACHE = new WeakMap<LatePaymentRule, WeakMap<RateTable, Map<number, AppliedRate>>>();

function computeRate(
  rule: LatePaymentRule,
  key: HalfYearKey,
  client: ClientType,
  table: RateTable,
): AppliedRate {
  let contractual: Decimal;
  switch (rule.rate.kind) {
    case "legal-multiple":
      contractual = legalRateProfessional(table, key).times(rule.rate.factor);
      break;
    case "ecb-plus":
      contractual = ecbRate(table, key).plus(new Decimal(rule.rate.points).div(100));
      break;
    case "fixed":
      contractual = new Decimal(rule.rate.annualPercent).div(100);
      break;
  }
  const floor = floorApplies(rule, client)
    ? legalRateProfessional(table, key).times(STATUTORY_FLOOR_FACTOR)
    : undefined;
  const floorBound = floor !== undefined && floor.gt(contractual);
  return {
    halfYear: key,
    contractual,
    floor,
    applied: floorBound && floor ? floor : contractual,
    floorBound,
  };
}

/** The annual rate applied to a late day falling on `day` (PENALTYRATE). */
export function penaltyRate(
  profile: VendorProfile,
  day: Day,
  client: ClientType,
  settings: Settings,
  trace?: Trace,
): AppliedRate {
  checkClient(profile, client);
  const rate = rateForHalfYear(profile.latePayment, halfYearOf(day), client, settings.rates);
  if (trace) {
    describeRule(trace, profile, client);
    describeRate(trace, profile.latePayment, rate, settings.rates);
  }
  return rate;
}

function describeRule(trace: Trace, profile: VendorProfile, client: ClientType): void {
  noteInterpretations(trace, profile, profile.latePayment.clause);
  const r = profile.latePayment.rate;
  const what =
    r.kind === "legal-multiple"
      ? { en: `${r.factor} × the French legal interest rate`, fr: `${r.factor} fois le taux d'intérêt légal` }
      : r.kind === "ecb-plus"
        ? {
            en: `the ECB main refinancing rate + ${r.points} points`,
            fr: `le taux de refinancement de la BCE majoré de ${r.points} points`,
          }
        : { en: `${r.annualPercent} % a year`, fr: `${frenchNumber(r.annualPercent)} % par an` };
  trace.step(
    `${profile.name}'s late-payment rate: ${what.en}, fixed per calendar half-year (the rate in force on 1 January or 1 July).`,
    `Taux des pénalités de retard ${frenchOf(profile.name)} : ${what.fr}, fixé par semestre civil (taux en vigueur au 1er janvier ou au 1er juillet).`,
    ...profile.latePayment.clause,
    L441_10,
  );
  const floor = profile.latePayment.floor;
  if (floor === "none") {
    trace.step(
      "This restates the statutory default rate (ECB + 10 points), which the 3 × legal rate floor does not limit.",
      "Il s'agit du taux légal supplétif (BCE + 10 points), que le plancher de 3 fois le taux légal ne limite pas.",
      L441_10,
    );
  } else if (floor === "contractual") {
    trace.step(
      "The contract itself sets a floor of 3 × the legal interest rate.",
      "Le contrat fixe lui-même un plancher de 3 fois le taux d'intérêt légal.",
      ...profile.latePayment.clause,
    );
  } else if (client === "pro") {
    trace.step(
      "Between professionals a contractual rate can never be below 3 × the legal interest rate.",
      "Entre professionnels, un taux contractuel ne peut être inférieur à 3 fois le taux d'intérêt légal.",
      L441_10,
    );
  } else {
    trace.step(
      "Consumer client: the statutory floor between professionals does not apply.",
      "Client consommateur : le plancher légal entre professionnels ne s'applique pas.",
      L441_10,
    );
  }
}

function describeRate(trace: Trace, rule: LatePaymentRule, r: AppliedRate, table: RateTable): void {
  const pct = (d: Decimal) => formatPercent(d, "en");
  const floorText = r.floor === undefined ? "" : `; floor 3 × legal rate = ${pct(r.floor)}`;
  const plancher = r.floor === undefined ? "" : ` ; plancher 3 × taux légal = ${frenchPercent(r.floor)}`;
  const user = userFigures(rule, r, table);
  trace.step(
    `${halfYearLabel(r.halfYear)}: contractual rate ${pct(r.contractual)}${floorText}; applied ${pct(r.applied)}${r.floorBound ? " (the floor binds)" : ""}${user.en}.`,
    `${capitalize(halfYearText(r.halfYear, "fr"))} : taux contractuel ${frenchPercent(r.contractual)}${plancher} ; taux appliqué ${frenchPercent(r.applied)}${r.floorBound ? " (le plancher s'applique)" : ""}${user.fr}.`,
    ...rule.clause,
  );
}

/**
 * The figures of a half-year's rate that come from the user's rate rows rather than the shipped
 * tables, as words for the explanation: « (taux saisi par l'utilisateur : taux légal 2.6 %, source :
 * arrêté du …) ». A figure equal to the shipped one is the shipped one; one that differs from it says
 * so (the pane asked before storing it). Empty when every figure used is shipped.
 */
function userFigures(rule: LatePaymentRule, r: AppliedRate, table: RateTable): { en: string; fr: string } {
  const row = table.byHalfYear.get(r.halfYear);
  if (!row?.user) return { en: "", fr: "" };
  const shipped = DEFAULT_RATE_TABLE.byHalfYear.get(r.halfYear);
  // The figures this rule used: the legal rate (a multiple of it, or the floor), the ECB rate.
  const used: { which: "legal" | "ecb"; given: Decimal | undefined; shipped: Decimal | undefined }[] = [];
  if (rule.rate.kind === "legal-multiple" || r.floor !== undefined)
    used.push({ which: "legal", given: row.legalProfessional, shipped: shipped?.legalProfessional });
  if (rule.rate.kind === "ecb-plus") used.push({ which: "ecb", given: row.ecb, shipped: shipped?.ecb });
  const own = used.filter(
    (u): u is typeof u & { given: Decimal } =>
      u.given !== undefined && (u.shipped === undefined || !u.shipped.eq(u.given)),
  );
  if (own.length === 0) return { en: "", fr: "" };
  const en = own.map(
    (u) =>
      `${u.which === "legal" ? "legal rate" : "ECB rate"} ${formatPercent(u.given, "en")}${u.shipped ? `, replacing the shipped ${formatPercent(u.shipped, "en")}` : ""}`,
  );
  const fr = own.map(
    (u) =>
      `${u.which === "legal" ? "taux légal" : "taux BCE"} ${frenchPercent(u.given)}${u.shipped ? `, à la place du taux livré ${frenchPercent(u.shipped)}` : ""}`,
  );
  const note = row.userNote ? row.userNote : undefined;
  return {
    en: ` (rate entered by the user: ${en.join(", ")}${note ? `; source given: ${note}` : ""})`,
    fr: ` (taux saisi par l'utilisateur : ${fr.join(", ")}${note ? ` ; source indiquée : ${note}` : ""})`,
  };
}

function sortedPayments(input: LatePaymentInput): readonly Payment[] {
  // Most invoices have no payment before the end of their late period: nothing to copy or sort.
  if (input.payments === undefined || input.payments.length === 0) return NO_PAYMENTS;
  const payments = [...input.payments];
  payments.forEach((p, i) => {
    if (p.amount.lte(0)) {
      throw invalidInput(
        "payments",
        `payments row ${i + 1}: the amount must be positive (got ${p.amount.toString()}).`,
        `payments ligne ${i + 1} : le montant doit être positif (reçu ${frenchNumber(p.amount)}).`,
      );
    }
    if (p.date > input.paidDate) {
      throw invalidInput(
        "payments",
        `payments row ${i + 1}: dated ${formatIsoDay(p.date)}, after paidDate ${formatIsoDay(input.paidDate)}; paidDate is the final payment or the "as of" date.`,
        `payments ligne ${i + 1} : datée du ${frenchDate(p.date)}, après paidDate (${frenchDate(input.paidDate)}) ; paidDate est le paiement final ou la date d'arrêté.`,
      );
    }
  });
  return payments.sort((a, b) => a.date - b.date);
}

/** No payment: one frozen list for every invoice without one (bulk runs make none per row). */
export const NO_PAYMENTS: readonly Payment[] = Object.freeze([]);

function checkAmount(amount: Decimal): void {
  if (amount.isNeg()) {
    throw invalidInput(
      "amount",
      `amount must not be negative (got ${amount.toString()}): a credit note bears no late interest.`,
      `le montant (amount) ne doit pas être négatif (reçu ${frenchNumber(amount)}) : un avoir ne porte pas d'intérêts de retard.`,
    );
  }
}

interface InterestComputation {
  readonly exact: Decimal;
  readonly statutoryMinimum: Decimal;
  readonly daysLate: number;
  /** Balance outstanding the day after the due date: zero means the invoice was never late. */
  readonly lateBalance: Decimal;
}

/**
 * Simple interest, per late day, on the balance outstanding that day (a payment dated P still
 * counts day P as late for the part it pays), cut at half-year boundaries (L441-10 II) and at
 * payment dates. Days late run from the day after the due date to `paidDate` inclusive.
 */
function computeInterest(
  rule: LatePaymentRule,
  input: LatePaymentInput,
  settings: Settings,
  trace?: Trace,
): InterestComputation {
  checkAmount(input.amount);
  const payments = sortedPayments(input);
  const daysLate = Math.max(0, input.paidDate - input.dueDate);
  let balance = input.amount;
  let p = 0;
  for (; p < payments.length && (payments[p] as Payment).date <= input.dueDate; p++)
    balance = balance.minus((payments[p] as Payment).amount);
  const lateBalance = balance.isNeg() ? ZERO : balance;
  // Σ balance × rate × days, divided by the day-count basis once at the end (exact either way; one
  // decimal division instead of one per segment).
  let numerator = ZERO;
  let minimumNumerator = ZERO;
  // Segments run forward in time: a half-year's segments follow one another, so its rate is looked
  // up (and described) once, when the first of them begins.
  let rate: AppliedRate | undefined;
  let day = addDays(input.dueDate, 1);
  while (day <= input.paidDate && aboveZero(balance)) {
    const key = halfYearOf(day);
    if (rate?.halfYear !== key) {
      rate = rateForHalfYear(rule, key, input.client, settings.rates);
      if (trace) describeRate(trace, rule, rate, settings.rates);
    }
    let end = addDays(halfYearStart(key + 1), -1);
    if (end > input.paidDate) end = input.paidDate;
    const next = payments[p];
    if (next && next.date < end) end = next.date;
    const days = end - day + 1;
    const product = balance.times(rate.applied).times(days);
    // The first segment's product is the sum so far (no addition to zero).
    numerator = numerator === ZERO ? product : numerator.plus(product);
    if (rule.flatAlternative && input.client === "pro") {
      minimumNumerator = minimumNumerator.plus(
        balance.times(legalRateProfessional(settings.rates, key).times(STATUTORY_FLOOR_FACTOR)).times(days),
      );
    }
    if (trace) trace.segment(segment(day, end, days, key, balance, rate, product.div(BASIS)));
    day = addDays(end, 1);
    for (; p < payments.length && (payments[p] as Payment).date < day; p++)
      balance = balance.minus((payments[p] as Payment).amount);
  }
  return {
    exact: numerator.div(BASIS),
    // Only the flat reading's rule sums a minimum: no division of zero for the others.
    statutoryMinimum: minimumNumerator === ZERO ? ZERO : minimumNumerator.div(BASIS),
    daysLate,
    lateBalance,
  };
}

function segment(
  from: Day,
  to: Day,
  days: number,
  key: HalfYearKey,
  balance: Decimal,
  rate: AppliedRate,
  interest: Decimal,
): RateSegment {
  return {
    from,
    to,
    days,
    halfYear: halfYearLabel(key),
    balance,
    contractualRate: rate.contractual,
    floorRate: rate.floor,
    appliedRate: rate.applied,
    floorBound: rate.floorBound,
    interest,
  };
}

export function usesFlatReading(profile: VendorProfile, settings: Settings): boolean {
  const flat = profile.latePayment.flatAlternative;
  return flat !== undefined && settings.readings.has(flat.option);
}

/**
 * Simple interest under a rate rule that is not a vendor's own (Code civil 1231-6 for a consumer
 * debtor: the legal rate from the formal notice), by the same per-day computation as LATEINTEREST —
 * half-years, payments on their dates, one rounding. `input.dueDate` is the day before the first day
 * of interest. The trace receives the segments; the rule's own words are the caller's to give.
 */
export function interestUnderRule(
  rule: LatePaymentRule,
  input: LatePaymentInput,
  settings: Settings,
  trace?: Trace,
): { interest: Decimal; daysLate: number } {
  const c = computeInterest(rule, input, settings, trace);
  return { interest: roundToCent(c.exact), daysLate: c.daysLate };
}

/** Late interest alone, rounded once to the cent (LATEINTEREST). */
export function lateInterest(
  profile: VendorProfile,
  input: LatePaymentInput,
  settings: Settings,
  trace?: Trace,
): { interest: Decimal; daysLate: number } {
  const { interest, daysLate } = interestAndLateBalance(profile, input, settings, trace);
  return { interest, daysLate };
}

/** Late interest, and the balance the day after the due date (whether a recovery fee is due). */
function interestAndLateBalance(
  profile: VendorProfile,
  input: LatePaymentInput,
  settings: Settings,
  trace?: Trace,
): { interest: Decimal; daysLate: number; lateBalance: Decimal } {
  checkClient(profile, input.client);
  if (trace) describeRule(trace, profile, input.client);
  const c = computeInterest(profile.latePayment, input, settings, trace);
  trace?.step(
    `Days late: from the day after the due date ${formatIsoDay(input.dueDate)} to ${formatIsoDay(input.paidDate)}: ${c.daysLate}.`,
    `Jours de retard : du lendemain de l'échéance du ${frenchDate(input.dueDate)} au ${frenchDate(input.paidDate)} : ${c.daysLate}.`,
    L441_10,
  );
  let interest = c.exact;
  const flat = profile.latePayment.flatAlternative;
  if (flat && usesFlatReading(profile, settings)) {
    const flatAmount =
      c.lateBalance.gt(0) && c.daysLate > 0 ? input.amount.times(flat.percent).div(100) : ZERO;
    interest = Decimal.max(flatAmount, c.statutoryMinimum);
    trace?.step(
      `Reading "${flat.option}": a one-off ${flat.percent} % of the invoice amount (${roundToCent(flatAmount).toFixed(2)} €), never less than the statutory minimum interest over the same days (${roundToCent(c.statutoryMinimum).toFixed(2)} €).`,
      `Lecture « ${flat.option} » : forfait unique de ${frenchNumber(flat.percent)} % du montant de la facture (${frenchMoney(roundToCent(flatAmount))}), jamais moins que l'intérêt minimal légal sur les mêmes jours (${frenchMoney(roundToCent(c.statutoryMinimum))}).`,
      ...flat.clause,
    );
  } else if (trace) {
    trace.step(
      `Interest = Σ balance × annual rate × days / ${DAY_COUNT_BASIS} over ${trace.segments.length} segment(s) = ${c.exact.toDecimalPlaces(6).toString()} €, simple interest on a 365-day year.`,
      `Intérêts = Σ solde × taux annuel × jours / ${DAY_COUNT_BASIS} sur ${trace.segments.length} période(s) = ${frenchNumber(c.exact.toDecimalPlaces(6))} € avant arrondi, intérêts simples sur une année de 365 jours.`,
      L441_10,
    );
  }
  const rounded = roundToCent(interest);
  trace?.step(
    `Rounded once to the cent, half up: ${rounded.toFixed(2)} €.`,
    `Arrondi une seule fois au centime, au plus proche : ${frenchMoney(rounded)}.`,
  );
  return { interest: rounded, daysLate: c.daysLate, lateBalance: c.lateBalance };
}

/**
 * The fixed recovery fee (40 € per late invoice, D441-5, due once per invoice: CJEU C-78/22) for a
 * professional client, replaced by justified recovery costs when they are higher (L441-10 II).
 */
export function recoveryFee(
  profile: VendorProfile,
  input: Pick<LatePaymentInput, "dueDate" | "paidDate" | "recoveryCosts" | "client"> & {
    lateBalance?: Decimal;
  },
  trace?: Trace,
): Decimal {
  checkClient(profile, input.client);
  return feeWhenLate(profile, input, input.lateBalance, trace);
}

/** The recovery fee of a client already checked; `lateBalance` as `recoveryFee`'s. */
function feeWhenLate(
  profile: VendorProfile,
  input: Pick<LatePaymentInput, "dueDate" | "paidDate" | "recoveryCosts" | "client">,
  lateBalance: Decimal | undefined,
  trace?: Trace,
): Decimal {
  const rule = profile.latePayment.recoveryFee;
  if (input.recoveryCosts !== undefined && input.recoveryCosts.isNeg()) {
    throw invalidInput(
      "recoveryCosts",
      "recoveryCosts must not be negative.",
      "les frais de recouvrement (recoveryCosts) ne doivent pas être négatifs.",
    );
  }
  const late = input.paidDate > input.dueDate && (lateBalance === undefined || aboveZero(lateBalance));
  if (!late) {
    trace?.step(
      "Not paid late: no recovery fee.",
      "Pas de retard de paiement : pas d'indemnité de recouvrement.",
      D441_5,
    );
    return ZERO;
  }
  if (input.client === "consumer") {
    trace?.step(
      "Consumer client: the 40 € recovery fee applies between professionals only.",
      "Client consommateur : l'indemnité forfaitaire de 40 € ne s'applique qu'entre professionnels.",
      cite(LAW.commerce, "L441-10 II"),
    );
    return ZERO;
  }
  const fixed = fixedFee(rule);
  const costs = input.recoveryCosts;
  if (rule.justifiedCostsAbove && costs !== undefined && costs.gt(fixed)) {
    trace?.step(
      `Justified recovery costs of ${costs.toFixed(2)} € exceed the ${fixed.toFixed(2)} € fee and replace it.`,
      `Les frais de recouvrement justifiés de ${frenchMoney(costs)} dépassent l'indemnité de ${frenchMoney(fixed)} et la remplacent.`,
      ...rule.clause,
      L441_10,
    );
    return roundToCent(costs);
  }
  trace?.step(
    `Fixed recovery fee: ${fixed.toFixed(2)} € (once per late invoice, not subject to VAT).`,
    `Indemnité forfaitaire pour frais de recouvrement : ${frenchMoney(fixed)} (une fois par facture en retard, hors TVA).`,
    ...rule.clause,
    D441_5,
  );
  return fixed;
}

/** A rule's fixed recovery fee as a decimal, made once per rule (rules are immutable). */
function fixedFee(rule: LatePaymentRule["recoveryFee"]): Decimal {
  let fee = FIXED_FEES.get(rule);
  if (!fee) FIXED_FEES.set(rule, (fee = new Decimal(rule.amount)));
  return fee;
}

const FIXED_FEES = new WeakMap<LatePaymentRule["recoveryFee"], Decimal>();

/**
 * Late interest plus the recovery fee, where a missing rate does not hide what does not depend on it:
 * the days late and the recovery fee are computed, and `missingRate` says which half-year's rate is
 * missing (interest then 0 and left out of `total`). A register row stays late and keeps its fee.
 */
export function latePaymentKnown(
  profile: VendorProfile,
  input: LatePaymentInput,
  settings: Settings,
  trace?: Trace,
): LatePaymentResult & { readonly missingRate?: EngineError } {
  try {
    return latePayment(profile, input, settings, trace);
  } catch (e) {
    if (!(e instanceof EngineError) || e.kind !== "rate-unknown") throw e;
    checkAmount(input.amount);
    const fee = recoveryFee(profile, { ...input, lateBalance: balanceAtDueDate(input) });
    return {
      daysLate: Math.max(0, input.paidDate - input.dueDate),
      interest: ZERO,
      recoveryFee: fee,
      total: fee,
      missingRate: e,
    };
  }
}

/** The balance still due the day after the due date (payments on or before it deducted). */
function balanceAtDueDate(input: LatePaymentInput): Decimal {
  let lateBalance = input.amount;
  for (const p of input.payments ?? [])
    if (p.date <= input.dueDate) lateBalance = lateBalance.minus(p.amount);
  return lateBalance;
}

/** Late interest plus the recovery fee (LATEFEE). */
export function latePayment(
  profile: VendorProfile,
  input: LatePaymentInput,
  settings: Settings,
  trace?: Trace,
): LatePaymentResult {
  const { interest, daysLate, lateBalance } = interestAndLateBalance(profile, input, settings, trace);
  const fee = feeWhenLate(profile, input, lateBalance, trace);
  const total = interest.plus(fee);
  trace?.step(
    `Total: ${interest.toFixed(2)} + ${fee.toFixed(2)} = ${total.toFixed(2)} €.`,
    `Total : ${frenchNumber(interest, 2)} + ${frenchNumber(fee, 2)} = ${frenchMoney(total)}.`,
  );
  return { daysLate, interest, recoveryFee: fee, total };
}

/** « 2e semestre 2024 » at the head of a sentence. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
