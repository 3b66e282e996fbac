import { addDays, dayFromYmd, endOfMonth, formatIsoDay, maxDay, type Day } from "./date";
import { describePaymentTerm, describePenaltyRate } from "./describe";
import { frenchDate, frenchNumber } from "./format";
import { Decimal, percent } from "./money";
import { applyPaymentTerm } from "./payment-terms";
import type { LatePaymentRule, PaymentTerm, VendorProfile } from "./profile";
import {
  ecbRate,
  halfYearLabel,
  halfYearOf,
  halfYearText,
  legalRateProfessional,
  type RateTable,
} from "./rates";
import type { EndOfMonthMethod } from "./settings";
import { cite, LAW, t, type Citation, type Text } from "./text";

/**
 * The legal limits of Code de commerce L441-10 and D441-5 checked against what a contract says:
 * advice for the custom-vendor form, the terms-of-sale import and `echeance vendor check`. A flag never
 * stops a contract from being recorded as written (the engine applies the statutory floor itself
 * where the law says so).
 */

export type LegalFlagId =
  | "term-beyond-legal-maximum"
  | "rate-below-statutory-floor"
  | "recovery-fee-below-40"
  | "rate-unknown-for-check";

export interface LegalFlag {
  readonly id: LegalFlagId;
  /** Always a warning: the contract is recorded as written. */
  readonly severity: "warning";
  readonly text: Text;
  readonly article: readonly Citation[];
  /** The invoice kind the flag is about, for payment terms. */
  readonly invoiceKind?: string;
}

const ART_TERMS = cite(LAW.commerce, "L441-10 I");
const ART_PENALTY = cite(LAW.commerce, "L441-10 II");
const ART_FEE = cite(LAW.commerce, "D441-5");

/** 60 days after the invoice date (L441-10 I, first limb). */
const MAX_DAYS = 60;
/** 45 days end of month (L441-10 I, second limb). */
const MAX_DAYS_EOM = 45;

/** Invoice dates a term is tried on: every day of a common year and of a leap year. */
const SAMPLE_DAYS: readonly Day[] = (() => {
  const out: Day[] = [];
  for (let d = dayFromYmd(2027, 1, 1); d <= dayFromYmd(2028, 12, 31); d = addDays(d, 1)) out.push(d);
  return out;
})();

/**
 * L441-10 I: the agreed term "ne peut dépasser soixante jours à compter de la date d'émission de la
 * facture", or, where agreed, "quarante-cinq jours fin de mois". A term is within the law when, for
 * every invoice date, its due date is no later than the later of the two limits (computed with the
 * same end-of-month method as the term). Returns the first invoice date that breaks it, if any.
 */
export function firstDateBeyondLegalMaximum(
  term: PaymentTerm,
  method: EndOfMonthMethod = "days-then-eom",
): { invoiceDate: Day; due: Day; limit: Day } | undefined {
  for (const invoiceDate of SAMPLE_DAYS) {
    const due = applyPaymentTerm(term, invoiceDate, method);
    const sixty = addDays(invoiceDate, MAX_DAYS);
    const eom45 =
      method === "days-then-eom"
        ? endOfMonth(addDays(invoiceDate, MAX_DAYS_EOM))
        : addDays(endOfMonth(invoiceDate), MAX_DAYS_EOM);
    const limit = maxDay(sixty, eom45);
    if (due > limit) return { invoiceDate, due, limit };
  }
  return undefined;
}

/** Flags a payment term beyond the L441-10 I maximum (between professionals). */
export function checkPaymentTerm(
  term: PaymentTerm,
  method: EndOfMonthMethod = "days-then-eom",
  invoiceKind?: string,
): LegalFlag[] {
  const hit = firstDateBeyondLegalMaximum(term, method);
  if (!hit) return [];
  const d = describePaymentTerm(term);
  const inv = formatIsoDay(hit.invoiceDate);
  const due = formatIsoDay(hit.due);
  const lim = formatIsoDay(hit.limit);
  return [
    {
      id: "term-beyond-legal-maximum",
      severity: "warning",
      article: [ART_TERMS],
      ...(invoiceKind !== undefined ? { invoiceKind } : {}),
      text: t(
        `"${d.en}" goes beyond the legal maximum between professionals (60 days from the invoice date or 45 days end of month, Code de commerce L441-10 I): an invoice of ${inv} falls due on ${due}, after ${lim}. Recorded as the contract says.`,
        `« ${d.fr} » dépasse le délai maximal entre professionnels (60 jours date de facture ou 45 jours fin de mois, Code de commerce L441-10 I) : une facture du ${frenchDate(hit.invoiceDate)} échoit le ${frenchDate(hit.due)}, après le ${frenchDate(hit.limit)}. Enregistré tel que le contrat le stipule.`,
      ),
    },
  ];
}

function pct(d: Decimal): string {
  return d.times(100).toDecimalPlaces(2).toString();
}

/**
 * Flags a late-payment rule the law forbids between professionals: a contractual rate below 3 × the
 * legal interest rate of the half-year of `asOf` (L441-10 II), and a recovery fee below 40 € (D441-5).
 * The statutory default restated (BCE + 10 points, floor "none") is not a contractual rate and is
 * not flagged (docs/terms.md#the-statutory-floor).
 */
export function checkLatePayment(rule: LatePaymentRule, rates: RateTable, asOf: Day): LegalFlag[] {
  const flags: LegalFlag[] = [];
  const rate = rule.rate;
  const described = describePenaltyRate(rate);
  const floorText = t(
    "The engine applies the statutory floor between professionals. Recorded as the contract says.",
    "Le moteur applique le plancher légal entre professionnels. Enregistré tel que le contrat le stipule.",
  );
  if (rate.kind === "legal-multiple") {
    if (rate.factor < 3) {
      flags.push({
        id: "rate-below-statutory-floor",
        severity: "warning",
        article: [ART_PENALTY],
        text: t(
          `A late-payment rate of ${described.en} is below the statutory minimum of 3 × the legal interest rate (Code de commerce L441-10 II). ${floorText.en}`,
          `Un taux de pénalités de ${described.fr} est inférieur au minimum légal de 3 fois le taux d'intérêt légal (Code de commerce L441-10 II). ${floorText.fr}`,
        ),
      });
    }
  } else if (!(rate.kind === "ecb-plus" && rule.floor === "none" && new Decimal(rate.points).gte(10))) {
    const key = pickHalfYear(rates, halfYearOf(asOf));
    if (key === undefined) {
      flags.push({
        id: "rate-unknown-for-check",
        severity: "warning",
        article: [ART_PENALTY],
        text: t(
          "The legal interest rate is not in the rate table: the rate could not be compared with 3 × the legal rate.",
          "Le taux d'intérêt légal n'est pas dans la table des taux : le taux n'a pas pu être comparé à 3 fois le taux légal.",
        ),
      });
    } else {
      const floor = legalRateProfessional(rates, key).times(3);
      let value: Decimal | undefined;
      if (rate.kind === "fixed") value = percent(rate.annualPercent);
      else {
        const ecb = rates.byHalfYear.get(key)?.ecb;
        value = ecb === undefined ? undefined : ecbRate(rates, key).plus(percent(rate.points));
      }
      if (value !== undefined && value.lt(floor)) {
        const hy = halfYearLabel(key);
        const semestre = halfYearText(key, "fr");
        flags.push({
          id: "rate-below-statutory-floor",
          severity: "warning",
          article: [ART_PENALTY],
          text: t(
            `A late-payment rate of ${described.en} (${pct(value)} % in ${hy}) is below 3 × the legal interest rate (${pct(floor)} % in ${hy}, Code de commerce L441-10 II). ${floorText.en}`,
            `Un taux de pénalités de ${described.fr} (${frenchNumber(pct(value))} % au ${semestre}) est inférieur à 3 fois le taux d'intérêt légal (${frenchNumber(pct(floor))} % au ${semestre}, Code de commerce L441-10 II). ${floorText.fr}`,
          ),
        });
      }
    }
  }
  if (new Decimal(rule.recoveryFee.amount).lt(40)) {
    const amount = rule.recoveryFee.amount;
    flags.push({
      id: "recovery-fee-below-40",
      severity: "warning",
      article: [ART_PENALTY, ART_FEE],
      text: t(
        amount === "0"
          ? "No 40 € recovery fee: between professionals the fixed 40 € recovery fee is due by law on every late invoice (Code de commerce L441-10 II, D441-5). Recorded as the contract says."
          : `A recovery fee of ${amount} € is below the fixed 40 € due by law between professionals (Code de commerce L441-10 II, D441-5). Recorded as the contract says.`,
        amount === "0"
          ? "Pas d'indemnité forfaitaire de 40 € : entre professionnels, elle est due de plein droit pour chaque facture payée en retard (Code de commerce L441-10 II, D441-5). Enregistré tel que le contrat le stipule."
          : `Une indemnité de recouvrement de ${amount} € est inférieure aux 40 € dus de plein droit entre professionnels (Code de commerce L441-10 II, D441-5). Enregistré tel que le contrat le stipule.`,
      ),
    });
  }
  return flags;
}

/** The half-year of `asOf` if its legal rate is known, else the last known one before it. */
function pickHalfYear(rates: RateTable, key: number): number | undefined {
  if (rates.byHalfYear.get(key)?.legalProfessional !== undefined) return key;
  const last = rates.legalKnownThrough;
  return last !== undefined && last < key ? last : undefined;
}

/**
 * Every legal flag of a profile: payment terms beyond L441-10 I, a rate below 3 × the legal rate, a
 * recovery fee below 40 €. Only for profiles that serve professional clients (the limits are B2B).
 */
export function checkProfileLegal(
  profile: VendorProfile,
  rates: RateTable,
  asOf: Day,
  method: EndOfMonthMethod = "days-then-eom",
): LegalFlag[] {
  if (!profile.clients.includes("pro")) return [];
  const flags: LegalFlag[] = [];
  for (const kind of profile.invoiceKinds) flags.push(...checkPaymentTerm(kind.term, method, kind.id));
  flags.push(...checkLatePayment(profile.latePayment, rates, asOf));
  return flags;
}
