import type { Language } from "../../../engine";

/** Highlighting of overdue rows and coming deadlines. */
export const HIGHLIGHT_STRINGS = {
  fr: {
    label: "Mettre en évidence les retards et les échéances proches",
    days: "Échéances à moins de (jours)",
    hint: "Mise en forme conditionnelle sur les colonnes écrites ; elle se met à jour avec les cellules.",
    daysInvalid: "Saisissez un nombre de jours entier.",
  },
  en: {
    label: "Highlight overdue rows and coming deadlines",
    days: "Deadlines within (days)",
    hint: "Conditional formatting on the written columns; it follows the cells.",
    daysInvalid: "Enter a whole number of days.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
