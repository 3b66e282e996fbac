import type { Text } from "../engine";

/** What the Office adapters say to the user, in French and English: the office layer's catalogue. */
export const OFFICE_TEXT = {
  /** A request refused for a cell edit past the bounded wait (cell-edit.ts). */
  cellEditGaveUp: (seconds: number): Text => ({
    en: `Excel stayed in cell-editing mode for more than ${seconds} s, so the add-in could not read or write the workbook. Finish the edit (Enter or Esc), then try again.`,
    fr: `Excel est resté en saisie dans une cellule plus de ${seconds} s : le complément n'a pas pu lire ni écrire le classeur. Terminez la saisie (Entrée ou Échap), puis recommencez.`,
  }),
} as const;
