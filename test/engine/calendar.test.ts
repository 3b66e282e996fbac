import fc from "fast-check";
import { addMonths as dfAddMonths } from "date-fns";
import {
  addMonths,
  addWorkingDays,
  dayFromYmd,
  easterSunday,
  endOfMonth,
  formatIsoDay,
  holidaysOf,
  isoWeekday,
  isPublicHoliday,
  iso,
  parseIsoDay,
  wholeMonthsBetween,
  ymdFromDay,
  type Day,
} from "../../src/engine";

const show = (d: Day) => formatIsoDay(d);

describe("calendar dates as day numbers", () => {
  test("1970-01-01 is day 0 and a Thursday", () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(isoWeekday(iso("1970-01-01"))).toBe(4);
    expect(isoWeekday(iso("2025-12-25"))).toBe(4); // Christmas 2025 was a Thursday
  });

  test("day numbers round-trip through year-month-day for every day from 1900 to 2100", () => {
    for (let d = dayFromYmd(1900, 1, 1); d <= dayFromYmd(2100, 12, 31); d++) {
      const { y, m, d: dd } = ymdFromDay(d as Day);
      expect(dayFromYmd(y, m, dd)).toBe(d);
    }
  });

  test("parseIsoDay rejects dates that do not exist", () => {
    expect(parseIsoDay("2025-02-29")).toBeUndefined();
    expect(parseIsoDay("2024-02-29")).toBe(iso("2024-02-29"));
    expect(parseIsoDay("2025-04-31")).toBeUndefined();
    expect(parseIsoDay("2025-13-01")).toBeUndefined();
    expect(parseIsoDay("25-01-01")).toBeUndefined();
  });
});

describe("month arithmetic with EDATE semantics", () => {
  test("31 January + 1 month is the last day of February, 28 or 29", () => {
    expect(show(addMonths(iso("2025-01-31"), 1))).toBe("2025-02-28");
    expect(show(addMonths(iso("2024-01-31"), 1))).toBe("2024-02-29");
  });

  test("29 February + 12 months is 28 February of the next year", () => {
    expect(show(addMonths(iso("2024-02-29"), 12))).toBe("2025-02-28");
    expect(show(addMonths(iso("2024-02-29"), 48))).toBe("2028-02-29");
  });

  test("31 May - 1 month is 30 April; 31 March - 1 month is 28 February", () => {
    expect(show(addMonths(iso("2025-05-31"), -1))).toBe("2025-04-30");
    expect(show(addMonths(iso("2025-03-31"), -1))).toBe("2025-02-28");
  });

  test("month arithmetic crosses year ends both ways", () => {
    expect(show(addMonths(iso("2025-11-30"), 3))).toBe("2026-02-28");
    expect(show(addMonths(iso("2025-01-15"), -13))).toBe("2023-12-15");
  });

  test("end of month", () => {
    expect(show(endOfMonth(iso("2024-02-10")))).toBe("2024-02-29");
    expect(show(endOfMonth(iso("2025-12-01")))).toBe("2025-12-31");
  });

  test("whole months between two dates count date to date", () => {
    expect(wholeMonthsBetween(iso("2025-01-31"), iso("2025-02-28"))).toBe(1); // 31 Jan + 1 month = 28 Feb
    expect(wholeMonthsBetween(iso("2025-01-15"), iso("2025-04-14"))).toBe(2);
    expect(wholeMonthsBetween(iso("2025-01-15"), iso("2025-04-15"))).toBe(3);
  });

  test("addMonths agrees with date-fns addMonths (same clamping) on any date and offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(2200, 12, 31) }),
        fc.integer({ min: -240, max: 240 }),
        (day, n) => {
          const { y, m, d } = ymdFromDay(day as Day);
          const js = dfAddMonths(new Date(Date.UTC(y, m - 1, d, 12)), n);
          const ours = ymdFromDay(addMonths(day as Day, n));
          // date-fns works in local time; noon UTC keeps the calendar date stable in any zone within ±11 h.
          expect([ours.y, ours.m, ours.d]).toEqual([js.getFullYear(), js.getMonth() + 1, js.getDate()]);
        },
      ),
    );
  });

  test("adding a month then subtracting it round-trips where the day exists in both months", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(1950, 1, 1), max: dayFromYmd(2150, 12, 31) }),
        fc.integer({ min: -120, max: 120 }),
        (day, n) => {
          const there = addMonths(day as Day, n);
          if (ymdFromDay(there).d === ymdFromDay(day as Day).d) expect(addMonths(there, -n)).toBe(day);
        },
      ),
    );
  });
});

describe("French public holidays", () => {
  // Easter Sundays from the official calendars (Conférence des évêques de France / Meeus tables).
  const easter: Record<number, string> = {
    2020: "2020-04-12",
    2021: "2021-04-04",
    2022: "2022-04-17",
    2023: "2023-04-09",
    2024: "2024-03-31",
    2025: "2025-04-20",
    2026: "2026-04-05",
    2027: "2027-03-28",
    2028: "2028-04-16",
    2029: "2029-04-01",
    2030: "2030-04-21",
  };

  test.each(Object.entries(easter))("Easter %s falls on %s", (year, date) => {
    expect(show(easterSunday(Number(year)))).toBe(date);
  });

  test("2025 metropolitan holidays: the 11 days of Code du travail L3133-1", () => {
    expect(holidaysOf(2025, "metropole").map((h) => show(h.day))).toEqual([
      "2025-01-01",
      "2025-04-21", // Easter Monday
      "2025-05-01",
      "2025-05-08",
      "2025-05-29", // Ascension = Easter + 39
      "2025-06-09", // Whit Monday = Easter + 50
      "2025-07-14",
      "2025-08-15",
      "2025-11-01",
      "2025-11-11",
      "2025-12-25",
    ]);
  });

  test("Alsace-Moselle adds Good Friday and 26 December", () => {
    const extra = holidaysOf(2025, "alsace-moselle").filter((h) => !isPublicHoliday(h.day, "metropole"));
    expect(extra.map((h) => show(h.day))).toEqual(["2025-04-18", "2025-12-26"]);
  });

  test("every year 2020–2030 has 11 metropolitan holidays and 13 in Alsace-Moselle, Easter Monday a Monday", () => {
    for (let y = 2020; y <= 2030; y++) {
      expect(holidaysOf(y, "metropole")).toHaveLength(11);
      expect(holidaysOf(y, "alsace-moselle")).toHaveLength(13);
      const monday = holidaysOf(y, "metropole")[1];
      expect(monday && isoWeekday(monday.day)).toBe(1);
    }
  });
});

describe("working days", () => {
  test("7 jours ouvrés after Friday 19 December 2025 skip Christmas: 31 December (docs/conventions.md#worked-examples)", () => {
    // 22, 23, 24, 26, 29, 30, 31 December; 25 December is a holiday.
    expect(show(addWorkingDays(iso("2025-12-19"), 7, "jours-ouvres", "metropole"))).toBe("2025-12-31");
  });

  test("with Alsace-Moselle, 26 December is a holiday too: 2 January 2026", () => {
    // 22, 23, 24, 29, 30, 31 Dec, then 1 Jan is a holiday: 2 Jan.
    expect(show(addWorkingDays(iso("2025-12-19"), 7, "jours-ouvres", "alsace-moselle"))).toBe("2026-01-02");
  });

  test("jours ouvrables count Saturdays", () => {
    // From Thursday 2025-07-10: Fri 11, Sat 12, (Sun 13), (Mon 14 July holiday), Tue 15.
    expect(show(addWorkingDays(iso("2025-07-10"), 3, "jours-ouvrables", "metropole"))).toBe("2025-07-15");
    expect(show(addWorkingDays(iso("2025-07-10"), 3, "jours-ouvres", "metropole"))).toBe("2025-07-16");
  });

  test("counting backwards skips weekends and holidays too", () => {
    // 7 jours ouvrés before Monday 2025-05-12: Fri 9, (Thu 8 May holiday), Wed 7, Tue 6, Mon 5, Fri 2, (Thu 1 May), Wed 30 Apr, Tue 29 Apr.
    expect(show(addWorkingDays(iso("2025-05-12"), -7, "jours-ouvres", "metropole"))).toBe("2025-04-29");
  });
});
