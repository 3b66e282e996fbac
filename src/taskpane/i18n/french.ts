/**
 * French typography the pane's sentences need. The engine's formatters give dates and amounts; this
 * is the one rule they do not: « de » elides before a vowel (« d'OMI », « d'Injenius », « de Sillage »).
 * A helper of the same purpose may come to src/engine/format.ts; until then the pane keeps its own.
 */

/** A word starting with a vowel (accented or not, any case), where « de » becomes « d' ». */
const ELIDES = /^[aeiouyàâäéèêëîïôöùûüÿœæ]/iu;

/**
 * « de » followed by `word`, elided before a vowel: « d'OMI », « de Sillage ». An h is left alone:
 * whether it is mute (« d'Horizon ») or aspirated (« de Hollande ») cannot be told from the spelling.
 */
export function de(word: string): string {
  const w = word.trim();
  return ELIDES.test(w) ? `d'${w}` : `de ${w}`;
}
