import type { Text } from "../engine";

/** What the functions' runtime tells the user about its host, in French and English. */

/** A reason as a sentence: its own, ending with a full stop. */
const sentence = (reason: string): string => (/[.!?]$/.test(reason) ? reason : `${reason}.`);

export const RUNTIME_TEXT = {
  /** The workbook's stored terms could not be read at start (appended to the functions' #VALUE! messages). */
  termsNotLoaded: (reason: Text): Text => ({
    en: `The workbook's own terms (its vendors, its rate rows) could not be read. ${sentence(reason.en)} Until they are, the CGV functions use the shipped terms: open the Échéance pane to read them again.`,
    fr: `Les conditions propres au classeur (ses fournisseurs, ses lignes de taux) n'ont pas pu être lues. ${sentence(reason.fr)} D'ici là, les fonctions CGV utilisent les conditions livrées : ouvrez le volet Échéance pour les relire.`,
  }),
  /** Excel refused to recalculate the CGV cells after their terms changed. */
  recalculationFailed: (reason: Text): Text => ({
    en: `Excel did not recalculate the CGV cells after the terms changed. ${sentence(reason.en)} Their results may be out of date: recalculate the workbook (Ctrl+Alt+F9 on Windows).`,
    fr: `Excel n'a pas recalculé les cellules CGV après le changement des conditions. ${sentence(reason.fr)} Leurs résultats peuvent être périmés : recalculez le classeur (Ctrl+Alt+F9 sous Windows).`,
  }),
} as const;

/** An error as a reason: its own sentences where it has them (`text`), else its message. */
export function reasonOf(error: unknown): Text {
  const text = (error as { text?: unknown } | null)?.text as Partial<Text> | undefined;
  if (typeof text?.en === "string" && typeof text.fr === "string") return { en: text.en, fr: text.fr };
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, fr: message };
}
