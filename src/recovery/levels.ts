import {
  addDays,
  formatDate,
  parseIsoDay,
  tryDayFromYmd,
  type Day,
  type Language,
  type Text,
} from "../engine";
import { foldText } from "./classify";
import { GUARDRAIL_TEXT, LEVEL_NAMES } from "./messages";
import { REMINDER_LEVELS, type ClientFile, type ReminderLevel, type SentReminder } from "./types";

/**
 * The order of the letters and when each is due. Reminders have no required form or timing; the
 * practice is a first reminder soon after the due date, a second about 15 days later, the formal
 * notice about 30 days after the first, with 8 days to pay (15 also common). These are the defaults
 * the « Prochaine action » column proposes; any level may be chosen, out of order too (penalties are
 * due without any reminder, Code de commerce L441-10 II), and that is said.
 */
export const DAYS_BEFORE_NEXT_LEVEL = 15;
export const DEFAULT_PAYMENT_DEADLINE_DAYS = 8;

export function levelIndex(level: ReminderLevel): number {
  return REMINDER_LEVELS.indexOf(level);
}

/** The letter after the last one sent; none after a formal notice (the next step is the court). */
export function nextLevel(last: SentReminder | undefined): ReminderLevel | undefined {
  if (!last) return "rappel";
  return REMINDER_LEVELS[levelIndex(last.level) + 1];
}

/** The most advanced of some recorded letters (the later one when two are of the same level). */
export function mostAdvanced(sent: readonly (SentReminder | undefined)[]): SentReminder | undefined {
  let best: SentReminder | undefined;
  for (const s of sent) {
    if (!s) continue;
    if (
      !best ||
      levelIndex(s.level) > levelIndex(best.level) ||
      (s.level === best.level && s.date > best.date)
    )
      best = s;
  }
  return best;
}

/** The level a run proposes for a client: the next after the most advanced letter recorded. */
export function proposedLevel(client: ClientFile): ReminderLevel | undefined {
  return nextLevel(client.lastReminder);
}

/**
 * What to say when the chosen level is not the next one of an invoice: a level skipped (a formal
 * notice with no reminder recorded) or a step back. Allowed either way.
 */
export function levelWarnings(client: ClientFile, chosen: ReminderLevel): Text[] {
  const out: Text[] = [];
  for (const c of client.invoices) {
    if (c.state !== "unpaid") continue;
    const last = c.invoice.lastReminder;
    const expected = nextLevel(last);
    if (expected === chosen || (last && last.level === chosen)) continue;
    if (last && levelIndex(chosen) < levelIndex(last.level))
      out.push(GUARDRAIL_TEXT.goesBack(client.name, c.invoice.reference, chosen, last.level, last.date));
    else if (expected === undefined || levelIndex(chosen) > levelIndex(expected))
      out.push(GUARDRAIL_TEXT.skipsLevel(client.name, c.invoice.reference, chosen, last?.level));
  }
  return out;
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

export interface NextAction {
  /** The letter to send next, or none after a formal notice. */
  readonly level: ReminderLevel | undefined;
  /** From when. */
  readonly from: Day;
  /** The « Prochaine action » cell. */
  readonly text: Text;
}

/** What comes next for an unpaid invoice, from the last letter recorded (or its due date). */
export function nextAction(
  dueDate: Day,
  last: SentReminder | undefined,
  deadlineDays = DEFAULT_PAYMENT_DEADLINE_DAYS,
): NextAction {
  const level = nextLevel(last);
  if (level === undefined) {
    const from = addDays((last as SentReminder).date, deadlineDays + 1);
    return {
      level,
      from,
      text: {
        fr: `Injonction de payer à envisager à partir du ${formatDate(from, "fr")} (délai de la mise en demeure échu)`,
        en: `Consider an injonction de payer from ${formatDate(from, "en")} (the formal notice's deadline passed)`,
      },
    };
  }
  const from = last ? addDays(last.date, DAYS_BEFORE_NEXT_LEVEL) : addDays(dueDate, 1);
  return {
    level,
    from,
    text: {
      fr: `${LEVEL_NAMES[level].fr} à partir du ${formatDate(from, "fr")}`,
      en: `${LEVEL_NAMES[level].en} from ${formatDate(from, "en")}`,
    },
  };
}
