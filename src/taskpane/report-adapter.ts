import type { MatrixCell } from "../workbook/gateway";
import { SHEET_NUMBER_FORMATS, type SheetMatrix } from "../reports";

/**
 * The glue between the reports core (src/reports) and the gateway: the matrices the gateway writes.
 * The cells are the core's (`delayTableSheet`, `agingSheet`), the same ones `echeance report` writes
 * with exceljs, and so are the sheets' names (`reportSheetNames`); only the cells' formats become
 * Excel number formats here.
 */

/** A report matrix as gateway cells: number formats from SHEET_NUMBER_FORMATS, bold kept. */
export function matrixCells(matrix: SheetMatrix): MatrixCell[][] {
  return matrix.map((line) =>
    line.map((cell) => ({
      value: cell.value,
      ...(cell.format !== undefined ? { numberFormat: SHEET_NUMBER_FORMATS[cell.format] } : {}),
      ...(cell.bold ? { bold: true } : {}),
    })),
  );
}
