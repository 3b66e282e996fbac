import { applyRequest } from "../support/apply";
import { recognizeHeaders, type CellValue } from "../../src/apply";
import {
  ApplyRefusal,
  cellValue,
  planApply,
  rowsInMemory,
  type ApplyRequest,
  type ApplySink,
  type HighlightRule,
  type OutputCell,
  type SinkPlan,
} from "../../src/write";
import { dayToSerial } from "../../src/input/cell-values";
import { iso } from "../../src/engine";
import type { ReferenceSheet } from "../../src/portable";

const serial = (d: string): number => dayToSerial(iso(d));

/** A sink that records every call, in order, and can be told to report an edit after some rows. */
class RecordingSink implements ApplySink {
  calls: string[] = [];
  plan: SinkPlan | undefined;
  rows = new Map<number, readonly OutputCell[]>();
  notes: { row: number; column: number; text: string }[] = [];
  rules: HighlightRule[] = [];
  reference: ReferenceSheet | undefined;
  completed: boolean | undefined;
  constructor(private readonly editAfterRows?: number) {}
  async begin(plan: SinkPlan) {
    this.calls.push("begin");
    this.plan = plan;
  }
  async addReferenceSheet(sheet: ReferenceSheet) {
    this.calls.push("reference");
    this.reference = sheet;
  }
  async writeRows(start: number, rows: readonly (readonly OutputCell[])[]) {
    this.calls.push(`rows ${start}+${rows.length}`);
    rows.forEach((r, k) => this.rows.set(start + k, r));
  }
  interruption() {
    return this.editAfterRows !== undefined && this.rows.size >= this.editAfterRows
      ? { editedCell: "C3" }
      : undefined;
  }
  async addNote(row: number, column: number, text: string) {
    this.calls.push("note");
    this.notes.push({ row, column, text });
    return true;
  }
  async highlight(rules: readonly HighlightRule[]) {
    this.calls.push("highlight");
    this.rules.push(...rules);
    return true;
  }
  async finish(completed: boolean) {
    this.calls.push(`finish ${completed}`);
    this.completed = completed;
  }
}

const HEADERS: CellValue[] = ["N° facture", "Fournisseur", "Date facture", "Montant TTC", "Payé le"];
const ROWS: CellValue[][] = [
  ["F-1", "omi", "2025-01-01", 2500, "2025-03-02"], // due 31 Jan, paid 30 days late
  ["F-2", "Sillage.ai", "2025-06-20", 1000, ""], // consulting: due 5 Jul 2025
  ["F-3", "omi", "31/02/2025", 100, ""], // a bad date
];
const place = { sheet: "Factures", headerRow: 2, firstColumn: 1, width: HEADERS.length };

function request(write: ApplyRequest["write"], extra: Partial<ApplyRequest> = {}): ApplyRequest {
  const rec = recognizeHeaders(HEADERS);
  return {
    options: {
      mode: "invoices",
      mapping: rec.mapping,
      headers: HEADERS,
      asOf: "2025-07-01",
      lang: "fr",
      firstRowNumber: place.headerRow + 2,
    },
    write,
    today: iso("2026-12-03"),
    previousOutputs: rec.previousOutputs,
    ...extra,
  };
}

describe("applying a register through a sink", () => {
  it("plans the columns right of the register and writes each row once, in order, then the note", async () => {
    const sink = new RecordingSink();
    const out = await applyRequest(request("values"), rowsInMemory(place, HEADERS, ROWS), sink, {
      chunkRows: 2,
      yieldFn: async () => undefined,
    });
    expect(sink.calls).toEqual(["begin", "rows 0+2", "rows 2+1", "note", "finish true"]);
    // The register is B3:F6 (first column 1, width 5): the six columns start at G (6).
    expect(out.columns.map((c) => [c.id, c.column, c.existing])).toEqual([
      ["dueDate", 6, false],
      ["daysLate", 7, false],
      ["interest", 8, false],
      ["recoveryFee", 9, false],
      ["totalPenalty", 10, false],
      ["status", 11, false],
    ]);
    // F-1: 2500 € due 31/01/2025 paid 02/03/2025: 30 days at 11.13 % = 22.87 + 40 € (CGA 6.3).
    expect(sink.rows.get(0)).toEqual([
      serial("2025-01-31"),
      30,
      22.87,
      40,
      62.87,
      "Payée avec 30 jours de retard",
    ]);
    // F-2 (named by its brand): a consulting balance at 15 days (Sillage 7.2.1): 05/07/2025, not yet due.
    expect(sink.rows.get(1)?.[0]).toBe(serial("2025-07-05"));
    // The bad row names its sheet row (header on row 3, so F-3 is on row 6) and its column.
    expect(String(sink.rows.get(2)?.[5])).toMatch(/^Ligne 6, colonne « Date facture » : « 31\/02\/2025 »/);
    expect(out.summary.computed).toBe(2);
    expect(out.summary.errors).toBe(1);
  });

  it("names every vendor the rows were computed with in the provenance note, on the first new header", async () => {
    const sink = new RecordingSink();
    const out = await applyRequest(request("values"), rowsInMemory(place, HEADERS, ROWS), sink);
    expect(sink.notes).toHaveLength(1);
    expect(sink.notes[0]).toMatchObject({ row: 2, column: 6 });
    expect(out.note?.text).toMatch(/OMI SAS/);
    expect(out.note?.text).toMatch(/HORIZON SAAS/);
    expect(out.note?.text).toMatch(/Le fournisseur de chaque ligne est celui de la colonne Fournisseur/);
    expect(out.vendors.map((v) => v.spec)).toEqual(["omi", "sillage"]);
  });

  it("rewrites an earlier run's columns in place (either language), never an input column", async () => {
    const headers = [...HEADERS, "Échéance (CGV)", "Notes", "Days late"];
    const rec = recognizeHeaders(headers);
    const plan = planApply(
      { ...request("values"), previousOutputs: rec.previousOutputs },
      { ...place, width: headers.length },
      headers,
    );
    // "Échéance (CGV)" (index 5 → column 6) and "Days late" (index 7 → column 8) are earlier outputs;
    // "Notes" is an input column the user added: the other outputs go right of the register (9…).
    expect(plan.columns.map((c) => [c.id, c.column, c.existing])).toEqual([
      ["dueDate", 6, true],
      ["daysLate", 8, true],
      ["interest", 9, false],
      ["recoveryFee", 10, false],
      ["totalPenalty", 11, false],
      ["status", 12, false],
    ]);
  });

  it("refuses formulas over columns that are not side by side, before anything is written", () => {
    const headers = [...HEADERS, "Échéance (CGV)", "Notes", "Days late"];
    const rec = recognizeHeaders(headers);
    expect(() =>
      planApply(
        { ...request("formulas"), previousOutputs: rec.previousOutputs },
        { ...place, width: headers.length },
        headers,
      ),
    ).toThrow(ApplyRefusal);
  });

  it("writes live formulas that read the as-of date from one header cell right of the columns", async () => {
    const sink = new RecordingSink();
    const out = await applyRequest(request("formulas"), rowsInMemory(place, HEADERS, ROWS.slice(0, 1)), sink);
    expect(out.columns.map((c) => c.column)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(sink.plan?.extraHeaderCells).toEqual([
      { column: 12, value: "Date d'arrêté" },
      { column: 13, value: serial("2025-07-01"), numberFormat: "dd/mm/yyyy" },
    ]);
    const row = sink.rows.get(0) ?? [];
    // The register starts at B3 with the header: data row 0 is sheet row 4; the vendor is the row's cell.
    expect(row[0]).toEqual({ formula: "=CGV.DUEDATE(C4,D4)", result: serial("2025-01-31") });
    expect(row[1]).toEqual({ formula: '=MAX(0,IF(F4="",$N$3,F4)-G4)', result: 30 });
    expect(cellValue(row[5] as OutputCell)).toBe("Payée avec 30 jours de retard");
    expect(sink.notes).toEqual([]);
  });

  it("adds the reference sheet before the rows in portable mode, and says what went in as values", async () => {
    const sink = new RecordingSink();
    // Dates as Excel dates (a date typed as text cannot feed a native formula: that row goes in as values).
    const rows: CellValue[][] = [
      ["F-1", "omi", serial("2025-01-01"), 2500, serial("2025-03-02")],
      ["F-2", "omi", "2025-06-20", 1000, ""],
      ["F-3", "omi", "31/02/2025", 100, ""],
    ];
    const out = await applyRequest(request("portable"), rowsInMemory(place, HEADERS, rows), sink);
    expect(sink.calls.slice(0, 3)).toEqual(["begin", "reference", "rows 0+3"]);
    expect(out.portable?.sheet).toBe(sink.reference?.name);
    expect(sink.rows.get(0)?.[0]).toEqual({ formula: "=D4+30", result: serial("2025-01-31") });
    // The status is always a value; the text-date row and the bad row are written wholly as values.
    expect(out.portable?.columns.map((c) => [c.column, c.rows])).toEqual([["status", 1]]);
    expect(out.portable?.valueRowReasons.reduce((n, r) => n + r.rows, 0)).toBe(2);
  });

  it("highlights overdue and coming due dates on the written columns, testing the payment-date cell", async () => {
    const sink = new RecordingSink();
    await applyRequest(request("values", { highlightDays: 30 }), rowsInMemory(place, HEADERS, ROWS), sink);
    expect(
      sink.rules.map((r) => [
        r.kind,
        r.row,
        r.column,
        r.rowCount,
        r.columnCount,
        r.dateColumn,
        r.blankColumn,
      ]),
    ).toEqual([
      ["overdue", 3, 6, 3, 6, 6, 5],
      ["soon", 3, 6, 3, 6, 6, 5],
    ]);
    expect(sink.rules[0]?.to).toBe(serial("2025-07-01") - 1);
  });

  it("stops between chunks on an edit of the register, names the cell, and adds no note", async () => {
    const sink = new RecordingSink(2);
    const out = await applyRequest(request("values"), rowsInMemory(place, HEADERS, ROWS), sink, {
      chunkRows: 2,
      yieldFn: async () => undefined,
    });
    expect(out.cancelled).toBe(true);
    expect(out.editedCell).toBe("C3");
    expect(out.rowsWritten).toBe(2);
    expect(sink.calls).toEqual(["begin", "rows 0+2", "finish false"]);
  });

  it("stops on cancel between chunks after whole chunks", async () => {
    const signal = { aborted: false };
    const sink = new RecordingSink();
    const out = await applyRequest(request("values"), rowsInMemory(place, HEADERS, ROWS), sink, {
      chunkRows: 1,
      signal,
      onProgress: ({ done }) => {
        if (done === 1) signal.aborted = true;
      },
      yieldFn: async () => undefined,
    });
    expect(out.cancelled).toBe(true);
    expect(out.rowsWritten).toBe(1);
    expect(sink.completed).toBe(false);
  });
});
