import { prepareApply, type CellValue } from "../../src/apply";
import {
  halfYearStart,
  iso,
  parseHalfYear,
  SHIPPED_VENDORS,
  VendorRegistry,
  type VendorProfile,
} from "../../src/engine";
import {
  portableRow,
  referenceSheet,
  summarizeFallbacks,
  termFormula,
  monthsBeforeFormula,
} from "../../src/portable";

const serial = (text: string): number => iso(text) + 25569;
const reference = referenceSheet({
  lang: "fr",
  holidayYears: { from: 2024, to: 2026 },
  generatedOn: iso("2026-01-15"),
});

describe("reference sheet", () => {
  const header = reference.rows[3] as readonly unknown[];
  const rowOf = (label: string): readonly unknown[] =>
    reference.rows.find((r) => r[0] === label) as readonly unknown[];
  const applied = (label: string, title: string): number => {
    const j = header.indexOf(title);
    const cell = rowOf(label)[j] as { result: number; formula: string };
    return cell.result;
  };

  test("each half-year row holds its start, end, legal and ECB rates", () => {
    const h1 = rowOf("2024-H1");
    // 2024-H1: 1 Jan – 30 Jun 2024; legal rate (professionals) 5.07 %; ECB on 1 Jan 2024 4.50 % (docs/rates.md#resulting-figures-for-checking).
    expect(h1[1]).toBe(serial("2024-01-01"));
    expect(h1[2]).toBe(serial("2024-06-30"));
    expect(h1[3]).toBeCloseTo(0.0507, 10);
    expect(h1[4]).toBeCloseTo(0.045, 10);
    expect(reference.firstDay).toBe(serial("2015-01-01"));
    // Rows run to the end of the last holiday year (2026): 2026-H2 is listed, its rates blank.
    expect(reference.lastDay).toBe(halfYearStart((parseHalfYear("2026-H2") as number) + 1) + 25569 - 1);
  });

  test("a half-year whose rates are not known yet has a row with blank rates, flagged as missing", () => {
    const h2 = rowOf("2026-H2");
    // 2026-H2: the ECB rate of 1 July 2026 (2.40 %) is known, the legal rate is not yet.
    expect([h2[1], h2[2], h2[3], h2[4]]).toEqual([serial("2026-07-01"), serial("2026-12-31"), null, 0.024]);
    expect(h2[header.indexOf("Taux légal manquant")]).toMatchObject({ formula: 'IF(D28="",1,0)', result: 1 });
    expect(h2[header.indexOf("Taux BCE manquant")]).toMatchObject({ formula: 'IF(E28="",1,0)', result: 0 });
    expect(rowOf("2026-H1")[header.indexOf("Taux légal manquant")]).toMatchObject({ result: 0 });
    expect(String(reference.rows[1]?.[0])).toMatch(
      /Pour ajouter un semestre publié depuis, tapez ses taux dans sa ligne/,
    );
  });

  test("applied rates are after the floor: Digitalli floored at 3 × legal, Injenius not, Xiahdeh consumers not", () => {
    // 2024-H1: BCE + 10 = 14.50 %, 3 × 5.07 = 15.21 %.
    expect(applied("2024-H1", "Taux appliqué Digitalli (client professionnel)")).toBeCloseTo(0.1521, 10);
    expect(applied("2024-H1", "Taux appliqué Injenius (client professionnel)")).toBeCloseTo(0.145, 10);
    // Xiahdeh 10 % a year: floored at 15.21 % for a professional, 10 % for a consumer.
    expect(applied("2024-H1", "Taux appliqué Xiahdeh (client professionnel)")).toBeCloseTo(0.1521, 10);
    expect(applied("2024-H1", "Taux appliqué Xiahdeh (client particulier)")).toBeCloseTo(0.1, 10);
    // 2025-H1, OMI: 3 × 3.71 % = 11.13 %.
    expect(applied("2025-H1", "Taux appliqué OMI (client professionnel)")).toBeCloseTo(0.1113, 10);
    const digitalli = rowOf("2024-H1")[header.indexOf("Taux appliqué Digitalli (client professionnel)")];
    expect(digitalli).toMatchObject({ formula: expect.stringMatching(/^MAX\(E\d+\+0\.1,F\d+\)$/) });
  });

  test("holidays are listed per calendar: 26 December only in Alsace-Moselle", () => {
    const metro = reference.rows.map((r) => r[header.indexOf("Jours fériés (métropole)")]);
    const alsace = reference.rows.map((r) => r[header.indexOf("Jours fériés (Alsace-Moselle)")]);
    expect(metro).toContain(serial("2025-12-25"));
    expect(metro).not.toContain(serial("2025-12-26"));
    expect(alsace).toContain(serial("2025-12-26"));
    expect(alsace).toContain(serial("2025-04-18")); // Good Friday 2025
    expect(reference.ranges.holidays.metropole).toMatch(
      /^'Échéance - taux et fériés'!\$[A-Z]+\$5:\$[A-Z]+\$\d+$/,
    );
  });
});

describe("formula texts", () => {
  test("due-date formulas follow the term kinds", () => {
    expect(termFormula({ kind: "days", days: 30 }, "B2", "days-then-eom")).toBe("B2+30");
    // Injenius: debit on the 5th of the month after the invoice.
    expect(termFormula({ kind: "day-of-month", day: 5, monthsAfter: 1 }, "B2", "days-then-eom")).toBe(
      "MIN(EOMONTH(B2,0)+5,EOMONTH(B2,1))",
    );
    // Digitalli: 30 days end of month, never beyond 45 days end of month.
    expect(
      termFormula({ kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 }, "B2", "days-then-eom"),
    ).toBe("MIN(EOMONTH(B2+30,0),EOMONTH(B2+45,0))");
    expect(termFormula({ kind: "days-end-of-month", days: 30 }, "B2", "eom-then-days")).toBe(
      "(EOMONTH(B2,0)+30)",
    );
  });

  test("a notice in months is measured back date to date, with the month-end exception", () => {
    // For R = 30 June and 1 month the deadline is 31 May (EOMONTH(R, −1)), not 30 May (docs/terms.md#renewal-date-notice-deadline-end-date).
    expect(monthsBeforeFormula("R2", 1)).toBe("IF(DAY(R2+1)=1,EOMONTH(R2,-1),EDATE(R2,-1))");
  });
});

describe("portable rows", () => {
  const HEADERS = ["Référence", "Date facture", "Montant TTC", "Date de paiement"];
  const applier = prepareApply({
    mode: "invoices",
    mapping: { reference: 0, invoiceDate: 1, amount: 2, paidDate: 3 },
    headers: HEADERS,
    vendor: "omi",
    asOf: "2025-03-02",
  });
  const options = { sourceTopLeft: "A1", asOfRef: "$K$1", reference };

  test("an invoice row gets native formulas on its own cells, and its status as a value with the reason", () => {
    // OMI, invoice 31 Dec 2024 + 30 days = due 30 Jan 2025; unpaid as of 2 Mar 2025: 31 days late.
    const r = portableRow(applier, ["F-1", serial("2024-12-31"), 2500, null], 0, options);
    expect(r.cells.dueDate).toBe("=B2+30");
    expect(r.cells.daysLate).toBe('=MAX(0,IF(D2="",$K$1,D2)-E2)');
    expect(r.values.dueDate).toBe(serial("2025-01-30"));
    expect(r.values.daysLate).toBe(31);
    expect(String(r.cells.interest)).toMatch(
      /^=IF\(OR\(F2=0,C2<=0\),0,.*SUMPRODUCT\('Échéance - taux et fériés'!\$G\$5/,
    );
    expect(r.cells.recoveryFee).toBe("=IF(AND(F2>0,C2>0),40,0)");
    expect(r.cells.totalPenalty).toBe("=G2+H2");
    expect(r.cells.status).toBe("Impayée — 31 jours de retard");
    expect(r.fallbacks).toEqual([expect.objectContaining({ column: "status" })]);
    expect(r.fallbacks[0]?.reason.fr).toMatch(/statut/);
  });

  test("a row in error and a row whose date is text are written as values, with the reason", () => {
    const error = portableRow(applier, ["F-2", null, 100, null], 1, options);
    expect(error.cells).toEqual(error.values);
    expect(error.rowReason?.en).toMatch(/could not compute/);
    const text = portableRow(applier, ["F-3", "31/12/2024", 100, null], 2, options);
    expect(text.values.dueDate).toBe(serial("2025-01-30")); // the engine reads the text date…
    expect(text.cells).toEqual(text.values); // …a native formula would not: values
    expect(text.rowReason?.fr).toMatch(/texte/);
    const summary = summarizeFallbacks([error, text]);
    expect(summary.valueRows).toBe(2);
    expect(summary.valueRowReasons).toHaveLength(2);
  });

  test("a notice period longer than the renewal period falls back to values for the notice deadline", () => {
    // A Sillage-like profile with 2 months' notice on monthly renewals: the deadline may skip two
    // renewals, which the one-step formula does not cover.
    const sillage = SHIPPED_VENDORS.find((p) => p.id === "sillage") as VendorProfile;
    const s = sillage.subscription;
    if (s.kind !== "plans") throw new Error("sillage has plans");
    const plan = s.plans[0] as (typeof s.plans)[number];
    const longNotice = {
      ...sillage,
      id: "sillage-long",
      subscription: { ...s, plans: [{ ...plan, notice: { amount: 2, unit: "months" } }] },
    } as VendorProfile;
    const registry = new VendorRegistry([...SHIPPED_VENDORS, longNotice]);
    const sub = prepareApply({
      mode: "subscriptions",
      mapping: { reference: 0, startDate: 1 },
      vendor: "sillage-long",
      asOf: "2026-05-20",
      registry,
    });
    const row: CellValue[] = ["ABO-1", serial("2025-05-31")];
    const r = portableRow(sub, row, 0, options);
    expect(r.cells.renewalDate).toMatch(/^=EDATE\(B2,MAX\(12,/);
    expect(r.cells.noticeDeadline).toBe(r.values.noticeDeadline);
    expect(r.fallbacks.map((f) => f.column)).toEqual(["status", "noticeDeadline"]);
    const summary = summarizeFallbacks([r, r]);
    expect(summary.columns.find((c) => c.column === "noticeDeadline")?.rows).toBe(2);
  });
});
