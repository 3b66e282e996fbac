import { formatDate, frenchDate, type Day, type Language } from "../engine";

/**
 * The names of the report sheets, the same in the pane and in `echeance report`: « D441-6 31-12-2025 »
 * and « Balance âgée 31-12-2025 » (« Aging 2025-12-31 » in English). The closing date is written as a
 * French accountant reads it, with hyphens for the slashes Excel refuses in a sheet name. The D441-6
 * table is a French legal form (its headings are French in both languages), so its name is French too.
 */

/** Characters Excel refuses in a sheet name ("Rename a worksheet", Microsoft Support). */
const FORBIDDEN = /[\\/?*:[\]]/;
/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/**
 * Whether Excel accepts `name` as a sheet name: 1 to 31 characters, none of \ / ? * : [ ], not
 * starting or ending with an apostrophe, and not « History » (reserved by Excel, in any case).
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= SHEET_NAME_MAX &&
    !FORBIDDEN.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** A date in a sheet name: 31-12-2025 in French, 2025-12-31 in English (no slash: Excel refuses it). */
function sheetNameDate(day: Day, lang: Language): string {
  return lang === "fr" ? frenchDate(day).replace(/\//g, "-") : formatDate(day, lang);
}

/** The aging sheet's name before its date (the D441-6 table keeps its French name: it is a French form). */
const AGING_SHEET: Readonly<Record<Language, string>> = { fr: "Balance âgée", en: "Aging" };

export interface ReportSheetNames {
  readonly table: string;
  readonly aging: string;
}

/** The two report sheets' names for a closing date. */
export function reportSheetNames(closing: Day, lang: Language): ReportSheetNames {
  return {
    table: `D441-6 ${sheetNameDate(closing, "fr")}`,
    aging: `${AGING_SHEET[lang]} ${sheetNameDate(closing, lang)}`,
  };
}
