import type { Language } from "../engine";
import type { DateSystem } from "./arguments";
import type { FunctionRuntime, RuntimeChange } from "./runtime";

/**
 * What a function runtime needs from the host it runs in (Excel), as injected effects: the display
 * language, the workbook's date system, and a way to have the CGV cells computed again. The Office
 * implementation is office-host.ts; tests pass a fake.
 */
export interface RuntimeHost {
  /** The host's display language ("fr-FR"), when it has one. */
  readonly displayLanguage?: string | undefined;
  /** 1904 when the workbook uses the 1904 date system. */
  probeDateSystem(): Promise<DateSystem>;
  /** Recalculates the workbook's formulas, custom functions included. */
  recalculate(): Promise<void>;
}

/** French for a French display language (fr-FR, fr-CA…), English otherwise. */
export function languageOfDisplay(display: string | undefined): Language {
  return typeof display === "string" && display.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** Changes after which CGV cells may hold other values: anything but the language of messages. */
const RESULT_CHANGES: readonly RuntimeChange[] = ["registry", "settings", "dateSystem"];

/**
 * Connects a runtime to its host: messages in the host's language, the workbook's date system probed
 * once, and, whenever terms or the date system change (stored vendors restored, rate rows added, a
 * 1904 workbook found), the host asked to recalculate so that the CGV cells show the new figures.
 * Returns the function that disconnects. `report` hears a failed recalculation.
 */
export function connectRuntime(
  runtime: FunctionRuntime,
  host: RuntimeHost,
  report: (error: unknown) => void = () => undefined,
): () => void {
  if (host.displayLanguage !== undefined) runtime.update({ lang: languageOfDisplay(host.displayLanguage) });
  const stop = runtime.onChange((changed) => {
    if (changed.some((c) => RESULT_CHANGES.includes(c))) host.recalculate().catch(report);
  });
  void runtime.probeDateSystem(() => host.probeDateSystem());
  return stop;
}
