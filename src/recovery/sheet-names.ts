import { formatDate, type Day, type Language, type Text } from "../engine";

/**
 * The names of the statement's sheets, the same for every face: one sheet for all clients
 * « Relevés 30-06-2026 » (« Statements 2026-06-30 » in English), or one per client « Relevé
 * Boulangerie Martin ». As the D441-6 sheets' names (src/reports/sheet-names.ts): the date with
 * hyphens for the slashes Excel refuses, the characters it refuses replaced, 31 characters at most.
 * A name already taken gets « (2) » from the workbook's writer.
 */

/** Excel's limit on a sheet name's length. */
const SHEET_NAME_MAX = 31;
/** Characters Excel refuses in a sheet name ("Rename a worksheet", Microsoft Support). */
const FORBIDDEN = /[\\/?*:[\]]/g;

const SHEET_NAME_TEXT = {
  all: { fr: "Relevés", en: "Statements" },
  client: { fr: "Relevé", en: "Statement" },
} as const satisfies Record<string, Text>;

/** A date in a sheet name: 30-06-2026 in French, 2026-06-30 in English. */
function sheetNameDate(day: Day, lang: Language): string {
  return formatDate(day, lang).replace(/\//g, "-");
}

/** What Excel takes as a sheet name: forbidden characters as « - », no apostrophe at either end, 31 characters. */
function sheetName(wanted: string): string {
  return wanted
    .replace(FORBIDDEN, "-")
    .replace(/\s+/g, " ")
    .slice(0, SHEET_NAME_MAX)
    .replace(/^['\s]+|['\s]+$/g, "");
}

/** The one sheet holding every client's statement as of a date. */
export function allStatementsSheetName(asOf: Day, lang: Language): string {
  return sheetName(`${SHEET_NAME_TEXT.all[lang]} ${sheetNameDate(asOf, lang)}`);
}

/** A client's own statement sheet: « Relevé » and the client's name, cut to what Excel allows. */
export function clientStatementSheetName(client: string, lang: Language): string {
  return sheetName(`${SHEET_NAME_TEXT.client[lang]} ${client.trim()}`);
}
