import { Radio, RadioGroup } from "@fluentui/react-components";
import * as React from "react";
import type { AsOfKind } from "../../../write";
import { useCatalogue } from "../../i18n/LanguageContext";
import { AS_OF_STRINGS } from "./strings";
import { DateField } from "../DateField/DateField";
import type { AsOf } from "./useAsOf";

/**
 * The "as of" date of every computation (default today), shown and typed as dd/mm/yyyy, and how the
 * workbook remembers it: « aujourd'hui », which follows the date of each « Tout recalculer », or the
 * date itself, fixed.
 */
export function AsOfPicker({ asOf }: { asOf: AsOf }) {
  const s = useCatalogue(AS_OF_STRINGS);
  return (
    <>
      <DateField
        label={s.label}
        hint={s.hint}
        iso={asOf.text}
        onChange={asOf.setText}
        required
        testId="as-of"
      />
      <RadioGroup
        aria-label={s.kindLabel}
        value={asOf.kind}
        onChange={(_, d) => asOf.setKind(d.value as AsOfKind)}
        data-testid="as-of-kind"
      >
        <Radio value="today" label={s.today} data-testid="as-of-today" />
        <Radio value="fixed" label={s.fixed} data-testid="as-of-fixed" />
      </RadioGroup>
    </>
  );
}
