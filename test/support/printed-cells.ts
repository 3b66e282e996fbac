import ExcelJS from "exceljs";
import type { ExpectedCell } from "./printed-text";

/**
 * A sheet's cells as a French office suite displays them, for the print checks
 * (test/support/printed-text.ts): text as it is, numbers through the few number formats Échéance and
 * its samples use — `dd/mm/yyyy`, `#,##0.00 "€"`, `0`, `0.00%`, General — the way LibreOffice shows
 * them under a French locale (« 1 234,56 € », « 12,34 % »). Hidden rows and columns are left out
 * (they do not print); a format the function does not know fails loudly rather than guess.
 */

const NBSP = "\u00a0";

function grouped(value: number, places: number): string {
  const [int = "0", fraction] = Math.abs(value).toFixed(places).split(".");
  const digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${value < 0 && Number(Math.abs(value).toFixed(places)) !== 0 ? "-" : ""}${digits}${fraction ? `,${fraction}` : ""}`;
}

const two = (n: number): string => String(n).padStart(2, "0");

/** A number or date as the format shows it in French. */
export function displayed(value: number | Date, numFmt: string | undefined): string {
  const format = numFmt ?? "General";
  if (value instanceof Date) {
    if (!/d+\W+m+\W+y+/i.test(format)) throw new Error(`date under the format ${format}`);
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (format === '#,##0.00 "€"') return `${grouped(value, 2)} €`;
  if (format === "0") return grouped(value, 0).replace(/\u00a0/g, "");
  if (format === "0.00%") return `${grouped(value * 100, 2).replace(/\u00a0/g, "")} %`;
  if (format === "General" || format === "@") return String(Number(value.toPrecision(10))).replace(".", ",");
  throw new Error(`number under the format ${format}: add it to printed-cells.ts`);
}

type CellValue = ExcelJS.CellValue;

function plain(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || value instanceof Date) return displayed(value, numFmt);
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "result" in value)
    return plain((value as { result?: CellValue }).result ?? null, numFmt);
  // exceljs reads a formula whose cached value is <v>0</v> as a formula with no result (a falsy
  // value dropped): what prints is that 0.
  if (typeof value === "object" && "formula" in value) return plain(0, numFmt);
  if (typeof value === "object" && "error" in value) return String(value.error);
  throw new Error(`a cell value the print check does not read: ${JSON.stringify(value)}`);
}

/** The cells of `sheet` in `workbook` (a file) that print, with their displayed text and wrapping. */
export async function printedCells(workbook: string, sheet: string): Promise<ExpectedCell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${workbook} has no sheet « ${sheet} »`);
  const cells: ExpectedCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.hidden) return;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (ws.getColumn(column).hidden) return;
      const text = plain(cell.value, cell.numFmt);
      if (text === "") return;
      const value = cell.value;
      const result = value !== null && typeof value === "object" && "result" in value ? value.result : value;
      const numeric = typeof result === "number" || result instanceof Date;
      const horizontal = cell.alignment?.horizontal;
      cells.push({
        address: cell.address,
        text,
        wraps: cell.alignment?.wrapText === true,
        rightAligned: horizontal === "right" || (numeric && horizontal === undefined),
      });
    });
  });
  return cells;
}
