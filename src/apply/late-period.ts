import { aboveZero, NO_PAYMENTS, ZERO, type Decimal, type Day, type Payment } from "../engine";

/**
 * The late period of an invoice row: until when interest runs, and which payment shortens it. Decided
 * here once, for the values (compute.ts) and for both formula emitters (live CGV.* formulas,
 * formulas.ts; native portable formulas, src/portable) — the rule in TypeScript and the same rule as an
 * Excel expression side by side, so that they cannot drift:
 *
 * - no « Montant payé » (blank or no such column): the invoice is paid on its payment date, or unpaid
 *   up to the as-of date when that date is blank;
 * - an amount paid of 0: unpaid, up to the as-of date (whatever the payment date says);
 * - an amount paid above 0 and below the amount: a partial payment on the payment date; interest runs
 *   on the whole amount up to that day and on the balance after it, up to the as-of date — or the
 *   payment date when it is later (a payment recorded after the as-of date still counts its day);
 * - an amount paid at or above the amount: paid in full on the payment date.
 */

export type LatePeriodKind = "unpaid" | "paid" | "partly-paid";

export interface LatePeriod {
  readonly kind: LatePeriodKind;
  /** The last late day counted: the payment date, or the as-of date (see above). */
  readonly end: Day;
  /** The partial payment, when there is one (interest then runs on the balance after its date). */
  readonly payments: readonly Payment[];
  /** What is still owed at the end of the period. */
  readonly outstanding: Decimal;
}

/** The row's cells the decision reads, already typed (the row reader names the bad cell otherwise). */
export interface LatePeriodCells {
  readonly amount: Decimal;
  readonly paidDate: Day | undefined;
  readonly amountPaid: Decimal | undefined;
}

/** Why a row has no late period: an amount paid with no payment date to put it on. */
export interface PaymentWithoutDate {
  readonly kind: "payment-without-date";
  readonly amountPaid: Decimal;
}

export function latePeriod(cells: LatePeriodCells, asOf: Day): LatePeriod | PaymentWithoutDate {
  const { amount, paidDate, amountPaid } = cells;
  if (amountPaid !== undefined && aboveZero(amountPaid) && paidDate === undefined)
    return { kind: "payment-without-date", amountPaid };
  if (amountPaid !== undefined && amountPaid.lt(amount)) {
    if (aboveZero(amountPaid) && paidDate !== undefined)
      return {
        kind: "partly-paid",
        end: paidDate > asOf ? paidDate : asOf,
        payments: [{ date: paidDate, amount: amountPaid }],
        outstanding: amount.minus(amountPaid),
      };
    return { kind: "unpaid", end: asOf, payments: NO_PAYMENTS, outstanding: amount };
  }
  if (paidDate !== undefined)
    return { kind: "paid", end: paidDate, payments: NO_PAYMENTS, outstanding: ZERO };
  return { kind: "unpaid", end: asOf, payments: NO_PAYMENTS, outstanding: amount };
}

/** Where the decision's cells are on a row, as formula references ("E2"); a field without a column is undefined. */
export interface LatePeriodRefs {
  readonly amount: string;
  readonly paidDate: string | undefined;
  readonly amountPaid: string | undefined;
  /** The as-of date: a cell ("$N$1") or a DATE(y,m,d) literal. */
  readonly asOf: string;
}

export interface LatePeriodFormula {
  /** The last late day counted, as an expression. */
  readonly end: string;
  /** True on the rows with a partial payment; undefined when the register cannot have one. */
  readonly partial: string | undefined;
  /** The partial payment as a (date, amount) pair, "" on the other rows; undefined as above. */
  readonly payment: string | undefined;
}

/** The same rule as `latePeriod`, as Excel expressions over the row's cells (English function names). */
export function latePeriodFormula(refs: LatePeriodRefs): LatePeriodFormula {
  const { amount: am, paidDate: paid, amountPaid: ap, asOf } = refs;
  const full = paid === undefined ? asOf : `IF(${paid}="",${asOf},${paid})`;
  if (ap === undefined) return { end: full, partial: undefined, payment: undefined };
  const end = `IF(AND(${ap}<>"",${ap}<${am}),IF(${ap}>0,MAX(${asOf},${paid ?? asOf}),${asOf}),${full})`;
  if (paid === undefined) return { end, partial: undefined, payment: undefined };
  const partial = `AND(${ap}<>"",${ap}>0,${ap}<${am})`;
  return { end, partial, payment: `IF(${partial},CHOOSE({1,2},${paid},${ap}),"")` };
}
