import { blockAddress, parseAddress, quoteSheet, type CellValue, type SheetBlock } from "../cells";
import type { CellEditPatience } from "./cell-edit";
import {
  CELL_EDIT_RECORD,
  OFFICE_PATIENCE,
  officeExcelHost,
  patientHost,
  type ExcelHost,
} from "./excel-host";
import type { ScratchCells, ScratchFormat, ScratchNote, ScratchWorkbook } from "../selftest/scratch";

/**
 * The self-test's scratch operations on Office.js: one `Excel.run` each, every optional object looked
 * at before it is used (a host file may lack what its Excel claims, issue 14), and the requirement set
 * of each layout checked first (a missing one answers false: the step then expects nothing of it).
 */
export class OfficeScratch implements ScratchWorkbook {
  private readonly office: ExcelHost;

  constructor(office: ExcelHost = officeExcelHost, patience: CellEditPatience = OFFICE_PATIENCE) {
    // The self-test's requests wait out a cell edit as the add-in's own do.
    this.office = patientHost(office, patience, CELL_EDIT_RECORD);
  }

  private supports(version: string): boolean {
    try {
      return this.office.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  sheetNames(): Promise<string[]> {
    return this.office.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((w) => w.name);
    });
  }

  async selection(): Promise<{ sheet: string; block: SheetBlock } | undefined> {
    try {
      return await this.office.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        const parsed = parseAddress(range.address);
        if (parsed.sheet === undefined) return undefined;
        const { sheet, ...block } = parsed;
        return { sheet, block };
      });
    } catch {
      // Several areas selected (getSelectedRange refuses them), or a chart: nothing to put back.
      return undefined;
    }
  }

  async select(sheet: string, block: SheetBlock): Promise<void> {
    await this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address(block)).select();
      await context.sync();
    });
  }

  async hideRows(sheet: string, row: number, count: number): Promise<boolean> {
    if (!this.supports("1.2")) return false;
    return this.office.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(blockAddress(row, 0, count, 1));
      // Setting rowHidden on a range hides its whole rows (Range.rowHidden, ExcelApi 1.2).
      if (!("rowHidden" in range)) return false;
      range.rowHidden = true;
      await context.sync();
      return true;
    });
  }

  async merge(sheet: string, block: SheetBlock): Promise<boolean> {
    if (!this.supports("1.2")) return false;
    return this.office.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address(block));
      if (!has(range, "merge")) return false;
      range.merge(false);
      await context.sync();
      return true;
    });
  }

  async filter(sheet: string, block: SheetBlock, column: number, hide: string): Promise<boolean> {
    if (!this.supports("1.9")) return false;
    return this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const autoFilter = member<Excel.AutoFilter>(ws, "autoFilter");
      if (!autoFilter || !has(autoFilter, "apply")) return false;
      autoFilter.apply(ws.getRange(address(block)), column, { filterOn: "Custom", criterion1: `<>${hide}` });
      await context.sync();
      return true;
    });
  }

  async formatCell(sheet: string, row: number, column: number, numberFormat: string): Promise<void> {
    await this.office.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(blockAddress(row, column)).numberFormat = [
        [numberFormat],
      ];
      await context.sync();
    });
  }

  async edit(sheet: string, row: number, column: number, value: CellValue): Promise<void> {
    await this.office.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(blockAddress(row, column)).values = [[value]];
      await context.sync();
    });
  }

  read(sheet: string, block: SheetBlock): Promise<ScratchCells> {
    return this.office.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address(block));
      range.load("values,formulas,numberFormat");
      await context.sync();
      return {
        values: range.values as CellValue[][],
        formulas: range.formulas as CellValue[][],
        numberFormats: range.numberFormat as string[][],
      };
    });
  }

  async conditionalFormats(sheet: string, block: SheetBlock): Promise<readonly ScratchFormat[] | undefined> {
    if (!this.supports("1.6")) return undefined;
    return this.office.run(async (context) => {
      const formats = context.workbook.worksheets.getItem(sheet).getRange(address(block)).conditionalFormats;
      formats.load("items/type");
      await context.sync();
      const custom = formats.items.filter((f) => f.type === "Custom");
      for (const f of custom) {
        f.custom.rule.load("formula");
        f.custom.format.fill.load("color");
      }
      await context.sync();
      return custom.map((f) => ({ formula: f.custom.rule.formula, fill: f.custom.format.fill.color }));
    });
  }

  async noteAt(sheet: string, row: number, column: number): Promise<ScratchNote | undefined> {
    const at = `${quoteSheet(sheet)}!${blockAddress(row, column)}`;
    if (this.supports("1.18")) {
      const note = await this.office.run(async (context) => {
        const notes = (context.workbook as { notes?: Excel.NoteCollection }).notes;
        if (!notes || typeof notes.getItemOrNullObject !== "function") return undefined;
        const item = notes.getItemOrNullObject(at);
        item.load("content");
        await context.sync();
        return item.isNullObject ? undefined : item.content;
      });
      if (note !== undefined) return { kind: "note", text: note };
    }
    if (!this.supports("1.10")) return undefined;
    try {
      return await this.office.run(async (context) => {
        const comments = (context.workbook as { comments?: Excel.CommentCollection }).comments;
        if (!comments || typeof comments.getItemByCell !== "function") return undefined;
        const item = comments.getItemByCell(at);
        item.load("content");
        await context.sync();
        return { kind: "comment" as const, text: item.content };
      });
    } catch {
      // getItemByCell fails its request when the cell has no comment (ItemNotFound).
      return undefined;
    }
  }

  dateProbe(sheet: string, row: number, column: number): Promise<CellValue> {
    return this.office.run(async (context) => {
      const cell = context.workbook.worksheets.getItem(sheet).getRange(blockAddress(row, column));
      cell.formulas = [["=DATE(1904,1,1)"]];
      await context.sync();
      // Read in a second request: the formula has been calculated by then.
      cell.load("values");
      await context.sync();
      return (cell.values as CellValue[][])[0]?.[0] ?? null;
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (ws.isNullObject) return;
      ws.delete();
      await context.sync();
    });
  }
}

/** Whether an object has a member (a host file may lack what its Excel claims): read without a load. */
function has(object: unknown, member: string): boolean {
  if (object === null || object === undefined) return false;
  const value = (object as Record<string, unknown>)[member];
  return value !== undefined && value !== null;
}

/** A navigation member, or undefined where the host file lacks it. */
function member<T>(object: unknown, name: string): T | undefined {
  return has(object, name) ? ((object as Record<string, unknown>)[name] as T) : undefined;
}

const address = (b: SheetBlock): string => blockAddress(b.row, b.column, b.rowCount, b.columnCount);
