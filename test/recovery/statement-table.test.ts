import { Decimal } from "../../src/engine";
import { clientStatementSheet, csvText, statementCsvRows, statementSheet } from "../../src/recovery";
import type { SheetCell } from "../../src/reports";
import { book, invoices, MARTIN } from "./fixtures";

const { book: b } = book(
  "omi",
  "2026-06-30",
  invoices(...MARTIN, { ref: "Z-1", client: "Zinc & Co", amount: "1000", due: "2025-12-20", address: "x" }),
);

describe("the statement as CSV", () => {
  const rows = statementCsvRows(b, "fr");

  test("has the columns the issue lists, one line per interest period or fee", () => {
    expect(rows[0]).toEqual([
      "Client",
      "N° facture",
      "Ligne",
      "Du",
      "Au",
      "Jours",
      "Solde",
      "Taux",
      "Source du taux",
      "Intérêts",
      "Indemnité",
      "Total",
    ]);
    expect(rows[1]).toEqual([
      "Boulangerie Martin",
      "OMI-2025-101",
      "Intérêts de retard",
      "01/11/2025",
      "31/12/2025",
      "61",
      "1200,00",
      "8,28 %",
      "3 × taux légal 2e semestre 2025 (2,76 %) = 8,28 %",
      "16,61",
      "",
      "16,61",
    ]);
    expect(rows[3]).toEqual([
      "Boulangerie Martin",
      "OMI-2025-101",
      "Indemnité forfaitaire (D441-5)",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "40,00",
      "40,00",
    ]);
  });

  test("an invoice's lines add up to its LATEFEE total, and the client's total stands on a line without an invoice number", () => {
    const sum = (client: string, ref?: string) =>
      rows
        .slice(1)
        .filter((r) => r[0] === client && r[1] !== "" && (ref === undefined || r[1] === ref))
        .reduce((s, r) => s.plus(new Decimal((r[11] ?? "0").replace(",", "."))), new Decimal(0))
        .toFixed(2);
    expect(sum("Boulangerie Martin", "OMI-2025-115")).toBe("135.52");
    const total = rows.find((r) => r[0] === "Boulangerie Martin" && r[1] === "");
    expect(total).toEqual([
      "Boulangerie Martin",
      "",
      "Total client",
      "",
      "",
      "",
      "",
      "",
      "",
      "179,03",
      "120,00",
      "299,03",
    ]);
    expect(sum("Boulangerie Martin")).toBe("299.03");
    // Zinc & Co, 1 000 € due 20/12/2025: 11 d × 8,28 % = 910,80 / 365 = 2,4953 → 2,50 shown;
    // 181 d × 7,86 % = 14 226,60 / 365 = 38,9770 → 38,98 shown; exact 15 137,40 / 365 = 41,4723 → 41,47,
    // so the lines show 41,48 and a rounding line −0,01 brings them to the invoice's 41,47; + 40 = 81,47.
    expect(rows.filter((r) => r[0] === "Zinc & Co").map((r) => [r[2], r[11]])).toEqual([
      ["Intérêts de retard", "2,50"],
      ["Intérêts de retard", "38,98"],
      ["Arrondi unique de la facture", "-0,01"],
      ["Indemnité forfaitaire (D441-5)", "40,00"],
      ["Total client", "81,47"],
    ]);
  });

  test("is written with a BOM, semicolons and quotes where a field needs them", () => {
    const text = csvText([["a;b", 'c"d', "e"]]);
    expect(text).toBe('\ufeff"a;b";"c""d";e\r\n');
  });
});

describe("the statement as a sheet", () => {
  test("one client: title, date d'arrêté, a line per payment and period, totals, notes and texts", () => {
    const client = b.clients[0]!;
    const rows: SheetCell[][] = clientStatementSheet(client, b.asOf, "OMI CGA art. 6.3", "fr");
    const texts = rows.map((r) => r.map((c) => c.value));
    expect(texts[0]).toEqual(["Relevé de pénalités de retard — Boulangerie Martin"]);
    expect(texts[1]).toEqual(["Date d'arrêté", 46203]);
    const payment = texts.find((r) => r[4] === "Paiement de 1\u202f000,00 €, imputé sur le principal");
    expect(payment?.[5]).toBe(46053); // 31/01/2026
    expect(payment?.[8]).toBe(2000);
    const claimed = texts.find((r) => r[4] === "Total réclamé");
    expect(claimed?.[13]).toBe(4349.03);
    expect(texts.flat().join(" ")).toContain(
      "Code de commerce art. L441-10 II ; OMI CGA art. 6.3 ; Code de commerce art. D441-5",
    );
  });

  test("all clients on one sheet, one after the other", () => {
    const rows = statementSheet(b, "OMI CGA art. 6.3", "en");
    const titles = rows.filter(
      (r) => typeof r[0]?.value === "string" && String(r[0].value).startsWith("Late-payment statement"),
    );
    expect(titles.map((r) => r[0]?.value)).toEqual([
      "Late-payment statement — Boulangerie Martin",
      "Late-payment statement — Zinc & Co",
    ]);
  });
});
