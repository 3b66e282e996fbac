import { Checkbox, Field, Subtitle2 } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue } from "../../i18n/LanguageContext";
import { ChecksContext, SelectField, TextField } from "./fields";
import { EDITOR_STRINGS } from "./strings";
import { useEditorStyles } from "./styles";
import type { SectionProps } from "./useVendorEditor";

/** The late-payment rule: the rate, its base, the recovery fee, and their articles. */
export function LateSection({ ed }: SectionProps) {
  const s = useCatalogue(EDITOR_STRINGS);
  const styles = useEditorStyles();
  const checks = React.useContext(ChecksContext);
  const d = ed.draft;
  return (
    <section className={styles.section} aria-label={s.late}>
      <Subtitle2>{s.late}</Subtitle2>
      <div className={styles.row}>
        <SelectField
          label={s.rateKind}
          field="rateKind"
          value={d.rateKind}
          onChange={(v) => ed.set("rateKind", v)}
          options={[
            ["legal-multiple", s.rateLegalMultiple],
            ["ecb-plus", s.rateEcbPlus],
            ["fixed", s.rateFixed],
          ]}
        />
        <TextField
          label={s.rateValue}
          field="rateValue"
          value={d.rateValue}
          onChange={(v) => ed.set("rateValue", v)}
          maxLength={12}
        />
        <SelectField
          label={s.base}
          field="base"
          value={d.base}
          onChange={(v) => ed.set("base", v)}
          options={[
            ["invoice-amount", s.baseInvoice],
            ["amount-incl-vat", s.baseTtc],
            ["sum-due", s.baseSumDue],
          ]}
        />
      </div>
      <div className={styles.row}>
        <TextField
          label={s.fee}
          field="feeAmount"
          value={d.feeAmount}
          onChange={(v) => ed.set("feeAmount", v)}
          maxLength={12}
        />
        <Field {...checks.validation("justified")}>
          <Checkbox
            checked={d.justifiedCostsAbove}
            onChange={(_, v) => ed.set("justifiedCostsAbove", v.checked === true)}
            label={s.justified}
          />
        </Field>
        <TextField
          label={s.clause}
          field="lateClause"
          value={d.lateClause}
          onChange={(v) => ed.set("lateClause", v)}
          maxLength={200}
        />
      </div>
    </section>
  );
}
