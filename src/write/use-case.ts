import { cellRef, type CellValue } from "../cells";
import type { Day, ResolvedVendor } from "../engine";
import {
  portableReference,
  portableRow,
  summarizeFallbacks,
  type FallbackSummary,
  type PortableRow,
  type ReferenceSheet,
} from "../portable";
import { dayToSerial } from "../input/cell-values";
import {
  prepareApply,
  rowFormulas,
  SummaryBuilder,
  type Applier,
  type ApplyOptions,
  type ApplySummary,
  type OutputColumnId,
  type OutputRow,
  type OutputValue,
  type RowResult,
} from "../apply";
import { asOfCells, columnsContiguous, highlightRules, planColumns } from "./plan";
import { provenanceNote } from "./provenance";
import type { ApplySink, ExtraHeaderCell, OutputCell, PlannedColumn, RegisterPlace, WriteMode } from "./sink";

/**
 * Apply, once for every face: from a register's rows to the cells written into its sheet. The use case
 * plans the columns (and where an earlier run's columns are rewritten), computes each row, turns it
 * into values, live CGV.* formulas or portable formulas, adds the reference sheet, the provenance note
 * and the highlighting — and hands all of it to a sink (the pane's gateway, the in-memory workbook,
 * the xlsx writer). The faces keep only progress, confirmation and cancel.
 */

/** A register as the use case reads it: its place, its header row, and its data rows in chunks. */
export interface RegisterRows {
  readonly place: RegisterPlace;
  readonly headers: readonly CellValue[];
  /** Data rows, when known before reading them (the pane); undefined when streamed. */
  readonly rowCount: number | undefined;
  /**
   * The data rows in order, in chunks of about `chunkRows`. A streamed source may hold what it read
   * until the chunk's output is written: the use case writes each chunk before asking for the next.
   */
  chunks(chunkRows: number): AsyncIterable<readonly (readonly CellValue[])[]>;
}

/** What to apply: the register core's options, and how to write. */
export interface ApplyRequest {
  readonly options: ApplyOptions;
  readonly write: WriteMode;
  /** Today (the faces read the clock, the core never does): the note's and the reference sheet's date. */
  readonly today: Day;
  /** Zero-based register columns holding an earlier run's output (`recognizeHeaders(…).previousOutputs`). */
  readonly previousOutputs: readonly number[];
  /** Highlight overdue rows and deadlines within this many days of the as-of date; undefined: none. */
  readonly highlightDays?: number;
}

export interface RowsProgress {
  readonly done: number;
  /** Undefined while a streamed register is read. */
  readonly total: number | undefined;
}

export interface ApplyControl {
  /** Rows per chunk (computed, written, then progress and cancel are looked at). Default 5,000. */
  readonly chunkRows?: number;
  readonly signal?: { readonly aborted: boolean };
  readonly onProgress?: (progress: RowsProgress) => void;
  /** Every computed data row (for the calendar export). */
  readonly onRow?: (row: readonly CellValue[], index: number, result: RowResult) => void;
  /** How to yield between chunks (default: a macrotask), so a pane stays responsive. */
  readonly yieldFn?: () => Promise<void>;
  /** After the rows, before the sink finishes: the vendors the rows were computed with (stored terms). */
  readonly beforeFinish?: (vendors: readonly ResolvedVendor[]) => void;
}

export interface ApplyOutcome {
  readonly summary: ApplySummary;
  readonly columns: readonly PlannedColumn[];
  /** Data rows written (all of them unless cancelled or interrupted). */
  readonly rowsWritten: number;
  readonly cancelled: boolean;
  /** An input cell someone edited while the columns were written: the run stopped before its next chunk. */
  readonly editedCell?: string;
  /** Values mode: the provenance note, and whether the host took it. */
  readonly note?: { readonly text: string; readonly added: boolean };
  readonly highlight: "added" | "unsupported" | "off";
  /** Portable mode: the reference sheet written, and the columns or rows written as values (and why). */
  readonly portable?: {
    readonly sheet: string;
    readonly columns: readonly FallbackSummary[];
    readonly valueRowReasons: readonly {
      readonly reason: { en: string; fr: string };
      readonly rows: number;
    }[];
  };
  /** The vendors rows were computed with, each once. */
  readonly vendors: readonly ResolvedVendor[];
}

/** Refused before anything is written: live and portable formulas need their columns side by side. */
export class ApplyRefusal extends Error {
  constructor(readonly text: { readonly en: string; readonly fr: string }) {
    super(text.en);
    this.name = "ApplyRefusal";
  }
}

/**
 * Everything decided before the first row, once per run: the request, the prepared core, the columns
 * and where they go, the header cells. A face plans (to show the columns, count the cells they would
 * replace, refuse early) and hands the plan to `applyToSheet`, which does not plan again.
 */
export interface ApplyPlan {
  readonly request: ApplyRequest;
  /** The register the plan is for: its place in the sheet and its header row. */
  readonly place: RegisterPlace;
  readonly headers: readonly CellValue[];
  readonly applier: Applier;
  readonly columns: readonly PlannedColumn[];
  readonly extraHeaderCells: readonly ExtraHeaderCell[];
  /** Formulas modes: the absolute reference of the as-of date cell. */
  readonly asOfRef?: string;
}

/**
 * Plans an application without writing anything: the columns and where they go (the pane shows them
 * and counts the cells they would replace before asking). Throws the engine's error for a bad vendor
 * or as-of date, ApplyRefusal for formulas over columns that are not side by side.
 */
export function planApply(
  request: ApplyRequest,
  place: RegisterPlace,
  headers: readonly CellValue[],
): ApplyPlan {
  const applier = prepareApply(request.options);
  const lang = applier.lang;
  const mapping = request.options.mapping;
  const columns = planColumns(place, headers, applier.mode, lang, request.previousOutputs, {
    columns: applier.columns,
    // A recording run writes « Dernière relance » into the register's own column when it has one.
    ...(mapping.lastReminder !== undefined ? { inPlace: { lastReminder: mapping.lastReminder } } : {}),
  });
  const base = { request, place, headers, applier, columns };
  if (request.write === "values") return { ...base, extraHeaderCells: [] };
  if (!columnsContiguous(columns))
    throw new ApplyRefusal({
      en: "Formulas need the result columns side by side: the earlier results are not. Apply as values, or delete the earlier result columns first.",
      fr: "Les formules demandent des colonnes de résultats côte à côte : les résultats précédents ne le sont pas. Appliquez en valeurs, ou supprimez d'abord les anciennes colonnes de résultats.",
    });
  const asOf = asOfCells(columns, place.headerRow, lang, dayToSerial(applier.asOf));
  return { ...base, extraHeaderCells: asOf.cells, asOfRef: asOf.ref };
}

const DEFAULT_CHUNK = 5000;

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Applies a planned application (`planApply`) to the register's rows and writes the result through a
 * sink. Bad rows never stop
 * the others (their status says why); a cancel or an edit of the register stops between chunks, after
 * whole chunks. Refusals (a protected sheet, a merge in the way) come from the sink's `begin`, before
 * anything is written.
 */
export async function applyToSheet(
  plan: ApplyPlan,
  register: RegisterRows,
  sink: ApplySink,
  control: ApplyControl = {},
): Promise<ApplyOutcome> {
  const { place } = register;
  if (!samePlace(place, plan.place)) throw new Error("applyToSheet: the plan is for another register");
  const { applier, columns, request } = plan;
  const chunkRows = Math.max(1, control.chunkRows ?? DEFAULT_CHUNK);
  const yieldFn = control.yieldFn ?? macrotask;
  const summary = new SummaryBuilder(applier);
  // Formulas address the other output columns by id, where the plan put them.
  const outputColumns: { [K in OutputColumnId]?: number } = {};
  for (const c of columns) outputColumns[c.id] = c.column;
  const sourceTopLeft = cellRef(place.firstColumn, place.headerRow + 1);
  const reference: ReferenceSheet | undefined =
    request.write === "portable" ? portableReference(applier, request.today) : undefined;
  const portableRows: PortableRow[] = [];

  await sink.begin({
    place,
    columns,
    extraHeaderCells: plan.extraHeaderCells,
    write: request.write,
    rowCount: register.rowCount,
  });
  if (reference) await sink.addReferenceSheet(reference);

  // Each planned column's cell, taken from the row by the column's id: never by position.
  const inPlan = (values: OutputRow): OutputValue[] => columns.map((c) => values[c.id] ?? "");
  const cellsOf = (row: readonly CellValue[], index: number, result: RowResult): readonly OutputCell[] => {
    if (request.write === "values") return inPlan(result.values);
    const at = { sourceTopLeft, outputColumns, ...(plan.asOfRef ? { asOfRef: plan.asOfRef } : {}) };
    if (reference) {
      const r = portableRow(applier, row, index, { ...at, reference });
      // Only what the summary needs is kept (no cells), so memory stays flat on a long register.
      if (r.fallbacks.length > 0 || r.rowReason)
        portableRows.push({
          cells: {},
          values: {},
          fallbacks: r.fallbacks,
          ...(r.rowReason ? { rowReason: r.rowReason } : {}),
        });
      return withResults(inPlan(r.cells), inPlan(r.values));
    }
    return withResults(inPlan(rowFormulas(applier, row, index, at)), inPlan(result.values));
  };

  let done = 0;
  let cancelled = false;
  let editedCell: string | undefined;
  for await (const chunk of register.chunks(chunkRows)) {
    const stop = sink.interruption();
    if (stop || control.signal?.aborted) {
      cancelled = true;
      editedCell = stop?.editedCell;
      break;
    }
    const cells: (readonly OutputCell[])[] = new Array(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      const row = chunk[k] ?? [];
      const index = done + k;
      const result = applier.computeRow(row, index);
      summary.add(result, index, row);
      control.onRow?.(row, index, result);
      cells[k] = cellsOf(row, index, result);
    }
    await sink.writeRows(done, cells);
    done += chunk.length;
    control.onProgress?.({ done, total: register.rowCount });
    await yieldFn();
  }
  if (!cancelled) {
    const stop = sink.interruption();
    if (stop) {
      cancelled = true;
      editedCell = stop.editedCell;
    }
  }

  let note: ApplyOutcome["note"];
  let highlight: ApplyOutcome["highlight"] = "off";
  if (!cancelled) {
    if (request.write === "values") {
      // Values do not follow later edits: the first header says which terms computed them, and when.
      const vendors = applier.vendorsUsed();
      const first = columns[0];
      if (first && vendors.length > 0) {
        const text = provenanceNote(
          vendors,
          request.today,
          applier.asOf,
          applier.lang,
          request.options.mapping.vendor !== undefined,
        );
        note = { text, added: await sink.addNote(place.headerRow, first.column, text) };
      }
    }
    if (request.highlightDays !== undefined) {
      const rules = highlightRules({
        place,
        columns,
        mode: applier.mode,
        mapping: request.options.mapping,
        asOf: dayToSerial(applier.asOf),
        days: request.highlightDays,
        rowCount: done,
      });
      highlight = (await sink.highlight(rules)) ? "added" : "unsupported";
    }
  }
  if (!cancelled) control.beforeFinish?.(applier.vendorsUsed());
  await sink.finish(!cancelled);
  const fallbacks = reference ? summarizeFallbacks(portableRows) : undefined;
  return {
    summary: summary.build(cancelled),
    columns,
    rowsWritten: done,
    cancelled,
    ...(editedCell !== undefined ? { editedCell } : {}),
    ...(note ? { note } : {}),
    highlight,
    ...(reference && fallbacks
      ? {
          portable: {
            sheet: reference.name,
            columns: fallbacks.columns,
            valueRowReasons: fallbacks.valueRowReasons,
          },
        }
      : {}),
    vendors: applier.vendorsUsed(),
  };
}

/** Formula texts paired with the values they compute now; constants stay values. */
function withResults(
  cells: readonly (string | number)[],
  values: readonly (string | number)[],
): OutputCell[] {
  return cells.map((cell, j) =>
    typeof cell === "string" && cell.startsWith("=") ? { formula: cell, result: values[j] ?? "" } : cell,
  );
}

/** A register held in memory (the pane's source block, a CSV file) as chunks of rows. */
export function rowsInMemory(
  place: RegisterPlace,
  headers: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
): RegisterRows {
  return {
    place,
    headers,
    rowCount: rows.length,
    chunks: async function* (chunkRows: number) {
      for (let start = 0; start < rows.length; start += chunkRows) yield rows.slice(start, start + chunkRows);
    },
  };
}

function samePlace(a: RegisterPlace, b: RegisterPlace): boolean {
  return (
    a.sheet === b.sheet &&
    a.headerRow === b.headerRow &&
    a.firstColumn === b.firstColumn &&
    a.width === b.width &&
    a.table === b.table
  );
}
