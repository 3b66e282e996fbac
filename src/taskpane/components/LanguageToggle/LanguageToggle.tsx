import { Button } from "@fluentui/react-components";
import * as React from "react";
import type { Language } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { LANGUAGE_TOGGLE_STRINGS } from "./strings";

/** The language the button switches to. */
const OTHER: Readonly<Record<Language, Language>> = { fr: "en", en: "fr" };

/** Switches the pane between French and English. */
export function LanguageToggle() {
  const { lang, setLang } = useLanguage();
  const s = useCatalogue(LANGUAGE_TOGGLE_STRINGS);
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={`${s.otherLanguage} — ${s.switchTo}`}
      lang={OTHER[lang]}
      onClick={() => setLang(OTHER[lang])}
      data-testid="language"
    >
      {s.otherLanguage}
    </Button>
  );
}
