import type { Language } from "../../../engine";

/** The first rows as they would be written. */
export const PREVIEW_STRINGS = {
  fr: {
    caption: (n: number, total: number) =>
      `Les ${n} premières lignes sur ${total}, telles qu'elles seraient écrites.`,
    region: "Aperçu des valeurs à écrire",
    rowHeader: "Ligne",
    row: (reference: string) => `Ligne ${reference}`,
  },
  en: {
    caption: (n: number, total: number) => `The first ${n} rows of ${total}, as they would be written.`,
    region: "Preview of the values to write",
    rowHeader: "Row",
    row: (reference: string) => `Row ${reference}`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
