import { blockAddress } from "../cells";
import { formatIsoDay, type Day, type Text } from "../engine";
import type { StoredRegister } from "../storage";
import type { ApplyPlan } from "./use-case";
import { checkMapping, FIELDS, recognizeHeaders } from "../apply/headers";
import { isAsOfLabel } from "./plan";
import type { CellValue, ColumnMapping, FieldId, HeaderRecognition, RegisterMode } from "../apply/types";

/**
 * The registers a workbook remembers (issue 13, « Tout recalculer » in the pane, `echeance apply
 * --all`): the one check, for every face, of a register read again at its place before it is applied
 * again. Pure.
 *
 * Its header texts are those of its input columns only — Apply's own columns are recognised by their
 * headers, and the as-of label and date of a formulas run change at every run — so that a
 * recalculation can tell when the user's columns moved.
 */

const text = (h: CellValue | undefined): string => (h === null || h === undefined ? "" : String(h).trim());

/** The input column indexes (within the block): not an earlier run's output, not the as-of label and date. */
export function inputColumns(headers: readonly CellValue[], previousOutputs: readonly number[]): number[] {
  const outputs = new Set(previousOutputs);
  const out: number[] = [];
  for (let i = 0; i < headers.length; i++) {
    if (outputs.has(i)) continue;
    // The label « Date d'arrêté » and the date cell right of it, written by a formulas run.
    if (isAsOfLabel(headers[i])) {
      i += 1;
      continue;
    }
    out.push(i);
  }
  // Blank header cells at the right end are not columns of the register.
  while (out.length > 0 && text(headers[out[out.length - 1] as number]) === "") out.pop();
  return out;
}

/** The input columns' header texts (trimmed), as the workbook remembers them. */
export function inputHeaders(headers: readonly CellValue[], previousOutputs: readonly number[]): string[] {
  return inputColumns(headers, previousOutputs).map((i) => text(headers[i]));
}

const FIELD_IDS: ReadonlySet<string> = new Set(FIELDS.map((f) => f.id));

/** A mapping as the workbook stores it: known fields only, whole column indexes. */
export function storedMapping(mapping: ColumnMapping): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of FIELDS) {
    const column = mapping[f.id];
    if (column !== undefined) out[f.id] = column;
  }
  return out;
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
 * A remembered register read again: its recognition — with the mapping the user chose when one was
 * stored — when its input columns are those remembered (same header texts in the same order) and what
 * the mode needs is mapped, else why not.
 */
export function checkRemembered(
  register: StoredRegister,
  headers: readonly CellValue[],
):
  | {
      readonly ok: true;
      readonly recognition: HeaderRecognition;
      /** The mapping the headers give by themselves (the stored one may differ: the user's choice). */
      readonly recognized: ColumnMapping;
      readonly mode: RegisterMode;
    }
  | { readonly ok: false; readonly reason: SkipReason } {
  const recognized = recognizeHeaders(headers, { mode: register.mode });
  const found = inputHeaders(headers, recognized.previousOutputs);
  const expected = register.headers.map((h) => h.trim());
  while (expected.length > 0 && expected[expected.length - 1] === "") expected.pop();
  const width = Math.max(found.length, expected.length);
  for (let i = 0; i < width; i++)
    if ((found[i] ?? "") !== (expected[i] ?? ""))
      return {
        ok: false,
        reason: { kind: "columns-moved", column: i, expected: expected[i] ?? "", found: found[i] ?? "" },
      };
  const recognition = register.mapping
    ? { ...recognized, mapping: chosenMapping(register.mapping, headers.length, recognized.previousOutputs) }
    : recognized;
  const missing = checkMapping(recognition.mapping, register.mode, headers.length).filter(
    (p) => p.kind === "missing",
  );
  if (missing.length > 0)
    return { ok: false, reason: { kind: "mapping", messages: missing.map((p) => p.message) } };
  return { ok: true, recognition, recognized: recognized.mapping, mode: register.mode };
}

/** The stored mapping, keeping only known fields that point at an input column of the block. */
function chosenMapping(
  stored: Readonly<Record<string, number>>,
  width: number,
  previousOutputs: readonly number[],
): ColumnMapping {
  const outputs = new Set(previousOutputs);
  const mapping: ColumnMapping = {};
  for (const [field, column] of Object.entries(stored))
    if (
      FIELD_IDS.has(field) &&
      Number.isInteger(column) &&
      column >= 0 &&
      column < width &&
      !outputs.has(column)
    )
      mapping[field as FieldId] = column;
  return mapping;
}

/**
 * How an Apply's as-of date is remembered, as the user chose it: « aujourd'hui » (the register is
 * applied again as of the day « Tout recalculer » or `apply --all` runs), or the date itself, fixed.
 * The pane asks (« Date d'arrêté : aujourd'hui / date fixe »); the command line reads it from
 * `--as-of` (absent or `today`: today; a date: fixed).
 */
export type AsOfKind = "today" | "fixed";

/**
 * The register as the workbook remembers it after an Apply, decided once for the pane and the command
 * line: its place (an Excel table by name, or the block from its first column through the last of its
 * input and output columns — the as-of label and date of a formulas run, right of them, left out — and
 * its header row through the last data row written), its vendor, mode, write mode and defaults, the
 * as-of date as the user chose it, its input columns' headers (to tell when they move), and the user's
 * choice of columns when it differs from what the headers give. A « Dernière relance » column a
 * recording run added is remembered among the input columns: it is read as one at the next run.
 */
export function registerToRemember(args: {
  readonly plan: ApplyPlan;
  /** Data rows written. */
  readonly rows: number;
  /** The mapping the headers give by themselves; a different mapping in the plan (the user's) is stored. */
  readonly recognized: ColumnMapping | undefined;
  readonly asOf: AsOfKind;
  /** The day Apply ran. */
  readonly today: Day;
}): StoredRegister {
  const { plan } = args;
  const { place, headers, request } = plan;
  const { options } = request;
  const previousOutputs = request.previousOutputs;
  const inputs = inputColumns(headers, previousOutputs).map((i) => place.firstColumn + i);
  const last = Math.max(place.firstColumn, ...inputs, ...plan.columns.map((c) => c.column));
  const defaults = options.defaults ?? {};
  return {
    sheet: place.sheet,
    ...(place.table !== undefined
      ? { table: place.table }
      : {
          range: blockAddress(
            place.headerRow,
            place.firstColumn,
            args.rows + 1,
            last - place.firstColumn + 1,
          ),
        }),
    vendor: options.vendor ?? "",
    mode: plan.applier.mode,
    write: request.write,
    asOf: args.asOf === "today" ? "today" : formatIsoDay(plan.applier.asOf),
    ...(defaults.invoiceKind !== undefined ? { invoiceKind: defaults.invoiceKind } : {}),
    ...(defaults.plan !== undefined ? { plan: defaults.plan } : {}),
    ...(defaults.clientType !== undefined ? { clientType: defaults.clientType } : {}),
    headers: [
      ...inputHeaders(headers, previousOutputs),
      // « Dernière relance » added by a recording run is an input column from now on (the user's).
      ...plan.columns.filter((c) => c.id === "lastReminder" && !c.existing).map((c) => c.header),
    ],
    ...(args.recognized !== undefined && !sameMapping(options.mapping, args.recognized)
      ? { mapping: storedMapping(options.mapping) }
      : {}),
    appliedOn: formatIsoDay(args.today),
  };
}

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const x = storedMapping(a);
  const y = storedMapping(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}

/** The as-of kind of a remembered register (a recalculation keeps it). */
export function rememberedAsOfKind(register: StoredRegister): AsOfKind {
  return register.asOf === "today" ? "today" : "fixed";
}

/** The as-of date a remembered register is applied at: today's, or its fixed date. */
export function rememberedAsOf(register: StoredRegister, today: Day): string {
  return register.asOf === "today" ? formatIsoDay(today) : register.asOf;
}

/** Why a register was skipped, as the command line says it (the pane words the same reasons in its strings). */
export function skipReasonText(reason: SkipReason): Text {
  switch (reason.kind) {
    case "sheet-gone":
      return {
        en: `the sheet "${reason.sheet}" no longer exists`,
        fr: `la feuille « ${reason.sheet} » n'existe plus`,
      };
    case "table-gone":
      return {
        en: `the table "${reason.table}" no longer exists`,
        fr: `le tableau « ${reason.table} » n'existe plus`,
      };
    case "bad-range":
      return {
        en: `its range "${reason.range}" is not valid`,
        fr: `sa plage « ${reason.range} » n'est pas valide`,
      };
    case "columns-moved":
      return {
        en: `its columns moved since it was applied (column ${reason.column + 1}: "${reason.expected}" then, "${reason.found}" now); apply it again by hand`,
        fr: `ses colonnes ont changé depuis l'application (colonne ${reason.column + 1} : « ${reason.expected} » alors, « ${reason.found} » maintenant) ; appliquez-le à nouveau à la main`,
      };
    case "mapping":
      return {
        en: reason.messages.map((m) => m.en).join(" "),
        fr: reason.messages.map((m) => m.fr).join(" "),
      };
    case "would-replace":
      return {
        en: `${reason.count} cell(s) of other people would be replaced (${reason.address}); apply it again by hand`,
        fr: `${reason.count} cellule(s) d'autres personnes seraient remplacées (${reason.address}) ; appliquez-le à nouveau à la main`,
      };
  }
}
