import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage, useStrings } from "../../i18n/LanguageContext";
import { APPLY_STRINGS } from "./strings";
import type { Highlighting } from "../HighlightSettings/HighlightSettings";
import { OverwriteDialog } from "../OverwriteDialog/OverwriteDialog";
import { RunSummary } from "../RunSummary/RunSummary";
import type { PlannedColumn } from "../../../write";
import type { RateRow, RateTable } from "../../../engine";
import { plannedColumnsText } from "./columns-text";
import { MissingRateOffer } from "./MissingRateOffer";
import { UnknownVendorsOffer, type UnknownVendorActions } from "./UnknownVendorsOffer";
import type { ApplyRun } from "./useApplyRun";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  summary: { whiteSpace: "pre-line" },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Apply and its neighbourhood: the columns it will write, what the register's cells
 * do not show (hidden rows, a filter, merged cells: every row is computed all the same), the button,
 * the progress bar with Cancel, and the outcome — result, missing rates, summary — right under it.
 */
export function ApplyPanel({
  run,
  notices,
  plannedColumns = [],
  canApply,
  onApply,
  highlighting,
  rates,
  unknownVendors,
}: {
  run: ApplyRun;
  /** Sentences about the register's layout (apply-adapter `layoutNotices`); none: nothing shown. */
  notices: readonly string[];
  /** The result columns Apply would write (said in one line above the button). */
  plannedColumns?: readonly PlannedColumn[];
  canApply: boolean;
  onApply: () => void;
  /** Highlighting with a days field that is not a number keeps Apply waiting. */
  highlighting: Highlighting;
  /** The rate table, the workbook's rate rows, and how to store them (then the pane applies again). */
  rates?: {
    readonly table: RateTable;
    readonly userRows: readonly RateRow[];
    readonly onSave: (rows: readonly RateRow[]) => Promise<void>;
  };
  /** What to offer for the register's unknown vendors (create them, or use the law). */
  unknownVendors?: UnknownVendorActions;
}) {
  const s = useCatalogue(APPLY_STRINGS);
  const common = useCatalogue(COMMON);
  const pane = useStrings();
  const { lang } = useLanguage();
  const styles = useStyles();
  const st = run.state;
  const phaseText =
    st.phase === "counting"
      ? common.checkingCells
      : st.phase === "values"
        ? s.writingValues(st.done, st.total)
        : st.phase === "formats"
          ? s.formatting(st.done, st.total)
          : "";
  // Overall progress: rows (computed and written chunk by chunk) the first four fifths, formats the last.
  const progress =
    st.phase === "values" || st.phase === "formats"
      ? (st.phase === "values" ? 0 : 0.8) +
        (st.total === 0 ? 1 : st.done / st.total) * (st.phase === "values" ? 0.8 : 0.2)
      : undefined;
  const columns = plannedColumnsText(plannedColumns, lang);

  return (
    <div className={styles.root}>
      {columns !== "" && <Caption1 data-testid="planned-columns">{columns}</Caption1>}
      {notices.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="apply-notices">
          <MessageBarBody>
            <MessageBarTitle>{s.noticesTitle}</MessageBarTitle>
            <ul className={styles.notices}>
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!canApply || run.busy || highlighting.invalid}
          onClick={onApply}
          data-testid="apply"
        >
          {s.apply}
        </Button>
        {run.busy && st.phase !== "counting" && (
          <Button onClick={run.cancel} data-testid="cancel">
            {common.cancel}
          </Button>
        )}
      </div>
      {run.busy && (
        <Field label={phaseText} data-testid="progress">
          <ProgressBar
            {...(progress !== undefined ? { value: progress } : {})}
            max={1}
            thickness="large"
            aria-label={common.applyProgress}
          />
        </Field>
      )}
      {st.phase === "done" && (
        <MessageBar
          intent={st.cancelled ? "warning" : st.errors > 0 ? "warning" : "success"}
          layout="multiline"
          data-testid="apply-result"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {st.editedCell !== undefined
                ? s.editedDuringApply(st.editedCell, st.rows)
                : st.cancelled
                  ? s.cancelled(st.rows)
                  : s.done(st.rows, st.columns, st.added)}
            </MessageBarTitle>
            {st.errors > 0 && <div>{s.errorsInRows(st.errors)}</div>}
            {st.portable && (
              <div data-testid="portable-result">
                {st.portable.heading}
                {st.portable.lines.length > 0 && (
                  <ul>
                    {st.portable.lines.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {st.highlight !== "off" && (
              <div data-testid="highlight-result">
                {st.highlight === "added" ? s.highlightAdded : s.highlightUnsupported}
              </div>
            )}
            {(st.note === "comment" || st.note === "none") && (
              <div data-testid="note-result">{st.note === "comment" ? s.noteAsComment : s.noteNotAdded}</div>
            )}
            {st.printSetup === false && (
              <div data-testid="print-setup-result">{common.printSetupNotMade}</div>
            )}
            {(st.formulaNames === "french" || st.formulaNames === "unknown") && (
              <div data-testid="formula-names">
                {st.formulaNames === "french" ? s.formulasFrench : s.formulasUnknown}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {st.phase === "done" && rates && (
        <MissingRateOffer
          missing={st.figures.missingRates}
          table={rates.table}
          userRows={rates.userRows}
          onSave={rates.onSave}
        />
      )}
      {st.phase === "done" && unknownVendors && st.figures.unknownVendors.length > 0 && (
        <UnknownVendorsOffer figures={st.figures} actions={unknownVendors} />
      )}
      {st.phase === "done" && !st.cancelled && <RunSummary figures={st.figures} register={st.address} />}
      {st.phase === "done" && st.cancelled && <div className={styles.summary}>{st.summary}</div>}
      {st.phase === "error" && (
        <MessageBar intent="error" layout="multiline" data-testid="apply-error">
          <MessageBarBody>
            <MessageBarTitle>{pane.errorTitle}</MessageBarTitle>
            {st.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <OverwriteDialog
        open={st.phase === "confirm"}
        count={st.phase === "confirm" ? st.count : 0}
        address={st.phase === "confirm" ? st.address : ""}
        onReplace={run.confirm}
        onKeep={run.decline}
      />
    </div>
  );
}
