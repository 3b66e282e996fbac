import { addDays, type Day } from "./date";
import { formatDate } from "./format";
import type { Text } from "./text";

/**
 * The order of the recovery letters and when each is due. Reminders have no required form or timing;
 * the practice is a first reminder soon after the due date, a second about 15 days later, the formal
 * notice about 30 days after the first, with 8 days to pay (15 also common). These are the defaults
 * the « Prochaine action » column proposes (Apply writes it, recovery plans the letters from it); any
 * level may be chosen, out of order too (penalties are due without any reminder, Code de commerce
 * L441-10 II), and that is said. Here, below both, so that Apply and recovery read one rule.
 */

/** The three letters, in the order practice sends them (a reminder, a second one, the formal notice). */
export type ReminderLevel = "rappel" | "relance" | "mise-en-demeure";

export const REMINDER_LEVELS: readonly ReminderLevel[] = ["rappel", "relance", "mise-en-demeure"];

/** A letter recorded as sent for an invoice (the register's « Dernière relance » column). */
export interface SentReminder {
  readonly level: ReminderLevel;
  readonly date: Day;
}

export const LEVEL_NAMES: Readonly<Record<ReminderLevel, Text>> = {
  rappel: { fr: "Rappel", en: "Reminder" },
  relance: { fr: "Relance", en: "Second reminder" },
  "mise-en-demeure": { fr: "Mise en demeure", en: "Formal notice" },
};

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
