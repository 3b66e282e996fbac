import { StringDecoder } from "node:string_decoder";
import { isEmptyCell, type CellValue } from "../cells";
import { parseCells, rowHasValue, rowNumberOf, rowValues, type CellReading, type SheetCell } from "./cells";
import { SheetScanner, type SheetEvents } from "./scanner";
import type { ZipEntry, ZipSource } from "./zip";

/**
 * Reading a worksheet's rows as its part inflates, through the linear scanner: its first rows (to
 * find the register), or all of them.
 */

/**
 * Feeds a part's inflated bytes to a scanner; `stop()` ends the read early; `valuesOnly` when only
 * the rows' values are wanted (SheetScanner).
 */
export async function scanPart(
  zip: ZipSource,
  entry: ZipEntry,
  events: SheetEvents,
  stop: () => boolean = () => false,
  valuesOnly = false,
): Promise<{ scanner: SheetScanner; tail: string | undefined }> {
  const scanner = new SheetScanner(entry.name, events, valuesOnly);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of zip.inflated(entry)) {
    scanner.push(decoder.write(chunk));
    if (stop()) return { scanner, tail: undefined };
  }
  scanner.push(decoder.end());
  return { scanner, tail: scanner.finish() };
}

/** A sheet's first `count` rows by sheet row (rows[0] is row 1; undefined where the file has none). */
export async function readHeadRows(
  zip: ZipSource,
  entry: ZipEntry,
  reading: CellReading,
  count: number,
): Promise<(CellValue[] | undefined)[]> {
  const rows: (CellValue[] | undefined)[] = [];
  let previous = 0;
  let done = false;
  await scanPart(
    zip,
    entry,
    {
      head: () => undefined,
      between: () => undefined,
      endRows: () => void (done = true),
      row: (open, inner) => {
        if (done) return;
        const number = rowNumberOf(open, previous);
        previous = number;
        if (number > count) {
          done = true;
          return;
        }
        rows[number - 1] = inner === "" ? [] : rowValues(parseCells(inner, reading));
      },
    },
    () => done,
    true,
  );
  return rows;
}

/** A register's row values from its first column, `width` wide. */
export function registerValues(cells: readonly SheetCell[], firstColumn: number, width: number): CellValue[] {
  const values: CellValue[] = new Array<CellValue>(width).fill("");
  for (const c of cells) {
    const at = c.column - firstColumn;
    if (at >= 0 && at < width) values[at] = c.value;
  }
  return values;
}

/** Where a row's first and last non-empty cells are (undefined for an empty row). */
export function filledBounds(row: readonly CellValue[]): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  row.forEach((v, i) => {
    if (isEmptyCell(v)) return;
    if (first < 0) first = i;
    last = i;
  });
  return first < 0 ? undefined : { first, last };
}

export { rowHasValue };
