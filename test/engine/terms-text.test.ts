import {
  applyPaymentTerm,
  buildRateTable,
  checkLatePayment,
  checkPaymentTerm,
  checkProfileLegal,
  describePaymentTerm,
  DEFAULT_RATE_TABLE,
  formatIsoDay,
  iso,
  parsePaymentTermText,
  SHIPPED_VENDORS,
  type LatePaymentRule,
  type PaymentTerm,
} from "../../src/engine";

const terms = (text: string) => parsePaymentTermText(text).candidates.map((c) => c.term);
const methods = (text: string) => parsePaymentTermText(text).candidates.map((c) => c.method);

describe("payment terms typed as French terms of sale write them", () => {
  test("“30 jours fin de mois” has two lawful readings, the usual method first, and asks which", () => {
    const r = parsePaymentTermText("30 jours fin de mois");
    expect(r.candidates.map((c) => c.term)).toEqual([
      { kind: "days-end-of-month", days: 30 },
      { kind: "days-end-of-month", days: 30 },
    ]);
    expect(methods("30 jours fin de mois")).toEqual(["days-then-eom", "eom-then-days"]);
    expect(r.question?.fr).toMatch(/méthode de fin de mois/);
    // Shown back as understood, in both languages, with the method spelled out.
    expect(r.candidates[0]?.understood.fr).toBe(
      "30 jours fin de mois, calculé ainsi : date de facture + 30 jours, puis fin de ce mois",
    );
    expect(r.candidates[1]?.understood.en).toBe(
      "30 days end of month, computed as end of the invoice month, then + 30 days",
    );
  });

  test("the two readings of “30 jours fin de mois” give the example dates of docs/terms.md for an invoice of 31 Jan 2025", () => {
    // docs/terms.md#fin-de-mois-payment-terms: invoice 31 Jan 2025, 30 days end of month → 31 Mar (default) or 2 Mar.
    // Default: 31 Jan + 30 = 2 Mar, end of March = 31 Mar. Option: end of Jan = 31 Jan, + 30 = 2 Mar.
    const [a, b] = parsePaymentTermText("30 jours fin de mois").candidates;
    expect(formatIsoDay(applyPaymentTerm(a!.term, iso("2025-01-31"), a!.method!))).toBe("2025-03-31");
    expect(formatIsoDay(applyPaymentTerm(b!.term, iso("2025-01-31"), b!.method!))).toBe("2025-03-02");
  });

  test("“45 jours fin de mois le 10” keeps the day of the month", () => {
    expect(terms("45 jours fin de mois le 10")[0]).toEqual({
      kind: "days-end-of-month",
      days: 45,
      dayOfMonth: 10,
    });
    expect(parsePaymentTermText("45 jours fin de mois le 10").candidates).toHaveLength(2);
  });

  test("“fin de mois + 45 jours” says the method itself: one reading, end of month first", () => {
    const r = parsePaymentTermText("Fin de mois + 45 jours");
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]?.method).toBe("eom-then-days");
    expect(r.question).toBeUndefined();
  });

  test("“à réception de facture” and “comptant” are due on the invoice date", () => {
    expect(terms("à réception de facture")).toEqual([{ kind: "on-invoice" }]);
    expect(terms("A RECEPTION DE LA FACTURE")).toEqual([{ kind: "on-invoice" }]);
    expect(terms("comptant")).toEqual([{ kind: "on-invoice" }]);
    expect(terms("Paiement comptant.")).toEqual([{ kind: "on-invoice" }]);
    expect(parsePaymentTermText("comptant").candidates[0]?.understood.fr).toBe("à réception de la facture");
  });

  test("“60 jours date de facture” and its variants are days from the invoice date", () => {
    expect(terms("60 jours date de facture")).toEqual([{ kind: "days", days: 60 }]);
    expect(terms("à 30 jours")).toEqual([{ kind: "days", days: 30 }]);
    expect(terms("30 jours nets")).toEqual([{ kind: "days", days: 30 }]);
    expect(terms("45 jours à compter de la date d'émission de la facture")).toEqual([
      { kind: "days", days: 45 },
    ]);
    expect(terms("net 30")).toEqual([{ kind: "days", days: 30 }]);
    expect(parsePaymentTermText("60 jours date de facture").candidates[0]?.understood.en).toBe(
      "60 days from the invoice date",
    );
  });

  test("a ceiling “(jamais au-delà de 45 jours fin de mois)” is kept, as Digitalli 8.2 writes it", () => {
    expect(terms("30 jours fin de mois (jamais au-delà de 45 jours fin de mois)")).toEqual([
      { kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 },
      { kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 },
    ]);
    // A ceiling on a term that is not "fin de mois" means nothing: not understood.
    expect(terms("30 jours (jamais au-delà de 45 jours fin de mois)")).toEqual([]);
  });

  test("“le 5 du mois suivant” is a day of the next month", () => {
    expect(terms("le 5 du mois suivant")).toEqual([{ kind: "day-of-month", day: 5, monthsAfter: 1 }]);
    expect(terms("le 10 du mois suivant la facture")).toEqual([
      { kind: "day-of-month", day: 10, monthsAfter: 1 },
    ]);
    expect(terms("le 10 du 2e mois suivant la facture")).toEqual([
      { kind: "day-of-month", day: 10, monthsAfter: 2 },
    ]);
  });

  test("every payment term reads back from the engine's own wording, in French and in English", () => {
    const samples: PaymentTerm[] = [
      { kind: "on-invoice" },
      { kind: "days", days: 45 },
      { kind: "days-end-of-month", days: 45, dayOfMonth: 10 },
      { kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 },
      { kind: "day-of-month", day: 5, monthsAfter: 1 },
      { kind: "day-of-month", day: 10, monthsAfter: 2 },
    ];
    for (const term of samples)
      for (const lang of ["fr", "en"] as const)
        expect([lang, terms(describePaymentTerm(term)[lang])[0]]).toEqual([lang, term]);
  });

  test("text that is not a payment term gets no reading and a question with examples", () => {
    const r = parsePaymentTermText("quand le client le voudra");
    expect(r.candidates).toEqual([]);
    expect(r.question?.fr).toMatch(/non compris/);
    expect(terms("le 45 du mois suivant")).toEqual([]);
    expect(terms("9999 jours")).toEqual([]);
    expect(terms("<script>alert(1)</script>")).toEqual([]);
  });
});

describe("legal limits between professionals (Code de commerce L441-10): warnings, never refusals", () => {
  const flagIds = (term: PaymentTerm) => checkPaymentTerm(term).map((f) => f.id);

  test("60 days from the invoice date is the maximum: 61 days is flagged with L441-10 I", () => {
    expect(flagIds({ kind: "days", days: 60 })).toEqual([]);
    const flags = checkPaymentTerm({ kind: "days", days: 61 });
    expect(flags.map((f) => f.id)).toEqual(["term-beyond-legal-maximum"]);
    expect(flags[0]?.article).toEqual([{ document: "Code de commerce", article: "L441-10 I" }]);
    expect(flags[0]?.severity).toBe("warning");
  });

  test("45 days end of month is the other maximum: 46 days end of month is flagged", () => {
    expect(flagIds({ kind: "days-end-of-month", days: 45 })).toEqual([]);
    expect(checkPaymentTerm({ kind: "days-end-of-month", days: 45 }, "eom-then-days")).toEqual([]);
    expect(flagIds({ kind: "days-end-of-month", days: 46 })).toEqual(["term-beyond-legal-maximum"]);
  });

  test("“45 jours fin de mois le 10” can fall after both limits and is flagged", () => {
    // Invoice 1 Jan 2027: + 45 = 15 Feb → end of Feb 28 Feb → next 10th = 10 Mar.
    // Limits: 1 Jan + 60 = 2 Mar; 45 days end of month = 28 Feb. 10 Mar is after both.
    const flags = checkPaymentTerm({ kind: "days-end-of-month", days: 45, dayOfMonth: 10 });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.text.fr).toContain(
      "une facture du 01/01/2027 échoit le 10/03/2027, après le 02/03/2027",
    );
  });

  test("every shipped vendor's payment terms are within the legal maximum", () => {
    for (const v of SHIPPED_VENDORS)
      for (const k of v.invoiceKinds) expect([v.id, k.id, flagIds(k.term)]).toEqual([v.id, k.id, []]);
  });

  const rule = (over: Partial<LatePaymentRule>): LatePaymentRule => ({
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [] },
    clause: [],
    ...over,
  });

  test("a fixed rate below 3 × the legal rate of the half-year is flagged with the figures", () => {
    // 2025-H1 legal rate (professionals) 3.71 % → floor 11.13 %. 10 % is below; 12 % is not.
    const asOf = iso("2025-03-01");
    const low = checkLatePayment(
      rule({ rate: { kind: "fixed", annualPercent: "10" } }),
      DEFAULT_RATE_TABLE,
      asOf,
    );
    expect(low.map((f) => f.id)).toEqual(["rate-below-statutory-floor"]);
    expect(low[0]?.text.en).toContain(
      "(10 % in 2025-H1) is below 3 × the legal interest rate (11.13 % in 2025-H1",
    );
    expect(low[0]?.text.fr).toContain(
      "(10 % au 1er semestre 2025) est inférieur à 3 fois le taux d'intérêt légal (11,13 % au 1er semestre 2025",
    );
    expect(low[0]?.article).toEqual([{ document: "Code de commerce", article: "L441-10 II" }]);
    expect(
      checkLatePayment(rule({ rate: { kind: "fixed", annualPercent: "12" } }), DEFAULT_RATE_TABLE, asOf),
    ).toEqual([]);
  });

  test("a multiple of the legal rate below 3 is flagged; 3 × is not", () => {
    const asOf = iso("2025-03-01");
    expect(checkLatePayment(rule({}), DEFAULT_RATE_TABLE, asOf)).toEqual([]);
    expect(
      checkLatePayment(rule({ rate: { kind: "legal-multiple", factor: 2 } }), DEFAULT_RATE_TABLE, asOf).map(
        (f) => f.id,
      ),
    ).toEqual(["rate-below-statutory-floor"]);
  });

  test("BCE + 10 points restated (no floor) is the statutory default and is not flagged, even in 2024", () => {
    // 2024-H1: BCE 4.50 + 10 = 14.50 % < 3 × 5.07 = 15.21 %, but the default itself is not floored.
    const asOf = iso("2024-03-01");
    expect(
      checkLatePayment(
        rule({ rate: { kind: "ecb-plus", points: "10" }, floor: "none" }),
        DEFAULT_RATE_TABLE,
        asOf,
      ),
    ).toEqual([]);
    // BCE + 5 points is a contractual rate: 4.50 + 5 = 9.50 % < 15.21 % → flagged.
    expect(
      checkLatePayment(rule({ rate: { kind: "ecb-plus", points: "5" } }), DEFAULT_RATE_TABLE, asOf).map(
        (f) => f.id,
      ),
    ).toEqual(["rate-below-statutory-floor"]);
  });

  test("a half-year past the rate table is checked against the last known legal rate", () => {
    // Last known 2026-H1: 2.62 % → floor 7.86 %. 7 % is below it.
    const flags = checkLatePayment(
      rule({ rate: { kind: "fixed", annualPercent: "7" } }),
      buildRateTable(),
      iso("2030-01-15"),
    );
    expect(flags[0]?.text.en).toContain("7.86 % in 2026-H1");
  });

  test("no 40 € fee, or a smaller one, is flagged with D441-5", () => {
    const none = checkLatePayment(
      rule({ recoveryFee: { amount: "0", justifiedCostsAbove: false, clause: [] } }),
      DEFAULT_RATE_TABLE,
      iso("2025-03-01"),
    );
    expect(none.map((f) => f.id)).toEqual(["recovery-fee-below-40"]);
    expect(none[0]?.article.map((a) => a.article)).toEqual(["L441-10 II", "D441-5"]);
    expect(none[0]?.text.fr).toMatch(/^Pas d'indemnité forfaitaire de 40 €/);
    const small = checkLatePayment(
      rule({ recoveryFee: { amount: "15", justifiedCostsAbove: false, clause: [] } }),
      DEFAULT_RATE_TABLE,
      iso("2025-03-01"),
    );
    expect(small[0]?.text.en).toContain("15 € is below the fixed 40 €");
  });

  test("of the shipped vendors only Xiahdeh's 10 % a year is flagged, and a consumer-only profile is not checked", () => {
    // Xiahdeh 16.4: 10 % a year < 3 × 3.71 % = 11.13 % in 2025-H1 (docs/terms.md#xiahdehs-penalty-clause: floored per half-year).
    const flagged = SHIPPED_VENDORS.map((v) => [
      v.id,
      checkProfileLegal(v, DEFAULT_RATE_TABLE, iso("2025-03-01")).map((f) => f.id),
    ]);
    expect(flagged).toEqual([
      ["omi", []],
      ["sillage", []],
      ["xiahdeh", ["rate-below-statutory-floor"]],
      ["injenius", []],
      ["digitalli", []],
    ]);
    const omi = SHIPPED_VENDORS[0]!;
    const consumerOnly = {
      ...omi,
      clients: ["consumer" as const],
      invoiceKinds: [{ ...omi.invoiceKinds[0]!, term: { kind: "days" as const, days: 90 } }],
    };
    expect(checkProfileLegal(consumerOnly, DEFAULT_RATE_TABLE, iso("2025-03-01"))).toEqual([]);
    expect(
      checkProfileLegal({ ...consumerOnly, clients: ["pro"] }, DEFAULT_RATE_TABLE, iso("2025-03-01")).map(
        (f) => [f.id, f.invoiceKind],
      ),
    ).toEqual([["term-beyond-legal-maximum", omi.invoiceKinds[0]!.id]]);
  });
});
