import { ExcelGateway } from "../../src/office/excel-gateway";
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import type { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { FakeExcelHost } from "./fake-excel";
import { sampleWorkbook } from "./gateway-fixtures";

/**
 * Reading a register at a remembered place (« Tout recalculer », issue 13): the gateway finds the
 * block the workbook's stored terms name, whatever is selected, on both hosts. The fixture register
 * is at Factures!A1:C26 (25 invoices: A number, B date, C amount), E1 holds "Notes" (D is empty), and
 * the table "Abos" is at Abonnements!B2:D5; the active cell is Factures!B5.
 */

type Make = (options?: { readonly old?: boolean }) => {
  wb: MemoryWorkbook;
  gateway: WorkbookGateway;
  host: FakeExcelHost | undefined;
};

const HOSTS: [string, Make][] = [
  [
    "MemoryGateway",
    ({ old = false } = {}) => {
      const wb = sampleWorkbook(25);
      return {
        wb,
        gateway: new MemoryGateway(wb, old ? { missing: ["surroundingRegion", "activeCell"] } : {}),
        host: undefined,
      };
    },
  ],
  [
    "ExcelGateway on a fake Excel",
    // ExcelApi 1.9; "old": 1.6, before getSurroundingRegion (1.7).
    ({ old = false } = {}) => {
      const wb = sampleWorkbook(25);
      const host = new FakeExcelHost(wb, old ? "1.6" : "1.9");
      return { wb, gateway: new ExcelGateway(host), host };
    },
  ],
];

describe.each(HOSTS)("%s", (_name, make) => {
  test("a remembered range is read at its place, not from the selection on another sheet", async () => {
    const { wb, gateway } = make();
    wb.select("Abonnements", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    const answer = await gateway.readRegisterAt({ sheet: "Factures", range: "A1:C26" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.address).toBe("Factures!A1:C26");
    expect(answer.source.headers).toEqual(["N° facture", "Date facture", "Montant TTC"]);
    expect(answer.source.rows).toHaveLength(25);
    // Invoice 3 (sheet row 4): dated 45658 + 3, 300 €.
    expect(answer.source.rows[2]).toEqual(["F-3", 45661, 300]);
    expect(answer.source.table).toBeUndefined();
    // Nothing was selected or activated by reading.
    expect(wb.activeSheet).toBe("Abonnements");
  });

  test("the remembered columns are read as they were, the empty column D and the note in E1 included", async () => {
    const { gateway } = make();
    const answer = await gateway.readRegisterAt({ sheet: "Factures", range: "A1:E26" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.address).toBe("Factures!A1:E26");
    expect(answer.source.headers).toEqual(["N° facture", "Date facture", "Montant TTC", "", "Notes"]);
  });

  test("invoices added under the register since it was applied are read with it (its current region)", async () => {
    const { wb, gateway } = make();
    // Two invoices typed on sheet rows 27 and 28, right under the remembered A1:C26.
    wb.write("Factures", 26, 0, "F-26", "values");
    wb.write("Factures", 26, 1, 45684, "values");
    wb.write("Factures", 26, 2, 2600, "values");
    wb.write("Factures", 27, 0, "F-27", "values");
    wb.write("Factures", 27, 1, 45685, "values");
    wb.write("Factures", 27, 2, 2700, "values");
    const answer = await gateway.readRegisterAt({ sheet: "Factures", range: "A1:C26" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.address).toBe("Factures!A1:C28");
    expect(answer.source.rows).toHaveLength(27);
    expect(answer.source.rows[26]).toEqual(["F-27", 45685, 2700]);
  });

  test("rows under a blank row are not the register's; a remembered block longer than its region keeps its rows", async () => {
    const { wb, gateway } = make();
    // A total two rows under the register (row 28, after the blank row 27) is not part of it.
    wb.write("Factures", 27, 0, "Total", "values");
    wb.write("Factures", 27, 2, 32500, "values");
    const answer = await gateway.readRegisterAt({ sheet: "Factures", range: "A1:C26" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.address).toBe("Factures!A1:C26");
    // A block remembered down to row 28 (a selection across the blank row) keeps all its rows.
    const longer = await gateway.readRegisterAt({ sheet: "Factures", range: "A1:C28" });
    if (!longer.found) throw new Error(`not found: ${longer.reason}`);
    expect(longer.source.address).toBe("Factures!A1:C28");
    // Excel reads an empty cell as "".
    expect(longer.source.rows[26]).toEqual(["Total", "", 32500]);
  });

  test("without the current region (ExcelApi 1.6), the remembered rows alone are read", async () => {
    const { wb, gateway } = make({ old: true });
    wb.write("Factures", 26, 0, "F-26", "values");
    wb.write("Factures", 26, 1, 45684, "values");
    wb.write("Factures", 26, 2, 2600, "values");
    const answer = await gateway.readRegisterAt({ sheet: "Factures", range: "A1:C26" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.address).toBe("Factures!A1:C26");
  });

  test("a remembered table is found by its name, in any case, wherever the selection is", async () => {
    const { gateway } = make();
    const answer = await gateway.readRegisterAt({ sheet: "Abonnements", table: "ABOS" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.table).toEqual({ name: "Abos" });
    expect(answer.source.address).toBe("Abonnements!B2:D5");
    expect(answer.source.headers).toEqual(["Client", "Date de début", "Formule"]);
    expect(answer.source.rows).toHaveLength(3);
  });

  test("a sheet named in another case is the same sheet, as in Excel", async () => {
    const { gateway } = make();
    const answer = await gateway.readRegisterAt({ sheet: "FACTURES", range: "A1:C26" });
    if (!answer.found) throw new Error(`not found: ${answer.reason}`);
    expect(answer.source.sheet).toBe("Factures");
  });

  test("a deleted sheet, a deleted table or a range that is not an address answers why, without throwing", async () => {
    const { gateway } = make();
    await expect(gateway.readRegisterAt({ sheet: "Archives 2024", range: "A1:C26" })).resolves.toEqual({
      found: false,
      reason: "no-sheet",
    });
    await expect(gateway.readRegisterAt({ sheet: "Abonnements", table: "Contrats" })).resolves.toEqual({
      found: false,
      reason: "no-table",
    });
    await expect(gateway.readRegisterAt({ sheet: "Factures", range: "tout" })).resolves.toEqual({
      found: false,
      reason: "no-range",
    });
  });
});

describe("ExcelGateway on a fake Excel: the requests of a remembered read", () => {
  test("a remembered range is found in one Excel.run, its values read in the next", async () => {
    const wb = sampleWorkbook(25);
    const host = new FakeExcelHost(wb, "1.9");
    const answer = await new ExcelGateway(host).readRegisterAt({ sheet: "Factures", range: "A1:C26" });
    expect(answer.found).toBe(true);
    // One batch to find it (sheet names, then the region and the probes), one to read its 26 × 3 cells.
    expect(host.contexts).toHaveLength(2);
  });

  test("the fake refuses a sheet name no sheet has, as Office.js does (ItemNotFound at sync)", async () => {
    const wb = sampleWorkbook(5);
    const host = new FakeExcelHost(wb, "1.9");
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Archives").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
