import type { ColumnMapping, RegisterMode } from "../apply";
import { contiguousRuns, type ColumnPlacement, type HighlightRule, type SourceBlock } from "../excel/gateway";

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
 * function (docs/office.md#conditional-formats: async functions give #CALC! in conditional formats).
 *
 * @param asOf the as-of date as an Excel serial (the summary's `asOf`)
 * @param placements the output placements, in the order of the mode's output columns
 */
export function highlightRules(args: {
  source: SourceBlock;
  placements: readonly ColumnPlacement[];
  mode: RegisterMode;
  mapping: ColumnMapping;
  asOf: number;
  days: number;
}): HighlightRule[] {
  const { source, placements, mode, mapping, asOf } = args;
  const days = Math.max(0, Math.floor(args.days));
  const rowCount = source.rows.length;
  // The tested column is the mode's first date output: the due date, or the notice deadline.
  const tested = placements[mode === "invoices" ? 0 : 1];
  if (!tested || rowCount === 0) return [];
  const paid = mapping.paidDate === undefined ? undefined : source.startColumn + mapping.paidDate;
  const rules: HighlightRule[] = [];
  for (const run of contiguousRuns(placements)) {
    const block = {
      sheet: source.sheet,
      row: source.startRow + 1,
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
