import type { DateSystem } from "../functions/arguments";
import type { RuntimeHost } from "../functions/host";
import type { TermsStore } from "../storage";
import { patientOfficeHost, type ExcelHost } from "./excel-host";
import { officeTermsStore } from "./terms-store";

/**
 * The function runtime's host effects in Excel, every request patient of a cell edit (cell-edit.ts):
 * - the date system: Office.js does not expose it; DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in
 *   the 1900 system (the pane probes the same way, office-io.ts);
 * - the workbook's stored terms, read at start before any function answers (functions/host.ts);
 * - recalculating the CGV cells after their terms change: custom functions are not volatile, so only
 *   cells marked dirty compute again. `Worksheet.calculate(true)` (ExcelApi 1.6) marks and calculates
 *   this workbook's sheets only; `Application.calculate(Full)` recalculates "all currently opened
 *   workbooks" (its reference), so it is used only without 1.6.
 */
export function officeRuntimeHost(
  host: ExcelHost = patientOfficeHost,
  terms: TermsStore | undefined = officeTermsStore(),
): RuntimeHost {
  let displayLanguage: string | undefined;
  try {
    displayLanguage = Office.context.displayLanguage;
  } catch {
    displayLanguage = undefined;
  }
  const supports = (version: string): boolean => {
    try {
      return host.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  return {
    displayLanguage,
    terms,
    probeDateSystem: () =>
      host.run(async (context): Promise<DateSystem> => {
        const probe = context.workbook.functions.date(1904, 1, 1);
        probe.load("value");
        await context.sync();
        return probe.value === 0 ? 1904 : 1900;
      }),
    recalculate: () =>
      host.run(async (context) => {
        if (supports("1.6")) {
          const sheets = context.workbook.worksheets.load("items/name");
          await context.sync();
          for (const sheet of sheets.items) sheet.calculate(true);
        } else context.workbook.application.calculate("Full");
        await context.sync();
      }),
  };
}
