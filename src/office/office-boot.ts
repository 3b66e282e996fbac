/**
 * How the pane learns where it runs, on evidence only (issue 14, item 5).
 *
 * taskpane.html loads office.js from Microsoft's CDN as a classic script in <head>, and the pane's
 * bundles are deferred: when taskpane.js runs, office.js has either run or failed to load (the
 * parser does not go past a classic script before it has loaded or errored). So:
 * - no `Office` global: office.js could not load (offline, blocked by a proxy or a filter) — the pane
 *   cannot reach any workbook and opens its preview at once, saying why;
 * - `Office.onReady` answering with no host: a browser outside Office — the preview;
 * - `Office.onReady` answering with a host: Office. However long it takes (a cold Excel start can take
 *   many seconds), the pane waits, shows a loading state, and never falls back to the demo workbook.
 */

/** The CDN reference Microsoft requires for add-ins in production (see taskpane.html). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export type OfficeStart =
  /** office.js did not load: no `Office` global once the page's scripts run. */
  | { readonly kind: "no-office-js" }
  /** office.js loaded and Office.onReady answered without a host: a browser outside Office. */
  | { readonly kind: "no-host" }
  /** Office.onReady answered with a host ("Excel"), and the platform ("PC", "Mac", "OfficeOnline"…). */
  | { readonly kind: "host"; readonly host: string; readonly platform: string | undefined }
  /** office.js is there but Office.onReady threw or rejected: inside or outside Office is unknown. */
  | { readonly kind: "office-error"; readonly message: string };

/** What the pane decided at start, and when: for the preview banner, the exports and the tests. */
export interface BootRecord {
  readonly start: OfficeStart;
  /** Milliseconds from navigation start to the decision. */
  readonly decidedAfterMs: number;
}

interface OfficeGlobal {
  onReady?: (callback?: (info: { host: unknown; platform: unknown }) => void) => Promise<unknown>;
}

function officeGlobal(): OfficeGlobal | undefined {
  const office = (globalThis as { Office?: unknown }).Office;
  return typeof office === "object" && office !== null ? (office as OfficeGlobal) : undefined;
}

/** True when office.js ran: an `Office` global with `onReady`. */
export function officeScriptLoaded(): boolean {
  return typeof officeGlobal()?.onReady === "function";
}

/** The start Office.onReady's answer means. */
export function startFromReady(info: { host?: unknown; platform?: unknown } | undefined): OfficeStart {
  const host = info?.host;
  if (typeof host !== "string" || host === "") return { kind: "no-host" };
  const platform = typeof info?.platform === "string" ? info.platform : undefined;
  return { kind: "host", host, platform };
}

/**
 * Waits for Office.onReady, with no time limit: inside Office a slow start is still Office. Only an
 * answer without a host means "outside Office".
 */
export function waitForOffice(): Promise<OfficeStart> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ kind: "no-office-js" });
  const failed = (e: unknown): OfficeStart => ({
    kind: "office-error",
    message: e instanceof Error ? e.message : String(e),
  });
  try {
    return office
      .onReady()
      .then((info) => startFromReady(info as { host?: unknown; platform?: unknown } | undefined), failed);
  } catch (e) {
    return Promise.resolve(failed(e));
  }
}

let record: BootRecord | undefined;

/** Keeps the start decision (and shows it to tests and diagnostics as `window.__echeanceBoot`). */
export function recordBoot(start: OfficeStart): BootRecord {
  const decidedAfterMs =
    typeof performance !== "undefined" && typeof performance.now === "function"
      ? Math.round(performance.now())
      : 0;
  record = { start, decidedAfterMs };
  (globalThis as { __echeanceBoot?: BootRecord }).__echeanceBoot = record;
  return record;
}

export function bootRecord(): BootRecord | undefined {
  return record;
}

/** The Office platform the pane runs on ("PC", "Mac", "OfficeOnline", "iOS"…), undefined outside Office. */
export function officePlatform(): string | undefined {
  const start = record?.start;
  return start?.kind === "host" ? start.platform : undefined;
}

/**
 * Without office.js there is no `CustomFunctions` global, and the functions bundle of this same page
 * (shared runtime) registers each CGV function with `CustomFunctions.associate` as it loads: that
 * would throw. Outside Office nothing can call the functions, so an inert registry that records the
 * names is the truth of it, and the preview loads without an error. Never used when office.js ran.
 */
export function provideInertCustomFunctions(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined) return;
  const associated: string[] = [];
  class InertError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  g.CustomFunctions = {
    associate: (id: string) => void associated.push(id),
    associated,
    Error: InertError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}
