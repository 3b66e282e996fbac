/**
 * A1 addresses from zero-based row and column indexes (the gateways never depend on
 * `getRangeByIndexes`, ExcelApi 1.7, to write a block; formulas and xlsx parts use the same).
 */

/** Column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Zero-based column index of column letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell or block address in A1 notation, without the sheet: "B2" or "B2:D10". */
export function blockAddress(row: number, column: number, rowCount = 1, columnCount = 1): string {
  const first = `${columnLetters(column)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
}

/** "B3", "Feuil1!B3", "'Mon registre'!$B$3", "B3:D9" → its first cell: zero-based column, 1-based row. */
export function parseCellAddress(address: string): { column: number; row: number } {
  const { row, column } = parseAddress(address.replace(/\$/g, ""));
  return { column, row: row + 1 };
}

/** A1 reference of a zero-based column and a 1-based row, as xlsx cells and formulas write it: (1, 3) → "B3". */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits and _. */
export function quoteSheet(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function sheetAddress(
  sheet: string,
  row: number,
  column: number,
  rowCount = 1,
  columnCount = 1,
): string {
  return `${quoteSheet(sheet)}!${blockAddress(row, column, rowCount, columnCount)}`;
}

/** Parses "Sheet1!B2:D10", "'My sheet'!B2" or "B2:D10" into a sheet name and zero-based block. */
export function parseAddress(address: string): {
  sheet: string | undefined;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
} {
  const bang = address.lastIndexOf("!");
  let sheet: string | undefined;
  let rest = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = address.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(rest);
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  const column = columnIndex(m[1] ?? "A");
  const row = Number(m[2]) - 1;
  const lastColumn = m[3] ? columnIndex(m[3]) : column;
  const lastRow = m[4] ? Number(m[4]) - 1 : row;
  return { sheet, row, column, rowCount: lastRow - row + 1, columnCount: lastColumn - column + 1 };
}

/**
 * The rectangles of a multi-area address as Excel gives a RangeAreas' `address`: "Sheet1!C2:C3,
 * Sheet1!E5:F5" (commas inside a quoted sheet name are part of the name).
 */
export function parseAreas(address: string): ReturnType<typeof parseAddress>[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map(parseAddress);
}
