import { importProfileJson, exportProfileJson } from "../../src/storage";
import { acmeJson } from "./fixtures";

/** The profile JSON reader (the one with limits) reads what issue 23 adds: `from` on a term, invoice names. */
describe("profile files carry what a term counts from and the names invoices use", () => {
  const kind = (term: unknown) => ({
    id: "invoice",
    label: { en: "Invoice", fr: "Facture" },
    term,
    clause: [{ document: "ACME CGV", article: "7" }],
  });

  test("a term counted from receipt, delivery or order, and invoice names, read back as written", () => {
    const json = {
      ...acmeJson(),
      invoiceNames: ["Logiciel Rosace", " ACME "],
      invoiceKinds: [
        kind({ kind: "days", days: 30, from: "receipt" }),
        { ...kind({ kind: "on-invoice", from: "delivery" }), id: "deposit" },
        { ...kind({ kind: "days-end-of-month", days: 45, from: "order" }), id: "balance" },
        { ...kind({ kind: "day-of-month", day: 10, monthsAfter: 1, from: "delivery" }), id: "study" },
      ],
    };
    const r = importProfileJson(JSON.stringify(json));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.profile.invoiceNames).toEqual(["Logiciel Rosace", "ACME"]);
    expect(r.profile.invoiceKinds.map((k) => k.term)).toEqual([
      { kind: "days", days: 30, from: "receipt" },
      { kind: "on-invoice", from: "delivery" },
      { kind: "days-end-of-month", days: 45, from: "order" },
      { kind: "day-of-month", day: 10, monthsAfter: 1, from: "delivery" },
    ]);
    // And the file written back reads back the same.
    const again = importProfileJson(exportProfileJson(r.profile).text);
    expect(again.ok && again.profile).toEqual(r.profile);
  });

  test("an unknown start, or a bad name, is refused at its JSON path", () => {
    const r = importProfileJson(
      JSON.stringify({
        ...acmeJson(),
        invoiceNames: ["ok", "", "two\nlines", 7],
        invoiceKinds: [kind({ kind: "days", days: 30, from: "payment" })],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: "$.invoiceNames[1]", message: "expected a name on one line, not blank" },
      { path: "$.invoiceNames[2]", message: "expected a name on one line, not blank" },
      { path: "$.invoiceNames[3]", message: "expected a string" },
      { path: "$.invoiceKinds[0].term.from", message: 'expected one of "receipt", "delivery", "order"' },
    ]);
  });
});
