import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatDate, LEVEL_NAMES } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { LETTERS_STRINGS } from "./strings";
import type { LettersState } from "./useLetters";

const useStyles = makeStyles({
  body: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

/**
 * What the last action did: the letters handed over (and « Marquer comme envoyé » for them), what was
 * written in the register, the penalty notes issued, or why nothing was.
 */
export function LettersOutcome({ state }: { state: LettersState }) {
  const s = useCatalogue(LETTERS_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const { run, lastLetters } = state;
  return (
    <>
      {run.phase === "letters" && (
        <MessageBar intent="success" layout="multiline" data-testid="letters-result">
          <MessageBarBody className={styles.body}>
            <div>{s.lettersDone(run.count, run.handed.file.fileName)}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {lastLetters && (
        <div className={styles.body}>
          <div className={styles.actions}>
            <Button onClick={() => void state.markSent()} data-testid="letters-mark-sent">
              {s.markSent}
            </Button>
          </div>
          <span>
            {s.markSentHint(LEVEL_NAMES[lastLetters.level][lang], formatDate(lastLetters.date, lang))}
          </span>
        </div>
      )}
      {run.phase === "recorded" && (
        <MessageBar
          intent={run.outcome.kind === "written" ? "success" : "error"}
          layout="multiline"
          data-testid="letters-recorded"
        >
          <MessageBarBody className={styles.body}>
            {run.outcome.kind === "written"
              ? s.recorded(
                  run.outcome.invoices,
                  run.outcome.clients,
                  run.outcome.lastReminder.column,
                  run.outcome.nextAction?.column ?? "—",
                )
              : s.refused(run.outcome.count, run.outcome.address)}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "notes" && (
        <MessageBar intent="success" layout="multiline" data-testid="notes-result">
          <MessageBarBody className={styles.body}>
            {s.notesDone(run.numbers.join(", "), run.sheet)}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "error" && (
        <MessageBar intent="error" layout="multiline" data-testid="letters-error">
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
