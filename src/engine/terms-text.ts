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
 * Payment terms as French terms of sale write them ("30 jours fin de mois", "45 jours fin de mois
 * le 10", "à réception de facture", "60 jours date de facture", "comptant"), read into the engine's
 * `PaymentTerm`, and the legal limits of Code de commerce L441-10 checked against what a contract
 * says. Both are advice for the custom-vendor form: a flag never stops a contract from being recorded
 * as written (the engine applies the statutory floor itself where the law says so).
 */

/** One way of reading a payment-term text. */
export interface TermCandidate {
  readonly term: PaymentTerm;
  /**
   * For "fin de mois" terms: the end-of-month method this reading implies. Set on both candidates of
   * an ambiguous "N jours fin de mois", and on the single candidate of an explicit "fin de mois + N jours".
   */
  readonly method?: EndOfMonthMethod;
  /** What the text was understood as, shown back to the user. */
  readonly understood: Text;
}

export interface TermTextReading {
  readonly input: string;
  /** No candidate: the text was not understood. Several: the user must choose (see `question`). */
  readonly candidates: readonly TermCandidate[];
  /** Set when the text was not understood or has several readings. */
  readonly question?: Text;
}

const MAX_TERM_TEXT = 200;

/** Lowercase, no accents, apostrophes and punctuation as spaces, single spaces. */
function normalise(text: string): string {
  return text
    .slice(0, MAX_TERM_TEXT)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`]/g, " ")
    .replace(/[-.,;:!()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const METHOD_TEXT: Record<EndOfMonthMethod, Text> = {
  "days-then-eom": t(
    "invoice date + N days, then the end of that month",
    "date de facture + N jours, puis fin de ce mois",
  ),
  "eom-then-days": t("end of the invoice month, then + N days", "fin du mois de facture, puis + N jours"),
};

function methodText(method: EndOfMonthMethod, days: number): Text {
  const m = METHOD_TEXT[method];
  return t(m.en.replace("N", String(days)), m.fr.replace("N", String(days)));
}

function plain(term: PaymentTerm): TermCandidate {
  return { term, understood: describePaymentTerm(term) };
}

function withMethod(term: Extract<PaymentTerm, { kind: "days-end-of-month" }>, method: EndOfMonthMethod) {
  const d = describePaymentTerm(term);
  const how = methodText(method, term.days);
  return {
    term,
    method,
    understood: t(`${d.en}, computed as ${how.en}`, `${d.fr}, calculé ainsi : ${how.fr}`),
  };
}

// Patterns, on the normalised text. "j" and "jrs" abbreviate jours; "fdm" / "eom" fin de mois.
const DAYS = String.raw`(\d{1,3}) ?(?:jours?|jrs?|j|days?|d)(?: nets?| net)?`;
const EOM = String.raw`(?:fin de mois|fdm|fm|end of (?:the )?month|eom)`;
const ON_THE = String.raw`(?:le|on the) (\d{1,2})(?:er|e|st|nd|rd|th)?(?: du mois| of the month)?`;
const FROM_INVOICE = String.raw`(?: (?:date de facture|date de facturation|date d emission(?: de la facture)?|a compter de la date (?:de (?:la )?facture|d emission(?: de la facture)?)|from (?:the )?invoice(?: date)?|invoice date|after (?:the )?invoice(?: date)?))?`;

const RULES: readonly { re: RegExp; read: (m: RegExpExecArray) => TermCandidate[] }[] = [
  {
    // comptant, au comptant, à réception (de la facture), paiement immédiat, à la commande
    re: /^(?:paiement )?(?:au comptant|comptant|a (?:la )?reception(?: de(?: la)? facture)?|des reception(?: de(?: la)? facture)?|immediat|paiement immediat|a la commande|a la signature|cash|on receipt(?: of (?:the )?invoice)?|due on receipt|upon receipt|immediate|at order)$/,
    read: () => [plain({ kind: "on-invoice" })],
  },
  {
    // "fin de mois + 30 jours", "fin de mois plus 30 jours": the end of the month comes first.
    re: new RegExp(String.raw`^${EOM} (?:\+ ?|plus |puis |then )?${DAYS}$`),
    read: (m) => {
      const term = { kind: "days-end-of-month", days: Number(m[1]) } as const;
      return [withMethod(term, "eom-then-days")];
    },
  },
  {
    // "30 jours fin de mois", "45 jours fin de mois le 10", "30 j fdm": two lawful methods.
    re: new RegExp(String.raw`^(?:a |net )?${DAYS}(?: date de facture)? ${EOM}(?: ${ON_THE})?$`),
    read: (m) => {
      const days = Number(m[1]);
      const dayOfMonth = m[2] === undefined ? undefined : Number(m[2]);
      if (dayOfMonth !== undefined && (dayOfMonth < 1 || dayOfMonth > 31)) return [];
      const term = {
        kind: "days-end-of-month",
        days,
        ...(dayOfMonth !== undefined ? { dayOfMonth } : {}),
      } as const;
      if (days === 0) return [withMethod(term, "days-then-eom")];
      return [withMethod(term, "days-then-eom"), withMethod(term, "eom-then-days")];
    },
  },
  {
    // "fin de mois", "fin de mois le 10"
    re: new RegExp(String.raw`^${EOM}(?: ${ON_THE})?$`),
    read: (m) => {
      const dayOfMonth = m[1] === undefined ? undefined : Number(m[1]);
      if (dayOfMonth !== undefined && (dayOfMonth < 1 || dayOfMonth > 31)) return [];
      return [
        withMethod(
          { kind: "days-end-of-month", days: 0, ...(dayOfMonth !== undefined ? { dayOfMonth } : {}) },
          "days-then-eom",
        ),
      ];
    },
  },
  {
    // "60 jours date de facture", "30 jours", "à 30 jours", "net 30", "30 days"
    re: new RegExp(String.raw`^(?:a |net |paiement a )?${DAYS}${FROM_INVOICE}$`),
    read: (m) => [plain({ kind: "days", days: Number(m[1]) })],
  },
  {
    re: /^net (\d{1,3})$/,
    read: (m) => [plain({ kind: "days", days: Number(m[1]) })],
  },
  {
    // "le 10 du mois suivant (la facture)", "le 10 du 2e mois suivant la facture",
    // "on the 5th of the following month", "on the 10th of the month 2 months after the invoice"
    re: /^(?:le|on the) (\d{1,2})(?:er|e|st|nd|rd|th)? (?:du (?:(\d{1,2}) ?e )?mois suivant(?: la facture| le mois de (?:la )?facture)?|of the (?:following|next) month|of the month (?:(\d{1,2}) months )?after the invoice(?: month)?)$/,
    read: (m) => {
      const day = Number(m[1]);
      const monthsAfter = Number(m[2] ?? m[3] ?? 1);
      return day >= 1 && day <= 31 && monthsAfter >= 1 && monthsAfter <= 12
        ? [plain({ kind: "day-of-month", day, monthsAfter })]
        : [];
    },
  },
  {
    re: /^(?:|aucun(?: delai)?|non precise|non stipule|none|not stated|delai legal|legal default)$/,
    read: () => [plain({ kind: "legal-default" })],
  },
];

/**
 * Reads a payment term typed as a French (or English) contract writes it. "N jours fin de mois" has
 * two lawful readings (docs/terms.md#fin-de-mois-payment-terms: both methods are accepted by the DGCCRF and the CEPC): both are
 * returned, default method first, with a question for the user.
 *
 * @example parsePaymentTermText("45 jours fin de mois le 10").candidates[0].term
 * // { kind: "days-end-of-month", days: 45, dayOfMonth: 10 }, method "days-then-eom"
 */
export function parsePaymentTermText(input: string): TermTextReading {
  const full = normalise(typeof input === "string" ? input : "");
  // "… (jamais au-delà de 45 jours fin de mois)": a contractual ceiling (Digitalli 8.2).
  const capMatch = CAP.exec(full);
  const text = capMatch ? full.slice(0, capMatch.index).trim() : full;
  const cap = capMatch ? Number(capMatch[1]) : undefined;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const candidates = rule
      .read(m)
      .map((c) => (cap === undefined ? c : withCap(c, cap)))
      .filter((c): c is TermCandidate => c !== undefined && termDaysInRange(c.term));
    if (candidates.length === 0) break;
    if (candidates.length > 1) {
      return {
        input,
        candidates,
        question: t(
          'Which end-of-month method does the contract use? Both are lawful; "invoice date + N days, then end of month" is the usual reading.',
          "Quelle méthode de fin de mois le contrat retient-il ? Les deux sont admises ; « date de facture + N jours, puis fin de mois » est la lecture usuelle.",
        ),
      };
    }
    return { input, candidates };
  }
  return {
    input,
    candidates: [],
    question: t(
      'Payment term not understood. Write it as in the terms of sale, e.g. "30 jours fin de mois", "45 jours fin de mois le 10", "60 jours date de facture", "à réception de facture", "comptant".',
      "Délai de paiement non compris. Écrivez-le comme dans les CGV, par ex. « 30 jours fin de mois », « 45 jours fin de mois le 10 », « 60 jours date de facture », « à réception de facture », « comptant ».",
    ),
  };
}

const CAP = new RegExp(
  String.raw` (?:jamais au dela de|sans depasser|sans pouvoir depasser|dans la limite de|never beyond|not beyond|at most) (\d{1,3}) ?(?:jours?|j|days?) ${EOM}$`,
);

/** A ceiling only makes sense on a "fin de mois" term; on any other, the text is not understood. */
function withCap(c: TermCandidate, cap: number): TermCandidate | undefined {
  if (c.term.kind !== "days-end-of-month" || cap > 366) return undefined;
  const term = { ...c.term, capDaysEndOfMonth: cap };
  return c.method === undefined ? plain(term) : withMethod(term, c.method);
}

function termDaysInRange(term: PaymentTerm): boolean {
  return !("days" in term) || (term.days >= 0 && term.days <= 366);
}

// ---------------------------------------------------------------------------------------------
// Legal checks (warnings, never refusals)

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
