import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { columnLetters } from "../../../cells";
import type { SourceBlock } from "../../../excel/gateway";
import type { ReportKind } from "../../../reports";
import { useStrings } from "../../i18n/LanguageContext";
import { AgingChart } from "../AgingChart/AgingChart";
import { NO_EXCLUDED_COLUMN, type ReportState } from "./useReport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  short: { maxWidth: "12em" },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

/** The D441-6 report: closing date, received or issued, the year's total, the disputed column; writes new sheets. */
export function ReportsPanel({
  state,
  source,
  invoices,
}: {
  state: ReportState;
  source: SourceBlock | undefined;
  /** False when the register read is a subscription register. */
  invoices: boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const headers = source?.headers ?? [];
  const columnName = (i: number) =>
    i === NO_EXCLUDED_COLUMN
      ? s.mappingNone
      : `${columnLetters((source?.startColumn ?? 0) + i)} · ${headers[i] ?? ""}`;
  const run = state.run;
  return (
    <div className={styles.root} data-testid="reports-panel">
      <Caption1>{s.reportsIntro}</Caption1>
      {!invoices && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.reportNeedsInvoices}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={s.closingLabel}
        {...(state.closingIso === undefined ? { validationMessage: s.asOfInvalid } : {})}
      >
        <Input
          className={styles.short}
          type="date"
          value={state.closingText}
          onChange={(_, data) => state.setClosingText(data.value)}
          data-testid="closing"
        />
      </Field>
      <Field label={s.reportKind}>
        <RadioGroup
          value={state.kind}
          onChange={(_, data) => state.setKind(data.value as ReportKind)}
          layout="horizontal"
          data-testid="report-kind"
        >
          <Radio value="received" label={s.reportReceived} />
          <Radio value="issued" label={s.reportIssued} />
        </RadioGroup>
      </Field>
      <Field
        label={state.kind === "received" ? s.yearTotalReceived : s.yearTotalIssued}
        hint={s.yearTotalHint}
      >
        <Input
          className={styles.short}
          inputMode="decimal"
          value={state.yearTotalText}
          onChange={(_, data) => state.setYearTotalText(data.value)}
          data-testid="year-total"
        />
      </Field>
      <Field label={s.excludedLabel}>
        <Dropdown
          value={columnName(state.excludedColumn)}
          selectedOptions={[String(state.excludedColumn)]}
          onOptionSelect={(_, data) => state.setExcludedColumn(Number(data.optionValue))}
          data-testid="excluded-column"
        >
          <Option value={String(NO_EXCLUDED_COLUMN)}>{s.mappingNone}</Option>
          {headers.map((_, i) => (
            <Option key={i} value={String(i)}>
              {columnName(i)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        checked={state.withAging}
        onChange={(_, data) => state.setWithAging(data.checked === true)}
        label={s.withAging}
        data-testid="with-aging"
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!invoices || !state.report || run.phase === "writing"}
          onClick={() => void state.build()}
          data-testid="build-report"
        >
          {s.buildReport}
        </Button>
        {run.phase === "writing" && <Spinner size="tiny" />}
      </div>
      {state.problem !== undefined && (
        <MessageBar intent="error" data-testid="report-problem">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "done" && (
        <MessageBar intent={run.skipped > 0 ? "warning" : "success"} data-testid="report-result">
          <MessageBarBody>
            <div>{s.reportWritten(run.sheets.join(", "))}</div>
            {run.skipped > 0 && <div>{s.reportRowsSkipped(run.skipped)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "error" && (
        <MessageBar intent="error" data-testid="report-error">
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      )}
      {invoices && state.report && <AgingChart report={state.report} />}
    </div>
  );
}
