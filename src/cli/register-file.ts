import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  fieldInfo,
  HEADER_SEARCH_ROWS,
  locateRegister,
  type CellValue,
  type FieldId,
  type RegisterMode,
} from "../apply";
import type { Language, Text } from "../engine";
import { readXlsxRegister, XlsxError } from "../xlsx";
import { isCsvFile } from "./messages";
import { readCsv } from "./register-io";

/**
 * A register file read whole, for the commands that read without writing a copy (`report`, and
 * `apply --explain`, and a CSV output): its sheet and header row chosen once by `locateRegister` (for
 * xlsx, by src/xlsx with the same), the header row, and the data rows under it.
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
  /** The workbook's custom XML parts (its stored terms among them); none for CSV. */
  readonly customXmlParts: readonly string[];
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

/** Where to look for the register: the sheet and header row given on the command line, and the mode — nothing set that was not given. */
export function registerOptions(given: {
  readonly sheet?: string | undefined;
  readonly headerRow?: number | undefined;
  readonly mode?: RegisterMode | undefined;
}): RegisterFileOptions {
  return {
    ...(given.sheet ? { sheet: given.sheet } : {}),
    ...(given.headerRow ? { headerRow: given.headerRow } : {}),
    ...(given.mode ? { mode: given.mode } : {}),
  };
}

export async function readRegisterFile(file: string, options: RegisterFileOptions): Promise<RegisterFile> {
  await fs.access(file); // a missing file is ENOENT, said as a sentence by fileProblem
  if (isCsvFile(file)) {
    const csv = await readCsv(file);
    const all = [csv.headers, ...csv.rows];
    const heads = [{ name: csv.sheetName, rows: all.slice(0, HEADER_SEARCH_ROWS) }];
    const where = locateRegister(heads, options);
    if (!where.found) throw new RegisterFileError(where.message);
    const index = where.header.index;
    const headers = all[index] ?? [];
    const rows = all.slice(index + 1).map((r) => r.slice(0, headers.length));
    return {
      sheet: csv.sheetName,
      headerRow: index + 1,
      auto: where.auto,
      headers,
      rows,
      csvSeparator: csv.separator,
      customXmlParts: [],
    };
  }
  // An xlsx register is read by src/xlsx, with the same choice of sheet and header row as Apply's copy.
  try {
    const t = await readXlsxRegister(file, options);
    return {
      sheet: t.location.sheet,
      headerRow: t.location.headerRow,
      auto: t.location.auto,
      headers: t.headers,
      rows: t.rows,
      customXmlParts: t.customXmlParts,
    };
  } catch (e) {
    if (e instanceof XlsxError) throw new RegisterFileError(e.text);
    throw e;
  }
}

/** The first line of a command's output: which sheet and header row were read, and how they were chosen. */
export function describeLocation(
  register: Pick<RegisterFile, "sheet" | "headerRow" | "auto" | "csvSeparator">,
  file: string,
  lang: Language,
): string {
  const headerRow = register.headerRow;
  if (register.csvSeparator !== undefined)
    return {
      fr: `Registre : ${file}, en-têtes ligne ${headerRow}`,
      en: `Register: ${file}, headers on row ${headerRow}`,
    }[lang];
  const how = (register.auto ? { fr: "trouvés", en: "found" } : { fr: "indiqués", en: "given" })[lang];
  return {
    fr: `Registre : ${file}, feuille « ${register.sheet} », en-têtes ligne ${headerRow} (${how})`,
    en: `Register: ${file}, sheet "${register.sheet}", headers on row ${headerRow} (${how})`,
  }[lang];
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
    case "ENOTDIR":
      return {
        en: `${file} is a file, not a folder.`,
        fr: `${file} est un fichier, pas un dossier.`,
      };
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

/** « N° facture → Référence, Client → Client, … »: the columns recognised, in sheet order. */
export function describeMapping(
  mapping: Partial<Record<FieldId, number>>,
  headers: readonly unknown[],
  lang: Language,
): string {
  return (Object.entries(mapping) as [FieldId, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([field, i]) => `${String(headers[i] ?? "").trim()} → ${fieldInfo(field).label[lang]}`)
    .join(", ");
}

/** The register's copy beside the input: REGISTER.echeance.xlsx (.xlsm for a macro-enabled workbook, which keeps its macros) — `apply`'s output and `letters`' recorded copy. */
export function defaultOutput(input: string): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm|csv|txt)$/i, "");
  return path.join(path.dirname(input), `${base}.echeance.${/\.xlsm$/i.test(input) ? "xlsm" : "xlsx"}`);
}
