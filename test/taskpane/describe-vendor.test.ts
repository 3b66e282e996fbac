import { SHIPPED_REGISTRY, type VendorProfile } from "../../src/engine";
import { describePaymentTerm } from "../../src/engine";
import {
  describeVendor,
  termsHeadline,
  usesEndOfMonth,
} from "../../src/taskpane/components/VendorSummary/describe-vendor";

const vendor = (id: string): VendorProfile => {
  const p = SHIPPED_REGISTRY.get(id);
  if (!p) throw new Error(id);
  return p;
};

describe("vendor summary shown in the pane", () => {
  test("Digitalli's balance reads as 30 days end of month capped at 45, citing 8.1(b) and 8.2", () => {
    // docs/terms.md#payment-due-dates-per-invoice-kind: digitalli balance = 30 days end of month, never beyond 45 days end of month (8.1(b), 8.2).
    const balance = describeVendor(vendor("digitalli"), "fr").paymentTerms.find((l) => l.id === "balance");
    expect(balance).toMatchObject({
      label: "Solde (70 %)",
      text: "30 jours fin de mois (jamais au-delà de 45 jours fin de mois)",
      cites: ["Digitalli CGV art. 8.1(b)", "Digitalli CGV art. 8.2"],
      isDefault: true,
    });
    expect(usesEndOfMonth(vendor("digitalli"))).toBe(true);
    expect(usesEndOfMonth(vendor("omi"))).toBe(false);
  });

  test("Sillage's monthly subscription invoice states no term: the legal 30 days, citing L441-10 I too", () => {
    const line = describeVendor(vendor("sillage"), "fr").paymentTerms.find((l) => l.id === "subscription");
    expect(line?.text).toBe("aucun délai stipulé : délai légal de 30 jours");
    expect(line?.cites).toContain("Code de commerce art. L441-10 I");
  });

  test("Injenius subscription invoices are debited on the 5th of the next month (art. 11)", () => {
    const text = describePaymentTerm({ kind: "day-of-month", day: 5, monthsAfter: 1 });
    expect(text.fr).toBe("le 5 du mois suivant la facture");
    expect(text.en).toBe("on the 5th of the month after the invoice");
  });

  test("Injenius lists its three plans with fees, the monthly commitment as default", () => {
    const subs = describeVendor(vendor("injenius"), "fr").subscriptions;
    expect(subs.map((l) => l.id)).toEqual(["no-commitment", "commitment-monthly", "commitment-annual"]);
    const monthly = subs.find((l) => l.id === "commitment-monthly");
    expect(monthly?.isDefault).toBe(true);
    // 12-month commitment renewed by 12-month periods, ends at the end of the calendar month, 59 € HT (art. 4, 11, 16).
    expect(monthly?.text).toContain("Périodes de 12 mois reconduites tacitement");
    expect(monthly?.text).toContain("fin à la fin du mois civil");
    expect(monthly?.text).toContain("59 € HT/mois");
  });

  test("Xiahdeh has no renewal: a single not-applicable line citing art. 13.3, and the flat option described", () => {
    const s = describeVendor(vendor("xiahdeh"), "en");
    expect(s.subscriptions).toHaveLength(1);
    expect(s.subscriptions[0]?.cites).toEqual(["Xiahdeh CGV art. 13.3"]);
    expect(s.latePayment.map((l) => l.label)).toContain('Option "flat"');
    // 10 % a year floored at 3 × the legal rate for professionals (16.4).
    expect(s.latePayment[0]?.text).toBe(
      "Interest at 10 % a year on the invoice amount, never below 3 × the legal rate between professionals, per day late.",
    );
  });

  test("invoice-kind and plan ids are kept out of the labels users read (« Solde de conseil », not « … (consulting) »)", () => {
    for (const p of [vendor("sillage"), vendor("injenius"), vendor("digitalli")]) {
      const s = describeVendor(p, "fr");
      for (const line of [...s.paymentTerms, ...s.subscriptions, ...s.interpretations, ...s.contradictions]) {
        if (line.id !== undefined) expect(line.label).not.toContain(`(${line.id})`);
        // No label is an id (lowercase words joined by dashes).
        expect(line.label).not.toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      }
    }
    const sillage = describeVendor(vendor("sillage"), "fr").paymentTerms[0];
    expect(sillage).toMatchObject({ label: "Solde de conseil", id: "consulting" });
  });

  test("OMI's module-addition rule is shown under renewal (6.2, 7.2)", () => {
    const add = describeVendor(vendor("omi"), "fr").subscriptions.find((l) => l.label === "Ajout de module");
    expect(add?.text).toContain("dans les 3 mois précédant le renouvellement");
    expect(add?.cites).toEqual(["OMI CGA art. 6.2", "OMI CGA art. 7.2"]);
  });

  test("the folded terms read in one line: the default kind's payment term, then the interest", () => {
    // Sillage's default kind is the consulting balance, 15 days from the invoice date (7.2.1); late
    // interest is 3 × the legal rate (7.4).
    expect(termsHeadline(vendor("sillage"), "fr")).toBe(
      "Solde de conseil : 15 jours date de facture ; Intérêts : 3 fois le taux d'intérêt légal",
    );
    expect(termsHeadline(vendor("sillage"), "en")).toBe(
      "Balance of consulting: 15 days from the invoice date; Interest: 3 × the legal interest rate",
    );
    // Xiahdeh: the go-live invoice at 30 days (16.3.1), 10 % a year (16.4).
    expect(termsHeadline(vendor("xiahdeh"), "fr")).toBe(
      "Solde d'un projet de site (facture de mise en ligne) : 30 jours date de facture ; Intérêts : 10 % l'an",
    );
  });
});
