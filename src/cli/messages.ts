import { COLON, type Language, type Text } from "../engine";

/**
 * What every command of the command line says the same way: the prefix of its errors, its warnings,
 * and which files are CSV. One place, so `apply`, `report`, `rates` and `fn` word them alike.
 */

/** « echeance apply : le fichier… » / "echeance apply: the file…": a command's error line. */
export function commandError(command: string, text: string | Text, lang: Language): string {
  const sentence = typeof text === "string" ? text : text[lang];
  return `echeance ${command}${COLON[lang]} ${sentence}`;
}

/** « Attention : … » / "Warning: …". */
export function warning(text: string | Text, lang: Language): string {
  const sentence = typeof text === "string" ? text : text[lang];
  return `${WARNING[lang]}${COLON[lang]} ${sentence}`;
}

const WARNING: Readonly<Record<Language, string>> = { en: "Warning", fr: "Attention" };

/** A register or output file read and written as CSV rather than a workbook: `.csv`, or `.txt` as Excel exports it. */
export function isCsvFile(file: string): boolean {
  return /\.(csv|txt)$/i.test(file);
}
