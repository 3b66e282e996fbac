import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  formatCitation,
  type Day,
  type EndOfMonthMethod,
  PERIOD_UNITS,
  type PeriodUnit,
  type RateTable,
  type VendorProfile,
} from "../../../engine";
import { MAX_PROFILE_CHARS } from "../../../storage";
import { useLanguage } from "../../i18n/LanguageContext";
import { EDITOR_STRINGS } from "./strings";
import { useVendorEditor, type VendorEditorState } from "./useVendorEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  understood: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

export interface VendorEditorProps {
  /** The profile to edit; none for a new vendor. */
  readonly initial?: VendorProfile | undefined;
  /** The rate table and as-of date the legal flags are computed with (3 × the legal rate of that half-year). */
  readonly rates: RateTable;
  readonly asOf: Day;
  readonly endOfMonthMethod: EndOfMonthMethod;
  /** Ids of the shipped vendors and of the vendors this workbook already stores, for warnings. */
  readonly shippedIds: readonly string[];
  readonly workbookIds: readonly string[];
  /** Saves the validated profile (the pane stores it in the workbook and refreshes the registry). */
  readonly onSave: (profile: VendorProfile) => void;
  readonly onCancel: () => void;
  /** Hands a JSON file to the pane, which offers it for download. */
  readonly onExport: (file: { fileName: string; text: string }) => void;
}

/** The custom-vendor form: terms typed as the contract writes them, read back, checked against the law. */
export function VendorEditor(props: VendorEditorProps) {
  const { lang } = useLanguage();
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  const ed = useVendorEditor({
    initial: props.initial,
    rates: props.rates,
    asOf: props.asOf,
    endOfMonthMethod: props.endOfMonthMethod,
  });
  const d = ed.draft;
  const id = d.id.trim();
  const fileInput = React.useRef<HTMLInputElement>(null);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    // Refuse a huge file before reading it into memory; importText applies the same limit to the text.
    if (file.size > MAX_PROFILE_CHARS * 4) ed.importText("x".repeat(MAX_PROFILE_CHARS + 1));
    else ed.importText(await file.text());
  };

  return (
    <form
      className={styles.root}
      aria-label={s.title}
      data-testid="vendor-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (ed.result.profile) props.onSave(ed.result.profile);
      }}
    >
      <section className={styles.section} aria-label={s.identity}>
        <Subtitle2>{s.identity}</Subtitle2>
        <div className={styles.row}>
          <Field label={s.id} required>
            <Input value={d.id} onChange={(_, v) => ed.set("id", v.value.toLowerCase())} maxLength={40} />
          </Field>
          <Field label={s.name} required>
            <Input value={d.name} onChange={(_, v) => ed.set("name", v.value)} maxLength={100} />
          </Field>
          <Field label={s.legalName}>
            <Input value={d.legalName} onChange={(_, v) => ed.set("legalName", v.value)} maxLength={200} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={s.documentTitle} required>
            <Input
              value={d.documentTitle}
              onChange={(_, v) => ed.set("documentTitle", v.value)}
              maxLength={300}
            />
          </Field>
          <Field label={s.documentShort} required>
            <Input
              value={d.documentShort}
              onChange={(_, v) => ed.set("documentShort", v.value)}
              maxLength={60}
            />
          </Field>
          <Field label={s.version}>
            <Input
              value={d.profileVersion}
              onChange={(_, v) => ed.set("profileVersion", v.value)}
              maxLength={40}
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Checkbox
            checked={d.pro}
            onChange={(_, v) => ed.set("pro", v.checked === true)}
            label={s.clientsPro}
          />
          <Checkbox
            checked={d.consumer}
            onChange={(_, v) => ed.set("consumer", v.checked === true)}
            label={s.clientsConsumer}
          />
        </div>
        {id !== "" && props.shippedIds.includes(id) && (
          <MessageBar intent="warning">
            <MessageBarBody>{s.shippedIdWarning}</MessageBarBody>
          </MessageBar>
        )}
        {id !== "" &&
          !props.shippedIds.includes(id) &&
          props.workbookIds.includes(id) &&
          id !== props.initial?.id && (
            <MessageBar intent="warning">
              <MessageBarBody>{s.existingIdWarning}</MessageBarBody>
            </MessageBar>
          )}
      </section>

      <KindsSection ed={ed} lang={lang} />
      <LateSection ed={ed} lang={lang} />
      <PlansSection ed={ed} lang={lang} />
      <DeadlinesSection ed={ed} lang={lang} />

      {ed.flags.length > 0 && (
        <section className={styles.section} aria-label={s.legal} data-testid="vendor-legal-flags">
          <Subtitle2>{s.legal}</Subtitle2>
          {ed.flags.map((f, i) => (
            <MessageBar key={`${f.id}-${i}`} intent="warning">
              <MessageBarBody>
                {f.invoiceKind ? `[${f.invoiceKind}] ` : ""}
                {f.text[lang]} ({f.article.map(formatCitation).join(", ")})
              </MessageBarBody>
            </MessageBar>
          ))}
        </section>
      )}

      {ed.result.issues.length > 0 && (
        <section aria-label={s.problems} data-testid="vendor-issues">
          <Subtitle2>{s.problems}</Subtitle2>
          <ul>
            {ed.result.issues.slice(0, 30).map((i, k) => (
              <li key={k}>
                <code>{i.path}</code> — {i.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {ed.importMessage && (
        <MessageBar intent={ed.importMessage.ok ? "success" : "error"} data-testid="vendor-import-message">
          <MessageBarBody>
            {ed.importMessage.ok ? s.imported : ed.importMessage.text[lang]}
            {ed.importMessage.details.length > 0 && (
              <ul>
                {ed.importMessage.details.map((line, k) => (
                  <li key={k}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!ed.result.profile}>
          {s.save}
        </Button>
        <Button onClick={() => fileInput.current?.click()}>{s.importJson}</Button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-hidden="true"
          onChange={(e) => void onFile(e)}
        />
        <Button
          disabled={!ed.result.profile}
          onClick={() => {
            const file = ed.exportFile();
            if (file) props.onExport(file);
          }}
        >
          {s.exportJson}
        </Button>
        <Button appearance="subtle" onClick={props.onCancel}>
          {s.cancel}
        </Button>
      </div>
    </form>
  );
}

type SectionProps = { ed: VendorEditorState; lang: "fr" | "en" };

function KindsSection({ ed, lang }: SectionProps) {
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  const d = ed.draft;
  return (
    <section className={styles.section} aria-label={s.kinds}>
      <Subtitle2>{s.kinds}</Subtitle2>
      {d.kinds.map((k, i) => {
        const reading = ed.result.readings[i];
        const candidates = reading?.reading.candidates ?? [];
        return (
          <div key={i} className={styles.item} data-testid={`kind-${i}`}>
            <div className={styles.row}>
              <Field label={s.kindId}>
                <Input
                  value={k.id}
                  onChange={(_, v) => ed.setKind(i, { id: v.value.toLowerCase() })}
                  maxLength={40}
                />
              </Field>
              <Field label={s.kindLabelFr}>
                <Input
                  value={k.labelFr}
                  onChange={(_, v) => ed.setKind(i, { labelFr: v.value })}
                  maxLength={200}
                />
              </Field>
              <Field label={s.kindLabelEn}>
                <Input
                  value={k.labelEn}
                  onChange={(_, v) => ed.setKind(i, { labelEn: v.value })}
                  maxLength={200}
                />
              </Field>
            </div>
            <Field
              label={s.termText}
              validationState={candidates.length === 0 ? "error" : "none"}
              validationMessage={candidates.length === 0 ? (reading?.reading.question?.[lang] ?? "") : ""}
            >
              <Input
                value={k.termText}
                onChange={(_, v) => ed.setKind(i, { termText: v.value })}
                maxLength={200}
                placeholder="30 jours fin de mois"
              />
            </Field>
            {candidates.length === 1 && (
              <span className={styles.understood}>
                {s.understood} : {candidates[0]?.understood[lang]}
              </span>
            )}
            {candidates.length > 1 && (
              <Field label={reading?.reading.question?.[lang] ?? ""}>
                <RadioGroup
                  value={reading?.chosen === undefined ? "" : String(reading.chosen)}
                  onChange={(_, v) => ed.setKind(i, { reading: Number(v.value) })}
                >
                  {candidates.map((c, j) => (
                    <Radio key={j} value={String(j)} label={c.understood[lang]} />
                  ))}
                </RadioGroup>
              </Field>
            )}
            <div className={styles.row}>
              <Field label={s.clause}>
                <Input
                  value={k.clause}
                  onChange={(_, v) => ed.setKind(i, { clause: v.value })}
                  maxLength={200}
                />
              </Field>
              <Checkbox
                checked={d.defaultKind === k.id}
                onChange={() => ed.set("defaultKind", k.id)}
                label={s.defaultKind}
              />
              {d.kinds.length > 1 && (
                <Button appearance="subtle" onClick={() => ed.removeKind(i)}>
                  {s.remove}
                </Button>
              )}
            </div>
          </div>
        );
      })}
      <Button onClick={ed.addKind}>{s.addKind}</Button>
    </section>
  );
}

function LateSection({ ed, lang }: SectionProps) {
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  const d = ed.draft;
  return (
    <section className={styles.section} aria-label={s.late}>
      <Subtitle2>{s.late}</Subtitle2>
      <div className={styles.row}>
        <Field label={s.rateKind}>
          <Select value={d.rateKind} onChange={(_, v) => ed.set("rateKind", v.value as typeof d.rateKind)}>
            <option value="legal-multiple">{s.rateLegalMultiple}</option>
            <option value="ecb-plus">{s.rateEcbPlus}</option>
            <option value="fixed">{s.rateFixed}</option>
          </Select>
        </Field>
        <Field label={s.rateValue}>
          <Input value={d.rateValue} onChange={(_, v) => ed.set("rateValue", v.value)} maxLength={12} />
        </Field>
        <Field label={s.base}>
          <Select value={d.base} onChange={(_, v) => ed.set("base", v.value as typeof d.base)}>
            <option value="invoice-amount">{s.baseInvoice}</option>
            <option value="amount-incl-vat">{s.baseTtc}</option>
            <option value="sum-due">{s.baseSumDue}</option>
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={s.fee}>
          <Input value={d.feeAmount} onChange={(_, v) => ed.set("feeAmount", v.value)} maxLength={12} />
        </Field>
        <Checkbox
          checked={d.justifiedCostsAbove}
          onChange={(_, v) => ed.set("justifiedCostsAbove", v.checked === true)}
          label={s.justified}
        />
        <Field label={s.clause}>
          <Input value={d.lateClause} onChange={(_, v) => ed.set("lateClause", v.value)} maxLength={200} />
        </Field>
      </div>
    </section>
  );
}

function PlansSection({ ed, lang }: SectionProps) {
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={s.plans}>
      <Subtitle2>{s.plans}</Subtitle2>
      {ed.draft.plans.map((p, i) => (
        <div key={i} className={styles.item} data-testid={`plan-${i}`}>
          <div className={styles.row}>
            <Field label={s.planId}>
              <Input
                value={p.id}
                onChange={(_, v) => ed.setPlan(i, { id: v.value.toLowerCase() })}
                maxLength={40}
              />
            </Field>
            <Field label={s.planLabel}>
              <Input value={p.label} onChange={(_, v) => ed.setPlan(i, { label: v.value })} maxLength={200} />
            </Field>
          </div>
          <div className={styles.row}>
            <Field label={s.initialMonths}>
              <Input
                value={p.initialMonths}
                onChange={(_, v) => ed.setPlan(i, { initialMonths: v.value })}
                maxLength={4}
              />
            </Field>
            <Field label={s.renewalMonths}>
              <Input
                value={p.renewalMonths}
                onChange={(_, v) => ed.setPlan(i, { renewalMonths: v.value })}
                maxLength={4}
              />
            </Field>
            <Field label={s.noticeAmount}>
              <Input
                value={p.noticeAmount}
                onChange={(_, v) => ed.setPlan(i, { noticeAmount: v.value })}
                maxLength={4}
              />
            </Field>
            <Field label={s.unit}>
              <Select
                value={p.noticeUnit}
                onChange={(_, v) => ed.setPlan(i, { noticeUnit: v.value as "months" | "days" })}
              >
                <option value="months">{s.noticeMonths}</option>
                <option value="days">{s.noticeDays}</option>
              </Select>
            </Field>
            <Field label={s.end}>
              <Select value={p.end} onChange={(_, v) => ed.setPlan(i, { end: v.value as typeof p.end })}>
                <option value="day-before-renewal">{s.endDayBefore}</option>
                <option value="end-of-calendar-month">{s.endMonth}</option>
              </Select>
            </Field>
          </div>
          <div className={styles.row}>
            <Field label={s.clause}>
              <Input
                value={p.clause}
                onChange={(_, v) => ed.setPlan(i, { clause: v.value })}
                maxLength={200}
              />
            </Field>
            <Button appearance="subtle" onClick={() => ed.removePlan(i)}>
              {s.remove}
            </Button>
          </div>
        </div>
      ))}
      <Button onClick={ed.addPlan}>{s.addPlan}</Button>
    </section>
  );
}

function DeadlinesSection({ ed, lang }: SectionProps) {
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={s.deadlines}>
      <Subtitle2>{s.deadlines}</Subtitle2>
      {ed.draft.deadlines.map((x, i) => (
        <div key={i} className={styles.item} data-testid={`deadline-${i}`}>
          <div className={styles.row}>
            <Field label={s.deadlineId}>
              <Input
                value={x.id}
                onChange={(_, v) => ed.setDeadline(i, { id: v.value.toLowerCase() })}
                maxLength={40}
              />
            </Field>
            <Field label={s.deadlineLabel}>
              <Input
                value={x.label}
                onChange={(_, v) => ed.setDeadline(i, { label: v.value })}
                maxLength={200}
              />
            </Field>
            <Field label={s.deadlineFrom}>
              <Input
                value={x.from}
                onChange={(_, v) => ed.setDeadline(i, { from: v.value })}
                maxLength={200}
              />
            </Field>
          </div>
          <div className={styles.row}>
            <Field label={s.amount}>
              <Input
                value={x.amount}
                onChange={(_, v) => ed.setDeadline(i, { amount: v.value })}
                maxLength={5}
              />
            </Field>
            <Field label={s.unit}>
              <Select value={x.unit} onChange={(_, v) => ed.setDeadline(i, { unit: v.value as PeriodUnit })}>
                {PERIOD_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={s.direction}>
              <Select
                value={x.direction}
                onChange={(_, v) => ed.setDeadline(i, { direction: v.value as "after" | "before" })}
              >
                <option value="after">{s.after}</option>
                <option value="before">{s.before}</option>
              </Select>
            </Field>
            <Field label={s.clause}>
              <Input
                value={x.clause}
                onChange={(_, v) => ed.setDeadline(i, { clause: v.value })}
                maxLength={200}
              />
            </Field>
            <Button appearance="subtle" onClick={() => ed.removeDeadline(i)}>
              {s.remove}
            </Button>
          </div>
        </div>
      ))}
      <Button onClick={ed.addDeadline}>{s.addDeadline}</Button>
    </section>
  );
}
