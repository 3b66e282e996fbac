import { iso, latePayment, lateInterest, penaltyRate, recoveryFee, type ClientType } from "../../src/engine";
import { dec, engineError, lateInput, payments, vendor } from "./helpers";

function fee(
  spec: string,
  amount: string | number,
  due: string,
  paid: string,
  extra: Parameters<typeof lateInput>[3] = {},
) {
  const { profile, settings } = vendor(spec);
  return latePayment(profile, lateInput(amount, due, paid, extra), settings);
}

function interest(
  spec: string,
  amount: string | number,
  due: string,
  paid: string,
  extra: Parameters<typeof lateInput>[3] = {},
): string {
  const { profile, settings } = vendor(spec);
  return lateInterest(profile, lateInput(amount, due, paid, extra), settings).interest.toFixed(2);
}

function rate(spec: string, day: string, client: ClientType = "pro") {
  const { profile, settings } = vendor(spec);
  return penaltyRate(profile, iso(day), client, settings);
}

describe("days late and the payment date", () => {
  test("paid one day late: one day of interest and the 40 € fee (omi, CGA 6.3)", () => {
    // 2025-H1, 3 × 3.71 % = 11.13 %: 2500 × 11.13 % × 1 / 365 = 0.7623 -> 0.76; + 40.
    const r = fee("omi", 2500, "2025-01-31", "2025-02-01");
    expect(r.daysLate).toBe(1);
    expect(r.interest.toFixed(2)).toBe("0.76");
    expect(r.recoveryFee.toFixed(2)).toBe("40.00");
    expect(r.total.toFixed(2)).toBe("40.76");
  });

  test("paid on the due date: no interest, no fee", () => {
    const r = fee("omi", 2500, "2025-01-31", "2025-01-31");
    expect(r.daysLate).toBe(0);
    expect(r.total.toFixed(2)).toBe("0.00");
  });

  test("paid early: no interest, no fee, zero days late (never negative)", () => {
    const r = fee("omi", 2500, "2025-01-31", "2025-01-15");
    expect(r.daysLate).toBe(0);
    expect(r.interest.toFixed(2)).toBe("0.00");
    expect(r.recoveryFee.toFixed(2)).toBe("0.00");
  });

  test("30 days late run from the day after the due date to the payment date inclusive", () => {
    // 1 Feb .. 28 Feb = 28 days, 1 and 2 Mar = 2: 30 days. 2500 × 11.13 % × 30 / 365 = 22.8699 -> 22.87.
    const r = fee("omi", 2500, "2025-01-31", "2025-03-02");
    expect(r.daysLate).toBe(30);
    expect(r.interest.toFixed(2)).toBe("22.87");
    expect(r.total.toFixed(2)).toBe("62.87");
  });
});

describe("rates per vendor and half-year (L441-10 II)", () => {
  test("omi and sillage use 3 × the professional legal rate of the half-year", () => {
    // 2025-H2 legal rate 2.76 % -> 8.28 %; 2024-H1 5.07 % -> 15.21 %.
    expect(rate("omi", "2025-07-01").applied.toString()).toBe("0.0828");
    expect(rate("sillage", "2024-03-01").applied.toString()).toBe("0.1521");
    // The floor is the same figure: it does not "bind" (not above the contractual rate).
    expect(rate("sillage", "2024-03-01").floorBound).toBe(false);
  });

  test("injenius restates the statutory default ECB + 10, and 2024-H1 is 14.50 % although the floor would be 15.21 %", () => {
    // ECB MRO in force on 1 Jan 2024 = 4.50 % (since 20 Sep 2023) + 10 points.
    const r = rate("injenius", "2024-03-01");
    expect(r.applied.toString()).toBe("0.145");
    expect(r.floor).toBeUndefined();
    expect(r.floorBound).toBe(false);
  });

  test("digitalli's own floor binds in 2024-H1: max(14.50 %, 15.21 %) = 15.21 %", () => {
    const r = rate("digitalli", "2024-03-01");
    expect(r.contractual.toString()).toBe("0.145");
    expect(r.floor?.toString()).toBe("0.1521");
    expect(r.applied.toString()).toBe("0.1521");
    expect(r.floorBound).toBe(true);
  });

  test("digitalli in 2025-H2: ECB + 10 = 12.15 % is above 3 × 2.76 % = 8.28 %, the floor does not bind", () => {
    // ECB 2.15 % since 11 Jun 2025, in force on 1 Jul 2025.
    const r = rate("digitalli", "2025-09-15");
    expect(r.applied.toString()).toBe("0.1215");
    expect(r.floorBound).toBe(false);
  });

  test("xiahdeh's 10 % a year is floored at 3 × the legal rate for a professional client, not for a consumer", () => {
    // 2025-H1: 3 × 3.71 = 11.13 % > 10 %: the floor binds. 2025-H2: 8.28 % < 10 %: 10 % applies.
    expect(rate("xiahdeh", "2025-03-01").applied.toString()).toBe("0.1113");
    expect(rate("xiahdeh", "2025-03-01").floorBound).toBe(true);
    expect(rate("xiahdeh", "2025-09-01").applied.toString()).toBe("0.1");
    expect(rate("xiahdeh", "2025-03-01", "consumer").applied.toString()).toBe("0.1");
    expect(rate("xiahdeh", "2025-03-01", "consumer").floor).toBeUndefined();
  });
});

describe("late periods that span half-years", () => {
  test("the worked example of docs/rates.md: 10 000 € due 31 May 2025 paid 14 Aug 2025 at ECB + 10 (injenius)", () => {
    // June: 30 days at 13.15 % (ECB 3.15 % on 1 Jan 2025) = 108.0822; 1 Jul..14 Aug: 31 + 14 = 45 days at
    // 12.15 % (ECB 2.15 % on 1 Jul 2025) = 149.7945. Sum 257.8767 -> 257.88, rounded once; + 40.
    const r = fee("injenius", 10000, "2025-05-31", "2025-08-14");
    expect(r.daysLate).toBe(75);
    expect(r.interest.toFixed(2)).toBe("257.88");
    expect(r.total.toFixed(2)).toBe("297.88");
  });

  test("interest is rounded once per invoice, not per segment", () => {
    // Same invoice as the example of docs/rates.md#worked-public-examples: segments 108.0822 and 149.7945. Rounded per segment they would
    // give 108.08 + 149.79 = 257.87; rounded once, 257.8767 -> 257.88.
    expect(interest("injenius", 10000, "2025-05-31", "2025-08-14")).toBe("257.88");
  });

  test("the statutory floor binds on both sides of 1 July 2024 for digitalli (CGV 9)", () => {
    // 16..30 Jun = 15 days at 15.21 %: 8000 × 0.1521 × 15 / 365 = 50.0055;
    // 1..15 Jul = 15 days at max(14.25, 14.76) = 14.76 %: 48.5260. Sum 98.5315 -> 98.53.
    expect(interest("digitalli", 8000, "2024-06-15", "2024-07-15")).toBe("98.53");
  });

  test("the statutory default (ECB + 10) is not floored: injenius over the same days", () => {
    // 15 days at 14.50 % = 47.6712; 15 days at 14.25 % = 46.8493. Sum 94.5205 -> 94.52.
    expect(interest("injenius", 8000, "2024-06-15", "2024-07-15")).toBe("94.52");
  });

  test("xiahdeh, professional client, 2024-H1: the floor 15.21 % replaces 10 %", () => {
    // 1000 × 15.21 % × 30 / 365 = 12.5014 -> 12.50.
    expect(interest("xiahdeh", 1000, "2024-03-01", "2024-03-31")).toBe("12.50");
  });
});

describe("partial payments: interest on the balance outstanding each day", () => {
  test("docs/conventions.md#worked-examples: 2000 €, 1000 € paid on 11 Mar, the rest on 31 Mar (sillage, CGV 7.4)", () => {
    // 2 Mar..11 Mar: 10 days on 2000 (the payment day still counts for the part it pays); 12..31 Mar: 20 days on 1000.
    // (2000 × 10 + 1000 × 20) × 11.13 % / 365 = 40 000 × 0.1113 / 365 = 12.1973 -> 12.20.
    expect(
      interest("sillage", 2000, "2025-03-01", "2025-03-31", { payments: payments(["2025-03-11", 1000]) }),
    ).toBe("12.20");
  });

  test("a payment made before the due date reduces the late principal", () => {
    // 500 paid 20 Feb, 1500 late for 30 days: 1500 × 11.13 % × 30 / 365 = 13.7219 -> 13.72.
    expect(
      interest("sillage", 2000, "2025-03-01", "2025-03-31", { payments: payments(["2025-02-20", 500]) }),
    ).toBe("13.72");
  });

  test("an invoice fully paid by the due date through part payments bears no interest and no fee", () => {
    const r = fee("sillage", 2000, "2025-03-01", "2025-03-31", {
      payments: payments(["2025-02-20", 500], ["2025-03-01", 1500]),
    });
    expect(r.interest.toFixed(2)).toBe("0.00");
    expect(r.recoveryFee.toFixed(2)).toBe("0.00");
  });

  test("a part payment dated after the final payment date, or not positive, is rejected", () => {
    const { profile, settings } = vendor("sillage");
    const late = engineError(() =>
      lateInterest(
        profile,
        lateInput(2000, "2025-03-01", "2025-03-31", { payments: payments(["2025-04-02", 100]) }),
        settings,
      ),
    );
    expect(late.kind).toBe("invalid-input");
    expect(late.text.en).toContain("payments row 1: dated 2025-04-02, after paidDate 2025-03-31");
    const zero = engineError(() =>
      lateInterest(
        profile,
        lateInput(2000, "2025-03-01", "2025-03-31", { payments: payments(["2025-03-10", 0]) }),
        settings,
      ),
    );
    expect(zero.text.en).toContain("payments row 1: the amount must be positive");
  });

  test("a negative invoice amount (a credit note) is rejected", () => {
    const { profile, settings } = vendor("omi");
    const e = engineError(() => lateInterest(profile, lateInput(-100, "2025-03-01", "2025-03-31"), settings));
    expect(e.kind).toBe("invalid-input");
    expect(e.argument).toBe("amount");
  });
});

describe("the recovery fee (D441-5, L441-10 II)", () => {
  test("40 € once per late invoice for a professional client", () => {
    expect(fee("digitalli", 100, "2025-03-31", "2025-04-30").recoveryFee.toFixed(2)).toBe("40.00");
  });

  test("justified recovery costs above 40 € replace it; costs below 40 € do not lower it", () => {
    expect(fee("omi", 2500, "2025-01-31", "2025-03-02", { recoveryCosts: 55 }).recoveryFee.toFixed(2)).toBe(
      "55.00",
    );
    expect(fee("omi", 2500, "2025-01-31", "2025-03-02", { recoveryCosts: 30 }).recoveryFee.toFixed(2)).toBe(
      "40.00",
    );
    // Sillage: 40 € + justified costs above 40 €: 75 € of costs -> 75 € in all (40 + 35).
    expect(
      fee("sillage", 2500, "2025-01-31", "2025-03-02", { recoveryCosts: 75 }).recoveryFee.toFixed(2),
    ).toBe("75.00");
  });

  test("negative recovery costs are rejected", () => {
    const { profile } = vendor("omi");
    const e = engineError(() =>
      recoveryFee(profile, { ...lateInput(1, "2025-01-31", "2025-03-02"), recoveryCosts: dec(-1) }),
    );
    expect(e.argument).toBe("recoveryCosts");
  });
});

describe("consumer and professional clients", () => {
  test("xiahdeh consumer client: 10 % a year, no floor, no 40 € fee (CGV 9.2, 16.4)", () => {
    // 2024-H1, 30 days: 1000 × 10 % × 30 / 365 = 8.2192 -> 8.22 (a professional would pay 12.50 at the floor).
    const r = fee("xiahdeh", 1000, "2024-03-01", "2024-03-31", { client: "consumer" });
    expect(r.interest.toFixed(2)).toBe("8.22");
    expect(r.recoveryFee.toFixed(2)).toBe("0.00");
    expect(r.total.toFixed(2)).toBe("8.22");
  });

  test("xiahdeh professional client in 2025-H2: 10 % is above the floor 8.28 %, plus the 40 € fee", () => {
    // 1 Oct..30 Oct = 30 days: 1000 × 10 % × 30 / 365 = 8.2192 -> 8.22; + 40.
    expect(fee("xiahdeh", 1000, "2025-09-30", "2025-10-30").total.toFixed(2)).toBe("48.22");
  });

  test("a consumer client for a vendor that only serves professionals is not applicable", () => {
    const e = engineError(() => fee("omi", 1000, "2025-09-30", "2025-10-30", { client: "consumer" }));
    expect(e.kind).toBe("not-applicable");
    expect(e.argument).toBe("clientType");
  });
});

describe("xiahdeh's flat option (CGV 16.4, vendor xiahdeh+flat)", () => {
  test("a one-off 10 % of the invoice amount when it exceeds the statutory minimum", () => {
    // Flat: 1000 × 10 % = 100. Statutory minimum: 30 days at 8.28 % = 6.81. Max = 100; + 40.
    const r = fee("xiahdeh+flat", 1000, "2025-09-30", "2025-10-30");
    expect(r.interest.toFixed(2)).toBe("100.00");
    expect(r.total.toFixed(2)).toBe("140.00");
  });

  test("the flat penalty is never less than the statutory minimum interest over the same days", () => {
    // Due 1 Jan 2024, paid 30 Sep 2024: 2 Jan..30 Jun = 181 days at 15.21 % = 75.4249;
    // 1 Jul..30 Sep = 92 days at 14.76 % = 37.2033. Minimum 112.6282 -> 112.63 > flat 100.
    expect(interest("xiahdeh+flat", 1000, "2024-01-01", "2024-09-30")).toBe("112.63");
  });

  test("paid on time under the flat option: nothing", () => {
    expect(interest("xiahdeh+flat", 1000, "2025-09-30", "2025-09-30")).toBe("0.00");
  });

  test("the default reading accrues 10 % a year instead of the flat 10 %", () => {
    expect(interest("xiahdeh", 1000, "2025-09-30", "2025-10-30")).toBe("8.22");
  });
});

describe("a half-year missing from the rate table", () => {
  test("a late day in 2027-H1 with no ECB rate is a rate-unknown error naming 2027-H1 (injenius)", () => {
    // The shipped ECB table runs to 28 Oct 2026: the rate in force on 1 January 2027 is unknown.
    const e = engineError(() => fee("injenius", 1000, "2026-12-20", "2027-01-10"));
    expect(e.kind).toBe("rate-unknown");
    // The ECB rate of a half-year is the one in force on its first day, 1 January 2027.
    expect(e.text.en).toContain("in force on 2027-01-01 (1st half of 2027)");
    expect(e.text.en).toContain(
      "add it under Settings > Rates in the Échéance pane (or --rates on the command line)",
    );
    expect(e.text.fr).toBe(
      "taux de refinancement de la BCE en vigueur au 01/01/2027 (1er semestre 2027) non renseigné — ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)",
    );
  });

  test("a late period in 2026-H2 is computable for injenius from the ECB rate alone (ECB + 10, not floored)", () => {
    // ECB rate in force on 1 July 2026: 2.40 % -> 12.40 %. Due 30 Jun, paid 10 Jul 2026: 10 days,
    // 1000 × 0.124 × 10 / 365 = 3.3973 -> 3.40.
    expect(interest("injenius", 1000, "2026-06-30", "2026-07-10")).toBe("3.40");
  });

  test("digitalli in 2026-H2 still needs the legal rate for its own floor", () => {
    const e = engineError(() => fee("digitalli", 1000, "2026-06-30", "2026-07-10"));
    expect(e.kind).toBe("rate-unknown");
    expect(e.text.en).toContain("French legal interest rate for the 2nd half of 2026");
  });

  test("a late day in 2026-H2 with no legal rate is a rate-unknown error naming « 2e semestre 2026 » and where to add it (omi)", () => {
    const e = engineError(() => fee("omi", 1000, "2026-06-30", "2026-07-01"));
    expect(e.kind).toBe("rate-unknown");
    expect(e.text.en).toBe(
      "the French legal interest rate for the 2nd half of 2026 is not in the rate table — add it under Settings > Rates in the Échéance pane (or --rates on the command line)",
    );
    expect(e.text.fr).toBe(
      "taux de l'intérêt légal du 2e semestre 2026 non renseigné — ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)",
    );
  });

  test("a late period ending on 30 June 2026 is still computable", () => {
    // 2026-H1: 3 × 2.62 = 7.86 %; 1000 × 7.86 % × 30 / 365 = 6.4603 -> 6.46.
    expect(interest("omi", 1000, "2026-05-31", "2026-06-30")).toBe("6.46");
  });
});
