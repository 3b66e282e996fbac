import { Button, Checkbox, Field, Input, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import * as React from "react";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { ChecksContext, TextField } from "./fields";
import { EDITOR_STRINGS } from "./strings";
import { useEditorStyles } from "./styles";
import type { SectionProps } from "./useVendorEditor";

/**
 * Payment terms per invoice kind: each typed as the contract writes it, read back, and a reading
 * chosen when the text allows two.
 */
export function KindsSection({ ed }: SectionProps) {
  const s = useCatalogue(EDITOR_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useEditorStyles();
  const checks = React.useContext(ChecksContext);
  const d = ed.draft;
  return (
    <section className={styles.section} aria-label={s.kinds}>
      <Subtitle2>{s.kinds}</Subtitle2>
      {d.kinds.map((k, i) => {
        const reading = ed.result.readings[i];
        const candidates = reading?.reading.candidates ?? [];
        const term = `kind:${i}:termText`;
        return (
          <div key={i} className={styles.item} data-testid={`kind-${i}`}>
            <div className={styles.row}>
              <TextField
                label={s.kindId}
                field={`kind:${i}:id`}
                value={k.id}
                onChange={(v) => ed.setKind(i, { id: v.toLowerCase() })}
                maxLength={40}
              />
              <TextField
                label={s.kindLabelFr}
                field={`kind:${i}:labelFr`}
                value={k.labelFr}
                onChange={(v) => ed.setKind(i, { labelFr: v })}
                maxLength={200}
              />
              <TextField
                label={s.kindLabelEn}
                field={`kind:${i}:labelEn`}
                value={k.labelEn}
                onChange={(v) => ed.setKind(i, { labelEn: v })}
                maxLength={200}
              />
            </div>
            <Field label={s.termText} {...(candidates.length === 0 ? checks.validation(term) : {})}>
              <Input
                className={styles.control}
                value={k.termText}
                onChange={(_, v) => ed.setKind(i, { termText: v.value })}
                onBlur={checks.touch(term)}
                maxLength={200}
                placeholder="30 jours fin de mois"
              />
            </Field>
            {candidates.length === 1 && (
              <span className={styles.understood}>
                {s.understood}
                {common.colon}
                {candidates[0]?.understood[lang]}
              </span>
            )}
            {candidates.length > 1 && (
              <Field label={reading?.reading.question?.[lang] ?? ""} {...checks.validation(term)}>
                <RadioGroup
                  value={reading?.chosen === undefined ? "" : String(reading.chosen)}
                  onChange={(_, v) => ed.setKind(i, { reading: Number(v.value) })}
                >
                  {candidates.map((c, j) => (
                    <Radio key={j} value={String(j)} label={c.understood[lang]} />
                  ))}
                </RadioGroup>
              </Field>
            )}
            <div className={styles.row}>
              <TextField
                label={s.clause}
                field={`kind:${i}:clause`}
                value={k.clause}
                onChange={(v) => ed.setKind(i, { clause: v })}
                maxLength={200}
              />
              <Checkbox
                checked={d.defaultKind === k.id}
                onChange={() => ed.set("defaultKind", k.id)}
                label={s.defaultKind}
              />
              {d.kinds.length > 1 && (
                <Button appearance="subtle" onClick={() => ed.removeKind(i)}>
                  {s.remove}
                </Button>
              )}
            </div>
          </div>
        );
      })}
      <Button onClick={ed.addKind}>{s.addKind}</Button>
    </section>
  );
}
