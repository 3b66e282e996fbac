import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { halfYearText, parseHalfYear, type RateRow, type RateRowField } from "../../../engine";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { RATES_STRINGS } from "./strings";
import { OfficialSources } from "./OfficialSources";
import {
  checkDraft,
  percentText,
  withRateRow,
  type DraftCheck,
  type RateDraft,
  type ShippedChange,
} from "./rate-draft";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** What a save did, for the line the pane shows after it. */
export type RateSaveResult = { readonly kind: "saved" | "shipped" | "unchanged"; readonly halfYear: string };

/**
 * Adding or correcting a half-year: the three figures (decimal comma accepted), where to find the
 * official ones, the engine's checks with each message under its field, and a question before a
 * shipped figure is replaced. Stores the user's rows through `onSave`.
 */
export function RateForm({
  initial,
  fixedHalfYear,
  userRows,
  onSave,
  onDone,
  onCancel,
  testId = "rate-form",
}: {
  initial: RateDraft;
  /** The half-year is given (Apply's offer, a line's button): not editable. */
  fixedHalfYear: boolean;
  /** The rate rows the workbook stores now. */
  userRows: readonly RateRow[];
  onSave: (rows: readonly RateRow[]) => Promise<void>;
  onDone: (result: RateSaveResult) => void;
  onCancel: () => void;
  testId?: string;
}) {
  const s = useCatalogue(RATES_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [draft, setDraft] = React.useState<RateDraft>(initial);
  const [problems, setProblems] = React.useState<ReadonlyMap<RateRowField, string>>(new Map());
  const [confirming, setConfirming] = React.useState<(DraftCheck & { ok: true }) | undefined>();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const key = parseHalfYear(draft.halfYear);
  const when = key === undefined ? draft.halfYear : halfYearText(key, lang);
  const ecbDay = key === undefined ? s.ecbFirstDay : key % 2 === 0 ? s.firstOfJanuary : s.firstOfJuly;

  const set = (field: keyof RateDraft) => (_: unknown, data: { value: string }) =>
    setDraft((d) => ({ ...d, [field]: data.value }));

  const store = async (check: DraftCheck & { ok: true }) => {
    setSaving(true);
    setError(undefined);
    try {
      const had = userRows.some((r) => parseHalfYear(r.halfYear) === check.key);
      if (check.row === undefined && !had) {
        onDone({ kind: "unchanged", halfYear: halfYearText(check.key, lang) });
        return;
      }
      await onSave(withRateRow(userRows, check.key, check.row));
      onDone({ kind: check.row ? "saved" : "shipped", halfYear: halfYearText(check.key, lang) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const check = checkDraft(draft, lang);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems(new Map());
    if (check.changesShipped.length > 0) setConfirming(check);
    else void store(check);
  };

  const fieldWords: Readonly<Record<RateRowField, string>> = {
    "half-year": s.halfYear,
    "legal-professional": s.legalPro,
    "legal-consumer": s.legalConsumer,
    ecb: s.ecb(ecbDay),
  };
  const validation = (field: RateRowField) => {
    const message = problems.get(field);
    return message === undefined ? {} : { validationState: "error" as const, validationMessage: message };
  };
  const confirmLine = (c: ShippedChange) =>
    s.confirmLine(fieldWords[c.field], when, percentText(c.shipped, lang), percentText(c.given, lang));

  return (
    <form className={styles.root} onSubmit={submit} data-testid={testId} noValidate>
      <Subtitle2 as="h3">{key === undefined ? s.formNew : s.formTitle(when)}</Subtitle2>
      {!fixedHalfYear && (
        <Field label={s.halfYear} hint={s.halfYearHint} {...validation("half-year")}>
          <Input value={draft.halfYear} onChange={set("halfYear")} data-testid="rate-half-year" />
        </Field>
      )}
      {fixedHalfYear && problems.get("half-year") !== undefined && (
        <Field validationState="error" validationMessage={problems.get("half-year") ?? ""} />
      )}
      <Field label={`${s.legalPro} (%)`} hint={s.percentHint} {...validation("legal-professional")}>
        <Input
          value={draft.legalProfessional}
          onChange={set("legalProfessional")}
          inputMode="decimal"
          data-testid="rate-legal-professional"
        />
      </Field>
      <Field label={`${s.legalConsumer} (%)`} {...validation("legal-consumer")}>
        <Input
          value={draft.legalConsumer}
          onChange={set("legalConsumer")}
          inputMode="decimal"
          data-testid="rate-legal-consumer"
        />
      </Field>
      <Field label={`${s.ecb(ecbDay)} (%)`} {...validation("ecb")}>
        <Input value={draft.ecb} onChange={set("ecb")} inputMode="decimal" data-testid="rate-ecb" />
      </Field>
      <Field label={s.sourceLabel}>
        <Input
          value={draft.source}
          onChange={set("source")}
          placeholder={s.sourcePlaceholder}
          data-testid="rate-source"
        />
      </Field>
      <OfficialSources compact />
      {error !== undefined && <Field validationState="error" validationMessage={error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving} data-testid="rate-save">
          {s.save}
        </Button>
        <Button type="button" onClick={onCancel} disabled={saving}>
          {common.cancel}
        </Button>
      </div>
      <Dialog
        open={confirming !== undefined}
        modalType="alert"
        onOpenChange={(_, d) => !d.open && setConfirming(undefined)}
      >
        <DialogSurface data-testid="rate-confirm">
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>
              {(confirming?.changesShipped ?? []).map((c) => (
                <p key={c.field}>{confirmLine(c)}</p>
              ))}
              <p>{s.confirmBody}</p>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(undefined)}>
                {common.cancel}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const check = confirming;
                  setConfirming(undefined);
                  if (check) void store(check);
                }}
              >
                {s.confirmReplace}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}
