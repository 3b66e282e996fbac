import { applyRequest } from "../support/apply";
import { recognizeHeaders } from "../../src/apply";
import { planApply, rowsInMemory } from "../../src/write";
import { NAME_SETTLE, type NameSettle } from "../../src/workbook/function-names";
import { ExcelGateway } from "../../src/office/excel-gateway";
import {
  GatewayError,
  registerPlace,
  type SourceBlock,
  type WorkbookGateway,
} from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { DELAY_TABLE_LAYOUT, wrappedRowHeights } from "../../src/reports";
import { describeError } from "../../src/taskpane/apply-adapter";
import { FakeExcelHost, type FakeHostOptions } from "./fake-excel";
import { applyThrough, inputCells, omiRequest, sampleWorkbook } from "./gateway-fixtures";

/**
 * The one gateway policy (SheetGateway) over both hosts: the in-memory workbook and Office.js on a
 * fake of the Excel object model. The fixture register is at Factures!A1:C(n+1): invoice i (1-based,
 * sheet row i + 1) is dated 45658 + i (01/01/2025 is 45658) for 100 × i €, and E1 holds "Notes".
 * With OMI's terms (30 days after the invoice date, CGA 6.1) invoice i is due 45658 + i + 30; Apply's
 * six columns go to D..I (Échéance (CGV) … Statut).
 */

type Make = (
  rows: number,
  excelApi?: string,
  options?: FakeHostOptions,
) => { wb: MemoryWorkbook; gateway: WorkbookGateway; host: FakeExcelHost | undefined };

const HOSTS: [string, Make][] = [
  [
    "MemoryGateway",
    (rows) => {
      const wb = sampleWorkbook(rows);
      return { wb, gateway: new MemoryGateway(wb), host: undefined };
    },
  ],
  [
    "ExcelGateway on a fake Excel",
    // ExcelApi 1.9 unless a test needs more (merged areas are read from 1.13).
    (rows, excelApi = "1.9", options = {}) => {
      const wb = sampleWorkbook(rows);
      const host = new FakeExcelHost(wb, excelApi, options);
      return { wb, gateway: new ExcelGateway(host), host };
    },
  ],
];

const due = (i: number) => 45658 + i + 30;
const HEADERS = [
  "Échéance (CGV)",
  "Jours de retard",
  "Intérêts de retard",
  "Indemnité de recouvrement",
  "Total pénalités",
  "Statut",
];

/** The columns and header cells an Apply would write, as the pane plans them before asking. */
function planOf(source: SourceBlock, write: "values" | "formulas" | "portable" = "values") {
  return planApply(omiRequest(source, write), registerPlace(source), source.headers);
}

describe.each(HOSTS)("%s", (_name, make) => {
  test("the current region around the active cell stops at the empty column D, so the note in E1 is not part of it", async () => {
    const { gateway } = make(25);
    const source = await gateway.readSource("region");
    // 25 data rows + 1 header row, columns A..C.
    expect(source.address).toBe("Factures!A1:C26");
    expect(source.headers).toEqual(["N° facture", "Date facture", "Montant TTC"]);
    expect(source.rows).toHaveLength(25);
    expect(source.rows[2]).toEqual(["F-3", 45661, 300]);
    expect(source.table).toBeUndefined();
  });

  test("the table source is the Excel table at the active cell, flagged as a table", async () => {
    const { wb, gateway } = make(5);
    wb.select("Abonnements", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    const source = await gateway.readSource("table");
    expect(source.table).toEqual({ name: "Abos" });
    expect(source.address).toBe("Abonnements!B2:D5");
    expect(source.rows).toHaveLength(3);
  });

  test("asking for a table on a sheet without one is a no-table gateway error, not a crash", async () => {
    const { gateway } = make(5);
    await expect(gateway.readSource("table")).rejects.toMatchObject({ code: "no-table" });
    await expect(gateway.readSource("table")).rejects.toBeInstanceOf(GatewayError);
  });

  test("a selection of several areas gives a sentence asking for one range; the region still reads from the active cell", async () => {
    const { wb, gateway } = make(25);
    // Ctrl+click: A1:C3 and E5:E6. The active cell is A1, in the first area.
    wb.selectAreas("Factures", [
      { row: 0, column: 0, rowCount: 3, columnCount: 3 },
      { row: 4, column: 4, rowCount: 2, columnCount: 1 },
    ]);
    const refusal = await gateway.readSource("selection").catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "multi-area" });
    expect(describeError(refusal, "fr")).toBe(
      "La sélection compte plusieurs plages : sélectionnez une seule plage (sans Ctrl+clic), puis relisez le registre.",
    );
    expect(describeError(refusal, "en")).toBe(
      "The selection has several ranges: select a single range (without Ctrl+click), then read the register again.",
    );
    expect((await gateway.readSource("region")).address).toBe("Factures!A1:C26");
  });

  test("the confirmation counts other people's cells where new columns go: the note in E1 only", async () => {
    const { gateway } = make(25);
    const source = await gateway.readSource("region");
    const plan = planOf(source);
    // New columns D..I, right of A..C; E1 holds "Notes": one cell would be replaced.
    expect(plan.columns.map((c) => c.column)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await gateway.countReplaced(source, plan)).toEqual({ count: 1, address: "Factures!E1" });
  });

  test("25 rows in chunks of 10: progress 10, 20, 25, then formats; every value right and no input cell written", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    const seen: string[] = [];
    const sink = gateway.applySink(source, {
      onFormats: (done, total) => seen.push(`formats:${done}/${total}`),
    });
    const outcome = await applyRequest(
      omiRequest(source, "values"),
      rowsInMemory(registerPlace(source), source.headers, source.rows),
      sink,
      {
        chunkRows: 10,
        onProgress: ({ done }) => seen.push(`values:${done}`),
        yieldFn: async () => undefined,
      },
    );
    expect(outcome).toMatchObject({ rowsWritten: 25, cancelled: false });
    expect(seen).toEqual(["values:10", "values:20", "values:25", "formats:25/25"]);
    expect(HEADERS.map((_, k) => wb.value("Factures", 0, 3 + k))).toEqual(HEADERS);
    // Invoice 4 is on sheet row 5 (index 4): due 45658 + 4 + 30 = 45692 = 04/02/2025.
    expect(wb.value("Factures", 4, 3)).toBe(due(4));
    expect(wb.cell("Factures", 4, 3)?.numberFormat).toBe("dd/mm/yyyy");
    expect(wb.value("Factures", 4, 8)).toBe("À payer au plus tard le 04/02/2025");
    expect(wb.value("Factures", 25, 3)).toBe(due(25));
    const inputs = inputCells(25);
    expect(wb.writeLog.filter((a) => inputs.has(a))).toEqual([]);
    expect(wb.value("Factures", 4, 2)).toBe(400);
  });

  test("cancelling after the first chunk leaves the later rows unwritten, formats the written ones, and says so", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    const signal = { aborted: false };
    const { outcome } = await applyThrough(gateway, source, "values", {
      chunkRows: 10,
      signal,
      onProgress: () => (signal.aborted = true),
    });
    expect(outcome).toMatchObject({ rowsWritten: 10, cancelled: true });
    // Data row 10 is sheet row 11 (index 10): written and formatted; data row 11 (index 11): not.
    expect(wb.value("Factures", 10, 3)).toBe(due(10));
    expect(wb.cell("Factures", 10, 3)?.numberFormat).toBe("dd/mm/yyyy");
    expect(wb.value("Factures", 11, 3)).toBe("");
  });

  test("an input cell edited while the columns are written stops the run before its next chunk, and names the cell", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    let edited = false;
    const { outcome } = await applyThrough(gateway, source, "values", {
      chunkRows: 10,
      onProgress: () => {
        if (edited) return;
        edited = true;
        // Someone changes the invoice date of data row 15 (sheet row 16, B16) after the first chunk.
        wb.edit("Factures", 15, 1, 45700);
      },
    });
    expect(outcome).toMatchObject({ rowsWritten: 10, cancelled: true, editedCell: "B16" });
    expect(wb.value("Factures", 10, 3)).toBe(due(10));
    expect(wb.value("Factures", 11, 3)).toBe("");
  });

  test("a change in the output columns themselves, or on another sheet, does not stop the run", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    let once = false;
    const { outcome } = await applyThrough(gateway, source, "values", {
      chunkRows: 10,
      onProgress: () => {
        if (once) return;
        once = true;
        wb.edit("Factures", 20, 4, "note"); // E21: an output column
        wb.edit("Abonnements", 2, 1, "x");
      },
    });
    expect(outcome).toMatchObject({ rowsWritten: 25, cancelled: false });
    expect(outcome.editedCell).toBeUndefined();
  });

  test("a protected sheet is refused before anything is written, values and portable modes alike", async () => {
    const { wb, gateway } = make(5);
    const source = await gateway.readSource("region");
    wb.protectedSheets.add("Factures");
    const log = wb.writeLog.length;
    const sheets = wb.sheetNames();
    // The confirmation's count comes first (before the question and portable mode's reference sheet).
    await expect(gateway.countReplaced(source, planOf(source))).rejects.toMatchObject({ code: "protected" });
    for (const write of ["values", "portable"] as const)
      await expect(applyThrough(gateway, source, write)).rejects.toMatchObject({
        code: "protected",
        detail: "Factures",
      });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.sheetNames()).toEqual(sheets);
  });

  test("hidden rows are read and written like the others, and the source names them by sheet row", async () => {
    const { wb, gateway } = make(25);
    // Sheet rows 4 and 8 (data rows 3 and 7) hidden by hand.
    wb.hideRows("Factures", [3, 7]);
    const source = await gateway.readSource("region");
    expect(source.rows).toHaveLength(25);
    expect(source.rows[2]).toEqual(["F-3", 45661, 300]);
    expect(source.layout).toEqual({ hiddenRows: [4, 8], merges: [] });
    await applyThrough(gateway, source, "values");
    // The hidden sheet row 4 (invoice 3) gets its due date like its neighbours.
    expect(wb.value("Factures", 3, 3)).toBe(due(3));
    expect(wb.value("Factures", 7, 3)).toBe(due(7));
    expect(wb.value("Factures", 3, 2)).toBe(300);
  });

  test("an autofilter on the sheet: the filtered-out rows are read too, counted, and the filter is said", async () => {
    const { wb, gateway } = make(25);
    // Data > Filter on A1:C26, keeping amounts up to 1 000 €: F-11..F-25 (sheet rows 12..26) are filtered out.
    wb.setAutoFilter(
      "Factures",
      { row: 0, column: 0, rowCount: 26, columnCount: 3 },
      (row) => Number(row[2]) <= 1000,
    );
    const source = await gateway.readSource("region");
    expect(source.rows).toHaveLength(25);
    expect(source.rows[24]).toEqual(["F-25", 45683, 2500]);
    expect(source.layout?.filter).toEqual({ on: "sheet" });
    expect(source.layout?.hiddenRows).toEqual(Array.from({ length: 15 }, (_, k) => 12 + k));
  });

  test("a filtered Excel table: its filter is named and its filtered-out row is still read", async () => {
    const { wb, gateway } = make(5);
    wb.select("Abonnements", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    wb.filterTable("Abos", (row) => row[0] !== "Beta");
    const source = await gateway.readSource("table");
    expect(source.rows.map((r) => r[0])).toEqual(["Alpha", "Beta", "Gamma"]);
    // Beta is on sheet row 4 (the table starts at B2).
    expect(source.layout).toEqual({ hiddenRows: [4], filter: { on: "table", table: "Abos" }, merges: [] });
  });

  test("a merged cell inside the register is named, and its other cells read blank as in Excel", async () => {
    const { gateway, wb } = make(5, "1.13");
    // B3:B4 merged: Excel keeps F-2's date (B3) and empties B4, F-3's date.
    wb.merge("Factures", { row: 2, column: 1, rowCount: 2, columnCount: 1 });
    const source = await gateway.readSource("region");
    expect(source.rows[1]).toEqual(["F-2", 45660, 200]);
    expect(source.rows[2]).toEqual(["F-3", "", 300]);
    expect(source.layout?.merges).toEqual(["B3:B4"]);
  });

  test("a merge where the new columns go is refused before anything is written, naming it; the input is untouched", async () => {
    const { wb, gateway } = make(25, "1.13");
    const source = await gateway.readSource("region");
    // E5:E6, in the second new column (D..I).
    wb.merge("Factures", { row: 4, column: 4, rowCount: 2, columnCount: 1 });
    const before = wb.values("Factures", { row: 0, column: 0, rowCount: 26, columnCount: 9 });
    const log = wb.writeLog.length;
    await expect(gateway.countReplaced(source, planOf(source))).rejects.toMatchObject({
      code: "merged",
      detail: "E5:E6",
    });
    await expect(applyThrough(gateway, source, "values")).rejects.toMatchObject({
      code: "merged",
      detail: "E5:E6",
    });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.values("Factures", { row: 0, column: 0, rowCount: 26, columnCount: 9 })).toEqual(before);
  });

  test("a merge starting in an input column and reaching into a new column is refused too", async () => {
    const { wb, gateway } = make(25, "1.13");
    // C8:D8: F-7's amount merged across the first new column D.
    wb.merge("Factures", { row: 7, column: 2, rowCount: 1, columnCount: 2 });
    const source = await gateway.readSource("region");
    expect(source.layout?.merges).toEqual(["C8:D8"]);
    await expect(gateway.countReplaced(source, planOf(source))).rejects.toMatchObject({
      code: "merged",
      detail: "C8:D8",
    });
    const log = wb.writeLog.length;
    await expect(applyThrough(gateway, source, "values")).rejects.toMatchObject({
      code: "merged",
      detail: "C8:D8",
    });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.value("Factures", 7, 2)).toBe(700);
  });

  test("a second run refuses a merge made from a former output header, and writes nothing", async () => {
    const { wb, gateway } = make(5, "1.13");
    await applyThrough(gateway, await gateway.readSource("region"), "values");
    // The user merges the "Statut" header I1 with the empty J1 (I1 keeps its text).
    wb.merge("Factures", { row: 0, column: 8, rowCount: 1, columnCount: 2 });
    const source = await gateway.readSource("region");
    const plan = planOf(source);
    expect(plan.columns.map((c) => [c.column, c.existing])).toEqual(
      [3, 4, 5, 6, 7, 8].map((column) => [column, true]),
    );
    const log = wb.writeLog.length;
    await expect(gateway.countReplaced(source, plan)).rejects.toMatchObject({ detail: "I1:J1" });
    await expect(applyThrough(gateway, source, "values")).rejects.toMatchObject({
      code: "merged",
      detail: "I1:J1",
    });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.value("Factures", 2, 3)).toBe(due(2));
    expect(wb.value("Factures", 0, 8)).toBe("Statut");
  });

  test("a second run rewrites the add-in's own columns in place without asking, and writes the same cells", async () => {
    const { wb, gateway } = make(5);
    await applyThrough(gateway, await gateway.readSource("region"), "values");
    const first = wb.values("Factures", { row: 0, column: 0, rowCount: 6, columnCount: 10 });
    // Read again (as after reopening the workbook): the region now spans A..I, E1's note replaced by
    // "Jours de retard"; the six columns are recognised by their headers.
    const source = await gateway.readSource("region");
    expect(source.headers).toEqual(["N° facture", "Date facture", "Montant TTC", ...HEADERS]);
    const plan = planOf(source);
    expect(plan.columns.every((c) => c.existing)).toBe(true);
    expect(await gateway.countReplaced(source, plan)).toEqual({ count: 0, address: "" });
    const { outcome } = await applyThrough(gateway, source, "values");
    expect(outcome.columns.filter((c) => !c.existing)).toEqual([]);
    expect(wb.values("Factures", { row: 0, column: 0, rowCount: 6, columnCount: 10 })).toEqual(first);
  });

  test("live formulas: the as-of label and date right of the columns are the add-in's own on a second run; someone's text there is counted", async () => {
    const { wb, gateway } = make(5);
    await applyThrough(gateway, await gateway.readSource("region"), "formulas");
    // J1 "Date d'arrêté", K1 the as-of date 01/01/2025 (45658), which every formula reads as $K$1.
    expect(wb.value("Factures", 0, 9)).toBe("Date d'arrêté");
    expect(wb.value("Factures", 0, 10)).toBe(45658);
    expect(wb.cell("Factures", 0, 10)?.numberFormat).toBe("dd/mm/yyyy");
    expect(wb.cell("Factures", 1, 4)?.formula).toBe("=MAX(0,$K$1-D2)");
    let source = await gateway.readSource("region");
    expect(await gateway.countReplaced(source, planOf(source, "formulas"))).toEqual({
      count: 0,
      address: "",
    });
    // Someone types a heading over the label: it is theirs now, and so is the date cell beside it.
    wb.edit("Factures", 0, 9, "Commentaire");
    source = await gateway.readSource("region");
    expect(await gateway.countReplaced(source, planOf(source, "formulas"))).toEqual({
      count: 2,
      address: "Factures!J1:K1",
    });
  });

  test("new columns of a table extend the table", async () => {
    const { wb, gateway } = make(5);
    wb.select("Abonnements", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    const source = await gateway.readSource("table");
    const rec = recognizeHeaders(source.headers);
    expect(rec.mode).toBe("subscriptions");
    const { outcome } = await applyThrough(gateway, source, "values", {
      request: {
        options: { ...omiRequest(source, "values").options, mode: "subscriptions", mapping: rec.mapping },
      },
    });
    // Five subscription columns, E..I, right of the table B2:D5: the table is now B2:I5.
    expect(outcome.columns.map((c) => c.column)).toEqual([4, 5, 6, 7, 8]);
    expect(wb.tables[0]?.columnCount).toBe(8);
    expect(wb.value("Abonnements", 1, 4)).toBe("Prochain renouvellement");
    const again = await gateway.readSource("table");
    expect(again.headers.slice(3)).toEqual(outcome.columns.map((c) => c.header));
  });

  test("live formulas are written as formulas, with the CGV.* functions on the row's own cells", async () => {
    const { wb, gateway } = make(3);
    const { report } = await applyThrough(gateway, await gateway.readSource("region"), "formulas");
    // Sheet row 3 (invoice 2): the due date from its own invoice date B3.
    expect(wb.cell("Factures", 2, 3)?.formula).toBe('=CGV.DUEDATE("omi",B3)');
    expect(report.formulaNames).toBe("english");
  });

  test("portable formulas go over a reference sheet of exactly its name, replaced on a second run", async () => {
    const { wb, gateway } = make(3);
    const { outcome } = await applyThrough(gateway, await gateway.readSource("region"), "portable");
    expect(outcome.portable?.sheet).toBe("Échéance - taux et fériés");
    expect(wb.sheetNames()).toContain("Échéance - taux et fériés");
    const formula = String(wb.cell("Factures", 1, 3)?.formula);
    expect(formula).toMatch(/^=/);
    expect(formula).not.toMatch(/CGV\./);
    await applyThrough(gateway, await gateway.readSource("region"), "portable");
    // Same name (never "… (2)"): the formulas name it.
    expect(wb.sheetNames().filter((n) => n.startsWith("Échéance - taux"))).toEqual([
      "Échéance - taux et fériés",
    ]);
  });

  test("the reference sheet is laid out as the xlsx copy writes it: widths, bold wrapped headings in a row tall enough, A4 landscape one page wide", async () => {
    const { wb, gateway } = make(3);
    await applyThrough(gateway, await gateway.readSource("region"), "portable");
    const name = "Échéance - taux et fériés";
    // Row 4 (index 3) holds the headings: « Semestre » in A4, bold and wrapped.
    expect(wb.cell(name, 3, 0)).toMatchObject({ value: "Semestre", bold: true, wrap: true });
    expect(wb.cell(name, 0, 0)?.bold).toBe(true);
    // A (the half-year) is 12 characters: Truncate(((256·12 + 18) / 256) · 7) = 84 px = 63 pt.
    expect(wb.columnWidth(name, 0)).toBe(63);
    // « Taux appliqué Conditions légales (client professionnel) »: its column is as wide as its
    // longest word in bold, « professionnel) » 14 × 1.1 → 16 + 2 = 18 characters, 16 per line:
    // « Taux appliqué » (4.4 + 1.1 + 8.8 = 14.3) / « Conditions » (11; with « légales » 19.8) /
    // « légales » (7.7; with « (client » 16.5) / « (client » (with « professionnel) » 24.2) /
    // « professionnel) » (15.4) — 5 lines of 15 pt = 75 pt; « … Xiahdeh (client particulier) » in
    // its 16 characters takes 5 too.
    expect(wb.rowHeight(name, 3)).toBe(75);
    expect(wb.pageLayouts.get(name)).toMatchObject({
      orientation: "Landscape",
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
    });
  });

  test("highlighting is two custom-formula conditional formats on the written columns, testing their own due date", async () => {
    const { wb, gateway, host } = make(25);
    const { outcome } = await applyThrough(gateway, await gateway.readSource("region"), "values", {
      request: { highlightDays: 30 },
    });
    expect(outcome.highlight).toBe("added");
    // As of 01/01/2025 (45658): overdue up to 45657, coming within 30 days 45658..45688; no
    // payment-date column, so every past due date counts as unpaid. Blocks D2:I26.
    const expected = ["=AND(ISNUMBER($D2),$D2<=45657)", "=AND(ISNUMBER($D2),$D2>=45658,$D2<=45688)"];
    if (host) {
      expect(host.conditionalFormats.map((f) => [f.formula, f.fill])).toEqual([
        [expected[0], "#F8D7DA"],
        [expected[1], "#FFF1C2"],
      ]);
      expect(host.conditionalFormats[0]?.block).toEqual({ row: 1, column: 3, rowCount: 25, columnCount: 6 });
    } else {
      expect(wb.conditionalFormats.map((r) => [r.kind, r.row, r.column, r.rowCount, r.columnCount])).toEqual([
        ["overdue", 1, 3, 25, 6],
        ["soon", 1, 3, 25, 6],
      ]);
      // Invoice 1 is due 45689, past the 30 days: not filled.
      expect(wb.highlightAt("Factures", 1, 3)).toBeUndefined();
    }
  });

  test("10,000 rows of portable formulas go through in requests under 4 MB (Excel on the web refuses 5 MB)", async () => {
    const { wb, gateway, host } = make(10_000);
    wb.logWrites = false;
    wb.syncs.length = 0;
    const source = await gateway.readSource("region");
    const { outcome } = await applyThrough(gateway, source, "portable", { chunkRows: 10_000 });
    expect(outcome.rowsWritten).toBe(10_000);
    // The last invoice (sheet row 10,001): a native formula over its own invoice date B10001.
    expect(String(wb.cell("Factures", 10_000, 3)?.formula)).toContain("B10001");
    const sizes = host ? host.syncs.map((s) => s.requestBytes) : wb.syncs;
    // 10,000 rows of six formula cells is more than 5 MB of JSON: several requests, none refused.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4_000_000);
    expect(host ? host.refused : wb.refusedRequests).toEqual(host ? [] : 0);
  });

  test("a request refused for its size is retried in halves instead of failing", async () => {
    const wb = sampleWorkbook(10_000);
    wb.logWrites = false;
    const host = _name.startsWith("Excel") ? new FakeExcelHost(wb, "1.9") : undefined;
    // A budget far above the host's limit (as if the measure had underestimated): the host refuses.
    const gateway = host
      ? new ExcelGateway(host, { requestBytes: 50_000_000 })
      : new MemoryGateway(wb, { requestBytes: 50_000_000 });
    const { outcome } = await applyThrough(gateway, await gateway.readSource("region"), "portable", {
      chunkRows: 10_000,
    });
    expect(outcome.rowsWritten).toBe(10_000);
    expect(host ? host.refused.length : wb.refusedRequests).toBeGreaterThan(0);
    expect(String(wb.cell("Factures", 10_000, 3)?.formula)).toContain("B10001");
  });

  test("a register of long texts is read in requests sized by their bytes; a response over the limit is read again in halves", async () => {
    const wb = new MemoryWorkbook();
    // 20,000 invoices with a 300-character label each: about 6.6 MB of values.
    const label = "Prestation ".repeat(28).slice(0, 300);
    wb.addSheet("Factures", [
      ["Libellé", "Date facture", "Montant TTC"],
      ...Array.from({ length: 20_000 }, (_, i) => [`${label}${i}`, 45659 + (i % 300), 100]),
    ]);
    wb.select("Factures", { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    const host = _name.startsWith("Excel") ? new FakeExcelHost(wb, "1.9") : undefined;
    const gateway = host ? new ExcelGateway(host) : new MemoryGateway(wb);
    const source = await gateway.readSource("region");
    expect(source.rows).toHaveLength(20_000);
    expect(source.rows[19_999]?.[0]).toBe(`${label}19999`);
    // The first read is sized by cells (16,667 rows of 3 cells): over 5 MB, refused, read in halves;
    // the next ones by the bytes a row took, under 4 MB.
    const responses = host ? host.syncs.map((s) => s.responseBytes) : wb.syncs;
    expect(host ? host.refused.length : wb.refusedRequests).toBe(1);
    expect(Math.max(...responses)).toBeLessThanOrEqual(4_000_000);
  });

  test("the provenance note goes on the first result header, and a second run replaces it", async () => {
    const { wb, gateway } = make(3, "1.18");
    const { outcome, report } = await applyThrough(gateway, await gateway.readSource("region"), "values");
    expect(outcome.note?.added).toBe(true);
    expect(report.note).toBe("note");
    expect(wb.notes.get("Factures!D1")).toMatch(
      /^Échéance — valeurs calculées le 03\/12\/2026, arrêté au 01\/01\/2025\./,
    );
    // The shipped terms are undated: said in French, as the rest of the note (issue 15).
    expect(wb.notes.get("Factures!D1")).toContain("(version non datée (telle que collectée))");
    await applyThrough(gateway, await gateway.readSource("region"), "values");
    expect(wb.notes.size).toBe(1);
  });

  test("a report sheet is added under a free name and written with its formulas, formats and bold cells", async () => {
    const { wb, gateway } = make(3);
    const name = await gateway.addSheet("Factures");
    // "Factures" is taken: the new sheet is "Factures (2)".
    expect(name).toBe("Factures (2)");
    await gateway.writeMatrix(name, [
      [
        { value: "Semestre", bold: true },
        { value: 0.0371, numberFormat: "0.00%" },
      ],
      [{ value: "=B1*3" }],
    ]);
    expect(wb.cell(name, 0, 0)).toMatchObject({ value: "Semestre", bold: true });
    expect(wb.cell(name, 0, 1)).toMatchObject({ value: 0.0371, numberFormat: "0.00%" });
    expect(wb.cell(name, 1, 0)?.formula).toBe("=B1*3");
    expect(wb.cell(name, 1, 0)?.bold).toBeUndefined();
  });

  test("new result columns are as wide as their headers, and the register prints landscape, one page wide, its header row repeated", async () => {
    const { wb, gateway } = make(3);
    const { report } = await applyThrough(gateway, await gateway.readSource("region"), "values");
    // Width in characters max(the format's least, ⌈1.1 × header length⌉ + 2), in points as Office.js
    // takes them: ⌊((256 w + 18) / 256) × 7⌋ px × 0.75 (ECMA-376 §18.3.1.13, 7 px a digit at 96 dpi).
    // D « Échéance (CGV) » (14, a date): 18 → 126 px → 94.5 pt; G « Indemnité de recouvrement » (25):
    // 30 → 210 px → 157.5 pt; I « Statut » (a text, least 40): 40 → 280 px → 210 pt.
    expect(wb.columnWidth("Factures", 3)).toBe(94.5);
    expect(wb.columnWidth("Factures", 6)).toBe(157.5);
    expect(wb.columnWidth("Factures", 8)).toBe(210);
    // The register's own columns keep the width the user gave them.
    expect(wb.columnWidth("Factures", 0)).toBeUndefined();
    expect(wb.pageLayouts.get("Factures")).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
      printTitleRows: "$1:$1",
    });
    expect(report.printSetup).toBe(true);
  });

  test("a report sheet gets its layout's column widths, wrapped first column and one-page print setup", async () => {
    const { wb, gateway } = make(3);
    const name = await gateway.addSheet("D441-6");
    const written = await gateway.writeMatrix(
      name,
      [
        [{ value: "Factures reçues non réglées à la date de clôture dont le terme est échu" }],
        [{ value: 1 }],
      ],
      { columnWidths: [58, 15], wrapColumns: [0], landscape: true, pagesTall: 1 },
    );
    expect(written).toEqual({ printSetup: true });
    // 58 characters → ⌊((14848 + 18) / 256) × 7⌋ = 406 px → 304.5 pt; 15 → 105 px → 78.75 pt.
    expect([wb.columnWidth(name, 0), wb.columnWidth(name, 1)]).toEqual([304.5, 78.75]);
    expect([wb.cell(name, 0, 0)?.wrap, wb.cell(name, 1, 0)?.wrap]).toEqual([true, true]);
    expect(wb.pageLayouts.get(name)).toMatchObject({ orientation: "Landscape", verticalFitToPages: 1 });
  });

  test("a report row whose first column wraps gets its height, as `echeance report` gives it, so it does not print over the next", async () => {
    const { wb, gateway } = make(3);
    const name = await gateway.addSheet("D441-6");
    const layout = { ...DELAY_TABLE_LAYOUT, columnWidths: [20, 15] };
    const matrix = [
      // 70 characters in a column of 20, wrapped word by word in lines of 20 − 2 = 18 characters:
      // « Factures reçues » (15), « non réglées à la » (17), « date de clôture » (15),
      // « dont le terme est » (17), « échu » → 5 lines × 15 = 75 pt.
      [{ value: "Factures reçues non réglées à la date de clôture dont le terme est échu" }],
      [{ value: 1 }],
    ];
    await gateway.writeMatrix(name, matrix, { ...layout, rowHeights: wrappedRowHeights(matrix, layout) });
    expect([wb.rowHeight(name, 0), wb.rowHeight(name, 1)]).toEqual([75, undefined]);
  });

  test("the active sheet is watched: activating another sheet is told", async () => {
    const { wb, gateway } = make(3);
    const seen: string[] = [];
    const stop = await gateway.watchActiveSheet((sheet) => seen.push(sheet));
    wb.select("Abonnements", { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    wb.select("Abonnements", { row: 2, column: 1, rowCount: 1, columnCount: 1 });
    await stop();
    wb.select("Factures", { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    expect(seen).toEqual(["Abonnements"]);
  });

  test("a workbook in the 1904 date system is refused when read, not read four years off", async () => {
    const { wb, gateway } = make(3);
    wb.date1904 = true;
    await expect(gateway.readSource("region")).rejects.toMatchObject({ code: "date-1904" });
  });
});

describe("ExcelGateway against the Excel object model", () => {
  test("without ExcelApi 1.9 there is no print setup (Worksheet.pageLayout): the register and the report are written all the same", async () => {
    const wb = sampleWorkbook(3);
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.8"));
    const { outcome, report } = await applyThrough(gateway, await gateway.readSource("region"), "values");
    expect(outcome.rowsWritten).toBe(3);
    expect(wb.value("Factures", 1, 3)).toBe(due(1));
    expect(report.printSetup).toBe(false);
    expect(wb.pageLayouts.size).toBe(0);
    const name = await gateway.addSheet("D441-6");
    const written = await gateway.writeMatrix(name, [[{ value: "Total" }]], {
      columnWidths: [58],
      wrapColumns: [0],
      landscape: true,
      pagesTall: 1,
    });
    expect(written).toEqual({ printSetup: false });
    expect(wb.value(name, 0, 0)).toBe("Total");
    // Column widths are ExcelApi 1.2: set all the same.
    expect(wb.columnWidth(name, 0)).toBe(304.5);
  });

  test("the fake Excel refuses Worksheet.pageLayout below ExcelApi 1.9, at sync, as Excel does", async () => {
    const wb = sampleWorkbook(1);
    const host = new FakeExcelHost(wb, "1.8");
    await expect(
      host.run(async (context) => {
        const layout = context.workbook.worksheets.getItem("Factures").pageLayout;
        layout.orientation = "Landscape";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(wb.pageLayouts.size).toBe(0);
  });

  test("one request checks the sheet, one writes the headers, one per chunk of rows, formats at the end, then one recalculation", async () => {
    const wb = sampleWorkbook(25);
    const host = new FakeExcelHost(wb, "1.9");
    const gateway = new ExcelGateway(host);
    const source = await gateway.readSource("region");
    const before = host.contexts.length;
    await applyThrough(gateway, source, "values", { chunkRows: 10 });
    const runs = host.contexts.slice(before);
    const syncs = runs.flatMap((c) => c.syncs);
    // The protection read; the six headers; 10, 10 and 5 rows of six cells; the 25 × 6 number
    // formats in one request (under 4 MB); the recalculation; the print setup (its own request, so
    // that a refusal leaves the register alone); the selection. No note (ExcelApi 1.9 has neither
    // notes nor comments).
    expect(syncs.map((s) => [s.values, s.formats])).toEqual([
      [0, 0],
      [6, 0],
      [60, 0],
      [60, 0],
      [30, 0],
      [0, 150],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(runs.reduce((n, c) => n + c.recalculations, 0)).toBe(1);
  });

  test("without ExcelApi 1.6 calculation is not suspended and no recalculation is asked", async () => {
    const wb = sampleWorkbook(5);
    const host = new FakeExcelHost(wb, "1.5");
    const gateway = new ExcelGateway(host);
    // ExcelApi 1.5 has no getSurroundingRegion (1.7): the used range A1:E6 is read instead.
    const source = await gateway.readSource("region");
    expect(source.address).toBe("Factures!A1:E6");
    await applyThrough(gateway, source, "values");
    expect(host.contexts.reduce((n, c) => n + c.recalculations, 0)).toBe(0);
    // The columns go right of the used range: F..K.
    expect(wb.value("Factures", 0, 5)).toBe("Échéance (CGV)");
  });

  test("table columns are added with columns.add, one per new column, named from ExcelApi 1.4", async () => {
    const wb = sampleWorkbook(5);
    wb.select("Abonnements", { row: 3, column: 1, rowCount: 1, columnCount: 1 });
    const host = new FakeExcelHost(wb, "1.9");
    const gateway = new ExcelGateway(host);
    const source = await gateway.readSource("table");
    const rec = recognizeHeaders(source.headers);
    const { outcome } = await applyThrough(gateway, source, "values", {
      request: {
        options: { ...omiRequest(source, "values").options, mode: "subscriptions", mapping: rec.mapping },
      },
    });
    expect(host.tableColumnsAdded).toEqual(outcome.columns.map((c) => c.header));
    expect(wb.tables[0]?.columnCount).toBe(8);
  });

  test("without Range.getTables (ExcelApi 1.9) the active sheet's first table is used", async () => {
    const wb = sampleWorkbook(5);
    // Active cell outside the table (A1 of Abonnements): with 1.8 the sheet's table is still found.
    wb.select("Abonnements", { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.8"));
    const source = await gateway.readSource("table");
    expect(source.table?.name).toBe("Abos");
  });

  test("a selection of several areas without getSelectedRanges: Excel's failure becomes the same sentence", async () => {
    for (const [api, options] of [
      ["1.8", {}],
      ["1.9", { absent: ["getSelectedRanges"] }],
    ] as const) {
      const wb = sampleWorkbook(5);
      wb.selectAreas("Factures", [
        { row: 0, column: 0, rowCount: 2, columnCount: 2 },
        { row: 4, column: 2, rowCount: 1, columnCount: 1 },
      ]);
      const gateway = new ExcelGateway(new FakeExcelHost(wb, api, options));
      await expect(gateway.readSource("selection")).rejects.toMatchObject({ code: "multi-area" });
    }
  });

  test("a whole-column selection A:C is clipped to the used rows instead of reading a million rows", async () => {
    const wb = sampleWorkbook(5);
    wb.select("Factures", { row: 0, column: 0, rowCount: 1_048_576, columnCount: 3 });
    const host = new FakeExcelHost(wb);
    const source = await new ExcelGateway(host).readSource("selection");
    // Used range A1:E6 (header + 5 rows, the note in E1): rows 1..6 of columns A..C.
    expect(source.address).toBe("Factures!A1:C6");
    expect(source.rows).toHaveLength(5);
  });

  test("on a sheet formatted down to row 1,048,576, a whole-column selection still reads only the rows with values", async () => {
    // Issue 21: Excel's used range counts cells that only carry formatting; getUsedRange(true) does not.
    const wb = sampleWorkbook(5);
    wb.setNumberFormat("Factures", 1_048_575, 0, "dd/mm/yyyy");
    wb.select("Factures", { row: 0, column: 0, rowCount: 1_048_576, columnCount: 3 });
    const host = new FakeExcelHost(wb, "1.9");
    const source = await new ExcelGateway(host).readSource("selection");
    expect(source.address).toBe("Factures!A1:C6");
    expect(source.rows).toHaveLength(5);
    // One locating request and one read of 6 rows × 3 cells: no blank row came back.
    expect(host.contexts).toHaveLength(2);
    expect(Math.max(...host.syncs.map((s) => s.responseBytes))).toBeLessThan(1_000);
    // The same sheet through the used range with formats would have been a million rows.
    expect(wb.usedBlock("Factures", { valuesOnly: false }).rowCount).toBe(1_048_576);
  });

  test("without ExcelApi 1.2 (no valuesOnly), the region read falls back on the used range as Excel gives it", async () => {
    const wb = sampleWorkbook(5);
    const host = new FakeExcelHost(wb, "1.1");
    const source = await new ExcelGateway(host).readSource("region");
    expect(source.address).toBe("Factures!A1:E6");
  });

  test("a long register is read in requests sized by bytes: the first by cells, the rest at once", async () => {
    const wb = sampleWorkbook(60_000);
    const host = new FakeExcelHost(wb);
    const source = await new ExcelGateway(host).readSource("region");
    expect(source.rows).toHaveLength(60_000);
    // 1 locating run; 60,001 rows of 3 cells: the first read 16,666 rows (50,000 cells), whose rows
    // take under 40 bytes each, so the other 43,335 rows (under 2 MB) come in one more read.
    expect(host.contexts).toHaveLength(3);
    expect(Math.max(...host.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(4_000_000);
  });

  test("a response Excel on the web answers with null values is read again in halves", async () => {
    const wb = new MemoryWorkbook();
    const label = "x".repeat(400);
    wb.addSheet("Factures", [
      ["Libellé", "Date facture", "Montant TTC"],
      ...Array.from({ length: 15_000 }, (_, i) => [`${label}${i}`, 45659, 100]),
    ]);
    wb.select("Factures", { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    const host = new FakeExcelHost(wb, "1.9", { oversizedResponse: "null" });
    const source = await new ExcelGateway(host).readSource("region");
    expect(source.rows).toHaveLength(15_000);
    expect(source.rows[14_999]?.[0]).toBe(`${label}14999`);
    expect(host.refused.length).toBeGreaterThan(0);
  });

  test("a workbook in the 1904 date system is refused by both hosts", async () => {
    const wb = sampleWorkbook(3);
    wb.date1904 = true;
    await expect(new ExcelGateway(new FakeExcelHost(wb)).readSource("region")).rejects.toMatchObject({
      code: "date-1904",
    });
  });

  test("an Excel that claims notes (1.18) but whose host file has no workbook.notes gets a comment, and Apply ends well", async () => {
    const wb = sampleWorkbook(3);
    const host = new FakeExcelHost(wb, "1.18", { absent: ["notes"] });
    const gateway = new ExcelGateway(host);
    const { outcome, report } = await applyThrough(gateway, await gateway.readSource("region"), "values");
    expect(outcome).toMatchObject({ rowsWritten: 3, cancelled: false, note: { added: true } });
    expect(report.note).toBe("comment");
    expect(wb.notes.size).toBe(0);
    expect(wb.comments.get("Factures!D1")).toMatch(/^Échéance — valeurs calculées/);
    // A second run replaces the comment rather than adding one.
    await applyThrough(gateway, await gateway.readSource("region"), "values");
    expect(wb.comments.size).toBe(1);
  });

  test("with neither notes nor comments the note is not added, and the values written stand", async () => {
    for (const [api, options] of [
      ["1.18", { absent: ["notes", "comments"] }],
      ["1.9", {}],
    ] as const) {
      const wb = sampleWorkbook(3);
      const gateway = new ExcelGateway(new FakeExcelHost(wb, api, options));
      const { outcome, report } = await applyThrough(gateway, await gateway.readSource("region"), "values");
      expect(outcome).toMatchObject({ rowsWritten: 3, cancelled: false, note: { added: false } });
      expect(report.note).toBe("none");
      expect(wb.value("Factures", 3, 3)).toBe(due(3));
      expect(wb.notes.size + wb.comments.size).toBe(0);
    }
  });

  test("a host file without the visible view, autofilter, merged areas or calculation suspension it claims: read and written all the same", async () => {
    const wb = sampleWorkbook(25);
    wb.hideRows("Factures", [3]);
    wb.setAutoFilter("Factures", { row: 0, column: 0, rowCount: 26, columnCount: 3 });
    wb.merge("Factures", { row: 10, column: 0, rowCount: 2, columnCount: 1 });
    const host = new FakeExcelHost(wb, "1.13", {
      absent: [
        "getVisibleView",
        "autoFilter",
        "getMergedAreasOrNullObject",
        "suspendApiCalculationUntilNextSync",
      ],
    });
    const gateway = new ExcelGateway(host);
    const source = await gateway.readSource("region");
    // Nothing can be told, so nothing is said; every row is read.
    expect(source.layout).toEqual({ hiddenRows: [], merges: [] });
    expect(source.rows).toHaveLength(25);
    const { outcome } = await applyThrough(gateway, source, "values");
    expect(outcome.rowsWritten).toBe(25);
    expect(host.contexts.some((c) => c.calculationSuspended)).toBe(false);
    expect(wb.value("Factures", 25, 3)).toBe(due(25));
  });

  test("without ExcelApi 1.13 merged cells are not looked for: nothing is said, and Excel's own refusal comes at the write", async () => {
    const wb = sampleWorkbook(5);
    wb.merge("Factures", { row: 2, column: 1, rowCount: 2, columnCount: 1 });
    // I4:J4: across the last new column I and the column right of it.
    wb.merge("Factures", { row: 3, column: 8, rowCount: 1, columnCount: 2 });
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.12"));
    const source = await gateway.readSource("region");
    expect(source.layout?.merges).toEqual([]);
    await expect(gateway.countReplaced(source, planOf(source))).resolves.toEqual({
      count: 1,
      address: "Factures!E1",
    });
    // The headers go in, then the first rows cover part of I4:J4 and Excel refuses them: the
    // half-written block the check (ExcelApi 1.13) prevents.
    await expect(applyThrough(gateway, source, "values")).rejects.toThrow(
      "Cannot change part of a merged cell (I4:J4)",
    );
    expect(wb.value("Factures", 0, 3)).toBe("Échéance (CGV)");
    expect(wb.value("Factures", 1, 3)).toBe("");
  });

  test("without ExcelApi 1.3 hidden rows are not looked for, and without 1.9 no filter is", async () => {
    const wb = sampleWorkbook(5);
    wb.hideRows("Factures", [2]);
    const old = await new ExcelGateway(new FakeExcelHost(wb, "1.2")).readSource("region");
    expect(old.rows).toHaveLength(5);
    expect(old.layout).toEqual({ hiddenRows: [], merges: [] });
    wb.setAutoFilter(
      "Factures",
      { row: 0, column: 0, rowCount: 6, columnCount: 3 },
      (row) => row[0] !== "F-4",
    );
    const noFilter = await new ExcelGateway(new FakeExcelHost(wb, "1.8")).readSource("region");
    // Sheet rows 3 (by hand) and 5 (F-4, filtered out) are hidden; the filter itself is not seen.
    expect(noFilter.layout).toEqual({ hiddenRows: [3, 5], merges: [] });
  });

  test("hidden rows, filters and merges ride on the requests a read and a write make anyway", async () => {
    const requests = async (dress: (wb: MemoryWorkbook) => void) => {
      const wb = sampleWorkbook(25);
      dress(wb);
      const host = new FakeExcelHost(wb, "1.13");
      const gateway = new ExcelGateway(host);
      const source = await gateway.readSource("region");
      await gateway.countReplaced(source, planOf(source));
      await applyThrough(gateway, source, "values", { chunkRows: 10 });
      return { syncs: host.syncs.length, layout: source.layout };
    };
    const plain = await requests(() => undefined);
    const dressed = await requests((wb) => {
      wb.hideRows("Factures", [4]);
      wb.setAutoFilter(
        "Factures",
        { row: 0, column: 0, rowCount: 26, columnCount: 3 },
        (r) => r[0] !== "F-9",
      );
      wb.merge("Factures", { row: 11, column: 0, rowCount: 2, columnCount: 1 });
    });
    expect(dressed.layout).toEqual({ hiddenRows: [5, 10], filter: { on: "sheet" }, merges: ["A12:A13"] });
    expect(dressed.syncs).toBe(plain.syncs);
  });

  test("past 512 merged areas Excel refuses the query: the read is made again without it and says nothing of merges", async () => {
    const wb = sampleWorkbook(1_100);
    // 550 merges of two cells in column A (A2:A3, A4:A5…): more than Excel lists.
    for (let k = 0; k < 550; k++)
      wb.merge("Factures", { row: 1 + 2 * k, column: 0, rowCount: 2, columnCount: 1 });
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.13"));
    const source = await gateway.readSource("region");
    expect(source.rows).toHaveLength(1_100);
    expect(source.rows[0]).toEqual(["F-1", 45659, 100]);
    expect(source.layout?.merges).toEqual([]);
    // The output check cannot be made either: the count goes on without it (E1's note).
    await expect(gateway.countReplaced(source, planOf(source))).resolves.toMatchObject({ count: 1 });
  });
});

describe("live formulas in a localized Excel (office-js #891, #6614)", () => {
  /** A clock that moves only when the name check waits between two reads. */
  function settleClock() {
    let t = 0;
    const settle: NameSettle = {
      ...NAME_SETTLE,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    };
    return { settle, elapsed: () => t };
  }

  /** Applies live formulas to the fixture register on a fake Excel, and the formulas it stored. */
  async function liveFormulas(options: FakeHostOptions, rows = 12) {
    const wb = sampleWorkbook(rows);
    const host = new FakeExcelHost(wb, "1.9", options);
    const clock = settleClock();
    const gateway = new ExcelGateway(host, { nameSettle: clock.settle });
    const { report } = await applyThrough(gateway, await gateway.readSource("region"), "formulas", {
      chunkRows: 5,
    });
    const formulas = Array.from({ length: rows }, (_, i) =>
      [3, 4, 5, 6, 7].map((c) => wb.cell("Factures", i + 1, c)?.formula),
    );
    const values = Array.from({ length: rows }, (_, i) => wb.value("Factures", i + 1, 3));
    const cells = (key: "formulas" | "local") => host.syncs.reduce((n, s) => n + s[key], 0);
    return {
      report,
      formulas,
      values,
      english: cells("formulas") - cells("local"),
      local: cells("local"),
      waited: clock.elapsed(),
      wb,
    };
  }

  test("English names work in an English Excel: written once through `formulas`", async () => {
    const { report, formulas, values } = await liveFormulas({});
    expect(report.formulaNames).toBe("english");
    expect(formulas[0]).toEqual([
      '=CGV.DUEDATE("omi",B2)',
      "=MAX(0,$K$1-D2)",
      '=CGV.LATEINTEREST("omi",C2,D2,$K$1)',
      '=CGV.RECOVERYFEE("omi",D2,$K$1)',
      "=F2+G2",
    ]);
    expect(values).not.toContain("#NAME?");
  });

  test("a French Excel gives #NAME? for the English names: the formulas go again through formulasLocal in French, and the pane is told", async () => {
    const english = await liveFormulas({});
    const french = await liveFormulas({ language: "fr" });
    expect(french.report.formulaNames).toBe("french");
    // The French Excel keeps the same formulas (its `formulas` read back in English) on every row,
    // the first chunk rewritten and the later ones written in French at once; no cell shows #NAME?.
    expect(french.formulas).toEqual(english.formulas);
    expect(french.values).not.toContain("#NAME?");
    // 12 rows in chunks of 5, six columns D..I: the first chunk (30 cells) through `formulas`, then
    // again through `formulasLocal`, and the chunks of 5 and 2 rows (42 cells) through it at once.
    expect(english.english).toBe(72);
    expect([french.english, french.local]).toEqual([30, 72]);
  });

  test("a French Excel on English regional settings takes the French names with English separators", async () => {
    const english = await liveFormulas({});
    const french = await liveFormulas({ language: "fr", separators: "en" });
    expect(french.report.formulaNames).toBe("french");
    expect(french.formulas).toEqual(english.formulas);
    expect(french.values).not.toContain("#NAME?");
  });

  test("when the functions are not loaded (or not yet), neither name works: no #NAME? is left, the CGV.* cells hold their values, and the pane is told", async () => {
    const english = await liveFormulas({});
    const { report, formulas, wb, waited } = await liveFormulas({ language: "fr", functionsLoaded: false });
    expect(report.formulaNames).toBe("unknown");
    // Excel does not resolve a #NAME? again once the functions load (office-js #6611): values instead.
    for (let r = 1; r <= 12; r++)
      for (let c = 3; c <= 7; c++) expect(wb.value("Factures", r, c)).not.toBe("#NAME?");
    // D (due date), F (interest), G (recovery fee) called CGV.*: their results, no formula; E and H,
    // native formulas, stay: =MAX(0,$K$1-D2), =F2+G2.
    expect(formulas[0]).toEqual([undefined, "=MAX(0,$K$1-D2)", undefined, undefined, "=F2+G2"]);
    // Invoice 1 is dated 02/01/2025 (serial 45659): due 30 days later under OMI's terms, 45689.
    expect(wb.value("Factures", 1, 3)).toBe(45689);
    expect(english.formulas[0]?.[0]).toBe('=CGV.DUEDATE("omi",B2)');
    // The probe waited the bounded 3 s twice — after the English names, after the French ones with
    // French separators — before deciding that neither was known (this French-region Excel refuses
    // the English separators outright: nothing to wait for).
    expect(waited).toBe(2 * 3000);
  });

  test("a French Excel whose first reads show #BUSY!: the names are decided once the cell is worked out, not on #BUSY!", async () => {
    const english = await liveFormulas({});
    const french = await liveFormulas({ language: "fr", busyReads: 3 });
    expect(french.report.formulaNames).toBe("french");
    expect(french.formulas).toEqual(english.formulas);
    expect(french.values).not.toContain("#NAME?");
  });

  test("an English Excel whose first reads show #BUSY! keeps the English names, after three reads", async () => {
    const { report, english, local, waited } = await liveFormulas({ busyReads: 3 });
    expect(report.formulaNames).toBe("english");
    expect([english, local]).toEqual([72, 0]);
    // Three reads showed #BUSY!, each followed by a 250 ms pause; the fourth saw the formula's result.
    expect(waited).toBe(750);
  });

  test("a cell #BUSY! past the bounded wait: its function was found, the English names stand", async () => {
    const { report, waited } = await liveFormulas({ busyReads: 1_000 });
    expect(report.formulaNames).toBe("english");
    expect(waited).toBe(3000);
  });
});
