import { SHIPPED_REGISTRY, type Language } from "../engine";
import { loadWorkbookTerms, restoreState, type TermsStore } from "../storage";
import type { DateSystem } from "./arguments";
import type { FunctionRuntime, RuntimeChange } from "./runtime";
import type { Timers } from "./start-gate";
import { reasonOf, RUNTIME_TEXT } from "./text";

/**
 * What a function runtime needs from the host it runs in (Excel), as injected effects: the display
 * language, the workbook's date system, its stored terms, and a way to have the CGV cells computed
 * again. The Office implementation is src/office/runtime-host.ts; tests pass a fake.
 */
export interface RuntimeHost {
  /** The host's display language ("fr-FR"), when it has one. */
  readonly displayLanguage?: string | undefined;
  /** 1904 when the workbook uses the 1904 date system. */
  probeDateSystem(): Promise<DateSystem>;
  /** Where the workbook's terms are stored (custom XML part or document settings); none: nothing to load. */
  readonly terms?: TermsStore | undefined;
  /** Recalculates this workbook's formulas, custom functions included. */
  recalculate(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Longest time the first answers wait for the terms and the date system (default 30 s: past the
   * 20 s a request may wait out a cell edit, src/office/cell-edit.ts).
   */
  readonly maxWaitMs?: number;
  readonly timers?: Timers;
}

export const START_WAIT_MS = 30_000;

/** French for a French display language (fr-FR, fr-CA…), English otherwise. */
export function languageOfDisplay(display: string | undefined): Language {
  return typeof display === "string" && display.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** Changes after which CGV cells may hold other values: anything but the language of messages. */
const RESULT_CHANGES: readonly RuntimeChange[] = ["registry", "settings", "dateSystem"];

/**
 * Connects a runtime to its host: messages in the host's language; the workbook's date system probed
 * and its stored terms read and restored (as the pane restores them) before any function answers —
 * the answers wait (start-gate.ts), so the first ones are right and nothing needs recalculating; then,
 * whenever terms or the date system change (a vendor edited in the pane, rate rows added), the host
 * asked to recalculate so that the CGV cells show the new figures. What fails is said to the user
 * through the runtime's notices, and `report` hears it. Returns the function that disconnects.
 */
export function connectRuntime(
  runtime: FunctionRuntime,
  host: RuntimeHost,
  report: (error: unknown) => void = () => undefined,
  options: ConnectOptions = {},
): () => void {
  if (host.displayLanguage !== undefined) runtime.update({ lang: languageOfDisplay(host.displayLanguage) });
  const stop = runtime.onChange((changed) => {
    // While the first answers wait, no cell shows other terms (Excel does not compute non-volatile
    // custom functions when a workbook opens: its cells keep the values its own terms gave), unless
    // some answer was given without them (the wait ran out).
    if (!changed.some((c) => RESULT_CHANGES.includes(c))) return;
    if (!runtime.start.isOpen && !runtime.start.answeredWithoutTerms) return;
    host.recalculate().then(
      () => runtime.setNotice("recalculation-failed", undefined),
      (error: unknown) => {
        runtime.setNotice("recalculation-failed", RUNTIME_TEXT.recalculationFailed(reasonOf(error)));
        report(error);
      },
    );
  });
  const probed = runtime.probeDateSystem(() => host.probeDateSystem());
  const loaded = loadStoredTerms(runtime, host.terms);
  runtime.start.hold(Promise.all([probed, loaded]), options.maxWaitMs ?? START_WAIT_MS, options.timers);
  return stop;
}

/**
 * Reads the workbook's stored terms and hands the runtime what restoring them gives (the pane's
 * `restoreState`, shipped vendors and no choice made: the stored profile stands until the user
 * decides). A failure leaves the shipped terms and a notice that says why. Never rejects.
 */
async function loadStoredTerms(runtime: FunctionRuntime, store: TermsStore | undefined): Promise<void> {
  if (!store) {
    // A host with nowhere to store terms has none to load.
    runtime.start.termsSettled("none-stored");
    return;
  }
  runtime.start.termsLoading();
  try {
    const loaded = await loadWorkbookTerms(store);
    if (loaded.state === undefined) {
      runtime.start.termsSettled("none-stored");
    } else {
      const restored = restoreState(loaded.state, { shipped: SHIPPED_REGISTRY });
      runtime.update({ registry: restored.registry, settings: restored.settings });
      runtime.start.termsSettled("loaded");
    }
    runtime.setNotice("terms-not-loaded", undefined);
  } catch (error) {
    const notice = RUNTIME_TEXT.termsNotLoaded(reasonOf(error));
    runtime.start.termsSettled("failed", reasonOf(error));
    runtime.setNotice("terms-not-loaded", notice);
  }
}
