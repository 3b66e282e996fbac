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
import { formatDate, type ApplySummary } from "../../../apply";
import { quoteSheet } from "../../../cells";
import { parseIsoDay, type Day, type RateRow, type RateTable } from "../../../engine";
import type { StoredRegister } from "../../../storage";
import { describeError } from "../../apply-adapter";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";
import type { Strings } from "../../i18n/strings";
import { MissingRateOffer } from "../ApplyPanel/MissingRateOffer";
import type { RecalcLine } from "./recalculate";
import type { SkipReason } from "../../../write";
import type { Recalculation } from "./useRecalculation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

/** A remembered register as the user names it: its sheet and range, or its table. */
export function registerLabel(register: StoredRegister, s: Strings): string {
  return register.table !== undefined
    ? s.recalcTable(register.table)
    : `${quoteSheet(register.sheet)}!${register.range ?? ""}`;
}

function why(reason: SkipReason, s: Strings, lang: "en" | "fr"): string {
  switch (reason.kind) {
    case "sheet-gone":
      return s.recalcSheetGone(reason.sheet);
    case "table-gone":
      return s.recalcTableGone(reason.table);
    case "bad-range":
      return s.recalcBadRange(reason.range);
    case "columns-moved":
      return s.recalcColumnsMoved(reason.column + 1, reason.expected, reason.found);
    case "mapping":
      return s.recalcMapping(reason.messages.map((m) => m[lang]).join(" ; "));
    case "would-replace":
      return s.recalcWouldReplace(reason.count, reason.address);
  }
}

/** The line of one register after the run. */
export function lineText(line: RecalcLine, s: Strings, lang: "en" | "fr"): string {
  const label = registerLabel(line.register, s);
  const o = line.outcome;
  switch (o.kind) {
    case "applied":
      return o.cancelled
        ? s.recalcPartial(label, o.rows)
        : s.recalcApplied(label, o.rows, formatDate(parseIsoDay(o.asOfIso) as Day, lang));
    case "skipped":
      return s.recalcSkipped(label, why(o.reason, s, lang));
    case "failed":
      return s.recalcFailed(label, describeError(o.error, s, lang));
    case "not-run":
      return s.recalcNotRun(label);
  }
}

/** The missing rates of every register applied, by rate and half-year. */
function missingOf(lines: readonly RecalcLine[]): ApplySummary["missingRates"] {
  const byKey = new Map<string, ApplySummary["missingRates"][number]>();
  for (const line of lines) {
    if (line.outcome.kind !== "applied") continue;
    for (const m of line.outcome.summary.missingRates) {
      const key = `${m.rate} ${m.halfYear}`;
      const before = byKey.get(key);
      byKey.set(key, before ? { ...m, rows: before.rows + m.rows } : m);
    }
  }
  return [...byKey.values()];
}

/**
 * « Tout recalculer »: the registers the workbook remembers, the button, the progress with Cancel,
 * and a line per register (recalculated, skipped and why, failed) — then, when rates were missing,
 * the same offer as after Apply.
 */
export function RecalcPanel({
  recalc,
  disabled,
  table,
  userRows,
  onSaveRates,
}: {
  recalc: Recalculation;
  /** Apply is running: one write at a time. */
  disabled: boolean;
  table: RateTable;
  userRows: readonly RateRow[];
  /** Stores rate rows; the pane then recalculates again. */
  onSaveRates: (rows: readonly RateRow[]) => Promise<void>;
}) {
  const s = useStrings();
  const { lang } = useLanguage();
  const styles = useStyles();
  const st = recalc.state;
  const progress = st.phase === "running" ? st.progress : undefined;
  const missing = st.phase === "done" ? missingOf(st.lines) : [];
  const counted = st.phase === "done" ? st.lines : [];
  const applied = counted.filter((l) => l.outcome.kind === "applied").length;

  return (
    <div className={styles.root} data-testid="recalc-panel">
      <Caption1>{s.recalcIntro}</Caption1>
      {recalc.registers.length === 0 ? (
        <Caption1 data-testid="recalc-none">{s.recalcNone}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={s.recalcListLabel} data-testid="recalc-registers">
          {recalc.registers.map((r) => (
            <li key={`${r.sheet}!${r.range ?? ""}#${r.table ?? ""}`}>
              <Caption1>
                {registerLabel(r, s)} —{" "}
                {r.asOf === "today"
                  ? s.recalcAsOfToday
                  : s.recalcAsOfFixed(formatDate(parseIsoDay(r.asOf) as Day, lang))}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={recalc.registers.length === 0 || recalc.busy || disabled}
          onClick={recalc.start}
          data-testid="recalc-all"
        >
          {s.recalcButton}
        </Button>
        {recalc.busy && (
          <Button onClick={recalc.cancel} data-testid="recalc-cancel">
            {s.cancel}
          </Button>
        )}
      </div>
      {st.phase === "running" && (
        <Field
          label={
            progress
              ? `${s.recalcProgress(progress.index + 1, progress.count, registerLabel(progress.register, s))} — ${s.recalcRows(progress.done, progress.rows)}`
              : s.phaseCounting
          }
          data-testid="recalc-progress"
        >
          <ProgressBar
            {...(progress
              ? {
                  value:
                    (progress.index + (progress.rows === 0 ? 0 : progress.done / progress.rows)) /
                    progress.count,
                }
              : {})}
            max={1}
            thickness="large"
            aria-label={s.progressLabel}
          />
        </Field>
      )}
      {st.phase === "done" && (
        <MessageBar
          intent={st.cancelled || applied < counted.length ? "warning" : "success"}
          data-testid="recalc-result"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {st.cancelled ? s.recalcCancelled : s.recalcDone(applied, counted.length - applied)}
            </MessageBarTitle>
            <ul className={styles.list}>
              {st.lines.map((line, i) => (
                <li key={i} data-testid="recalc-line" data-outcome={line.outcome.kind}>
                  {lineText(line, s, lang)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {missing.length > 0 && (
        <MissingRateOffer
          missing={missing}
          table={table}
          userRows={userRows}
          onSave={onSaveRates}
          testId="recalc-missing-rates"
        />
      )}
    </div>
  );
}
