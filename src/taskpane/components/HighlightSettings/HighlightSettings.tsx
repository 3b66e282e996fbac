import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue } from "../../i18n/LanguageContext";
import { HIGHLIGHT_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  days: { maxWidth: "8em" },
});

export interface Highlighting {
  readonly on: boolean;
  readonly setOn: (on: boolean) => void;
  /** The days field as typed. */
  readonly daysText: string;
  readonly setDaysText: (text: string) => void;
  /** The number of days when highlighting is on and the field holds a whole number ≥ 0; else undefined. */
  readonly days: number | undefined;
  readonly invalid: boolean;
}

export function useHighlighting(initialDays: number): Highlighting {
  const [on, setOn] = React.useState(true);
  const [daysText, setDaysText] = React.useState(String(initialDays));
  const parsed = /^\s*\d{1,4}\s*$/.test(daysText) ? Number(daysText) : undefined;
  return {
    on,
    setOn,
    daysText,
    setDaysText,
    days: on ? parsed : undefined,
    invalid: on && parsed === undefined,
  };
}

/** Whether Apply adds conditional formats, and the "deadline within N days" window. */
export function HighlightSettings({ highlighting }: { highlighting: Highlighting }) {
  const s = useCatalogue(HIGHLIGHT_STRINGS);
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Checkbox
        checked={highlighting.on}
        onChange={(_, data) => highlighting.setOn(data.checked === true)}
        label={s.label}
        data-testid="highlight-on"
      />
      {highlighting.on && (
        <Field
          label={s.days}
          hint={s.hint}
          {...(highlighting.invalid ? { validationMessage: s.daysInvalid } : {})}
        >
          <Input
            className={styles.days}
            type="number"
            min={0}
            max={3650}
            value={highlighting.daysText}
            onChange={(_, data) => highlighting.setDaysText(data.value)}
            data-testid="highlight-days"
          />
        </Field>
      )}
    </div>
  );
}
