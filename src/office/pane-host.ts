import { officeEnvironment, SELF_TEST_TERMS_PLACE, type OfficeLike, type SelfTestDeps } from "../selftest";
import type { TermsStore } from "../storage";
import { SHARED_RUNTIME } from "../functions/shared-runtime";
import { ExcelGateway } from "./excel-gateway";
import { OfficeScratch } from "./office-scratch";
import { officeTermsStore } from "./terms-store";

/**
 * What the task pane runs on inside Excel, made here so that the pane itself never touches Office:
 * the gateway over Excel.run, Excel's display language, the store of the workbook's terms, and the
 * self-test's Office parts.
 */
export interface ExcelPaneHost {
  readonly gateway: ExcelGateway;
  /** Excel's display language ("fr-FR"), when Office says it. */
  readonly locale: string | undefined;
  /** Where the workbook's terms live (custom XML part, or document settings). */
  readonly termsStore: TermsStore | undefined;
  /** Calls `onShown` each time Office shows the pane (it may have loaded hidden), until stopped. */
  readonly watchShown: (onShown: () => void) => Promise<() => Promise<void>>;
}

export function excelPaneHost(): ExcelPaneHost {
  let locale: string | undefined;
  try {
    locale = Office.context.displayLanguage;
  } catch {
    locale = undefined;
  }
  return {
    gateway: new ExcelGateway(),
    locale,
    termsStore: officeTermsStore(),
    watchShown: (onShown) => watchPaneShown(onShown),
  };
}

/**
 * The self-test's Office parts: scratch sheets through Office.js, Office's description of itself, the
 * stores, and what the add-in's start recorded (the functions' terms, the pane's visibility watch).
 */
export function officeSelfTestParts(
  addinVersion: string,
): Pick<SelfTestDeps, "scratch" | "environment" | "terms" | "host"> {
  return {
    host: {
      functionsStart: () => SHARED_RUNTIME.start.record(),
      paneVisibility: () => ({ ...PANE_VISIBILITY }),
    },
    scratch: new OfficeScratch(),
    environment: officeEnvironment(
      (typeof Office === "undefined" ? {} : Office) as unknown as OfficeLike,
      addinVersion,
    ),
    terms: { workbook: officeTermsStore(), scratch: officeTermsStore(SELF_TEST_TERMS_PLACE) },
  };
}

// ---------------------------------------------------------------------------------------------
// The pane shown and hidden.

/**
 * With a long-lived shared runtime the page loads once per document, often hidden (the functions
 * started it), and stays loaded when the user closes the pane: what the pane read at mount is stale
 * when it is shown later, perhaps on another sheet. Office tells each change of visibility
 * (`Office.addin.onVisibilityModeChanged`, SharedRuntime 1.1): the pane reads again when shown.
 */
export interface PaneVisibilityRecord {
  /** Whether the host claims SharedRuntime 1.1 and has `Office.addin.onVisibilityModeChanged`. */
  supported: boolean;
  /** Whether the handler was registered (the promise Office returns resolved). */
  registered: boolean;
  /** Why registering failed, as Office said it. */
  error?: string;
  /** Times Office said the pane was shown, and hidden. */
  shown: number;
  hidden: number;
}

/** What the self-test reports: how the watch of this page went. */
export const PANE_VISIBILITY: PaneVisibilityRecord = {
  supported: false,
  registered: false,
  shown: 0,
  hidden: 0,
};

/** The parts of the `Office` global read here (structural: the tests hand a stand-in). */
export interface OfficeVisibilityLike {
  readonly addin?: {
    onVisibilityModeChanged?(
      handler: (message: { readonly visibilityMode: string }) => void,
    ): Promise<() => Promise<void>>;
  };
  readonly context?: {
    readonly requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

const globalOffice = (): OfficeVisibilityLike | undefined =>
  typeof Office === "undefined" ? undefined : (Office as unknown as OfficeVisibilityLike);

/**
 * Calls `onShown` each time Office shows the pane ("Taskpane"), until the returned function is called.
 * Where the host has no visibility event, nothing is called and the record says why.
 */
export async function watchPaneShown(
  onShown: () => void,
  office: OfficeVisibilityLike | undefined = globalOffice(),
  record: PaneVisibilityRecord = PANE_VISIBILITY,
): Promise<() => Promise<void>> {
  const none = async () => undefined;
  let claimed = false;
  try {
    claimed = office?.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === true;
  } catch {
    claimed = false;
  }
  const register = office?.addin?.onVisibilityModeChanged;
  record.supported = claimed && typeof register === "function";
  if (!record.supported || !register) return none;
  try {
    const remove = await register.call(office.addin, (message) => {
      if (message.visibilityMode === "Taskpane") {
        record.shown += 1;
        onShown();
      } else record.hidden += 1;
    });
    record.registered = true;
    return remove;
  } catch (e) {
    record.error = e instanceof Error ? e.message : String(e);
    return none;
  }
}
