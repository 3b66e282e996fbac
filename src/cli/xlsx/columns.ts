import type { OutputColumn } from "../../apply";

/**
 * The sheet's column definitions (`<cols>`, §18.3.1.17) with the new columns' widths. A range that
 * covered the new columns (often "every column to the end, hidden" or a default width) is split
 * around them so they show; Excel wants the ranges ascending and disjoint, so the list is rebuilt
 * in order. `first` is the 1-based first new column.
 */
export function colsWithNewColumns(
  existing: string | undefined,
  first: number,
  formats: readonly OutputColumn["format"][],
): string {
  const last = first + formats.length - 1;
  const ranges: { min: number; max: number; attrs: string }[] = [];
  for (const m of (existing ?? "").matchAll(/<col\b([^>]*?)\/?>/g)) {
    const attrs = (m[1] as string).replace(/\s+(?:min|max)="[^"]*"/g, "");
    const min = Number(/\smin="(\d+)"/.exec(` ${m[1]}`)?.[1]);
    const max = Number(/\smax="(\d+)"/.exec(` ${m[1]}`)?.[1]);
    if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
    if (max < first || min > last) ranges.push({ min, max, attrs });
    else {
      if (min < first) ranges.push({ min, max: first - 1, attrs });
      if (max > last) ranges.push({ min: last + 1, max, attrs });
    }
  }
  formats.forEach((f, j) =>
    ranges.push({
      min: first + j,
      max: first + j,
      attrs: ` width="${f === "text" ? 48 : 16}" customWidth="1"`,
    }),
  );
  ranges.sort((a, b) => a.min - b.min);
  return `<cols>${ranges.map((r) => `<col min="${r.min}" max="${r.max}"${r.attrs}/>`).join("")}</cols>`;
}
