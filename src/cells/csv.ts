/**
 * CSV as French and English Excel save it: RFC 4180 quoting, ";" or "," separated. One reader for the
 * registers the command line reads and the rate files every face reads. Pure.
 */

/** A row of cells and the 1-based line of the text it starts on (what an editor shows). */
export interface CsvRow {
  readonly cells: string[];
  readonly line: number;
}

/** Splits CSV text (RFC 4180 quoting) with the given separator, each row with the line it starts on. */
export function parseCsvLines(text: string, separator: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push({ cells: row, line: start });
      row = [];
      field = "";
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push({ cells: row, line: start });
  }
  return rows;
}

/** Splits CSV text (RFC 4180 quoting) with the given separator. */
export function parseCsv(text: string, separator: string): string[][] {
  return parseCsvLines(text, separator).map((r) => r.cells);
}

/** ";" when the header line has more semicolons than commas outside quotes (French Excel's CSV), else ",". */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const semi = (unquoted.match(/;/g) ?? []).length;
  const comma = (unquoted.match(/,/g) ?? []).length;
  return semi >= comma && semi > 0 ? ";" : comma > 0 ? "," : semi > 0 ? ";" : "\t";
}
