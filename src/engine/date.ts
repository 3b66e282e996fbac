/**
 * Calendar dates as plain day numbers: days since 1970-01-01 in the proleptic Gregorian calendar.
 * No time zone, no `Date`, so no DST or host clock can leak into a deadline (docs/conventions.md#plain-values).
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

declare const dayBrand: unique symbol;
/** A calendar date, as a whole number of days since 1970-01-01. */
export type Day = number & { readonly [dayBrand]: true };

export interface Ymd {
  readonly y: number;
  readonly m: number; // 1..12
  readonly d: number; // 1..31
}

/** The day number of year `y`, month `m` (1-12), day `d`. Out-of-range days are not checked here. */
export function dayFromYmd(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as Day;
}

export function ymdFromDay(day: Day): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_LENGTHS[m - 1] ?? 31);
}

/** A valid calendar date, or undefined (31 April, 29 February 2025, month 13…). */
export function tryDayFromYmd(y: number, m: number, d: number): Day | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayFromYmd(y, m, d);
}

export function addDays(day: Day, n: number): Day {
  return (day + n) as Day;
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: Day, b: Day): number {
  return b - a;
}

/**
 * The same day-of-month `n` months later (or earlier), clamped to the month's last day when it does
 * not exist: 31 Jan + 1 month = 28/29 Feb. This is Excel's EDATE and the "de date à date" reading of
 * a period in months (docs/terms.md#dates-and-periods-in-months; Sillage CGV 19.3).
 */
export function addMonths(day: Day, n: number): Day {
  const { y, m, d } = ymdFromDay(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(day: Day, n: number): Day {
  return addMonths(day, 12 * n);
}

/** The last day of the month that contains `day` (Excel's EOMONTH(day, 0)). */
export function endOfMonth(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, daysInMonth(y, m));
}

export function startOfMonth(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, 1);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Whole months from `from` to `to`, date to date: the largest m with addMonths(from, m) <= to. */
export function wholeMonthsBetween(from: Day, to: Day): number {
  const a = ymdFromDay(from);
  const b = ymdFromDay(to);
  let m = (b.y - a.y) * 12 + (b.m - a.m);
  if (addMonths(from, m) > to) m -= 1;
  return m;
}

export function formatIsoDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  const yyyy = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : String(y);
  return `${yyyy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Parses `YYYY-MM-DD` strictly; undefined when it is not a real calendar date. */
export function parseIsoDay(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return tryDayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `iso` for literals in profiles and tests: throws on a malformed date (a programming error). */
export function iso(text: string): Day {
  const day = parseIsoDay(text);
  if (day === undefined) throw new Error(`Not an ISO calendar date: ${text}`);
  return day;
}

export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}
