import {
  Decimal,
  deadline,
  dueDate,
  formatIsoDay,
  iso,
  isEngineError,
  resolveVendor,
  type ClientType,
  type Day,
  type EngineError,
  type Payment,
} from "../../src/engine";

export { Decimal, formatIsoDay, iso };

/** A vendor spec resolved with the shipped registry and default settings. */
export function vendor(spec: string) {
  return resolveVendor(spec);
}

export function dec(x: string | number): Decimal {
  return new Decimal(x);
}

export function payments(...rows: [string, string | number][]): Payment[] {
  return rows.map(([date, amount]) => ({ date: iso(date), amount: dec(amount) }));
}

export function lateInput(
  amount: string | number,
  due: string,
  paid: string,
  extra: { payments?: Payment[]; recoveryCosts?: string | number; client?: ClientType } = {},
) {
  return {
    amount: dec(amount),
    dueDate: iso(due),
    paidDate: iso(paid),
    payments: extra.payments ?? [],
    recoveryCosts: extra.recoveryCosts === undefined ? undefined : dec(extra.recoveryCosts),
    client: extra.client ?? ("pro" as ClientType),
  };
}

export const show = (d: Day | number): string => formatIsoDay(d as Day);

/** The due date of an invoice as an ISO string, for a vendor spec ("digitalli+eom-then-days"). */
export function due(spec: string, invoiceDate: string, kind?: string): string {
  const { profile, settings } = vendor(spec);
  return show(dueDate(profile, iso(invoiceDate), kind, settings));
}

/** A subscription query from ISO strings. */
export function sub(start: string, planId?: string, lastAddition?: string) {
  return {
    start: iso(start),
    planId,
    lastAddition: lastAddition === undefined ? undefined : iso(lastAddition),
  };
}

/** A named clause deadline as an ISO string, from a day given as an ISO string. */
export function clauseDeadline(spec: string, event: string, from: string): string {
  const { profile, settings } = vendor(spec);
  return show(deadline(profile, event, iso(from), settings));
}

/** The error a call throws (fails the test when it does not throw an EngineError). */
export function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (isEngineError(e)) return e;
    throw e;
  }
  throw new Error("expected an EngineError, but the call returned normally");
}
