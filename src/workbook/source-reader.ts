import {
  blockAddress,
  blocksIntersect,
  parseAddress,
  sheetAddress,
  type CellValue,
  type SheetBlock,
} from "../cells";
import {
  GatewayError,
  type RegisterAt,
  type RegisterAtAnswer,
  type SourceBlock,
  type SourceKind,
} from "./gateway";
import { isPayloadTooLarge } from "./request-size";
import type { LocateQuery, Located, ReadAnswer, SheetIO } from "./sheet-io";

/**
 * Reading a register through a sheet I/O port: the block located from the selection, the active
 * cell's table or region (or a remembered place), then its values in requests sized by bytes, with
 * what the values do not show (hidden rows, a filter, merged cells). What a host lacks decides how it
 * is asked (`SheetIO.supports`); a request the host refuses for its size is made again in halves.
 */

/** The first read of a register is sized by cells (its rows' length is not known yet), the next ones by bytes. */
const FIRST_READ_CELLS = 50_000;
/** Excel reads at most 5,000,000 cells in a request; a fifth of it is plenty. */
const MAX_READ_CELLS = 1_000_000;

export class SourceReader {
  constructor(
    private readonly io: SheetIO,
    /** Bytes one request may carry. */
    private readonly budget: number,
  ) {}

  async readSource(kind: SourceKind): Promise<SourceBlock> {
    const io = this.io;
    const located = await io.locate({
      kind,
      anchor: io.supports("activeCell") ? "activeCell" : "selection",
      areas: io.supports("selectedAreas"),
      ...this.locatePolicy(),
    });
    if (!located.found) throw new GatewayError(located.reason === "multi-area" ? "multi-area" : "no-table");
    return this.readLocated(located, kind);
  }

  /**
   * A register Apply wrote, at the place the workbook's stored terms remember (« Tout recalculer »):
   * its Excel table, or its block on its sheet with the rows added under it since (the current region
   * around its first cell, ExcelApi 1.7; the remembered rows alone without it). Answers why not when
   * the sheet or the table is gone; other failures (a 1904 workbook, an empty block) throw as
   * `readSource` does.
   */
  async readRegisterAt(at: RegisterAt): Promise<RegisterAtAnswer> {
    let block: SheetBlock | undefined;
    if (at.table === undefined) {
      try {
        const a = parseAddress(at.range ?? "");
        block = { row: a.row, column: a.column, rowCount: a.rowCount, columnCount: a.columnCount };
      } catch {
        return { found: false, reason: "no-range" };
      }
    }
    const kind: SourceKind = at.table === undefined ? "region" : "table";
    const located = await this.io.locate({
      kind,
      anchor: "selection",
      areas: false,
      ...this.locatePolicy(),
      at: {
        sheet: at.sheet,
        ...(at.table !== undefined ? { table: at.table } : {}),
        ...(block ? { block } : {}),
      },
    });
    if (!located.found)
      return { found: false, reason: located.reason === "no-sheet" ? "no-sheet" : "no-table" };
    return { found: true, source: await this.readLocated(located, kind) };
  }

  /** How the host is asked to find a block: what it lacks decides (the region, the table, the probes). */
  private locatePolicy(): Pick<LocateQuery, "region" | "table" | "probes"> {
    const io = this.io;
    return {
      region: io.supports("surroundingRegion") ? "surrounding" : "used",
      table: io.supports("tablesAtCell") ? "atCell" : "firstOfSheet",
      probes: {
        hiddenRows: io.supports("hiddenRows"),
        filter: io.supports("filters"),
        merges: io.supports("merges"),
      },
    };
  }

  /** Reads the values (and what they do not show) of a block the host located. */
  private async readLocated(located: Located & { found: true }, kind: SourceKind): Promise<SourceBlock> {
    if (located.date1904) throw new GatewayError("date-1904");
    const { sheet, block } = located;
    if (block.rowCount < 1 || block.columnCount < 1) throw new GatewayError("empty-source");
    // The visible view is read only where some row is hidden: none of it otherwise.
    const someHidden = located.someHidden === true;
    const values: CellValue[][] = [];
    let hidden: number[] | undefined = [];
    await this.readRows(sheet, block, { hiddenRows: someHidden }, (answer) => {
      // One by one: a spread of a hundred thousand rows would overflow the call stack.
      for (const line of answer.values ?? []) values.push(line);
      // A chunk whose visible view could not be read leaves the hidden rows unknown: nothing is said.
      if (!someHidden) return;
      if (answer.hiddenRows === undefined) hidden = undefined;
      else for (const r of answer.hiddenRows) if (r > block.row) hidden?.push(r);
    });
    const [header = [], ...rows] = values;
    const merges = (located.merges ?? [])
      .filter((a) => blocksIntersect(a, block))
      .map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount));
    return {
      kind,
      sheet,
      address: sheetAddress(sheet, block.row, block.column, block.rowCount, block.columnCount),
      startRow: block.row,
      startColumn: block.column,
      headers: header.map((h) => (h === null ? "" : String(h))),
      rows,
      ...(located.table !== undefined ? { table: { name: located.table } } : {}),
      layout: {
        hiddenRows: (someHidden ? (hidden ?? []) : []).map((r) => r + 1),
        ...(located.filter ? { filter: located.filter } : {}),
        merges,
      },
    };
  }

  /**
   * Reads a block's values in requests sized by bytes: the first by a budget of cells, the next ones
   * by the bytes a row took so far. A request refused for its size is made again in halves.
   */
  async readRows(
    sheet: string,
    block: SheetBlock,
    extras: { readonly hiddenRows?: boolean },
    onPart: (answer: ReadAnswer) => void,
  ): Promise<void> {
    const maxRows = Math.max(1, Math.floor(MAX_READ_CELLS / block.columnCount));
    let perRequest = Math.max(1, Math.min(maxRows, Math.floor(FIRST_READ_CELLS / block.columnCount)));
    for (let start = 0; start < block.rowCount;) {
      const count = Math.min(perRequest, block.rowCount - start);
      const part = {
        row: block.row + start,
        column: block.column,
        rowCount: count,
        columnCount: block.columnCount,
      };
      const answer = await this.readInHalves(sheet, part, extras);
      onPart(answer);
      start += count;
      // Rows further down may be longer than those read so far: a tenth of the budget is kept aside.
      const perRow = answer.responseBytes / count;
      perRequest = Math.max(1, Math.min(maxRows, Math.floor((0.9 * this.budget) / Math.max(1, perRow))));
    }
  }

  private async readInHalves(
    sheet: string,
    block: SheetBlock,
    extras: { readonly hiddenRows?: boolean },
  ): Promise<ReadAnswer> {
    try {
      return await this.io.read({
        sheet,
        values: block,
        ...(extras.hiddenRows ? { hiddenRows: { ...block, columnCount: 1 } } : {}),
      });
    } catch (e) {
      if (!isPayloadTooLarge(e)) throw e;
      if (block.rowCount <= 1)
        throw new GatewayError(
          "too-large",
          sheetAddress(sheet, block.row, block.column, 1, block.columnCount),
        );
      const half = Math.ceil(block.rowCount / 2);
      const a = await this.readInHalves(sheet, { ...block, rowCount: half }, extras);
      const b = await this.readInHalves(
        sheet,
        { ...block, row: block.row + half, rowCount: block.rowCount - half },
        extras,
      );
      return {
        values: [...(a.values ?? []), ...(b.values ?? [])],
        ...(a.hiddenRows !== undefined && b.hiddenRows !== undefined
          ? { hiddenRows: [...a.hiddenRows, ...b.hiddenRows] }
          : {}),
        responseBytes: a.responseBytes + b.responseBytes,
      };
    }
  }
}
