import { applyPaymentTerm, dueDate, iso, isoWeekday, SHIPPED_VENDORS } from "../../src/engine";
import { due, engineError, show, vendor } from "./helpers";

describe("omi payment terms (CGA 6.3)", () => {
  test("an ordinary invoice is due 30 days after its date", () => {
    // 10 Mar + 21 days = 31 Mar, + 9 = 9 Apr.
    expect(due("omi", "2025-03-10")).toBe("2025-04-09");
    expect(due("omi", "2025-03-10", "invoice")).toBe("2025-04-09");
  });

  test("a subscription invoice (monthly or yearly in advance) is also due 30 days after its date", () => {
    // 31 Jan 2025 + 28 days = 28 Feb, + 2 = 2 Mar; in 2024, 31 Jan + 29 = 29 Feb, + 1 = 1 Mar.
    expect(due("omi", "2025-01-31", "subscription")).toBe("2025-03-02");
    expect(due("omi", "2024-01-31", "subscription")).toBe("2024-03-01");
  });
});

describe("sillage payment terms (CGV 7.2)", () => {
  test("the balance of consulting is due 15 days after the invoice (7.2.1)", () => {
    // 20 Jun + 10 = 30 Jun, + 5 = 5 Jul.
    expect(due("sillage", "2025-06-20")).toBe("2025-07-05");
    expect(due("sillage", "2025-06-20", "consulting")).toBe("2025-07-05");
  });

  test("the balance of a training is due 15 days after the invoice (7.2.2)", () => {
    // 20 Dec 2025 + 11 = 31 Dec, + 4 = 4 Jan 2026.
    expect(due("sillage", "2025-12-20", "training")).toBe("2026-01-04");
  });

  test("a deposit is due on signature and a set-up balance before go-live: the invoice date (7.2, 7.2.3)", () => {
    expect(due("sillage", "2025-06-20", "deposit")).toBe("2025-06-20");
    expect(due("sillage", "2025-06-20", "setup")).toBe("2025-06-20");
  });

  test("the monthly subscription states no term: legal default of 30 days (7.2.3, L441-10 I)", () => {
    // 10 Feb 2025 + 18 = 28 Feb, + 12 = 12 Mar.
    expect(due("sillage", "2025-02-10", "subscription")).toBe("2025-03-12");
  });

  test("invoice kind ids are case-insensitive", () => {
    expect(due("sillage", "2025-06-20", " TRAINING ")).toBe("2025-07-05");
  });
});

describe("xiahdeh payment terms (CGV 16.3)", () => {
  test("the balance of a website project is due 30 days after the go-live invoice (16.3.1)", () => {
    // 1 Jul + 30 = 31 Jul.
    expect(due("xiahdeh", "2025-07-01")).toBe("2025-07-31");
    expect(due("xiahdeh", "2025-07-01", "balance")).toBe("2025-07-31");
  });

  test("the 30 % deposit and annex services are due at order: the invoice date (5.2, 16.3.2)", () => {
    expect(due("xiahdeh", "2025-07-01", "deposit")).toBe("2025-07-01");
    expect(due("xiahdeh", "2025-07-01", "annex")).toBe("2025-07-01");
  });
});

describe("injenius payment terms: on the Kth of the next month (art. 11, CPV 5)", () => {
  test("a subscription invoiced on the 25th is debited on the 5th of the next month", () => {
    expect(due("injenius", "2025-01-25")).toBe("2025-02-05");
    // Across the year end: invoiced 25 Dec 2025, debited 5 Jan 2026.
    expect(due("injenius", "2025-12-25", "subscription")).toBe("2026-01-05");
  });

  test("an à la carte study is debited on the 10th of the month after the invoice", () => {
    expect(due("injenius", "2025-02-25", "study")).toBe("2025-03-10");
    expect(due("injenius", "2025-12-25", "study")).toBe("2026-01-10");
  });
});

describe("digitalli payment terms (CGV 8.1, 8.2)", () => {
  test("the balance is due 30 days end of month, by default invoice date + 30 days then end of that month", () => {
    // 15 Feb + 30 days = 17 Mar -> end of March.
    expect(due("digitalli", "2025-02-15")).toBe("2025-03-31");
  });

  test("the other lawful method, end of the invoice month then + 30 days, is the eom-then-days option", () => {
    // End of February 2025 = 28 Feb, + 30 days = 30 Mar.
    expect(due("digitalli+eom-then-days", "2025-02-15")).toBe("2025-03-30");
  });

  test("the fin de mois example of docs/terms.md: invoice 31 Jan 2025 -> 31 Mar by default, 2 Mar with the other method", () => {
    // Default: 31 Jan + 30 = 2 Mar -> end of March = 31 Mar. Option: end of January = 31 Jan, + 30 = 2 Mar.
    expect(due("digitalli", "2025-01-31")).toBe("2025-03-31");
    expect(due("digitalli+eom-then-days", "2025-01-31")).toBe("2025-03-02");
  });

  test("month ends in a leap year: 30 January 2024 + 30 days is 29 February, already the end of its month", () => {
    // 2024: 30 Jan + 1 = 31 Jan, + 29 = 29 Feb -> end of Feb = 29 Feb. 2025: 30 Jan + 30 = 1 Mar -> 31 Mar.
    expect(due("digitalli", "2024-01-30")).toBe("2024-02-29");
    expect(due("digitalli", "2025-01-30")).toBe("2025-03-31");
    // Option in 2024: end of January 31 Jan + 30 = 1 Mar (February has 29 days).
    expect(due("digitalli+eom-then-days", "2024-01-31")).toBe("2024-03-01");
  });

  test("the 45 days end of month ceiling never moves a 30 days end of month date, with either method", () => {
    // 30 d EOM ≤ 45 d EOM always: for 15 Feb the ceiling is (15 Feb + 45 = 1 Apr -> 30 Apr), the due date 31 Mar.
    const { profile, settings } = vendor("digitalli");
    const kind = profile.invoiceKinds.find((k) => k.id === "balance");
    expect(kind?.term).toEqual({ kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 });
    // A term whose ceiling is shorter than its period is capped: 60 d EOM capped at 45 d EOM.
    const capped = applyPaymentTerm(
      { kind: "days-end-of-month", days: 60, capDaysEndOfMonth: 45 },
      iso("2025-02-15"),
      settings.endOfMonthMethod,
    );
    // 15 Feb + 60 = 16 Apr -> 30 Apr; cap: 15 Feb + 45 = 1 Apr -> 30 Apr. Same month: 30 Apr.
    expect(show(capped)).toBe("2025-04-30");
    const capped2 = applyPaymentTerm(
      { kind: "days-end-of-month", days: 60, capDaysEndOfMonth: 45 },
      iso("2025-02-01"),
      settings.endOfMonthMethod,
    );
    // 1 Feb + 60 = 2 Apr -> 30 Apr; cap: 1 Feb + 45 = 18 Mar -> 31 Mar: the ceiling binds.
    expect(show(capped2)).toBe("2025-03-31");
  });

  test("a deposit (on receipt) and an export order (at confirmation) are due on the invoice date", () => {
    expect(due("digitalli", "2025-03-28", "deposit")).toBe("2025-03-28");
    expect(due("digitalli", "2025-03-28", "export")).toBe("2025-03-28");
  });

  test("a new client's first order is due 8 days after the order confirmation", () => {
    // 28 Mar + 3 = 31 Mar, + 5 = 5 Apr.
    expect(due("digitalli", "2025-03-28", "first-order")).toBe("2025-04-05");
  });
});

describe("payment terms in general", () => {
  test("a due date on a weekend or a public holiday is not moved", () => {
    // Sillage: 10 Dec 2025 + 15 = 25 Dec 2025, Christmas (a Thursday): stays.
    expect(due("sillage", "2025-12-10")).toBe("2025-12-25");
    // OMI: 30 Jan 2025 + 1 = 31 Jan, + 28 = 28 Feb, + 1 = 1 Mar 2025, a Saturday: stays.
    expect(due("omi", "2025-01-30")).toBe("2025-03-01");
    expect(isoWeekday(iso("2025-03-01"))).toBe(6);
  });

  test("an unknown invoice kind is an invalid argument that lists the vendor's kinds", () => {
    const { profile, settings } = vendor("digitalli");
    const e = engineError(() => dueDate(profile, iso("2025-01-01"), "retainer", settings));
    expect(e.kind).toBe("invalid-input");
    expect(e.argument).toBe("invoiceKind");
    expect(e.text.en).toBe(
      'invoiceKind "retainer" is not one of Digitalli\'s invoice kinds: balance, deposit, first-order, export.',
    );
    expect(e.text.fr).toContain("balance, deposit, first-order, export");
  });

  test("no due date of any shipped vendor and kind is before its invoice date", () => {
    for (const profile of SHIPPED_VENDORS) {
      for (const kind of profile.invoiceKinds) {
        const inv = iso("2025-02-28");
        expect(dueDate(profile, inv, kind.id, vendor(profile.id).settings)).toBeGreaterThanOrEqual(inv);
      }
    }
  });
});
