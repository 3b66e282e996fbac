/**
 * French contract text brought to one plain form before it is read: lower case, no accents, numbers
 * in digits (« quarante-cinq » → 45, « trente (30) » → 30), punctuation as spaces. The payment-term
 * reader and the terms-of-sale import match their phrases on this form. Every step is one pass over
 * the text (regular expressions without nested repetition), so the whole is linear in its length.
 */

/** The value of each French number word (after accents are removed). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["un", 1],
  ["une", 1],
  ["deux", 2],
  ["trois", 3],
  ["quatre", 4],
  ["cinq", 5],
  ["six", 6],
  ["sept", 7],
  ["huit", 8],
  ["neuf", 9],
  ["dix", 10],
  ["onze", 11],
  ["douze", 12],
  ["treize", 13],
  ["quatorze", 14],
  ["quinze", 15],
  ["seize", 16],
  ["vingt", 20],
  ["vingts", 20],
  ["trente", 30],
  ["quarante", 40],
  ["cinquante", 50],
  ["soixante", 60],
  ["septante", 70],
  ["octante", 80],
  ["huitante", 80],
  ["nonante", 90],
  ["cent", 100],
  ["cents", 100],
  ["mille", 1000],
]);

const WORD = [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join("|");
/** A run of number words, joined by spaces and « et » (« trente et un », « soixante dix sept »). */
// No lookbehind (the pane runs in Safari 14's webview): the character before a run is matched, and kept.
const NUMBER_RUN = new RegExp(
  String.raw`(^|[^a-z0-9])((?:${WORD})(?: (?:et (?=(?:un|une|onze)(?![a-z])))?(?:${WORD}))*)(?![a-z0-9])`,
  "g",
);

/**
 * Words that are numbers only before a unit or a figure: « une facture », « un délai », « un matériel
 * neuf » stay words; « un (1) mois », « une année », « neuf jours » are numbers.
 */
const ONLY_BEFORE_UNIT = new Set(["un", "une", "neuf", "cent", "mille", "zero"]);
const UNIT_AFTER =
  /^ ?(?:\( ?\d|\d|jours?\b|mois\b|ans?\b|annees?\b|semaines?\b|heures?\b|points?\b|fois\b|pour ?cent\b|%|euros?\b|€)/;

/** The value of a run of number words: « quatre vingt dix sept » → 97, « deux cents » → 200. */
export function numberFromWords(run: string): number | undefined {
  let total = 0;
  let current = 0;
  let previous = 0;
  for (const word of run.split(" ")) {
    if (word === "et") continue;
    const value = NUMBER_WORDS.get(word);
    if (value === undefined) return undefined;
    if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (value === 100) current = (current || 1) * 100;
    else if (value === 20 && previous === 4)
      current += 76; // quatre-vingt(s): 4 → 80
    else current += value;
    previous = value;
  }
  return total + current;
}

function numbersToDigits(text: string): string {
  return text.replace(NUMBER_RUN, (_all: string, before: string, run: string, offset: number) => {
    const end = offset + before.length + run.length;
    if (ONLY_BEFORE_UNIT.has(run) && !UNIT_AFTER.test(text.slice(end, end + 12))) return `${before}${run}`;
    const n = numberFromWords(run);
    return `${before}${n === undefined ? run : String(n)}`;
  });
}

/**
 * The plain form of French contract text.
 *
 * @example normaliseFrench("Quarante-cinq (45) jours fin de mois, à compter de la date d’émission")
 * // "45 jours fin de mois a compter de la date d emission"
 */
export function normaliseFrench(text: string): string {
  const folded = text
    .normalize("NFKC") // ligatures ﬁ ﬂ, no-break and narrow no-break spaces, full-width forms
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’'`´ʼ‘]/g, " ")
    .replace(/[«»“”„"]/g, " ")
    .replace(/[-‐‑‒–—]/g, " ")
    .replace(/\s+/g, " ");
  return (
    numbersToDigits(folded)
      .replace(/(^|[^a-z])pour ?cent(?![a-z])/g, "$1%")
      .replace(/(\d),(\d)/g, "$1.$2") // decimal comma: « 3,5 % »
      .replace(/(\d)(?:er|ere|eme|e|st|nd|rd|th)(?![a-z])/g, "$1") // 1er, 2e, 10th
      .replace(/(\d+) ?\( ?(\d+) ?\)/g, (m, a: string, b: string) => (a === b ? a : m)) // « trente (30) »
      .replace(/\( ?(\d+) ?\) ?(\d+)/g, (m, a: string, b: string) => (a === b ? a : m))
      // A dot between digits stays (« 3.5 »); any other dot is a space.
      .replace(/(\d)\.(?=\d)|\./g, (_m, digit: string | undefined) =>
        digit === undefined ? " " : `${digit}.`,
      )
      .replace(/[^a-z0-9.%+€ ]/g, " ")
      .replace(/ +/g, " ")
      .trim()
  );
}
