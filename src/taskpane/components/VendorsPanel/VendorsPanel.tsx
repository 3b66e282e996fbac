import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  BUILT_IN_VENDORS,
  LAW_VENDOR,
  parseIsoDay,
  SHIPPED_VENDORS,
  type Day,
  type Settings,
  type VendorProfile,
} from "../../../engine";
import { describeError } from "../../apply-adapter";
import { offerFile, type TextFile } from "../../download";
import { useLanguage } from "../../i18n/LanguageContext";
import { VENDORS_STRINGS } from "./strings";
import type { WorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import { ExportedText } from "../ExportedText/ExportedText";
import { VendorEditor } from "../VendorEditor/VendorEditor";
import { VendorImport } from "../VendorImport/VendorImport";

/**
 * The workbook's own vendors: the built-in ones (the five shipped and the law, `loi`), the terms
 * stored in the workbook (custom vendors and the copies of shipped vendors it uses), with the
 * custom-vendor form to create, edit, import and export them, and « Nouveau à partir des CGV », which
 * reads a vendor's terms of sale into a draft the form opens.
 */

const SHIPPED_IDS = SHIPPED_VENDORS.map((v) => v.id);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // A list, not a table: at 320 px four columns and two buttons do not fit side by side.
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  vendor: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  who: { display: "flex", flexDirection: "column", minWidth: 0 },
});

export interface VendorsPanelProps {
  readonly terms: WorkbookTerms;
  readonly settings: Settings;
  /** The as-of date the legal flags use (3 × the legal rate of its half-year). */
  readonly asOfIso: string | undefined;
  /** Called with the id of a vendor just saved, so the pane can select it. */
  readonly onSaved: (id: string) => void;
  /** A vendor to create from its terms, asked for elsewhere (Apply's unknown vendors): opens the import. */
  readonly createRequest?: { readonly name: string; readonly seq: number } | undefined;
  /** The request was taken (the import is open): the pane forgets it, so it opens once. */
  readonly onCreateRequestTaken?: () => void;
}

/** What the panel shows below the lists: the form (a vendor, a draft, or a new one), the import, or neither. */
type Editing =
  | {
      readonly kind: "form";
      readonly initial?: VendorProfile;
      readonly draft?: boolean;
      readonly name?: string;
    }
  | { readonly kind: "import"; readonly name: string };

export function VendorsPanel({
  terms,
  settings,
  asOfIso,
  onSaved,
  createRequest,
  onCreateRequestTaken,
}: VendorsPanelProps) {
  const { lang } = useLanguage();
  const s = VENDORS_STRINGS[lang];
  const styles = useStyles();
  const [editing, setEditing] = React.useState<Editing | undefined>();
  React.useEffect(() => {
    if (!createRequest) return;
    setEditing({ kind: "import", name: createRequest.name });
    onCreateRequestTaken?.();
  }, [createRequest, onCreateRequestTaken]);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string }>();
  // The JSON last exported: downloaded, or shown to copy where the webview cannot download (Excel for Mac).
  const [exported, setExported] = React.useState<{ file: TextFile; how: "downloaded" | "text" }>();
  const asOf =
    (asOfIso === undefined ? undefined : parseIsoDay(asOfIso)) ?? (parseIsoDay("2026-01-01") as Day);
  const stored = terms.state.profiles;

  const save = async (profile: VendorProfile) => {
    try {
      await terms.saveProfile(profile);
      setEditing(undefined);
      setMessage({ ok: true, text: s.saved(profile.id) });
      onSaved(profile.id);
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, lang) });
    }
  };

  return (
    <div className={styles.root} data-testid="vendors-panel">
      <Caption1>
        {s.intro} {s.where[terms.storeKind]}
      </Caption1>
      {message && (
        <MessageBar intent={message.ok ? "success" : "error"} data-testid="vendors-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 data-testid="built-in-vendors">
        {s.builtIn}{" "}
        {BUILT_IN_VENDORS.map((v) =>
          v.id === LAW_VENDOR.id ? s.lawVendor(v.name, v.id) : `${v.name} (${v.id})`,
        ).join(", ")}
      </Caption1>
      {stored.length === 0 ? (
        <Caption1>{s.none}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={s.list} data-testid="stored-vendors">
          {stored.map(({ profile }) => {
            const custom = !SHIPPED_IDS.includes(profile.id);
            return (
              <li key={profile.id} className={styles.vendor}>
                <div className={styles.who}>
                  <Text weight="semibold">{profile.name}</Text>
                  <Caption1>
                    {s.details(profile.id, profile.profileVersion)} · {custom ? s.custom : s.shipped}
                  </Caption1>
                </div>
                <div className={styles.actions}>
                  {custom && (
                    <Button
                      size="small"
                      aria-label={`${s.edit} ${profile.name}`}
                      onClick={() => setEditing({ kind: "form", initial: profile })}
                    >
                      {s.edit}
                    </Button>
                  )}
                  <Button
                    size="small"
                    aria-label={`${s.remove} ${profile.name}`}
                    onClick={() => void terms.removeProfile(profile.id)}
                  >
                    {s.remove}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing?.kind === "import" && (
        <VendorImport
          key={`import-${editing.name}`}
          initialName={editing.name}
          onCreate={(draft) => setEditing({ kind: "form", initial: draft, draft: true })}
          onManual={(name) => setEditing({ kind: "form", name })}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {editing?.kind === "form" && (
        <VendorEditor
          key={editing.initial?.id ?? `new-${editing.name ?? ""}`}
          initial={editing.initial}
          initialIsDraft={editing.draft}
          initialName={editing.name}
          rates={settings.rates}
          asOf={asOf}
          endOfMonthMethod={settings.endOfMonthMethod}
          shippedIds={SHIPPED_IDS}
          workbookIds={stored.map((p) => p.profile.id)}
          onSave={(p) => void save(p)}
          onCancel={() => setEditing(undefined)}
          onExport={({ fileName, text }) => {
            const file = { fileName, text, type: "application/json" };
            setExported({ file, how: offerFile(file) });
          }}
        />
      )}
      {editing === undefined && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => setEditing({ kind: "form" })} data-testid="new-vendor">
            {s.create}
          </Button>
          <Button onClick={() => setEditing({ kind: "import", name: "" })} data-testid="import-vendor-terms">
            {s.createFromTerms}
          </Button>
        </div>
      )}
      {editing?.kind === "form" && exported && <ExportedText file={exported.file} how={exported.how} />}
    </div>
  );
}
