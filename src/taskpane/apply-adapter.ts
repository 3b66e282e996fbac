import {
  NUMBER_FORMATS,
  outputColumns,
  prepareApply,
  rowFormulas,
  type ApplyOptions,
  type ApplyResult,
  type HeaderRecognition,
  type OutputFormat,
  type OutputValue,
  type RegisterMode,
} from "../apply";
import { serialToDay } from "../adapter/cell-values";
import { formatDate, formatMoney } from "../apply";
import { isEngineError, type Day, type Language, type Settings, type VendorRegistry } from "../engine";
import { blockAddress } from "../cells";
import {
  GatewayError,
  placeColumns,
  type ColumnPlacement,
  type MatrixCell,
  type OutputColumn,
  type SourceBlock,
  type SourceLayout,
} from "../excel/gateway";
import {
  portableReference,
  portableRow,
  REFERENCE_NUMBER_FORMATS,
  summarizeFallbacks,
  type PortableRow,
  type ReferenceSheet,
} from "../portable";
import type { Strings } from "./i18n/strings";

/** How Apply writes: the engine's values, live CGV.* formulas, or native formulas that need no add-in. */
export type WriteMode = "values" | "formulas" | "portable";

/**
 * The glue between the register core (src/apply) and the gateway (src/excel): where the new columns
 * go, what is written in them, and how values read in the pane. No computation of its own.
 */

/** Every column of the source except a previous run's outputs is an input: never a target. */
export function inputColumns(source: SourceBlock, recognition: HeaderRecognition | undefined): number[] {
  const previous = new Set(recognition?.previousOutputs ?? []);
  return source.headers.map((_, i) => i).filter((i) => !previous.has(i));
}

/** The placements of a mode's output columns, matching earlier outputs in either language. */
export function outputPlacements(
  source: SourceBlock,
  mode: RegisterMode,
  lang: Language,
  recognition: HeaderRecognition | undefined,
): ColumnPlacement[] {
  const columns = outputColumns(mode);
  const other: Language = lang === "fr" ? "en" : "fr";
  return placeColumns(
    source,
    columns.map((c) => c.header[lang]),
    inputColumns(source, recognition),
    columns.map((c) => [c.header[other]]),
  );
}

/** Formulas reference the output columns by position: they need them side by side, in order. */
export function placementsContiguous(placements: readonly ColumnPlacement[]): boolean {
  const first = placements[0];
  return first !== undefined && placements.every((p, i) => p.column === first.column + i);
}

/** The gateway's columns for a computed result: values, or live formulas row by row. */
export function gatewayColumns(
  source: SourceBlock,
  result: ApplyResult,
  options: ApplyOptions,
  lang: Language,
  placements: readonly ColumnPlacement[],
  mode: "values" | "formulas",
): OutputColumn[] {
  let rows: readonly (readonly OutputValue[])[] = result.rows;
  if (mode === "formulas") {
    const applier = prepareApply(options);
    const topLeft = blockAddress(source.startRow, source.startColumn);
    const first = placements[0]?.column;
    rows = result.rows.map((_, i) =>
      rowFormulas(applier, source.rows[i] ?? [], i, {
        sourceTopLeft: topLeft,
        ...(first !== undefined ? { outputFirstColumn: first } : {}),
      }),
    );
  }
  return result.columns.map((c, j) => ({
    header: c.header[lang],
    numberFormat: NUMBER_FORMATS[c.format],
    cells: rows.map((r) => r[j] ?? ""),
  }));
}

/** An output value as the pane shows it in the preview. */
export function formatOutput(value: OutputValue | undefined, format: OutputFormat, lang: Language): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "string") return value;
  if (format === "date") return formatDate(serialToDay(value), lang);
  if (format === "money") return formatMoney(value, lang);
  return String(value);
}

/** Any failure as a sentence for the user: the engine's own bilingual message, a gateway code, or the raw text. */
export function describeError(error: unknown, strings: Strings, lang: Language): string {
  if (isEngineError(error)) return error.text[lang];
  if (error instanceof GatewayError) {
    switch (error.code) {
      case "no-table":
        return strings.noTable;
      case "empty-source":
        return strings.emptySource;
      case "too-large":
        return strings.tooLarge;
      case "no-selection":
        return strings.noSelection;
      case "protected":
        return strings.sheetProtected;
      case "date-1904":
        return strings.date1904;
      case "merged":
        return strings.mergedInOutput(error.detail ?? "");
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** At most this many rows or merges are named in a notice (the command line names as many). */
const NAMED = 5;

const firstFew = (items: readonly (string | number)[]): string =>
  items.slice(0, NAMED).join(", ") + (items.length > NAMED ? ", …" : "");

/**
 * What the register's values do not show, as sentences for the user: merged cells (read blank but
 * for their top-left cell), the filter, hidden or filtered-out rows (computed like the others). None
 * is an error: every row is computed. Empty when the host could not tell.
 */
export function layoutNotices(layout: SourceLayout | undefined, strings: Strings): string[] {
  if (!layout) return [];
  const notices: string[] = [];
  if (layout.merges.length > 0) notices.push(strings.noticeMerges(firstFew(layout.merges)));
  if (layout.filter?.on === "sheet") notices.push(strings.noticeSheetFilter);
  if (layout.filter?.on === "table") notices.push(strings.noticeTableFilter(layout.filter.table));
  if (layout.hiddenRows.length > 0)
    notices.push(
      strings.noticeHidden(
        layout.hiddenRows.length,
        firstFew(layout.hiddenRows),
        layout.filter !== undefined,
      ),
    );
  return notices;
}

/** The core's options from the pane's choices. */
export function buildApplyOptions(args: {
  source: SourceBlock;
  mode: RegisterMode;
  mapping: ApplyOptions["mapping"];
  vendor: string;
  asOf: string;
  lang: Language;
  defaults: NonNullable<ApplyOptions["defaults"]>;
  /** The workbook's vendors and settings (stored terms restored); default: the shipped ones. */
  registry?: VendorRegistry;
  settings?: Settings;
}): ApplyOptions {
  return {
    ...(args.registry ? { registry: args.registry } : {}),
    ...(args.settings ? { settings: args.settings } : {}),
    mode: args.mode,
    mapping: args.mapping,
    vendor: args.vendor,
    asOf: args.asOf,
    lang: args.lang,
    defaults: args.defaults,
    headers: args.source.headers,
    // Sheet row number of the first data row: the header row is 0-based startRow.
    firstRowNumber: args.source.startRow + 2,
  };
}

export interface PortableOutput {
  readonly columns: OutputColumn[];
  /** The sheet of rates and holidays the formulas read: write it (under its exact name) first. */
  readonly reference: ReferenceSheet;
  /** What was written as values instead of formulas, and why, in the pane's language. */
  readonly fallbacks: readonly string[];
}

/**
 * Portable mode: native Excel formulas (EDATE, EOMONTH, SUMPRODUCT…) over a reference sheet, so the
 * workbook computes without the add-in; columns or rows a formula cannot express are values, and
 * `fallbacks` says which and why.
 */
export function portableColumns(
  source: SourceBlock,
  result: ApplyResult,
  options: ApplyOptions,
  lang: Language,
  placements: readonly ColumnPlacement[],
  generatedOn: Day,
): PortableOutput {
  const applier = prepareApply(options);
  const reference = portableReference(applier, generatedOn);
  const first = placements[0]?.column;
  const rows: PortableRow[] = result.rows.map((_, i) =>
    portableRow(applier, source.rows[i] ?? [], i, {
      sourceTopLeft: blockAddress(source.startRow, source.startColumn),
      ...(first !== undefined ? { outputFirstColumn: first } : {}),
      reference,
    }),
  );
  const summary = summarizeFallbacks(rows);
  const header = (id: string) => result.columns.find((c) => c.id === id)?.header[lang] ?? id;
  const fallbacks = [
    ...summary.columns.map((f) => `${header(f.column)} : ${f.reason[lang]} (${f.rows})`),
    ...summary.valueRowReasons.map((r) => `${r.reason[lang]} (${r.rows})`),
  ];
  return {
    columns: result.columns.map((c, j) => ({
      header: c.header[lang],
      numberFormat: NUMBER_FORMATS[c.format],
      cells: rows.map((r) => r.cells[j] ?? ""),
    })),
    reference,
    fallbacks,
  };
}

/** The reference sheet as gateway cells: formulas with their "=", formats per column. */
export function referenceMatrix(reference: ReferenceSheet): MatrixCell[][] {
  return reference.rows.map((line) =>
    line.map((cell, c) => {
      const format = REFERENCE_NUMBER_FORMATS[reference.columnFormats[c] ?? "text"];
      if (cell !== null && typeof cell === "object")
        return {
          value: `=${cell.formula.replace(/^=/, "")}`,
          numberFormat: REFERENCE_NUMBER_FORMATS[cell.format],
        };
      return typeof cell === "number" ? { value: cell, numberFormat: format } : { value: cell };
    }),
  );
}
