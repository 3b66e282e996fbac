import { isBlank } from "../input/cell-values";
import { columnLetters, parseCellAddress } from "../cells";
import { ymdFromDay } from "../engine";
import type { Applier } from "./compute";
import type { CellValue, FieldId, FormulaOptions, OutputValue } from "./types";

/**
 * Live formulas for one register row, to write instead of values: the CGV.* custom functions with
 * their English names for the terms, native Excel arithmetic for the rest, and the row's own cell
 * addresses, so that the results follow later edits of the row. The status stays a value (the text
 * computed now): it is not a formula.
 */

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Drops trailing empty arguments: f(a,b,,) → f(a,b). */
function call(name: string, args: readonly string[]): string {
  let end = args.length;
  while (end > 0 && args[end - 1] === "") end -= 1;
  return `CGV.${name}(${args.slice(0, end).join(",")})`;
}

/** Where a register row's cells are, for formulas written on that row. */
export interface RowAddresses {
  /** The row's cell for a mapped field ("B2"), or undefined when the field has no column. */
  readonly ref: (field: FieldId) => string | undefined;
  /** The row's cell of an output column ("H2"). */
  readonly out: (id: string) => string;
  /** The as-of date: the given cell, or a DATE(y,m,d) literal. */
  readonly asOf: string;
}

/**
 * The addresses a row's formulas use — its input cells, its output cells, the as-of date — shared by
 * the live CGV.* formulas and the portable native ones.
 */
export function rowAddresses(
  applier: Applier,
  index: number,
  options: {
    readonly sourceTopLeft: string;
    readonly outputFirstColumn?: number;
    readonly outputColumns?: readonly number[];
    readonly asOfRef?: string;
  },
): RowAddresses {
  const top = parseCellAddress(options.sourceTopLeft);
  const sheetRow = top.row + 1 + index;
  const mapping = applier.options.mapping;
  const width =
    applier.options.headers?.length ??
    Math.max(0, ...Object.values(mapping).map((i) => (i === undefined ? 0 : i + 1)));
  const outFirst = options.outputFirstColumn ?? top.column + width;
  const { y, m, d } = ymdFromDay(applier.asOf);
  return {
    ref: (field) => {
      const i = mapping[field];
      return i === undefined ? undefined : `${columnLetters(top.column + i)}${sheetRow}`;
    },
    out: (id) => {
      const k = applier.columns.findIndex((c) => c.id === id);
      return `${columnLetters(options.outputColumns?.[k] ?? outFirst + k)}${sheetRow}`;
    },
    asOf: options.asOfRef ?? `DATE(${y},${m},${d})`,
  };
}

/**
 * The formulas (and the status value) for data row `index` (0-based), in the order of
 * `applier.columns`. `sourceTopLeft` is the address of the register's header cell top-left.
 */
export function rowFormulas(
  applier: Applier,
  row: readonly CellValue[],
  index: number,
  options: FormulaOptions,
): OutputValue[] {
  const { ref, out, asOf } = rowAddresses(applier, index, options);
  const filled = (field: FieldId): boolean => !isBlank(applier.cell(row, field));
  const status = applier.computeRow(row, index).status;

  // The vendor: the row's vendor cell when it holds the spec the engine reads, else the spec literal.
  let vendor: string;
  let resolved;
  try {
    resolved = applier.vendorFor(row);
    const cellText = filled("vendor") ? String(applier.cell(row, "vendor")).trim().toLowerCase() : undefined;
    vendor = cellText === resolved.spec ? (ref("vendor") as string) : quote(resolved.spec);
  } catch {
    vendor = ref("vendor") ?? quote(applier.options.vendor ?? "");
  }
  // An id column passes its cell when the cell holds the id itself, else the id it stands for.
  const idArg = (field: FieldId, id: string | undefined): string => {
    if (id === undefined) return "";
    const cellText = filled(field) ? String(applier.cell(row, field)).trim().toLowerCase() : undefined;
    return cellText === id ? (ref(field) as string) : quote(id);
  };
  const client = (): string => {
    const r = ref("clientType");
    if (r !== undefined) return r;
    const d = applier.options.defaults?.clientType;
    return d === undefined || d === "pro" ? "" : quote(d);
  };

  if (applier.mode === "invoices") {
    const kind = resolved ? idArg("invoiceKind", applier.kindFor(row, resolved)) : "";
    const dueRef = ref("dueDate");
    const due =
      dueRef !== undefined && filled("dueDate")
        ? `=${dueRef}`
        : `=${call("DUEDATE", [vendor, ref("invoiceDate") ?? "", kind])}`;
    const paid = ref("paidDate");
    const amountPaid = ref("amountPaid");
    const partial = amountPaid !== undefined && paid !== undefined && filled("amountPaid");
    // A partly paid row: interest runs to the as-of date, with the payment as a (date, amount) pair.
    const end = partial
      ? `MAX(${asOf},${paid})`
      : paid !== undefined
        ? `IF(${paid}="",${asOf},${paid})`
        : asOf;
    const amount = ref("amount") ?? "";
    // Amount paid below the amount: a partial payment (date, amount) pair; at or above it: fully paid.
    const payments = partial
      ? `IF(AND(${amountPaid}>0,${amountPaid}<${amount}),CHOOSE({1,2},${paid},${amountPaid}),"")`
      : "";
    const endFull = partial ? `IF(OR(${paid}="",${amountPaid}<${amount}),${end},${paid})` : end;
    const costs = ref("recoveryCosts") ?? "";
    const dueOut = out("dueDate");
    return [
      due,
      `=MAX(0,${endFull}-${dueOut})`,
      `=${call("LATEINTEREST", [vendor, amount, dueOut, endFull, payments, client()])}`,
      `=${call("RECOVERYFEE", [vendor, dueOut, endFull, costs, client()])}`,
      `=${out("interest")}+${out("recoveryFee")}`,
      status,
    ];
  }

  const plan = resolved ? idArg("plan", applier.planFor(row, resolved)) : "";
  const addition = ref("lastAddition") ?? "";
  const start = ref("startDate") ?? "";
  const notice = ref("noticeDate");
  const noticeGiven = notice !== undefined && filled("noticeDate");
  const args = (date: string): string[] => [vendor, start, date, plan, addition];
  return [
    `=${call("RENEWALDATE", args(asOf))}`,
    noticeGiven ? "" : `=${call("NOTICEDEADLINE", args(asOf))}`,
    noticeGiven ? "" : `=${out("noticeDeadline")}-${asOf}`,
    `=${call("ENDDATE", args(noticeGiven ? (notice as string) : asOf))}`,
    status,
  ];
}
