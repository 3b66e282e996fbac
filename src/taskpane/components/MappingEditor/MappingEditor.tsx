import {
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { FIELDS, type FieldId, type RegisterMode } from "../../../apply";
import { columnLetters } from "../../../cells";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";
import type { RegisterSource } from "../SourcePanel/useRegisterSource";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: { display: "grid", gridTemplateColumns: "1fr", rowGap: tokens.spacingVerticalXS },
});

const REQUIRED: Record<RegisterMode, readonly FieldId[]> = {
  invoices: ["amount", "invoiceDate"],
  subscriptions: ["startDate"],
};

/** The register type and one dropdown per field: the recognised mapping, editable. */
export function MappingEditor({ source }: { source: RegisterSource }) {
  const s = useStrings();
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
  const modeLabel = mode === "invoices" ? s.modeInvoices : s.modeSubscriptions;

  return (
    <div className={styles.root} data-testid="mapping">
      <Field label={s.modeLabel}>
        <Dropdown
          value={modeLabel}
          selectedOptions={[mode]}
          onOptionSelect={(_, d) => d.optionValue && source.setMode(d.optionValue as RegisterMode)}
        >
          <Option value="invoices">{s.modeInvoices}</Option>
          <Option value="subscriptions">{s.modeSubscriptions}</Option>
        </Dropdown>
      </Field>
      <div className={styles.grid}>
        {fields.map((f) => {
          const index = source.mapping[f.id];
          const value = index === undefined ? s.mappingNone : columnName(index);
          const required = REQUIRED[mode].includes(f.id);
          return (
            <Field
              key={f.id}
              label={`${f.label[lang]}${required ? ` (${s.required})` : ""}`}
              orientation="horizontal"
            >
              <Dropdown
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
                <Option value="none">{s.mappingNone}</Option>
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
      {unrecognized.length > 0 && <Caption1>{s.unrecognized(unrecognized.join(", "))}</Caption1>}
      {previous.length > 0 && <Caption1>{s.previousOutputs(previous.join(", "))}</Caption1>}
      {source.problems.map((p, i) => (
        <MessageBar key={i} intent={p.kind === "duplicate" ? "warning" : "error"}>
          <MessageBarBody>{p.message[lang]}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
