import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { useStrings } from "../../i18n/LanguageContext";
import { bootRecord } from "../../../office/office-boot";

/**
 * Says the pane runs outside Excel, on the in-memory demo workbook — and, when office.js itself could
 * not be loaded from Microsoft's CDN, says so: inside Excel that is the reason no workbook is reached.
 */
export function PreviewBanner() {
  const s = useStrings();
  const noOfficeJs = bootRecord()?.start.kind === "no-office-js";
  return (
    <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
      <MessageBarBody>
        <MessageBarTitle>{s.previewBanner}</MessageBarTitle>
        {s.previewBannerBody}
        {noOfficeJs && <div data-testid="preview-no-office-js">{s.previewNoOfficeJs}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
