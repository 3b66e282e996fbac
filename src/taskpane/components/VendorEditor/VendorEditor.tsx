import { Button } from "@fluentui/react-components";
import * as React from "react";
import type { Day, EndOfMonthMethod, RateTable, VendorProfile } from "../../../engine";
import { MAX_PROFILE_CHARS } from "../../../storage";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { DeadlinesSection } from "./DeadlinesSection";
import { ImportMessage, LegalFlags, SaveIssues } from "./EditorMessages";
import { ChecksContext, useFieldChecks } from "./fields";
import { IdentitySection } from "./IdentitySection";
import { formIssues } from "./issues";
import { KindsSection } from "./KindsSection";
import { LateSection } from "./LateSection";
import { PlansSection } from "./PlansSection";
import { EDITOR_STRINGS } from "./strings";
import { useEditorStyles } from "./styles";
import { useVendorEditor } from "./useVendorEditor";

export interface VendorEditorProps {
  /** The profile to edit; none for a new vendor. */
  readonly initial?: VendorProfile | undefined;
  /** `initial` is a draft not yet stored (an import from terms of sale): saving it is a creation. */
  readonly initialIsDraft?: boolean | undefined;
  /** A new vendor's name, known beforehand (a register's unknown vendor). */
  readonly initialName?: string | undefined;
  /** The rate table and as-of date the legal flags are computed with (3 × the legal rate of that half-year). */
  readonly rates: RateTable;
  readonly asOf: Day;
  readonly endOfMonthMethod: EndOfMonthMethod;
  /** Ids of the shipped vendors and of the vendors this workbook already stores, for warnings. */
  readonly shippedIds: readonly string[];
  readonly workbookIds: readonly string[];
  /** Saves the validated profile (the pane stores it in the workbook and refreshes the registry). */
  readonly onSave: (profile: VendorProfile) => void;
  readonly onCancel: () => void;
  /** Hands a JSON file to the pane, which offers it for download. */
  readonly onExport: (file: { fileName: string; text: string }) => void;
}

/**
 * The custom-vendor form: terms typed as the contract writes them, read back, checked against the law.
 * The draft is useVendorEditor's; each part of the form is a section of its own; this component holds
 * the submission (problems shown field by field once left, all of them once « Enregistrer » is pressed)
 * and the actions (save, import, export, cancel).
 */
export function VendorEditor(props: VendorEditorProps) {
  const { lang } = useLanguage();
  const s = useCatalogue(EDITOR_STRINGS);
  const common = useCatalogue(COMMON);
  const styles = useEditorStyles();
  const ed = useVendorEditor({
    initial: props.initial,
    initialName: props.initialName,
    rates: props.rates,
    asOf: props.asOf,
    endOfMonthMethod: props.endOfMonthMethod,
  });
  const fileInput = React.useRef<HTMLInputElement>(null);
  const issuesBox = React.useRef<HTMLDivElement>(null);
  const [submitted, setSubmitted] = React.useState(false);
  const issues = React.useMemo(() => formIssues(ed.result.issues), [ed.result.issues]);
  const checks = useFieldChecks(issues, lang, submitted);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    // Refuse a huge file before reading it into memory; importText applies the same limit to the text.
    if (file.size > MAX_PROFILE_CHARS * 4) ed.importText("x".repeat(MAX_PROFILE_CHARS + 1));
    else ed.importText(await file.text());
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (ed.result.profile) {
      props.onSave(ed.result.profile);
      return;
    }
    setSubmitted(true);
    // The list of problems is announced and brought into view.
    window.setTimeout(() => issuesBox.current?.focus(), 0);
  };

  return (
    <ChecksContext.Provider value={checks}>
      <form
        className={styles.root}
        aria-label={s.title}
        data-testid="vendor-editor"
        noValidate
        onSubmit={onSubmit}
      >
        <IdentitySection
          ed={ed}
          shippedIds={props.shippedIds}
          workbookIds={props.workbookIds}
          editedId={props.initialIsDraft ? undefined : props.initial?.id}
        />
        <KindsSection ed={ed} />
        <LateSection ed={ed} />
        <PlansSection ed={ed} />
        <DeadlinesSection ed={ed} />
        <LegalFlags ed={ed} />
        {submitted && issues.length > 0 && <SaveIssues ref={issuesBox} issues={issues} />}
        <ImportMessage ed={ed} />

        <div className={styles.actions}>
          <Button appearance="primary" type="submit">
            {s.save}
          </Button>
          <Button onClick={() => fileInput.current?.click()}>{s.importJson}</Button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-hidden="true"
            onChange={(e) => void onFile(e)}
          />
          <Button
            disabled={!ed.result.profile}
            onClick={() => {
              const file = ed.exportFile();
              if (file) props.onExport(file);
            }}
          >
            {s.exportJson}
          </Button>
          <Button appearance="subtle" onClick={props.onCancel}>
            {common.cancel}
          </Button>
        </div>
      </form>
    </ChecksContext.Provider>
  );
}
