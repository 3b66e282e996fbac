import {
  checkRateRows,
  DEFAULT_RATE_TABLE,
  formatNumber,
  halfYearLabel,
  halfYearOf,
  parseHalfYear,
  rateLines,
  type Day,
  type HalfYearKey,
  type Language,
  type RateLine,
  type RateRow,
  type RateRowField,
  type RateRowProblem,
  type RateTable,
} from "../../../engine";

/**
 * A half-year's rates as the user types them in the pane (the « Taux » view and Apply's offer for a
 * missing half-year), checked by the engine's `checkRateRows` and kept as a rate row of the workbook's
 * stored terms. Pure.
 *
 * Only the figures that differ from the shipped tables go into the row: a figure left as shipped stays
 * the shipped one (not the user's), and a row with nothing of the user's is no row at all — the
 * half-year is back to its shipped figures. A figure that replaces a shipped one is named, so the pane
 * asks before storing it.
 */

export interface RateDraft {
  readonly halfYear: string;
  /** Percentages per year as typed ("2,62", "2.62", "2,62 %"), "" when not given. */
  readonly legalProfessional: string;
  readonly legalConsumer: string;
  readonly ecb: string;
  /** Where the figures come from (the arrêté, the ECB page), as the user writes it. */
  readonly source: string;
}

export type RateFigureField = "legalProfessional" | "legalConsumer" | "ecb";

export const FIGURE_FIELDS: readonly { readonly prop: RateFigureField; readonly field: RateRowField }[] = [
  { prop: "legalProfessional", field: "legal-professional" },
  { prop: "legalConsumer", field: "legal-consumer" },
  { prop: "ecb", field: "ecb" },
];

/** A percentage as the user reads it: two decimals at least, as the arrêtés write them ("2,50 %"). */
export function percentText(value: string | undefined, lang: Language): string {
  if (value === undefined) return "—";
  const decimals = value.split(".")[1]?.length ?? 0;
  return `${formatNumber(value, lang, Math.max(2, decimals))} %`;
}

/** A figure of a rate line as the form shows it ("2,62" in French), "" when unknown. */
function figureText(value: string | undefined, lang: Language): string {
  if (value === undefined) return "";
  return percentText(value, lang).replace(/ %$/, "");
}

/** The line of one half-year in a table. */
export function lineOf(table: RateTable, key: HalfYearKey): RateLine {
  return rateLines(table, key, key)[0] as RateLine;
}

/** A form for a half-year, filled with what the table knows of it (and the user's note, if any). */
export function draftFor(table: RateTable, key: HalfYearKey, lang: Language): RateDraft {
  const line = lineOf(table, key);
  return {
    halfYear: halfYearLabel(key),
    legalProfessional: figureText(line.legalProfessional, lang),
    legalConsumer: figureText(line.legalConsumer, lang),
    ecb: figureText(line.ecb, lang),
    source: table.byHalfYear.get(key)?.userNote ?? "",
  };
}

/** A figure as the workbook stores it: "2.62" (the comma and a trailing % dropped). */
function stored(value: string): string {
  return value.trim().replace(/\s*%$/, "").replace(",", ".");
}

export interface ShippedChange {
  readonly field: RateRowField;
  /** Percentages as decimal strings ("2.62"). */
  readonly shipped: string;
  readonly given: string;
}

export type DraftCheck =
  | {
      readonly ok: false;
      /** Problems by field, each sentence naming the field (the engine's, without the row number). */
      readonly problems: ReadonlyMap<RateRowField, string>;
    }
  | {
      readonly ok: true;
      readonly key: HalfYearKey;
      /** The row to store; undefined when every figure given is the shipped one (nothing of the user's). */
      readonly row: RateRow | undefined;
      /** Shipped figures the row replaces: the pane asks first, and the half-year is flagged. */
      readonly changesShipped: readonly ShippedChange[];
    };

/**
 * The engine's sentence for a field of the form: "rate row 1, " names a row the form does not have
 * (it is one half-year), so it is left out; the field is named in the rest of the sentence.
 */
export function fieldSentence(problem: RateRowProblem, lang: Language): string {
  const text = problem.text[lang]
    .replace(/^(ligne de taux|rate row) 1(, | : |: )/, "")
    .replace(/^la ligne de taux 1 \(([^)]+)\) ne donne aucun taux\./, "aucun taux saisi pour le semestre $1.")
    .replace(/^rate row 1 \(([^)]+)\) gives no rate\./, "no rate entered for $1.");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Checks a draft (half-year, figures 0–30 %, at least one figure) and keeps what is the user's. */
export function checkDraft(draft: RateDraft, lang: Language): DraftCheck {
  const typed: RateRow = {
    halfYear: draft.halfYear.trim(),
    ...(draft.legalProfessional.trim() !== "" ? { legalProfessional: stored(draft.legalProfessional) } : {}),
    ...(draft.legalConsumer.trim() !== "" ? { legalConsumer: stored(draft.legalConsumer) } : {}),
    ...(draft.ecb.trim() !== "" ? { ecb: stored(draft.ecb) } : {}),
  };
  // The engine checks what was typed (figures with their comma, so its messages quote the user's text).
  const asTyped: RateRow = {
    halfYear: draft.halfYear,
    legalProfessional: draft.legalProfessional,
    legalConsumer: draft.legalConsumer,
    ecb: draft.ecb,
  };
  const problems = checkRateRows([asTyped]);
  if (problems.length > 0) {
    const byField = new Map<RateRowField, string>();
    for (const p of problems) if (!byField.has(p.field)) byField.set(p.field, fieldSentence(p, lang));
    return { ok: false, problems: byField };
  }
  const key = parseHalfYear(typed.halfYear) as HalfYearKey;
  const shipped = lineOf(DEFAULT_RATE_TABLE, key);
  const own: Partial<Record<RateFigureField, string>> = {};
  const changesShipped: ShippedChange[] = [];
  for (const { prop, field } of FIGURE_FIELDS) {
    const given = typed[prop];
    if (given === undefined) continue;
    const ship = shipped[prop];
    const same = ship !== undefined && Number(ship) === Number(given);
    if (same) continue;
    own[prop] = String(given);
    if (ship !== undefined) changesShipped.push({ field, shipped: ship, given: String(given) });
  }
  const hasOwn = Object.keys(own).length > 0;
  const source = draft.source.trim();
  return {
    ok: true,
    key,
    row: hasOwn ? { halfYear: halfYearLabel(key), ...own, ...(source !== "" ? { source } : {}) } : undefined,
    changesShipped,
  };
}

/** The user's rows with this half-year's row replaced (or removed, `row` undefined). */
export function withRateRow(rows: readonly RateRow[], key: HalfYearKey, row: RateRow | undefined): RateRow[] {
  return [...rows.filter((r) => parseHalfYear(r.halfYear) !== key), ...(row ? [row] : [])].sort(
    (a, b) => (parseHalfYear(a.halfYear) ?? 0) - (parseHalfYear(b.halfYear) ?? 0),
  );
}

/**
 * The half-years the view lists, most recent first: from two and a half years before today's half-year
 * (and any earlier row of the user's) to today's, or further when rates are known or entered beyond it.
 */
export function shownHalfYears(table: RateTable, rows: readonly RateRow[], today: Day): HalfYearKey[] {
  const now = halfYearOf(today);
  const users = rows.map((r) => parseHalfYear(r.halfYear)).filter((k): k is number => k !== undefined);
  const from = Math.min(now - 5, ...users);
  const to = Math.max(now, table.legalKnownThrough ?? now, table.ecbKnownThrough ?? now, ...users);
  const keys: HalfYearKey[] = [];
  for (let k = to; k >= from; k--) keys.push(k);
  return keys;
}

/** The half-year a user most likely comes to add: the first after the legal rate's last known one. */
export function nextToAdd(table: RateTable, today: Day): HalfYearKey {
  const now = halfYearOf(today);
  const next = (table.legalKnownThrough ?? now - 1) + 1;
  return Math.min(next, now + 1);
}
