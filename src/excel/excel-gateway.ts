import { blockAddress, parseAddress, parseAreas, quoteSheet, sheetAddress } from "../cells";
import {
  blocksIntersect,
  contiguousRuns,
  DEFAULT_CHUNK_ROWS,
  GatewayError,
  highlightFormula,
  isEmptyCell,
  mergesInOutput,
  readChunkRows,
  interruption,
  touchesInput,
  uniqueSheetName,
  type CellRef,
  type CellValue,
  type HighlightRule,
  type MatrixCell,
  type ColumnPlacement,
  type OutputColumn,
  type SheetBlock,
  type SourceBlock,
  type SourceKind,
  type SourceLayout,
  type WorkbookGateway,
  type WriteOptions,
  type WriteOutcome,
} from "./gateway";

/**
 * What the gateway needs from Office.js: `Excel.run` and the requirement-set check. Injected so the
 * gateway runs against a fake of the Excel object model in tests.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * Calls `onChange` with the address of every change made to a sheet (worksheet onChanged, ExcelApi
   * 1.7) until the returned function is called.
   */
  watchSheet(sheet: string, onChange: (address: string) => void): Promise<() => Promise<void>>;
}

export const officeExcelHost: ExcelHost = {
  run: (batch) => Excel.run(batch),
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  watchSheet: async (sheet, onChange) => {
    const handler = await Excel.run(async (context) => {
      const registered = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => {
        onChange(event.address);
      });
      await context.sync();
      return registered;
    });
    // A handler is removed in the context it was added in.
    return () =>
      Excel.run(handler.context, async (context) => {
        handler.remove();
        await context.sync();
      });
  },
};

type Cell = boolean | string | number;

/**
 * A read-only request that carried an optional probe (merged areas, visible rows) failed. Excel fails
 * a whole request when `getMergedAreasOrNullObject` meets more than 512 merged areas (documented), and
 * large visible views have been reported to fail at times (office-js #4263): the batch is run once more
 * without the probe, whose answer is then unknown (the pane says nothing), rather than failing the read.
 */
class ProbeFailed extends Error {}

/** Syncs a read-only request; when it carried probes and fails, throws ProbeFailed so it is run again without them. */
async function syncProbed(context: Excel.RequestContext, probed: boolean): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (probed) throw new ProbeFailed(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

/** A probe queued before a sync, read after it. */
type Probe<T> = () => T;

/**
 * The range to look for merged areas touching `block` in: from A1 to the block's bottom-right cell.
 * `getMergedAreasOrNullObject` returns only the merged areas whose top-left cell is in the range
 * (office-js #3611, "by design"), so a merge starting left of or above the output columns (F5:H5 over
 * an input column F and output G, H) is found only by a range that holds its top-left cell.
 */
function mergeScope(block: SheetBlock): string {
  return blockAddress(0, 0, block.row + block.rowCount, block.column + block.columnCount);
}

/**
 * The gateway on Office.js. Every read and write is chunked: one `Excel.run` (one request) per block
 * of rows, values first, number formats after (docs/office.md#bulk-work-in-the-task-pane). Requirement sets are
 * checked and the gateway degrades:
 * - current region: `getSurroundingRegion` (ExcelApi 1.7), else the sheet's used range;
 * - table at the active cell: `Range.getTables` (ExcelApi 1.9), else the active sheet's first table;
 * - `suspendApiCalculationUntilNextSync` (ExcelApi 1.6) while writing, then one recalculation;
 * - named table columns (`columns.add` name, ExcelApi 1.4), else the header cell is written;
 * - hidden and filtered-out rows: `Range.rowHidden` on the block, then, only where some row is hidden,
 *   `getVisibleView().cellAddresses` of one column per read chunk (ExcelApi 1.3), else nothing is said;
 * - filters: `Worksheet.autoFilter.enabled`, `Table.autoFilter.isDataFiltered` (ExcelApi 1.9);
 * - merged cells: `getMergedAreasOrNullObject` (ExcelApi 1.13), in the register (a notice) and where
 *   the output goes (a refusal before anything is written); without 1.13 neither is checked.
 * Each of these rides on a request the gateway makes anyway: none adds a request.
 * Blocks are addressed in A1 notation, so nothing depends on `getRangeByIndexes` (ExcelApi 1.7).
 * Data is written only inside the source's existing rows: never `rows.add` (and nothing below a table,
 * where `getRowsBelow` would be the way).
 * Not verified inside real Excel (no Excel here): whether `columns.add` on a table whose right-hand
 * neighbour cells hold data shifts them or overwrites them. The pane counts those cells as "would be
 * replaced" and asks first either way.
 */
export class ExcelGateway implements WorkbookGateway {
  readonly host = "excel" as const;

  constructor(private readonly office: ExcelHost = officeExcelHost) {}

  private supports(version: string): boolean {
    try {
      return this.office.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** Runs a batch with its probes, and once more without them if a probed sync failed (see ProbeFailed). */
  private async runProbed<T>(
    batch: (context: Excel.RequestContext, probes: boolean) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.office.run((context) => batch(context, true));
    } catch (e) {
      if (!(e instanceof ProbeFailed)) throw e;
      return this.office.run((context) => batch(context, false));
    }
  }

  /** Queues a read of the merged areas of a range (ExcelApi 1.13); undefined where the set is missing. */
  private probeMerges(range: Excel.Range): Probe<SheetBlock[]> | undefined {
    if (!this.supports("1.13")) return undefined;
    const areas = range.getMergedAreasOrNullObject();
    areas.load("address");
    return () =>
      areas.isNullObject
        ? []
        : parseAreas(areas.address).map((a) => ({
            row: a.row,
            column: a.column,
            rowCount: a.rowCount,
            columnCount: a.columnCount,
          }));
  }

  async readSource(kind: SourceKind): Promise<SourceBlock> {
    // Hidden rows are looked for only where ExcelApi 1.3 (getVisibleView) is there.
    const rowsHidden = this.supports("1.3");
    const filters = this.supports("1.9");
    const located = await this.runProbed(async (context, probes) => {
      const selected = context.workbook.getSelectedRange();
      let range: Excel.Range = selected;
      let table: Excel.Table | undefined;
      if (kind === "region") {
        range = this.supports("1.7") ? selected.getSurroundingRegion() : selected.worksheet.getUsedRange();
      } else if (kind === "table") {
        const tables = this.supports("1.9") ? selected.getTables(false) : selected.worksheet.tables;
        tables.load("items/name");
        await context.sync();
        table = tables.items[0];
        if (!table) throw new GatewayError("no-table");
        table.load("name,showTotals");
        range = table.getRange();
      }
      range.load("address,rowIndex,columnIndex,rowCount,columnCount,worksheet/name");
      if (rowsHidden) range.load("rowHidden");
      // A filter on the sheet (its buttons are enough: Data > Filter), or criteria on the table's own
      // filter (every table shows filter buttons, so only isDataFiltered says something).
      const sheetFilter = filters && !table ? selected.worksheet.autoFilter.load("enabled") : undefined;
      const tableFilter = filters && table ? table.autoFilter.load("isDataFiltered") : undefined;
      // Merged areas starting in the register: the others of a merge read blank.
      const merges = probes ? this.probeMerges(range) : undefined;
      // Serials of a 1904 workbook are four years off the 1900 system every date here is read in.
      // Office.js does not expose the date system: DATE(1904,1,1) is 0 there, 1462 in the 1900 system.
      const probe = context.workbook.functions.date(1904, 1, 1);
      probe.load("value");
      // A whole-column selection (A:F) is a million rows: clip every source to the sheet's used range.
      const used = selected.worksheet.getUsedRange();
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await syncProbed(context, merges !== undefined);
      if (probe.value === 0) throw new GatewayError("date-1904");
      const top = Math.max(range.rowIndex, used.rowIndex);
      const left = Math.max(range.columnIndex, used.columnIndex);
      const bottom = Math.min(
        range.rowIndex + range.rowCount - (table?.showTotals ? 1 : 0),
        used.rowIndex + used.rowCount,
      );
      const right = Math.min(range.columnIndex + range.columnCount, used.columnIndex + used.columnCount);
      const block = { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
      const filter: SourceLayout["filter"] =
        tableFilter?.isDataFiltered === true && table
          ? { on: "table", table: table.name }
          : sheetFilter?.enabled === true
            ? { on: "sheet" }
            : undefined;
      return {
        sheet: range.worksheet.name,
        ...block,
        table: table?.name,
        // rowHidden is false when no row of the range is hidden, true or null otherwise.
        someHidden: rowsHidden && range.rowHidden !== false,
        filter,
        merges: (merges?.() ?? [])
          .filter((a) => blocksIntersect(a, block))
          .map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount)),
      };
    });
    if (located.rowCount < 1 || located.columnCount < 1) throw new GatewayError("empty-source");
    const values: CellValue[][] = [];
    let hidden: number[] | undefined = [];
    const readRows = readChunkRows(located.columnCount);
    for (let start = 0; start < located.rowCount; start += readRows) {
      const count = Math.min(readRows, located.rowCount - start);
      const read = await this.readBlock(
        located.sheet,
        {
          row: located.row + start,
          column: located.column,
          rowCount: count,
          columnCount: located.columnCount,
        },
        { visibleRows: located.someHidden && hidden !== undefined },
      );
      values.push(...read.values);
      // A chunk whose visible view could not be read leaves the hidden rows unknown: nothing is said.
      if (read.hiddenRows === undefined) hidden = undefined;
      else hidden?.push(...read.hiddenRows.filter((n) => n > located.row + 1));
    }
    const [header = [], ...rows] = values;
    return {
      kind,
      sheet: located.sheet,
      address: sheetAddress(
        located.sheet,
        located.row,
        located.column,
        located.rowCount,
        located.columnCount,
      ),
      startRow: located.row,
      startColumn: located.column,
      headers: header.map((h) => (h === null ? "" : String(h))),
      rows,
      ...(located.table !== undefined ? { table: { name: located.table } } : {}),
      layout: {
        hiddenRows: located.someHidden ? (hidden ?? []) : [],
        ...(located.filter ? { filter: located.filter } : {}),
        merges: located.merges,
      },
    };
  }

  /**
   * Reads a block's values in one request. With `visibleRows`, the same request reads the visible view
   * of the block's first column, whose cell addresses are the rows not hidden: `hiddenRows` (sheet row
   * numbers) is the others, or undefined when Excel refused the view. With `merges`, it also reads the
   * merged areas of that scope (ExcelApi 1.13).
   */
  private readBlock(
    sheet: string,
    block: SheetBlock,
    probes: {
      readonly visibleRows?: boolean;
      readonly merges?: SheetBlock;
      /** Also read whether the sheet is protected (no probe: a property every Excel has). */
      readonly protection?: boolean;
    } = {},
  ): Promise<{ values: CellValue[][]; hiddenRows?: number[]; merges?: SheetBlock[]; protected?: boolean }> {
    const address = blockAddress(block.row, block.column, block.rowCount, block.columnCount);
    return this.runProbed(async (context, withProbes) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const range = ws.getRange(address);
      range.load("values");
      const protection = probes.protection ? ws.protection.load("protected") : undefined;
      let view: Excel.RangeView | undefined;
      if (withProbes && probes.visibleRows) {
        view = ws.getRange(blockAddress(block.row, block.column, block.rowCount, 1)).getVisibleView();
        view.load("cellAddresses");
      }
      const merges =
        withProbes && probes.merges ? this.probeMerges(ws.getRange(mergeScope(probes.merges))) : undefined;
      await syncProbed(context, view !== undefined || merges !== undefined);
      // Excel on the web may answer null instead of failing on a response over its limit.
      const values = range.values as CellValue[][] | null;
      if (!values) throw new GatewayError("too-large", `${sheet}!${address}`);
      const out: {
        values: CellValue[][];
        hiddenRows?: number[];
        merges?: SheetBlock[];
        protected?: boolean;
      } = { values };
      if (protection) out.protected = protection.protected;
      if (view) {
        const visible = new Set(
          (view.cellAddresses as unknown[][]).flat().map((a) => parseAddress(String(a)).row),
        );
        out.hiddenRows = [];
        for (let r = block.row; r < block.row + block.rowCount; r++)
          if (!visible.has(r)) out.hiddenRows.push(r + 1);
      } else if (!probes.visibleRows) out.hiddenRows = [];
      if (merges) out.merges = merges();
      return out;
    });
  }

  async countNonEmpty(source: SourceBlock, placements: readonly ColumnPlacement[]): Promise<number> {
    const runs = contiguousRuns(placements);
    const rowCount = source.rows.length + 1;
    // The first read also looks at the sheet's protection and at merged cells where the output goes:
    // either is refused here, before anything is written (portable mode writes its reference sheet
    // before the columns) and before the user is asked to replace anything.
    let first = true;
    const scope = outputScope(source, placements);
    let count = 0;
    for (const run of runs) {
      const readRows = readChunkRows(run.items.length);
      for (let start = 0; start < rowCount; start += readRows) {
        const n = Math.min(readRows, rowCount - start);
        const read = await this.readBlock(
          source.sheet,
          { row: source.startRow + start, column: run.start, rowCount: n, columnCount: run.items.length },
          first ? { protection: true, ...(scope ? { merges: scope } : {}) } : {},
        );
        first = false;
        if (read.protected) throw new GatewayError("protected", source.sheet);
        const merged = mergesInOutput(read.merges ?? [], source, placements);
        if (merged.length > 0) throw new GatewayError("merged", merged.join(", "));
        for (const row of read.values) for (const cell of row) if (!isEmptyCell(cell)) count++;
      }
    }
    return count;
  }

  async writeColumns(
    source: SourceBlock,
    placements: readonly ColumnPlacement[],
    columns: readonly OutputColumn[],
    options: WriteOptions,
  ): Promise<WriteOutcome> {
    const chunk = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const total = source.rows.length;
    const suspend = this.supports("1.6");
    const named = this.supports("1.4");
    const indexed = placements.map((p, i) => ({ ...p, output: columns[i] }));
    const runs = contiguousRuns(indexed);
    let batches = 0;
    let done = 0;
    // Someone editing the register meanwhile (another window, a co-author) stops the write before
    // its next chunk: the rows left were computed from data that is no longer there.
    let editedCell: string | undefined;
    const unwatch = this.supports("1.7")
      ? await this.office.watchSheet(source.sheet, (address) => {
          if (touchesInput(source, placements, address)) editedCell ??= address;
        })
      : undefined;
    const stopped = (): WriteOutcome | undefined =>
      interruption({ rowsWritten: done, batches }, editedCell, options.signal?.aborted === true);

    try {
      // Headers (and new table columns) first, once the sheet is known not to be protected and the
      // target cells not to hold part of a merge (Excel refuses that write): either gets nothing
      // written rather than a half-written block. Merges may have been made since countNonEmpty.
      await this.runProbed(async (context, probes) => {
        const sheet = context.workbook.worksheets.getItem(source.sheet);
        const protection = sheet.protection.load("protected");
        const scope = outputScope(source, placements);
        const merges = probes && scope ? this.probeMerges(sheet.getRange(mergeScope(scope))) : undefined;
        await syncProbed(context, merges !== undefined);
        if (protection.protected) throw new GatewayError("protected", source.sheet);
        const merged = mergesInOutput(merges?.() ?? [], source, placements);
        if (merged.length > 0) throw new GatewayError("merged", merged.join(", "));
        if (source.table) {
          const table = context.workbook.tables.getItem(source.table.name);
          for (const p of indexed) {
            if (p.existing) continue;
            if (named) table.columns.add(undefined, undefined, p.output?.header ?? p.header);
            else table.columns.add();
          }
        }
        for (const run of runs) {
          sheet.getRange(blockAddress(source.startRow, run.start, 1, run.items.length)).values = [
            run.items.map((p) => p.output?.header ?? p.header),
          ];
        }
        await context.sync();
      });
      batches++;

      for (let start = 0; start < total; start += chunk) {
        const stop = stopped();
        if (stop) return stop;
        const end = Math.min(total, start + chunk);
        await this.office.run(async (context) => {
          if (suspend) context.workbook.application.suspendApiCalculationUntilNextSync();
          const sheet = context.workbook.worksheets.getItem(source.sheet);
          for (const run of runs) {
            const block: Cell[][] = [];
            for (let r = start; r < end; r++) block.push(run.items.map((p) => toCell(p.output?.cells[r])));
            const range = sheet.getRange(
              blockAddress(source.startRow + 1 + start, run.start, end - start, run.items.length),
            );
            if (options.mode === "formulas") range.formulas = block;
            else range.values = block;
          }
          // One Excel.run per chunk (not a sync per loop turn inside one batch): the rule's concern does not apply.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        });
        batches++;
        done = end;
        options.onProgress?.({ rowsDone: done, rowsTotal: total, phase: "values" });
      }

      for (let start = 0; start < total; start += chunk) {
        const stop = stopped();
        if (stop) return stop;
        const end = Math.min(total, start + chunk);
        await this.office.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(source.sheet);
          for (const run of runs) {
            const formats = run.items.map((p) => p.output?.numberFormat ?? "General");
            const block: string[][] = [];
            for (let r = start; r < end; r++) block.push(formats);
            sheet.getRange(
              blockAddress(source.startRow + 1 + start, run.start, end - start, run.items.length),
            ).numberFormat = block;
          }
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        });
        batches++;
        options.onProgress?.({ rowsDone: end, rowsTotal: total, phase: "formats" });
      }

      if (suspend && total > 0) {
        // Calculation was suspended during the writes: recalculate once so dependants are up to date.
        await this.office.run(async (context) => {
          context.workbook.application.calculate("Recalculate");
          await context.sync();
        });
      }
      return stopped() ?? { rowsWritten: done, cancelled: false, batches };
    } finally {
      await unwatch?.();
    }
  }

  async selectColumns(source: SourceBlock, placements: readonly ColumnPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    const first = Math.min(...placements.map((p) => p.column));
    const last = Math.max(...placements.map((p) => p.column));
    await this.office.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(source.sheet);
      sheet.activate();
      sheet.getRange(blockAddress(source.startRow, first, source.rows.length + 1, last - first + 1)).select();
      await context.sync();
    });
  }

  /**
   * Custom-formula conditional formats (ExcelApi 1.6): the rules' ranges are cleared first, so a
   * second Apply replaces them. The formulas test result and input cells only, never a custom function.
   */
  async addConditionalFormats(rules: readonly HighlightRule[]): Promise<boolean> {
    if (!this.supports("1.6")) return false;
    if (rules.length === 0) return true;
    await this.office.run(async (context) => {
      const ranges = rules.map((rule) =>
        context.workbook.worksheets
          .getItem(rule.sheet)
          .getRange(blockAddress(rule.row, rule.column, rule.rowCount, rule.columnCount)),
      );
      const cleared = new Set<string>();
      rules.forEach((rule, i) => {
        const key = `${rule.sheet}!${blockAddress(rule.row, rule.column, rule.rowCount, rule.columnCount)}`;
        if (!cleared.has(key)) ranges[i]?.conditionalFormats.clearAll();
        cleared.add(key);
      });
      rules.forEach((rule, i) => {
        const format = ranges[i]?.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        if (!format) return;
        format.custom.rule.formula = highlightFormula(rule);
        format.custom.format.fill.color = rule.fill;
      });
      await context.sync();
    });
    return true;
  }

  /** The active cell: `getActiveCell` (ExcelApi 1.7), else the selection's top-left cell. */
  async activeCell(): Promise<CellRef> {
    return this.office.run(async (context) => {
      const range = this.supports("1.7")
        ? context.workbook.getActiveCell()
        : context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      const parsed = parseAddress(range.address);
      if (parsed.sheet === undefined) throw new GatewayError("no-selection");
      return { sheet: parsed.sheet, row: parsed.row, column: parsed.column };
    });
  }

  async addSheet(name: string): Promise<string> {
    return this.office.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const unique = uniqueSheetName(
        name,
        sheets.items.map((w) => w.name),
      );
      sheets.add(unique);
      await context.sync();
      return unique;
    });
  }

  async addNote(sheet: string, row: number, column: number, text: string): Promise<boolean> {
    const address = `${quoteSheet(sheet)}!${blockAddress(row, column)}`;
    if (this.supports("1.18")) {
      await this.office.run(async (context) => {
        // A second Apply replaces its note rather than failing on an existing one.
        const existing = context.workbook.notes.getItemOrNullObject(address);
        await context.sync();
        if (!existing.isNullObject) existing.delete();
        context.workbook.notes.add(address, text);
        await context.sync();
      });
      return true;
    }
    if (!this.supports("1.10")) return false;
    try {
      await this.office.run(async (context) => {
        context.workbook.comments.getItemByCell(address).delete();
        await context.sync();
      });
    } catch {
      // No comment there yet: nothing to replace.
    }
    await this.office.run(async (context) => {
      context.workbook.comments.add(address, text);
      await context.sync();
    });
    return true;
  }

  async resetSheet(name: string): Promise<void> {
    await this.office.run(async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (found.isNullObject) context.workbook.worksheets.add(name);
      else found.getRange().clear("Contents");
      await context.sync();
    });
  }

  /** Values, number formats, then bold cells, in one request (report sheets are small). */
  async writeMatrix(sheet: string, matrix: readonly (readonly MatrixCell[])[]): Promise<void> {
    const width = Math.max(1, ...matrix.map((line) => line.length));
    if (matrix.length === 0) return;
    await this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const range = ws.getRange(blockAddress(0, 0, matrix.length, width));
      const pad = <T>(line: readonly T[], fill: T): T[] => [
        ...line,
        ...Array.from({ length: width - line.length }, () => fill),
      ];
      // Through `formulas`, so a text starting with "=" is a formula and constants stay constants.
      range.formulas = matrix.map((line) =>
        pad(
          line.map((c) => toCell(c.value)),
          "",
        ),
      );
      range.numberFormat = matrix.map((line) =>
        pad(
          line.map((c) => c.numberFormat ?? "General"),
          "General",
        ),
      );
      matrix.forEach((line, r) =>
        line.forEach((c, k) => {
          if (c.bold) ws.getRange(blockAddress(r, k)).format.font.bold = true;
        }),
      );
      await context.sync();
    });
  }
}

/** The smallest block holding every output column's cells (header row included); undefined without columns. */
function outputScope(source: SourceBlock, placements: readonly ColumnPlacement[]): SheetBlock | undefined {
  if (placements.length === 0) return undefined;
  const first = Math.min(...placements.map((p) => p.column));
  const last = Math.max(...placements.map((p) => p.column));
  return {
    row: source.startRow,
    column: first,
    rowCount: source.rows.length + 1,
    columnCount: last - first + 1,
  };
}

/** A cell to hand to Excel: null and undefined become "" (Excel's empty cell), never `undefined`. */
function toCell(value: CellValue | undefined): Cell {
  return value === null || value === undefined ? "" : value;
}
