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
 * wider than its character count; 2 for a filter button's margin), and so do its values. The same rule
 * as the xlsx copy's (src/xlsx/sheet-rewriter.ts `columnWidth`), so a register applied in the pane and
 * by `echeance apply` looks the same.
 */
export function resultColumnWidth(header: string, format: OutputFormat): number {
  return Math.max(MIN_WIDTHS[format], Math.ceil(header.length * 1.1) + 2);
}

/** Excel's width (characters) of a column the sheet gives no width: 8.43 in Calibri 11. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** The widest a reference column is made: a longer "reference" is prose, and may stay cut. */
const REFERENCE_MAX_WIDTH = 40;

/**
 * The width (characters) to give the register's reference column (invoice or contract number) so
 * its longest reference prints whole, or undefined to keep the width it has. The one input column
 * Échéance widens: a reference cut by the next column (« OMI-2024-00 ») is the row an auditor cannot
 * match against the ledger, and every status and row error names rows by it. Other input columns
 * keep the user's widths (what they print is what the register printed before Apply); a column is
 * never narrowed. The longest text + 2, as a result column's header (room for fonts wider than
 * Calibri), at most 40. One pass over the references.
 */
export function referenceColumnWidth(
  current: number | undefined,
  references: Iterable<unknown>,
): number | undefined {
  let longest = 0;
  for (const r of references) {
    const length = typeof r === "string" ? r.trim().length : typeof r === "number" ? String(r).length : 0;
    if (length > longest) longest = length;
  }
  const needed = Math.min(REFERENCE_MAX_WIDTH, longest + 2);
  return needed > (current ?? DEFAULT_COLUMN_WIDTH) ? needed : undefined;
}
