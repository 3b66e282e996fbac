import { Checkbox, Field, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue } from "../../i18n/LanguageContext";
import { ChecksContext, TextField } from "./fields";
import { EDITOR_STRINGS } from "./strings";
import { useEditorStyles } from "./styles";
import type { SectionProps } from "./useVendorEditor";

/**
 * Who the vendor is: its id, names, the document its terms are, the clients they address — and a
 * warning when the id is a shipped vendor's or another of the workbook's (the save replaces it).
 */
export function IdentitySection({
  ed,
  shippedIds,
  workbookIds,
  editedId,
}: SectionProps & {
  readonly shippedIds: readonly string[];
  readonly workbookIds: readonly string[];
  /** The id of the profile being edited (none for a new vendor): saving it again replaces nothing else. */
  readonly editedId: string | undefined;
}) {
  const s = useCatalogue(EDITOR_STRINGS);
  const styles = useEditorStyles();
  const checks = React.useContext(ChecksContext);
  const d = ed.draft;
  const id = d.id.trim();
  const shipped = id !== "" && shippedIds.includes(id);
  const replaces = id !== "" && !shipped && workbookIds.includes(id) && id !== editedId;
  return (
    <section className={styles.section} aria-label={s.identity}>
      <Subtitle2>{s.identity}</Subtitle2>
      <div className={styles.row}>
        <TextField
          label={s.id}
          field="id"
          value={d.id}
          onChange={(v) => ed.set("id", v.toLowerCase())}
          maxLength={40}
          required
        />
        <TextField
          label={s.name}
          field="name"
          value={d.name}
          onChange={(v) => ed.set("name", v)}
          maxLength={100}
          required
        />
        <TextField
          label={s.legalName}
          field="legalName"
          value={d.legalName}
          onChange={(v) => ed.set("legalName", v)}
          maxLength={200}
        />
      </div>
      <TextField
        label={s.invoiceNames}
        field="invoiceNames"
        value={d.invoiceNames}
        onChange={(v) => ed.set("invoiceNames", v)}
        maxLength={1000}
        placeholder={s.invoiceNamesHint}
      />
      <div className={styles.row}>
        <TextField
          label={s.documentTitle}
          field="documentTitle"
          value={d.documentTitle}
          onChange={(v) => ed.set("documentTitle", v)}
          maxLength={300}
          required
        />
        <TextField
          label={s.documentShort}
          field="documentShort"
          value={d.documentShort}
          onChange={(v) => ed.set("documentShort", v)}
          maxLength={60}
          required
        />
        <TextField
          label={s.version}
          field="profileVersion"
          value={d.profileVersion}
          onChange={(v) => ed.set("profileVersion", v)}
          maxLength={40}
        />
      </div>
      <Field {...checks.validation("clients")}>
        <div className={styles.row}>
          <Checkbox
            checked={d.pro}
            onChange={(_, v) => ed.set("pro", v.checked === true)}
            onBlur={checks.touch("clients")}
            label={s.clientsPro}
          />
          <Checkbox
            checked={d.consumer}
            onChange={(_, v) => ed.set("consumer", v.checked === true)}
            onBlur={checks.touch("clients")}
            label={s.clientsConsumer}
          />
        </div>
      </Field>
      {shipped && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.shippedIdWarning}</MessageBarBody>
        </MessageBar>
      )}
      {replaces && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.existingIdWarning}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
