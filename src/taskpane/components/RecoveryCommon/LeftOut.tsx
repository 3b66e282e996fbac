import {
  Caption1,
  Caption1Strong,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { RecoveryReading } from "../../recovery-adapter";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { RECOVERY_COMMON_STRINGS } from "./strings";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
});

/** Why the register cannot serve (no client column: how to map one), as an error. */
export function ReadingProblems({ reading }: { reading: RecoveryReading | undefined }) {
  const s = useCatalogue(RECOVERY_COMMON_STRINGS);
  const styles = useStyles();
  if (!reading || reading.ok || reading.problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="recovery-problems">
      <MessageBarBody>
        <div>{s.cannotRead}</div>
        <ul className={styles.list}>
          {reading.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Every invoice the run leaves out, with its reason — disputed, credit note, collective proceedings —
 * and every register row Apply refused or recovery could not read, with the sentence naming it.
 */
export function LeftOut({ reading }: { reading: RecoveryReading | undefined }) {
  const s = useCatalogue(RECOVERY_COMMON_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  if (!reading?.ok) return null;
  const lines = [
    ...reading.book.excluded.map((e) => e.text[lang]),
    ...reading.register.leftOut.map((n) => n.message),
    ...reading.register.warnings.map((n) => n.message),
  ];
  if (lines.length === 0) return null;
  return (
    <div data-testid="recovery-left-out">
      <Caption1Strong>{s.leftOutTitle(lines.length)}</Caption1Strong>
      <ul className={styles.list}>
        {lines.map((line, i) => (
          <li key={i}>
            <Caption1>{line}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}
