import {
  formatDate,
  LEVEL_NAMES,
  parseIsoDay,
  tryDayFromYmd,
  type Day,
  type Language,
  type ReminderLevel,
  type SentReminder,
  type Text,
} from "../engine";

/**
 * The register cells recovery reads, read one way for Apply (its « Prochaine action » column) and for
 * recovery (the letters): the « Dernière relance » cell (a level and its date), a status or comment
 * that marks a dispute or collective proceedings, and a yes/no mark column (« Litige », « Procédure
 * collective »). Accents, case and spacing are ignored.
 */

/** Lower case, no accents, single spaces: « Contestée (litige) » → "contestee (litige)". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Word starts, so « litigieuse », « contestation », "disputed" match, and « incontestable » does not.
const DISPUTE = /(^|[^a-z])(litig|contest|disput|en reclamation)/;
const COLLECTIVE =
  /(^|[^a-z])(procedure collective|sauvegarde|redressement judiciaire|liquidation judiciaire|mandataire judiciaire|collective proceedings|receivership|insolvency)/;

/** A status or comment that says the invoice is disputed (« litige », « contestée », "disputed"). */
export function isDisputedStatus(status: string | undefined): boolean {
  return status !== undefined && DISPUTE.test(foldText(status));
}

/** A status or comment that says the client is in sauvegarde, redressement or liquidation judiciaire. */
export function isCollectiveStatus(status: string | undefined): boolean {
  return status !== undefined && COLLECTIVE.test(foldText(status));
}

const NOT_MARKED: ReadonlySet<string> = new Set(["", "non", "no", "n", "false", "faux", "0", "-"]);

/**
 * A mark column's cell (« Litige », « Procédure collective »): "oui", "x", TRUE, 1 or any words mark
 * the row; blank, "non", "no", 0, FALSE, "-" do not.
 */
export function isMarked(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  return !NOT_MARKED.has(foldText(String(value)).replace(/[.!]+$/, ""));
}

const LEVEL_WORDS: ReadonlyMap<string, ReminderLevel> = new Map([
  ["rappel", "rappel"],
  ["relance 1", "rappel"],
  ["premiere relance", "rappel"],
  ["reminder", "rappel"],
  ["reminder 1", "rappel"],
  ["first reminder", "rappel"],
  ["relance", "relance"],
  ["relance 2", "relance"],
  ["deuxieme relance", "relance"],
  ["second reminder", "relance"],
  ["reminder 2", "relance"],
  ["mise en demeure", "mise-en-demeure"],
  ["med", "mise-en-demeure"],
  ["formal notice", "mise-en-demeure"],
]);

/** A level as a user writes it (« Mise en demeure », "mise-en-demeure", "relance 2", "formal notice"). */
export function parseLevel(text: string): ReminderLevel | undefined {
  const key = foldText(text).replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
  return LEVEL_WORDS.get(key);
}

/** The « Dernière relance » cell: « Relance — 15/07/2026 » (English: "Second reminder — 2026-07-15"). */
export function formatLastReminder(sent: SentReminder, lang: Language): string {
  return `${LEVEL_NAMES[sent.level][lang]} — ${formatDate(sent.date, lang)}`;
}

function dateIn(text: string): Day | undefined {
  const fr = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(text);
  if (fr) return tryDayFromYmd(Number(fr[3]), Number(fr[2]), Number(fr[1]));
  const isoDate = /(\d{4}-\d{2}-\d{2})/.exec(text);
  return isoDate ? parseIsoDay(isoDate[1] as string) : undefined;
}

/**
 * The « Dernière relance » cell read back: a level and a date in any order (« Relance du 15/07/2026 »,
 * « Mise en demeure — 30/07/2026 », "formal notice 2026-07-30"). Blank: nothing sent. Anything else is
 * a problem naming what was expected.
 */
export function parseLastReminder(text: string): SentReminder | undefined | { problem: Text } {
  if (text.trim() === "") return undefined;
  const date = dateIn(text);
  const words = foldText(text.replace(/\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/g, " "))
    .replace(/[—–:,()]/g, " ")
    .replace(/\b(du|le|on|sent|envoyee?)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const level = parseLevel(words);
  if (level && date !== undefined) return { level, date };
  return {
    problem: {
      fr: `« ${text.slice(0, 60)} » : attendu un niveau (Rappel, Relance, Mise en demeure) et sa date, par ex. « Relance — 15/07/2026 ».`,
      en: `"${text.slice(0, 60)}": expected a level (Rappel, Relance, Mise en demeure) and its date, e.g. « Relance — 15/07/2026 ».`,
    },
  };
}
