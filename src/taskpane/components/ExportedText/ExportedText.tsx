import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { TextFile } from "../../download";
import { useCatalogue } from "../../i18n/LanguageContext";
import { EXPORTED_TEXT_STRINGS } from "./strings";
import { CopyableText } from "../CopyableText/CopyableText";

/**
 * An exported file's text, for the webviews where a download does nothing (Excel for Mac): shown in a
 * read-only box with a « Copier » button. The clipboard API may be refused (no permission, an older
 * webview): the text is then selected, for Ctrl+C / ⌘C. Elsewhere the file was downloaded and the
 * text stays one click away (« Afficher le texte »), in case the download did not reach the user.
 */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function ExportedText({
  file,
  how,
}: {
  /** The file last exported; undefined before any export. */
  file: TextFile | undefined;
  /** "text" where the download could not be offered: the text is shown at once. */
  how: "downloaded" | "text";
}) {
  const s = useCatalogue(EXPORTED_TEXT_STRINGS);
  const styles = useStyles();
  const [open, setOpen] = React.useState(how === "text");
  // A new export: shown at once where downloads do nothing, folded where the file was downloaded.
  React.useEffect(() => {
    setOpen(how === "text");
  }, [file, how]);

  if (!file) return null;
  return (
    <div className={styles.root} data-testid="exported-text">
      {how === "text" && (
        <Caption1 data-testid="export-no-download">{s.noDownloadHere(file.fileName)}</Caption1>
      )}
      {how === "downloaded" && (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => setOpen((o) => !o)}
            data-testid="export-show-text"
          >
            {open ? s.hideText : s.showText}
          </Button>
        </div>
      )}
      {open && (
        <CopyableText
          label={s.textLabel(file.fileName)}
          text={file.text}
          rows={8}
          copyLabel={s.copy}
          outcomeText={(copy) => (copy === "copied" ? s.copied(file.fileName) : s.copyRefused(file.fileName))}
          testIds={{ box: "export-text", copy: "export-copy", result: "export-copy-result" }}
        />
      )}
    </div>
  );
}
