import {
  clauseAmount,
  deadline,
  dueDate,
  endDate,
  formatCitation,
  iso,
  lateInterest,
  latePayment,
  penaltyRate,
  renderExplanation,
  renewalDate,
  Trace,
} from "../../src/engine";
import { dec, lateInput, sub, vendor } from "./helpers";

/** The French text with its citations (« [OMI CGA art. 6.3] ») and quoted identifiers left out. */
const prose = (fr: string): string => fr.replace(/\[[^\]]*\]/g, "").replace(/«[^»]*»/g, "");

function traced<T>(fn: (trace: Trace) => T): { trace: Trace; result: T; en: string; fr: string } {
  const trace = new Trace();
  const result = fn(trace);
  return { trace, result, en: renderExplanation(trace, "en"), fr: renderExplanation(trace, "fr") };
}

const citations = (trace: Trace): string[] => trace.steps.flatMap((s) => s.cite.map(formatCitation));

describe("due date explanations", () => {
  test("the end-of-month method is named, with the clause, in both languages", () => {
    const { profile, settings } = vendor("digitalli");
    const { en, fr, trace } = traced((t) => dueDate(profile, iso("2025-02-15"), undefined, settings, t));
    expect(en).toContain(
      '30 days end of month, computed as invoice date + 30 days, then end of that month (method "days-then-eom"',
    );
    expect(fr).toContain(
      "30 jours fin de mois, calculés ainsi : date de facture + 30 jours, puis fin de ce mois",
    );
    expect(en).toContain(
      "Never beyond 45 days end of month (2025-04-30): the ceiling does not move this date.",
    );
    expect(citations(trace)).toEqual(
      expect.arrayContaining([
        "Digitalli CGV art. 8.1(b)",
        "Digitalli CGV art. 8.2",
        "Code de commerce art. L441-10 I",
      ]),
    );
  });

  test("the other method shows as the option chosen", () => {
    const { profile, settings } = vendor("digitalli+eom-then-days");
    const { en } = traced((t) => dueDate(profile, iso("2025-02-15"), undefined, settings, t));
    expect(en).toContain('end of the invoice month, then + 30 days (method "eom-then-days"');
  });

  test("the legal default says it counts from the invoice date as a proxy and cites L441-10 I", () => {
    const { profile, settings } = vendor("sillage");
    const { en, trace } = traced((t) => dueDate(profile, iso("2025-02-10"), "subscription", settings, t));
    expect(en).toContain(
      "legal default of 30 days, counted from the invoice date as a proxy for the date of performance: 2025-03-12",
    );
    expect(citations(trace)).toContain("Code de commerce art. L441-10 I");
  });

  test("the rendered text numbers the steps and lists each step's citations in brackets", () => {
    const { profile, settings } = vendor("omi");
    const { en } = traced((t) => dueDate(profile, iso("2025-03-10"), undefined, settings, t));
    expect(en.split("\n")[0]).toBe(
      '1. Invoice kind "invoice" (Invoice) of OMI, invoice dated 2025-03-10. [OMI CGA art. 6.3]',
    );
    expect(en).toContain("2. 30 calendar days after the invoice date: 2025-04-09. [OMI CGA art. 6.3]");
  });
});

describe("late payment explanations", () => {
  test("rate segments are listed per half-year with their days, rates and floor", () => {
    // Digitalli, 8000 € due 15 Jun 2024 paid 15 Jul 2024: 15 days at 15.21 % and 15 days at 14.76 %, floor binding both.
    const { profile, settings } = vendor("digitalli");
    const { trace } = traced((t) =>
      lateInterest(profile, lateInput(8000, "2024-06-15", "2024-07-15"), settings, t),
    );
    expect(
      trace.segments.map((s) => [
        s.halfYear,
        s.days,
        s.contractualRate.toString(),
        s.floorRate?.toString(),
        s.appliedRate.toString(),
        s.floorBound,
      ]),
    ).toEqual([
      ["2024-H1", 15, "0.145", "0.1521", "0.1521", true],
      ["2024-H2", 15, "0.1425", "0.1476", "0.1476", true],
    ]);
    // The exact segment interests: 8000 × 0.1521 × 15 / 365 = 50.0055, 8000 × 0.1476 × 15 / 365 = 48.5260.
    expect(trace.segments.map((s) => s.interest.toFixed(4))).toEqual(["50.0055", "48.5260"]);
  });

  test("a binding floor is flagged in the text, in English and in French", () => {
    const { profile, settings } = vendor("digitalli");
    const { en, fr } = traced((t) =>
      lateInterest(profile, lateInput(8000, "2024-06-15", "2024-07-15"), settings, t),
    );
    expect(en).toContain(
      "2024-H1: contractual rate 14.5 %; floor 3 × legal rate = 15.21 %; applied 15.21 % (the floor binds).",
    );
    // French text names the half-year in words and writes rates with a decimal comma.
    expect(fr).toContain(
      "1er semestre 2024 : taux contractuel 14,5 % ; plancher 3 × taux légal = 15,21 % ; taux appliqué 15,21 % (le plancher s'applique).",
    );
    expect(en).toContain("The contract itself sets a floor of 3 × the legal interest rate.");
  });

  test("the statutory default is explained as not floored (injenius)", () => {
    const { profile, settings } = vendor("injenius");
    const { en, trace } = traced((t) =>
      lateInterest(profile, lateInput(8000, "2024-06-15", "2024-07-15"), settings, t),
    );
    expect(en).toContain(
      "This restates the statutory default rate (ECB + 10 points), which the 3 × legal rate floor does not limit.",
    );
    expect(trace.segments.every((s) => s.floorRate === undefined && !s.floorBound)).toBe(true);
  });

  test("every late-payment step that states a rule cites its clause or the law", () => {
    const { profile, settings } = vendor("omi");
    const { trace } = traced((t) =>
      latePayment(profile, lateInput(2500, "2025-01-31", "2025-03-02"), settings, t),
    );
    const cited = trace.steps.filter((s) => s.cite.length > 0).length;
    // Only the rounding and total lines are arithmetic without a clause.
    expect(trace.steps.length - cited).toBe(2);
    expect(citations(trace)).toEqual(
      expect.arrayContaining([
        "OMI CGA art. 6.3",
        "Code de commerce art. L441-10 II",
        "Code de commerce art. D441-5",
      ]),
    );
    expect(renderExplanation(trace, "en")).toContain("Total: 22.87 + 40.00 = 62.87 €.");
  });

  test("a consumer client's explanation says the floor and the fee do not apply", () => {
    const { profile, settings } = vendor("xiahdeh");
    const { en, fr } = traced((t) =>
      latePayment(profile, lateInput(1000, "2024-03-01", "2024-03-31", { client: "consumer" }), settings, t),
    );
    expect(en).toContain("Consumer client: the statutory floor between professionals does not apply.");
    expect(en).toContain("Consumer client: the 40 € recovery fee applies between professionals only.");
    expect(fr).toContain("Client consommateur");
  });

  test("justified costs replacing the fee are explained", () => {
    const { profile, settings } = vendor("omi");
    const { en } = traced((t) =>
      latePayment(profile, lateInput(2500, "2025-01-31", "2025-03-02", { recoveryCosts: 55 }), settings, t),
    );
    expect(en).toContain("Justified recovery costs of 55.00 € exceed the 40.00 € fee and replace it.");
  });
});

describe("interpretation notes appear in the explanation of results computed under an ambiguous clause", () => {
  test("xiahdeh late interest carries the 16.4 reading and names the flat option", () => {
    const { profile, settings } = vendor("xiahdeh");
    const { trace, en, fr } = traced((t) =>
      lateInterest(profile, lateInput(1000, "2025-09-30", "2025-10-30"), settings, t),
    );
    expect(trace.interpretations.map((n) => n.id)).toEqual(["xiahdeh-penalty-rate"]);
    expect(en).toContain("Interpretation (xiahdeh-penalty-rate): ");
    expect(en).toContain('Other reading: Option "flat" (vendor "xiahdeh+flat")');
    expect(fr).toContain("Interprétation (xiahdeh-penalty-rate) : ");
    expect(fr).toContain("Autre lecture");
  });

  test("the flat reading itself is explained with both amounts", () => {
    const { profile, settings } = vendor("xiahdeh+flat");
    const { en } = traced((t) =>
      lateInterest(profile, lateInput(1000, "2025-09-30", "2025-10-30"), settings, t),
    );
    expect(en).toContain(
      'Reading "flat": a one-off 10 % of the invoice amount (100.00 €), never less than the statutory minimum interest over the same days (6.81 €).',
    );
  });

  test("injenius and digitalli rates carry their readings; the penalty rate alone does too", () => {
    const inj = vendor("injenius");
    const a = traced((t) =>
      lateInterest(inj.profile, lateInput(8000, "2024-06-15", "2024-07-15"), inj.settings, t),
    );
    expect(a.trace.interpretations.map((n) => n.id)).toEqual([
      "injenius-penalty-rate",
      "injenius-penalty-start",
    ]);
    const dig = vendor("digitalli");
    const b = traced((t) => penaltyRate(dig.profile, iso("2024-03-01"), "pro", dig.settings, t));
    expect(b.trace.interpretations.map((n) => n.id)).toEqual(["digitalli-floor"]);
    const sil = vendor("sillage");
    const c = traced((t) =>
      lateInterest(sil.profile, lateInput(100, "2025-03-01", "2025-03-31"), sil.settings, t),
    );
    expect(c.trace.interpretations.map((n) => n.id)).toEqual(["sillage-penalty-rate"]);
  });

  test("an omi renewal moved by an addition carries the inclusive-window reading", () => {
    const { profile } = vendor("omi");
    const { trace, en } = traced((t) =>
      renewalDate(profile, sub("2023-09-01", undefined, "2025-06-01"), iso("2025-06-02"), t),
    );
    expect(trace.interpretations.map((n) => n.id)).toEqual(["omi-addition-window"]);
    expect(en).toContain("Product added on 2025-06-01, within the 3 months before the 2025-09-01 renewal");
  });

  test("a computation under no ambiguous clause carries no interpretation note", () => {
    const { profile, settings } = vendor("omi");
    const { trace } = traced((t) => dueDate(profile, iso("2025-03-10"), undefined, settings, t));
    expect(trace.interpretations).toEqual([]);
  });

  test("the sillage training deadline says exactly 7 jours ouvrés is read as free", () => {
    const { profile, settings } = vendor("sillage");
    const { en } = traced((t) =>
      deadline(profile, "training-free-cancellation", iso("2025-05-12"), settings, t),
    );
    expect(en).toContain("Exactly 7 jours ouvrés before is read as free (client-favourable).");
  });
});

describe("deadline, subscription and amount explanations", () => {
  test("working-day deadlines list the holiday calendar and the holidays skipped", () => {
    const { profile, settings } = vendor("sillage+alsace-moselle");
    const { en, fr } = traced((t) =>
      deadline(profile, "acceptance-anomalies", iso("2025-12-19"), settings, t),
    );
    expect(en).toContain(
      "Public holiday calendar \"alsace-moselle\"; holidays skipped: 2025-12-25 (Christmas Day), 2025-12-26 (St Stephen's Day), 2026-01-01 (New Year's Day).",
    );
    expect(fr).toContain("jours fériés sautés");
  });

  test("an extended consumer withdrawal period says why and cites the consumer code", () => {
    const { profile, settings } = vendor("injenius");
    const { en, trace } = traced((t) =>
      deadline(profile, "consumer-withdrawal", iso("2025-04-07"), settings, t),
    );
    expect(en).toContain(
      "2025-04-21 is a Saturday, Sunday or public holiday: extended to the next working day, 2025-04-22.",
    );
    expect(citations(trace)).toContain("Code de la consommation art. L221-19");
  });

  test("a sillage end date explains which renewal the notice stops", () => {
    const { profile } = vendor("sillage");
    const { en } = traced((t) => endDate(profile, sub("2025-05-31"), iso("2026-05-20"), t));
    expect(en).toContain(
      "received on 2026-05-20, it stops the 2026-06-30 renewal, the first on or after 2026-06-20.",
    );
    expect(en).toContain("Bound and billed up to the day before that renewal: 2026-06-29.");
  });

  test("an amount clause shows its tranche count and percentage", () => {
    const { profile } = vendor("xiahdeh");
    const { en } = traced((t) =>
      clauseAmount(
        profile,
        "content-late-surcharge",
        dec(8000),
        { from: iso("2025-01-15"), to: iso("2025-07-15") },
        t,
      ),
    );
    expect(en).toContain(
      "2 completed 3-month period(s); 2 × 5 % = 10 % of the final invoice: 800.00. [Xiahdeh CGV art. 6.3]",
    );
  });

  test("annex citations are not prefixed with art.", () => {
    expect(formatCitation({ document: "Injenius CG SaaS", article: "Annexe 3" })).toBe(
      "Injenius CG SaaS Annexe 3",
    );
  });
});

describe("explanations in French are written as a French accountant writes", () => {
  test("dates are dd/mm/yyyy and the vendor's name is elided: « d'OMI, datée du 10/03/2025 »", () => {
    const { profile, settings } = vendor("omi");
    const { fr } = traced((t) => dueDate(profile, iso("2025-03-10"), undefined, settings, t));
    expect(fr.split("\n")[0]).toBe(
      "1. Facture de type « Facture » d'OMI, datée du 10/03/2025. [OMI CGA art. 6.3]",
    );
    expect(fr).toContain("2. 30 jours calendaires après la date de facture : 09/04/2025. [OMI CGA art. 6.3]");
  });

  test("rates use a decimal comma and amounts are written « 62,87 € »: omi, 2 500 € 30 days late in 2025-H1", () => {
    // 3 × 3.71 % = 11.13 %; 2500 × 0.1113 × 30 / 365 = 22.869863 → 22.87; + 40 € = 62.87 €.
    const { profile, settings } = vendor("omi");
    const { fr } = traced((t) =>
      latePayment(profile, lateInput(2500, "2025-01-31", "2025-03-02"), settings, t),
    );
    expect(fr).toContain("Taux des pénalités de retard d'OMI : 3 fois le taux d'intérêt légal");
    expect(fr).toContain("1er semestre 2025 : taux contractuel 11,13 % ;");
    expect(fr).toContain("Jours de retard : du lendemain de l'échéance du 31/01/2025 au 02/03/2025 : 30.");
    expect(fr).toContain("= 22,869863 € avant arrondi");
    expect(fr).toContain("Arrondi une seule fois au centime, au plus proche : 22,87 €.");
    expect(fr).toContain("Indemnité forfaitaire pour frais de recouvrement : 40,00 €");
    expect(fr).toContain("Total : 22,87 + 40,00 = 62,87 €.");
  });

  test("amounts of a thousand euros and more group their digits with a narrow no-break space", () => {
    // Justified costs of 1 234.56 € exceed the 40 € fee and replace it (OMI, L441-10 II).
    const { profile, settings } = vendor("omi");
    const { fr, en } = traced((t) =>
      latePayment(
        profile,
        lateInput(2500, "2025-01-31", "2025-03-02", { recoveryCosts: 1234.56 }),
        settings,
        t,
      ),
    );
    expect(fr).toContain(
      "Les frais de recouvrement justifiés de 1\u202f234,56 € dépassent l'indemnité de 40,00 €",
    );
    // 22.87 + 1 234.56 = 1 257.43.
    expect(fr).toContain("Total : 22,87 + 1\u202f234,56 = 1\u202f257,43 €.");
    // English keeps dots and ISO dates.
    expect(en).toContain("Total: 22.87 + 1234.56 = 1257.43 €.");
    expect(en).toContain("from the day after the due date 2025-01-31 to 2025-03-02: 30.");
  });

  test("Injenius is elided too, and a subscription's dates are French", () => {
    const inj = vendor("injenius");
    const a = traced((t) =>
      lateInterest(inj.profile, lateInput(8000, "2024-06-15", "2024-07-15"), inj.settings, t),
    );
    expect(a.fr).toContain("Taux des pénalités de retard d'Injenius :");
    const { profile } = vendor("omi");
    const b = traced((t) =>
      renewalDate(profile, sub("2023-09-01", undefined, "2025-06-01"), iso("2025-06-02"), t),
    );
    expect(b.fr).toContain(
      "Produit ajouté le 01/06/2025, dans les 3 mois précédant le renouvellement du 01/09/2025",
    );
  });

  test("no French explanation shows an ISO date or a decimal point outside its citations", () => {
    const omi = vendor("omi");
    const dig = vendor("digitalli");
    const xia = vendor("xiahdeh+flat");
    const sil = vendor("sillage+alsace-moselle");
    const inj = vendor("injenius");
    const texts = [
      traced((t) => dueDate(dig.profile, iso("2025-02-15"), undefined, dig.settings, t)).fr,
      traced((t) => latePayment(omi.profile, lateInput(2500, "2025-01-31", "2025-03-02"), omi.settings, t))
        .fr,
      traced((t) => lateInterest(dig.profile, lateInput(8000, "2024-06-15", "2024-07-15"), dig.settings, t))
        .fr,
      traced((t) => lateInterest(xia.profile, lateInput(1000, "2025-09-30", "2025-10-30"), xia.settings, t))
        .fr,
      traced((t) => penaltyRate(dig.profile, iso("2024-03-01"), "pro", dig.settings, t)).fr,
      traced((t) => deadline(sil.profile, "acceptance-anomalies", iso("2025-12-19"), sil.settings, t)).fr,
      traced((t) => deadline(inj.profile, "consumer-withdrawal", iso("2025-04-07"), inj.settings, t)).fr,
      traced((t) => endDate(vendor("sillage").profile, sub("2025-05-31"), iso("2026-05-20"), t)).fr,
      traced((t) =>
        clauseAmount(
          vendor("xiahdeh").profile,
          "content-late-surcharge",
          dec(8000),
          { from: iso("2025-01-15"), to: iso("2025-07-15") },
          t,
        ),
      ).fr,
    ];
    for (const fr of texts) {
      expect(fr.length).toBeGreaterThan(0);
      expect(prose(fr)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(prose(fr)).not.toMatch(/\d\.\d/);
      expect(prose(fr)).not.toMatch(/\bde [AEIOU]/);
    }
    // Holidays skipped are named in French, with French dates.
    expect(texts[5]).toContain("jours fériés sautés : 25/12/2025 (Noël)");
  });
});
