import type { Language } from "../engine";
import type { MatrixCell } from "../workbook/gateway";
import { SHEET_NUMBER_FORMATS, type SheetMatrix } from "../reports";

/**
 * The glue between the reports core (src/reports) and the gateway: sheet names and the matrices the
 * gateway writes. The cells are the core's (`delayTableSheet`, `agingSheet`), the same ones
 * `echeance report` writes with exceljs; only their formats become Excel number formats here.
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

/** The new sheets' names for a closing date (ISO): "D441-6 2025-12-31", "Balance âgée 2025-12-31". */
export function reportSheetNames(closingIso: string, lang: Language): { table: string; aging: string } {
  return {
    table: `D441-6 ${closingIso}`,
    aging: `${lang === "fr" ? "Balance âgée" : "Aging"} ${closingIso}`,
  };
}
