import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { useStrings } from "../../i18n/LanguageContext";

/** Says the pane runs outside Excel, on the in-memory demo workbook. */
export function PreviewBanner() {
  const s = useStrings();
  return (
    <MessageBar intent="info" data-testid="preview-banner">
      <MessageBarBody>
        <MessageBarTitle>{s.previewBanner}</MessageBarTitle>
        {s.previewBannerBody}
      </MessageBarBody>
    </MessageBar>
  );
}
