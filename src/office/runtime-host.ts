import type { DateSystem } from "../functions/arguments";
import type { RuntimeHost } from "../functions/host";

/**
 * The function runtime's host effects in Excel. Office.js does not expose the date system:
 * DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in the 1900 system (the pane probes the same way,
 * src/excel/excel-gateway.ts). Custom functions are not volatile, so only a full calculation
 * computes them again after their terms change.
 */
export function officeRuntimeHost(): RuntimeHost {
  let displayLanguage: string | undefined;
  try {
    displayLanguage = Office.context.displayLanguage;
  } catch {
    displayLanguage = undefined;
  }
  return {
    displayLanguage,
    probeDateSystem: () =>
      Excel.run(async (context): Promise<DateSystem> => {
        const probe = context.workbook.functions.date(1904, 1, 1);
        probe.load("value");
        await context.sync();
        return probe.value === 0 ? 1904 : 1900;
      }),
    recalculate: () =>
      Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        await context.sync();
      }),
  };
}
