import type { Language } from "../engine";
import { languageOfDisplay } from "../functions/host";
import { DEFAULT_PATIENCE, whileEditing, type CellEditPatience, type CellEditRecord } from "./cell-edit";

/** `Excel.run`'s options the add-in uses (Excel.RunOptions). */
export interface ExcelRunOptions {
  /** Excel holds the batch while a cell is being edited instead of refusing it (ExcelApi 1.11). */
  readonly delayForCellEdit?: boolean;
}

/**
 * What the Office.js host needs from Office: `Excel.run`, the requirement-set check and the two
 * events. Injected so that it runs against a fake of the Excel object model in tests.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: ExcelRunOptions): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * Calls `onChange` with the address of every change made to a sheet (worksheet onChanged, ExcelApi
   * 1.7) until the returned function is called.
   */
  watchSheet(sheet: string, onChange: (address: string) => void): Promise<() => Promise<void>>;
  /** Calls `onChange` with the name of every sheet activated (onActivated, ExcelApi 1.7). */
  watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>>;
}

/** Removes an event handler in the context it was added in (as Office.js requires). */
function remover(handler: OfficeExtension.EventHandlerResult<unknown>): () => Promise<void> {
  return () =>
    Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
}

/** `Excel.run` with its options where some are given (Excel.run(options, batch), ExcelApi 1.11). */
function excelRun<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: ExcelRunOptions,
): Promise<T> {
  return options?.delayForCellEdit ? Excel.run(options, batch) : Excel.run(batch);
}

/** Office.js itself, every batch as given: `patientHost` adds what a cell edit needs. */
export const officeExcelHost: ExcelHost = {
  run: excelRun,
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  watchSheet: async (sheet, onChange) => {
    const handler = await Excel.run(async (context) => {
      const registered = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => {
        onChange(event.address);
      });
      await context.sync();
      return registered;
    });
    return remover(handler);
  },
  watchActiveSheet: async (onChange) => {
    const handler = await Excel.run(async (context) => {
      const registered = context.workbook.worksheets.onActivated.add(async (event) => {
        // Told while a cell may be edited (a sheet activated from the keyboard): held until it ends.
        await excelRun(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(event.worksheetId).load("name");
          await ctx.sync();
          onChange(ws.name);
        }, delayWhereSupported(officeExcelHost));
      });
      await context.sync();
      return registered;
    });
    return remover(handler);
  },
};

/** `delayForCellEdit` where the host claims ExcelApi 1.11, nothing otherwise (Excel ignores it there). */
function delayWhereSupported(host: Pick<ExcelHost, "isSetSupported">): ExcelRunOptions | undefined {
  try {
    return host.isSetSupported("ExcelApi", "1.11") ? { delayForCellEdit: true } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The host with every request made patient of a cell edit (cell-edit.ts): run with `delayForCellEdit`
 * where Excel has it, and run again for a bounded time where a request is refused for an edit anyway.
 */
export function patientHost(
  host: ExcelHost,
  patience: CellEditPatience = DEFAULT_PATIENCE,
  record?: CellEditRecord,
): ExcelHost {
  return {
    run: (batch, options) =>
      whileEditing(() => host.run(batch, { ...options, ...delayWhereSupported(host) }), patience, record),
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    watchSheet: (sheet, onChange) => whileEditing(() => host.watchSheet(sheet, onChange), patience, record),
    watchActiveSheet: (onChange) => whileEditing(() => host.watchActiveSheet(onChange), patience, record),
  };
}

/** Excel's display language, for the sentences of a request given up on. */
function officeLanguage(): Language {
  try {
    return languageOfDisplay(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
  } catch {
    return "en";
  }
}

/** The patience of the add-in's requests in Office: the default bounds, sentences in Excel's language. */
export const OFFICE_PATIENCE: CellEditPatience = { ...DEFAULT_PATIENCE, language: officeLanguage };

/** What every patient Office host of this page has met so far (the self-test reports it). */
export const CELL_EDIT_RECORD: CellEditRecord = { retried: 0, recovered: 0, gaveUp: 0 };

/** Office.js with the add-in's patience: what the terms store and the functions' runtime run on. */
export const patientOfficeHost: ExcelHost = patientHost(officeExcelHost, OFFICE_PATIENCE, CELL_EDIT_RECORD);
