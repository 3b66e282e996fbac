import type { CellValue } from "../../src/excel/gateway";
import { MemoryWorkbook } from "../../src/excel/memory-workbook";

/**
 * A register of `rows` invoices at A1 of "Factures" (header + rows, 3 columns: A number, B date serial,
 * C amount), a note two columns right of the data (E1, outside the current region because D is empty),
 * and a table "Abos" of 4 rows at B2 of "Abonnements".
 */
export function sampleWorkbook(rows = 25): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const data: CellValue[][] = [["N° facture", "Date facture", "Montant TTC"]];
  for (let i = 1; i <= rows; i++) data.push([`F-${i}`, 45658 + i, 100 * i]);
  data[0]?.push(null, "Notes");
  wb.addSheet("Factures", data);
  wb.addSheet(
    "Abonnements",
    [
      ["Client", "Date de début", "Formule"],
      ["Alpha", 45292, "commitment-monthly"],
      ["Beta", 45323, "no-commitment"],
      ["Gamma", 45352, ""],
    ],
    { row: 1, column: 1 },
  );
  wb.addTable({
    name: "Abos",
    sheet: "Abonnements",
    startRow: 1,
    startColumn: 1,
    rowCount: 4,
    columnCount: 3,
  });
  wb.select("Factures", { row: 4, column: 1, rowCount: 1, columnCount: 1 });
  return wb;
}

/** Every cell address of the input block A1:C(rows+1) of "Factures". */
export function inputCells(rows: number): Set<string> {
  const cells = new Set<string>();
  for (let r = 1; r <= rows + 1; r++) for (const c of ["A", "B", "C"]) cells.add(`Factures!${c}${r}`);
  return cells;
}
