import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../apply";
import { detectSeparator, parseCsv } from "../cells";

/**
 * CSV registers for the command line: ";" or "," separated (detected), RFC 4180 quoting, UTF-8 with or
 * without BOM, cells kept as text (the core parses them). xlsx registers are read by src/xlsx.
 */

export interface RegisterTable {
  readonly sheetName: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  readonly headers: CellValue[];
  readonly rows: CellValue[][];
}

/** A row without its trailing blank cells (a header row's width). */
export function trimTrailing(values: CellValue[]): CellValue[] {
  let end = values.length;
  while (end > 0 && (values[end - 1] === "" || values[end - 1] === null)) end -= 1;
  return values.slice(0, end);
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
