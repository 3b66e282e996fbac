import ecbData from "./data/ecb-mro-rates.json";
import legalData from "./data/legal-interest-rates.json";
import { dayFromYmd, formatIsoDay, parseIsoDay, ymdFromDay, type Day } from "./date";
import { EngineError, invalidInput } from "./errors";
import { frenchDate } from "./format";
import { Decimal, percent } from "./money";
import type { Text } from "./text";

/**
 * Rates of Code de commerce L441-10 II, fixed per calendar half-year: for a day in January–June the
 * rate in force on 1 January, for July–December the rate in force on 1 July. A half-year is keyed as
 * year × 2 + (0 for H1, 1 for H2).
 */
export type HalfYearKey = number;

export function halfYearOf(day: Day): HalfYearKey {
  const { y, m } = ymdFromDay(day);
  return y * 2 + (m >= 7 ? 1 : 0);
}

export function halfYearLabel(key: HalfYearKey): string {
  return `${Math.floor(key / 2)}-H${(key % 2) + 1}`;
}

/** A half-year in words: « 2e semestre 2026 », "2nd half of 2026". */
export function halfYearText(key: HalfYearKey, lang: "en" | "fr"): string {
  const year = Math.floor(key / 2);
  const first = key % 2 === 0;
  return {
    fr: `${first ? "1er" : "2e"} semestre ${year}`,
    en: `${first ? "1st" : "2nd"} half of ${year}`,
  }[lang];
}

export function parseHalfYear(text: string): HalfYearKey | undefined {
  const m = /^\s*(\d{4})\s*-?\s*[HhSs]([12])\s*$/.exec(text);
  return m ? Number(m[1]) * 2 + Number(m[2]) - 1 : undefined;
}

/** 1 January or 1 July: the day whose rate the half-year takes. */
export function halfYearStart(key: HalfYearKey): Day {
  return dayFromYmd(Math.floor(key / 2), key % 2 === 0 ? 1 : 7, 1);
}

export interface HalfYearRates {
  readonly key: HalfYearKey;
  /** Legal interest rate, "tous les autres cas" (professional creditors), as a fraction. */
  readonly legalProfessional: Decimal | undefined;
  /** Legal interest rate for natural persons not acting professionally, as a fraction. */
  readonly legalConsumer: Decimal | undefined;
  /** ECB main refinancing rate in force on the half-year's first day, as a fraction. */
  readonly ecb: Decimal | undefined;
  /** Where each figure came from: the shipped table, or a user's row. */
  readonly source: string;
  /** The arrêté that set the shipped legal rates (« arrêté du 15 décembre 2025 »). */
  readonly legalOrder: string | undefined;
  /** The note a user gave with their rate row (where the figure comes from). */
  readonly userNote: string | undefined;
  /** Some figure of this half-year comes from a user's rate row (explanations say so). */
  readonly user: boolean;
  /** A user's row replaced a figure the shipped table gives (the pane asks first and flags it). */
  readonly changedShipped: boolean;
}

export interface RateTable {
  readonly byHalfYear: ReadonlyMap<HalfYearKey, HalfYearRates>;
  /** Last half-year with both rates known, for messages. */
  readonly legalKnownThrough: HalfYearKey | undefined;
  readonly ecbKnownThrough: HalfYearKey | undefined;
}

/** A rate row as a user types it: percentages per year, any subset of the three figures. */
export interface RateRow {
  readonly halfYear: string;
  readonly legalProfessional?: string | number | undefined;
  readonly legalConsumer?: string | number | undefined;
  readonly ecb?: string | number | undefined;
  readonly source?: string | undefined;
}

interface MutableRates {
  legalProfessional: Decimal | undefined;
  legalConsumer: Decimal | undefined;
  ecb: Decimal | undefined;
  source: string;
  legalOrder: string | undefined;
  userNote: string | undefined;
  user: boolean;
  changedShipped: boolean;
}

function shippedRows(): Map<HalfYearKey, MutableRates> {
  const map = new Map<HalfYearKey, MutableRates>();
  for (const row of legalData.rates) {
    const key = parseHalfYear(row.halfYear);
    if (key === undefined) throw new Error(`Bad half-year in legal-interest-rates.json: ${row.halfYear}`);
    map.set(key, {
      legalProfessional: percent(row.professional),
      legalConsumer: percent(row.consumer),
      ecb: undefined,
      source: `legal rate: ${row.order}`,
      legalOrder: row.order,
      userNote: undefined,
      user: false,
      changedShipped: false,
    });
  }
  // ECB: the rate in force on each half-year's first day, for the half-years whose first day lies
  // between the first listed change and the day the table is known through.
  const changes = ecbData.changes.map((c) => ({ from: parseIsoDay(c.from), rate: percent(c.rate) }));
  const first = changes[0]?.from;
  const knownThrough = parseIsoDay(ecbData.knownThrough);
  if (first === undefined || knownThrough === undefined) throw new Error("Bad ecb-mro-rates.json");
  for (let key = halfYearOf(first) + 1; halfYearStart(key) <= knownThrough; key++) {
    const start = halfYearStart(key);
    let rate: Decimal | undefined;
    for (const c of changes) if (c.from !== undefined && c.from <= start) rate = c.rate;
    const row = map.get(key) ?? {
      legalProfessional: undefined,
      legalConsumer: undefined,
      ecb: undefined,
      source: "",
      legalOrder: undefined,
      userNote: undefined,
      user: false,
      changedShipped: false,
    };
    row.ecb = rate;
    row.source = [row.source, "ECB rate: shipped table"].filter(Boolean).join("; ");
    map.set(key, row);
  }
  return map;
}

function freeze(map: Map<HalfYearKey, MutableRates>): RateTable {
  const byHalfYear = new Map<HalfYearKey, HalfYearRates>();
  let legalKnownThrough: HalfYearKey | undefined;
  let ecbKnownThrough: HalfYearKey | undefined;
  for (const [key, r] of [...map.entries()].sort((a, b) => a[0] - b[0])) {
    byHalfYear.set(key, { key, ...r });
    if (r.legalProfessional !== undefined) legalKnownThrough = key;
    if (r.ecb !== undefined) ecbKnownThrough = key;
  }
  return { byHalfYear, legalKnownThrough, ecbKnownThrough };
}

/** The highest annual rate a rate row may give (the legal and ECB rates have never come near it). */
export const RATE_ROW_MAX_PERCENT = 30;

/** The fields of a rate row, as the rate file's header names them. */
export type RateRowField = "half-year" | "legal-professional" | "legal-consumer" | "ecb";

const FIELD_OF: ReadonlyMap<RateRowField, "legalProfessional" | "legalConsumer" | "ecb"> = new Map([
  ["legal-professional", "legalProfessional"],
  ["legal-consumer", "legalConsumer"],
  ["ecb", "ecb"],
] as const);

const FIELD_WORDS: Readonly<Record<RateRowField, Text>> = {
  "half-year": { en: "half-year", fr: "semestre" },
  "legal-professional": { en: "legal rate (professionals)", fr: "taux légal (professionnels)" },
  "legal-consumer": { en: "legal rate (consumers)", fr: "taux légal (particuliers)" },
  ecb: { en: "ECB rate", fr: "taux BCE" },
};

/** A problem of one rate row, naming the row (1-based, as the user counts them) and the field. */
export interface RateRowProblem {
  readonly row: number;
  readonly field: RateRowField;
  readonly text: Text;
}

/** A rate figure as typed ("2.50", "2,50", "2,5 %", 2.5) as a fraction, or a problem. */
function rateFigure(
  value: string | number | undefined,
  row: number,
  field: RateRowField,
  label: Text,
): Decimal | undefined | RateRowProblem {
  if (value === undefined || (typeof value === "string" && value.trim() === "")) return undefined;
  const text =
    typeof value === "number" ? String(value) : value.trim().replace(/\s*%$/, "").replace(",", ".");
  const name = FIELD_WORDS[field];
  if (!/^-?\d{1,3}(\.\d{1,6})?$/.test(text))
    return {
      row,
      field,
      text: {
        en: `${label.en}, ${name.en}: "${String(value)}" is not a percentage (expected e.g. 2.62).`,
        fr: `${label.fr}, ${name.fr} : « ${String(value)} » n'est pas un pourcentage (attendu par ex. 2,62).`,
      },
    };
  const d = new Decimal(text);
  if (d.isNeg() || d.gt(RATE_ROW_MAX_PERCENT))
    return {
      row,
      field,
      text: {
        en: `${label.en}, ${name.en}: ${text} % is outside 0 % to ${RATE_ROW_MAX_PERCENT} % (a percentage per year, e.g. 2.62).`,
        fr: `${label.fr}, ${name.fr} : ${text.replace(".", ",")} % est hors de 0 % à ${RATE_ROW_MAX_PERCENT} % (un pourcentage annuel, par ex. 2,62).`,
      },
    };
  return d.div(100);
}

const isProblem = (v: unknown): v is RateRowProblem =>
  typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, "field");

/**
 * Checks rate rows as a user gives them (a file, the pane, a workbook): a half-year of the form
 * 2026-H2, figures that are percentages from 0 to 30, at least one figure, and no half-year given twice
 * with different figures. Every problem names its row and field; rows with a problem are not used.
 * @param file rows read from a file: its name and each row's line in it, so problems name the line
 *   the user sees in an editor (« taux.csv, ligne 3 ») rather than a rate-row count
 */
export function checkRateRows(
  rows: readonly RateRow[],
  file?: { readonly name: string; readonly lines: readonly number[] },
): RateRowProblem[] {
  const problems: RateRowProblem[] = [];
  const seen = new Map<HalfYearKey, { row: number; figures: string }>();
  const labelOf = (row: number): Text =>
    file
      ? {
          en: `${file.name}, line ${file.lines[row - 1] ?? row}`,
          fr: `${file.name}, ligne ${file.lines[row - 1] ?? row}`,
        }
      : { en: `rate row ${row}`, fr: `ligne de taux ${row}` };
  rows.forEach((r, i) => {
    const row = i + 1;
    const label = labelOf(row);
    const key = parseHalfYear(r.halfYear);
    if (key === undefined) {
      problems.push({
        row,
        field: "half-year",
        text: {
          en: `${label.en}: the half-year "${r.halfYear}" is not of the form 2026-H2.`,
          fr: `${label.fr} : le semestre « ${r.halfYear} » n'est pas de la forme 2026-H2.`,
        },
      });
      return;
    }
    const figures: string[] = [];
    let bad = false;
    for (const [field, prop] of FIELD_OF) {
      const v = rateFigure(r[prop], row, field, label);
      if (isProblem(v)) {
        problems.push(v);
        bad = true;
      } else figures.push(v === undefined ? "" : v.toString());
    }
    if (bad) return;
    if (figures.every((f) => f === "")) {
      problems.push({
        row,
        field: "legal-professional",
        text: {
          en: `${label.en} (${halfYearLabel(key)}) gives no rate.`,
          fr: file
            ? `${label.fr} (${halfYearLabel(key)}) : aucun taux.`
            : `la ligne de taux ${row} (${halfYearLabel(key)}) ne donne aucun taux.`,
        },
      });
      return;
    }
    const before = seen.get(key);
    const joined = figures.join("|");
    if (before && before.figures !== joined)
      problems.push({
        row,
        field: "half-year",
        text: {
          en: `${label.en}: ${halfYearLabel(key)} is already given on ${file ? `line ${file.lines[before.row - 1] ?? before.row}` : `row ${before.row}`} with other figures.`,
          fr: `${label.fr} : le semestre ${halfYearLabel(key)} figure déjà ligne ${file ? (file.lines[before.row - 1] ?? before.row) : before.row} avec d'autres taux.`,
        },
      });
    else if (!before) seen.set(key, { row, figures: joined });
  });
  return problems;
}

/**
 * The rate table: the shipped one, with the user's rows added on top (a user row replaces the
 * figures it gives for its half-year, and only those). Throws the first problem of `checkRateRows`.
 */
export function buildRateTable(extra: readonly RateRow[] = []): RateTable {
  const problem = checkRateRows(extra)[0];
  if (problem) throw invalidInput("rates", problem.text.en, problem.text.fr);
  const map = shippedRows();
  extra.forEach((row, i) => {
    const key = parseHalfYear(row.halfYear) as HalfYearKey;
    const current = map.get(key) ?? {
      legalProfessional: undefined,
      legalConsumer: undefined,
      ecb: undefined,
      source: "",
      legalOrder: undefined,
      userNote: undefined,
      user: false,
      changedShipped: false,
    };
    const figure = (field: RateRowField, prop: "legalProfessional" | "legalConsumer" | "ecb") =>
      rateFigure(row[prop], i + 1, field, { en: "", fr: "" }) as Decimal | undefined;
    const legalProfessional = figure("legal-professional", "legalProfessional");
    const legalConsumer = figure("legal-consumer", "legalConsumer");
    const ecb = figure("ecb", "ecb");
    const changed = (given: Decimal | undefined, shipped: Decimal | undefined) =>
      given !== undefined && shipped !== undefined && !current.user && !given.eq(shipped);
    map.set(key, {
      legalProfessional: legalProfessional ?? current.legalProfessional,
      legalConsumer: legalConsumer ?? current.legalConsumer,
      ecb: ecb ?? current.ecb,
      source: `user row${row.source ? `: ${row.source}` : ""}`,
      legalOrder:
        legalProfessional === undefined && legalConsumer === undefined ? current.legalOrder : undefined,
      userNote: row.source,
      user: true,
      changedShipped:
        current.changedShipped ||
        changed(legalProfessional, current.legalProfessional) ||
        changed(legalConsumer, current.legalConsumer) ||
        changed(ecb, current.ecb),
    });
  });
  return freeze(map);
}

export const DEFAULT_RATE_TABLE: RateTable = buildRateTable();

export const RATE_SOURCES = {
  legal: legalData.sources,
  ecb: ecbData.sources,
  legalKnownThrough: legalData.knownThrough,
  ecbKnownThrough: ecbData.knownThrough,
} as const;

/** Where a user adds a missing rate: the pane's rate table, or a rate file on the command line. */
const WHERE_TO_ADD: Text = {
  en: "add it under Settings > Rates in the Échéance pane (or --rates on the command line)",
  fr: "ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)",
};

/**
 * A rate the table does not hold for a half-year: the sentence names the half-year in words and
 * where to add it. The figures that do not depend
 * on the rate (due date, days late, recovery fee) are computed without it; only interest and
 * penalty rates fail with this. The detail lets faces say which half-year is missing.
 */
function missing(which: "legal" | "ecb", key: HalfYearKey): EngineError {
  const en = halfYearText(key, "en");
  const fr = halfYearText(key, "fr");
  const text: Text =
    which === "legal"
      ? {
          en: `the French legal interest rate for the ${en} is not in the rate table — ${WHERE_TO_ADD.en}`,
          fr: `taux de l'intérêt légal du ${fr} non renseigné — ${WHERE_TO_ADD.fr}`,
        }
      : {
          en: `the ECB main refinancing rate in force on ${formatIsoDay(halfYearStart(key))} (${en}) is not in the rate table — ${WHERE_TO_ADD.en}`,
          fr: `taux de refinancement de la BCE en vigueur au ${frenchDate(halfYearStart(key))} (${fr}) non renseigné — ${WHERE_TO_ADD.fr}`,
        };
  return new EngineError("rate-unknown", text, "rates", [], { rate: which, halfYear: key });
}

export function legalRateProfessional(table: RateTable, key: HalfYearKey): Decimal {
  const r = table.byHalfYear.get(key)?.legalProfessional;
  if (r === undefined) throw missing("legal", key);
  return r;
}

export function ecbRate(table: RateTable, key: HalfYearKey): Decimal {
  const r = table.byHalfYear.get(key)?.ecb;
  if (r === undefined) throw missing("ecb", key);
  return r;
}
