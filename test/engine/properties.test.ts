import fc from "fast-check";
import {
  addDays,
  addMonths,
  dayFromYmd,
  dueDate,
  endDate,
  halfYearOf,
  latePayment,
  lateInterest,
  noticeDeadline,
  renewalDate,
  SHIPPED_VENDORS,
  ymdFromDay,
  type Day,
} from "../../src/engine";
import { dec, vendor } from "./helpers";

// Rates are known from 2015-H1 to 2026-H1: every late day generated stays inside.
const FIRST = dayFromYmd(2015, 1, 1);
const LAST = dayFromYmd(2026, 6, 30);

const lateVendors = ["omi", "sillage", "xiahdeh", "xiahdeh+flat", "injenius", "digitalli"];
const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => dec(c).div(100));
const day = (min: number, max: number) => fc.integer({ min, max }).map((d) => d as Day);

describe("late payment laws", () => {
  test("a later payment date never lowers the penalty (interest and fee)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...lateVendors),
        cents,
        day(FIRST, LAST),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom("pro" as const, "consumer" as const),
        (spec, amount, due, a, b, client) => {
          const { profile, settings } = vendor(spec);
          if (!profile.clients.includes(client)) return;
          const p1 = addDays(due, Math.min(a, b));
          const p2 = addDays(due, Math.max(a, b));
          if (p2 > LAST) return;
          const r1 = latePayment(profile, { amount, dueDate: due, paidDate: p1, client }, settings);
          const r2 = latePayment(profile, { amount, dueDate: due, paidDate: p2, client }, settings);
          expect(r2.interest.gte(r1.interest)).toBe(true);
          expect(r2.total.gte(r1.total)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("with part payments, a later as-of date never lowers the interest", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...lateVendors),
        day(FIRST, dayFromYmd(2025, 6, 30)),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        (spec, due, paidAfter, extra) => {
          const { profile, settings } = vendor(spec);
          const payments = [{ date: addDays(due, Math.floor(paidAfter / 2)), amount: dec(300) }];
          const asOf1 = addDays(due, paidAfter);
          const asOf2 = addDays(asOf1, extra);
          if (asOf2 > LAST) return;
          const base = { amount: dec(1000), dueDate: due, payments, client: "pro" as const };
          const i1 = lateInterest(profile, { ...base, paidDate: asOf1 }, settings).interest;
          const i2 = lateInterest(profile, { ...base, paidDate: asOf2 }, settings).interest;
          expect(i2.gte(i1)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("interest is additive over a late period split inside one half-year, within a cent", () => {
    // Each part is rounded once to the cent, so the sum of two parts may differ from the whole by at most 1 cent.
    fc.assert(
      fc.property(
        fc.constantFrom("omi", "sillage", "xiahdeh", "injenius", "digitalli"),
        cents,
        day(FIRST, LAST),
        fc.integer({ min: 0, max: 180 }),
        fc.integer({ min: 0, max: 180 }),
        (spec, amount, due, a, b) => {
          const mid = addDays(due, Math.min(a, b));
          const paid = addDays(due, Math.max(a, b));
          if (paid > LAST || halfYearOf(addDays(due, 1)) !== halfYearOf(paid)) return;
          const { profile, settings } = vendor(spec);
          const part = (from: Day, to: Day) =>
            lateInterest(profile, { amount, dueDate: from, paidDate: to, client: "pro" }, settings).interest;
          const whole = part(due, paid);
          const split = part(due, mid).plus(part(mid, paid));
          expect(whole.minus(split).abs().lte(dec("0.01"))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("due date law", () => {
  test("a due date is never before its invoice date, for every vendor, kind and end-of-month method", () => {
    const cases = SHIPPED_VENDORS.flatMap((p) =>
      p.invoiceKinds.flatMap((k) => [`${p.id}|${k.id}|`, `${p.id}|${k.id}|+eom-then-days`]),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        day(dayFromYmd(1990, 1, 1), dayFromYmd(2100, 12, 31)),
        (c, invoice) => {
          const [id = "", kind, option = ""] = c.split("|");
          const { profile, settings } = vendor(id + option);
          expect(dueDate(profile, invoice, kind, settings)).toBeGreaterThanOrEqual(invoice);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("subscription laws", () => {
  const plans = [
    "omi|standard",
    "sillage|subscription",
    "injenius|no-commitment",
    "injenius|commitment-monthly",
    "injenius|commitment-annual",
  ];
  const start = day(dayFromYmd(2000, 1, 1), dayFromYmd(2040, 12, 31));

  test("a notice deadline is never after the renewal it stops, nor before the as-of date", () => {
    fc.assert(
      fc.property(fc.constantFrom(...plans), start, fc.integer({ min: 0, max: 4000 }), (p, s, offset) => {
        const [id = "", plan] = p.split("|");
        const { profile } = vendor(id);
        const asOf = addDays(s, offset);
        const r = noticeDeadline(profile, { start: s, planId: plan }, asOf);
        expect(r.deadline).toBeLessThan(r.renewal);
        expect(r.deadline).toBeGreaterThanOrEqual(asOf);
        // A notice received on the deadline stops exactly that renewal.
        expect(endDate(profile, { start: s, planId: plan }, r.deadline).stoppedRenewal).toBe(r.renewal);
      }),
      { numRuns: 400 },
    );
  });

  test("with an omi addition, the notice deadline is still before its renewal", () => {
    fc.assert(
      fc.property(
        start,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 400 }),
        (s, addOffset, asOfOffset) => {
          const { profile } = vendor("omi");
          const addition = addDays(s, addOffset);
          const asOf = addDays(addition, asOfOffset);
          const r = noticeDeadline(profile, { start: s, lastAddition: addition }, asOf);
          expect(r.deadline).toBeLessThan(r.renewal);
          expect(renewalDate(profile, { start: s, lastAddition: addition }, asOf)).toBeLessThanOrEqual(
            r.renewal,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test("an end date is never before its notice date", () => {
    fc.assert(
      fc.property(fc.constantFrom(...plans), start, fc.integer({ min: 0, max: 4000 }), (p, s, offset) => {
        const [id = "", plan] = p.split("|");
        const notice = addDays(s, offset);
        expect(endDate(vendor(id).profile, { start: s, planId: plan }, notice).end).toBeGreaterThanOrEqual(
          notice,
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe("calendar law", () => {
  test("adding a month and subtracting it round-trips where the day exists in the target month", () => {
    fc.assert(
      fc.property(
        day(dayFromYmd(1900, 1, 1), dayFromYmd(2200, 12, 31)),
        fc.integer({ min: -1200, max: 1200 }),
        (d, n) => {
          const there = addMonths(d, n);
          if (ymdFromDay(there).d === ymdFromDay(d).d) expect(addMonths(there, -n)).toBe(d);
          // Days 1 to 28 exist in every month: for them the round trip always holds.
          if (ymdFromDay(d).d <= 28) expect(addMonths(there, -n)).toBe(d);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
