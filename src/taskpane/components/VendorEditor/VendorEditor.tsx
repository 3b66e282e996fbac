import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import { formIssues, issueSentence, type FormIssue } from "./issues";
import { EDITOR_STRINGS, type EditorStrings } from "./strings";
import { useVendorEditor, type VendorEditorState } from "./useVendorEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  // Fields side by side where the pane is wide, one under the other at 320 px.
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  field: { flexGrow: 1, flexShrink: 1, flexBasis: "11em", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  understood: { color: tokens.colorNeutralForeground2, fontStyle: "italic", overflowWrap: "break-word" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "break-word" },
});

const UNIT_LABELS: Record<PeriodUnit, keyof EditorStrings> = {
  "calendar-days": "unitCalendarDays",
  "jours-ouvres": "unitJoursOuvres",
  "jours-ouvrables": "unitJoursOuvrables",
  weeks: "unitWeeks",
  months: "unitMonths",
  years: "unitYears",
  hours: "unitHours",
};

/**
 * What the form says about a field: its problem, once the user has left the field or tried to save —
 * not before the user typed anything. `touch` is the field's blur handler.
 */
interface FieldChecks {
  validation(field: string): { validationState?: "error"; validationMessage?: string };
  touch(field: string): () => void;
}

const ChecksContext = React.createContext<FieldChecks>({
  validation: () => ({}),
  touch: () => () => undefined,
});

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);

function useFieldChecks(issues: readonly FormIssue[], lang: "fr" | "en", submitted: boolean): FieldChecks {
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  return React.useMemo(
    () => ({
      validation: (field) => {
        const issue = issues.find((i) => i.field === field);
        if (!issue || !(submitted || touched.has(field))) return {};
        return { validationState: "error", validationMessage: capitalized(issue.message[lang]) };
      },
      touch: (field) => () => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))),
    }),
    [issues, lang, submitted, touched],
  );
}

/** A labelled text input whose problem shows once the user left it. */
function TextField({
  label,
  field,
  value,
  onChange,
  maxLength,
  required = false,
  placeholder,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  required?: boolean;
  placeholder?: string;
}) {
  const styles = useStyles();
  const checks = React.useContext(ChecksContext);
  return (
    <Field className={styles.field} label={label} required={required} {...checks.validation(field)}>
      <Input
        className={styles.control}
        value={value}
        onChange={(_, v) => onChange(v.value)}
        onBlur={checks.touch(field)}
        maxLength={maxLength}
        {...(placeholder !== undefined ? { placeholder } : {})}
      />
    </Field>
  );
}

/** A labelled select of fixed choices. */
function SelectField<T extends string>({
  label,
  field,
  value,
  onChange,
  options,
}: {
  label: string;
  field: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
}) {
  const styles = useStyles();
  const checks = React.useContext(ChecksContext);
  return (
    <Field className={styles.field} label={label} {...checks.validation(field)}>
      <Select className={styles.control} value={value} onChange={(_, v) => onChange(v.value as T)}>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

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
  const issuesBox = React.useRef<HTMLDivElement>(null);
  // Problems show field by field once a field is left, and all of them once « Enregistrer » is pressed.
  const [submitted, setSubmitted] = React.useState(false);
  const issues = React.useMemo(() => formIssues(ed.result.issues), [ed.result.issues]);
  const checks = useFieldChecks(issues, lang, submitted);
  const kindLabel = (kindId: string) => {
    const kind = d.kinds.find((k) => k.id.trim() === kindId);
    return (lang === "fr" ? kind?.labelFr : kind?.labelEn || kind?.labelFr) || kindId;
  };

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    // Refuse a huge file before reading it into memory; importText applies the same limit to the text.
    if (file.size > MAX_PROFILE_CHARS * 4) ed.importText("x".repeat(MAX_PROFILE_CHARS + 1));
    else ed.importText(await file.text());
  };

  return (
    <ChecksContext.Provider value={checks}>
      <form
        className={styles.root}
        aria-label={s.title}
        data-testid="vendor-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ed.result.profile) {
            props.onSave(ed.result.profile);
            return;
          }
          setSubmitted(true);
          // The list of problems is announced and brought into view.
          window.setTimeout(() => issuesBox.current?.focus(), 0);
        }}
      >
        <section className={styles.section} aria-label={s.identity}>
          <Subtitle2>{s.identity}</Subtitle2>
          <div className={styles.row}>
            <TextField
              label={s.id}
              field="id"
              value={d.id}
              onChange={(v) => ed.set("id", v.toLowerCase())}
              maxLength={40}
              required
            />
            <TextField
              label={s.name}
              field="name"
              value={d.name}
              onChange={(v) => ed.set("name", v)}
              maxLength={100}
              required
            />
            <TextField
              label={s.legalName}
              field="legalName"
              value={d.legalName}
              onChange={(v) => ed.set("legalName", v)}
              maxLength={200}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.documentTitle}
              field="documentTitle"
              value={d.documentTitle}
              onChange={(v) => ed.set("documentTitle", v)}
              maxLength={300}
              required
            />
            <TextField
              label={s.documentShort}
              field="documentShort"
              value={d.documentShort}
              onChange={(v) => ed.set("documentShort", v)}
              maxLength={60}
              required
            />
            <TextField
              label={s.version}
              field="profileVersion"
              value={d.profileVersion}
              onChange={(v) => ed.set("profileVersion", v)}
              maxLength={40}
            />
          </div>
          <Field {...checks.validation("clients")}>
            <div className={styles.row}>
              <Checkbox
                checked={d.pro}
                onChange={(_, v) => ed.set("pro", v.checked === true)}
                onBlur={checks.touch("clients")}
                label={s.clientsPro}
              />
              <Checkbox
                checked={d.consumer}
                onChange={(_, v) => ed.set("consumer", v.checked === true)}
                onBlur={checks.touch("clients")}
                label={s.clientsConsumer}
              />
            </div>
          </Field>
          {id !== "" && props.shippedIds.includes(id) && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{s.shippedIdWarning}</MessageBarBody>
            </MessageBar>
          )}
          {id !== "" &&
            !props.shippedIds.includes(id) &&
            props.workbookIds.includes(id) &&
            id !== props.initial?.id && (
              <MessageBar intent="warning" layout="multiline">
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
              <MessageBar key={`${f.id}-${i}`} intent="warning" layout="multiline">
                <MessageBarBody>
                  {f.invoiceKind ? `${kindLabel(f.invoiceKind)}${lang === "fr" ? " : " : ": "}` : ""}
                  {f.text[lang]} ({f.article.map(formatCitation).join(", ")})
                </MessageBarBody>
              </MessageBar>
            ))}
          </section>
        )}

        {submitted && issues.length > 0 && (
          <div ref={issuesBox} tabIndex={-1} role="alert" data-testid="vendor-issues">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{s.notSaved}</MessageBarTitle>
                <ul className={styles.list}>
                  {issues.slice(0, 30).map((i, k) => (
                    <li key={k}>{issueSentence(i, lang)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          </div>
        )}

        {ed.importMessage && (
          <MessageBar
            intent={ed.importMessage.ok ? "success" : "error"}
            layout="multiline"
            data-testid="vendor-import-message"
          >
            <MessageBarBody>
              {ed.importMessage.ok ? s.imported : ed.importMessage.text[lang]}
              {ed.importMessage.issues.length > 0 && (
                <>
                  {" "}
                  {s.fileProblems}
                  <ul className={styles.list}>
                    {formIssues(ed.importMessage.issues).map((i, k) => (
                      <li key={k}>{issueSentence(i, lang)}</li>
                    ))}
                  </ul>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}

        <div className={styles.actions}>
          <Button appearance="primary" type="submit">
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
    </ChecksContext.Provider>
  );
}

type SectionProps = { ed: VendorEditorState; lang: "fr" | "en" };

function KindsSection({ ed, lang }: SectionProps) {
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  const checks = React.useContext(ChecksContext);
  const d = ed.draft;
  return (
    <section className={styles.section} aria-label={s.kinds}>
      <Subtitle2>{s.kinds}</Subtitle2>
      {d.kinds.map((k, i) => {
        const reading = ed.result.readings[i];
        const candidates = reading?.reading.candidates ?? [];
        const term = `kind:${i}:termText`;
        return (
          <div key={i} className={styles.item} data-testid={`kind-${i}`}>
            <div className={styles.row}>
              <TextField
                label={s.kindId}
                field={`kind:${i}:id`}
                value={k.id}
                onChange={(v) => ed.setKind(i, { id: v.toLowerCase() })}
                maxLength={40}
              />
              <TextField
                label={s.kindLabelFr}
                field={`kind:${i}:labelFr`}
                value={k.labelFr}
                onChange={(v) => ed.setKind(i, { labelFr: v })}
                maxLength={200}
              />
              <TextField
                label={s.kindLabelEn}
                field={`kind:${i}:labelEn`}
                value={k.labelEn}
                onChange={(v) => ed.setKind(i, { labelEn: v })}
                maxLength={200}
              />
            </div>
            <Field label={s.termText} {...(candidates.length === 0 ? checks.validation(term) : {})}>
              <Input
                className={styles.control}
                value={k.termText}
                onChange={(_, v) => ed.setKind(i, { termText: v.value })}
                onBlur={checks.touch(term)}
                maxLength={200}
                placeholder="30 jours fin de mois"
              />
            </Field>
            {candidates.length === 1 && (
              <span className={styles.understood}>
                {s.understood}
                {lang === "fr" ? " : " : ": "}
                {candidates[0]?.understood[lang]}
              </span>
            )}
            {candidates.length > 1 && (
              <Field label={reading?.reading.question?.[lang] ?? ""} {...checks.validation(term)}>
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
              <TextField
                label={s.clause}
                field={`kind:${i}:clause`}
                value={k.clause}
                onChange={(v) => ed.setKind(i, { clause: v })}
                maxLength={200}
              />
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
  const checks = React.useContext(ChecksContext);
  const d = ed.draft;
  return (
    <section className={styles.section} aria-label={s.late}>
      <Subtitle2>{s.late}</Subtitle2>
      <div className={styles.row}>
        <SelectField
          label={s.rateKind}
          field="rateKind"
          value={d.rateKind}
          onChange={(v) => ed.set("rateKind", v)}
          options={[
            ["legal-multiple", s.rateLegalMultiple],
            ["ecb-plus", s.rateEcbPlus],
            ["fixed", s.rateFixed],
          ]}
        />
        <TextField
          label={s.rateValue}
          field="rateValue"
          value={d.rateValue}
          onChange={(v) => ed.set("rateValue", v)}
          maxLength={12}
        />
        <SelectField
          label={s.base}
          field="base"
          value={d.base}
          onChange={(v) => ed.set("base", v)}
          options={[
            ["invoice-amount", s.baseInvoice],
            ["amount-incl-vat", s.baseTtc],
            ["sum-due", s.baseSumDue],
          ]}
        />
      </div>
      <div className={styles.row}>
        <TextField
          label={s.fee}
          field="feeAmount"
          value={d.feeAmount}
          onChange={(v) => ed.set("feeAmount", v)}
          maxLength={12}
        />
        <Field {...checks.validation("justified")}>
          <Checkbox
            checked={d.justifiedCostsAbove}
            onChange={(_, v) => ed.set("justifiedCostsAbove", v.checked === true)}
            label={s.justified}
          />
        </Field>
        <TextField
          label={s.clause}
          field="lateClause"
          value={d.lateClause}
          onChange={(v) => ed.set("lateClause", v)}
          maxLength={200}
        />
      </div>
    </section>
  );
}

function PlansSection({ ed, lang }: SectionProps) {
  const s = EDITOR_STRINGS[lang];
  const styles = useStyles();
  const checks = React.useContext(ChecksContext);
  return (
    <section className={styles.section} aria-label={s.plans}>
      <Subtitle2>{s.plans}</Subtitle2>
      {ed.draft.plans.map((p, i) => (
        <div key={i} className={styles.item} data-testid={`plan-${i}`}>
          <div className={styles.row}>
            <TextField
              label={s.planId}
              field={`plan:${i}:id`}
              value={p.id}
              onChange={(v) => ed.setPlan(i, { id: v.toLowerCase() })}
              maxLength={40}
            />
            <TextField
              label={s.planLabel}
              field={`plan:${i}:label`}
              value={p.label}
              onChange={(v) => ed.setPlan(i, { label: v })}
              maxLength={200}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.initialMonths}
              field={`plan:${i}:initialMonths`}
              value={p.initialMonths}
              onChange={(v) => ed.setPlan(i, { initialMonths: v })}
              maxLength={4}
            />
            <TextField
              label={s.renewalMonths}
              field={`plan:${i}:renewalMonths`}
              value={p.renewalMonths}
              onChange={(v) => ed.setPlan(i, { renewalMonths: v })}
              maxLength={4}
            />
            <TextField
              label={s.noticeAmount}
              field={`plan:${i}:noticeAmount`}
              value={p.noticeAmount}
              onChange={(v) => ed.setPlan(i, { noticeAmount: v })}
              maxLength={4}
            />
            <SelectField
              label={s.unit}
              field={`plan:${i}:noticeUnit`}
              value={p.noticeUnit}
              onChange={(v) => ed.setPlan(i, { noticeUnit: v })}
              options={[
                ["months", s.noticeMonths],
                ["days", s.noticeDays],
              ]}
            />
            <SelectField
              label={s.end}
              field={`plan:${i}:end`}
              value={p.end}
              onChange={(v) => ed.setPlan(i, { end: v })}
              options={[
                ["day-before-renewal", s.endDayBefore],
                ["end-of-calendar-month", s.endMonth],
              ]}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.clause}
              field={`plan:${i}:clause`}
              value={p.clause}
              onChange={(v) => ed.setPlan(i, { clause: v })}
              maxLength={200}
            />
            <Button appearance="subtle" onClick={() => ed.removePlan(i)}>
              {s.remove}
            </Button>
          </div>
        </div>
      ))}
      <Field {...checks.validation("plans")}>
        <Button onClick={ed.addPlan}>{s.addPlan}</Button>
      </Field>
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
            <TextField
              label={s.deadlineId}
              field={`deadline:${i}:id`}
              value={x.id}
              onChange={(v) => ed.setDeadline(i, { id: v.toLowerCase() })}
              maxLength={40}
            />
            <TextField
              label={s.deadlineLabel}
              field={`deadline:${i}:label`}
              value={x.label}
              onChange={(v) => ed.setDeadline(i, { label: v })}
              maxLength={200}
            />
            <TextField
              label={s.deadlineFrom}
              field={`deadline:${i}:from`}
              value={x.from}
              onChange={(v) => ed.setDeadline(i, { from: v })}
              maxLength={200}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.amount}
              field={`deadline:${i}:amount`}
              value={x.amount}
              onChange={(v) => ed.setDeadline(i, { amount: v })}
              maxLength={5}
            />
            <SelectField
              label={s.unit}
              field={`deadline:${i}:unit`}
              value={x.unit}
              onChange={(v) => ed.setDeadline(i, { unit: v })}
              options={PERIOD_UNITS.map((u) => [u, s[UNIT_LABELS[u]]] as const)}
            />
            <SelectField
              label={s.direction}
              field={`deadline:${i}:direction`}
              value={x.direction}
              onChange={(v) => ed.setDeadline(i, { direction: v })}
              options={[
                ["after", s.after],
                ["before", s.before],
              ]}
            />
            <TextField
              label={s.clause}
              field={`deadline:${i}:clause`}
              value={x.clause}
              onChange={(v) => ed.setDeadline(i, { clause: v })}
              maxLength={200}
            />
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
