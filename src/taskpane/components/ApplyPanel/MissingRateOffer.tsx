import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ApplySummary } from "../../../apply";
// The status's own sentence (src/apply/compute.ts), not exported by src/apply's index yet.
import { missingRateSentence } from "../../../apply/compute";
import { halfYearText, type HalfYearKey, type RateRow, type RateTable } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { APPLY_STRINGS } from "./strings";
import { RateForm } from "../RatesPanel/RateForm";
import { draftFor } from "../RatesPanel/rate-draft";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/**
 * After a run that met half-years without a rate (issue 13): how many invoices lack interest and why,
 * and a form for each missing half-year right there, filled with what is known of it (the ECB rate of
 * a half-year whose legal rate is not published yet). `onSave` stores the rows; the pane then computes
 * the same register(s) again.
 */
export function MissingRateOffer({
  missing,
  table,
  userRows,
  onSave,
  testId = "missing-rates",
}: {
  missing: ApplySummary["missingRates"];
  table: RateTable;
  userRows: readonly RateRow[];
  onSave: (rows: readonly RateRow[]) => Promise<void>;
  testId?: string;
}) {
  const s = useCatalogue(APPLY_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [open, setOpen] = React.useState<HalfYearKey>();
  const [saved, setSaved] = React.useState(false);
  if (missing.length === 0) return null;
  const rows = missing.reduce((n, m) => n + m.rows, 0);
  const halfYears = [...new Set(missing.map((m) => m.halfYear))].sort((a, b) => a - b);

  return (
    <div className={styles.root} data-testid={testId}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{s.missingTitle(rows)}</MessageBarTitle>
          <ul className={styles.lines}>
            {missing.map((m) => (
              <li key={`${m.rate}-${m.halfYear}`}>{s.missingLine(m.rows, missingRateSentence(m, lang))}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
      {saved && <div data-testid={`${testId}-reapplying`}>{s.missingReapplying}</div>}
      {open === undefined ? (
        <div className={styles.actions}>
          {halfYears.map((key) => (
            <Button key={key} appearance="primary" onClick={() => setOpen(key)} data-testid={`${testId}-add`}>
              {s.missingAdd(halfYearText(key, lang))}
            </Button>
          ))}
        </div>
      ) : (
        <RateForm
          key={open}
          testId={`${testId}-form`}
          initial={draftFor(table, open, lang)}
          fixedHalfYear
          userRows={userRows}
          onSave={async (next) => {
            await onSave(next);
            setSaved(true);
          }}
          onDone={() => setOpen(undefined)}
          onCancel={() => setOpen(undefined)}
        />
      )}
    </div>
  );
}
