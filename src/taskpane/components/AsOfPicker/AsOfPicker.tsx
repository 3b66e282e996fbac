import * as React from "react";
import { useStrings } from "../../i18n/LanguageContext";
import { DateField } from "../DateField/DateField";
import type { AsOf } from "./useAsOf";

/** The "as of" date of every computation (default today), shown and typed as dd/mm/yyyy. */
export function AsOfPicker({ asOf }: { asOf: AsOf }) {
  const s = useStrings();
  return (
    <DateField
      label={s.asOfLabel}
      hint={s.asOfHint}
      iso={asOf.text}
      onChange={asOf.setText}
      required
      testId="as-of"
    />
  );
}
