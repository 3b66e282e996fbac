import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue } from "../../i18n/LanguageContext";
import { EXPLAIN_STRINGS } from "./strings";
import type { Explain } from "./useExplain";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  text: {
    margin: 0,
    whiteSpace: "pre-wrap",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    width: "100%",
    boxSizing: "border-box",
  },
});

/** The explanation of the active cell's row, with the clauses the engine cites. */
export function ExplainPanel({ explain, preview }: { explain: Explain; preview: boolean }) {
  const s = useCatalogue(EXPLAIN_STRINGS);
  const styles = useStyles();
  const ex = explain.explanation;
  return (
    <div className={styles.root}>
      <Caption1>{preview ? s.hintPreview : s.hint}</Caption1>
      <Button onClick={() => void explain.explainActive()} data-testid="explain">
        {s.button}
      </Button>
      {ex.kind === "text" && (
        <pre
          className={styles.text}
          role="region"
          aria-label={`${s.region} ${ex.address}`}
          tabIndex={0}
          data-testid="explanation"
        >
          {ex.text}
        </pre>
      )}
      {ex.kind === "message" && (
        <MessageBar intent="info" data-testid="explain-message">
          <MessageBarBody>{ex.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
