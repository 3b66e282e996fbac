import { formatIsoDay, ymdFromDay, type Day } from "./date";
import { Decimal } from "./money";
import type { Language } from "./text";

/**
 * Dates, numbers, amounts and percentages in the text users read: as a French accountant writes them
 * in French (31/03/2025, « 1 234,56 € », « 11,13 % »), ISO dates and dots in English. One formatter
 * for the engine's explanations and messages, the register's statuses and summaries, and the faces.
 */

/**
 * Thousands separator of French text: the narrow no-break space (U+202F) French typography uses
 * between groups of digits, which never breaks a figure across two lines.
 */
export const FRENCH_THOUSANDS = "\u202f";

/** 31/03/2025: day, month, year as a French accountant writes a date. */
export function frenchDate(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

/** dd/mm/yyyy in French, YYYY-MM-DD in English. */
export function formatDate(day: Day, lang: Language): string {
  return lang === "fr" ? frenchDate(day) : formatIsoDay(day);
}

/** Groups the integer digits of a plain decimal text ("-1234.5") and writes its decimal mark. */
function groupDigits(plain: string, thousands: string, mark: string): string {
  const negative = plain.startsWith("-");
  const [int = "0", fraction] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = thousands === "" ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `${mark}${fraction}`}`;
}

function plainText(value: Decimal | number | string, places: number | undefined): string {
  const d = value instanceof Decimal ? value : new Decimal(value);
  return places === undefined ? d.toFixed() : d.toFixed(places);
}

/**
 * A number in French text: a decimal comma, the integer digits grouped by three (« 1 234,5 »).
 * `places` fixes the decimals; without it the number is written as short as it is exact.
 */
export function frenchNumber(value: Decimal | number | string, places?: number): string {
  return groupDigits(plainText(value, places), FRENCH_THOUSANDS, ",");
}

/** A number in English text: a dot, no grouping (what a spreadsheet user can paste back). */
export function englishNumber(value: Decimal | number | string, places?: number): string {
  return plainText(value, places);
}

/** The decimal mark of each language. */
const DECIMAL_MARK: Readonly<Record<Language, string>> = { fr: ",", en: "." };

/**
 * A number as a CSV file or a fixed-width table holds it: the language's decimal mark and no
 * thousands separator (« 1234,56 », what a French spreadsheet reads back as a number; "1234.56").
 */
export function csvNumber(value: Decimal | number | string, lang: Language, places?: number): string {
  // A number here is a figure already rounded where money is rounded, on its way to a file: its own
  // toFixed is exact then, and spares a Decimal per cell on a million-row CSV.
  const text =
    typeof value === "number" && places !== undefined ? value.toFixed(places) : plainText(value, places);
  return text.replace(".", DECIMAL_MARK[lang]);
}

export function formatNumber(value: Decimal | number | string, lang: Language, places?: number): string {
  return lang === "fr" ? frenchNumber(value, places) : englishNumber(value, places);
}

/** « 1 234,56 € » in French; "1,234.56 €" in English (the register's statuses and summaries). */
export function formatMoney(amount: Decimal | number, lang: Language): string {
  const fixed = plainText(amount, 2);
  return lang === "fr"
    ? `${groupDigits(fixed, FRENCH_THOUSANDS, ",")} €`
    : `${groupDigits(fixed, ",", ".")} €`;
}

/** « 1 234,56 € » */
export function frenchMoney(amount: Decimal | number): string {
  return formatMoney(amount, "fr");
}

/**
 * A rate held as a fraction, as a percentage with up to four decimals: 0.1113 → « 11,13 % » in
 * French, "11.13 %" in English.
 */
export function formatPercent(fraction: Decimal, lang: Language): string {
  const text = fraction.times(100).toDecimalPlaces(4).toString();
  return `${lang === "fr" ? groupDigits(text, FRENCH_THOUSANDS, ",") : text} %`;
}

/** « 11,13 % » */
export function frenchPercent(fraction: Decimal): string {
  return formatPercent(fraction, "fr");
}

/**
 * « de » before a name, elided before a vowel as French writes it: « d'OMI », « d'Injenius »,
 * « de Sillage ». An h is left alone (aspirated or not depends on the word: « de Horizon »).
 */
export function frenchOf(name: string): string {
  return /^[aeiouyàâäéèêëîïôöûüù]/i.test(name.normalize("NFC")) ? `d'${name}` : `de ${name}`;
}

/**
 * The colon before a value or a message: French typography puts a space before it (« Montant : … »),
 * English none. One place for every face's « label : value ».
 */
export const COLON: Readonly<Record<Language, string>> = { en: ":", fr: " :" };

/** A user's text quoted back: « … » in French, "…" in English. */
export function quoted(text: string, lang: Language): string {
  return lang === "fr" ? `« ${text} »` : `"${text}"`;
}
