import { columnLetters } from "../../src/cells";
import {
  applyRegister,
  applyRegisterSync,
  formatSummary,
  prepareApply,
  recognizeHeaders,
  rowFormulas,
  type ApplyProgress,
  type CellValue,
} from "../../src/apply";
import { dayToSerial } from "../../src/input/cell-values";
import { iso } from "../../src/engine";

const serial = (d: string): number => dayToSerial(iso(d));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const HEADERS = ["N° facture", "Client", "Date facture", "Montant TTC", "Payé le"];
const rec = recognizeHeaders(HEADERS);
const options = {
  mode: "invoices" as const,
  mapping: rec.mapping,
  headers: HEADERS,
  vendor: "omi",
  asOf: "2025-03-02",
};

/** n invoices of 100 € dated 1 Jan 2025 (due 31 Jan), unpaid. */
function rows(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [`F-${i + 1}`, "Client", "2025-01-01", 100, ""]);
}

describe("running a register", () => {
  it("never modifies the input rows (deep-frozen input computes normally)", () => {
    const input = deepFreeze([
      ["F-1", "A", "2025-01-01", 2500, "2025-03-02"],
      ["F-2", "B", "31/02/2025", 100, ""],
    ]);
    const before = JSON.stringify(input);
    const r = applyRegisterSync(input, options);
    expect(JSON.stringify(input)).toBe(before);
    expect(r.results.map((x) => x.state)).toEqual(["paid-late", "error"]);
  });

  it("reports progress after each chunk and ends at the total", async () => {
    const seen: ApplyProgress[] = [];
    const r = await applyRegister(rows(35), options, { chunkSize: 10, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { done: 10, total: 35 },
      { done: 20, total: 35 },
      { done: 30, total: 35 },
      { done: 35, total: 35 },
    ]);
    expect(r.rows).toHaveLength(35);
    expect(r.cancelled).toBe(false);
  });

  it("stops between chunks when cancelled and returns the rows done", async () => {
    const signal = { aborted: false };
    const r = await applyRegister(rows(35), options, {
      chunkSize: 10,
      signal,
      onProgress: (p) => {
        if (p.done >= 20) signal.aborted = true;
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.rows).toHaveLength(20);
    expect(r.summary.cancelled).toBe(true);
    expect(r.summary.rows).toBe(20);
  });

  it("gives the same results in chunks as in one go", async () => {
    const input = [...rows(5), ["F-x", "C", "2025-02-20", 300, ""]];
    const a = await applyRegister(input, options, { chunkSize: 2 });
    const b = applyRegisterSync(input, options);
    expect(a.rows).toEqual(b.rows);
    expect(a.summary).toEqual(b.summary);
  });

  it("summarises: rows, errors with their first messages, total penalties and next deadlines", () => {
    // As of 2 Mar 2025, each 100 € invoice due 31 Jan is 30 days late at 11.13 %:
    // 100 × 0.1113 × 30 / 365 = 0.9148 → 0.91 interest + 40 fee. Two of them: 1.82 + 80 = 81.82.
    // F-3 (dated 20 Feb, due 22 Mar) and F-4 (dated 10 Feb, due 12 Mar) are pending: earliest first.
    const input: CellValue[][] = [
      ...rows(2),
      ["F-3", "Zeta", "2025-02-20", 300, ""],
      ["F-4", "Eta", "2025-02-10", 300, ""],
      ["F-5", "Theta", "pas une date", 300, ""],
    ];
    const s = applyRegisterSync(input, options).summary;
    expect(s).toMatchObject({
      rows: 5,
      computed: 4,
      errors: 1,
      totalInterest: 1.82,
      totalRecoveryFees: 80,
      totalPenalties: 81.82,
      lateRows: 2,
      asOfIso: "2025-03-02",
    });
    expect(s.firstErrors).toEqual([
      { row: 6, message: expect.stringMatching(/^Ligne 6, colonne « Date facture »/) },
    ]);
    expect(s.nextDeadlines).toEqual([
      { row: 5, label: "F-4 — Eta", date: serial("2025-03-12"), dateIso: "2025-03-12" },
      { row: 4, label: "F-3 — Zeta", date: serial("2025-03-22"), dateIso: "2025-03-22" },
    ]);
    const text = formatSummary(s, "fr");
    expect(text).toContain("Arrêté au 02/03/2025");
    expect(text).toContain("5 ligne(s) de factures : 4 calculée(s), 1 en erreur.");
    expect(text).toMatch(/Pénalités : 81,82 €/);
    expect(text).toContain("12/03/2025  F-4 — Eta");
  });

  it("describes the output columns with bilingual headers and formats", () => {
    const r = applyRegisterSync([], options);
    expect(r.columns.map((c) => [c.id, c.format])).toEqual([
      ["dueDate", "date"],
      ["daysLate", "integer"],
      ["interest", "money"],
      ["recoveryFee", "money"],
      ["totalPenalty", "money"],
      ["status", "text"],
    ]);
    expect(r.columns[5]?.header).toEqual({ en: "Status", fr: "Statut" });
  });

  it("explains a row with the clauses it applies", () => {
    const a = prepareApply(options);
    const text = a.explainRow(["F-1", "A", "2025-01-01", 2500, "2025-03-02"], 0);
    expect(text).toContain("Ligne 2");
    expect(text).toContain("[OMI CGA art. 6.3]");
    expect(text).toContain("Total pénalités : 62,87 €");
  });
});

describe("formulas output", () => {
  it("writes DUEDATE and the late-payment functions with the row's addresses", () => {
    // Source A1:E…, so row index 0 is sheet row 2 and the outputs start in F (due date) … K (status).
    const a = prepareApply(options);
    const f = rowFormulas(a, ["F-1", "A", "2025-01-01", 2500, ""], 0, { sourceTopLeft: "A1" });
    expect(f).toEqual({
      dueDate: '=CGV.DUEDATE("omi",C2)',
      daysLate: '=MAX(0,IF(E2="",DATE(2025,3,2),E2)-F2)',
      interest: '=CGV.LATEINTEREST("omi",D2,F2,IF(E2="",DATE(2025,3,2),E2))',
      recoveryFee: '=CGV.RECOVERYFEE("omi",F2,IF(E2="",DATE(2025,3,2),E2))',
      totalPenalty: "=H2+I2",
      status: "Impayée — 30 jours de retard",
    });
  });

  it("follows the source's top-left cell, an as-of cell and the register's kind column", () => {
    const headers = ["Date facture", "Montant", "Type de facture"];
    const a = prepareApply({
      mode: "invoices",
      mapping: recognizeHeaders(headers).mapping,
      headers,
      vendor: "sillage",
      asOf: "2025-06-21",
    });
    const f = rowFormulas(a, ["2025-06-20", 900, "training"], 3, {
      sourceTopLeft: "Feuil1!C5",
      asOfRef: "$Z$1",
    });
    // Header row 5, data row index 3 → sheet row 9; source C:E, outputs from F.
    expect(f.dueDate).toBe('=CGV.DUEDATE("sillage",C9,E9)');
    expect(f.daysLate).toBe("=MAX(0,$Z$1-F9)");
    const g = rowFormulas(a, ["2025-06-20", 900, "Formation"], 3, { sourceTopLeft: "C5" });
    expect(g.dueDate).toBe('=CGV.DUEDATE("sillage",C9,"training")');
  });

  it("writes the subscription functions", () => {
    const headers = ["Contrat", "Date de début", "Formule"];
    const a = prepareApply({
      mode: "subscriptions",
      mapping: recognizeHeaders(headers).mapping,
      headers,
      vendor: "injenius",
      asOf: "2025-04-15",
    });
    const f = rowFormulas(a, ["C-1", "2024-10-01", "Sans engagement"], 0, {
      sourceTopLeft: "A1",
      asOfRef: "$H$1",
    });
    expect([f.renewalDate, f.noticeDeadline, f.daysToNotice, f.endDate]).toEqual([
      '=CGV.RENEWALDATE("injenius",B2,$H$1,"no-commitment")',
      '=CGV.NOTICEDEADLINE("injenius",B2,$H$1,"no-commitment")',
      "=E2-$H$1",
      '=CGV.ENDDATE("injenius",B2,$H$1,"no-commitment")',
    ]);
  });

  it("names columns beyond Z like Excel", () => {
    expect([
      columnLetters(0),
      columnLetters(25),
      columnLetters(26),
      columnLetters(701),
      columnLetters(702),
    ]).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });
});
