import type { ExtraHeaderCell } from "../write";
import { contiguousRuns, type SheetBlock } from "../cells";

/** Blocks of a sheet as the gateway reasons about them: where merges are looked for, what a write covers. */

/**
 * The range to look for merged areas touching `block` in: from A1 to the block's bottom-right cell.
 * `getMergedAreasOrNullObject` returns only the merged areas whose top-left cell is in the range
 * (office-js #3611, "by design"), so a merge starting left of or above the output columns (F5:H5 over
 * an input column F and output G, H) is found only by a range that holds its top-left cell.
 */
export function mergeScope(block: SheetBlock): SheetBlock {
  return {
    row: 0,
    column: 0,
    rowCount: block.row + block.rowCount,
    columnCount: block.column + block.columnCount,
  };
}

/** The smallest block holding every given block; undefined for none. */
export function hull(blocks: readonly SheetBlock[]): SheetBlock | undefined {
  if (blocks.length === 0) return undefined;
  const top = Math.min(...blocks.map((b) => b.row));
  const left = Math.min(...blocks.map((b) => b.column));
  const bottom = Math.max(...blocks.map((b) => b.row + b.rowCount));
  const right = Math.max(...blocks.map((b) => b.column + b.columnCount));
  return { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
}

/** The cells two blocks share, or undefined. */
export function intersection(a: SheetBlock, b: SheetBlock): SheetBlock | undefined {
  const top = Math.max(a.row, b.row);
  const left = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return bottom > top && right > left
    ? { row: top, column: left, rowCount: bottom - top, columnCount: right - left }
    : undefined;
}

export const cellBlock = (row: number, column: number): SheetBlock => ({
  row,
  column,
  rowCount: 1,
  columnCount: 1,
});

/** The cells an Apply writes: one block per run of adjacent columns (header row and data rows), and the extra header cells. */
export function targetBlocks(
  headerRow: number,
  rowCount: number,
  columns: readonly { readonly column: number }[],
  extra: readonly ExtraHeaderCell[],
): SheetBlock[] {
  return [
    ...contiguousRuns(columns).map((run) => ({
      row: headerRow,
      column: run.start,
      rowCount: rowCount + 1,
      columnCount: run.items.length,
    })),
    ...extra.map((c) => cellBlock(headerRow, c.column)),
  ];
}
