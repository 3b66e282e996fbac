import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  knownThrough,
  parseHalfYear,
  type Day,
  type HalfYearKey,
  type RateLine,
  type RateOrigin,
  type RateTable,
} from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { RATES_STRINGS } from "./strings";
import type { WorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import { OfficialSources } from "./OfficialSources";
import { RateForm, type RateSaveResult } from "./RateForm";
import {
  draftFor,
  lineOf,
  nextToAdd,
  percentText,
  shownHalfYears,
  withRateRow,
  type RateDraft,
} from "./rate-draft";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  figure: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  origin: { fontWeight: tokens.fontWeightSemibold },
  shipped: { color: tokens.colorNeutralForeground3 },
  user: { color: tokens.colorBrandForeground1 },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1 },
  missing: { color: tokens.colorPaletteRedForeground1 },
  wrap: { overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

type Form = { readonly draft: RateDraft; readonly fixed: boolean; readonly key: HalfYearKey | undefined };

/**
 * The « Taux » view: the rate table per half-year (legal rate for professionals and for consumers, ECB
 * rate in force on 1 January / 1 July) with where each figure comes from, how far each rate is known,
 * where to find the official figures, and the form to add or correct a half-year. The same view of the
 * table as `echeance rates` (the engine's `rateLines`, `knownThrough`, `OFFICIAL_RATE_SOURCES`), as a
 * list that fits a 320 px pane.
 */
export function RatesPanel({
  terms,
  table,
  today,
}: {
  terms: WorkbookTerms;
  /** The table in force: shipped rates and the workbook's rows. */
  table: RateTable;
  /** Today: the half-years shown run to today's (or further, when known beyond it). */
  today: Day;
}) {
  const s = useCatalogue(RATES_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [form, setForm] = React.useState<Form>();
  const [message, setMessage] = React.useState<{ readonly ok: boolean; readonly text: string }>();
  const rows = terms.state.rateRows;
  const keys = shownHalfYears(table, rows, today);

  const open = (key: HalfYearKey | undefined, fixed: boolean) => {
    const at = key ?? nextToAdd(table, today);
    setMessage(undefined);
    setForm({ draft: draftFor(table, at, lang), fixed, key });
  };
  const done = (result: RateSaveResult) => {
    setForm(undefined);
    setMessage({
      ok: true,
      text:
        result.kind === "saved"
          ? s.saved(result.halfYear)
          : result.kind === "shipped"
            ? s.backToShipped(result.halfYear)
            : s.nothingToSave,
    });
  };
  const remove = async (line: RateLine) => {
    try {
      await terms.saveRateRows(withRateRow(rows, line.key, undefined));
      setMessage({ ok: true, text: s.removed(line.text[lang]) });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const originClass: Readonly<Record<RateOrigin, string>> = {
    shipped: styles.shipped,
    user: styles.user,
    "user-changed-shipped": styles.changed,
    missing: styles.missing,
  };
  const userRow = (key: HalfYearKey) => rows.some((r) => parseHalfYear(r.halfYear) === key);

  return (
    <div className={styles.root} data-testid="rates-panel">
      <Caption1>{s.intro}</Caption1>
      {terms.storeKind === "memory" && <Caption1>{s.inMemory}</Caption1>}
      <Text data-testid="rates-known">{s.known(knownThrough(table, lang))}</Text>
      {message && (
        <MessageBar intent={message.ok ? "success" : "error"} data-testid="rates-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {form ? (
        <RateForm
          key={`${form.draft.halfYear}-${String(form.fixed)}`}
          initial={form.draft}
          fixedHalfYear={form.fixed}
          userRows={rows}
          onSave={terms.saveRateRows}
          onDone={done}
          onCancel={() => setForm(undefined)}
        />
      ) : (
        <div className={styles.actions}>
          <Button onClick={() => open(undefined, false)} data-testid="rates-add">
            {s.addOther}
          </Button>
        </div>
      )}
      <ul className={styles.list} aria-label={s.listLabel} data-testid="rates-list">
        {keys.map((key) => {
          const line = lineOf(table, key);
          const ecbDay = key % 2 === 0 ? s.firstOfJanuary : s.firstOfJuly;
          return (
            <li key={key} className={styles.item} data-half-year={line.label} data-origin={line.origin}>
              <div className={styles.heading}>
                <Text weight="semibold">{line.text[lang]}</Text>
                <Caption1>{line.label}</Caption1>
              </div>
              <Caption1 className={mergeClasses(styles.origin, originClass[line.origin])}>
                {s.origin[line.origin]}
              </Caption1>
              <div className={styles.figure}>
                <Caption1>{s.legalPro}</Caption1>
                <Text>{percentText(line.legalProfessional, lang)}</Text>
              </div>
              <div className={styles.figure}>
                <Caption1>{s.legalConsumer}</Caption1>
                <Text>{percentText(line.legalConsumer, lang)}</Text>
              </div>
              <div className={styles.figure}>
                <Caption1>{s.ecb(ecbDay)}</Caption1>
                <Text>{percentText(line.ecb, lang)}</Text>
              </div>
              {line.source !== "" && <Caption1 className={styles.wrap}>{s.sourceOf(line.source)}</Caption1>}
              {line.missing.length > 0 && (
                <Caption1 className={styles.missing}>
                  {s.lacks(line.missing.map((m) => (m === "legal" ? s.legalWord : s.ecbWord)).join(", "))}
                </Caption1>
              )}
              <div className={styles.actions}>
                <Button
                  size="small"
                  appearance={line.missing.length > 0 ? "primary" : "secondary"}
                  onClick={() => open(key, true)}
                  data-testid={`rates-edit-${line.label}`}
                >
                  {line.missing.length > 0 ? s.addThis : s.fix}
                </Button>
                {userRow(key) && (
                  <Button
                    size="small"
                    onClick={() => void remove(line)}
                    data-testid={`rates-remove-${line.label}`}
                  >
                    {s.remove}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {!form && <OfficialSources />}
    </div>
  );
}
