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
import { formatDate } from "../../../apply";
import { parseIsoDay, type Day, type RateRow, type RateTable } from "../../../engine";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { MissingRateOffer } from "../ApplyPanel/MissingRateOffer";
import { lineText, missingOf, registerLabel } from "./recalc-lines";
import { RECALC_STRINGS } from "./strings";
import type { Recalculation } from "./useRecalculation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

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
  const s = useCatalogue(RECALC_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useStyles();
  const st = recalc.state;
  const progress = st.phase === "running" ? st.progress : undefined;
  const missing = st.phase === "done" ? missingOf(st.lines) : [];
  const counted = st.phase === "done" ? st.lines : [];
  const applied = counted.filter((l) => l.outcome.kind === "applied").length;

  return (
    <div className={styles.root} data-testid="recalc-panel">
      <Caption1>{s.intro}</Caption1>
      {recalc.registers.length === 0 ? (
        <Caption1 data-testid="recalc-none">{s.none}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={s.listLabel} data-testid="recalc-registers">
          {recalc.registers.map((r) => (
            <li key={`${r.sheet}!${r.range ?? ""}#${r.table ?? ""}`}>
              <Caption1>
                {registerLabel(r, lang)} —{" "}
                {r.asOf === "today" ? s.asOfToday : s.asOfFixed(formatDate(parseIsoDay(r.asOf) as Day, lang))}
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
          {s.button}
        </Button>
        {recalc.busy && (
          <Button onClick={recalc.cancel} data-testid="recalc-cancel">
            {common.cancel}
          </Button>
        )}
      </div>
      {st.phase === "running" && (
        <Field
          label={
            progress
              ? `${s.progress(progress.index + 1, progress.count, registerLabel(progress.register, lang))} — ${s.rows(progress.done, progress.rows)}`
              : common.checkingCells
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
            aria-label={common.applyProgress}
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
              {st.cancelled ? s.cancelled : s.done(applied, counted.length - applied)}
            </MessageBarTitle>
            <ul className={styles.list}>
              {st.lines.map((line, i) => (
                <li key={i} data-testid="recalc-line" data-outcome={line.outcome.kind}>
                  {lineText(line, lang)}
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
