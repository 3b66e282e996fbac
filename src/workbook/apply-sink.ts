import {
  cellFormula,
  cellValue,
  type HighlightRule,
  type OutputCell,
  type SinkInterruption,
  type SinkPlan,
} from "../write";
import { contiguousRuns, parseAddress, type CellValue } from "../cells";
import type { ReferenceSheet } from "../portable";
import { cellBlock, targetBlocks } from "./block-geometry";
import { resultColumnWidth } from "../write/column-width";
import { customFunctionCell, FunctionNames, type NameSettle, type WriteAs } from "./function-names";
import type { SinkOptions, SinkReport, SourceBlock, WorkbookSink } from "./gateway";
import { toCell, type GridWriter } from "./grid-writer";
import { jsonBytes, sendSized } from "./request-size";
import type { SheetIO, WriteOp } from "./sheet-io";
import { checkWritable } from "./target-cells";

/** What the sink writes with: the gateway's port, request budget and grid writer. */
export interface SinkTools {
  readonly io: SheetIO;
  /** Bytes one request may carry. */
  readonly budget: number;
  /** A pause after each chunk of rows (the preview's progress bar; 0 in Excel). */
  readonly chunkDelayMs: number;
  readonly grid: GridWriter;
  /** How long a written CGV.* cell is read again while #BUSY! or #NAME? (function-names.ts). */
  readonly nameSettle?: NameSettle | undefined;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A run of adjacent planned columns, with each column's index among the plan's columns (its cell in a row). */
interface Run {
  readonly start: number;
  readonly indexes: readonly number[];
}

/**
 * The gateway as the Apply use case's sink, for one source block. `begin` only checks (the protection,
 * merges where anything goes) and starts watching edits: the header row is written with the first
 * rows, so that a refusal of the portable reference sheet leaves the register untouched.
 */
export class GatewaySink implements WorkbookSink {
  private plan: SinkPlan | undefined;
  private runs: Run[] = [];
  private headersWritten = false;
  private rowsWritten = 0;
  private suspended = false;
  private editedCell: string | undefined;
  private unwatch: (() => Promise<void>) | undefined;
  private readonly names: FunctionNames;
  private note: SinkReport["note"];
  private printSetup: boolean | undefined;

  constructor(
    private readonly tools: SinkTools,
    private readonly source: SourceBlock,
    private readonly options: SinkOptions,
  ) {
    this.names = new FunctionNames(tools.nameSettle);
  }

  private get io(): SheetIO {
    return this.tools.io;
  }

  private get current(): SinkPlan {
    if (!this.plan) throw new Error("ApplySink: begin() was not called");
    return this.plan;
  }

  async begin(plan: SinkPlan): Promise<void> {
    if (plan.place.sheet !== this.source.sheet || plan.place.headerRow !== this.source.startRow)
      throw new Error(`ApplySink: the plan is for ${plan.place.sheet}, the sink for ${this.source.address}`);
    const rowCount = plan.rowCount ?? this.source.rows.length;
    // Nothing is written before the sheet is known not to be protected and the target cells not to
    // hold part of a merge (Excel refuses that write): either gets nothing written rather than a
    // half-written block. Merges may have been made since the confirmation was asked.
    await checkWritable(
      this.io,
      plan.place.sheet,
      targetBlocks(plan.place.headerRow, rowCount, plan.columns, plan.extraHeaderCells),
    );
    this.plan = plan;
    this.runs = contiguousRuns(plan.columns.map((c, index) => ({ column: c.column, index }))).map((run) => ({
      start: run.start,
      indexes: run.items.map((i) => i.index),
    }));
    // Someone editing the register meanwhile (another window, a co-author) stops the run before its
    // next chunk: the rows left would be computed from data that is no longer there.
    if (this.io.supports("watchEdits"))
      this.unwatch = await this.io.watchEdits(plan.place.sheet, (address) => {
        if (this.editedCell === undefined && this.touchesInput(address)) this.editedCell = address;
      });
  }

  /**
   * Whether a changed range (an address such as "B14" or "Factures!B2:C9") touches the register's
   * input cells: its rows and its columns that Apply does not write. Apply never writes input cells,
   * so such a change is someone else's edit.
   */
  private touchesInput(address: string): boolean {
    const plan = this.current;
    const { place } = plan;
    const changed = parseAddress(address);
    if (changed.sheet !== undefined && changed.sheet !== place.sheet) return false;
    const lastRow = place.headerRow + (plan.rowCount ?? this.source.rows.length);
    if (changed.row > lastRow || changed.row + changed.rowCount - 1 < place.headerRow) return false;
    const outputs = new Set([
      ...plan.columns.map((c) => c.column),
      ...plan.extraHeaderCells.map((c) => c.column),
    ]);
    for (let c = changed.column; c < changed.column + changed.columnCount; c++) {
      const inside = c >= place.firstColumn && c < place.firstColumn + place.width;
      if (inside && !outputs.has(c)) return true;
    }
    return false;
  }

  /** The header row: new table columns, the columns' headers, the as-of label and date (one request). */
  private async writeHeaders(): Promise<void> {
    if (this.headersWritten) return;
    this.headersWritten = true;
    const { place, columns, extraHeaderCells } = this.current;
    const sheet = place.sheet;
    const ops: WriteOp[] = [];
    const added = columns.filter((c) => !c.existing);
    if (place.table && added.length > 0)
      ops.push({
        kind: "tableColumns",
        table: place.table,
        // Without ExcelApi 1.4 a column cannot be named when added: the header cell is written below.
        names: added.map((c) => (this.io.supports("namedTableColumns") ? c.header : undefined)),
      });
    for (const run of this.runs)
      ops.push({
        kind: "cells",
        sheet,
        row: place.headerRow,
        column: run.start,
        cells: [run.indexes.map((k) => columns[k]?.header ?? "")],
        as: "values",
      });
    // New columns as wide as their headers and values (the xlsx copy's rule); columns already there
    // keep the width the user may have given them.
    if (this.io.supports("columnWidths"))
      for (const run of contiguousRuns(added))
        ops.push({
          kind: "columnWidths",
          sheet,
          column: run.start,
          widths: run.items.map((c) => resultColumnWidth(c.header, c.format)),
        });
    for (const cell of extraHeaderCells) {
      ops.push({
        kind: "cells",
        sheet,
        row: place.headerRow,
        column: cell.column,
        cells: [[toCell(cell.value)]],
        as: "values",
      });
      if (cell.numberFormat !== undefined)
        ops.push({
          kind: "formats",
          sheet,
          row: place.headerRow,
          column: cell.column,
          formats: [[cell.numberFormat]],
        });
    }
    await this.io.write(ops);
  }

  addReferenceSheet(sheet: ReferenceSheet): Promise<void> {
    return this.tools.grid.writeReferenceSheet(sheet);
  }

  private cellText(cell: OutputCell | undefined, as: WriteAs): CellValue {
    if (cell === undefined) return "";
    if (as === "values") return toCell(cellValue(cell));
    const formula = cellFormula(cell);
    if (formula === undefined || !this.names.writesFormula(formula)) return toCell(cellValue(cell));
    return this.names.text(formula, as);
  }

  /** Writes rows [start, start + rows.length) of the data, one block per run, in requests sized by bytes. */
  private async writeData(
    start: number,
    rows: readonly (readonly OutputCell[])[],
    as: WriteAs,
    suspend: boolean,
  ): Promise<void> {
    const { place } = this.current;
    const matrices = this.runs.map((run) =>
      rows.map((row) => run.indexes.map((k) => this.cellText(row[k], as))),
    );
    // Measured once for the chunk (most fit one request); row by row only when it must be split.
    const total = matrices.reduce((n, m) => n + jsonBytes(m), 0);
    let prefix: number[] | undefined;
    const bytesOf = (s: number, c: number): number => {
      if (s === 0 && c === rows.length) return total;
      if (!prefix) {
        const sums = [0];
        rows.forEach((_, r) =>
          sums.push((sums[r] ?? 0) + matrices.reduce((n, m) => n + jsonBytes(m[r]) + 1, 0)),
        );
        prefix = sums;
      }
      return (prefix[s + c] ?? 0) - (prefix[s] ?? 0);
    };
    await sendSized(
      0,
      rows.length,
      bytesOf,
      async (s, c) => {
        const ops: WriteOp[] = this.runs.map((run, i) => ({
          kind: "cells",
          sheet: place.sheet,
          row: place.headerRow + 1 + start + s,
          column: run.start,
          cells: (matrices[i] ?? []).slice(s, s + c),
          as,
        }));
        await this.io.write(ops, { suspendCalculation: suspend });
        if (suspend) this.suspended = true;
      },
      this.tools.budget,
    );
  }

  async writeRows(start: number, rows: readonly (readonly OutputCell[])[]): Promise<void> {
    await this.writeHeaders();
    const { place, columns, write } = this.current;
    const probe = write === "formulas" && !this.names.decided ? customFunctionCell(rows, columns) : undefined;
    // The chunk whose CGV.* cell is read back is written with calculation on, so the read sees its value.
    const suspend = this.io.supports("suspendCalculation") && probe === undefined;
    await this.writeData(start, rows, this.names.writeAs(write), suspend);
    if (probe)
      await this.names.decide(
        () =>
          this.io.read({
            sheet: place.sheet,
            values: cellBlock(place.headerRow + 1 + start + probe.row, probe.column),
            valueTypes: true,
          }),
        (as) => this.writeData(start, rows, as, false),
      );
    this.rowsWritten = Math.max(this.rowsWritten, start + rows.length);
    if (this.tools.chunkDelayMs > 0) await pause(this.tools.chunkDelayMs);
  }

  interruption(): SinkInterruption | undefined {
    return this.editedCell !== undefined ? { editedCell: this.editedCell } : undefined;
  }

  /**
   * An Excel note (ExcelApi 1.18), else a comment (ExcelApi 1.10), else none: false, and the values
   * written stand (a host may claim 1.18 and still lack `workbook.notes`, issue 14 #1).
   */
  async addNote(row: number, column: number, text: string): Promise<boolean> {
    const { sheet } = this.current.place;
    for (const kind of ["note", "comment"] as const) {
      if (!this.io.supports(kind === "note" ? "notes" : "comments")) continue;
      try {
        if (await this.io.addNote(kind, sheet, row, column, text)) {
          this.note = kind;
          return true;
        }
      } catch {
        // The note is not worth failing an Apply that has written its rows: the next kind is tried.
      }
    }
    this.note = "none";
    return false;
  }

  /**
   * Custom-formula conditional formats (ExcelApi 1.6): the rules' blocks are cleared first, so a
   * second Apply replaces them. The formulas test result and input cells only, never a custom function.
   */
  async highlight(rules: readonly HighlightRule[]): Promise<boolean> {
    if (!this.io.supports("conditionalFormats")) return false;
    if (rules.length > 0) await this.io.replaceConditionalFormats(rules);
    return true;
  }

  async finish(completed: boolean): Promise<void> {
    try {
      const { place, columns } = this.current;
      if (completed) await this.writeHeaders();
      // Number formats after the values (docs/office.md#bulk-work-in-the-task-pane), for every row
      // written, cancelled or not.
      const total = this.rowsWritten;
      if (total > 0 && this.runs.length > 0) {
        const lines = this.runs.map((run) => run.indexes.map((k) => columns[k]?.numberFormat ?? "General"));
        const perRow = lines.reduce((n, line) => n + jsonBytes(line) + 1, 0);
        let done = 0;
        await sendSized(
          0,
          total,
          // Each run's rows are one array in the request: its brackets count too.
          (_s, c) => c * perRow + 2 * this.runs.length,
          async (s, c) => {
            await this.io.write(
              this.runs.map((run, i) => ({
                kind: "formats",
                sheet: place.sheet,
                row: place.headerRow + 1 + s,
                column: run.start,
                formats: Array.from({ length: c }, () => lines[i] ?? []),
              })),
            );
            done += c;
            this.options.onFormats?.(done, total);
          },
          this.tools.budget,
        );
      }
      // Calculation was suspended during the writes: recalculate once so dependants are up to date.
      if (this.suspended) await this.io.recalculate();
      if (completed) this.printSetup = await this.setUpPrinting(place.sheet, place.headerRow);
      if (completed && columns.length > 0) {
        const first = Math.min(...columns.map((c) => c.column));
        const last = Math.max(...columns.map((c) => c.column));
        await this.io.select(place.sheet, {
          row: place.headerRow,
          column: first,
          rowCount: (this.current.rowCount ?? this.source.rows.length) + 1,
          columnCount: last - first + 1,
        });
      }
    } finally {
      await this.close();
    }
  }

  /**
   * The register prints as the command line's copy does (src/xlsx/worksheet.ts `pageSetupXml`,
   * `workbookWithPrintTitles`): landscape, one page wide, its header row repeated on every page — the
   * register now being wider by the result columns. ExcelApi 1.9 (Worksheet.pageLayout), in a request
   * of its own: a host without it, or refusing it, leaves the written register as it is.
   */
  private async setUpPrinting(sheet: string, headerRow: number): Promise<boolean> {
    if (!this.io.supports("pageLayout")) return false;
    try {
      await this.io.write([
        {
          kind: "pageLayout",
          sheet,
          landscape: true,
          pagesWide: 1,
          pagesTall: undefined,
          titleRows: [headerRow + 1, headerRow + 1],
        },
      ]);
      return true;
    } catch {
      return false;
    }
  }

  report(): SinkReport {
    return {
      ...(this.printSetup !== undefined ? { printSetup: this.printSetup } : {}),
      ...(this.names.names !== undefined ? { formulaNames: this.names.names } : {}),
      ...(this.note !== undefined ? { note: this.note } : {}),
    };
  }

  async close(): Promise<void> {
    const unwatch = this.unwatch;
    this.unwatch = undefined;
    await unwatch?.();
  }
}
