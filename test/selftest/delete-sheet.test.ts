import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { MemoryScratch } from "../../src/selftest";

/**
 * Deleting a scratch sheet in the in-memory workbook does what Excel's Worksheet.delete does: the
 * sheet goes with its notes, comments, merges, hidden rows, filter and conditional formats; another
 * sheet's are kept; the last sheet cannot be deleted; the active sheet's deletion activates another.
 */
describe("deleting a sheet of the in-memory workbook", () => {
  function workbook(): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    wb.addSheet("Factures", [["N° facture"], ["F-1"]]);
    wb.addSheet("Test", [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    return wb;
  }

  test("the sheet goes with everything on it, and the other sheet keeps its own", async () => {
    const wb = workbook();
    wb.notes.set("Factures!A1", "garder");
    wb.notes.set("Test!A1", "note de test");
    wb.comments.set("Test!B2", "commentaire de test");
    wb.merge("Test", { row: 0, column: 0, rowCount: 2, columnCount: 1 });
    wb.hideRows("Test", [2]);
    wb.setAutoFilter("Test", { row: 0, column: 0, rowCount: 3, columnCount: 2 }, undefined);
    await new MemoryScratch(wb).deleteSheet("Test");
    expect(wb.sheetNames()).toEqual(["Factures"]);
    expect([...wb.notes]).toEqual([["Factures!A1", "garder"]]);
    expect(wb.comments.size).toBe(0);
    expect(wb.autoFilter("Test")).toBeUndefined();
    // A new sheet under the same name starts empty: nothing of the old one comes back.
    wb.addSheet("Test", []);
    expect(wb.value("Test", 0, 0)).toBe("");
    expect(wb.mergedAreas("Test")).toEqual([]);
    expect(wb.isRowHidden("Test", 2)).toBe(false);
    expect(wb.autoFilter("Test")).toBeUndefined();
    expect(wb.value("Factures", 1, 0)).toBe("F-1");
  });

  test("deleting the active sheet activates another, and the last sheet cannot be deleted", () => {
    const wb = workbook();
    wb.select("Test", { row: 1, column: 1, rowCount: 1, columnCount: 1 });
    wb.deleteSheet("Test");
    expect(wb.activeSheet).toBe("Factures");
    expect(() => wb.deleteSheet("Factures")).toThrow(/only sheet/);
    expect(() => wb.deleteSheet("Absente")).toThrow();
  });
});
