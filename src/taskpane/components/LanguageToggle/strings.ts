import type { Language } from "../../../engine";

/** The language button: the other language's name, and what pressing it does. */
export const LANGUAGE_TOGGLE_STRINGS = {
  fr: {
    otherLanguage: "English",
    switchTo: "Passer l'interface en anglais",
  },
  en: {
    otherLanguage: "Français",
    switchTo: "Switch the interface to French",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
