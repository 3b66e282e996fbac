/**
 * Portable formulas: native Excel formulas (EDATE, EOMONTH, SUMPRODUCT, WORKDAY.INTL…) that reproduce
 * the engine's results without the add-in, reading a generated reference sheet of rates per
 * half-year and public holidays. Pure: no Office.js, no React, no Node I/O. The command line
 * (`echeance apply --output portable`) and the task pane both build on this API.
 *
 * 1. The reference sheet (write it once per workbook, under `sheet.name`, from A1):
 *      const sheet = referenceSheet({ lang: "fr", holidayYears: { from: 2015, to: 2036 }, generatedOn: today });
 *      // or, sized for an application: portableReference(applier, today)
 *    `sheet.rows` are cells from A1 (numbers, texts, null, or { formula, result, format: "percent" }
 *    — the applied-rate columns are formulas over the legal/ECB columns, so editing a rate there
 *    flows into the register); `sheet.columnFormats` ("date" | "percent" | "text") and
 *    `sheet.columnWidths` per column; `REFERENCE_NUMBER_FORMATS` gives Excel number formats.
 *
 * 2. Row by row, with a prepared Applier (src/apply):
 *      const r = portableRow(applier, row, i, { sourceTopLeft: "A1", asOfRef: "$M$1", reference: sheet });
 *      // r.cells: "=…" formulas (English names, as range.formulas takes them) or values, in the order
 *      //          of applier.columns; r.values: the engine's values now (use them as cached results);
 *      // r.fallbacks: the columns of this row written as values, with a bilingual reason
 *      //          (the status always: it is a sentence); r.rowReason: set when the whole row is values
 *      //          (an error row, or date/amount cells holding text).
 *    The formulas follow later edits of the row's dates and amounts and of the as-of cell; the vendor,
 *    invoice kind, plan and client type are read when the formulas are written (change those cells →
 *    apply again). With no `asOfRef`, the as-of date is written as DATE(y,m,d).
 *    For an xlsx file (src/xlsx writes the formula text itself), store `xlsxFormula(cell)` (no "="; see its note on "_xlfn." prefixes).
 *
 * 3. What to tell the user: summarizeFallbacks(rows) → [{ column, reason, rows }] (column ids of
 *    src/apply's OUTPUT_COLUMNS: show their headers) and the count of rows written as values.
 *
 * 4. Clause deadlines: deadlineFormula(profile, "acceptance-anomalies", "B2", settings, sheet)
 *    → '=WORKDAY.INTL(INT(B2),7,1,\'Échéance - taux et fériés\'!$J$5:$J$300)'.
 *
 * What native formulas express here, and how (each the engine's rule, written again):
 * - due dates: "N days" (date + N), "N days end of month" (EOMONTH(date + N, 0), or EOMONTH(date, 0)
 *   + N for the other method, capped with MIN), "day K of the month after" (MIN(EOMONTH(date, M − 1) +
 *   K, EOMONTH(date, M))), on invoice, legal default (+ 30);
 * - days late: MAX(0, end − due), where end is the payment date, the as-of date, or max(as-of, date of
 *   a partial payment);
 * - late interest: ROUND(Σ balance × applied rate × overlap days / 365, 2) by SUMPRODUCT over the
 *   reference sheet's half-year rows (the applied rate is after the statutory or contractual floor),
 *   with two balances for a partial payment; #N/A when a late day falls outside the rate rows, as the
 *   engine refuses; Xiahdeh's "flat" reading as MAX(10 % of the amount, the statutory minimum);
 * - recovery fee: IF(late, MAX(40, justified costs), 0) for a professional client;
 * - subscriptions: renewal = EDATE(anchor, first + every × k) with k from whole months computed
 *   exactly (not DATEDIF, which differs at month ends); notice deadline for months = EDATE(R, −P), or
 *   EOMONTH(R, −P) when R is the last day of its month; OMI's addition rule with IF; end date =
 *   renewal stopped − 1 or the end of that calendar month.
 * Fallbacks (values, with the reason): the status sentence; a notice period longer than the renewal
 * period; an addition rule that changes the period length; rows in error or with text dates/amounts.
 */
import type { Day } from "../engine";
import { ymdFromDay } from "../engine";
import type { Applier, OutputColumnId } from "../apply";
import type { PortableRow } from "./formulas";
import { referenceSheet, type ReferenceSheet } from "./reference";

export {
  referenceSheet,
  appliedRateKey,
  sheetRef,
  REFERENCE_SHEET_NAME,
  type ReferenceCell,
  type ReferenceFormat,
  type ReferenceOptions,
  type ReferenceSheet,
} from "./reference";
export {
  portableRow,
  deadlineFormula,
  termFormula,
  monthsBeforeFormula,
  xlsxFormula,
  STATUS_FALLBACK,
  type PortableFallback,
  type PortableFormulaOptions,
  type PortableRow,
} from "./formulas";

/** Excel number formats of the reference sheet's columns. */
export const REFERENCE_NUMBER_FORMATS = {
  date: "dd/mm/yyyy",
  percent: "0.00%",
  integer: "0",
  text: "@",
} as const;

/**
 * The reference sheet for an application: the applier's rates, vendors and language; holidays from
 * 2015 (the first rate row) to ten years after the as-of date.
 */
export function portableReference(applier: Applier, generatedOn: Day): ReferenceSheet {
  const year = ymdFromDay(applier.asOf).y;
  return referenceSheet({
    lang: applier.lang,
    ...(applier.options.settings ? { settings: applier.options.settings } : {}),
    ...(applier.options.registry ? { registry: applier.options.registry } : {}),
    holidayYears: { from: Math.min(2015, year - 1), to: year + 10 },
    generatedOn,
  });
}

export interface FallbackSummary {
  readonly column: OutputColumnId;
  readonly reason: { readonly en: string; readonly fr: string };
  /** Rows concerned. */
  readonly rows: number;
}

/** The columns written as values, grouped by reason, and the count of rows written wholly as values. */
export function summarizeFallbacks(rows: Iterable<PortableRow>): {
  readonly columns: readonly FallbackSummary[];
  readonly valueRows: number;
  readonly valueRowReasons: readonly { readonly reason: { en: string; fr: string }; readonly rows: number }[];
} {
  const columns = new Map<
    string,
    { column: OutputColumnId; reason: { en: string; fr: string }; rows: number }
  >();
  const reasons = new Map<string, { reason: { en: string; fr: string }; rows: number }>();
  let valueRows = 0;
  for (const r of rows) {
    for (const f of r.fallbacks) {
      const key = `${f.column}\u0000${f.reason.en}`;
      const hit = columns.get(key);
      if (hit) hit.rows += 1;
      else columns.set(key, { column: f.column, reason: f.reason, rows: 1 });
    }
    if (r.rowReason) {
      valueRows += 1;
      const hit = reasons.get(r.rowReason.en);
      if (hit) hit.rows += 1;
      else reasons.set(r.rowReason.en, { reason: r.rowReason, rows: 1 });
    }
  }
  return { columns: [...columns.values()], valueRows, valueRowReasons: [...reasons.values()] };
}
