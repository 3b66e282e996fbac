import {
  checkMapping,
  recognizeHeaders,
  type ApplyOptions,
  type HeaderRecognition,
  type PlannedColumn,
  type RegisterMode,
  type WriteMode,
} from "../../../apply";
import { blockAddress } from "../../../cells";
import { formatIsoDay, type Day, type Text } from "../../../engine";
import type { SourceBlock } from "../../../excel/gateway";
import { isAsOfLabel } from "../../../excel/sheet-gateway";
import type { StoredRegister } from "../../../storage";

/**
 * The registers a workbook remembers (issue 13, « Tout recalculer »): what the pane stores after an
 * Apply, and how a register read again at its place is checked before it is applied again. Pure.
 *
 * A remembered range is the register's block as a fresh read of it gives it after the Apply: its
 * header row and data rows, from its first column through the last of its input and output columns
 * (the as-of label and date of a formulas run, right of the columns, left out). Its header texts are
 * those of its input columns only — Apply's own columns are recognised by their headers, and the
 * as-of date changes at every run — so that a recalculation can tell when the user's columns moved.
 */

/** The input columns' header texts (trimmed): not an earlier run's output, not the as-of label and date. */
export function inputHeaders(headers: readonly string[], previousOutputs: readonly number[]): string[] {
  const outputs = new Set(previousOutputs);
  const out: string[] = [];
  for (let i = 0; i < headers.length; i++) {
    if (outputs.has(i)) continue;
    // The label « Date d'arrêté » and the date cell right of it, written by a formulas run.
    if (isAsOfLabel(headers[i])) {
      i += 1;
      continue;
    }
    out.push((headers[i] ?? "").trim());
  }
  // Blank header cells at the right end are not columns of the register.
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/** The input column indexes (within the block) whose headers `inputHeaders` keeps. */
function inputColumns(headers: readonly string[], previousOutputs: readonly number[]): number[] {
  const outputs = new Set(previousOutputs);
  const out: number[] = [];
  for (let i = 0; i < headers.length; i++) {
    if (outputs.has(i)) continue;
    if (isAsOfLabel(headers[i])) {
      i += 1;
      continue;
    }
    if ((headers[i] ?? "").trim() !== "") out.push(i);
  }
  return out;
}

/** What the pane applied, as the workbook remembers it. */
export function registerToRemember(args: {
  readonly source: SourceBlock;
  readonly previousOutputs: readonly number[];
  readonly options: Pick<ApplyOptions, "vendor" | "mode" | "asOf" | "defaults">;
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
    appliedOn: todayIso,
  };
}

/**
 * Whether a remembered register is at the same place as another: the same table (names compare
 * case-insensitively, as Excel's do), or the same sheet and first cell — the same register, however
 * many rows it has gained since.
 */
export function samePlace(register: StoredRegister): (other: StoredRegister) => boolean {
  const corner = (r: StoredRegister) => (r.range ?? "").split(":")[0]?.replace(/\$/g, "").toUpperCase();
  return (other) =>
    register.table !== undefined
      ? other.table !== undefined && other.table.toLowerCase() === register.table.toLowerCase()
      : other.table === undefined &&
        other.sheet.toLowerCase() === register.sheet.toLowerCase() &&
        corner(other) === corner(register);
}

/** Why a remembered register is not applied again. */
export type SkipReason =
  | { readonly kind: "sheet-gone"; readonly sheet: string }
  | { readonly kind: "table-gone"; readonly table: string }
  | { readonly kind: "bad-range"; readonly range: string }
  /** The input columns' headers differ from those remembered: the first that differs, both texts. */
  | {
      readonly kind: "columns-moved";
      readonly column: number;
      readonly expected: string;
      readonly found: string;
    }
  /** Columns the mode needs are not recognised any more. */
  | { readonly kind: "mapping"; readonly messages: readonly Text[] }
  /** New columns would replace other people's cells: applied from the pane, with its confirmation. */
  | { readonly kind: "would-replace"; readonly count: number; readonly address: string };

/**
 * A remembered register read again: its recognition when its input columns are those remembered
 * (same header texts in the same order) and what the mode needs is recognised, else why not.
 */
export function checkRemembered(
  register: StoredRegister,
  source: SourceBlock,
):
  | { readonly ok: true; readonly recognition: HeaderRecognition; readonly mode: RegisterMode }
  | { readonly ok: false; readonly reason: SkipReason } {
  const recognition = recognizeHeaders(source.headers, { mode: register.mode });
  const found = inputHeaders(source.headers, recognition.previousOutputs);
  const expected = register.headers.map((h) => h.trim());
  while (expected.length > 0 && expected[expected.length - 1] === "") expected.pop();
  const width = Math.max(found.length, expected.length);
  for (let i = 0; i < width; i++)
    if ((found[i] ?? "") !== (expected[i] ?? ""))
      return {
        ok: false,
        reason: { kind: "columns-moved", column: i, expected: expected[i] ?? "", found: found[i] ?? "" },
      };
  const missing = checkMapping(recognition.mapping, register.mode, source.headers.length).filter(
    (p) => p.kind === "missing",
  );
  if (missing.length > 0)
    return { ok: false, reason: { kind: "mapping", messages: missing.map((p) => p.message) } };
  return { ok: true, recognition, mode: register.mode };
}

/** The as-of date a remembered register is applied at: today's, or its fixed date. */
export function rememberedAsOf(register: StoredRegister, today: Day): string {
  return register.asOf === "today" ? formatIsoDay(today) : register.asOf;
}
