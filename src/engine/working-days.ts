import { addDays, isoWeekday, type Day } from "./date";
import { isPublicHoliday, type HolidayCalendar } from "./holidays";

/**
 * Day-count kinds of French law and contracts:
 * - jours calendaires: every day;
 * - jours ouvrés: Monday to Friday, public holidays excluded;
 * - jours ouvrables: Monday to Saturday, public holidays excluded.
 */
export type WorkingDayKind = "jours-ouvres" | "jours-ouvrables";

export function isWorkingDay(day: Day, kind: WorkingDayKind, calendar: HolidayCalendar): boolean {
  const weekday = isoWeekday(day);
  if (weekday === 7) return false;
  if (weekday === 6 && kind === "jours-ouvres") return false;
  return !isPublicHoliday(day, calendar);
}

/**
 * The day `n` working days after `from` (n > 0) or before it (n < 0); the start day is not counted.
 * n = 0 returns `from` itself.
 */
export function addWorkingDays(from: Day, n: number, kind: WorkingDayKind, calendar: HolidayCalendar): Day {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = from;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, kind, calendar)) remaining -= 1;
  }
  return day;
}

/** `day` itself if it is a working day, else the next one. */
export function nextWorkingDayOnOrAfter(day: Day, kind: WorkingDayKind, calendar: HolidayCalendar): Day {
  let d = day;
  while (!isWorkingDay(d, kind, calendar)) d = addDays(d, 1);
  return d;
}

/** Working days in (from, to]: the count that `addWorkingDays(from, n)` walks. Negative if to < from. */
export function workingDaysBetween(
  from: Day,
  to: Day,
  kind: WorkingDayKind,
  calendar: HolidayCalendar,
): number {
  const step = to < from ? -1 : 1;
  let count = 0;
  for (let d = from; d !== to;) {
    d = addDays(d, step);
    if (isWorkingDay(d, kind, calendar)) count += step;
  }
  return count;
}
