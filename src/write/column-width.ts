import type { OutputFormat } from "../apply";

/**
 * Column widths as both hosts take them. Report layouts (src/reports/sheet.ts `SheetLayout`) and the
 * command line's exceljs files give widths in Excel's characters (the `width` of a `<col>`); Office.js
 * sets `format.columnWidth` in points.
 */

/**
 * Points of a column `characters` wide in the default font (Calibri 11, maximum digit width 7 px):
 * pixels = Truncate(((256 × width + Truncate(128 / 7)) / 256) × 7) (ECMA-376 Part 1, §18.3.1.13, the
 * `width` of `<col>`), and 0.75 point per pixel at 96 dpi. 58 characters → 406 px → 304.5 pt; 15 →
 * 105 px → 78.75 pt: the pane's report sheets are as wide as the ones `echeance report` writes.
 */
export function characterWidthToPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

/** The narrowest width (characters) of a result column, for its values' format. */
const MIN_WIDTHS: Readonly<Record<OutputFormat, number>> = { date: 12, money: 14, integer: 10, text: 40 };

/**
 * The width (characters) of an Apply result column: its header fits (a bold header is about a tenth
 * wider than its character count; 2 for a filter button's margin), and so do its values. The one rule
 * for the pane's sink (src/workbook/apply-sink.ts) and the xlsx copy (src/xlsx/sheet-rewriter.ts), so a
 * register applied in the pane and by `echeance apply` looks the same.
 */
export function resultColumnWidth(header: string, format: OutputFormat): number {
  return Math.max(MIN_WIDTHS[format], Math.ceil(header.length * 1.1) + 2);
}
