import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Language } from "../../../engine";
import {
  errorText,
  reportText,
  runSelfTest,
  SELF_TEST_STEPS,
  type SelfTestDeps,
  type SelfTestReport,
  type StepResult,
  type StepStatus,
} from "../../../selftest";
import { useLanguage } from "../../i18n/LanguageContext";
import { SELF_TEST_STRINGS } from "./strings";
import { CopyableText } from "../CopyableText/CopyableText";

/**
 * The diagnostics page (issue 14): runs the self-test (src/selftest) on the workbook the pane runs on
 * and shows each step's outcome, then the report as text with a « Copier » button. Copying may be
 * refused (no clipboard permission in an add-in's webview): the text is then selected for Ctrl+C /
 * ⌘C. No file download: a Blob link does nothing in Excel for Mac. Laid out for a 320 px pane.
 */

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "44em",
    marginLeft: "auto",
    marginRight: "auto",
    boxSizing: "border-box",
    minWidth: 0,
  },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: "4px" },
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "6px",
  },
  step: { display: "grid", gridTemplateColumns: "1.4em minmax(0, 1fr)", columnGap: "4px" },
  note: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground3 },
  error: { overflowWrap: "anywhere", color: tokens.colorPaletteRedForeground1 },
  wrap: { overflowWrap: "anywhere" },
});

const MARK: Record<StepStatus, string> = { pass: "✓", fail: "✗", skip: "–" };

type RunState =
  | { readonly phase: "idle" }
  | { readonly phase: "running"; readonly results: readonly StepResult[] }
  | { readonly phase: "done"; readonly report: SelfTestReport; readonly startedAt: string }
  | { readonly phase: "crashed"; readonly message: string };

/** When the run started, as the report's first lines show it: "03/12/2026 14:05" in French. */
function stamp(date: Date, lang: Language): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return SELF_TEST_STRINGS[lang].startedAt(
    { day: two(date.getDate()), month: two(date.getMonth() + 1), year: String(date.getFullYear()) },
    `${two(date.getHours())}:${two(date.getMinutes())}`,
  );
}

export function SelfTestPage({
  deps,
  preview,
  onBack,
}: {
  /** Made when a run starts (the environment is read then). */
  deps: () => SelfTestDeps;
  /** True on the preview's in-memory workbook: the page says the run proves nothing about Excel. */
  preview: boolean;
  onBack: () => void;
}) {
  const styles = useStyles();
  const { lang } = useLanguage();
  const s = SELF_TEST_STRINGS[lang];
  const [state, setState] = React.useState<RunState>({ phase: "idle" });
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const start = () => {
    const startedAt = new Date();
    setState({ phase: "running", results: [] });
    void (async () => {
      try {
        const report = await runSelfTest(deps(), {
          onProgress: (results) => {
            if (mounted.current) setState({ phase: "running", results });
          },
        });
        if (mounted.current) setState({ phase: "done", report, startedAt: stamp(startedAt, lang) });
      } catch (e) {
        // runSelfTest catches each step's errors: only its setup can land here.
        if (mounted.current) setState({ phase: "crashed", message: errorText(e)[lang] });
      }
    })();
  };

  const running = state.phase === "running";
  const results =
    state.phase === "running" ? state.results : state.phase === "done" ? state.report.steps : [];
  const text = state.phase === "done" ? reportText(state.report, lang, state.startedAt) : undefined;
  const count = (status: StepStatus) => results.filter((r) => r.status === status).length;

  return (
    <main className={styles.root} data-testid="selftest-page">
      <Subtitle1 as="h1">{s.title}</Subtitle1>
      <Body1 className={styles.wrap}>{s.intro}</Body1>
      {preview && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.introPreview}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={start} data-testid="selftest-run">
          {state.phase === "idle" ? s.run : s.runAgain}
        </Button>
        <Button disabled={running} onClick={onBack} data-testid="selftest-back">
          {s.back}
        </Button>
      </div>

      {running && (
        <Field validationMessage={s.running(results.length, SELF_TEST_STEPS.length)} validationState="none">
          <ProgressBar value={results.length / SELF_TEST_STEPS.length} data-testid="selftest-progress" />
        </Field>
      )}

      {state.phase === "crashed" && (
        <MessageBar intent="error" layout="multiline" data-testid="selftest-crashed">
          <MessageBarBody>{s.crashed(state.message)}</MessageBarBody>
        </MessageBar>
      )}

      {state.phase === "done" && (
        <MessageBar
          intent={count("fail") > 0 || state.report.cleanup.sheetsLeft.length > 0 ? "error" : "success"}
          layout="multiline"
          data-testid="selftest-summary"
        >
          <MessageBarBody>
            {s.summary(count("pass"), count("fail"), count("skip"))}{" "}
            {count("fail") > 0 ? s.someFailed : s.allPassed}
            {state.report.cleanup.sheetsLeft.length > 0 && (
              <div>{s.sheetsLeft(state.report.cleanup.sheetsLeft.join(", "))}</div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {results.length > 0 && (
        <ol className={styles.steps} data-testid="selftest-steps">
          {results.map((r) => (
            <li
              key={r.id}
              className={styles.step}
              data-testid={`selftest-step-${r.id}`}
              data-status={r.status}
            >
              <span aria-label={s.status[r.status]} title={s.status[r.status]}>
                {MARK[r.status]}
              </span>
              <span>
                <Body1 className={styles.wrap}>{r.title[lang]}</Body1>
                {(r.error ?? r.detail) && (
                  <>
                    <br />
                    <Caption1 className={r.error ? styles.error : styles.note}>
                      {(r.error ?? r.detail)?.[lang]}
                    </Caption1>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}

      {text !== undefined && (
        <CopyableText
          label={s.reportLabel}
          text={text}
          rows={10}
          copyLabel={s.copy}
          outcomeText={(copy) => (copy === "copied" ? s.copied : s.copyRefused)}
          testIds={{ box: "selftest-report", copy: "selftest-copy", result: "selftest-copy-result" }}
        />
      )}
    </main>
  );
}
