import { Button, Field, Subtitle2 } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue } from "../../i18n/LanguageContext";
import { ChecksContext, SelectField, TextField } from "./fields";
import { EDITOR_STRINGS } from "./strings";
import { useEditorStyles } from "./styles";
import type { SectionProps } from "./useVendorEditor";

/** The subscription plans: terms, renewal periods, notice and how a contract ends. */
export function PlansSection({ ed }: SectionProps) {
  const s = useCatalogue(EDITOR_STRINGS);
  const styles = useEditorStyles();
  const checks = React.useContext(ChecksContext);
  return (
    <section className={styles.section} aria-label={s.plans}>
      <Subtitle2>{s.plans}</Subtitle2>
      {ed.draft.plans.map((p, i) => (
        <div key={i} className={styles.item} data-testid={`plan-${i}`}>
          <div className={styles.row}>
            <TextField
              label={s.planId}
              field={`plan:${i}:id`}
              value={p.id}
              onChange={(v) => ed.setPlan(i, { id: v.toLowerCase() })}
              maxLength={40}
            />
            <TextField
              label={s.planLabel}
              field={`plan:${i}:label`}
              value={p.label}
              onChange={(v) => ed.setPlan(i, { label: v })}
              maxLength={200}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.initialMonths}
              field={`plan:${i}:initialMonths`}
              value={p.initialMonths}
              onChange={(v) => ed.setPlan(i, { initialMonths: v })}
              maxLength={4}
            />
            <TextField
              label={s.renewalMonths}
              field={`plan:${i}:renewalMonths`}
              value={p.renewalMonths}
              onChange={(v) => ed.setPlan(i, { renewalMonths: v })}
              maxLength={4}
            />
            <TextField
              label={s.noticeAmount}
              field={`plan:${i}:noticeAmount`}
              value={p.noticeAmount}
              onChange={(v) => ed.setPlan(i, { noticeAmount: v })}
              maxLength={4}
            />
            <SelectField
              label={s.unit}
              field={`plan:${i}:noticeUnit`}
              value={p.noticeUnit}
              onChange={(v) => ed.setPlan(i, { noticeUnit: v })}
              options={[
                ["months", s.noticeMonths],
                ["days", s.noticeDays],
              ]}
            />
            <SelectField
              label={s.end}
              field={`plan:${i}:end`}
              value={p.end}
              onChange={(v) => ed.setPlan(i, { end: v })}
              options={[
                ["day-before-renewal", s.endDayBefore],
                ["end-of-calendar-month", s.endMonth],
              ]}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.clause}
              field={`plan:${i}:clause`}
              value={p.clause}
              onChange={(v) => ed.setPlan(i, { clause: v })}
              maxLength={200}
            />
            <Button appearance="subtle" onClick={() => ed.removePlan(i)}>
              {s.remove}
            </Button>
          </div>
        </div>
      ))}
      <Field {...checks.validation("plans")}>
        <Button onClick={ed.addPlan}>{s.addPlan}</Button>
      </Field>
    </section>
  );
}
