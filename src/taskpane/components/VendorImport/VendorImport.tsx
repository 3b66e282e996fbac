import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Text as Bilingual, VendorProfile } from "../../../engine";
import {
  checkTermsText,
  decodeTermsBytes,
  importTermsText,
  MAX_TERMS_BYTES,
  type TermsImport,
  type TextInput,
} from "../../../terms-import";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { ImportReportView } from "./ImportReportView";
import { IMPORT_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  text: { minWidth: 0 },
});

/** At most `max` bytes and one more of a file (so its reader refuses with its own sentence). */
async function head(file: File, max: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, max + 1).arrayBuffer());
}

/**
 * A file's terms of sale as text: a .docx through its bounded reader (src/documents/docx-text.ts), any
 * other file decoded as UTF-8, UTF-16 or Windows-1252. No more than the readers accept is read into
 * memory. The .docx reader (with mammoth, some 300 kB) is loaded when a .docx is opened, not with the pane.
 */
async function fileText(file: File): Promise<TextInput> {
  if (!/\.docx$/i.test(file.name)) return decodeTermsBytes(await head(file, MAX_TERMS_BYTES));
  const { docxText, DOCX_LIMITS } = await import("../../../documents/docx-text");
  const read = await docxText(await head(file, DOCX_LIMITS.maxFileBytes));
  return read.ok ? checkTermsText(read.text) : { ok: false, message: read.message };
}

export interface VendorImportProps {
  /** The vendor's name, when the pane knows it (a register's unknown vendor). */
  readonly initialName?: string | undefined;
  /** Opens the draft in the vendor form: nothing is saved until the form is. */
  readonly onCreate: (draft: VendorProfile) => void;
  /** Opens an empty form (with the name given) instead. */
  readonly onManual: (name: string) => void;
  readonly onCancel: () => void;
}

/**
 * « Fournisseurs > Nouveau à partir des CGV » (issue 23): the text pasted or a .txt / .docx opened,
 * read by the same import as `echeance vendor import`, its report shown, and « Créer le fournisseur »
 * opening the draft in the vendor form.
 */
export function VendorImport({ initialName = "", onCreate, onManual, onCancel }: VendorImportProps) {
  const s = useCatalogue(IMPORT_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [name, setName] = React.useState(initialName);
  const [fileName, setFileName] = React.useState<string>();
  const [problem, setProblem] = React.useState<Bilingual>();
  const [result, setResult] = React.useState<Extract<TermsImport, { ok: true }>>();
  const [busy, setBusy] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const read = (input: TextInput, file?: string) => {
    setResult(undefined);
    if (!input.ok) {
      setProblem(input.message);
      return;
    }
    const imported = importTermsText(input.text, {
      ...(name.trim() !== "" ? { name: name.trim() } : {}),
      ...(file !== undefined ? { fileName: file } : {}),
    });
    if (!imported.ok) setProblem(imported.message);
    else {
      setProblem(undefined);
      setResult(imported);
    }
  };

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    try {
      setFileName(file.name);
      const input = await fileText(file);
      if (input.ok) setText(input.text);
      read(input, file.name);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={s.title} data-testid="vendor-import">
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      <Caption1>{s.intro}</Caption1>
      <Field label={s.name}>
        <Input value={name} onChange={(_, v) => setName(v.value)} maxLength={100} data-testid="import-name" />
      </Field>
      <Field label={s.text} className={styles.text}>
        <Textarea
          value={text}
          onChange={(_, v) => {
            setText(v.value);
            setFileName(undefined);
          }}
          placeholder={s.textHint}
          resize="vertical"
          rows={6}
          data-testid="import-text"
        />
      </Field>
      {fileName !== undefined && <Caption1>{s.fileRead(fileName)}</Caption1>}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || text.trim() === ""}
          onClick={() => read(checkTermsText(text), fileName)}
          data-testid="import-read"
        >
          {busy ? s.reading : s.read}
        </Button>
        <Button disabled={busy} onClick={() => fileInput.current?.click()}>
          {s.openFile}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          aria-hidden="true"
          data-testid="import-file"
          onChange={(e) => void onFile(e)}
        />
        <Button appearance="subtle" onClick={() => onManual(name.trim())}>
          {s.manual}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {s.cancel}
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="import-problem">
          <MessageBarBody>{problem[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <ImportReportView report={result.report} profile={result.profile} />
          <Caption1>{s.createHint}</Caption1>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => onCreate(result.profile)} data-testid="import-create">
              {s.create}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
