import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { checkCompany, type CompanyField, type CompanyProblem, type StoredCompany } from "../../../storage";
import { describeError } from "../../apply-adapter";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { COMPANY_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  short: { maxWidth: "16em", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

type Draft = Record<CompanyField, string>;

const FIELDS: readonly CompanyField[] = [
  "name",
  "legalForm",
  "address",
  "siren",
  "iban",
  "bic",
  "email",
  "phone",
  "place",
];
const REQUIRED: ReadonlySet<CompanyField> = new Set(["name", "address", "siren", "iban"]);

function draftOf(company: StoredCompany | undefined): Draft {
  const draft = {} as Draft;
  for (const f of FIELDS) draft[f] = company?.[f] ?? "";
  return draft;
}

export interface CompanyFormProps {
  /** The block stored in the workbook, if any. */
  readonly company: StoredCompany | undefined;
  readonly storeKind: "custom-xml-part" | "document-settings" | "memory";
  readonly onSave: (company: StoredCompany) => Promise<void>;
}

/**
 * « Mon entreprise »: name, legal form, address, SIREN (9 digits, its Luhn key), IBAN (its country's
 * length, mod 97), BIC, e-mail, phone, town — checked by `checkCompany` (src/storage, the same check as
 * the stored document's), each problem under its field, and saved with the workbook's terms.
 */
export function CompanyForm({ company, storeKind, onSave }: CompanyFormProps) {
  const s = useCatalogue(COMPANY_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(company));
  const [problems, setProblems] = React.useState<readonly CompanyProblem[]>([]);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string }>();
  // Another workbook's block (read after the form was drawn): the form shows it.
  React.useEffect(() => setDraft(draftOf(company)), [company]);

  const set = (field: CompanyField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setProblems((p) => p.filter((x) => x.field !== field));
    setMessage(undefined);
  };
  const problemOf = (field: CompanyField) => problems.find((p) => p.field === field)?.text[lang];

  const save = async () => {
    const checked = checkCompany(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    try {
      await onSave(checked.company);
      setDraft(draftOf(checked.company));
      setMessage({ ok: true, text: storeKind === "memory" ? s.savedMemory : s.saved });
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, lang) });
    }
  };

  const field = (f: CompanyField, label: string, hint?: string, multiline = false) => {
    const problem = problemOf(f);
    return (
      <Field
        key={f}
        label={label}
        required={REQUIRED.has(f)}
        {...(hint !== undefined ? { hint } : {})}
        validationState={problem ? "error" : "none"}
        {...(problem ? { validationMessage: problem } : {})}
      >
        {multiline ? (
          <Textarea
            value={draft[f]}
            onChange={(_, d) => set(f)(d.value)}
            rows={3}
            data-testid={`company-${f}`}
          />
        ) : (
          <Input
            className={f === "siren" || f === "bic" ? styles.short : undefined}
            value={draft[f]}
            onChange={(_, d) => set(f)(d.value)}
            data-testid={`company-${f}`}
          />
        )}
      </Field>
    );
  };

  return (
    <div className={styles.root} data-testid="company-form">
      <Caption1>{s.intro}</Caption1>
      {field("name", s.name)}
      {field("legalForm", s.legalForm, s.legalFormHint)}
      {field("address", s.address, s.addressHint, true)}
      {field("siren", s.siren, s.sirenHint)}
      {field("iban", s.iban)}
      {field("bic", s.bic)}
      {field("email", s.email)}
      {field("phone", s.phone)}
      {field("place", s.place)}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} data-testid="company-save">
          {s.save}
        </Button>
      </div>
      {message && (
        <MessageBar
          intent={message.ok ? "success" : "error"}
          layout="multiline"
          data-testid="company-message"
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
