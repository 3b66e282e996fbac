import { addDays, dayFromYmd, ymdFromDay, type Day } from "./date";

/**
 * French public holidays (jours fériés, Code du travail L3133-1), computed for any year.
 * Alsace-Moselle adds Good Friday (in communes with a Protestant temple or mixed church) and
 * 26 December (Code du travail L3134-13); docs/terms.md#day-counts-and-holidays makes it a setting, metropolitan France the default.
 */
export type HolidayCalendar = "metropole" | "alsace-moselle";

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ["metropole", "alsace-moselle"];

export interface Holiday {
  readonly day: Day;
  readonly name: { readonly en: string; readonly fr: string };
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, day);
}

export function holidaysOf(year: number, calendar: HolidayCalendar): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (m: number, d: number): Day => dayFromYmd(year, m, d);
  const list: Holiday[] = [
    { day: fixed(1, 1), name: { en: "New Year's Day", fr: "Jour de l'an" } },
    { day: addDays(easter, 1), name: { en: "Easter Monday", fr: "Lundi de Pâques" } },
    { day: fixed(5, 1), name: { en: "Labour Day", fr: "Fête du Travail" } },
    { day: fixed(5, 8), name: { en: "Victory in Europe Day", fr: "Victoire 1945" } },
    { day: addDays(easter, 39), name: { en: "Ascension Day", fr: "Ascension" } },
    { day: addDays(easter, 50), name: { en: "Whit Monday", fr: "Lundi de Pentecôte" } },
    { day: fixed(7, 14), name: { en: "Bastille Day", fr: "Fête nationale" } },
    { day: fixed(8, 15), name: { en: "Assumption", fr: "Assomption" } },
    { day: fixed(11, 1), name: { en: "All Saints' Day", fr: "Toussaint" } },
    { day: fixed(11, 11), name: { en: "Armistice Day", fr: "Armistice 1918" } },
    { day: fixed(12, 25), name: { en: "Christmas Day", fr: "Noël" } },
  ];
  if (calendar === "alsace-moselle") {
    list.push(
      { day: addDays(easter, -2), name: { en: "Good Friday", fr: "Vendredi saint" } },
      { day: fixed(12, 26), name: { en: "St Stephen's Day", fr: "Saint-Étienne" } },
    );
  }
  return list.sort((p, q) => p.day - q.day);
}

// Holiday sets are cached per calendar and year: deadline counting asks for them in hot loops.
const cache = new Map<string, ReadonlySet<number>>();

function holidaySet(year: number, calendar: HolidayCalendar): ReadonlySet<number> {
  const key = `${calendar}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set(holidaysOf(year, calendar).map((h) => h.day));
    cache.set(key, set);
  }
  return set;
}

export function isPublicHoliday(day: Day, calendar: HolidayCalendar): boolean {
  return holidaySet(ymdFromDay(day).y, calendar).has(day);
}

export function holidayName(day: Day, calendar: HolidayCalendar): Holiday["name"] | undefined {
  return holidaysOf(ymdFromDay(day).y, calendar).find((h) => h.day === day)?.name;
}
