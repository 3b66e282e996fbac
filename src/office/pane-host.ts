import { officeEnvironment, SELF_TEST_TERMS_PLACE, type OfficeLike, type SelfTestDeps } from "../selftest";
import type { TermsStore } from "../storage";
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
}

export function excelPaneHost(): ExcelPaneHost {
  let locale: string | undefined;
  try {
    locale = Office.context.displayLanguage;
  } catch {
    locale = undefined;
  }
  return { gateway: new ExcelGateway(), locale, termsStore: officeTermsStore() };
}

/** The self-test's Office parts: scratch sheets through Office.js, Office's description of itself, the stores. */
export function officeSelfTestParts(
  addinVersion: string,
): Pick<SelfTestDeps, "scratch" | "environment" | "terms"> {
  return {
    scratch: new OfficeScratch(),
    environment: officeEnvironment(
      (typeof Office === "undefined" ? {} : Office) as unknown as OfficeLike,
      addinVersion,
    ),
    terms: { workbook: officeTermsStore(), scratch: officeTermsStore(SELF_TEST_TERMS_PLACE) },
  };
}
