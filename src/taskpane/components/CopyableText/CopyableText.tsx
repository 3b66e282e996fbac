import { Button, Caption1, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import * as React from "react";
import { copyOrSelect, type CopyOutcome } from "../../copy-text";

/**
 * A text the user takes away by copying (an export where downloads do nothing, the self-test's
 * report): a read-only box and a « Copier » button. The clipboard API may be refused (no permission,
 * an older webview): the text is then selected, for Ctrl+C / ⌘C, and the line under the button says so.
 */

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "4px",
    alignItems: "center",
  },
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, width: "100%" },
});

export function CopyableText({
  label,
  text,
  rows,
  copyLabel,
  outcomeText,
  testIds,
}: {
  label: string;
  text: string;
  rows: number;
  copyLabel: string;
  /** The sentence under the button once copied, or once the clipboard refused. */
  outcomeText: (outcome: CopyOutcome) => string;
  testIds: { readonly box: string; readonly copy: string; readonly result: string };
}) {
  const styles = useStyles();
  const [copy, setCopy] = React.useState<CopyOutcome>();
  const box = React.useRef<HTMLTextAreaElement>(null);
  // Another text (a new export, a new run): nothing copied of it yet.
  React.useEffect(() => setCopy(undefined), [text]);
  return (
    <>
      <Field label={label}>
        <Textarea
          textarea={{ ref: box }}
          className={styles.text}
          value={text}
          readOnly
          resize="vertical"
          rows={rows}
          data-testid={testIds.box}
        />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => void copyOrSelect(text, box.current).then(setCopy)} data-testid={testIds.copy}>
          {copyLabel}
        </Button>
        {copy !== undefined && (
          <Caption1 role="status" data-testid={testIds.result}>
            {outcomeText(copy)}
          </Caption1>
        )}
      </div>
    </>
  );
}
