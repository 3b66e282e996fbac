import { columnLetters, parseCellAddress } from "../cells";
import { ymdFromDay, type ResolvedVendor } from "../engine";
import type { Applier } from "./compute";
import { latePeriodFormula } from "./late-period";
import type {
  CellValue,
  FieldId,
  FormulaOptions,
  OutputColumnId,
  OutputColumnPlaces,
  OutputRow,
} from "./types";

/**
 * Live formulas for one register row, to write instead of values: the CGV.* custom functions with
 * their English names for the terms, native Excel arithmetic for the rest, and the row's own cell
 * addresses, so that the results follow later edits of the row. The status stays a value (the text
 * computed now): it is not a formula; so do « Dernière relance » and « Prochaine action », when the
 * register records its letters.
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
  readonly out: (id: OutputColumnId) => string;
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
    readonly outputColumns?: OutputColumnPlaces;
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
      const planned = options.outputColumns?.[id];
      const column = planned ?? outFirst + applier.columns.findIndex((c) => c.id === id);
      return `${columnLetters(column)}${sheetRow}`;
    },
    asOf: options.asOfRef ?? `DATE(${y},${m},${d})`,
  };
}

/**
 * The date a row's payment term counts from, as a formula's argument: the receipt, delivery or order
 * column's cell when the term counts from it (the invoice date's when that cell is blank, as the
 * values decide it: RowReader.termStartDate), else the invoice date's cell. Shared by the live and
 * the portable formulas.
 */
export function termStartRef(
  applier: Applier,
  row: readonly CellValue[],
  vendor: ResolvedVendor | undefined,
  ref: RowAddresses["ref"],
): string | undefined {
  const invoice = ref("invoiceDate");
  const field = vendor === undefined ? undefined : applier.termStartField(row, vendor);
  const start = field === undefined ? undefined : ref(field);
  if (start === undefined) return invoice;
  return invoice === undefined ? start : `IF(${start}="",${invoice},${start})`;
}

/**
 * The formulas (and the status value) for data row `index` (0-based), keyed by output column id.
 * `sourceTopLeft` is the address of the register's header cell top-left.
 */
export function rowFormulas(
  applier: Applier,
  row: readonly CellValue[],
  index: number,
  options: FormulaOptions,
): OutputRow {
  const { ref, out, asOf } = rowAddresses(applier, index, options);
  const filled = (field: FieldId): boolean => applier.filled(row, field);
  const computed = applier.computeRow(row, index);
  const status = computed.status;
  // Recovery's columns are text, written as values in every mode.
  const letters: OutputRow = {
    ...(computed.values.lastReminder !== undefined ? { lastReminder: computed.values.lastReminder } : {}),
    ...(computed.values.nextAction !== undefined ? { nextAction: computed.values.nextAction } : {}),
  };

  // The vendor: the row's vendor cell when it holds the spec the engine reads, else the spec literal.
  let vendor: string;
  let resolved: ResolvedVendor | undefined;
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
        : `=${call("DUEDATE", [vendor, termStartRef(applier, row, resolved, ref) ?? "", kind])}`;
    const amount = ref("amount") ?? "";
    // The late period as the values decide it (late-period.ts): until the payment, or the as-of date.
    const period = latePeriodFormula({
      amount,
      paidDate: ref("paidDate"),
      amountPaid: ref("amountPaid"),
      asOf,
    });
    const costs = ref("recoveryCosts") ?? "";
    const dueOut = out("dueDate");
    return {
      dueDate: due,
      daysLate: `=MAX(0,${period.end}-${dueOut})`,
      interest: `=${call("LATEINTEREST", [vendor, amount, dueOut, period.end, period.payment ?? "", client()])}`,
      recoveryFee: `=${call("RECOVERYFEE", [vendor, dueOut, period.end, costs, client()])}`,
      totalPenalty: `=${out("interest")}+${out("recoveryFee")}`,
      status,
      ...letters,
    };
  }

  const plan = resolved ? idArg("plan", applier.planFor(row, resolved)) : "";
  const addition = ref("lastAddition") ?? "";
  const start = ref("startDate") ?? "";
  const notice = ref("noticeDate");
  const noticeGiven = notice !== undefined && filled("noticeDate");
  const args = (date: string): string[] => [vendor, start, date, plan, addition];
  return {
    renewalDate: `=${call("RENEWALDATE", args(asOf))}`,
    noticeDeadline: noticeGiven ? "" : `=${call("NOTICEDEADLINE", args(asOf))}`,
    daysToNotice: noticeGiven ? "" : `=${out("noticeDeadline")}-${asOf}`,
    endDate: `=${call("ENDDATE", args(noticeGiven ? (notice as string) : asOf))}`,
    status,
  };
}
