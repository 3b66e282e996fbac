import {
  formatIsoDay,
  formatMoney,
  invoiceStatement,
  iso,
  latePayment,
  prescriptionCheck,
  type ClientType,
  type Day,
  type InvoiceStatement,
} from "../../src/engine";
import { dec, payments, vendor } from "./helpers";

function statement(
  spec: string,
  amount: string,
  due: string,
  asOf: string,
  extra: {
    payments?: ReturnType<typeof payments>;
    client?: ClientType;
    formalNotice?: string;
    recoveryCosts?: string;
  } = {},
): InvoiceStatement {
  const { profile, settings } = vendor(spec);
  return invoiceStatement(
    profile,
    {
      amount: dec(amount),
      dueDate: iso(due),
      asOf: iso(asOf),
      payments: extra.payments ?? [],
      client: extra.client ?? "pro",
      ...(extra.formalNotice ? { formalNotice: iso(extra.formalNotice) } : {}),
      ...(extra.recoveryCosts ? { recoveryCosts: dec(extra.recoveryCosts) } : {}),
    },
    settings,
  );
}

const periods = (s: InvoiceStatement) =>
  s.periods.map((p) => [iso2(p.from), iso2(p.to), p.days, p.balance.toFixed(2), p.interest.toFixed(2)]);
const iso2 = (d: Day) => formatIsoDay(d);

describe("one invoice's statement is LATEFEE in detail", () => {
  test("an unpaid OMI invoice across two half-years: one period per half-year, each with its legal rate", () => {
    // OMI CGA 6.3: 3 × the legal rate. 1 200 € due 31/10/2025, statement made up to 30/06/2026.
    // 01/11–31/12/2025: 61 days at 3 × 2,76 % = 8,28 %: 1200 × 8,28 % × 61 / 365 = 16,6054 → 16,61
    // 01/01–30/06/2026: 181 days at 3 × 2,62 % = 7,86 %: 1200 × 7,86 % × 181 / 365 = 46,7724 → 46,77
    // interest = (6060,96 + 17071,92) / 365 = 63,3778 → 63,38; + 40 € = 103,38.
    const s = statement("omi", "1200", "2025-10-31", "2026-06-30");
    expect(periods(s)).toEqual([
      ["2025-11-01", "2025-12-31", 61, "1200.00", "16.61"],
      ["2026-01-01", "2026-06-30", 181, "1200.00", "46.77"],
    ]);
    expect(s.periods.map((p) => p.source.fr)).toEqual([
      "3 × taux légal 2e semestre 2025 (2,76 %) = 8,28 %",
      "3 × taux légal 1er semestre 2026 (2,62 %) = 7,86 %",
    ]);
    expect(s.periods[0]?.source.en).toBe("3 × legal rate 2nd half of 2025 (2.76 %) = 8.28 %");
    expect([s.interest, s.fee, s.total].map((d) => d.toFixed(2))).toEqual(["63.38", "40.00", "103.38"]);
    expect(s.daysLate).toBe(242);
    expect(s.roundingDifference.toFixed(2)).toBe("0.00");
  });

  test("a partial payment ends a period on its date and interest runs on the balance after it", () => {
    // 3 000 € due 15/12/2025, 1 000 € paid 31/01/2026 (the payment's own day still late for what it pays).
    // 16/12–31/12/2025: 16 d × 3000 × 8,28 % / 365 = 10,8888 → 10,89
    // 01/01–31/01/2026: 31 d × 3000 × 7,86 % / 365 = 20,0268 → 20,03
    // 01/02–30/06/2026: 150 d × 2000 × 7,86 % / 365 = 64,6027 → 64,60
    // interest = 34 864,20 / 365 = 95,5184 → 95,52; + 40 = 135,52.
    const s = statement("omi", "3000", "2025-12-15", "2026-06-30", {
      payments: payments(["2026-01-31", "1000"]),
    });
    expect(periods(s)).toEqual([
      ["2025-12-16", "2025-12-31", 16, "3000.00", "10.89"],
      ["2026-01-01", "2026-01-31", 31, "3000.00", "20.03"],
      ["2026-02-01", "2026-06-30", 150, "2000.00", "64.60"],
    ]);
    expect(s.payments.map((p) => [p.amount.toFixed(2), p.balanceAfter.toFixed(2), p.beforeDue])).toEqual([
      ["1000.00", "2000.00", false],
    ]);
    expect(s.outstanding.toFixed(2)).toBe("2000.00");
    expect(s.total.toFixed(2)).toBe("135.52");
    expect(s.notes.some((n) => n.fr.includes("Code civil 1343-1"))).toBe(true);
  });

  test("the statement's total equals LATEFEE for the same invoice, whatever the vendor", () => {
    const cases: [string, string, string, string, ReturnType<typeof payments>][] = [
      ["omi", "2500", "2025-01-31", "2025-03-02", []],
      ["digitalli", "8000", "2024-06-15", "2024-07-15", []],
      ["injenius", "8000", "2024-06-15", "2024-07-15", payments(["2024-07-01", "3000"])],
      ["sillage", "2000", "2025-03-01", "2025-03-31", payments(["2025-03-11", "1000"])],
      ["xiahdeh", "4321.09", "2024-11-20", "2026-06-30", payments(["2025-02-01", "21.09"])],
      ["xiahdeh+flat", "4321.09", "2024-11-20", "2026-06-30", []],
    ];
    for (const [spec, amount, due, asOf, paid] of cases) {
      const { profile, settings } = vendor(spec);
      const s = statement(spec, amount, due, asOf, { payments: paid });
      const direct = latePayment(
        profile,
        { amount: dec(amount), dueDate: iso(due), paidDate: iso(asOf), payments: paid, client: "pro" },
        settings,
      );
      expect([spec, s.total.toFixed(2)]).toEqual([spec, direct.total.toFixed(2)]);
      expect(s.engineInput).toBeDefined();
    }
  });

  test("a floor that binds says what it raised the rate to (Digitalli art. 9, 2024-H1)", () => {
    // ECB 4,50 % on 01/01/2024 + 10 = 14,50 % < 3 × 5,07 % = 15,21 %: the contract's own floor binds.
    const s = statement("digitalli", "8000", "2024-06-15", "2024-07-15");
    expect(s.periods[0]?.source.fr).toBe(
      "BCE 4,5 % au 01/01/2024 + 10 points = 14,5 %, porté au plancher de 3 × taux légal 1er semestre 2024 (5,07 %) = 15,21 %",
    );
    expect(s.periods[0]?.floorBound).toBe(true);
    // Injenius restates the statutory default: not floored; 2025-H2 is the issue's own example.
    const i = statement("injenius", "1000", "2025-07-10", "2025-08-09");
    expect(i.periods[0]?.source.fr).toBe("BCE 2,15 % au 01/07/2025 + 10 points = 12,15 %");
  });

  test("an invoice paid off ends its late days on the day of the last payment", () => {
    // 2 000 € due 01/03/2025: 500 € on 11/03, 1 500 € on 31/03 (paid off). Statement made up to 30/06/2025.
    // 2000 × 10 d + 1500 × 20 d = 50 000 € × days at 11,13 % / 365 = 15,2466 → 15,25; + 40.
    const s = statement("sillage", "2000", "2025-03-01", "2025-06-30", {
      payments: payments(["2025-03-11", "500"], ["2025-03-31", "1500"]),
    });
    expect(iso2(s.end)).toBe("2025-03-31");
    expect(s.daysLate).toBe(30);
    expect(s.outstanding.toFixed(2)).toBe("0.00");
    expect(s.total.toFixed(2)).toBe("55.25");
  });

  test("a payment after the statement date is left out and said", () => {
    const s = statement("omi", "1200", "2025-10-31", "2025-12-31", {
      payments: payments(["2026-01-15", "1200"]),
    });
    // 61 days on 1 200 € at 8,28 %: 16,61; + 40.
    expect(s.total.toFixed(2)).toBe("56.61");
    expect(s.laterPayments).toHaveLength(1);
    expect(s.notes.map((n) => n.fr).join(" ")).toContain(`${formatMoney(dec(1200), "fr")} (15/01/2026)`);
  });
});

describe("the rounding of period lines", () => {
  test("when each period's cent rounds the same way, the difference is shown, and the invoice keeps its one rounding", () => {
    // OMI, 1 000 € due 20/12/2025, as of 13/01/2026: 11 days in 2025-H2 at 8,28 % and 13 in 2026-H1 at 7,86 %.
    // 1000 × 8,28 % × 11 / 365 = 2,49534 → 2,50 ; 1000 × 7,86 % × 13 / 365 = 2,79945 → 2,80 ;
    // exact sum (910,8 + 1021,8) / 365 = 5,29479 → 5,29: the lines show 5,30, the difference is −0,01.
    const s = statement("omi", "1000", "2025-12-20", "2026-01-13");
    expect(s.periods.map((p) => p.interest.toFixed(2))).toEqual(["2.50", "2.80"]);
    expect(s.interest.toFixed(2)).toBe("5.29");
    expect(s.roundingDifference.toFixed(2)).toBe("-0.01");
    expect(s.notes.some((n) => n.fr.includes("arrondie une seule fois"))).toBe(true);
  });
});

describe("a consumer client", () => {
  test("of terms that set no consumer rate: legal rate from the formal notice, no fee, no floor (Code civil 1231-6)", () => {
    // OMI serves professionals only. 2 000 € due 30/11/2025, formal notice 10/12/2025, as of 31/01/2026.
    // 11/12–31/12/2025: 21 d × 2000 × 2,76 % / 365 = 3,1759 ; 01/01–31/01/2026: 31 d × 2000 × 2,62 % / 365 = 4,4504
    // (1159,2 + 1624,4) / 365 = 7,6263 → 7,63; no 40 € fee.
    const s = statement("omi", "2000", "2025-11-30", "2026-01-31", {
      client: "consumer",
      formalNotice: "2025-12-10",
    });
    expect(s.basis).toEqual({ kind: "civil-code", formalNotice: iso("2025-12-10") });
    expect(periods(s)).toEqual([
      ["2025-12-11", "2025-12-31", 21, "2000.00", "3.18"],
      ["2026-01-01", "2026-01-31", 31, "2000.00", "4.45"],
    ]);
    expect(s.periods[1]?.source.fr).toBe("taux légal 1er semestre 2026 (autres cas) = 2,62 %");
    expect([s.interest.toFixed(2), s.fee.toFixed(2), s.total.toFixed(2)]).toEqual(["7.63", "0.00", "7.63"]);
    expect(s.citations.map((c) => c.article)).toEqual(["1231-6", "1344-1"]);
    expect(s.engineInput).toBeUndefined();
  });

  test("with no formal notice recorded, no interest yet, and the statement says why", () => {
    const s = statement("omi", "2000", "2025-11-30", "2026-01-31", { client: "consumer" });
    expect(s.total.toFixed(2)).toBe("0.00");
    expect(s.daysLate).toBe(62);
    expect(s.notes.map((n) => n.fr).join(" ")).toContain("Aucune mise en demeure enregistrée");
  });

  test("of terms that serve consumers: the contract's rate, not floored, no fee (Xiahdeh 16.4, 9.2)", () => {
    // 1 000 € due 31/01/2026, as of 02/03/2026: 30 days at 10 % a year = 8,2192 → 8,22; no fee.
    const s = statement("xiahdeh", "1000", "2026-01-31", "2026-03-02", { client: "consumer" });
    expect(s.basis.kind).toBe("contract");
    expect([s.interest.toFixed(2), s.fee.toFixed(2)]).toEqual(["8.22", "0.00"]);
    expect(s.periods[0]?.source.fr).toBe("taux contractuel 10 % l'an");
  });
});

describe("a rate the table lacks", () => {
  test("leaves the interest out, keeps the fee, and names the half-year", () => {
    // 2026-H2's legal rate is not shipped: OMI's interest after 30/06/2026 cannot be computed.
    const s = statement("omi", "1000", "2026-06-01", "2026-08-31");
    expect(s.missingRate?.kind).toBe("rate-unknown");
    expect(s.periods).toEqual([]);
    expect([s.interest.toFixed(2), s.fee.toFixed(2)]).toEqual(["0.00", "40.00"]);
    expect(s.missingRate?.text.fr).toContain("2e semestre 2026");
  });
});

describe("prescription", () => {
  const check = (due: string, client: ClientType, asOf: string) =>
    prescriptionCheck(iso(due), client, iso(asOf));

  test("between businesses: 5 years from the due date, flagged from 6 months before the end", () => {
    // Due 15/03/2021: the action is time-barred after 15/03/2026 (L110-4); flagged from 15/09/2025.
    expect(check("2021-03-15", "pro", "2025-09-14").state).toBe("running");
    const near = check("2021-03-15", "pro", "2025-09-15");
    expect(near.state).toBe("near");
    expect(near.text?.fr).toContain("se prescrit le 15/03/2026");
    expect(near.text?.fr).toContain("a pu commencer plus tôt");
    expect(check("2021-03-15", "pro", "2026-03-15").state).toBe("near");
    const past = check("2021-03-15", "pro", "2026-03-16");
    expect(past.state).toBe("past");
    expect(past.citation.article).toBe("L110-4");
  });

  test("against a consumer: 2 years (Code de la consommation L218-2)", () => {
    const c = check("2024-08-31", "consumer", "2026-06-30");
    // 31/08/2024 + 2 years = 31/08/2026; warned from 28/02/2026 (31/08 − 6 months, clamped).
    expect(c.state).toBe("near");
    expect(c.citation.article).toBe("L218-2");
    expect(c.text?.fr).toContain("31/08/2026");
  });
});
