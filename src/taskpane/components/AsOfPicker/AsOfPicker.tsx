import { Radio, RadioGroup } from "@fluentui/react-components";
import * as React from "react";
import type { AsOfKind } from "../../../write";
import { useStrings } from "../../i18n/LanguageContext";
import { DateField } from "../DateField/DateField";
import type { AsOf } from "./useAsOf";

/**
 * The "as of" date of every computation (default today), shown and typed as dd/mm/yyyy, and how the
 * workbook remembers it: « aujourd'hui », which follows the date of each « Tout recalculer », or the
 * date itself, fixed.
 */
export function AsOfPicker({ asOf }: { asOf: AsOf }) {
  const s = useStrings();
  return (
    <>
      <DateField
        label={s.asOfLabel}
        hint={s.asOfHint}
        iso={asOf.text}
        onChange={asOf.setText}
        required
        testId="as-of"
      />
      <RadioGroup
        aria-label={s.asOfKindLabel}
        value={asOf.kind}
        onChange={(_, d) => asOf.setKind(d.value as AsOfKind)}
        data-testid="as-of-kind"
      >
        <Radio value="today" label={s.asOfToday} data-testid="as-of-today" />
        <Radio value="fixed" label={s.asOfFixed} data-testid="as-of-fixed" />
      </RadioGroup>
    </>
  );
}
