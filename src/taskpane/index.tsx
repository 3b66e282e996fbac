import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { SHIPPED_REGISTRY, type Language } from "../engine";
import { DEFAULT_CHUNK_ROWS, type WorkbookGateway } from "../excel/gateway";
import { ExcelGateway } from "../excel/excel-gateway";
import { MemoryGateway } from "../excel/memory-gateway";
import type { MemoryWorkbook } from "../excel/memory-workbook";
import { memoryTermsStore, officeTermsStore, type TermsStore } from "../storage-office";
import { App } from "./components/App/App";
import { ErrorBoundary } from "./components/ErrorBoundary/ErrorBoundary";
import { demoWorkbook } from "./demo/demo-register";
import { SHARED_RUNTIME } from "../functions/shared-runtime";
import { EffectsProvider } from "./gateway-context";
import { LanguageProvider, useLanguage, useStrings } from "./i18n/LanguageContext";
import { languageFromLocale } from "./i18n/strings";

/**
 * The task pane's entry. In Excel, Office.onReady resolves with host "Excel" and the pane runs on
 * ExcelGateway. Outside Excel the local office.js resolves with host null (OFFICE-NOTES.md): the pane
 * then runs on an in-memory demo workbook, with a banner. The components are the same.
 */

interface Boot {
  readonly gateway: WorkbookGateway;
  readonly lang: Language;
  readonly demo?: MemoryWorkbook;
  readonly chunkRows: number;
  /** Excel only: where the workbook's terms live (custom XML part, or document settings). */
  readonly termsStore?: TermsStore | undefined;
}

function params(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function boot(host: string | null | undefined): Boot {
  const q = params();
  if (host === "Excel") {
    let locale: string | undefined;
    try {
      locale = Office.context.displayLanguage;
    } catch {
      locale = undefined;
    }
    return {
      gateway: new ExcelGateway(),
      lang: languageFromLocale(locale),
      chunkRows: DEFAULT_CHUNK_ROWS,
      termsStore: officeTermsStore(),
    };
  }
  // ?demoRows=10000 makes the demo register that long (large-sheet tests; preview mode only).
  const demoRows = Math.min(200_000, Math.floor(positive(q.get("demoRows"), 0)));
  const demo = demoWorkbook(demoRows > 0 ? { invoiceRows: demoRows } : {});
  // ?chunkRows=…&delay=… slow the demo's writes down so the progress bar can be seen (and tested).
  const gateway = new MemoryGateway(demo, { chunkDelayMs: positive(q.get("delay"), 0) });
  const lang = q.get("lang") === "en" ? "en" : "fr";
  const hooks = window as unknown as { __echeanceDemo?: MemoryWorkbook; __echeanceStoredTerms?: string[] };
  hooks.__echeanceDemo = demo;
  // A workbook's stored terms, as custom XML parts, handed over by a test (the demo has none).
  const stored = hooks.__echeanceStoredTerms;
  return {
    gateway,
    lang,
    demo,
    chunkRows: positive(q.get("chunkRows"), DEFAULT_CHUNK_ROWS),
    ...(Array.isArray(stored) ? { termsStore: memoryTermsStore(stored) } : {}),
  };
}

function Root({ setup }: { setup: Boot }) {
  const [key, setKey] = React.useState(0);
  return (
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={setup.lang}>
        <EffectsProvider gateway={setup.gateway} runtime={SHARED_RUNTIME}>
          <Guarded onReset={() => setKey((k) => k + 1)}>
            <App
              key={key}
              registry={SHIPPED_REGISTRY}
              chunkRows={setup.chunkRows}
              termsStore={setup.termsStore}
              {...(setup.demo ? { demoWorkbook: setup.demo, initialVendor: "sillage" } : {})}
            />
          </Guarded>
        </EffectsProvider>
      </LanguageProvider>
    </FluentProvider>
  );
}

function Guarded({ onReset, children }: { onReset: () => void; children: React.ReactNode }) {
  const strings = useStrings();
  useLanguage();
  return (
    <ErrorBoundary strings={strings} onReset={onReset}>
      {children}
    </ErrorBoundary>
  );
}

function render(host: string | null | undefined): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<Root setup={boot(host)} />);
}

let started = false;
const start = (host: string | null | undefined) => {
  if (started) return;
  started = true;
  render(host);
};

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host as unknown as string | null));
} else {
  // office.js did not load at all: run the preview.
  start(null);
}
// office.js that never answers (a blocked script): fall back to the preview after 3 s.
window.setTimeout(() => start(null), 3000);
