import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import * as React from "react";

/**
 * A part of a view folded to one line until asked for (issue 21): a button saying what the part is
 * and, after it, what it holds in a few words (cut with an ellipsis on a narrow pane, whole in its
 * tooltip), and the part itself below once open. The part stays in the page while folded — hidden,
 * not rebuilt — so its choices and its state are kept.
 */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toggle: {
    justifyContent: "flex-start",
    minWidth: 0,
    maxWidth: "100%",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "start",
  },
  // The chevron turns when the part opens; it is drawn, not written, so it says nothing to a reader.
  chevron: {
    flexShrink: 0,
    width: "0.5em",
    height: "0.5em",
    marginRight: tokens.spacingHorizontalS,
    borderRight: `2px solid ${tokens.colorNeutralForeground2}`,
    borderBottom: `2px solid ${tokens.colorNeutralForeground2}`,
    transform: "rotate(-45deg)",
    transitionProperty: "transform",
    transitionDuration: tokens.durationFaster,
  },
  chevronOpen: { transform: "rotate(45deg)" },
  line: {
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground3 },
  folded: { display: "none" },
});

export interface FoldProps {
  /** What the part is: « Conditions de Sillage », « Correspondance des colonnes ». */
  readonly title: string;
  /** What it holds, in a few words, after the title on the same line. */
  readonly summary?: string;
  readonly open: boolean;
  readonly onToggle: () => void;
  /** The part cannot be folded (it needs the user's attention): its title, then the part, no button. */
  readonly locked?: boolean;
  readonly testId: string;
  readonly children: React.ReactNode;
}

export function Fold({ title, summary, open, onToggle, locked = false, testId, children }: FoldProps) {
  const styles = useStyles();
  const id = React.useId();
  const shown = open || locked;
  return (
    <div className={styles.root} data-testid={testId}>
      {locked ? (
        <Text className={styles.title}>{title}</Text>
      ) : (
        <Button
          className={styles.toggle}
          appearance="transparent"
          aria-expanded={shown}
          aria-controls={id}
          onClick={onToggle}
          title={summary !== undefined ? `${title} — ${summary}` : title}
          data-testid={`${testId}-toggle`}
        >
          <span className={mergeClasses(styles.chevron, shown && styles.chevronOpen)} aria-hidden="true" />
          <Text className={styles.line}>
            <span className={styles.title}>{title}</span>
            {summary !== undefined && <span className={styles.summary}> · {summary}</span>}
          </Text>
        </Button>
      )}
      <div id={id} className={mergeClasses(styles.root, !shown && styles.folded)}>
        {children}
      </div>
    </div>
  );
}
