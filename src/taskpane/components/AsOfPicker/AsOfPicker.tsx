import { Field, Input } from "@fluentui/react-components";
import * as React from "react";
import { useStrings } from "../../i18n/LanguageContext";
import type { AsOf } from "./useAsOf";

/** The "as of" date of every computation (default today). */
export function AsOfPicker({ asOf }: { asOf: AsOf }) {
  const s = useStrings();
  return (
    <Field
      label={s.asOfLabel}
      hint={s.asOfHint}
      validationState={asOf.iso ? "none" : "error"}
      {...(asOf.iso ? {} : { validationMessage: s.asOfInvalid })}
    >
      <Input
        type="date"
        value={asOf.text}
        onChange={(_, data) => asOf.setText(data.value)}
        data-testid="as-of"
      />
    </Field>
  );
}
