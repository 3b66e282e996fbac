import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { SHIPPED_REGISTRY, type Language } from "../engine";
import { DEFAULT_CHUNK_ROWS, type WorkbookGateway } from "../workbook/gateway";
import { GatewayView } from "../workbook/gateway-view";
import { MemoryGateway } from "../workbook/memory-gateway";
import type { MemoryWorkbook } from "../workbook/memory-workbook";
import { excelPaneHost } from "../office";
import { memoryTermsStore, type TermsStore } from "../storage";
import { App } from "./components/App/App";
import { ErrorBoundary } from "./components/ErrorBoundary/ErrorBoundary";
import { OfficeLoading, type OfficeLoadingState } from "./components/OfficeLoading/OfficeLoading";
import { SelfTestPage } from "./components/SelfTest/SelfTestPage";
import { selfTestDeps, type SelfTestHost } from "./components/SelfTest/setup";
import { demoWorkbook } from "./demo/demo-register";
import { SHARED_RUNTIME } from "../functions/shared-runtime";
import { EffectsProvider } from "./gateway-context";
import { LanguageProvider, useLanguage, useStrings } from "./i18n/LanguageContext";
import { languageFromLocale } from "./i18n/strings";
import {
  officeScriptLoaded,
  provideInertCustomFunctions,
  recordBoot,
  waitForOffice,
  type OfficeStart,
} from "../office/office-boot";

/**
 * The task pane's entry. In Excel, Office.onReady resolves with host "Excel" and the pane runs on
 * ExcelGateway; until it answers, however long that takes, the pane shows a loading state. Outside
 * Excel — office.js could not be loaded from the CDN, or it answered with no host — the pane runs on
 * an in-memory demo workbook, with a banner (office-boot.ts). The components are the same.
 */

interface Boot {
  readonly gateway: WorkbookGateway;
  readonly lang: Language;
  readonly demo?: MemoryWorkbook;
  readonly chunkRows: number;
  /** Excel only: where the workbook's terms live (custom XML part, or document settings). */
  readonly termsStore?: TermsStore | undefined;
  /** Excel only: calls back each time Office shows the pane (it may have loaded hidden). */
  readonly watchShown?: (onShown: () => void) => Promise<() => Promise<void>>;
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
    const excel = excelPaneHost();
    return {
      gateway: excel.gateway,
      lang: languageFromLocale(excel.locale),
      chunkRows: DEFAULT_CHUNK_ROWS,
      termsStore: excel.termsStore,
      watchShown: excel.watchShown,
    };
  }
  // ?demoRows=10000 makes the demo register that long (large-sheet tests; preview mode only).
  const demoRows = Math.min(200_000, Math.floor(positive(q.get("demoRows"), 0)));
  const demo = demoWorkbook(demoRows > 0 ? { invoiceRows: demoRows } : {});
  // ?chunkRows=…&delay=… slow the demo's writes down so the progress bar can be seen (and tested).
  const gateway = new MemoryGateway(demo, { chunkDelayMs: positive(q.get("delay"), 0) });
  const lang = languageFromLocale(q.get("lang") ?? undefined);
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

/** The self-test's view of the boot: Excel, or the preview's in-memory workbook. */
function selfTestHost(setup: Boot): SelfTestHost {
  return setup.demo
    ? { kind: "memory", gateway: setup.gateway, workbook: setup.demo, termsStore: setup.termsStore }
    : { kind: "excel", gateway: setup.gateway };
}

/**
 * The gateway the views get: the same one, under a new identity each time Office shows the pane, so
 * that the views read the workbook again — the page may have loaded hidden, and the register read
 * at mount be stale (issue 21).
 */
function useGatewayShown(setup: Boot): WorkbookGateway {
  const [shown, setShown] = React.useState(0);
  React.useEffect(() => {
    if (!setup.watchShown) return;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    void setup
      .watchShown(() => setShown((n) => n + 1))
      .then((unwatch) => {
        if (gone) void unwatch();
        else stop = unwatch;
      });
    return () => {
      gone = true;
      void stop?.();
    };
  }, [setup]);
  return React.useMemo(
    () => (shown === 0 ? setup.gateway : new GatewayView(setup.gateway)),
    [setup.gateway, shown],
  );
}

function Root({ setup }: { setup: Boot }) {
  const [key, setKey] = React.useState(0);
  const gateway = useGatewayShown(setup);
  // ?selftest on the pane's URL opens the self-test page at once (issue 14); « À propos » has a button.
  const [page, setPage] = React.useState<"pane" | "selftest">(() =>
    params().has("selftest") ? "selftest" : "pane",
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={setup.lang}>
        <EffectsProvider gateway={gateway} runtime={SHARED_RUNTIME}>
          <Guarded onReset={() => setKey((k) => k + 1)}>
            {page === "selftest" ? (
              <SelfTestPage
                deps={() => selfTestDeps(selfTestHost(setup))}
                preview={setup.demo !== undefined}
                onBack={() => setPage("pane")}
              />
            ) : (
              <App
                key={key}
                registry={SHIPPED_REGISTRY}
                chunkRows={setup.chunkRows}
                termsStore={setup.termsStore}
                onSelfTest={() => setPage("selftest")}
                {...(setup.demo ? { demoWorkbook: setup.demo, initialVendor: "sillage" } : {})}
              />
            )}
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

const container = document.getElementById("root");
const root = container ? createRoot(container) : undefined;

function render(host: string | null | undefined): void {
  root?.render(<Root setup={boot(host)} />);
}

/** Office has not answered yet, or answered something the pane cannot run on: no workbook at all. */
function renderWaiting(state: OfficeLoadingState): void {
  // Office's display language is not known before onReady: the browser's stands in.
  const lang = languageFromLocale(typeof navigator === "undefined" ? undefined : navigator.language);
  root?.render(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>
        <OfficeLoading state={state} />
      </LanguageProvider>
    </FluentProvider>,
  );
}

let started = false;
const start = (office: OfficeStart) => {
  if (started) return;
  started = true;
  recordBoot(office);
  switch (office.kind) {
    case "no-office-js":
      // No office.js, no CustomFunctions: the functions bundle of this page must still load.
      provideInertCustomFunctions();
      render(null);
      return;
    case "no-host":
      render(null);
      return;
    case "host":
      if (office.host === "Excel") render(office.host);
      else renderWaiting({ kind: "unsupported-host", host: office.host });
      return;
    case "office-error":
      renderWaiting({ kind: "failed", message: office.message });
      return;
  }
};

// office.js is a classic script in <head> and this bundle is deferred: it has loaded or failed by now.
if (officeScriptLoaded()) {
  renderWaiting({ kind: "waiting" });
  void waitForOffice().then(start);
} else {
  start({ kind: "no-office-js" });
}
