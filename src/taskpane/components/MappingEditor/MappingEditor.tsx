import { Caption1, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import * as React from "react";
import { FIELDS, type FieldId, type RegisterMode } from "../../../apply";
import { columnLetters } from "../../../cells";
import type { Language } from "../../../engine";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { MAPPING_STRINGS } from "./strings";
import type { RegisterSource } from "../SourcePanel/useRegisterSource";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalXS },
  // Fluent's dropdown is at least 250 px wide: in a 320 px pane, beside its label, it would be cut off.
  dropdown: { minWidth: 0, width: "100%" },
  // Label and dropdown side by side; Fluent's 33 % label column cuts « Fournisseur » in two at 320 px.
  field: { gridTemplateColumns: "minmax(0, 8.5em) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  text: { overflowWrap: "anywhere" },
});

const REQUIRED: Record<RegisterMode, readonly FieldId[]> = {
  invoices: ["amount", "invoiceDate"],
  subscriptions: ["startDate"],
};

/**
 * What the fold of the mapping says while folded: the register type and how many fields have their
 * column (« Factures, 6 reconnue(s) »).
 */
export function mappingSummary(source: RegisterSource, lang: Language): string {
  const s = MAPPING_STRINGS[lang];
  const found = Object.values(source.mapping).filter((column) => column !== undefined).length;
  return s.foldSummary(source.mode === "subscriptions" ? s.subscriptions : s.invoices, found);
}

/** The register type and one dropdown per field: the recognised mapping, editable. */
export function MappingEditor({ source }: { source: RegisterSource }) {
  const s = useCatalogue(MAPPING_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useStyles();
  const block = source.block;
  const mode = source.mode;
  if (!block || !mode) return null;
  const columnName = (i: number) => `${columnLetters(block.startColumn + i)} · ${block.headers[i] ?? ""}`;
  const fields = FIELDS.filter((f) => f.modes.includes(mode));
  const rec = source.recognition;
  const unrecognized = rec?.unrecognized.map((u) => u.header).filter((h) => h !== "") ?? [];
  const previous = rec?.previousOutputs.map((i) => block.headers[i] ?? "") ?? [];
  const modeLabel = mode === "invoices" ? s.invoices : s.subscriptions;

  return (
    <div className={styles.root} role="group" aria-label={s.title} data-testid="mapping">
      <Field label={s.modeLabel}>
        <Dropdown
          className={styles.dropdown}
          value={modeLabel}
          selectedOptions={[mode]}
          onOptionSelect={(_, d) => d.optionValue && source.setMode(d.optionValue as RegisterMode)}
        >
          <Option value="invoices">{s.invoices}</Option>
          <Option value="subscriptions">{s.subscriptions}</Option>
        </Dropdown>
      </Field>
      <div className={styles.grid}>
        {fields.map((f) => {
          const index = source.mapping[f.id];
          const value = index === undefined ? common.noColumn : columnName(index);
          const required = REQUIRED[mode].includes(f.id);
          return (
            <Field
              key={f.id}
              className={styles.field}
              label={`${f.label[lang]}${required ? ` (${s.required})` : ""}`}
              orientation="horizontal"
            >
              <Dropdown
                className={styles.dropdown}
                value={value}
                selectedOptions={[index === undefined ? "none" : String(index)]}
                onOptionSelect={(_, d) =>
                  source.setField(
                    f.id,
                    d.optionValue === "none" || d.optionValue === undefined
                      ? undefined
                      : Number(d.optionValue),
                  )
                }
                data-field={f.id}
              >
                <Option value="none">{common.noColumn}</Option>
                {block.headers.map((_, i) => (
                  <Option key={i} value={String(i)} text={columnName(i)}>
                    {columnName(i)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </div>
      {unrecognized.length > 0 && (
        <Caption1 className={styles.text}>{s.unrecognized(unrecognized.join(", "))}</Caption1>
      )}
      {previous.length > 0 && (
        <Caption1 className={styles.text}>{s.previousOutputs(previous.join(", "))}</Caption1>
      )}
    </div>
  );
}
