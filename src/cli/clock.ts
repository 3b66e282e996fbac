import { parseIsoDay, type Day } from "../engine";

/**
 * The command line's one reading of the clock: today in the local time zone (the engine never reads
 * it; "as of" is always an argument). `ECHEANCE_TODAY=YYYY-MM-DD` pins it, for tests and reruns.
 */
export function todayIso(): string {
  const pinned = process.env.ECHEANCE_TODAY;
  if (pinned !== undefined && parseIsoDay(pinned) !== undefined) return pinned;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function todayDay(): Day {
  return parseIsoDay(todayIso()) as Day;
}
