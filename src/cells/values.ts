/**
 * A cell value as Excel's `range.values` gives it: text, a number (dates are serials), a boolean, or
 * empty (null or ""). Reading a row past its end gives undefined, which is empty too.
 */
export type CellValue = string | number | boolean | null;

/** Whether a cell counts as empty (for the overwrite count, blank rows, trailing cells). */
export function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}
