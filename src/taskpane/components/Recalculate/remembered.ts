import { type ApplyOptions, type ColumnMapping } from "../../../apply";
import {
  inputColumns,
  inputHeaders,
  storedMapping,
  type PlannedColumn,
  type WriteMode,
} from "../../../write";
import { blockAddress } from "../../../cells";
import { formatIsoDay, type Day } from "../../../engine";
import type { SourceBlock } from "../../../workbook/gateway";
import type { StoredRegister } from "../../../storage";

// The check of a remembered register is the core's, shared with `echeance apply --all`.
export { checkRemembered, inputHeaders, rememberedAsOf, type SkipReason } from "../../../write";
export { samePlace } from "../../../storage";

/**
 * What the pane stores after an Apply (issue 13, « Tout recalculer »). A remembered range is the
 * register's block as a fresh read of it gives it after the Apply: its header row and data rows, from
 * its first column through the last of its input and output columns (the as-of label and date of a
 * formulas run, right of the columns, left out).
 */

/** What the pane applied, as the workbook remembers it. */
export function registerToRemember(args: {
  readonly source: SourceBlock;
  readonly previousOutputs: readonly number[];
  readonly options: Pick<ApplyOptions, "vendor" | "mode" | "asOf" | "defaults" | "mapping">;
  /** The mapping recognised from the headers: a different one (the user's choice) is stored. */
  readonly recognized?: ColumnMapping;
  readonly write: WriteMode;
  /** The day Apply ran: an as-of date equal to it is remembered as « today ». */
  readonly today: Day;
  /** The columns Apply wrote (zero-based sheet columns). */
  readonly columns: readonly Pick<PlannedColumn, "column">[];
  /** A recalculation keeps the register's own as-of choice (« today » or its fixed date). */
  readonly asOf?: StoredRegister["asOf"];
}): StoredRegister {
  const { source, options } = args;
  const todayIso = formatIsoDay(args.today);
  const inputs = inputColumns(source.headers, args.previousOutputs).map((i) => source.startColumn + i);
  const last = Math.max(source.startColumn, ...inputs, ...args.columns.map((c) => c.column));
  const defaults = options.defaults ?? {};
  return {
    sheet: source.sheet,
    ...(source.table
      ? { table: source.table.name }
      : {
          range: blockAddress(
            source.startRow,
            source.startColumn,
            source.rows.length + 1,
            last - source.startColumn + 1,
          ),
        }),
    vendor: options.vendor ?? "",
    mode: options.mode,
    write: args.write,
    asOf:
      args.asOf ??
      (typeof options.asOf === "string" && options.asOf === todayIso ? "today" : String(options.asOf)),
    ...(defaults.invoiceKind !== undefined ? { invoiceKind: defaults.invoiceKind } : {}),
    ...(defaults.plan !== undefined ? { plan: defaults.plan } : {}),
    ...(defaults.clientType !== undefined ? { clientType: defaults.clientType } : {}),
    headers: inputHeaders(source.headers, args.previousOutputs),
    ...(args.recognized !== undefined && !sameMapping(options.mapping, args.recognized)
      ? { mapping: storedMapping(options.mapping) }
      : {}),
    appliedOn: todayIso,
  };
}

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const x = storedMapping(a);
  const y = storedMapping(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}
