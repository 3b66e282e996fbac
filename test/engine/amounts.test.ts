import { clauseAmount, iso } from "../../src/engine";
import { dec, engineError, vendor } from "./helpers";

function amount(spec: string, clause: string, base: number | string, from?: string, to?: string): string {
  const dates = {
    from: from === undefined ? undefined : iso(from),
    to: to === undefined ? undefined : iso(to),
  };
  return clauseAmount(vendor(spec).profile, clause, dec(base), dates).toFixed(2);
}

describe("xiahdeh amount clauses", () => {
  test("cancellation before work starts costs 30 % of the total (10.2)", () => {
    // 5000 × 30 % = 1500.
    expect(amount("xiahdeh", "cancellation-before-start", 5000)).toBe("1500.00");
  });

  test("opting out of being cited as a reference adds 10 % (4.1)", () => {
    // 4321.05 × 10 % = 432.105 -> 432.11 (half up).
    expect(amount("xiahdeh", "reference-opt-out", "4321.05")).toBe("432.11");
  });

  test("content supplied late: + 5 % per completed 3-month tranche from the acceptance (6.3, the clause's own examples)", () => {
    // Accepted 15 Jan 2025. Supplied 6 months later (15 Jul): 2 completed tranches -> + 10 % of 8000 = 800.
    expect(amount("xiahdeh", "content-late-surcharge", 8000, "2025-01-15", "2025-07-15")).toBe("800.00");
    // 4 months later (15 May): 1 completed tranche -> + 5 % = 400.
    expect(amount("xiahdeh", "content-late-surcharge", 8000, "2025-01-15", "2025-05-15")).toBe("400.00");
  });

  test("content supplied within the 3 months is on time; the day after, one tranche is complete", () => {
    // 15 Apr 2025 = acceptance + 3 months: on time, 0.
    expect(amount("xiahdeh", "content-late-surcharge", 8000, "2025-01-15", "2025-04-15")).toBe("0.00");
    // 16 Apr: 3 whole months have passed -> 1 tranche -> 400.
    expect(amount("xiahdeh", "content-late-surcharge", 8000, "2025-01-15", "2025-04-16")).toBe("400.00");
    // 14 Jul: 5 whole months -> still 1 tranche -> 400.
    expect(amount("xiahdeh", "content-late-surcharge", 8000, "2025-01-15", "2025-07-14")).toBe("400.00");
  });

  test("the tranche count needs both dates in order", () => {
    const { profile } = vendor("xiahdeh");
    expect(
      engineError(() => clauseAmount(profile, "content-late-surcharge", dec(100), { to: iso("2025-05-01") }))
        .argument,
    ).toBe("fromDate");
    expect(
      engineError(() =>
        clauseAmount(profile, "content-late-surcharge", dec(100), { from: iso("2025-05-01") }),
      ).argument,
    ).toBe("toDate");
    const e = engineError(() =>
      clauseAmount(profile, "content-late-surcharge", dec(100), {
        from: iso("2025-05-01"),
        to: iso("2025-04-01"),
      }),
    );
    expect(e.text.en).toBe("toDate is before fromDate.");
  });
});

describe("sillage amount clauses", () => {
  test("a training cancelled under 7 jours ouvrés before costs 20 % of the session price HT (8.2)", () => {
    // 1200 × 20 % = 240.
    expect(amount("sillage", "training-late-cancellation", 1200)).toBe("240.00");
  });

  test("a provider cancelling under 3 jours ouvrés before gives a 20 % discount (8.3)", () => {
    expect(amount("sillage", "provider-late-cancellation-discount", 1500)).toBe("300.00");
  });

  test("non-solicitation: about one year of the person's pay (18)", () => {
    expect(amount("sillage", "non-solicitation-indemnity", 42000)).toBe("42000.00");
  });
});

describe("injenius and digitalli amount clauses", () => {
  test("injenius SLA credit: 30 % of the monthly fee (6.3)", () => {
    // 59 × 30 % = 17.70.
    expect(amount("injenius", "sla-credit", 59)).toBe("17.70");
  });

  test("digitalli non-solicitation indemnity: 25 % of the annual base salary (15)", () => {
    expect(amount("digitalli", "non-solicitation-indemnity", 40000)).toBe("10000.00");
  });
});

describe("amount clause errors", () => {
  test("an unknown clause lists the vendor's amount clauses; a vendor with none says so", () => {
    const e = engineError(() => amount("xiahdeh", "late-fee", 100));
    expect(e.argument).toBe("clause");
    expect(e.text.en).toBe(
      'clause "late-fee" is not one of Xiahdeh\'s amount clauses: cancellation-before-start, reference-opt-out, content-late-surcharge.',
    );
    expect(engineError(() => amount("omi", "anything", 100)).text.en).toContain("(none)");
  });

  test("a negative base amount is rejected", () => {
    expect(engineError(() => amount("sillage", "training-late-cancellation", -1)).argument).toBe("amount");
  });

  test("clause ids are case-insensitive", () => {
    expect(amount("xiahdeh", " Cancellation-Before-Start ", 1000)).toBe("300.00");
  });
});
