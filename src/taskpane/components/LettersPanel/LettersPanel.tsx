import {
  Button,
  Caption1,
  Caption1Strong,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { formatMoney, LEVEL_NAMES, type Text } from "../../../engine";
import { formatLastReminder, proposedLevel, type ReminderLevel } from "../../../recovery";
import type { DocumentsLayout } from "../../recovery-adapter";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { DateField } from "../DateField/DateField";
import { ExportedText } from "../ExportedText/ExportedText";
import { Fold } from "../Fold/Fold";
import { LeftOut, ReadingProblems } from "../RecoveryCommon/LeftOut";
import { LettersOutcome } from "./LettersOutcome";
import { LETTERS_STRINGS } from "./strings";
import type { LettersState } from "./useLetters";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  short: { maxWidth: "8em", minWidth: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // Lists, not tables: at 320 px a client's name, total and levels do not fit side by side.
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  client: { display: "flex", flexDirection: "column", minWidth: 0 },
  hidden: { display: "none" },
});

/** Every guardrail's sentence before anything is sent: the core's notices and the consumer clients. */
function guardrails(state: LettersState, consumer: (client: string) => string): Text[] {
  const out: Text[] = (state.plan?.notices ?? []).map((n) => n.text);
  for (const c of state.book?.clients ?? [])
    if (c.clientType === "consumer") out.push({ fr: consumer(c.name), en: consumer(c.name) });
  return out;
}

/**
 * « Relances »: the level (the one « Dernière relance » proposes, shown per client), the date, the days
 * to pay, one file per client or one document, a user's template; the guardrails before generating;
 * then « Marquer comme envoyé » and the penalty notes.
 */
export function LettersPanel({
  state,
  invoices,
  onCompany,
}: {
  state: LettersState;
  invoices: boolean;
  /** Opens « Mon entreprise » (Paramètres), where a missing block is completed. */
  onCompany: () => void;
}) {
  const s = useCatalogue(LETTERS_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [templateOpen, setTemplateOpen] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const { plan, run, book } = state;
  const busy = run.phase === "working";
  const levelName = (level: ReminderLevel | undefined) => (level ? LEVEL_NAMES[level][lang] : s.afterNotice);
  const warnings = guardrails(state, s.consumer);
  const letters = plan?.letters.length ?? 0;
  const clients = book?.clients ?? [];

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) await state.pickTemplate(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  return (
    <div className={styles.root} data-testid="letters-panel">
      <Caption1>{s.intro}</Caption1>
      {plan?.blocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="letters-no-company">
          <MessageBarBody>
            <div>{plan.blocked[lang]}</div>
            <Button size="small" onClick={onCompany} data-testid="letters-open-company">
              {s.noCompanyAction}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <DateField
        label={s.asOf}
        iso={state.asOfText}
        onChange={state.setAsOfText}
        required
        testId="letters-as-of"
      />
      <Field label={s.level} hint={s.proposed(levelName(state.proposed))}>
        <RadioGroup
          value={state.level}
          onChange={(_, data) => state.setLevel(data.value as ReminderLevel)}
          data-testid="letters-level"
        >
          <Radio value="rappel" label={s.rappel} />
          <Radio value="relance" label={s.relance} />
          <Radio value="mise-en-demeure" label={s.miseEnDemeure} />
        </RadioGroup>
      </Field>
      <Field
        label={s.deadline}
        hint={s.deadlineHint}
        validationState={state.deadlineDays === undefined ? "error" : "none"}
        {...(state.deadlineDays === undefined ? { validationMessage: s.deadlineInvalid } : {})}
      >
        <Input
          className={styles.short}
          inputMode="numeric"
          value={state.deadlineText}
          onChange={(_, d) => state.setDeadlineText(d.value)}
          data-testid="letters-deadline"
        />
      </Field>
      <Field label={s.documents} {...(state.template?.template ? { hint: s.oneDocumentNoTemplate } : {})}>
        <RadioGroup
          value={state.layout}
          onChange={(_, data) => state.setLayout(data.value as DocumentsLayout)}
          data-testid="letters-layout"
        >
          <Radio value="file-per-client" label={s.filePerClient} />
          <Radio
            value="one-document"
            label={s.oneDocument}
            disabled={state.template?.template !== undefined}
          />
        </RadioGroup>
      </Field>
      <Fold
        title={s.templateFold}
        summary={state.template?.template ? state.template.name : s.templateBuiltIn}
        open={templateOpen || state.template?.error !== undefined}
        onToggle={() => setTemplateOpen((o) => !o)}
        testId="letters-template-fold"
      >
        <Caption1>{s.templateIntro}</Caption1>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => void onFile(e)}
          data-testid="letters-template-input"
        />
        <div className={styles.actions}>
          <Button size="small" onClick={() => fileInput.current?.click()} data-testid="letters-template-pick">
            {s.pickTemplate}
          </Button>
          {state.template && (
            <Button size="small" appearance="subtle" onClick={state.clearTemplate}>
              {s.removeTemplate}
            </Button>
          )}
        </div>
        {state.template?.template && <Caption1>{s.templateReady(state.template.name)}</Caption1>}
        {state.template?.error && (
          <MessageBar intent="error" layout="multiline" data-testid="letters-template-error">
            <MessageBarBody>{state.template.error[lang]}</MessageBarBody>
          </MessageBar>
        )}
      </Fold>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={
            !invoices ||
            busy ||
            letters === 0 ||
            state.deadlineDays === undefined ||
            state.template?.error !== undefined
          }
          onClick={() => void state.generate()}
          data-testid="letters-generate"
        >
          {letters > 0 ? s.generate(letters) : s.generateNone}
        </Button>
        {busy && <Spinner size="tiny" />}
      </div>
      <ReadingProblems reading={state.reading} />
      {plan && letters === 0 && !plan.blocked && <Caption1 data-testid="letters-none">{s.noLetter}</Caption1>}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="letters-guardrails">
          <MessageBarBody>
            <Caption1Strong>{s.beforeSending(warnings.length)}</Caption1Strong>
            <ul className={styles.list}>
              {warnings.map((w, i) => (
                <li key={i}>{w[lang]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <LettersOutcome state={state} />
      {run.phase === "letters" && run.handed.text && <ExportedText file={run.handed.text} how="text" />}
      {run.phase === "notes" && run.handed.text && <ExportedText file={run.handed.text} how="text" />}
      {clients.length > 0 && (
        <div data-testid="letters-clients">
          <Caption1Strong>{s.clientsTitle(clients.length)}</Caption1Strong>
          <ul className={styles.list}>
            {clients.map((c) => (
              <li key={c.key} className={styles.client}>
                <Caption1Strong>{c.name}</Caption1Strong>
                <Caption1>
                  {s.clientLine(
                    formatMoney(c.totals.claimed, lang),
                    c.lastReminder ? formatLastReminder(c.lastReminder, lang) : s.none,
                    levelName(proposedLevel(c)),
                  )}
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.actions}>
        <Button
          disabled={!invoices || busy || !book || book.clients.length === 0}
          onClick={() => void state.issueNotes()}
          data-testid="notes-generate"
        >
          {s.notes}
        </Button>
      </div>
      <Caption1>{s.notesHint}</Caption1>
      <LeftOut reading={state.reading} />
    </div>
  );
}
