import type ExcelJS from "exceljs";
import { SHEET_NUMBER_FORMATS, wrappedRowHeights, type SheetLayout, type SheetMatrix } from "../../reports";

/**
 * A new exceljs workbook. exceljs is loaded here, on the first report written, not when the command
 * line starts: it takes about 0.3 s to load, which every other command (apply, fn, letters…) would
 * pay for nothing.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  const wb = new excel.Workbook();
  wb.creator = "Échéance";
  return wb;
}

/**
 * A report's sheet written with exceljs, as the pane writes it with Office.js: the cells of a matrix
 * (dates as Excel dates, amounts and rates as numbers with their formats, bold where asked), the
 * column widths, wrapped text, row heights and the print setup of its layout.
 */
export function writeMatrix(ws: ExcelJS.Worksheet, matrix: SheetMatrix, layout: SheetLayout): void {
  matrix.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell.value === null) return;
      const target = row.getCell(c + 1);
      target.value =
        cell.format === "date" && typeof cell.value === "number" ? serialToDate(cell.value) : cell.value;
      if (cell.format) target.numFmt = SHEET_NUMBER_FORMATS[cell.format];
      if (cell.bold) target.font = { bold: true };
      if (layout.wrapColumns.includes(c)) target.alignment = { wrapText: true, vertical: "top" };
    });
  });
  layout.columnWidths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  wrappedRowHeights(matrix, layout).forEach((height, r) => {
    if (height !== undefined) ws.getRow(r + 1).height = height;
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: layout.landscape ? "landscape" : "portrait",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: layout.pagesTall ?? 0,
    ...(layout.titleRows ? { printTitlesRow: `${layout.titleRows[0]}:${layout.titleRows[1]}` } : {}),
  };
}

/** exceljs writes JS Dates as Excel dates; a serial is turned back into the UTC midnight it stands for. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}
