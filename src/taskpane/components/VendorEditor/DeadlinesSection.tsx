import { Button, Subtitle2 } from "@fluentui/react-components";
import * as React from "react";
import { PERIOD_UNITS, type PeriodUnit } from "../../../engine";
import { useCatalogue } from "../../i18n/LanguageContext";
import { SelectField, TextField } from "./fields";
import { EDITOR_STRINGS, type EditorStrings } from "./strings";
import { useEditorStyles } from "./styles";
import type { SectionProps } from "./useVendorEditor";

const UNIT_LABELS: Record<PeriodUnit, keyof EditorStrings> = {
  "calendar-days": "unitCalendarDays",
  "jours-ouvres": "unitJoursOuvres",
  "jours-ouvrables": "unitJoursOuvrables",
  weeks: "unitWeeks",
  months: "unitMonths",
  years: "unitYears",
  hours: "unitHours",
};

/** Named deadlines: an event's delay counted from another, after or before it. */
export function DeadlinesSection({ ed }: SectionProps) {
  const s = useCatalogue(EDITOR_STRINGS);
  const styles = useEditorStyles();
  return (
    <section className={styles.section} aria-label={s.deadlines}>
      <Subtitle2>{s.deadlines}</Subtitle2>
      {ed.draft.deadlines.map((x, i) => (
        <div key={i} className={styles.item} data-testid={`deadline-${i}`}>
          <div className={styles.row}>
            <TextField
              label={s.deadlineId}
              field={`deadline:${i}:id`}
              value={x.id}
              onChange={(v) => ed.setDeadline(i, { id: v.toLowerCase() })}
              maxLength={40}
            />
            <TextField
              label={s.deadlineLabel}
              field={`deadline:${i}:label`}
              value={x.label}
              onChange={(v) => ed.setDeadline(i, { label: v })}
              maxLength={200}
            />
            <TextField
              label={s.deadlineFrom}
              field={`deadline:${i}:from`}
              value={x.from}
              onChange={(v) => ed.setDeadline(i, { from: v })}
              maxLength={200}
            />
          </div>
          <div className={styles.row}>
            <TextField
              label={s.amount}
              field={`deadline:${i}:amount`}
              value={x.amount}
              onChange={(v) => ed.setDeadline(i, { amount: v })}
              maxLength={5}
            />
            <SelectField
              label={s.unit}
              field={`deadline:${i}:unit`}
              value={x.unit}
              onChange={(v) => ed.setDeadline(i, { unit: v })}
              options={PERIOD_UNITS.map((u) => [u, s[UNIT_LABELS[u]]] as const)}
            />
            <SelectField
              label={s.direction}
              field={`deadline:${i}:direction`}
              value={x.direction}
              onChange={(v) => ed.setDeadline(i, { direction: v })}
              options={[
                ["after", s.after],
                ["before", s.before],
              ]}
            />
            <TextField
              label={s.clause}
              field={`deadline:${i}:clause`}
              value={x.clause}
              onChange={(v) => ed.setDeadline(i, { clause: v })}
              maxLength={200}
            />
            <Button appearance="subtle" onClick={() => ed.removeDeadline(i)}>
              {s.remove}
            </Button>
          </div>
        </div>
      ))}
      <Button onClick={ed.addDeadline}>{s.addDeadline}</Button>
    </section>
  );
}
