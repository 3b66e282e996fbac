import {
  Decimal,
  formatIsoDay,
  iso,
  resolveVendor,
  type ClientType,
  type Day,
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

export function lateInput(amount: string | number, due: string, paid: string, extra: { payments?: Payment[]; recoveryCosts?: string | number; client?: ClientType } = {}) {
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
