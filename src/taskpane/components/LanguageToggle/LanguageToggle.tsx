import { Button } from "@fluentui/react-components";
import * as React from "react";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";

/** Switches the pane between French and English. */
export function LanguageToggle() {
  const { lang, setLang } = useLanguage();
  const s = useStrings();
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={`${s.languageToggle} — ${s.languageToggleLabel}`}
      lang={lang === "fr" ? "en" : "fr"}
      onClick={() => setLang(lang === "fr" ? "en" : "fr")}
      data-testid="language"
    >
      {s.languageToggle}
    </Button>
  );
}
