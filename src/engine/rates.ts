import ecbData from "./data/ecb-mro-rates.json";
import legalData from "./data/legal-interest-rates.json";
import { dayFromYmd, formatIsoDay, parseIsoDay, ymdFromDay, type Day } from "./date";
import { EngineError, invalidInput } from "./errors";
import { frenchDate } from "./format";
import { Decimal, percent } from "./money";
import type { Language, Text } from "./text";

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

const RATE_LIMIT = new Decimal(100);

function rateField(value: string | number | undefined, field: string, row: number): Decimal | undefined {
  if (value === undefined || value === "") return undefined;
  const text =
    typeof value === "number" ? String(value) : value.trim().replace(",", ".").replace(/\s*%$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw invalidInput(
      "rates",
      `Rate row ${row}: ${field} "${String(value)}" is not a percentage (expected e.g. 2.62).`,
      `Ligne de taux ${row} : ${field} « ${String(value)} » n'est pas un pourcentage (attendu par ex. 2,62).`,
    );
  }
  const d = new Decimal(text);
  if (d.abs().gt(RATE_LIMIT)) {
    throw invalidInput(
      "rates",
      `Rate row ${row}: ${field} ${text} % is outside -100 % to 100 %.`,
      `Ligne de taux ${row} : ${field} ${text} % est hors de -100 % à 100 %.`,
    );
  }
  return d.div(100);
}

/**
 * The rate table: the shipped one, with the user's rows added on top (a user row replaces the
 * figures it gives for its half-year, and only those).
 */
export function buildRateTable(extra: readonly RateRow[] = []): RateTable {
  const map = shippedRows();
  extra.forEach((row, i) => {
    const key = parseHalfYear(row.halfYear);
    if (key === undefined) {
      throw invalidInput(
        "rates",
        `Rate row ${i + 1}: half-year "${row.halfYear}" is not of the form 2026-H2.`,
        `Ligne de taux ${i + 1} : le semestre « ${row.halfYear} » n'est pas de la forme 2026-H2.`,
      );
    }
    const current = map.get(key) ?? {
      legalProfessional: undefined,
      legalConsumer: undefined,
      ecb: undefined,
      source: "",
    };
    const legalProfessional = rateField(row.legalProfessional, "legalProfessional", i + 1);
    const legalConsumer = rateField(row.legalConsumer, "legalConsumer", i + 1);
    const ecb = rateField(row.ecb, "ecb", i + 1);
    map.set(key, {
      legalProfessional: legalProfessional ?? current.legalProfessional,
      legalConsumer: legalConsumer ?? current.legalConsumer,
      ecb: ecb ?? current.ecb,
      source: `user row${row.source ? `: ${row.source}` : ""}`,
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

/**
 * A half-year in words: « 1er semestre 2026 » / « 2e semestre 2026 » in French text, "1st half of
 * 2026" / "2nd half of 2026" in English. `halfYearLabel` ("2026-H2") stays the key users type.
 */
export function halfYearText(key: HalfYearKey, lang: Language): string {
  const year = Math.floor(key / 2);
  const first = key % 2 === 0;
  if (lang === "fr") return `${first ? "1er" : "2e"} semestre ${year}`;
  return `${first ? "1st" : "2nd"} half of ${year}`;
}

/** Where a user adds a missing rate: the pane's rate table, or a rate file on the command line. */
const WHERE_TO_ADD: Text = {
  en: "add it under Settings > Rates in the Échéance pane (or --rates on the command line)",
  fr: "ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)",
};

/**
 * A rate the table does not hold for a half-year: the sentence names the half-year in words and
 * where to add it. The figures that do not depend on the rate (due date, days late, recovery fee)
 * are computed without it; only interest and penalty rates fail with this.
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
  return new EngineError("rate-unknown", text, "rates");
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
