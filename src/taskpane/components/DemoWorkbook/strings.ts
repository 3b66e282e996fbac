import type { Language } from "../../../engine";

/** The preview's demo workbook under the pane. */
export const DEMO_WORKBOOK_STRINGS = {
  fr: {
    title: "Classeur de démonstration",
    sheets: "Feuilles",
    grid: (sheet: string) => `Contenu de la feuille ${sheet}`,
  },
  en: {
    title: "Demo workbook",
    sheets: "Sheets",
    grid: (sheet: string) => `Contents of sheet ${sheet}`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
