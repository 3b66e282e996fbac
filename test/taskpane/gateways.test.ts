import { ExcelGateway } from "../../src/excel/excel-gateway";
import {
  GatewayError,
  placeColumns,
  type OutputColumn,
  type SourceBlock,
  type WriteProgress,
  readChunkRows,
  READ_CELL_BUDGET,
} from "../../src/excel/gateway";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { FakeExcelHost } from "./fake-excel";
import { inputCells, sampleWorkbook } from "./gateway-fixtures";

const column = (
  header: string,
  rows: number,
  format: string,
  f: (i: number) => string | number,
): OutputColumn => ({
  header,
  numberFormat: format,
  cells: Array.from({ length: rows }, (_, i) => f(i + 1)),
});

/** Two output columns for a register of `rows` rows: a due date (serial + 30) and a status. */
const outputs = (rows: number): OutputColumn[] => [
  column("Échéance", rows, "dd/mm/yyyy", (i) => 45658 + i + 30),
  column("Statut", rows, "@", (i) => (i === 4 ? "Erreur : date invalide" : "OK")),
];

describe.each([
  [
    "MemoryGateway",
    (rows: number, _excelApi?: string) => {
      const wb = sampleWorkbook(rows);
      return { wb, gateway: new MemoryGateway(wb), host: undefined };
    },
  ],
  [
    "ExcelGateway on a fake Excel",
    // ExcelApi 1.9 unless a test needs more (merged areas are read from 1.13).
    (rows: number, excelApi = "1.9") => {
      const wb = sampleWorkbook(rows);
      const host = new FakeExcelHost(wb, excelApi);
      return { wb, gateway: new ExcelGateway(host), host };
    },
  ],
] as const)("%s", (_name, make) => {
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

  test("the overwrite count is the non-empty cells where new columns would go: the note in E1 only", async () => {
    const { gateway } = make(25);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    // New columns go to D and E, right of A..C; E1 holds "Notes": one cell would be replaced.
    expect(placements.map((p) => p.column)).toEqual([3, 4]);
    expect(await gateway.countNonEmpty(source, placements)).toBe(1);
  });

  test("writing 25 rows in chunks of 10 reports 10, 20, 25 for values, then again for formats, and never writes an input cell", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    const seen: WriteProgress[] = [];
    const outcome = await gateway.writeColumns(source, placements, outputs(25), {
      mode: "values",
      chunkRows: 10,
      onProgress: (p) => seen.push(p),
    });
    expect(outcome).toMatchObject({ rowsWritten: 25, cancelled: false });
    expect(seen.map((p) => `${p.phase}:${p.rowsDone}`)).toEqual([
      "values:10",
      "values:20",
      "values:25",
      "formats:10",
      "formats:20",
      "formats:25",
    ]);
    // Row 4 of data is sheet row 5; its due date is 45658 + 4 + 30 = 45692.
    expect(wb.value("Factures", 0, 3)).toBe("Échéance");
    expect(wb.value("Factures", 4, 3)).toBe(45692);
    expect(wb.cell("Factures", 4, 3)?.numberFormat).toBe("dd/mm/yyyy");
    expect(wb.value("Factures", 4, 4)).toBe("Erreur : date invalide");
    expect(wb.value("Factures", 25, 4)).toBe("OK");
    const inputs = inputCells(25);
    expect(wb.writeLog.filter((a) => inputs.has(a))).toEqual([]);
    // Input values are unchanged.
    expect(wb.value("Factures", 4, 2)).toBe(400);
  });

  test("cancelling after the first chunk leaves the later rows unwritten and says so", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    const abort = new AbortController();
    const outcome = await gateway.writeColumns(source, placements, outputs(25), {
      mode: "values",
      chunkRows: 10,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    expect(outcome).toMatchObject({ rowsWritten: 10, cancelled: true });
    // Data row 10 is sheet row 11 (index 10): written; data row 11 (index 11): not.
    expect(wb.value("Factures", 10, 3)).toBe(45658 + 10 + 30);
    expect(wb.value("Factures", 11, 3)).toBe("");
  });

  test("an input cell edited while the columns are written stops the write before its next chunk, and names the cell", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    let edited = false;
    const outcome = await gateway.writeColumns(source, placements, outputs(25), {
      mode: "values",
      chunkRows: 10,
      onProgress: () => {
        if (edited) return;
        edited = true;
        // Someone changes the invoice date of data row 15 (sheet row 16, B16) after the first chunk.
        wb.edit("Factures", 15, 1, 45700);
      },
    });
    expect(outcome).toMatchObject({ rowsWritten: 10, cancelled: true, editedCell: "B16" });
    // The first chunk stands whole; nothing of the second was written.
    expect(wb.value("Factures", 10, 3)).toBe(45658 + 10 + 30);
    expect(wb.value("Factures", 11, 3)).toBe("");
  });

  test("a change in the output columns themselves, or on another sheet, does not stop the write", async () => {
    const { wb, gateway } = make(25);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    let once = false;
    const outcome = await gateway.writeColumns(source, placements, outputs(25), {
      mode: "values",
      chunkRows: 10,
      onProgress: () => {
        if (once) return;
        once = true;
        wb.edit("Factures", 20, 3, "note"); // D21: an output column
        wb.edit("Abonnements", 2, 1, "x");
      },
    });
    expect(outcome).toMatchObject({ rowsWritten: 25, cancelled: false });
    expect(outcome.editedCell).toBeUndefined();
  });

  test("a protected sheet is refused before anything is written, from the first look at the target cells", async () => {
    const { wb, gateway } = make(5);
    const source = await gateway.readSource("region");
    wb.protectedSheets.add("Factures");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    const log = wb.writeLog.length;
    // countNonEmpty comes first (before the overwrite question and portable mode's reference sheet).
    await expect(gateway.countNonEmpty(source, placements)).rejects.toMatchObject({ code: "protected" });
    await expect(
      gateway.writeColumns(source, placements, outputs(5), { mode: "values" }),
    ).rejects.toMatchObject({ code: "protected" });
    expect(wb.writeLog.length).toBe(log);
  });

  test("hidden rows are read and written like the others, and the source names them by sheet row", async () => {
    const { wb, gateway } = make(25);
    // Sheet rows 4 and 8 (data rows 3 and 7) hidden by hand.
    wb.hideRows("Factures", [3, 7]);
    const source = await gateway.readSource("region");
    expect(source.rows).toHaveLength(25);
    expect(source.rows[2]).toEqual(["F-3", 45661, 300]);
    expect(source.layout).toEqual({ hiddenRows: [4, 8], merges: [] });
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    await gateway.writeColumns(source, placements, outputs(25), { mode: "values" });
    // The hidden sheet row 4 gets its due date (45658 + 3 + 30) like its neighbours.
    expect(wb.value("Factures", 3, 3)).toBe(45691);
    expect(wb.value("Factures", 7, 3)).toBe(45695);
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
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    // E5:E6, in the second new column (D, E).
    wb.merge("Factures", { row: 4, column: 4, rowCount: 2, columnCount: 1 });
    const before = wb.values("Factures", { row: 0, column: 0, rowCount: 26, columnCount: 5 });
    const log = wb.writeLog.length;
    await expect(gateway.countNonEmpty(source, placements)).rejects.toMatchObject({
      code: "merged",
      detail: "E5:E6",
    });
    await expect(
      gateway.writeColumns(source, placements, outputs(25), { mode: "values" }),
    ).rejects.toMatchObject({ code: "merged", detail: "E5:E6" });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.values("Factures", { row: 0, column: 0, rowCount: 26, columnCount: 5 })).toEqual(before);
  });

  test("a merge starting in an input column and reaching into a new column is refused too", async () => {
    const { wb, gateway } = make(25, "1.13");
    // C8:D8: F-7's amount merged across the first new column D.
    wb.merge("Factures", { row: 7, column: 2, rowCount: 1, columnCount: 2 });
    const source = await gateway.readSource("region");
    expect(source.layout?.merges).toEqual(["C8:D8"]);
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    await expect(gateway.countNonEmpty(source, placements)).rejects.toMatchObject({
      code: "merged",
      detail: "C8:D8",
    });
    const log = wb.writeLog.length;
    await expect(
      gateway.writeColumns(source, placements, outputs(25), { mode: "values" }),
    ).rejects.toMatchObject({ code: "merged", detail: "C8:D8" });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.value("Factures", 7, 2)).toBe(700);
  });

  test("a second run refuses a merge made from a former output header, and writes nothing", async () => {
    const { wb, gateway } = make(5, "1.13");
    let source = await gateway.readSource("region");
    await gateway.writeColumns(source, placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]), outputs(5), {
      mode: "values",
    });
    // The user merges the "Statut" header E1 with the empty F1 (E1 keeps its text).
    wb.merge("Factures", { row: 0, column: 4, rowCount: 1, columnCount: 2 });
    source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    expect(placements).toEqual([
      { header: "Échéance", column: 3, existing: true },
      { header: "Statut", column: 4, existing: true },
    ]);
    const log = wb.writeLog.length;
    await expect(gateway.countNonEmpty(source, placements)).rejects.toMatchObject({ detail: "E1:F1" });
    await expect(
      gateway.writeColumns(source, placements, outputs(5), { mode: "values" }),
    ).rejects.toMatchObject({ code: "merged", detail: "E1:F1" });
    expect(wb.writeLog.length).toBe(log);
    expect(wb.value("Factures", 2, 3)).toBe(45658 + 2 + 30);
    expect(wb.value("Factures", 0, 4)).toBe("Statut");
  });

  test("a second run rewrites its own earlier columns in place instead of adding new ones", async () => {
    const { gateway } = make(5);
    let source: SourceBlock = await gateway.readSource("region");
    const first = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    await gateway.writeColumns(source, first, outputs(5), { mode: "values" });
    source = await gateway.readSource("region");
    // The region now spans A..E (D and E written, E1 was the note): the outputs are found by header.
    expect(source.headers).toEqual(["N° facture", "Date facture", "Montant TTC", "Échéance", "Statut"]);
    const second = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    expect(second).toEqual([
      { header: "Échéance", column: 3, existing: true },
      { header: "Statut", column: 4, existing: true },
    ]);
    // Header + 5 rows in each of the two columns: 12 cells would be replaced.
    expect(await gateway.countNonEmpty(source, second)).toBe(12);
  });

  test("new columns of a table extend the table", async () => {
    const { wb, gateway } = make(5);
    wb.select("Abonnements", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    const source = await gateway.readSource("table");
    const placements = placeColumns(source, ["Renouvellement"], [0, 1, 2]);
    expect(placements).toEqual([{ header: "Renouvellement", column: 4, existing: false }]);
    await gateway.writeColumns(
      source,
      placements,
      [column("Renouvellement", 3, "dd/mm/yyyy", (i) => 45700 + i)],
      { mode: "values" },
    );
    expect(wb.tables[0]?.columnCount).toBe(4);
    expect(wb.value("Abonnements", 1, 4)).toBe("Renouvellement");
    expect(wb.value("Abonnements", 4, 4)).toBe(45703);
    const again = await gateway.readSource("table");
    expect(again.headers).toEqual(["Client", "Date de début", "Formule", "Renouvellement"]);
  });

  test("formulas mode writes formula text as formulas", async () => {
    const { wb, gateway } = make(3);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance"], [0, 1, 2]);
    const cells = ['=CGV.DUEDATE("omi",B2)', '=CGV.DUEDATE("omi",B3)', '=CGV.DUEDATE("omi",B4)'];
    await gateway.writeColumns(
      source,
      placements,
      [{ header: "Échéance", numberFormat: "dd/mm/yyyy", cells }],
      { mode: "formulas" },
    );
    expect(wb.cell("Factures", 2, 3)?.formula).toBe('=CGV.DUEDATE("omi",B3)');
  });

  test("resetSheet adds a sheet of exactly that name, or empties it so formulas naming it keep working", async () => {
    const { wb, gateway } = make(3);
    await gateway.resetSheet("Échéance - taux et fériés");
    expect(wb.sheetNames()).toContain("Échéance - taux et fériés");
    await gateway.writeMatrix("Échéance - taux et fériés", [
      [{ value: "Semestre" }, { value: 0.0371, numberFormat: "0.00%" }],
      [{ value: "=B1*3" }],
    ]);
    expect(wb.cell("Échéance - taux et fériés", 1, 0)?.formula).toBe("=B1*3");
    await gateway.resetSheet("Échéance - taux et fériés");
    // Same name (never "… (2)"), and the old contents are gone.
    expect(wb.sheetNames().filter((n) => n.startsWith("Échéance - taux"))).toEqual([
      "Échéance - taux et fériés",
    ]);
    expect(wb.cell("Échéance - taux et fériés", 0, 0)).toBeUndefined();
  });
});

describe("ExcelGateway against the Excel object model", () => {
  test("each chunk of 10 rows is its own sync, values before formats, with calculation suspended and one recalculation", async () => {
    const wb = sampleWorkbook(25);
    const host = new FakeExcelHost(wb, "1.9");
    const gateway = new ExcelGateway(host);
    const source = await gateway.readSource("region");
    const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
    const before = host.contexts.length;
    await gateway.writeColumns(source, placements, outputs(25), { mode: "values", chunkRows: 10 });
    const runs = host.contexts.slice(before);
    const syncs = runs.flatMap((c) => c.syncs);
    // The sheet's protection read, 1 header sync, 3 value syncs (10, 10, 5 rows × 2 columns), 3 format
    // syncs, 1 recalculation.
    expect(syncs.map((s) => [s.values, s.formats])).toEqual([
      [0, 0],
      [2, 0],
      [20, 0],
      [20, 0],
      [10, 0],
      [0, 20],
      [0, 20],
      [0, 10],
      [0, 0],
    ]);
    expect(Math.max(...syncs.map((s) => s.rows.size))).toBeLessThanOrEqual(10);
    expect(runs.reduce((n, c) => n + c.recalculations, 0)).toBe(1);
  });

  test("without ExcelApi 1.6 calculation is not suspended and no recalculation is asked", async () => {
    const wb = sampleWorkbook(5);
    const host = new FakeExcelHost(wb, "1.5");
    const gateway = new ExcelGateway(host);
    // ExcelApi 1.5 has no getSurroundingRegion (1.7): the used range A1:E6 is read instead.
    const source = await gateway.readSource("region");
    expect(source.address).toBe("Factures!A1:E6");
    const placements = placeColumns(source, ["Échéance"], [0, 1, 2]);
    await gateway.writeColumns(source, placements, outputs(5).slice(0, 1), { mode: "values" });
    expect(host.contexts.reduce((n, c) => n + c.recalculations, 0)).toBe(0);
  });

  test("table columns are added with columns.add, one per new column, named from ExcelApi 1.4", async () => {
    const wb = sampleWorkbook(5);
    wb.select("Abonnements", { row: 3, column: 1, rowCount: 1, columnCount: 1 });
    const host = new FakeExcelHost(wb, "1.9");
    const gateway = new ExcelGateway(host);
    const source = await gateway.readSource("table");
    const placements = placeColumns(source, ["Renouvellement", "Préavis"], [0, 1, 2]);
    await gateway.writeColumns(
      source,
      placements,
      [
        column("Renouvellement", 3, "dd/mm/yyyy", (i) => 45700 + i),
        column("Préavis", 3, "dd/mm/yyyy", (i) => 45600 + i),
      ],
      { mode: "values" },
    );
    expect(host.tableColumnsAdded).toEqual(["Renouvellement", "Préavis"]);
    expect(wb.tables[0]?.columnCount).toBe(5);
  });

  test("without Range.getTables (ExcelApi 1.9) the active sheet's first table is used", async () => {
    const wb = sampleWorkbook(5);
    // Active cell outside the table (A1 of Abonnements): with 1.8 the sheet's table is still found.
    wb.select("Abonnements", { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.8"));
    const source = await gateway.readSource("table");
    expect(source.table?.name).toBe("Abos");
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

  test("a workbook in the 1904 date system is refused when read, not read four years off", async () => {
    const wb = sampleWorkbook(3);
    wb.date1904 = true;
    await expect(new ExcelGateway(new FakeExcelHost(wb)).readSource("region")).rejects.toMatchObject({
      code: "date-1904",
    });
    await expect(new MemoryGateway(wb).readSource("region")).rejects.toMatchObject({ code: "date-1904" });
  });

  test("the provenance note goes on the header cell as an Excel note (ExcelApi 1.18) and replaces an earlier one", async () => {
    const wb = sampleWorkbook(3);
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.18"));
    await expect(gateway.addNote("Factures", 0, 5, "première")).resolves.toBe(true);
    await gateway.addNote("Factures", 0, 5, "seconde");
    expect(wb.notes.get("Factures!F1")).toBe("seconde");
    expect(wb.notes.size).toBe(1);
  });

  test("without notes or comments (before ExcelApi 1.10) no note is written and the gateway says so", async () => {
    const wb = sampleWorkbook(3);
    await expect(new ExcelGateway(new FakeExcelHost(wb, "1.9")).addNote("Factures", 0, 5, "x")).resolves.toBe(
      false,
    );
    expect(wb.notes.size).toBe(0);
  });

  test("a long register is read in requests of at most 200,000 cells (50,000 rows for a narrow one)", async () => {
    const wb = sampleWorkbook(60_000);
    const host = new FakeExcelHost(wb);
    const source = await new ExcelGateway(host).readSource("region");
    expect(source.rows).toHaveLength(60_000);
    const perRequest = readChunkRows(source.headers.length);
    expect(perRequest * source.headers.length).toBeLessThanOrEqual(READ_CELL_BUDGET);
    // 1 locating run, then the 60,001 rows (header included) in chunks: 2 for this narrow register.
    expect(host.contexts).toHaveLength(1 + Math.ceil(60_001 / perRequest));
    expect(host.contexts.length).toBeGreaterThan(2);
  });

  test("without ExcelApi 1.13 merged cells are not looked for: nothing is said, and Excel's own refusal comes at the write", async () => {
    const wb = sampleWorkbook(5);
    wb.merge("Factures", { row: 2, column: 1, rowCount: 2, columnCount: 1 });
    // D4:E4: across the new column D and the column right of it.
    wb.merge("Factures", { row: 3, column: 3, rowCount: 1, columnCount: 2 });
    const gateway = new ExcelGateway(new FakeExcelHost(wb, "1.12"));
    const source = await gateway.readSource("region");
    expect(source.layout?.merges).toEqual([]);
    const placements = placeColumns(source, ["Échéance"], [0, 1, 2]);
    await expect(gateway.countNonEmpty(source, placements)).resolves.toBe(0);
    // The header goes in, then the first chunk covers part of D4:E4 and Excel refuses it: the
    // half-written block the check (ExcelApi 1.13) prevents.
    await expect(
      gateway.writeColumns(source, placements, outputs(5).slice(0, 1), { mode: "values" }),
    ).rejects.toThrow("Cannot change part of a merged cell (D4:E4)");
    expect(wb.value("Factures", 0, 3)).toBe("Échéance");
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
    const requests = async (dress: (wb: ReturnType<typeof sampleWorkbook>) => void) => {
      const wb = sampleWorkbook(25);
      dress(wb);
      const host = new FakeExcelHost(wb, "1.13");
      const gateway = new ExcelGateway(host);
      const source = await gateway.readSource("region");
      const placements = placeColumns(source, ["Échéance", "Statut"], [0, 1, 2]);
      await gateway.countNonEmpty(source, placements);
      await gateway.writeColumns(source, placements, outputs(25), { mode: "values", chunkRows: 10 });
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
    // The output check cannot be made either: the count goes on without it.
    const placements = placeColumns(source, ["Échéance"], [0, 1, 2]);
    await expect(gateway.countNonEmpty(source, placements)).resolves.toBe(0);
  });

  test("a wide register gets fewer rows per request so no response nears the 5 MB limit", () => {
    expect(readChunkRows(40)).toBe(5_000);
    expect(readChunkRows(400)).toBe(1_000);
  });
});
