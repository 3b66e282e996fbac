import { Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import type { Language } from "../../../engine";
import type { FormIssue } from "./issues";
import { useEditorStyles } from "./styles";

/**
 * What the form says about a field: its problem, once the user has left the field or tried to save —
 * not before the user typed anything. `touch` is the field's blur handler.
 */
export interface FieldChecks {
  validation(field: string): { validationState?: "error"; validationMessage?: string };
  touch(field: string): () => void;
}

export const ChecksContext = React.createContext<FieldChecks>({
  validation: () => ({}),
  touch: () => () => undefined,
});

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);

/** The problems of the form's fields, shown field by field once left, all of them once `submitted`. */
export function useFieldChecks(
  issues: readonly FormIssue[],
  lang: Language,
  submitted: boolean,
): FieldChecks {
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  return React.useMemo(
    () => ({
      validation: (field) => {
        const issue = issues.find((i) => i.field === field);
        if (!issue || !(submitted || touched.has(field))) return {};
        return { validationState: "error", validationMessage: capitalized(issue.message[lang]) };
      },
      touch: (field) => () => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))),
    }),
    [issues, lang, submitted, touched],
  );
}

/** A labelled text input whose problem shows once the user left it. */
export function TextField({
  label,
  field,
  value,
  onChange,
  maxLength,
  required = false,
  placeholder,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  required?: boolean;
  placeholder?: string;
}) {
  const styles = useEditorStyles();
  const checks = React.useContext(ChecksContext);
  return (
    <Field className={styles.field} label={label} required={required} {...checks.validation(field)}>
      <Input
        className={styles.control}
        value={value}
        onChange={(_, v) => onChange(v.value)}
        onBlur={checks.touch(field)}
        maxLength={maxLength}
        {...(placeholder !== undefined ? { placeholder } : {})}
      />
    </Field>
  );
}

/** A labelled select of fixed choices. */
export function SelectField<T extends string>({
  label,
  field,
  value,
  onChange,
  options,
}: {
  label: string;
  field: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
}) {
  const styles = useEditorStyles();
  const checks = React.useContext(ChecksContext);
  return (
    <Field className={styles.field} label={label} {...checks.validation(field)}>
      <Select className={styles.control} value={value} onChange={(_, v) => onChange(v.value as T)}>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
