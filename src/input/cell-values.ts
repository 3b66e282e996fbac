import {
  dayFromYmd,
  Decimal,
  type EngineError,
  formatIsoDay,
  invalidInput,
  tryDayFromYmd,
  type Day,
  type Language,
  type Payment,
  quoted,
} from "../engine";

/**
 * Reading Excel cell values the way an accountant types them, shared by the custom functions, the
 * task pane and the command line so that the three parse alike. Everything bad becomes an
 * `invalid-input` EngineError naming the argument (or cell) and what was expected.
 */

/** Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the phantom 29 February 1900. */
const PHANTOM_LEAP_DAY = 60;
const SERIAL_1970 = 25569; // 1970-01-01
const DAY_1900_01_01 = dayFromYmd(1900, 1, 1);
export const MAX_SERIAL = 2958465; // 9999-12-31

export function serialToDay(serial: number): Day {
  const whole = Math.floor(serial);
  // Before 1 March 1900 Excel counts a 29 February that never was: serials 1–59 are one day ahead.
  return (whole < PHANTOM_LEAP_DAY ? DAY_1900_01_01 + whole - 1 : whole - SERIAL_1970) as Day;
}

export function dayToSerial(day: Day): number {
  const serial = day + SERIAL_1970;
  return serial < PHANTOM_LEAP_DAY + 1 ? day - DAY_1900_01_01 + 1 : serial;
}

/** Whether a cell value counts as blank: null (an empty cell), undefined (omitted), "" or spaces. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** How a cell value is named in a message, in French and English. */
const VALUE_WORDS = {
  notFinite: { en: "a non-finite number", fr: "un nombre non fini" },
  true: { en: "TRUE", fr: "VRAI" },
  false: { en: "FALSE", fr: "FAUX" },
  range: { en: "a range", fr: "une plage" },
} as const;

function describe(value: unknown, lang: Language = "en"): string {
  if (typeof value === "string") return quoted(value.length > 40 ? `${value.slice(0, 40)}…` : value, lang);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : VALUE_WORDS.notFinite[lang];
  if (typeof value === "boolean") return (value ? VALUE_WORDS.true : VALUE_WORDS.false)[lang];
  if (Array.isArray(value)) return VALUE_WORDS.range[lang];
  return typeof value;
}

const DATE_EXPECTED = {
  en: "a date (an Excel date, 2025-03-31 or 31/03/2025)",
  fr: "une date (date Excel, 2025-03-31 ou 31/03/2025)",
};

const NO_SUCH_DAY = {
  en: "that day does not exist in the calendar",
  fr: "ce jour n'existe pas dans le calendrier",
};
const PHANTOM = {
  en: "29 February 1900 does not exist (Excel's 1900 leap-year bug)",
  fr: "le 29 février 1900 n'existe pas (bogue de l'année 1900 d'Excel)",
};

function badDate(arg: string, value: unknown, why?: { en: string; fr: string }): EngineError {
  return invalidInput(
    arg,
    `${arg}: ${describe(value)} is not ${DATE_EXPECTED.en}${why ? `: ${why.en}` : ""}.`,
    `${arg} : ${describe(value, "fr")} n'est pas ${DATE_EXPECTED.fr}${why ? ` : ${why.fr}` : ""}.`,
  );
}

/** Parses a date given as text: ISO `2025-03-31`, French `31/03/2025` (also with - or . and 2-digit years). */
export function parseDateText(text: string): Day | "invalid" | "not-a-date" {
  const s = text.trim();
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return tryDayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) ?? "invalid";
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let year = Number(m[3]);
    // Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s.
    if ((m[3] ?? "").length === 2) year += year < 30 ? 2000 : 1900;
    return tryDayFromYmd(year, Number(m[2]), Number(m[1])) ?? "invalid";
  }
  return "not-a-date";
}

/**
 * A date argument: an Excel serial number, ISO or French text, or blank. Returns the day number and,
 * for serials with a time of day, the fraction of the day.
 */
export function readDateTime(value: unknown, arg: string): { day: Day; fraction: number } | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw badDate(arg, value);
    if (value < 1 || value >= MAX_SERIAL + 1) {
      throw invalidInput(
        arg,
        `${arg}: ${value} is outside Excel's dates (1 = 1900-01-01 to ${MAX_SERIAL} = 9999-12-31).`,
        `${arg} : ${value} est hors des dates Excel (1 = 1900-01-01 à ${MAX_SERIAL} = 9999-12-31).`,
      );
    }
    if (Math.floor(value) === PHANTOM_LEAP_DAY) throw badDate(arg, value, PHANTOM);
    return { day: serialToDay(value), fraction: value - Math.floor(value) };
  }
  if (typeof value === "string") {
    const parsed = parseDateText(value);
    if (parsed === "invalid") throw badDate(arg, value, NO_SUCH_DAY);
    if (parsed === "not-a-date") {
      const asNumber = Number(value.trim().replace(",", "."));
      if (value.trim() !== "" && Number.isFinite(asNumber)) return readDateTime(asNumber, arg);
      throw badDate(arg, value);
    }
    return { day: parsed, fraction: 0 };
  }
  throw badDate(arg, value);
}

export function requireDateTime(value: unknown, arg: string): { day: Day; fraction: number } {
  const dt = readDateTime(value, arg);
  if (dt === undefined) throw missing(arg, DATE_EXPECTED);
  return dt;
}

export function readDate(value: unknown, arg: string): Day | undefined {
  // Fast path for the common case, a serial within Excel's dates: no object for the time of day.
  if (
    typeof value === "number" &&
    value >= 1 &&
    value < MAX_SERIAL + 1 &&
    Math.floor(value) !== PHANTOM_LEAP_DAY
  )
    return serialToDay(value);
  return readDateTime(value, arg)?.day;
}

export function requireDate(value: unknown, arg: string): Day {
  const day = readDate(value, arg);
  if (day === undefined) throw missing(arg, DATE_EXPECTED);
  return day;
}

export function missing(arg: string, expected: { en: string; fr: string }): EngineError {
  return invalidInput(
    arg,
    `${arg} is required: expected ${expected.en}.`,
    `${arg} est obligatoire : attendu ${expected.fr}.`,
  );
}

const AMOUNT_EXPECTED = {
  en: "an amount in euros (1234.56 or 1 234,56 €)",
  fr: "un montant en euros (1234.56 ou 1 234,56 €)",
};

/**
 * Parses an amount typed as text: French (`1 234,56 €`, with spaces, no-break or narrow no-break
 * spaces as thousands separators) or English (`1,234.56`, `1234.56`), with an optional € or EUR.
 */
export function parseAmountText(text: string): Decimal | undefined {
  let s = text.trim().replace(/[\s\u00a0\u202f]+/g, "");
  s = s.replace(/^€|€$|^EUR|EUR$/i, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true; // accounting negatives: (1 234,56)
    s = s.slice(1, -1);
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^€|€$/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s))
    s = s.replace(/\./g, "").replace(",", "."); // 1.234,56
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s))
    s = s.replace(/,/g, ""); // 1,234.56
  else if (/^\d+,\d+$/.test(s)) s = s.replace(",", "."); // 1234,56
  if (!/^\d+(\.\d+)?$/.test(s) || s.length > 30) return undefined;
  const d = new Decimal(s);
  return negative ? d.neg() : d;
}

export function readAmount(value: unknown, arg: string): Decimal | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw invalidInput(arg, `${arg}: not a finite number.`, `${arg} : nombre non fini.`);
    if (Math.abs(value) > 1e15)
      throw invalidInput(
        arg,
        `${arg}: ${value} is too large for an amount.`,
        `${arg} : ${value} est trop grand pour un montant.`,
      );
    // The shortest decimal that prints as this double: 0.1 stays 0.1, not 0.1000000000000000055…
    return new Decimal(String(value));
  }
  if (typeof value === "string") {
    const d = parseAmountText(value);
    if (d === undefined)
      throw invalidInput(
        arg,
        `${arg}: ${describe(value)} is not ${AMOUNT_EXPECTED.en}.`,
        `${arg} : ${describe(value, "fr")} n'est pas ${AMOUNT_EXPECTED.fr}.`,
      );
    return d;
  }
  throw invalidInput(
    arg,
    `${arg}: ${describe(value)} is not ${AMOUNT_EXPECTED.en}.`,
    `${arg} : ${describe(value, "fr")} n'est pas ${AMOUNT_EXPECTED.fr}.`,
  );
}

export function requireAmount(value: unknown, arg: string): Decimal {
  const d = readAmount(value, arg);
  if (d === undefined) throw missing(arg, AMOUNT_EXPECTED);
  return d;
}

export function readText(value: unknown, arg: string): string | undefined {
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? undefined : text;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw invalidInput(
    arg,
    `${arg}: ${describe(value)} is not text.`,
    `${arg} : ${describe(value, "fr")} n'est pas du texte.`,
  );
}

export function requireText(value: unknown, arg: string, expected: { en: string; fr: string }): string {
  const s = readText(value, arg);
  if (s === undefined) throw missing(arg, expected);
  return s;
}

/** Excel passes a single cell where a range is expected as a plain value; a range as rows of cells. */
function asRows(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * Partial payments: a two-column range (date, amount), one payment per row. Blank rows are skipped;
 * a row with only one of the two is an error naming the row.
 */
export function readPayments(value: unknown, arg = "payments"): Payment[] {
  if (isBlank(value)) return [];
  const rows = asRows(value);
  if (rows.length > 10000)
    throw invalidInput(arg, `${arg}: at most 10,000 payments.`, `${arg} : 10 000 paiements au plus.`);
  const out: Payment[] = [];
  rows.forEach((row, i) => {
    if (row.every(isBlank)) return;
    if (row.length !== 2) {
      throw invalidInput(
        arg,
        `${arg}: expected a range of two columns (payment date, amount); row ${i + 1} has ${row.length}.`,
        `${arg} : attendu une plage de deux colonnes (date de paiement, montant) ; la ligne ${i + 1} en a ${row.length}.`,
      );
    }
    const date = readDate(row[0], `${arg} row ${i + 1} date`);
    const amount = readAmount(row[1], `${arg} row ${i + 1} amount`);
    if (date === undefined || amount === undefined) {
      throw invalidInput(
        arg,
        `${arg} row ${i + 1}: both a date and an amount are needed.`,
        `${arg} ligne ${i + 1} : une date et un montant sont nécessaires.`,
      );
    }
    out.push({ date, amount });
  });
  return out;
}

export function formatDay(day: Day): string {
  return formatIsoDay(day);
}
