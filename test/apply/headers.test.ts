import { checkMapping, normalizeHeader, recognizeHeaders } from "../../src/apply";

describe("header recognition", () => {
  it("reads a French invoice register whatever the accents, case and spacing", () => {
    const rec = recognizeHeaders([
      "N° facture",
      "CLIENT",
      "date de la facture",
      " Montant  TTC ",
      "Date d'echeance",
      "Payé le",
      "Montant payé",
      "Observations",
    ]);
    expect(rec.mode).toBe("invoices");
    expect(rec.mapping).toEqual({
      reference: 0,
      client: 1,
      invoiceDate: 2,
      amount: 3,
      dueDate: 4,
      paidDate: 5,
      amountPaid: 6,
    });
    expect(rec.unrecognized).toEqual([{ index: 7, header: "Observations" }]);
    expect(rec.problems).toEqual([]);
  });

  it("reads an English invoice register", () => {
    const rec = recognizeHeaders([
      "Invoice number",
      "Customer",
      "Invoice date",
      "Amount",
      "Due date",
      "Paid date",
      "Amount paid",
      "Invoice kind",
      "Client type",
      "Recovery costs",
      "Vendor",
    ]);
    expect(rec.mode).toBe("invoices");
    expect(rec.mapping).toEqual({
      reference: 0,
      client: 1,
      invoiceDate: 2,
      amount: 3,
      dueDate: 4,
      paidDate: 5,
      amountPaid: 6,
      invoiceKind: 7,
      clientType: 8,
      recoveryCosts: 9,
      vendor: 10,
    });
  });

  it("tells a subscription register by its start date and plan columns", () => {
    const rec = recognizeHeaders([
      "Réf",
      "Client",
      "Date de début",
      "Formule",
      "Dernier ajout de module",
      "Date de préavis",
      "Mensualité",
    ]);
    expect(rec.mode).toBe("subscriptions");
    expect(rec.mapping).toEqual({
      reference: 0,
      client: 1,
      startDate: 2,
      plan: 3,
      lastAddition: 4,
      noticeDate: 5,
      monthlyFee: 6,
    });
    expect(recognizeHeaders(["Start date", "Plan"]).mode).toBe("subscriptions");
    expect(recognizeHeaders(["Client", "Abonnement", "Début"]).mapping).toEqual({
      client: 0,
      plan: 1,
      startDate: 2,
    });
  });

  it("ignores accents, case, apostrophes and small words when comparing", () => {
    expect(normalizeHeader("Date d'Échéance")).toBe(normalizeHeader("date echeance"));
    expect(normalizeHeader("DATE DE LA FACTURE")).toBe(normalizeHeader("Date facture"));
    expect(normalizeHeader("N° facture")).toBe(normalizeHeader("No facture"));
  });

  it("reports two columns for one field and uses the first", () => {
    const rec = recognizeHeaders(["Date facture", "Montant TTC", "Montant"]);
    expect(rec.mapping.amount).toBe(1);
    const dup = rec.problems.find((p) => p.kind === "duplicate");
    expect(dup?.field).toBe("amount");
    expect(dup?.columns).toEqual([1, 2]);
    expect(dup?.message.fr).toContain("« Montant TTC »");
  });

  it("prefers the amount including VAT over a 'Montant HT' column without calling it a conflict", () => {
    const rec = recognizeHeaders(["Date facture", "Montant HT", "Montant TTC"]);
    expect(rec.mapping.amount).toBe(2);
    expect(rec.problems).toEqual([]);
    expect(rec.unrecognized).toEqual([{ index: 1, header: "Montant HT" }]);
  });

  it("reports a missing amount in an invoice register", () => {
    const rec = recognizeHeaders(["N° facture", "Date facture", "Payé le"]);
    expect(rec.mode).toBe("invoices");
    expect(rec.problems.map((p) => [p.kind, p.field])).toEqual([["missing", "amount"]]);
  });

  it("says when the headers fit neither mode", () => {
    const rec = recognizeHeaders(["Nom", "Ville", "Téléphone"]);
    expect(rec.mode).toBeUndefined();
    expect(rec.problems.map((p) => p.kind)).toEqual(["mode-unknown"]);
    expect(rec.unrecognized).toHaveLength(3);
  });

  it("recognises the columns an earlier application wrote", () => {
    const rec = recognizeHeaders(["Date facture", "Montant", "Échéance (CGV)", "Total pénalités", "Statut"]);
    expect(rec.previousOutputs).toEqual([2, 3, 4]);
    expect(rec.mapping).toEqual({ invoiceDate: 0, amount: 1 });
  });

  it("leaves subscription-only columns aside in an invoice register when the mode is forced", () => {
    const rec = recognizeHeaders(["Date facture", "Montant", "Formule"], { mode: "invoices" });
    expect(rec.mapping).toEqual({ invoiceDate: 0, amount: 1 });
    expect(rec.unrecognized).toEqual([{ index: 2, header: "Formule" }]);
  });

  it("checks an edited mapping: required fields, shared and out-of-range columns", () => {
    expect(checkMapping({ amount: 0, dueDate: 1 }, "invoices", 2)).toEqual([]);
    const problems = checkMapping({ amount: 0, invoiceDate: 0, paidDate: 9 }, "invoices", 3);
    expect(problems.map((p) => p.kind).sort()).toEqual(["duplicate", "out-of-range"]);
    expect(checkMapping({ plan: 0 }, "subscriptions").map((p) => p.field)).toEqual(["startDate"]);
  });
});
