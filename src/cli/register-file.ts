import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { HEADER_SEARCH_ROWS, locateRegister, type CellValue, type RegisterMode } from "../apply";
import type { Language, Text } from "../engine";
import { excelCellValue, readCsv } from "./register-io";

/**
 * A register file read whole, for the commands that read without writing a copy (`report`, and
 * `apply --explain`): its sheet and header row chosen once by `locateRegister`, the header row, and the
 * data rows under it.
 */
export interface RegisterFile {
  readonly sheet: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  /** True when the sheet and header row were found, false when given (--sheet, --header-row). */
  readonly auto: boolean;
  readonly headers: readonly CellValue[];
  readonly rows: readonly (readonly CellValue[])[];
  /** CSV input: its separator. */
  readonly csvSeparator?: string;
}

/** A file that cannot be read as a register, with the sentence to show. */
export class RegisterFileError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "RegisterFileError";
  }
}

export interface RegisterFileOptions {
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly mode?: RegisterMode;
}

export async function readRegisterFile(file: string, options: RegisterFileOptions): Promise<RegisterFile> {
  await fs.access(file); // a missing file is ENOENT, said as a sentence by fileProblem
  if (/\.(csv|txt)$/i.test(file)) {
    const csv = await readCsv(file);
    const all = [csv.headers, ...csv.rows];
    return located([{ name: csv.sheetName, rows: all }], options, { csvSeparator: csv.separator });
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
  return located(sheets, options, {});
}

function located(
  sheets: readonly { name: string; rows: readonly (readonly CellValue[])[] }[],
  options: RegisterFileOptions,
  extra: { csvSeparator?: string },
): RegisterFile {
  const heads = sheets.map((s) => ({ name: s.name, rows: s.rows.slice(0, HEADER_SEARCH_ROWS) }));
  const where = locateRegister(heads, options);
  if (!where.found) throw new RegisterFileError(where.message);
  const sheet = sheets.find((s) => s.name === where.sheet) as (typeof sheets)[number];
  const index = where.header.index;
  const headers = sheet.rows[index] ?? [];
  const rows = sheet.rows.slice(index + 1).map((r) => r.slice(0, headers.length));
  while (rows.length > 0 && (rows[rows.length - 1] as CellValue[]).every((c) => c === "" || c === null))
    rows.pop();
  return { sheet: sheet.name, headerRow: index + 1, auto: where.auto, headers, rows, ...extra };
}

function sheetRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell's value is in its top-left cell only; the others read blank, as in Excel.
      const merged = cell.type === ExcelJS.ValueType.Merge && cell.master !== cell;
      values[col - 1] = merged ? "" : excelCellValue(cell.value);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = "";
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(values);
  });
  return rows;
}

/** The first line of a command's output: which sheet and header row were read, and how they were chosen. */
export function describeLocation(
  register: Pick<RegisterFile, "sheet" | "headerRow" | "auto" | "csvSeparator">,
  file: string,
  lang: Language,
): string {
  if (register.csvSeparator !== undefined)
    return lang === "fr"
      ? `Registre : ${file}, en-têtes ligne ${register.headerRow}`
      : `Register: ${file}, headers on row ${register.headerRow}`;
  const how = register.auto ? (lang === "fr" ? "trouvés" : "found") : lang === "fr" ? "indiqués" : "given";
  return lang === "fr"
    ? `Registre : ${file}, feuille « ${register.sheet} », en-têtes ligne ${register.headerRow} (${how})`
    : `Register: ${file}, sheet "${register.sheet}", headers on row ${register.headerRow} (${how})`;
}

/** Why a file could not be read or written, as a sentence (never a raw ENOENT). */
export function fileProblem(e: unknown, file: string): Text {
  if (e instanceof RegisterFileError) return e.text;
  const code = (e as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return { en: `${file}: no such file.`, fr: `${file} : fichier introuvable.` };
    case "EACCES":
    case "EPERM":
      return { en: `${file}: permission denied.`, fr: `${file} : accès refusé.` };
    case "EISDIR":
      return { en: `${file} is a folder, not a file.`, fr: `${file} est un dossier, pas un fichier.` };
    case "ENOSPC":
      return { en: `${file}: the disk is full.`, fr: `${file} : le disque est plein.` };
  }
  const why = e instanceof Error ? e.message : String(e);
  if (/zip|central directory|signature/i.test(why))
    return {
      en: `${file} is not a readable xlsx workbook (${why}).`,
      fr: `${file} n'est pas un classeur xlsx lisible (${why}).`,
    };
  return { en: `${file}: ${why}`, fr: `${file} : ${why}` };
}
