import {
  Divider,
  makeStyles,
  Subtitle1,
  Subtitle2,
  Caption1,
  tokens,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
} from "@fluentui/react-components";
import * as React from "react";
import { parseIsoDay, type Day, type RateRow, type VendorRegistry } from "../../../engine";
import type { Restored } from "../../../storage";
import type { TermsStore } from "../../../storage";
import type { MemoryWorkbook } from "../../../workbook/memory-workbook";
import { columnsContiguous, DEFAULT_HIGHLIGHT_DAYS, planColumns, type WriteMode } from "../../../write";
import { registerPlace } from "../../../workbook/gateway";
import { buildApplyOptions, describeError, layoutNotices, registerKey } from "../../apply-adapter";
import { useGateway, useRuntime } from "../../gateway-context";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";
import { ApplyPanel } from "../ApplyPanel/ApplyPanel";
import { useApplyRun } from "../ApplyPanel/useApplyRun";
import { AsOfPicker } from "../AsOfPicker/AsOfPicker";
import { todayIso, useAsOf } from "../AsOfPicker/useAsOf";
import { CalendarExport } from "../CalendarExport/CalendarExport";
import { DemoWorkbook } from "../DemoWorkbook/DemoWorkbook";
import { ExplainPanel } from "../ExplainPanel/ExplainPanel";
import { useExplain } from "../ExplainPanel/useExplain";
import { useHighlighting } from "../HighlightSettings/HighlightSettings";
import { ReportsPanel } from "../ReportsPanel/ReportsPanel";
import { useReport } from "../ReportsPanel/useReport";
import { LanguageToggle } from "../LanguageToggle/LanguageToggle";
import { MappingEditor } from "../MappingEditor/MappingEditor";
import { PreviewBanner } from "../PreviewBanner/PreviewBanner";
import { PreviewTable } from "../PreviewTable/PreviewTable";
import { RatesPanel } from "../RatesPanel/RatesPanel";
import { RecalcPanel } from "../Recalculate/RecalcPanel";
import { useRecalculation } from "../Recalculate/useRecalculation";
import { usePreviewRows } from "../PreviewTable/usePreviewRows";
import { SourcePanel } from "../SourcePanel/SourcePanel";
import { useRegisterSource } from "../SourcePanel/useRegisterSource";
import { VendorPicker } from "../VendorPicker/VendorPicker";
import { useVendorChoice } from "../VendorPicker/useVendorChoice";
import { VendorSummary } from "../VendorSummary/VendorSummary";
import { StoredTermsDialog } from "../StoredTerms/StoredTermsDialog";
import { useWorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import { VendorsPanel } from "../VendorsPanel/VendorsPanel";
import { useDemoVendorSheet } from "../../demo/useDemoVendorSheet";
import { About } from "../SelfTest/About";

const useStyles = makeStyles({
  // Excel opens a task pane 320 to 350 px wide: nothing may be wider than that (issue 15). Long
  // words (sheet addresses, ids) break rather than push the page sideways.
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "44em",
    minWidth: 0,
    boxSizing: "border-box",
    marginLeft: "auto",
    marginRight: "auto",
    overflowWrap: "break-word",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // The view tabs go on two lines rather than off the pane's edge.
  tabs: { flexWrap: "wrap" },
});

export interface AppProps {
  readonly registry: VendorRegistry;
  /** Set in preview mode: the in-memory workbook the gateway runs on, shown under the pane. */
  readonly demoWorkbook?: MemoryWorkbook;
  /** Rows per write batch (10,000 in Excel; small in the preview so progress can be seen). */
  readonly chunkRows: number;
  readonly initialVendor?: string;
  /** Where the workbook's terms are stored (Excel); undefined in preview mode (memory only). */
  readonly termsStore?: TermsStore | undefined;
  /** Opens the self-test page (the « À propos » section's button); no section without it. */
  readonly onSelfTest?: () => void;
}

type View = "apply" | "reports" | "vendors" | "rates";

/**
 * The CGV.* functions run on the runtime the provider hands over (Excel's shared one): once the
 * workbook's stored terms are restored, they see its custom vendors, rate rows and settings too, and
 * the runtime's change hook has Excel recalculate the CGV cells (functions/host.ts).
 */
function useFunctionsContext(): (restored: Restored) => void {
  const runtime = useRuntime();
  return React.useCallback(
    (restored: Restored) => {
      runtime.update({ registry: restored.registry, settings: restored.settings });
    },
    [runtime],
  );
}

/** The task pane: vendor, as-of date, register and mapping, preview, apply. */
export function App({
  registry: shipped,
  demoWorkbook,
  chunkRows,
  initialVendor,
  termsStore,
  onSelfTest,
}: AppProps) {
  const styles = useStyles();
  const s = useStrings();
  const { lang } = useLanguage();
  const gateway = useGateway();
  const terms = useWorkbookTerms({ store: termsStore, shipped, onRestored: useFunctionsContext() });
  const { registry, settings } = terms.restored;
  const [termsDeferred, setTermsDeferred] = React.useState(false);
  const vendor = useVendorChoice(registry, initialVendor);
  const asOf = useAsOf();
  const source = useRegisterSource(gateway);
  const [writeMode, setWriteMode] = React.useState<WriteMode>("values");
  const [revision, setRevision] = React.useState(0);
  const [view, setView] = React.useState<View>("apply");
  const highlighting = useHighlighting(DEFAULT_HIGHLIGHT_DAYS);
  const { read } = source;

  // Preview mode: each vendor's register is a sheet of the demo workbook, picked with the vendor.
  const onDemoSheet = useDemoVendorSheet(demoWorkbook, vendor.profile?.id, vendor.setVendorId, read);

  // Read on opening and whenever the source kind changes; later reads are the user's or follow a write.
  React.useEffect(() => {
    void read();
  }, [read]);

  const onWritten = React.useCallback(() => {
    setRevision((r) => r + 1);
    void read();
  }, [read]);
  const run = useApplyRun(gateway, s, { chunkRows, onWritten });

  // The outcome belongs to the register it describes: forgotten when another register is read…
  const { reset } = run;
  const shown = run.state.phase === "done" || run.state.phase === "error" ? run.state.register : undefined;
  const current = source.block ? registerKey(source.block) : undefined;
  React.useEffect(() => {
    if (shown !== undefined && current !== undefined && shown !== current) reset();
  }, [shown, current, reset]);
  // …or when another sheet is activated.
  const shownSheet =
    run.state.phase === "done" || run.state.phase === "error" ? source.block?.sheet : undefined;
  React.useEffect(() => {
    if (shownSheet === undefined) return;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    void gateway
      .watchActiveSheet((sheet) => {
        if (sheet !== shownSheet) reset();
      })
      .then((unwatch) => {
        if (gone) void unwatch();
        else stop = unwatch;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      void stop?.();
    };
  }, [gateway, shownSheet, reset]);

  const block = source.block;
  const mode = source.mode;
  const options = React.useMemo(
    () =>
      block && mode && asOf.iso && vendor.spec
        ? buildApplyOptions({
            source: block,
            mode,
            mapping: source.mapping,
            vendor: vendor.spec,
            asOf: asOf.iso,
            lang,
            defaults: vendor.defaults,
            registry,
            settings,
          })
        : undefined,
    [block, mode, source.mapping, vendor.spec, vendor.defaults, asOf.iso, lang, registry, settings],
  );
  const preview = usePreviewRows(block, options);
  // Formulas read the result columns by position: side by side, as the core would place them.
  const plannedColumns = React.useMemo(
    () =>
      block && mode
        ? planColumns(
            registerPlace(block),
            block.headers,
            mode,
            lang,
            source.recognition?.previousOutputs ?? [],
          )
        : [],
    [block, mode, lang, source.recognition],
  );
  const formulasAllowed = columnsContiguous(plannedColumns);
  const notices = React.useMemo(() => layoutNotices(block?.layout, lang), [block, lang]);
  const blocking = source.problems.some((p) => p.kind !== "duplicate");
  const canApply = options !== undefined && !blocking && preview?.error === undefined;

  const explain = useExplain(gateway, block, options, s, lang);
  const report = useReport({
    gateway,
    source: block,
    mapping: source.mapping,
    vendor: vendor.spec,
    lang,
    strings: s,
    active: view === "reports",
    registry,
    settings,
  });
  const onReportWritten = report.run.phase === "done" ? report.run.sheets.join() : "";
  React.useEffect(() => {
    if (onReportWritten !== "") setRevision((r) => r + 1);
  }, [onReportWritten]);

  // A workbook keeps a copy of each shipped vendor it was computed with (the sharing issue).
  const appliedVendor = run.state.phase === "done" ? vendor.profile?.id : undefined;
  const { rememberVendor } = terms;
  React.useEffect(() => {
    if (appliedVendor !== undefined) void rememberVendor(appliedVendor).catch(() => undefined);
  }, [appliedVendor, rememberVendor]);
  // …and remembers each register Apply wrote, for « Tout recalculer » (issue 13).
  const appliedRegister = run.state.phase === "done" ? run.state.remember : undefined;
  const { rememberRegisters } = terms;
  React.useEffect(() => {
    if (appliedRegister !== undefined)
      void rememberRegisters([{ register: appliedRegister }]).catch(() => undefined);
    // Once per run outcome (`terms` is a new object at every render).
  }, [appliedRegister]);

  const recalc = useRecalculation({
    gateway,
    terms,
    lang,
    registry,
    settings,
    chunkRows,
    highlightDays: highlighting.days,
    onWritten,
  });
  // Rates added from a run's offer: the run is made again once the new table is in the settings.
  const again = React.useRef<"apply" | "recalc" | undefined>(undefined);
  const saveRatesThen = (what: "apply" | "recalc") => async (rows: readonly RateRow[]) => {
    again.current = what;
    await terms.saveRateRows(rows);
  };

  const onApply = () => {
    if (!block || !options) return;
    run.start({
      source: block,
      recognition: source.recognition,
      options,
      writeMode: formulasAllowed ? writeMode : "values",
      lang,
      today: parseIsoDay(todayIso()) as Day,
      asOfKind: asOf.kind,
      ...(highlighting.days !== undefined ? { highlightDays: highlighting.days } : {}),
    });
  };

  React.useEffect(() => {
    const what = again.current;
    again.current = undefined;
    if (what === "apply") onApply();
    else if (what === "recalc") recalc.start();
    // Runs when the settings (their rate table) changed.
  }, [settings]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div>
          <Subtitle1 as="h1">{s.appTitle}</Subtitle1>
          <br />
          <Caption1>{s.appSubtitle}</Caption1>
        </div>
        <LanguageToggle />
      </header>
      {demoWorkbook && <PreviewBanner />}
      <StoredTermsDialog
        open={terms.restored.pending.length > 0 && !termsDeferred}
        differences={terms.restored.pending}
        onResolve={(choices) => void terms.resolve(choices)}
        onLater={() => setTermsDeferred(true)}
      />
      {(terms.issues.length > 0 || terms.hashMismatches.length > 0 || terms.error !== undefined) && (
        <MessageBar intent="warning" layout="multiline" data-testid="stored-terms-issues">
          <MessageBarBody>
            {[
              ...terms.issues.map((i) => `${i.where}: ${i.text[lang]}`),
              ...terms.hashMismatches.map((id) => s.storedHashMismatch(id)),
              ...(terms.error !== undefined ? [terms.error] : []),
            ].join(" · ")}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="vendor-title">
        <Subtitle2 as="h2" id="vendor-title">
          {s.vendorSection}
        </Subtitle2>
        <VendorPicker choice={vendor} mode={mode} />
        {vendor.profile && <VendorSummary profile={vendor.profile} />}
        <AsOfPicker asOf={asOf} />
      </section>
      <Divider />

      <section className={styles.section} aria-labelledby="source-title">
        <Subtitle2 as="h2" id="source-title">
          {s.sourceSection}
        </Subtitle2>
        <SourcePanel source={source} />
        {source.error !== undefined && (
          <MessageBar intent="error" layout="multiline" data-testid="source-error">
            <MessageBarBody>{describeError(source.error, s, lang)}</MessageBarBody>
          </MessageBar>
        )}
        <MappingEditor source={source} />
      </section>
      <Divider />

      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as View)}
        aria-label={s.viewSwitch}
        data-testid="view-switch"
      >
        <Tab value="apply">{s.tabApply}</Tab>
        <Tab value="reports">{s.tabReports}</Tab>
        <Tab value="vendors">{s.tabVendors}</Tab>
        <Tab value="rates">{s.tabRates}</Tab>
      </TabList>

      {view === "apply" && (
        <>
          {block && (
            <section className={styles.section} aria-labelledby="preview-title">
              <Subtitle2 as="h2" id="preview-title">
                {s.previewTitle}
              </Subtitle2>
              <PreviewTable source={block} preview={preview} referenceColumn={source.mapping.reference} />
            </section>
          )}

          <section className={styles.section} aria-labelledby="apply-title">
            <Subtitle2 as="h2" id="apply-title">
              {s.applySection}
            </Subtitle2>
            <ApplyPanel
              run={run}
              notices={notices}
              writeMode={formulasAllowed ? writeMode : "values"}
              setWriteMode={setWriteMode}
              formulasAllowed={formulasAllowed}
              canApply={canApply && !recalc.busy}
              onApply={onApply}
              highlighting={highlighting}
              rates={{
                table: settings.rates,
                userRows: terms.state.rateRows,
                onSave: saveRatesThen("apply"),
              }}
            />
          </section>
          <Divider />

          <section className={styles.section} aria-labelledby="recalc-title">
            <Subtitle2 as="h2" id="recalc-title">
              {s.recalcSection}
            </Subtitle2>
            <RecalcPanel
              recalc={recalc}
              disabled={run.busy}
              table={settings.rates}
              userRows={terms.state.rateRows}
              onSaveRates={saveRatesThen("recalc")}
            />
          </section>
          <Divider />

          <section className={styles.section} aria-labelledby="calendar-title">
            <Subtitle2 as="h2" id="calendar-title">
              {s.calendarSection}
            </Subtitle2>
            <CalendarExport source={block} options={options} />
          </section>
          <Divider />

          <section className={styles.section} aria-labelledby="explain-title">
            <Subtitle2 as="h2" id="explain-title">
              {s.explainTitle}
            </Subtitle2>
            <ExplainPanel explain={explain} preview={demoWorkbook !== undefined} />
          </section>
        </>
      )}

      {view === "reports" && (
        <section className={styles.section} aria-labelledby="reports-title">
          <Subtitle2 as="h2" id="reports-title">
            {s.reportsSection}
          </Subtitle2>
          <ReportsPanel state={report} source={block} invoices={mode !== "subscriptions"} />
        </section>
      )}

      {view === "vendors" && (
        <section className={styles.section} aria-labelledby="vendors-title">
          <Subtitle2 as="h2" id="vendors-title">
            {s.vendorsSection}
          </Subtitle2>
          <VendorsPanel
            terms={terms}
            settings={settings}
            asOfIso={asOf.iso}
            onSaved={(id) => vendor.setVendorId(id)}
          />
        </section>
      )}

      {view === "rates" && (
        <section className={styles.section} aria-labelledby="rates-title">
          <Subtitle2 as="h2" id="rates-title">
            {s.ratesSection}
          </Subtitle2>
          <RatesPanel terms={terms} table={settings.rates} today={parseIsoDay(todayIso()) as Day} />
        </section>
      )}

      {onSelfTest && (
        <>
          <Divider />
          <About onSelfTest={onSelfTest} />
        </>
      )}

      {demoWorkbook && (
        <>
          <Divider />
          <DemoWorkbook
            workbook={demoWorkbook}
            revision={revision}
            onActivate={onDemoSheet}
            onCellClick={explain.explainCell}
          />
        </>
      )}
    </main>
  );
}
