import { highlightFormula } from "../write";
import { blockAddress, blocksIntersect, type CellValue, type SheetBlock } from "../cells";
import type { MemoryWorkbook } from "../workbook/memory-workbook";
import type { ScratchCells, ScratchFormat, ScratchNote, ScratchWorkbook } from "./scratch";

/**
 * The self-test's scratch operations on the in-memory workbook (the preview outside Excel, and the
 * tests): the workbook's own methods, as a user's actions in Excel would change it.
 */
export class MemoryScratch implements ScratchWorkbook {
  constructor(readonly workbook: MemoryWorkbook) {}

  async sheetNames(): Promise<string[]> {
    return this.workbook.sheetNames();
  }

  async selection(): Promise<{ sheet: string; block: SheetBlock } | undefined> {
    const wb = this.workbook;
    if (wb.activeSheet === "" || wb.selectionAreas.length > 1) return undefined;
    return { sheet: wb.activeSheet, block: { ...wb.selection } };
  }

  async select(sheet: string, block: SheetBlock): Promise<void> {
    this.workbook.select(sheet, { ...block });
  }

  async hideRows(sheet: string, row: number, count: number): Promise<boolean> {
    this.workbook.hideRows(
      sheet,
      Array.from({ length: count }, (_, k) => row + k),
    );
    return true;
  }

  async merge(sheet: string, block: SheetBlock): Promise<boolean> {
    this.workbook.merge(sheet, { ...block });
    return true;
  }

  async filter(sheet: string, block: SheetBlock, column: number, hide: string): Promise<boolean> {
    this.workbook.setAutoFilter(sheet, { ...block }, (row) => String(row[column] ?? "") !== hide);
    return true;
  }

  async formatCell(sheet: string, row: number, column: number, numberFormat: string): Promise<void> {
    this.workbook.setNumberFormat(sheet, row, column, numberFormat);
  }

  async edit(sheet: string, row: number, column: number, value: CellValue): Promise<void> {
    this.workbook.edit(sheet, row, column, value);
  }

  async read(sheet: string, block: SheetBlock): Promise<ScratchCells> {
    const wb = this.workbook;
    const grid = <T>(at: (row: number, column: number) => T): T[][] =>
      Array.from({ length: block.rowCount }, (_, r) =>
        Array.from({ length: block.columnCount }, (_, c) => at(block.row + r, block.column + c)),
      );
    return {
      values: wb.values(sheet, block),
      formulas: grid((r, c) => {
        const cell = wb.cell(sheet, r, c);
        return cell?.formula ?? cell?.value ?? "";
      }),
      numberFormats: grid((r, c) => wb.cell(sheet, r, c)?.numberFormat ?? "General"),
    };
  }

  async conditionalFormats(sheet: string, block: SheetBlock): Promise<readonly ScratchFormat[]> {
    return this.workbook.conditionalFormats
      .filter((rule) => rule.sheet === sheet && blocksIntersect(rule, block))
      .map((rule) => ({ formula: highlightFormula(rule), fill: rule.fill }));
  }

  async noteAt(sheet: string, row: number, column: number): Promise<ScratchNote | undefined> {
    const key = `${sheet}!${blockAddress(row, column)}`;
    const note = this.workbook.notes.get(key);
    if (note !== undefined) return { kind: "note", text: note };
    const comment = this.workbook.comments.get(key);
    return comment !== undefined ? { kind: "comment", text: comment } : undefined;
  }

  /** The in-memory workbook computes no formula: it answers from the date system it holds. */
  async dateProbe(): Promise<CellValue> {
    return this.workbook.date1904 ? 0 : 1462;
  }

  async deleteSheet(name: string): Promise<void> {
    this.workbook.deleteSheet(name);
  }
}
