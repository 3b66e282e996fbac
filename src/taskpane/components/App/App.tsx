import {
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { LAW_VENDOR, parseIsoDay, type Day, type VendorRegistry } from "../../../engine";
import type { Restored, TermsStore } from "../../../storage";
import type { MemoryWorkbook } from "../../../workbook/memory-workbook";
import { useDemoVendorSheet } from "../../demo/useDemoVendorSheet";
import { useGateway, useRuntime } from "../../gateway-context";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";
import { ApplyView } from "../ApplyView/ApplyView";
import { useApplyView } from "../ApplyView/useApplyView";
import { todayIso, useAsOf } from "../AsOfPicker/useAsOf";
import { DemoWorkbook } from "../DemoWorkbook/DemoWorkbook";
import { useExplain } from "../ExplainPanel/useExplain";
import { LanguageToggle } from "../LanguageToggle/LanguageToggle";
import { PreviewBanner } from "../PreviewBanner/PreviewBanner";
import { RatesPanel } from "../RatesPanel/RatesPanel";
import { RegisterSection } from "../RegisterSection/RegisterSection";
import { ReportsPanel } from "../ReportsPanel/ReportsPanel";
import { useReport } from "../ReportsPanel/useReport";
import { About } from "../SelfTest/About";
import { useRegisterSource } from "../SourcePanel/useRegisterSource";
import { StoredTermsDialog } from "../StoredTerms/StoredTermsDialog";
import { useWorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import { useVendorChoice } from "../VendorPicker/useVendorChoice";
import { VendorSection } from "../VendorSection/VendorSection";
import { VendorsPanel } from "../VendorsPanel/VendorsPanel";
import { CompanyForm } from "../CompanyForm/CompanyForm";
import { Fold } from "../Fold/Fold";
import { LettersPanel } from "../LettersPanel/LettersPanel";
import { useLetters } from "../LettersPanel/useLetters";
import { StatementPanel } from "../StatementPanel/StatementPanel";
import { useStatement } from "../StatementPanel/useStatement";

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
  // The title and the language button on one line, the subtitle under them.
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  titleLine: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // The view tabs, at the top (issue 21), go on two lines rather than off the pane's edge.
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  // The two reports side by side, on two lines where the pane is too narrow.
  choice: { flexWrap: "wrap", minWidth: 0 },
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

type View = "apply" | "reports" | "letters" | "vendors" | "rates";
type ReportChoice = "delays" | "statement";

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

/**
 * The task pane: its views as tabs at the top (issue 21); « Appliquer » and « Rapports » start with
 * the vendor and the register they work on, « Fournisseurs » and « Paramètres » hold the workbook's
 * vendors and rates; « À propos » at the bottom, and in preview mode the demo workbook under it. The
 * views' state is kept here, so a run goes on and its outcome stays while another tab is shown.
 */
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
  const [revision, setRevision] = React.useState(0);
  const [view, setView] = React.useState<View>("apply");
  const [reportChoice, setReportChoice] = React.useState<ReportChoice>("delays");
  const [companyOpen, setCompanyOpen] = React.useState(false);
  // An unknown vendor of the register to create from its terms: the vendors view opens its import.
  const [createRequest, setCreateRequest] = React.useState<{ name: string; seq: number }>();
  const forgetCreateRequest = React.useCallback(() => setCreateRequest(undefined), []);
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

  const applyView = useApplyView({
    gateway,
    terms,
    vendor,
    asOf,
    source,
    lang,
    registry,
    settings,
    chunkRows,
    onWritten,
  });
  const explain = useExplain(gateway, source.block, applyView.options, lang);
  const report = useReport({
    gateway,
    source: source.block,
    mapping: source.mapping,
    vendor: vendor.spec,
    lang,
    active: view === "reports" && reportChoice === "delays",
    registry,
    settings,
  });
  const recoveryArgs = {
    gateway,
    source: source.block,
    mode: source.mode,
    mapping: source.mapping,
    vendor: vendor.spec,
    lang,
    registry,
    settings,
  };
  const statement = useStatement({
    ...recoveryArgs,
    active: view === "reports" && reportChoice === "statement",
  });
  const company = terms.state.company;
  const letters = useLetters({
    ...recoveryArgs,
    recognition: source.recognition,
    active: view === "letters",
    terms: { company, penaltyNotes: terms.penaltyNotes, addPenaltyNotes: terms.addPenaltyNotes },
    onWritten,
  });
  const onStatementWritten = statement.run.phase === "done" ? statement.run.sheets.join() : "";
  React.useEffect(() => {
    if (onStatementWritten !== "") setRevision((r) => r + 1);
  }, [onStatementWritten]);
  const onReportWritten = report.run.phase === "done" ? report.run.sheets.join() : "";
  React.useEffect(() => {
    if (onReportWritten !== "") setRevision((r) => r + 1);
  }, [onReportWritten]);

  const storedTermsIssues = [
    ...terms.issues.map((i) => `${i.where}: ${i.text[lang]}`),
    ...terms.hashMismatches.map((id) => s.storedHashMismatch(id)),
    ...(terms.error !== undefined ? [terms.error] : []),
  ];

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleLine}>
          <Subtitle1 as="h1">{s.appTitle}</Subtitle1>
          <LanguageToggle />
        </div>
        <Caption1>{s.appSubtitle}</Caption1>
      </header>
      {demoWorkbook && <PreviewBanner />}
      <StoredTermsDialog
        open={terms.restored.pending.length > 0 && !termsDeferred}
        differences={terms.restored.pending}
        onResolve={(choices) => void terms.resolve(choices)}
        onLater={() => setTermsDeferred(true)}
      />
      {storedTermsIssues.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="stored-terms-issues">
          <MessageBarBody>{storedTermsIssues.join(" · ")}</MessageBarBody>
        </MessageBar>
      )}

      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as View)}
        aria-label={s.viewSwitch}
        data-testid="view-switch"
      >
        <Tab value="apply">{s.tabApply}</Tab>
        <Tab value="reports">{s.tabReports}</Tab>
        <Tab value="letters">{s.tabLetters}</Tab>
        <Tab value="vendors">{s.tabVendors}</Tab>
        <Tab value="rates">{s.tabRates}</Tab>
      </TabList>

      {(view === "apply" || view === "reports" || view === "letters") && (
        <>
          <VendorSection choice={vendor} mode={source.mode} />
          <RegisterSection source={source} />
        </>
      )}

      {view === "apply" && (
        <ApplyView
          state={applyView}
          asOf={asOf}
          block={source.block}
          referenceColumn={source.mapping.reference}
          terms={terms}
          explain={explain}
          preview={demoWorkbook !== undefined}
          unknownVendors={{
            onCreate: (name) => {
              setCreateRequest((r) => ({ name, seq: (r?.seq ?? 0) + 1 }));
              setView("vendors");
            },
            onUseLaw: () => vendor.setVendorId(LAW_VENDOR.id),
            lawChosen: vendor.profile?.id === LAW_VENDOR.id,
          }}
        />
      )}

      {view === "reports" && (
        <section className={styles.section} aria-labelledby="reports-title">
          <RadioGroup
            layout="horizontal"
            className={styles.choice}
            aria-label={s.reportChoice}
            value={reportChoice}
            onChange={(_, data) => setReportChoice(data.value as ReportChoice)}
            data-testid="report-choice"
          >
            <Radio value="delays" label={s.reportDelays} />
            <Radio value="statement" label={s.reportStatement} />
          </RadioGroup>
          <Subtitle2 as="h2" id="reports-title">
            {reportChoice === "delays" ? s.reportsSection : s.statementSection}
          </Subtitle2>
          {reportChoice === "delays" ? (
            <ReportsPanel state={report} source={source.block} invoices={source.mode !== "subscriptions"} />
          ) : (
            <StatementPanel state={statement} invoices={source.mode !== "subscriptions"} />
          )}
        </section>
      )}

      {view === "letters" && (
        <section className={styles.section} aria-labelledby="letters-title">
          <Subtitle2 as="h2" id="letters-title">
            {s.lettersSection}
          </Subtitle2>
          <LettersPanel
            state={letters}
            invoices={source.mode !== "subscriptions"}
            onCompany={() => {
              setCompanyOpen(true);
              setView("rates");
            }}
          />
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
            createRequest={createRequest}
            onCreateRequestTaken={forgetCreateRequest}
          />
        </section>
      )}

      {view === "rates" && (
        <Fold
          title={s.companySection}
          summary={company ? company.name : s.companyMissing}
          open={companyOpen}
          onToggle={() => setCompanyOpen((o) => !o)}
          testId="company-fold"
        >
          <CompanyForm company={company} storeKind={terms.storeKind} onSave={terms.saveCompany} />
        </Fold>
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
