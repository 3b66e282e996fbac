import { maxDay, type Day } from "./date";
import { EngineError } from "./errors";
import { Trace, type RateSegment } from "./explanation";
import { formatDate, formatMoney } from "./format";
import {
  interestUnderRule,
  latePaymentKnown,
  usesFlatReading,
  type LatePaymentInput,
  type Payment,
} from "./late-payment";
import { Decimal, roundToCent, ZERO } from "./money";
import type { ClientType, LatePaymentRule, VendorProfile } from "./profile";
import { legalRateSource, rateSource } from "./rate-source";
import { parseHalfYear, type HalfYearKey } from "./rates";
import { DAY_COUNT_BASIS, type Settings } from "./settings";
import { cite, LAW, type Citation, type Language, type Text } from "./text";

/**
 * The detailed statement (décompte) of one late invoice, as CPC 1407 asks an injonction de payer to
 * state it: principal, due date, payments and how they were applied, each interest period with its
 * rate, the rate's source and its day count, the interest, the 40 € fee, the total.
 *
 * It is LATEFEE's own computation, not a second one: the periods are the segments the engine's trace
 * records while computing `latePaymentKnown`, and the invoice's interest, fee and total are that call's
 * result, so a statement's total equals CGV.LATEFEE for the same invoice by construction.
 */

/** How the interest of an invoice is founded. */
export type InterestBasis =
  /** The vendor's late-payment clause (L441-10 II), for a professional client or a consumer the terms serve. */
  | { readonly kind: "contract" }
  /**
   * A consumer client of terms that set no consumer rate: the legal rate of the « autres cas »
   * category from the formal notice (Code civil 1231-6, 1344-1), no fee, no 3 × floor.
   */
  | { readonly kind: "civil-code"; readonly formalNotice: Day | undefined };

export interface StatementPayment {
  readonly date: Day;
  readonly amount: Decimal;
  /** Principal still due after this payment (negative: overpaid). */
  readonly balanceAfter: Decimal;
  /** Paid on or before the due date: it reduced the principal before any interest ran. */
  readonly beforeDue: boolean;
}

export interface StatementPeriod {
  readonly from: Day;
  readonly to: Day;
  readonly days: number;
  readonly halfYear: HalfYearKey;
  /** Principal bearing interest during the period. */
  readonly balance: Decimal;
  readonly rate: Decimal;
  readonly floorBound: boolean;
  /** « 3 × taux légal 2e semestre 2025 (2,76 %) = 8,28 % ». */
  readonly source: Text;
  /** Exact interest of the period (balance × rate × days / 365). */
  readonly exactInterest: Decimal;
  /** The period's interest as the statement shows it: to the cent, half up. */
  readonly interest: Decimal;
}

export interface InvoiceStatementInput {
  /** The invoice amount (the base the vendor's clause names: TTC for the registers here). */
  readonly amount: Decimal;
  readonly dueDate: Day;
  /** The date the statement is made up to (date d'arrêté). */
  readonly asOf: Day;
  /** Payments in any order; those after `asOf` are left out and said. */
  readonly payments?: readonly Payment[];
  readonly client: ClientType;
  readonly recoveryCosts?: Decimal | undefined;
  /** The formal notice's date, for a consumer whose creditor's terms set no consumer rate. */
  readonly formalNotice?: Day | undefined;
}

export interface InvoiceStatement {
  readonly amount: Decimal;
  readonly dueDate: Day;
  readonly asOf: Day;
  /** The last day counted: the day the invoice was paid off, or the date d'arrêté. */
  readonly end: Day;
  readonly daysLate: number;
  readonly payments: readonly StatementPayment[];
  /** Payments dated after the date d'arrêté, not counted. */
  readonly laterPayments: readonly Payment[];
  /** Principal still due on `end` (0 once paid off). */
  readonly outstanding: Decimal;
  readonly basis: InterestBasis;
  readonly periods: readonly StatementPeriod[];
  /** Σ exact period interest, before the one rounding. */
  readonly exactInterest: Decimal;
  /** The invoice's interest, rounded once (= LATEINTEREST). */
  readonly interest: Decimal;
  /** interest − Σ period interest as shown: the cent the rounding of each line moved, shown on its own line. */
  readonly roundingDifference: Decimal;
  /** Set under Xiahdeh's "flat" reading: the interest is the flat sum, not the periods'. */
  readonly flat: Text | undefined;
  readonly fee: Decimal;
  /** interest + fee (= LATEFEE). */
  readonly total: Decimal;
  /** The call to LATEFEE this statement details (none under Code civil 1231-6: LATEFEE does not apply). */
  readonly engineInput: LatePaymentInput | undefined;
  /** A rate the table lacks: the interest is not computed (0), the sentence says which and where to add it. */
  readonly missingRate: EngineError | undefined;
  /** How the figures were read (payments, rounding, basis), for the statement's notes. */
  readonly notes: readonly Text[];
  readonly citations: readonly Citation[];
}

const L441_10 = cite(LAW.commerce, "L441-10 II");
const D441_5 = cite(LAW.commerce, "D441-5");
const CIVIL_1231_6 = cite(LAW.civil, "1231-6");
const CIVIL_1344_1 = cite(LAW.civil, "1344-1");

/**
 * Code civil 1231-6: « l'intérêt au taux légal, à compter de la mise en demeure ». The creditor is a
 * business, so the rate is the « autres cas » one (CMF L313-2), the rate the engine calls professional.
 * Not floored (the floor of L441-10 is for professional debtors), no fee.
 */
export const CIVIL_CODE_INTEREST_RULE: LatePaymentRule = {
  rate: { kind: "legal-multiple", factor: 1 },
  floor: "none",
  base: "sum-due",
  recoveryFee: { amount: "0", justifiedCostsAbove: false, clause: [] },
  clause: [CIVIL_1231_6, CIVIL_1344_1],
};

/** Whether a consumer client of this vendor falls under Code civil 1231-6 (the terms set nothing for consumers). */
export function consumerUnderCivilCode(profile: VendorProfile, client: ClientType): boolean {
  return client === "consumer" && !profile.clients.includes("consumer");
}

const NOTES = {
  payments: {
    fr: "Chaque paiement est imputé sur le principal à sa date et les intérêts courent sur le solde (lecture favorable au débiteur, Code civil 1190, et celle des calculateurs publics) ; le créancier qui invoquerait l'imputation prioritaire sur les intérêts (Code civil 1343-1) obtiendrait un peu plus : ce décompte ne le fait pas.",
    en: "Each payment reduces the principal on its date and interest runs on the balance (the reading favourable to the debtor, Code civil 1190, and the one public calculators use); a creditor invoking payment imputed first on interest (Code civil 1343-1) would obtain slightly more: this statement does not.",
  },
  days: {
    fr: `Intérêts simples, par jour de retard, sur une année de ${DAY_COUNT_BASIS} jours, du lendemain de l'échéance au dernier jour compté inclus ; le taux est celui du semestre civil de chaque jour (Code de commerce L441-10 II).`,
    en: `Simple interest per late day on a ${DAY_COUNT_BASIS}-day year, from the day after the due date to the last day counted inclusive; each day takes its calendar half-year's rate (Code de commerce L441-10 II).`,
  },
  rounding: {
    fr: "Chaque période est arrondie au centime pour l'affichage ; les intérêts de la facture sont la somme exacte des périodes, arrondie une seule fois au centime : l'écart éventuel figure sur sa propre ligne.",
    en: "Each period is rounded to the cent for display; the invoice's interest is the exact sum of the periods, rounded once to the cent: any difference is shown on its own line.",
  },
  consumerContract: {
    fr: "Client consommateur : pas d'indemnité forfaitaire de 40 € (Code de commerce D441-5 ne vise que les professionnels).",
    en: "Consumer client: no 40 € recovery fee (Code de commerce D441-5 applies between professionals only).",
  },
  civilCode: {
    fr: "Client consommateur et conditions sans taux pour les consommateurs : intérêts au taux légal à compter de la mise en demeure (Code civil 1231-6 et 1344-1), au taux des créanciers professionnels (« autres cas »), sans le plancher de 3 fois le taux légal ni l'indemnité de 40 €.",
    en: 'Consumer client and terms with no consumer rate: interest at the legal rate from the formal notice (Code civil 1231-6 and 1344-1), at the rate for professional creditors ("other cases"), without the 3 × legal rate floor or the 40 € fee.',
  },
  noFormalNotice: {
    fr: "Aucune mise en demeure enregistrée : les intérêts au taux légal ne courent qu'à compter de celle-ci (Code civil 1231-6).",
    en: "No formal notice recorded: interest at the legal rate runs only from one (Code civil 1231-6).",
  },
} as const satisfies Record<string, Text>;

function laterPaymentsNote(payments: readonly Payment[], asOf: Day): Text {
  const list = (lang: Language) =>
    payments.map((p) => `${formatMoney(p.amount, lang)} (${formatDate(p.date, lang)})`).join(", ");
  return {
    fr: `Paiements postérieurs à la date d'arrêté du ${formatDate(asOf, "fr")}, non pris en compte : ${list("fr")}.`,
    en: `Payments after the statement date ${formatDate(asOf, "en")}, not counted: ${list("en")}.`,
  };
}

function flatNote(profile: VendorProfile): Text {
  const flat = profile.latePayment.flatAlternative;
  const percent = flat?.percent ?? "";
  return {
    fr: `Lecture « ${flat?.option ?? ""} » : forfait unique de ${percent.replace(".", ",")} % du montant de la facture, jamais moins que l'intérêt minimal légal sur les mêmes jours ; les périodes ci-dessus donnent les jours et les taux.`,
    en: `Reading "${flat?.option ?? ""}": a one-off ${percent} % of the invoice amount, never less than the statutory minimum interest over the same days; the periods above give the days and rates.`,
  };
}

/**
 * The payments counted up to the date d'arrêté, in date order, and the day the invoice was paid off
 * (the end of its late days) when they settle it.
 */
function countedPayments(input: InvoiceStatementInput): {
  counted: Payment[];
  later: Payment[];
  end: Day;
} {
  const all = [...(input.payments ?? [])].sort((a, b) => a.date - b.date);
  const counted: Payment[] = [];
  const later: Payment[] = [];
  let paid = ZERO;
  let end = input.asOf;
  for (const p of all) {
    if (p.date > input.asOf) later.push(p);
    else if (paid.lt(input.amount)) {
      counted.push(p);
      paid = paid.plus(p.amount);
      if (paid.gte(input.amount)) end = p.date;
    } else counted.push(p); // an overpayment after the payoff: listed, no effect on interest
  }
  return { counted, later, end };
}

function paymentLines(amount: Decimal, dueDate: Day, payments: readonly Payment[]): StatementPayment[] {
  let balance = amount;
  return payments.map((p) => {
    balance = balance.minus(p.amount);
    return { date: p.date, amount: p.amount, balanceAfter: balance, beforeDue: p.date <= dueDate };
  });
}

function periodLines(
  segments: readonly RateSegment[],
  source: (s: RateSegment, key: HalfYearKey) => Text,
): StatementPeriod[] {
  return segments.map((s) => {
    const key = parseHalfYear(s.halfYear) as HalfYearKey;
    return {
      from: s.from as Day,
      to: s.to as Day,
      days: s.days,
      halfYear: key,
      balance: s.balance,
      rate: s.appliedRate,
      floorBound: s.floorBound,
      source: source(s, key),
      exactInterest: s.interest,
      interest: roundToCent(s.interest),
    };
  });
}

function rateUnknown(e: unknown): EngineError | undefined {
  return e instanceof EngineError && e.kind === "rate-unknown" ? e : undefined;
}

/**
 * The statement of one invoice as of a date. Throws what LATEFEE throws on bad input (a negative
 * amount, a payment that is not positive); a missing rate is not thrown but carried in `missingRate`.
 */
export function invoiceStatement(
  profile: VendorProfile,
  input: InvoiceStatementInput,
  settings: Settings,
): InvoiceStatement {
  const { counted, later, end } = countedPayments(input);
  const engineInput: LatePaymentInput = {
    amount: input.amount,
    dueDate: input.dueDate,
    paidDate: end,
    payments: counted,
    recoveryCosts: input.recoveryCosts,
    client: input.client,
  };
  const civil = consumerUnderCivilCode(profile, input.client);
  const trace = new Trace();
  let interest: Decimal;
  let fee: Decimal;
  let missingRate: EngineError | undefined;
  let basis: InterestBasis;
  const notes: Text[] = [];
  const citations: Citation[] = [];
  if (civil) {
    basis = { kind: "civil-code", formalNotice: input.formalNotice };
    notes.push(NOTES.civilCode);
    if (input.formalNotice === undefined) notes.push(NOTES.noFormalNotice);
    fee = ZERO;
    interest = ZERO;
    if (input.formalNotice !== undefined) {
      // Interest runs from the day after the formal notice (as late days run from the day after the
      // due date), and never before the invoice is due.
      const from = maxDay(input.formalNotice, input.dueDate);
      try {
        interest = interestUnderRule(
          CIVIL_CODE_INTEREST_RULE,
          { ...engineInput, dueDate: from },
          settings,
          trace,
        ).interest;
      } catch (e) {
        missingRate = rateUnknown(e);
        if (!missingRate) throw e;
      }
    }
    citations.push(CIVIL_1231_6, CIVIL_1344_1);
  } else {
    basis = { kind: "contract" };
    const r = latePaymentKnown(profile, engineInput, settings, trace);
    interest = r.interest;
    fee = r.recoveryFee;
    missingRate = r.missingRate;
    if (input.client === "consumer") notes.push(NOTES.consumerContract);
    citations.push(L441_10, ...profile.latePayment.clause);
    if (fee.gt(0)) citations.push(D441_5, ...profile.latePayment.recoveryFee.clause);
  }
  const table = settings.rates;
  const periods = missingRate
    ? []
    : periodLines(trace.segments, (s, key) =>
        civil
          ? legalRateSource(key, s.appliedRate)
          : rateSource(
              profile.latePayment,
              {
                halfYear: key,
                contractual: s.contractualRate,
                floor: s.floorRate,
                applied: s.appliedRate,
                floorBound: s.floorBound,
              },
              table,
            ),
      );
  const flat = !civil && usesFlatReading(profile, settings) ? flatNote(profile) : undefined;
  const shown = periods.reduce((sum, p) => sum.plus(p.interest), ZERO);
  const roundingDifference = missingRate || flat ? ZERO : interest.minus(shown);
  if (counted.length > 0) notes.push(NOTES.payments);
  if (later.length > 0) notes.push(laterPaymentsNote(later, input.asOf));
  if (periods.length > 0) notes.push(NOTES.days);
  if (periods.length > 1) notes.push(NOTES.rounding);
  if (flat) notes.push(flat);
  if (missingRate) notes.push(missingRate.text);
  const paidOff = counted.reduce((sum, p) => sum.plus(p.amount), ZERO);
  return {
    amount: input.amount,
    dueDate: input.dueDate,
    asOf: input.asOf,
    end,
    daysLate: Math.max(0, end - input.dueDate),
    payments: paymentLines(input.amount, input.dueDate, counted),
    laterPayments: later,
    outstanding: Decimal.max(input.amount.minus(paidOff), ZERO),
    basis,
    periods,
    exactInterest: periods.reduce((sum, p) => sum.plus(p.exactInterest), ZERO),
    interest,
    roundingDifference,
    flat,
    fee,
    total: interest.plus(fee),
    engineInput: civil ? undefined : engineInput,
    missingRate,
    notes,
    citations: unique(citations),
  };
}

function unique(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.document}|${c.article}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
