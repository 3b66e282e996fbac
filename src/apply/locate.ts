import { isEmptyCell, type CellValue } from "../cells";
import { quoted, type Text } from "../engine";
import { recognizeHeaders } from "./headers";
import type { HeaderRecognition, RegisterMode } from "./types";

/**
 * Where a register starts in a sheet. Registers rarely start at A1: a title row (« Registre des
 * factures fournisseurs 2025 »), a blank line, then the header row. The header row is the first row,
 * among the first rows of the sheet, whose cells are recognised headers of one mode with what that
 * mode needs (an amount and a date for invoices, a start date for subscriptions). Decided here once
 * for the command line (a file's sheets) and the pane (the active cell's region).
 */

/** How many rows from the top of a sheet are looked at for the header row. */
export const HEADER_SEARCH_ROWS = 30;

export interface LocatedHeader {
  /** Zero-based index, among the rows given, of the header row. */
  readonly index: number;
  readonly recognition: HeaderRecognition & { readonly mode: RegisterMode };
}

/** A recognition that makes a usable register: a mode, and nothing it needs missing. */
export function isRegisterHeader(rec: HeaderRecognition): rec is HeaderRecognition & { mode: RegisterMode } {
  return (
    rec.mode !== undefined && !rec.problems.some((p) => p.kind === "missing" || p.kind === "mode-unknown")
  );
}

/**
 * The header row among a sheet's first rows (`rows[0]` is the sheet's first row), or undefined when
 * none of the first `HEADER_SEARCH_ROWS` rows is one. With `mode`, only that mode's headers count.
 */
export function findHeaderRow(
  rows: readonly (readonly CellValue[] | undefined)[],
  options: { readonly mode?: RegisterMode } = {},
): LocatedHeader | undefined {
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < last; index++) {
    const row = rows[index];
    // A title row or a blank line has at most one filled cell: not a header row.
    if (!row || row.filter((c) => !isEmptyCell(c)).length < 2) continue;
    const recognition = recognizeHeaders(row, options.mode ? { mode: options.mode } : {});
    if (isRegisterHeader(recognition)) return { index, recognition };
  }
  return undefined;
}

/** A sheet's first rows, as a file reader or a gateway gives them, for `locateRegister`. */
export interface SheetHead {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[] | undefined)[];
}

export type Location =
  | { readonly found: true; readonly sheet: string; readonly header: LocatedHeader; readonly auto: boolean }
  | { readonly found: false; readonly message: Text };

const sheetList = (sheets: readonly SheetHead[], lang: "en" | "fr"): string =>
  sheets.map((s) => quoted(s.name, lang)).join(", ");

/**
 * The sheet and header row of a register in a workbook: the named sheet (or, without one, the first
 * sheet whose first rows hold a header row), and its header row (found, or the one given, 1-based).
 * A refusal names the sheets and the rows looked at, and what to give instead.
 */
export function locateRegister(
  sheets: readonly SheetHead[],
  options: { readonly sheet?: string; readonly headerRow?: number; readonly mode?: RegisterMode } = {},
): Location {
  const wanted = options.sheet;
  const pool =
    wanted === undefined
      ? sheets
      : sheets.filter((s) => s.name === wanted || s.name.toLowerCase() === wanted.toLowerCase());
  if (wanted !== undefined && pool.length === 0)
    return {
      found: false,
      message: {
        en: `there is no sheet named "${wanted}" (sheets: ${sheetList(sheets, "en")}).`,
        fr: `il n'y a pas de feuille « ${wanted} » (feuilles : ${sheetList(sheets, "fr")}).`,
      },
    };
  for (const sheet of pool.slice(0, wanted === undefined ? pool.length : 1)) {
    if (options.headerRow !== undefined) {
      const row = sheet.rows[options.headerRow - 1];
      const recognition = recognizeHeaders(row ?? [], options.mode ? { mode: options.mode } : {});
      if (isRegisterHeader(recognition))
        return {
          found: true,
          sheet: sheet.name,
          header: { index: options.headerRow - 1, recognition },
          auto: wanted === undefined,
        };
      if (wanted !== undefined || pool.length === 1)
        return {
          found: false,
          message: {
            en: `row ${options.headerRow} of the sheet "${sheet.name}" is not a register's header row (no invoice date and amount, nor start date, recognised).`,
            fr: `la ligne ${options.headerRow} de la feuille « ${sheet.name} » n'est pas une ligne d'en-têtes de registre (ni date facture et montant, ni date de début reconnus).`,
          },
        };
      continue;
    }
    const header = findHeaderRow(sheet.rows, options.mode ? { mode: options.mode } : {});
    if (header) return { found: true, sheet: sheet.name, header, auto: wanted === undefined };
  }
  const rows = HEADER_SEARCH_ROWS;
  return {
    found: false,
    message:
      wanted === undefined
        ? {
            en: `no register found: none of the first ${rows} rows of the sheets ${sheetList(sheets, "en")} holds recognised headers (an invoice date and an amount, or a start date). Name the sheet with --sheet and the header row with --header-row, or rename the columns.`,
            fr: `aucun registre trouvé : aucune des ${rows} premières lignes des feuilles ${sheetList(sheets, "fr")} ne porte d'en-têtes reconnus (une date de facture et un montant, ou une date de début). Indiquez la feuille avec --sheet et la ligne d'en-têtes avec --header-row, ou renommez les colonnes.`,
          }
        : {
            en: `no register found in the sheet "${wanted}": none of its first ${rows} rows holds recognised headers (an invoice date and an amount, or a start date). Give the header row with --header-row, or rename the columns.`,
            fr: `aucun registre trouvé dans la feuille « ${wanted} » : aucune de ses ${rows} premières lignes ne porte d'en-têtes reconnus (une date de facture et un montant, ou une date de début). Indiquez la ligne d'en-têtes avec --header-row, ou renommez les colonnes.`,
          },
  };
}
