import { HEADERS, ROWS } from "../fixtures/reports/register";
import { iso, type Decimal } from "../../src/engine";
import {
  bandOf,
  DELAY_BANDS,
  delayTableSheet,
  agingSheet,
  reportFromRegister,
  isExcludedMark,
} from "../../src/reports";

/**
 * The D441-6 I table worked by hand from a register closed on 31 December 2025. Days past due at
 * closing = closing − due date; bands 0 (not yet due, for information) | 1–30 | 31–60 | 61–90 | 91+.
 */

const report = reportFromRegister([HEADERS, ...ROWS], {
  kind: "received",
  closing: "2025-12-31",
  yearTotalExclVat: 100000,
});
const money = (d: Decimal) => d.toFixed(2);

test("the bands are the model table's, with the boundaries at 0, 30, 60 and 90 days inclusive", () => {
  expect(DELAY_BANDS.map((b) => b.heading)).toEqual([
    "0 jour (indicatif)",
    "1 à 30 jours",
    "31 à 60 jours",
    "61 à 90 jours",
    "91 jours et plus",
  ]);
  expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(bandOf)).toEqual([
    "0",
    "0",
    "1-30",
    "1-30",
    "31-60",
    "31-60",
    "61-90",
    "61-90",
    "91+",
    "91+",
  ]);
});

test("each band counts the invoices unpaid at closing and sums what is left of them", () => {
  const b = report.table.bands;
  expect([b["0"].count, money(b["0"].amount)]).toEqual([2, "1500.00"]); // F1 + F2
  expect([b["1-30"].count, money(b["1-30"].amount)]).toEqual([3, "1650.00"]); // 1200 − 150 + 600
  expect([b["31-60"].count, money(b["31-60"].amount)]).toEqual([4, "2000.00"]); // 800 + 200 + 900 + 100
  expect([b["61-90"].count, money(b["61-90"].amount)]).toEqual([2, "1000.00"]); // 300 + 700
  expect([b["91+"].count, money(b["91+"].amount)]).toEqual([1, "400.00"]);
});

test("the total covers 1 day and more, leaving out the not-yet-due column", () => {
  expect([report.table.total.count, money(report.table.total.amount)]).toEqual([10, "5050.00"]);
  // 5050 / 100 000 of the year's purchases excl. VAT.
  expect(report.table.total.share?.toString()).toBe("0.0505");
  expect(report.table.bands["1-30"].share?.toString()).toBe("0.0165");
});

test("disputed invoices go to section (B), not to the bands", () => {
  expect([report.table.excluded.count, money(report.table.excluded.amount)]).toEqual([1, "2000.00"]);
  expect(report.invoices.find((i) => i.row === 12)?.excluded).toBe(true); // F11 is on sheet row 12
});

test("a row without a usable date is reported with its row and column, the others are counted", () => {
  expect(report.errors).toHaveLength(1);
  expect(report.errors[0]?.row).toBe(16);
  expect(report.errors[0]?.message).toMatch(/Date facture/);
});

test("the aging view sums past-due amounts by vendor, largest first", () => {
  expect(report.aging.map((r) => [r.vendor, money(r.pastDue)])).toEqual([
    ["omi", "3650.00"], // 5050 − sillage's 1400
    ["sillage", "1400.00"], // 300 + 700 + 400
  ]);
});

test("section (C) states the contractual terms each vendor's due dates came from", () => {
  const omi = report.references.find((r) => r.vendor === "omi");
  expect(omi?.terms.map((t) => t.fr)).toContain("Facture : 30 jours date de facture (OMI CGA art. 6.3)");
  expect(report.registerDueDates).toBe(true);
});

test("the sheet carries the model's headings verbatim and the figures under them", () => {
  const sheet = delayTableSheet(report);
  const find = (label: string) => sheet.find((row) => row[0]?.value === label);
  expect(sheet[0]?.[0]?.value).toBe(
    "Article D. 441 I.-1° : Factures reçues non réglées à la date de clôture de l'exercice dont le terme est échu",
  );
  expect(
    find("(A) Tranches de retard de paiement")
      ?.slice(1)
      .map((c) => c.value),
  ).toEqual([
    "0 jour (indicatif)",
    "1 à 30 jours",
    "31 à 60 jours",
    "61 à 90 jours",
    "91 jours et plus",
    "Total (1 jour et plus)",
  ]);
  expect(
    find("Nombre de factures concernées")
      ?.slice(1)
      .map((c) => c.value),
  ).toEqual([2, 3, 4, 2, 1, 10]);
  expect(
    find("Montant total des factures concernées (TTC)")
      ?.slice(1)
      .map((c) => c.value),
  ).toEqual([1500, 1650, 2000, 1000, 400, 5050]);
  expect(find("Pourcentage du montant total des achats de l'exercice (HT)")?.[6]).toEqual({
    value: 0.0505,
    format: "percent",
  });
  expect(find("Nombre des factures exclues")?.[1]?.value).toBe(1);
  expect(sheet.some((row) => String(row[0]?.value ?? "").includes("L441-14 et D441-6"))).toBe(true);
});

test("issued invoices use the revenue heading", () => {
  const issued = reportFromRegister([HEADERS, ...ROWS], { kind: "issued", closing: "2025-12-31" });
  const sheet = delayTableSheet(issued);
  expect(sheet[0]?.[0]?.value).toMatch(/^Article D\. 441 I\.-2° : Factures émises/);
  const shares = sheet.find((r) => r[0]?.value === "Pourcentage du chiffre d'affaires de l'exercice (HT)");
  expect(shares?.[6]?.value).toBe("—"); // no year total given: no percentage rather than a wrong one
});

test("the aging sheet has one row per vendor under a header", () => {
  const sheet = agingSheet(report);
  expect(sheet[1]?.map((c) => c.value)).toEqual([
    "Fournisseur",
    "Non échu",
    "1 à 30 jours",
    "31 à 60 jours",
    "61 à 90 jours",
    "91 jours et plus",
    "Total échu",
  ]);
  expect(sheet.slice(2).map((r) => r[0]?.value)).toEqual(["omi", "sillage"]);
});

test("excluded marks: yes-like values exclude, blanks and no-like values do not", () => {
  for (const v of ["oui", "X", "litige", true, 1]) expect(isExcludedMark(v)).toBe(true);
  for (const v of ["", "non", "No", false, 0, null]) expect(isExcludedMark(v)).toBe(false);
});

test("the register is never modified", () => {
  const rows = ROWS.map((r) => Object.freeze([...r]));
  expect(() =>
    reportFromRegister([Object.freeze([...HEADERS]), ...rows], {
      kind: "received",
      closing: iso("2025-12-31") + 25569,
    }),
  ).not.toThrow();
});

describe("invoices dated before, on and after the closing, paid before, on and after it", () => {
  // Closing 31 December 2025; OMI's terms: invoice date + 30 days (CGA 6.3).
  // prettier-ignore
  const rows = [
    ["A1", "omi", "2025-10-15", "", 1000, "", "", ""],             // due 14 Nov, unpaid: 47 days → 31–60
    ["A2", "omi", "2025-12-31", "", 200, "", "", ""],              // dated on the closing day: due 30 Jan 2026 → 0 jour
    ["A3", "omi", "2026-01-05", "", 300, "", "", ""],              // dated after the closing: not in the table
    ["A4", "omi", "2025-11-01", "", 400, "2025-12-31", "", ""],    // due 1 Dec, paid on the closing day: settled
    ["A5", "omi", "2025-11-01", "", 500, "2026-01-10", "", ""],    // due 1 Dec, paid after the closing: 30 days → 1–30
    ["A6", "omi", "2025-11-01", "", 600, "2025-12-15", "", ""],    // due 1 Dec, paid before the closing: settled
    ["A7", "omi", "2026-02-01", "", 700, "2026-02-10", "", ""],    // dated and paid after the closing: not in the table
    ["A8", "omi", "2025-12-20", "", -100, "", "", ""],             // credit note, due 19 Jan 2026 → netted in 0 jour
    ["A9", "omi", "2026-01-03", "", -50, "", "", ""],              // credit note dated after the closing: not in the table
  ];
  const r = reportFromRegister([HEADERS, ...rows], { kind: "received", closing: "2025-12-31" });
  const b = r.table.bands;

  test("only invoices dated on or before the closing and unpaid at it are in the bands", () => {
    expect([b["0"].count, money(b["0"].amount)]).toEqual([2, "100.00"]); // A2 200 + A8 −100
    expect([b["1-30"].count, money(b["1-30"].amount)]).toEqual([1, "500.00"]); // A5
    expect([b["31-60"].count, money(b["31-60"].amount)]).toEqual([1, "1000.00"]); // A1
    expect([b["61-90"].count, b["91+"].count]).toEqual([0, 0]);
    expect([r.table.total.count, money(r.table.total.amount)]).toEqual([2, "1500.00"]);
  });

  test("says how many invoices dated after the closing were left out, and lists no error for them", () => {
    expect(r.afterClosing).toBe(3); // A3, A7, A9
    expect(r.errors).toEqual([]);
    expect(r.invoices.map((i) => i.row)).toEqual([2, 3, 5, 6, 7, 9]); // A1, A2, A4, A5, A6, A8 (sheet rows)
  });

  test("the aging's not-yet-due column holds no invoice issued after the closing", () => {
    const omi = r.aging.find((a) => a.vendor === "omi");
    expect(money(omi?.bands["0"] as Decimal)).toBe("100.00");
  });
});
