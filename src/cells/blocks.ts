/** A rectangle of a sheet, zero-based. */
export interface SheetBlock {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Whether two blocks share a cell. */
export function blocksIntersect(a: SheetBlock, b: SheetBlock): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

/** Contiguous runs of items by column, so a write covers adjacent columns with one range. */
export function contiguousRuns<T extends { readonly column: number }>(
  items: readonly T[],
): { start: number; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.column - b.column);
  const runs: { start: number; items: T[] }[] = [];
  for (const item of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.items.length === item.column) last.items.push(item);
    else runs.push({ start: item.column, items: [item] });
  }
  return runs;
}
