import type { Citation, Text } from "./text";

/**
 * A vendor's terms as data. One profile per vendor; every rule carries its clause. Shipped profiles
 * are written `as const satisfies VendorProfile`; user profiles come through `validateProfile`.
 */

export type ClientType = "pro" | "consumer";

/**
 * What a payment term counts from when it is not the invoice date: the receipt (of the goods or of
 * the invoice, as a register's « Date de réception » records it), the delivery or performance
 * (« Date de livraison »), or the order. Absent: the invoice date. The engine computes from the date
 * it is given; the explanation says which date the term counts from (docs/vendor-import.md).
 */
export const TERM_STARTS = ["receipt", "delivery", "order"] as const;
export type TermStart = (typeof TERM_STARTS)[number];

/** How a payment due date follows from the invoice date (or from the date in `from`). */
export type PaymentTerm =
  /** Due on the invoice date itself: at order, on signature, on receipt, "comptant"; "à la livraison" with `from`. */
  | { readonly kind: "on-invoice"; readonly from?: TermStart }
  /** N calendar days after the invoice date. */
  | { readonly kind: "days"; readonly days: number; readonly from?: TermStart }
  /**
   * N days end of month ("N jours fin de mois"). The method (days then end of month, or end of
   * month then days) is a setting; `dayOfMonth` is "… le 10": the next such day on or after it.
   */
  | {
      readonly kind: "days-end-of-month";
      readonly days: number;
      readonly dayOfMonth?: number;
      /** A contractual ceiling in days end of month (Digitalli 8.2: "never beyond 45 days end of month"). */
      readonly capDaysEndOfMonth?: number;
      readonly from?: TermStart;
    }
  /** On day K of the month `monthsAfter` months after the invoice month (Injenius: the 5th of the next month). */
  | {
      readonly kind: "day-of-month";
      readonly day: number;
      readonly monthsAfter: number;
      readonly from?: TermStart;
    }
  /** No term stated: the legal default, 30 days (Code de commerce L441-10 I). */
  | { readonly kind: "legal-default" };

export interface InvoiceKind {
  readonly id: string;
  readonly label: Text;
  readonly term: PaymentTerm;
  readonly clause: readonly Citation[];
  readonly note?: Text;
}

/** The contractual late-payment rate before any floor. */
export type PenaltyRate =
  | { readonly kind: "legal-multiple"; readonly factor: number }
  | { readonly kind: "ecb-plus"; readonly points: string }
  | { readonly kind: "fixed"; readonly annualPercent: string };

/**
 * - statutory: the contract sets a rate, which L441-10 II floors at 3 × the legal rate between
 *   professionals (not for consumers);
 * - contractual: the contract itself says "never below 3 × the legal rate" (Digitalli), for everyone;
 * - none: the statutory default restated (BCE + 10 points), which the floor does not limit.
 */
export type RateFloor = "statutory" | "contractual" | "none";

export interface LatePaymentRule {
  readonly rate: PenaltyRate;
  readonly floor: RateFloor;
  /** What the interest is computed on, as the clause says it (shown in explanations). */
  readonly base: "invoice-amount" | "amount-incl-vat" | "sum-due";
  readonly recoveryFee: {
    readonly amount: string;
    /** Justified recovery costs above the fixed fee replace it (L441-10 II). */
    readonly justifiedCostsAbove: boolean;
    readonly clause: readonly Citation[];
  };
  /**
   * An alternative reading selected by an option (Xiahdeh 16.4 "flat"): a one-off percentage of the
   * invoice amount, never less than the statutory minimum interest over the same days.
   */
  readonly flatAlternative?: {
    readonly option: string;
    readonly percent: string;
    readonly clause: readonly Citation[];
  };
  readonly clause: readonly Citation[];
  readonly note?: Text;
}

/** How a subscription's periods are laid out from its start. */
export interface TermSchedule {
  /** start-date: periods run date to date from the start; calendar-month: from the 1st of the start month. */
  readonly anchor: "start-date" | "calendar-month";
  /** Length of the first period (the initial term or commitment), in months. */
  readonly initialMonths: number;
  /** Length of each renewal period after it, in months. */
  readonly renewalMonths: number;
}

export interface Plan {
  readonly id: string;
  readonly label: Text;
  readonly schedule: TermSchedule;
  /** A notice received on N stops renewal R when N + notice ≤ R. */
  readonly notice: { readonly amount: number; readonly unit: "months" | "days" };
  /** The last day bound: the day before the stopped renewal, or the end of that calendar month. */
  readonly end: "day-before-renewal" | "end-of-calendar-month";
  readonly earlyTermination:
    | {
        readonly kind: "remaining-monthly-fees";
        /** Fees of the months not yet started, up to the end of the current period or of the initial term. */
        readonly until: "current-period-end" | "initial-term-end";
        readonly clause: readonly Citation[];
      }
    /** Terminable at will: nothing beyond the current month (TERMINATIONFEE answers 0). */
    | { readonly kind: "none"; readonly reason: Text; readonly clause: readonly Citation[] }
    /** Early termination exists but the terms set no price (TERMINATIONFEE answers "not applicable"). */
    | { readonly kind: "not-priced"; readonly reason: Text; readonly clause: readonly Citation[] };
  /** The plan's price as the terms state it, for information (HT, per month). */
  readonly monthlyFeeExclVat?: string;
  readonly clause: readonly Citation[];
  readonly note?: Text;
}

export type SubscriptionTerms =
  | {
      readonly kind: "plans";
      readonly defaultPlan: string;
      readonly plans: readonly Plan[];
      /**
       * OMI: a product added during the `windowMonths` before a renewal renews the contract for
       * `renewalMonths` from the day of the addition.
       */
      readonly additionRule?: {
        readonly windowMonths: number;
        readonly renewalMonths: number;
        readonly clause: readonly Citation[];
      };
    }
  | { readonly kind: "none"; readonly reason: Text; readonly clause: readonly Citation[] };

export const PERIOD_UNITS = [
  "calendar-days",
  "jours-ouvres",
  "jours-ouvrables",
  "weeks",
  "months",
  "years",
  "hours",
] as const;

export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface DeadlineRule {
  readonly id: string;
  readonly label: Text;
  /** What the `fromDate` argument is (receipt of the formal notice, the session date…). */
  readonly from: Text;
  readonly period: { readonly amount: number; readonly unit: PeriodUnit };
  readonly direction: "after" | "before";
  /** Consumer withdrawal periods: a deadline on a Saturday, Sunday or holiday moves to the next jour ouvré. */
  readonly extendToNextWorkingDay?: boolean;
  readonly clause: readonly Citation[];
  readonly note?: Text;
}

/** Amount clauses besides late payment. */
export type AmountClause =
  | {
      readonly id: string;
      readonly kind: "percent";
      readonly label: Text;
      readonly percent: string;
      /** What the percentage applies to. */
      readonly of: Text;
      readonly clause: readonly Citation[];
      readonly note?: Text;
    }
  | {
      readonly id: string;
      readonly kind: "percent-per-completed-period";
      readonly label: Text;
      readonly percent: string;
      readonly periodMonths: number;
      readonly of: Text;
      readonly clause: readonly Citation[];
      readonly note?: Text;
    };

/** An ambiguity decided in docs/terms.md#decisions-where-a-text-is-ambiguous: the default reading, and the option that selects the other. */
export interface Interpretation {
  readonly id: string;
  readonly clause: readonly Citation[];
  readonly text: Text;
  /** The option id (`xiahdeh+flat`) that selects the other reading, when there is one. */
  readonly option?: string;
  readonly alternative?: Text;
}

export interface VendorProfile {
  readonly id: string;
  readonly name: string;
  readonly legalName: string;
  /**
   * The names the vendor's invoices and a register's « Fournisseur » column use besides `name` and
   * `legalName`: company, trade and product names (« Plateforme OMI », « Sillage.ai »). The vendor
   * resolver accepts each of them.
   */
  readonly invoiceNames?: readonly string[];
  readonly business: Text;
  readonly document: {
    readonly title: string;
    /** Short name used in citations: "OMI CGA". */
    readonly short: string;
    readonly seed: string;
    readonly version: string;
  };
  readonly profileVersion: string;
  readonly clients: readonly ClientType[];
  readonly defaultInvoiceKind: string;
  readonly invoiceKinds: readonly InvoiceKind[];
  readonly latePayment: LatePaymentRule;
  readonly subscription: SubscriptionTerms;
  readonly deadlines: readonly DeadlineRule[];
  readonly amounts: readonly AmountClause[];
  readonly interpretations: readonly Interpretation[];
  /** Contradictions inside the vendor's own text, flagged rather than hidden. */
  readonly contradictions: readonly {
    readonly id: string;
    readonly text: Text;
    readonly clause: readonly Citation[];
  }[];
}
