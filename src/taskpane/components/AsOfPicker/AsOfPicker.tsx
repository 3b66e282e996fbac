import { Field, makeStyles, Radio, RadioGroup } from "@fluentui/react-components";
import * as React from "react";
import type { AsOfKind } from "../../../write";
import { useCatalogue } from "../../i18n/LanguageContext";
import { DateField } from "../DateField/DateField";
import { AS_OF_STRINGS } from "./strings";
import type { AsOf } from "./useAsOf";

const useStyles = makeStyles({
  // The two choices side by side where they fit, the second under the first at 320 px.
  kind: { flexWrap: "wrap" },
});

/** The "as of" date of every computation (default today), shown and typed as dd/mm/yyyy. */
export function AsOfPicker({ asOf }: { asOf: AsOf }) {
  const s = useCatalogue(AS_OF_STRINGS);
  return (
    <DateField
      label={s.label}
      hint={s.hint}
      iso={asOf.text}
      onChange={asOf.setText}
      required
      orientation="horizontal"
      testId="as-of"
    />
  );
}

/**
 * How the workbook remembers the as-of date for « Tout recalculer »: « aujourd'hui », which follows
 * the date of each recalculation, or the date itself, fixed. Typing another day than today makes it
 * fixed (useAsOf); the user may say otherwise here.
 */
export function AsOfRemembered({ asOf }: { asOf: AsOf }) {
  const s = useCatalogue(AS_OF_STRINGS);
  const styles = useStyles();
  return (
    <Field label={s.kindLabel}>
      <RadioGroup
        className={styles.kind}
        layout="horizontal"
        value={asOf.kind}
        onChange={(_, d) => asOf.setKind(d.value as AsOfKind)}
        data-testid="as-of-kind"
      >
        <Radio value="today" label={s.today} data-testid="as-of-today" />
        <Radio value="fixed" label={s.fixed} data-testid="as-of-fixed" />
      </RadioGroup>
    </Field>
  );
}
