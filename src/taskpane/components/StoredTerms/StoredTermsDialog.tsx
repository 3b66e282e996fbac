import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Language } from "../../../engine";
import type { ProfileChoice, ProfileDifference } from "../../../storage";
import { useLanguage } from "../../i18n/LanguageContext";
import { STORED_TERMS_STRINGS } from "./strings";
import { fieldOfPath } from "../VendorEditor/issues";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  vendor: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // A list of fields, each with its two values under it: three columns do not fit a 320 px pane.
  changes: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  change: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  field: {
    gridColumnStart: 1,
    gridColumnEnd: 3,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  which: { color: tokens.colorNeutralForeground3 },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

export interface StoredTermsDifferencesProps {
  readonly differences: readonly ProfileDifference[];
  readonly choices: ReadonlyMap<string, ProfileChoice>;
  readonly onChoose: (id: string, choice: ProfileChoice) => void;
  readonly lang: Language;
}

/** The differences, field by field, and a choice per vendor. Every value is rendered as text. */
export function StoredTermsDifferences({
  differences,
  choices,
  onChoose,
  lang,
}: StoredTermsDifferencesProps) {
  const s = STORED_TERMS_STRINGS[lang];
  const styles = useStyles();
  return (
    <div className={styles.list} data-testid="stored-terms-differences">
      {differences.map((d) => (
        <section key={d.id} className={styles.vendor} aria-label={d.name}>
          <Subtitle2>{d.name}</Subtitle2>
          <span>{s.versions(d.stored.version, d.shipped.version)}</span>
          <ul className={styles.changes} aria-label={s.fields(d.name)}>
            {d.changes.map((c) => {
              const where = fieldOfPath(c.path);
              return (
                <li key={c.path} className={styles.change}>
                  <span className={styles.field} title={c.path}>
                    {where.field === "" ? c.path : where.label[lang]}
                  </span>
                  <Text className={styles.which}>{s.storedCol}</Text>
                  <span className={styles.value}>{c.stored}</span>
                  <Text className={styles.which}>{s.shippedCol}</Text>
                  <span className={styles.value}>{c.shipped}</span>
                </li>
              );
            })}
          </ul>
          {d.moreChanges > 0 && <span>{s.more(d.moreChanges)}</span>}
          {d.acknowledged && <span>{s.acknowledged}</span>}
          <RadioGroup
            value={choices.get(d.id) ?? ""}
            onChange={(_, v) => onChoose(d.id, v.value as ProfileChoice)}
            aria-label={d.name}
          >
            <Radio value="stored" label={s.keepStored} />
            <Radio value="shipped" label={s.useShipped} />
          </RadioGroup>
        </section>
      ))}
    </div>
  );
}

export interface StoredTermsDialogProps {
  readonly open: boolean;
  /** `restored.pending` from useWorkbookTerms: the differences the user has not decided. */
  readonly differences: readonly ProfileDifference[];
  /** Called with a choice for every listed vendor. */
  readonly onResolve: (choices: ReadonlyMap<string, ProfileChoice>) => void;
  /** Closes without deciding: the workbook's versions stay in use and the question comes back next time. */
  readonly onLater: () => void;
}

/** "Stored vs shipped": the user chooses which profile to keep, vendor by vendor — never silently. */
export function StoredTermsDialog({ open, differences, onResolve, onLater }: StoredTermsDialogProps) {
  const { lang } = useLanguage();
  const s = STORED_TERMS_STRINGS[lang];
  const [choices, setChoices] = React.useState<ReadonlyMap<string, ProfileChoice>>(new Map());
  const complete = differences.every((d) => choices.has(d.id));
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && onLater()}>
      <DialogSurface data-testid="stored-terms-dialog">
        <DialogBody>
          <DialogTitle>{s.title}</DialogTitle>
          <DialogContent>
            <p>{s.intro}</p>
            <StoredTermsDifferences
              differences={differences}
              choices={choices}
              lang={lang}
              onChoose={(id, choice) => setChoices((m) => new Map(m).set(id, choice))}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onLater}>
              {s.later}
            </Button>
            <Button appearance="primary" disabled={!complete} onClick={() => onResolve(choices)}>
              {s.apply}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
