import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { NUMBER_FORMATS, type CellValue, type OutputColumn, type OutputValue } from "../apply";
import type { Language, Text } from "../engine";
import { readXlsxRegister } from "../xlsx";
import { REFERENCE_NUMBER_FORMATS, xlsxFormula, type ReferenceSheet } from "../portable";

/**
 * Reading and writing registers for the command line: CSV (";" or "," separated, UTF-8 with or without
 * BOM) read and written here, xlsx read through src/xlsx. The input file is only ever read.
 *
 * LEGACY, to delete with the old src/cli/apply.ts once it calls src/xlsx (openXlsxRegister +
 * applyToSheet + book.copyTo): `excelCellValue`, `tableFromWorksheet`, `pickWorksheet`,
 * `addOutputColumns`, `StreamHandler`, `streamRegister`, `writeTableXlsx`, `writeReferenceSheet`,
 * `sheetFeatures` — exceljs's readers and writers, which that file still imports. Nothing else uses them.
 */

const MS_PER_DAY = 86400000;
const SERIAL_1970 = 25569;

/** An exceljs cell value as Excel's `range.values` would give it (dates as serials). */
export function excelCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + SERIAL_1970;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return excelCellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in v && "text" in v)
      return excelCellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export interface RegisterTable {
  readonly sheetName: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  readonly headers: CellValue[];
  readonly rows: CellValue[][];
}

/** The register in a worksheet: the first non-empty row is the header row; data rows follow. */
export function tableFromWorksheet(ws: ExcelJS.Worksheet): RegisterTable {
  let headerRow = 0;
  let headers: CellValue[] = [];
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = rowValues(row);
    if (headerRow === 0) {
      if (values.every((v) => v === "")) return;
      headerRow = rowNumber;
      headers = trimTrailing(values);
      return;
    }
    while (rows.length < rowNumber - headerRow - 1) rows.push([]);
    rows.push(values.slice(0, headers.length));
  });
  return { sheetName: ws.name, headerRow: headerRow || 1, headers, rows };
}

function rowValues(row: ExcelJS.Row): CellValue[] {
  const out: CellValue[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    // A merged cell's value is in its top-left cell only; the others read blank, as range.values in Excel.
    const merged = cell.type === ExcelJS.ValueType.Merge && cell.master !== cell;
    out[col - 1] = merged ? "" : excelCellValue(cell.value);
  });
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = "";
  return out;
}

/** A row without its trailing blank cells (a header row's width). */
export function trimTrailing(values: CellValue[]): CellValue[] {
  let end = values.length;
  while (end > 0 && (values[end - 1] === "" || values[end - 1] === null)) end -= 1;
  return values.slice(0, end);
}

export function pickWorksheet(wb: ExcelJS.Workbook, sheet: string | undefined): ExcelJS.Worksheet {
  if (sheet === undefined) {
    const first = wb.worksheets[0];
    if (!first) throw new Error("the workbook has no worksheet");
    return first;
  }
  const ws =
    wb.getWorksheet(sheet) ?? wb.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (!ws)
    throw new Error(`no sheet named "${sheet}" (sheets: ${wb.worksheets.map((w) => w.name).join(", ")})`);
  return ws;
}

export interface LoadedRegister {
  readonly table: RegisterTable;
  /** What the reader said about the sheet (merges, filter, hidden rows, 1904 dates). */
  readonly warnings?: readonly Text[];
  /** The in-memory workbook holding the register (xlsx input), or undefined for CSV. */
  readonly workbook?: ExcelJS.Workbook;
  readonly worksheet?: ExcelJS.Worksheet;
  readonly csvSeparator?: string;
}

/**
 * Reads a register file for `report` and `--explain`: xlsx through src/xlsx (the sheet and header row
 * found as `apply` finds them: the named sheet or the first holding a register, past title rows), or
 * csv. The rows are from the register's first column.
 */
export async function readRegister(file: string, sheet: string | undefined): Promise<LoadedRegister> {
  if (/\.(csv|txt)$/i.test(file)) {
    const csv = await readCsv(file);
    return { table: csv, csvSeparator: csv.separator };
  }
  const read = await readXlsxRegister(file, sheet !== undefined ? { sheet } : {});
  return {
    table: {
      sheetName: read.location.sheet,
      headerRow: read.location.headerRow,
      headers: [...read.headers],
      rows: read.rows.map((r) => [...r]),
    },
    warnings: read.warnings,
  };
}

// ---- CSV --------------------------------------------------------------------------------------

/** Splits CSV text (RFC 4180 quoting) with the given separator. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** ";" when the header line has more semicolons than commas outside quotes (French Excel's CSV), else ",". */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const semi = (unquoted.match(/;/g) ?? []).length;
  const comma = (unquoted.match(/,/g) ?? []).length;
  return semi >= comma && semi > 0 ? ";" : comma > 0 ? "," : semi > 0 ? ";" : "\t";
}

export interface CsvRegister extends RegisterTable {
  readonly separator: string;
}

/** Reads a CSV register: BOM stripped, separator detected, cells kept as text (the core parses them). */
export async function readCsv(file: string): Promise<CsvRegister> {
  let text = await fs.readFile(file, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const separator = detectSeparator(text);
  const all = parseCsv(text, separator).map((r) => r.map((c) => c.trim()));
  let start = all.findIndex((r) => r.some((c) => c !== ""));
  if (start < 0) start = 0;
  const headers = trimTrailing(all[start] ?? []);
  const rows = all.slice(start + 1);
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((c) => c === "")) rows.pop();
  return {
    sheetName: path.basename(file).replace(/\.[^.]+$/, ""),
    headerRow: start + 1,
    headers,
    rows,
    separator,
  };
}

/**
 * A CSV file's rows as read (every row, title rows before the header included), for an xlsx output:
 * `openTableAsXlsx(sheetName, rows)` (src/xlsx) makes them a workbook the one copy writes.
 */
export async function readCsvRows(
  file: string,
): Promise<{ readonly sheetName: string; readonly rows: string[][]; readonly separator: string }> {
  let text = await fs.readFile(file, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const separator = detectSeparator(text);
  const rows = parseCsv(text, separator).map((r) => r.map((c) => c.trim()));
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((c) => c === "")) rows.pop();
  return { sheetName: path.basename(file).replace(/\.[^.]+$/, ""), rows, separator };
}

export function csvField(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text of an output value for CSV: dates dd/mm/yyyy, money with a decimal comma in French. */
export function outputText(value: OutputValue, format: OutputColumn["format"], lang: Language): string {
  if (value === "" || typeof value === "string") return value;
  if (format === "date") {
    const ms = Math.round((value - SERIAL_1970) * MS_PER_DAY);
    const d = new Date(ms);
    const dd = String(d.getUTCDate()).padStart(2, "0");
    const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
    return `${dd}/${mm}/${d.getUTCFullYear()}`;
  }
  if (format === "money") return lang === "fr" ? value.toFixed(2).replace(".", ",") : value.toFixed(2);
  return String(value);
}

/** Writes a CSV: the input columns unchanged, then the new columns. UTF-8 with a BOM (Excel reads it). */
export async function writeCsv(
  file: string,
  table: RegisterTable,
  separator: string,
  columns: readonly OutputColumn[],
  outputs: readonly (readonly OutputValue[])[],
  lang: Language,
): Promise<void> {
  const width = table.headers.length;
  const line = (cells: readonly string[]): string => cells.map((c) => csvField(c, separator)).join(separator);
  const pad = (r: readonly CellValue[]): string[] => Array.from({ length: width }, (_, i) => cellText(r[i]));
  const lines = [line([...pad(table.headers), ...columns.map((c) => c.header[lang])])];
  table.rows.forEach((r, i) => {
    const out = outputs[i] ?? [];
    lines.push(line([...pad(r), ...columns.map((c, j) => outputText(out[j] ?? "", c.format, lang))]));
  });
  await fs.writeFile(file, `\ufeff${lines.join("\r\n")}\r\n`, "utf8");
}

function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

// ---- xlsx output ------------------------------------------------------------------------------

/** A cell to write: a value, or a formula with its current result. */
export type OutputCell = OutputValue | { readonly formula: string; readonly result: OutputValue };

/**
 * Adds the new columns to the right of the register in `ws` (header row styled like a header, number
 * formats per column). Nothing else in the sheet is touched.
 */
export function addOutputColumns(
  ws: ExcelJS.Worksheet,
  table: RegisterTable,
  firstColumn: number,
  columns: readonly OutputColumn[],
  outputs: readonly (readonly OutputCell[])[],
  lang: Language,
  after: readonly (string | number)[] = [],
  note?: string,
): void {
  writeHeaderCells(
    ws.getRow(table.headerRow),
    firstColumn - 1,
    { columns, after, ...(note !== undefined ? { note } : {}) },
    lang,
  );
  columns.forEach((c, j) => {
    const col = ws.getColumn(firstColumn + j);
    if (c.format !== "text") col.numFmt = NUMBER_FORMATS[c.format];
    col.width = c.format === "text" ? 48 : 16;
  });
  outputs.forEach((values, i) => {
    const row = ws.getRow(table.headerRow + 1 + i);
    values.forEach((v, j) => setOutputCell(row.getCell(firstColumn + j), v, columns[j]?.format ?? "text"));
  });
}

// ---- streaming (large registers) --------------------------------------------------------------

/** What a streaming pass does with the register sheet: told its header row, then asked for each data row's new cells. */
export interface StreamHandler {
  /** The register's header row; returns the header cells to append to it (new column titles…). */
  begin(table: { readonly sheetName: string; readonly headerRow: number; readonly headers: CellValue[] }): {
    readonly columns: readonly OutputColumn[];
    /** Extra header cells after the new columns (e.g. the as-of label and date for formulas). */
    readonly after?: readonly (string | number)[];
    /** A note (cell comment) on the first new header cell: the provenance of values. */
    readonly note?: string;
  };
  /** A data row (0-based index among data rows) → the cells to append. */
  row(values: CellValue[], index: number): readonly OutputCell[];
}

function setOutputCell(cell: ExcelJS.Cell, v: OutputCell, format: OutputColumn["format"]): void {
  if (typeof v === "object") {
    cell.value = {
      formula: xlsxFormula(v.formula),
      result: v.result === "" ? undefined : v.result,
    } as ExcelJS.CellFormulaValue;
  } else cell.value = v === "" ? null : format === "date" && typeof v === "number" ? serialDate(v) : v;
  if (format === "text") return;
  // One shared style object per format when the cell has no other style: exceljs's writers look styles
  // up by object identity first, so 100,000 rows cost one style lookup per column, not one per cell.
  const own = cell.style as Partial<ExcelJS.Style> | undefined;
  if (!own || Object.keys(own).every((k) => k === "numFmt")) cell.style = OUTPUT_STYLES[format];
  else cell.numFmt = NUMBER_FORMATS[format];
}

const OUTPUT_STYLES: Record<Exclude<OutputColumn["format"], "text">, Partial<ExcelJS.Style>> = {
  date: { numFmt: NUMBER_FORMATS.date },
  money: { numFmt: NUMBER_FORMATS.money },
  integer: { numFmt: NUMBER_FORMATS.integer },
};

/** A date serial (1900 system) as a Date, which exceljs writes in the workbook's own date system (1900 or 1904). */
function serialDate(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_1970) * MS_PER_DAY));
}

/**
 * Copies a workbook sheet by sheet, row by row (exceljs streaming reader → streaming writer), adding
 * the new columns to the register sheet. Keeps every sheet's values and cell styles (number formats,
 * fonts…); column widths, merged cells and other sheet-level features are not carried over. Memory
 * stays flat whatever the number of rows. Returns the number of data rows seen, or undefined when the
 * register sheet was not found.
 */
export async function streamRegister(
  input: string,
  output: string,
  sheet: string | undefined,
  handler: StreamHandler,
  lang: Language,
  onRows?: (rows: number) => void,
  reference?: () => ReferenceSheet | undefined,
): Promise<number | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: output,
    useStyles: true,
    useSharedStrings: false,
  });
  let targetDone = false;
  let dataRows: number | undefined;
  let sheetIndex = 0;
  for await (const wsReader of reader) {
    const name = (wsReader as unknown as { name: string }).name;
    // An earlier portable output's reference sheet is replaced by the new one.
    if (reference && name === reference()?.name) {
      for await (const row of wsReader as unknown as AsyncIterable<ExcelJS.Row>) void row;
      continue;
    }
    const isTarget =
      !targetDone && (sheet === undefined ? sheetIndex === 0 : name.toLowerCase() === sheet.toLowerCase());
    sheetIndex += 1;
    const ws = writer.addWorksheet(name);
    let headerRow = 0;
    let width = 0;
    let columns: readonly OutputColumn[] = [];
    let count = 0;
    for await (const row of wsReader as unknown as AsyncIterable<ExcelJS.Row>) {
      const out = ws.getRow(row.number);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const target = out.getCell(col);
        target.value = cell.value;
        if (cell.style && Object.keys(cell.style).length > 0) target.style = cell.style;
      });
      if (isTarget) {
        const values = rowValues(row);
        if (headerRow === 0 && values.some((v) => v !== "")) {
          headerRow = row.number;
          const headers = trimTrailing(values);
          width = headers.length;
          const begun = handler.begin({ sheetName: name, headerRow, headers });
          columns = begun.columns;
          writeHeaderCells(out, width, begun, lang);
        } else if (headerRow !== 0) {
          // Blank lines are absent from the file: they count as blank rows, as in the in-memory path.
          for (let gap = headerRow + 1 + count; gap < row.number; gap++, count++)
            handler.row([], gap - headerRow - 1);
          const cells = handler.row(values.slice(0, width), row.number - headerRow - 1);
          cells.forEach((v, j) => setOutputCell(out.getCell(width + 1 + j), v, columns[j]?.format ?? "text"));
          count += 1;
          if (onRows && count % 5000 === 0) onRows(count);
        }
      }
      out.commit();
    }
    if (isTarget) {
      targetDone = true;
      dataRows = count;
    }
    ws.commit();
  }
  const refSheet = reference?.();
  if (refSheet) {
    const ws = writer.addWorksheet(refSheet.name);
    writeReferenceSheet(ws, refSheet, true);
    ws.commit();
  }
  await writer.commit();
  return dataRows;
}

/** The new columns' titles and the extra header cells, after the register's `width` columns. */
function writeHeaderCells(
  out: ExcelJS.Row,
  width: number,
  begun: ReturnType<StreamHandler["begin"]>,
  lang: Language,
): void {
  begun.columns.forEach((c, j) => {
    const cell = out.getCell(width + 1 + j);
    cell.value = c.header[lang];
    cell.font = { bold: true };
    if (j === 0 && begun.note !== undefined) cell.note = begun.note;
  });
  (begun.after ?? []).forEach((v, k) => {
    const cell = out.getCell(width + 1 + begun.columns.length + k);
    cell.value = v;
    if (typeof v === "number") cell.numFmt = NUMBER_FORMATS.date;
    else cell.font = { bold: true };
  });
}

/** Writes a register held in memory (a CSV's) and its new columns as an xlsx, with the streaming writer. */
export async function writeTableXlsx(
  output: string,
  table: RegisterTable,
  columns: readonly OutputColumn[],
  outputs: readonly (readonly OutputCell[])[],
  lang: Language,
  after: readonly (string | number)[] = [],
  extra: { readonly note?: string; readonly reference?: ReferenceSheet } = {},
): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = writer.addWorksheet(table.sheetName.slice(0, 31) || "Registre");
  const width = table.headers.length;
  const header = ws.getRow(1);
  table.headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellText(h);
    cell.font = { bold: true };
  });
  writeHeaderCells(
    header,
    width,
    { columns, after, ...(extra.note !== undefined ? { note: extra.note } : {}) },
    lang,
  );
  header.commit();
  table.rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    r.forEach((v, c) => {
      if (v !== "" && v !== null && v !== undefined) row.getCell(c + 1).value = v;
    });
    (outputs[i] ?? []).forEach((v, j) =>
      setOutputCell(row.getCell(width + 1 + j), v, columns[j]?.format ?? "text"),
    );
    row.commit();
  });
  ws.commit();
  if (extra.reference) {
    const ref = writer.addWorksheet(extra.reference.name);
    writeReferenceSheet(ref, extra.reference, true);
    ref.commit();
  }
  await writer.commit();
}

/**
 * Writes the portable formulas' reference sheet (rates per half-year, holidays) from A1. With
 * `streaming`, rows are committed as they are written (exceljs streaming writer).
 */
export function writeReferenceSheet(ws: ExcelJS.Worksheet, sheet: ReferenceSheet, streaming = false): void {
  sheet.columnWidths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  sheet.rows.forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      if (typeof v === "object") {
        cell.value = { formula: xlsxFormula(v.formula), result: v.result } as ExcelJS.CellFormulaValue;
      } else cell.value = v;
      const format = sheet.columnFormats[j];
      if (i >= 4 && typeof v !== "string" && format !== undefined && format !== "text")
        cell.numFmt = REFERENCE_NUMBER_FORMATS[format];
      if (i === 0 || i === 3) cell.font = { bold: true };
    });
    if (streaming) row.commit();
  });
}

// ---- sheet-level features the register cells do not show --------------------------------------

/** What a register sheet holds besides its cells: protection, merges, hidden rows, a filter, the date system. */
export interface SheetFeatures {
  readonly sheetName: string;
  readonly protected: boolean;
  /** Merged ranges, e.g. "B2:B3". */
  readonly merges: readonly string[];
  /** 1-based numbers of the hidden rows (by hand or by a filter). */
  readonly hiddenRows: readonly number[];
  readonly autoFilter: boolean;
  readonly date1904: boolean;
}

/**
 * Scans the register sheet's XML as it is inflated (flat memory; a few hundred ms for 100,000 rows) for
 * the features exceljs's streaming reader does not report. The same sheet as `streamRegister` picks:
 * the named one (case-insensitive) or the first. Undefined when there is no such sheet.
 */
export async function sheetFeatures(
  file: string,
  sheet: string | undefined,
): Promise<SheetFeatures | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "ignore",
    styles: "ignore",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let found: SheetFeatures | undefined;
  let index = 0;
  for await (const wsReader of reader) {
    const ws = wsReader as unknown as { name: string; iterator: AsyncIterable<Buffer | string> };
    const isTarget =
      found === undefined &&
      (sheet === undefined ? index === 0 : ws.name.toLowerCase() === sheet.toLowerCase());
    index += 1;
    const merges = new Set<string>();
    const hidden = new Set<number>();
    let prot = false;
    let filter = false;
    let tail = "";
    for await (const chunk of ws.iterator) {
      if (!isTarget) continue;
      const text = tail + chunk.toString();
      for (const m of text.matchAll(
        /<sheetProtection\b([^>]*)>|<autoFilter\b|<mergeCell\b[^>]*?\bref="([^"]+)"|<row\b([^>]*?\bhidden="(?:1|true)"[^>]*)>/g,
      )) {
        // <sheetProtection sheet="1" …/>: the sheet attribute defaults to false (ECMA-376 18.3.1.85).
        if (m[1] !== undefined) prot = prot || /\bsheet="(?:1|true)"/.test(m[1]);
        else if (m[0].startsWith("<autoFilter")) filter = true;
        else if (m[2] !== undefined) merges.add(m[2]);
        else if (m[3] !== undefined) hidden.add(Number(/\br="(\d+)"/.exec(m[3])?.[1] ?? 0));
      }
      tail = text.slice(-512);
    }
    if (isTarget) {
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      found = {
        sheetName: ws.name,
        protected: prot,
        merges: [...merges],
        hiddenRows: [...hidden].filter((n) => n > 0).sort((a, b) => a - b),
        autoFilter: filter,
        date1904: props?.model?.date1904 === true,
      };
    }
  }
  return found;
}
