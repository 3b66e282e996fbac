import { levelIndex, nextLevel, type Text } from "../engine";
import { GUARDRAIL_TEXT } from "./messages";
import type { ClientFile, ReminderLevel } from "./types";

/**
 * Which letter a run proposes for a client, and what to say when the chosen one is not it. The order
 * of the letters and the « Prochaine action » rule are the engine's (src/engine/reminders.ts), the
 * « Dernière relance » cell's reading is src/input's (recovery-cells.ts): Apply writes that column
 * from the same rule, below recovery.
 */
export {
  DAYS_BEFORE_NEXT_LEVEL,
  DEFAULT_PAYMENT_DEADLINE_DAYS,
  levelIndex,
  mostAdvanced,
  nextAction,
  nextLevel,
  type NextAction,
} from "../engine";
export { formatLastReminder, parseLastReminder, parseLevel } from "../input/recovery-cells";

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
