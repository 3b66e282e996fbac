/**
 * How tall wrapped text stands in a cell, for every writer of a laid-out sheet (the reports, the
 * portable formulas' reference sheet; Office.js in the pane, xlsx and exceljs on the command line).
 */

/** Points per line of 11 pt Calibri, the height of a row that does not wrap. */
export const LINE_HEIGHT = 15;

/**
 * The lines a text takes in a column `width` characters wide, wrapped word by word as Excel and
 * LibreOffice do: a line holds width − 2 characters (the cell's padding, and room for fonts wider
 * than Calibri — LibreOffice without Calibri draws with a substitute), a bold character counts a
 * tenth more, a word longer than a line is broken over as many lines as it needs.
 */
export function wrappedLines(value: string, width: number, bold = false): number {
  const capacity = Math.max(1, width - 2);
  const widen = bold ? 1.1 : 1;
  let lines = 0;
  for (const paragraph of value.split("\n")) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const size = word.length * widen;
      if (size > capacity) {
        // A word wider than the column: it starts a line and breaks over the next ones.
        count += (used > 0 ? 1 : 0) + Math.ceil(size / capacity) - 1;
        used = size % capacity || capacity;
      } else if (used === 0) used = size;
      else if (used + widen + size <= capacity) used += widen + size;
      else {
        count += 1;
        used = size;
      }
    }
    lines += count;
  }
  return lines;
}
