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
import type { SourceBlock } from "../../../workbook/gateway";
import type { ReportKind } from "../../../reports";
import { COMMON } from "../../i18n/common";
import { useCatalogue } from "../../i18n/LanguageContext";
import { REPORTS_STRINGS } from "./strings";
import { AgingChart } from "../AgingChart/AgingChart";
import { DateField } from "../DateField/DateField";
import { NO_EXCLUDED_COLUMN, type ReportState } from "./useReport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  short: { maxWidth: "12em", minWidth: 0 },
  // Fluent's dropdown is at least 250 px wide: in a 320 px pane it takes the pane's width instead.
  dropdown: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  // Sheet names (« D441-6 31-12-2025, Balance âgée 31-12-2025 ») break where they must.
  wrap: { overflowWrap: "anywhere" },
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
  const s = useCatalogue(REPORTS_STRINGS);
  const common = useCatalogue(COMMON);
  const styles = useStyles();
  const headers = source?.headers ?? [];
  const columnName = (i: number) =>
    i === NO_EXCLUDED_COLUMN
      ? common.noColumn
      : `${columnLetters((source?.startColumn ?? 0) + i)} · ${headers[i] ?? ""}`;
  const run = state.run;
  return (
    <div className={styles.root} data-testid="reports-panel">
      <Caption1>{s.intro}</Caption1>
      {!invoices && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.needsInvoices}</MessageBarBody>
        </MessageBar>
      )}
      <DateField
        label={s.closing}
        iso={state.closingText}
        onChange={state.setClosingText}
        required
        testId="closing"
      />
      <Field label={s.kind}>
        <RadioGroup
          value={state.kind}
          onChange={(_, data) => state.setKind(data.value as ReportKind)}
          data-testid="report-kind"
        >
          <Radio value="received" label={s.received} />
          <Radio value="issued" label={s.issued} />
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
      <Field label={s.excludedColumn}>
        <Dropdown
          className={styles.dropdown}
          value={columnName(state.excludedColumn)}
          selectedOptions={[String(state.excludedColumn)]}
          onOptionSelect={(_, data) => state.setExcludedColumn(Number(data.optionValue))}
          data-testid="excluded-column"
        >
          <Option value={String(NO_EXCLUDED_COLUMN)}>{common.noColumn}</Option>
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
          {s.build}
        </Button>
        {run.phase === "writing" && <Spinner size="tiny" />}
      </div>
      {state.problem !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="report-problem">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "done" && (
        <MessageBar
          intent={run.skipped > 0 ? "warning" : "success"}
          layout="multiline"
          data-testid="report-result"
        >
          <MessageBarBody className={styles.wrap}>
            <div>{s.written(run.sheets.join(", "))}</div>
            {run.skipped > 0 && <div>{s.rowsSkipped(run.skipped)}</div>}
            {!run.printSetup && <div data-testid="report-no-print-setup">{common.printSetupNotMade}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "error" && (
        <MessageBar intent="error" layout="multiline" data-testid="report-error">
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      )}
      {invoices && state.report && <AgingChart report={state.report} />}
    </div>
  );
}
