/**
 * Every vector of docs/conventions.md#worked-examples, at engine level. The working of each is in docs/conventions.md#worked-examples
 * and repeated here; the function-level names (DUEDATE, LATEFEE…) are the custom functions that call
 * these engine functions.
 */
import {
  endDate,
  iso,
  latePayment,
  lateInterest,
  noticeDeadline,
  penaltyRate,
  renewalDate,
  terminationFee,
} from "../../src/engine";
import { clauseDeadline, dec, due, engineError, lateInput, payments, show, sub, vendor } from "./helpers";

describe("docs/conventions.md#worked-examples: due dates", () => {
  test('DUEDATE("omi", 2025-03-10) = 2025-04-09: + 30 days (CGA 6.3)', () => {
    expect(due("omi", "2025-03-10")).toBe("2025-04-09");
  });

  test('DUEDATE("sillage", 2025-06-20, "training") = 2025-07-05: + 15 days (7.2.2)', () => {
    expect(due("sillage", "2025-06-20", "training")).toBe("2025-07-05");
  });

  test('DUEDATE("digitalli", 2025-02-15) = 2025-03-31: + 30 days = 17 Mar, then end of month; the other method gives 30 Mar', () => {
    expect(due("digitalli", "2025-02-15")).toBe("2025-03-31");
    expect(due("digitalli+eom-then-days", "2025-02-15")).toBe("2025-03-30");
  });

  test('DUEDATE("injenius", 2025-01-25) = 2025-02-05: debited on the 5th of the next month (art. 11)', () => {
    expect(due("injenius", "2025-01-25")).toBe("2025-02-05");
  });

  test('DUEDATE("injenius", 2025-02-25, "study") = 2025-03-10: the 10th of the month after the invoice (CPV 5)', () => {
    expect(due("injenius", "2025-02-25", "study")).toBe("2025-03-10");
  });
});

describe("docs/conventions.md#worked-examples: late payment", () => {
  test('LATEFEE("omi", 2500, 2025-01-31, 2025-03-02) = 62.87: 2500 × 11.13 % × 30 / 365 = 22.87, + 40', () => {
    const { profile, settings } = vendor("omi");
    expect(latePayment(profile, lateInput(2500, "2025-01-31", "2025-03-02"), settings).total.toFixed(2)).toBe(
      "62.87",
    );
  });

  test('LATEINTEREST("digitalli", 8000, 2024-06-15, 2024-07-15) = 98.53: 15 days at 15.21 %, 15 days at 14.76 %', () => {
    const { profile, settings } = vendor("digitalli");
    expect(
      lateInterest(profile, lateInput(8000, "2024-06-15", "2024-07-15"), settings).interest.toFixed(2),
    ).toBe("98.53");
  });

  test('LATEINTEREST("injenius", 8000, 2024-06-15, 2024-07-15) = 94.52: 14.50 % then 14.25 %, not floored', () => {
    const { profile, settings } = vendor("injenius");
    expect(
      lateInterest(profile, lateInput(8000, "2024-06-15", "2024-07-15"), settings).interest.toFixed(2),
    ).toBe("94.52");
  });

  test('LATEINTEREST("sillage", 2000, 2025-03-01, 2025-03-31, {2025-03-11, 1000}) = 12.20: 40 000 × 11.13 % / 365', () => {
    const { profile, settings } = vendor("sillage");
    const input = lateInput(2000, "2025-03-01", "2025-03-31", { payments: payments(["2025-03-11", 1000]) });
    expect(lateInterest(profile, input, settings).interest.toFixed(2)).toBe("12.20");
  });

  test('LATEFEE("omi", 2500, 2025-01-31, 2025-01-31) = 0: paid on the due date', () => {
    const { profile, settings } = vendor("omi");
    expect(latePayment(profile, lateInput(2500, "2025-01-31", "2025-01-31"), settings).total.toFixed(2)).toBe(
      "0.00",
    );
  });

  test('PENALTYRATE("injenius", 2024-03-01) = 0.145: ECB 4.50 % on 1 Jan 2024 + 10 points', () => {
    const { profile, settings } = vendor("injenius");
    expect(penaltyRate(profile, iso("2024-03-01"), "pro", settings).applied.toNumber()).toBe(0.145);
  });
});

describe("docs/conventions.md#worked-examples: subscriptions", () => {
  const omi = vendor("omi").profile;
  const sillage = vendor("sillage").profile;

  test('RENEWALDATE("omi", 2023-09-01, 2025-05-20) = 2025-09-01', () => {
    expect(show(renewalDate(omi, sub("2023-09-01"), iso("2025-05-20")))).toBe("2025-09-01");
  });

  test('NOTICEDEADLINE("omi", 2023-09-01, 2025-05-20) = 2025-07-01: 1 Jul + 2 months = 1 Sep', () => {
    expect(show(noticeDeadline(omi, sub("2023-09-01"), iso("2025-05-20")).deadline)).toBe("2025-07-01");
  });

  test('ENDDATE("omi", 2023-09-01, 2025-07-01) = 2025-08-31; one day later, 2026-08-31', () => {
    expect(show(endDate(omi, sub("2023-09-01"), iso("2025-07-01")).end)).toBe("2025-08-31");
    expect(show(endDate(omi, sub("2023-09-01"), iso("2025-07-02")).end)).toBe("2026-08-31");
  });

  test('RENEWALDATE / NOTICEDEADLINE("omi", 2023-09-01, 2025-06-20, , 2025-06-15) = 2026-06-15 / 2026-04-15', () => {
    expect(show(renewalDate(omi, sub("2023-09-01", undefined, "2025-06-15"), iso("2025-06-20")))).toBe(
      "2026-06-15",
    );
    expect(
      show(noticeDeadline(omi, sub("2023-09-01", undefined, "2025-06-15"), iso("2025-06-20")).deadline),
    ).toBe("2026-04-15");
  });

  test('RENEWALDATE("sillage", 2025-05-31, 2026-05-20) = 2026-05-31: end of the 12-month commitment', () => {
    expect(show(renewalDate(sillage, sub("2025-05-31"), iso("2026-05-20")))).toBe("2026-05-31");
  });

  test('NOTICEDEADLINE("sillage", 2025-05-31, 2026-05-20) = 2026-05-31: for the 30 June renewal (31 May + 1 month = 30 June)', () => {
    const r = noticeDeadline(sillage, sub("2025-05-31"), iso("2026-05-20"));
    expect([show(r.deadline), show(r.renewal)]).toEqual(["2026-05-31", "2026-06-30"]);
  });

  test('ENDDATE("sillage", 2025-05-31, 2026-05-20) = 2026-06-29: 20 May + 1 month = 20 June -> 30 June', () => {
    expect(show(endDate(sillage, sub("2025-05-31"), iso("2026-05-20")).end)).toBe("2026-06-29");
  });

  test('TERMINATIONFEE("sillage", 2025-02-10, 2025-09-01, 800) = 4000: 5 months × 800 (19.2)', () => {
    const r = terminationFee(sillage, sub("2025-02-10"), iso("2025-09-01"), dec(800));
    expect([r.months, r.fee.toFixed(2)]).toEqual([5, "4000.00"]);
  });

  test('ENDDATE("injenius", 2024-10-01, 2025-04-12, "no-commitment") = 2025-04-30', () => {
    expect(
      show(endDate(vendor("injenius").profile, sub("2024-10-01", "no-commitment"), iso("2025-04-12")).end),
    ).toBe("2025-04-30");
  });
});

describe("docs/conventions.md#worked-examples: clause deadlines", () => {
  test('DEADLINE("sillage", "acceptance-anomalies", 2025-12-19) = 2025-12-31; Alsace-Moselle 2026-01-02', () => {
    expect(clauseDeadline("sillage", "acceptance-anomalies", "2025-12-19")).toBe("2025-12-31");
    expect(clauseDeadline("sillage+alsace-moselle", "acceptance-anomalies", "2025-12-19")).toBe("2026-01-02");
  });

  test('DEADLINE("xiahdeh", "invoice-contest", 2025-07-10) = 2025-07-15', () => {
    expect(clauseDeadline("xiahdeh", "invoice-contest", "2025-07-10")).toBe("2025-07-15");
  });

  test('RENEWALDATE("xiahdeh", 2025-01-01, 2025-06-01) = #N/A, naming art. 13.3', () => {
    const e = engineError(() => renewalDate(vendor("xiahdeh").profile, sub("2025-01-01"), iso("2025-06-01")));
    expect(e.kind).toBe("not-applicable");
    expect(e.text.en).toContain(
      "Xiahdeh's terms contain no renewal: maintenance is not renewable by default (art. 13.3)",
    );
  });
});
