import { columnLetters, contiguousRuns } from "../cells";
import type { Language } from "../engine";
import { NUMBER_FORMATS, outputColumns } from "../apply/columns";
import type { ExtraHeaderCell, HighlightRule, PlannedColumn, RegisterPlace } from "./sink";
import type { CellValue, ColumnMapping, OutputColumn, OutputColumnId, RegisterMode } from "../apply/types";

/**
 * Where Apply's columns go, and how the results are highlighted: decided here once for the pane,
 * the command line and the xlsx writer.
 */

const fold = (text: unknown): string =>
  String(text ?? "")
    .trim()
    .toLowerCase();

/**
 * Places a mode's output columns in a register: an output whose header (in either language) is
 * already a column of the register that is not an input column — an earlier run's output — is
 * rewritten in place; the others go to the right of the register, in order. Input columns are never
 * a target.
 *
 * One input column is a target, on a run that records letters: « Dernière relance », where the user
 * keeps the letters sent — written in place under the user's own header (`inPlace`), or added.
 *
 * @param previousOutputs zero-based register columns that hold an earlier run's output
 *   (`recognizeHeaders(...).previousOutputs`); every other column is an input
 * @param run the run's columns (default: the mode's, `outputColumns`), and the register column
 *   (zero-based within the block) an output is written into in place
 */
export function planColumns(
  place: Pick<RegisterPlace, "firstColumn" | "width">,
  headers: readonly CellValue[],
  mode: RegisterMode,
  lang: Language,
  previousOutputs: readonly number[],
  run: {
    readonly columns?: readonly OutputColumn[];
    readonly inPlace?: { readonly [K in OutputColumnId]?: number };
  } = {},
): PlannedColumn[] {
  const other: Language = lang === "fr" ? "en" : "fr";
  const earlier = new Set(previousOutputs);
  const taken = new Set<number>();
  let next = place.firstColumn + place.width;
  return (run.columns ?? outputColumns(mode)).map((c) => {
    const inPlace = run.inPlace?.[c.id];
    if (inPlace !== undefined)
      return {
        id: c.id,
        header: String(headers[inPlace] ?? "").trim() || c.header[lang],
        format: c.format,
        numberFormat: NUMBER_FORMATS[c.format],
        column: place.firstColumn + inPlace,
        existing: true,
      };
    const names = new Set([fold(c.header[lang]), fold(c.header[other])]);
    const at = headers.findIndex((h, i) => earlier.has(i) && !taken.has(i) && names.has(fold(h)));
    const base = {
      id: c.id,
      header: c.header[lang],
      format: c.format,
      numberFormat: NUMBER_FORMATS[c.format],
    };
    if (at >= 0) {
      taken.add(at);
      return { ...base, column: place.firstColumn + at, existing: true };
    }
    return { ...base, column: next++, existing: false };
  });
}

/**
 * Formulas reference the output columns by position: they need them side by side, in order — the
 * columns that hold formulas, that is; recovery's text columns (« Dernière relance », « Prochaine
 * action ») are values and may stand anywhere.
 */
export function columnsContiguous(
  columns: readonly { readonly column: number; readonly id?: OutputColumnId }[],
): boolean {
  const computed = columns.filter((c) => c.id !== "lastReminder" && c.id !== "nextAction");
  const first = computed[0];
  return first !== undefined && computed.every((p, i) => p.column === first.column + i);
}

/** The label `asOfCells` writes left of the as-of date, per language. */
const AS_OF_LABEL: Readonly<Record<Language, string>> = { fr: "Date d'arrêté", en: "As of" };
const AS_OF_LABELS = new Set(Object.values(AS_OF_LABEL).map((l) => l.toLowerCase()));

/** Whether a header cell holds the add-in's as-of label (an earlier formulas run's): the add-in's own cell. */
export function isAsOfLabel(value: CellValue | undefined): boolean {
  return typeof value === "string" && AS_OF_LABELS.has(value.trim().toLowerCase());
}

/**
 * The header-row cells that hold the as-of date the formulas read (a label, then the date, right of the
 * last output column), and the absolute reference of the date: change it once and every formula follows.
 */
export function asOfCells(
  columns: readonly PlannedColumn[],
  headerRow: number,
  lang: Language,
  asOfSerial: number,
): { readonly ref: string; readonly cells: readonly ExtraHeaderCell[] } {
  const last = Math.max(...columns.map((c) => c.column));
  return {
    ref: absoluteRef(last + 2, headerRow),
    cells: [
      { column: last + 1, value: AS_OF_LABEL[lang] },
      { column: last + 2, value: asOfSerial, numberFormat: NUMBER_FORMATS.date },
    ],
  };
}

/** Absolute reference of a cell on the header row: `$L$1`. */
export function absoluteRef(column: number, headerRow: number): string {
  return `$${columnLetters(column)}$${headerRow + 1}`;
}

/** Fills of the highlighting: overdue in light red, coming deadlines in light amber. */
export const HIGHLIGHT_FILLS = { overdue: "#F8D7DA", soon: "#FFF1C2" } as const;

export const DEFAULT_HIGHLIGHT_DAYS = 30;

/**
 * The conditional formats after an Apply, on the written columns of each data row:
 * - invoices: "overdue" when the due date written by Apply is before the as-of date and the payment
 *   date cell is empty; "soon" when it falls within `days` days from the as-of date (inclusive) and
 *   the invoice is unpaid. Without a payment-date column every past due date counts as unpaid.
 * - subscriptions: "soon" when the notice deadline falls within `days` days from the as-of date.
 * The rules test the written result cells and the register's own payment-date cells: never a custom
 * function (async functions give #CALC! in conditional formats).
 */
export function highlightRules(args: {
  readonly place: RegisterPlace;
  readonly columns: readonly PlannedColumn[];
  readonly mode: RegisterMode;
  readonly mapping: ColumnMapping;
  /** The as-of date, an Excel serial. */
  readonly asOf: number;
  readonly days: number;
  readonly rowCount: number;
}): HighlightRule[] {
  const { place, columns, mode, mapping, asOf, rowCount } = args;
  const days = Math.max(0, Math.floor(args.days));
  // The tested column is the mode's first date output: the due date, or the notice deadline.
  const tested = columns.find((c) => c.id === (mode === "invoices" ? "dueDate" : "noticeDeadline"));
  if (!tested || rowCount === 0) return [];
  const paid = mapping.paidDate === undefined ? undefined : place.firstColumn + mapping.paidDate;
  const rules: HighlightRule[] = [];
  for (const run of contiguousRuns(columns)) {
    const block = {
      sheet: place.sheet,
      row: place.headerRow + 1,
      column: run.start,
      rowCount,
      columnCount: run.items.length,
      dateColumn: tested.column,
    };
    if (mode === "invoices") {
      const unpaid = paid === undefined ? {} : { blankColumn: paid };
      rules.push({ ...block, ...unpaid, kind: "overdue", to: asOf - 1, fill: HIGHLIGHT_FILLS.overdue });
      rules.push({
        ...block,
        ...unpaid,
        kind: "soon",
        from: asOf,
        to: asOf + days,
        fill: HIGHLIGHT_FILLS.soon,
      });
    } else {
      rules.push({ ...block, kind: "soon", from: asOf, to: asOf + days, fill: HIGHLIGHT_FILLS.soon });
    }
  }
  return rules;
}

/**
 * The Excel formula of a rule, relative to the top-left cell of its block (how Excel reads custom
 * conditional-format formulas): `=AND(ISNUMBER($G2),$G2>=46203,$G2<=46233,$F2="")`.
 */
export function highlightFormula(rule: HighlightRule): string {
  const row = rule.row + 1;
  const date = `$${columnLetters(rule.dateColumn)}${row}`;
  const parts = [`ISNUMBER(${date})`];
  if (rule.from !== undefined) parts.push(`${date}>=${rule.from}`);
  if (rule.to !== undefined) parts.push(`${date}<=${rule.to}`);
  if (rule.blankColumn !== undefined) parts.push(`$${columnLetters(rule.blankColumn)}${row}=""`);
  return `=AND(${parts.join(",")})`;
}

/** Whether a rule fills a row, from the row's date and blank-column cells (the formula's meaning). */
export function highlightMatches(rule: HighlightRule, date: unknown, blank: unknown): boolean {
  if (typeof date !== "number") return false;
  if (rule.from !== undefined && date < rule.from) return false;
  if (rule.to !== undefined && date > rule.to) return false;
  return rule.blankColumn === undefined || blank === null || blank === undefined || blank === "";
}
