import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
} from "@fluentui/react-components";
import * as React from "react";
import { bootRecord } from "../../../office/office-boot";
import { useCatalogue } from "../../i18n/LanguageContext";
import { PREVIEW_BANNER_STRINGS } from "./strings";

const useStyles = makeStyles({
  folded: { display: "none" },
});

/**
 * Says the pane runs outside Excel, on the in-memory demo workbook — and, when office.js itself could
 * not be loaded from Microsoft's CDN, says so: inside Excel that is the reason no workbook is reached.
 * One line until « Détails » is pressed (issue 21: the views start right below it); a warning rather
 * than an information when office.js failed.
 */
export function PreviewBanner() {
  const s = useCatalogue(PREVIEW_BANNER_STRINGS);
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const noOfficeJs = bootRecord()?.start.kind === "no-office-js";
  return (
    <MessageBar intent={noOfficeJs ? "warning" : "info"} layout="multiline" data-testid="preview-banner">
      <MessageBarBody>
        <MessageBarTitle>{s.title}</MessageBarTitle>{" "}
        <Link
          as="button"
          inline
          aria-expanded={open}
          aria-controls="preview-details"
          onClick={() => setOpen((o) => !o)}
          data-testid="preview-details-toggle"
        >
          {open ? s.lessDetails : s.details}
        </Link>
        <div id="preview-details" className={mergeClasses(!open && styles.folded)}>
          {s.body}
          {noOfficeJs && <div data-testid="preview-no-office-js">{s.noOfficeJs}</div>}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
