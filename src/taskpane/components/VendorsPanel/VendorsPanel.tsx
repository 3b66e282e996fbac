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
import { parseIsoDay, SHIPPED_VENDORS, type Day, type Settings, type VendorProfile } from "../../../engine";
import { describeError } from "../../apply-adapter";
import { offerFile, type TextFile } from "../../download";
import { useLanguage } from "../../i18n/LanguageContext";
import { VENDORS_STRINGS } from "./strings";
import type { WorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import { ExportedText } from "../ExportedText/ExportedText";
import { VendorEditor } from "../VendorEditor/VendorEditor";

/**
 * The workbook's own vendors: the terms stored in the workbook (custom vendors and the copies of
 * shipped vendors it uses), with the custom-vendor form to create, edit, import and export them.
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
}

export function VendorsPanel({ terms, settings, asOfIso, onSaved }: VendorsPanelProps) {
  const { lang } = useLanguage();
  const s = VENDORS_STRINGS[lang];
  const styles = useStyles();
  const [editing, setEditing] = React.useState<{ initial?: VendorProfile } | undefined>();
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
                      onClick={() => setEditing({ initial: profile })}
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
      {editing ? (
        <VendorEditor
          key={editing.initial?.id ?? "new"}
          initial={editing.initial}
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
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => setEditing({})} data-testid="new-vendor">
            {s.create}
          </Button>
        </div>
      )}
      {editing && exported && <ExportedText file={exported.file} how={exported.how} />}
    </div>
  );
}
