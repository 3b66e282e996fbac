import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from "@fluentui/react-components";
import * as React from "react";
import { formatCitation } from "../../../engine";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { formIssues, issueSentence, type FormIssue } from "./issues";
import { EDITOR_STRINGS } from "./strings";
import { useEditorStyles } from "./styles";
import type { SectionProps } from "./useVendorEditor";

/**
 * The points of L441-10 the terms cross (a rate under 3 × the legal rate, a term beyond 60 days…):
 * said, never refused — the contract is recorded as written.
 */
export function LegalFlags({ ed }: SectionProps) {
  const s = useCatalogue(EDITOR_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useEditorStyles();
  if (ed.flags.length === 0) return null;
  const kindLabel = (kindId: string) => {
    const kind = ed.draft.kinds.find((k) => k.id.trim() === kindId);
    // The English label may be left empty: the French one stands in.
    const labels = { fr: kind?.labelFr, en: kind?.labelEn || kind?.labelFr };
    return labels[lang] || kindId;
  };
  return (
    <section className={styles.section} aria-label={s.legal} data-testid="vendor-legal-flags">
      <Subtitle2>{s.legal}</Subtitle2>
      {ed.flags.map((f, i) => (
        <MessageBar key={`${f.id}-${i}`} intent="warning" layout="multiline">
          <MessageBarBody>
            {f.invoiceKind ? `${kindLabel(f.invoiceKind)}${common.colon}` : ""}
            {f.text[lang]} ({f.article.map(formatCitation).join(", ")})
          </MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

/** Why nothing was saved: every field's problem, named, once « Enregistrer » was pressed. */
export const SaveIssues = React.forwardRef<HTMLDivElement, { issues: readonly FormIssue[] }>(
  function SaveIssues({ issues }, ref) {
    const s = useCatalogue(EDITOR_STRINGS);
    const { lang } = useLanguage();
    const styles = useEditorStyles();
    return (
      <div ref={ref} tabIndex={-1} role="alert" data-testid="vendor-issues">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.notSaved}</MessageBarTitle>
            <ul className={styles.list}>
              {issues.slice(0, 30).map((i, k) => (
                <li key={k}>{issueSentence(i, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  },
);

/** What the last import did: the profile read into the form, or the file's problems. */
export function ImportMessage({ ed }: SectionProps) {
  const s = useCatalogue(EDITOR_STRINGS);
  const { lang } = useLanguage();
  const styles = useEditorStyles();
  const message = ed.importMessage;
  if (!message) return null;
  return (
    <MessageBar
      intent={message.ok ? "success" : "error"}
      layout="multiline"
      data-testid="vendor-import-message"
    >
      <MessageBarBody>
        {message.ok ? s.imported : message.text[lang]}
        {message.issues.length > 0 && (
          <>
            {" "}
            {s.fileProblems}
            <ul className={styles.list}>
              {formIssues(message.issues).map((i, k) => (
                <li key={k}>{issueSentence(i, lang)}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
