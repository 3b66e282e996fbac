import { iso } from "../../../engine";
import type { WorkbookGateway } from "../../../workbook/gateway";
import type { MemoryWorkbook } from "../../../workbook/memory-workbook";
import { memoryEnvironment, MemoryScratch, type SelfTestDeps } from "../../../selftest";
import { officeSelfTestParts } from "../../../office";
import { memoryTermsStore, type TermsStore } from "../../../storage";
import { todayIso } from "../AsOfPicker/useAsOf";

declare const ECHEANCE_VERSION: string | undefined;

/** The add-in's version, baked in by webpack (the package version); "development" under jest. */
export function addinVersion(): string {
  return typeof ECHEANCE_VERSION === "string" ? ECHEANCE_VERSION : "development";
}

/** Where the pane runs, as the self-test needs it: Excel, or the preview's in-memory workbook. */
export type SelfTestHost =
  | { readonly kind: "excel"; readonly gateway: WorkbookGateway }
  | {
      readonly kind: "memory";
      readonly gateway: WorkbookGateway;
      readonly workbook: MemoryWorkbook;
      /** The preview's stored terms, when a test handed some (else the workbook has none). */
      readonly termsStore?: TermsStore | undefined;
    };

/**
 * What the self-test runs on: in Excel the pane's own gateway, Office.js for the scratch operations,
 * Office's description of itself, and the workbook's kind of terms store at the self-test's own place;
 * in the preview the demo workbook, in memory.
 */
export function selfTestDeps(host: SelfTestHost): SelfTestDeps {
  const today = iso(todayIso());
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  if (host.kind === "excel")
    return { gateway: host.gateway, ...officeSelfTestParts(addinVersion()), today, now };
  const language = typeof navigator === "undefined" ? undefined : navigator.language;
  return {
    gateway: host.gateway,
    scratch: new MemoryScratch(host.workbook),
    environment: memoryEnvironment({
      addinVersion: addinVersion(),
      ...(language ? { language } : {}),
      ...(typeof navigator !== "undefined" ? { host: navigator.userAgent } : {}),
    }),
    terms: { workbook: host.termsStore, scratch: memoryTermsStore([]) },
    today,
    now,
  };
}
