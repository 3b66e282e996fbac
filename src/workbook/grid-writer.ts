import type { CellValue } from "../cells";
import { REFERENCE_NUMBER_FORMATS, type ReferenceSheet } from "../portable";
import type { SheetLayout } from "../reports";
import { GatewayError, type MatrixCell, type MatrixWritten } from "./gateway";
import { jsonBytes, sendSized } from "./request-size";
import type { SheetIO, WriteOp } from "./sheet-io";

/**
 * Writing cells from a corner of a sheet in requests sized by bytes: a grid of cells (formulas where
 * "=…"), their number formats and bold cells, and a report sheet's layout (column widths, wrapped
 * columns, row heights, then the print setup on its own).
 */

/** A cell to hand to a host: null and undefined become "" (Excel's empty cell), never `undefined`. */
export function toCell(value: CellValue | undefined): CellValue {
  return value === null || value === undefined ? "" : value;
}

export class GridWriter {
  constructor(
    private readonly io: SheetIO,
    /** Bytes one request may carry. */
    private readonly budget: number,
  ) {}

  /** Writes a grid from `row`, `column` of a sheet in requests sized by bytes: cells (formulas where "=…"), formats, bold cells. */
  async writeGrid(
    sheet: string,
    at: { readonly row: number; readonly column: number },
    grid: {
      readonly cells: readonly (readonly CellValue[])[];
      readonly formats?: readonly (readonly string[])[];
      readonly bold?: readonly (readonly boolean[])[];
    },
  ): Promise<void> {
    const { cells, formats, bold } = grid;
    const rowBytes = cells.map((line, r) => jsonBytes(line) + jsonBytes(formats?.[r]) + 2);
    await sendSized(
      0,
      cells.length,
      (s, c) => rowBytes.slice(s, s + c).reduce((a, b) => a + b, 0),
      async (s, c) => {
        const ops: WriteOp[] = [
          {
            kind: "cells",
            sheet,
            row: at.row + s,
            column: at.column,
            cells: cells.slice(s, s + c),
            as: "formulas",
          },
        ];
        if (formats)
          ops.push({
            kind: "formats",
            sheet,
            row: at.row + s,
            column: at.column,
            formats: formats.slice(s, s + c),
          });
        bold?.slice(s, s + c).forEach((line, r) =>
          line.forEach((b, k) => {
            if (b) ops.push({ kind: "bold", sheet, row: at.row + s + r, column: at.column + k });
          }),
        );
        await this.io.write(ops);
      },
      this.budget,
    );
  }

  /** The portable formulas' reference sheet, under its exact name (added, or emptied first). */
  async writeReferenceSheet(sheet: ReferenceSheet): Promise<void> {
    // The formulas name the sheet: it is written under that exact name, added or emptied.
    if ((await this.io.resetSheet(sheet.name)) === "protected")
      throw new GatewayError("protected", sheet.name);
    const width = Math.max(1, ...sheet.rows.map((line) => line.length));
    const cells: CellValue[][] = [];
    const formats: string[][] = [];
    // The title and the headings in bold, as the xlsx copy writes them (src/xlsx/reference-part.ts).
    const bold = sheet.rows.map((_, r) => new Array<boolean>(width).fill(r === 0 || r === sheet.headerRow));
    for (const line of sheet.rows) {
      const cellLine: CellValue[] = [];
      const formatLine: string[] = [];
      for (let c = 0; c < width; c++) {
        const cell = line[c];
        if (cell !== null && cell !== undefined && typeof cell === "object") {
          cellLine.push(`=${cell.formula.replace(/^=/, "")}`);
          formatLine.push(REFERENCE_NUMBER_FORMATS[cell.format]);
        } else {
          cellLine.push(toCell(cell));
          formatLine.push(
            typeof cell === "number" ? REFERENCE_NUMBER_FORMATS[sheet.columnFormats[c] ?? "text"] : "General",
          );
        }
      }
      cells.push(cellLine);
      formats.push(formatLine);
    }
    await this.writeGrid(sheet.name, { row: 0, column: 0 }, { cells, formats, bold });
    // Its widths, wrapped headings and print setup, as the xlsx copy gives them.
    const rowHeights: (number | undefined)[] = [];
    rowHeights[sheet.headerRow] = sheet.headerHeight;
    await this.layOut(sheet.name, cells.length, {
      columnWidths: sheet.columnWidths,
      wrapColumns: [],
      wrapRows: [sheet.headerRow],
      rowHeights,
      landscape: true,
      pagesTall: undefined,
    });
  }

  /** Values, number formats, then bold cells (report sheets); then the layout, if one is given. */
  async writeMatrix(
    sheet: string,
    matrix: readonly (readonly MatrixCell[])[],
    layout?: SheetLayout,
  ): Promise<MatrixWritten> {
    if (matrix.length === 0) return { printSetup: false };
    const width = Math.max(1, ...matrix.map((line) => line.length));
    const pad = <T>(line: readonly T[], fill: T): T[] => [
      ...line,
      ...Array.from({ length: width - line.length }, () => fill),
    ];
    await this.writeGrid(
      sheet,
      { row: 0, column: 0 },
      {
        cells: matrix.map((line) =>
          pad(
            line.map((c) => toCell(c.value)),
            "",
          ),
        ),
        formats: matrix.map((line) =>
          pad(
            line.map((c) => c.numberFormat ?? "General"),
            "General",
          ),
        ),
        bold: matrix.map((line) =>
          pad(
            line.map((c) => c.bold === true),
            false,
          ),
        ),
      },
    );
    return layout ? this.layOut(sheet, matrix.length, layout) : { printSetup: false };
  }

  /**
   * A report sheet's layout, as `echeance report` gives it with exceljs (src/cli/report.ts): column
   * widths and wrapped columns in one request (ExcelApi 1.2, wrapping 1.1), then the print setup in
   * its own (ExcelApi 1.9), so that a host refusing it leaves the written sheet and its widths alone.
   */
  private async layOut(sheet: string, rows: number, layout: SheetLayout): Promise<MatrixWritten> {
    const ops: WriteOp[] = [];
    if (this.io.supports("columnWidths") && layout.columnWidths.length > 0)
      ops.push({ kind: "columnWidths", sheet, column: 0, widths: layout.columnWidths });
    for (const column of layout.wrapColumns)
      ops.push({ kind: "wrap", sheet, row: 0, column, rowCount: rows, columnCount: 1 });
    const columns = Math.max(1, layout.columnWidths.length);
    for (const row of layout.wrapRows ?? [])
      ops.push({ kind: "wrap", sheet, row, column: 0, rowCount: 1, columnCount: columns });
    // Rows of wrapped text get their height: neither Excel nor LibreOffice grows them when printing.
    layout.rowHeights?.forEach((points, row) => {
      if (points !== undefined) ops.push({ kind: "rowHeight", sheet, row, points });
    });
    await this.io.write(ops);
    if (!this.io.supports("pageLayout")) return { printSetup: false };
    try {
      await this.io.write([
        {
          kind: "pageLayout",
          sheet,
          landscape: layout.landscape,
          pagesWide: 1,
          pagesTall: layout.pagesTall,
          ...(layout.titleRows ? { titleRows: layout.titleRows } : {}),
        },
      ]);
      return { printSetup: true };
    } catch {
      // The print setup is worth less than the report: the sheet stands, and the pane says so.
      return { printSetup: false };
    }
  }
}
