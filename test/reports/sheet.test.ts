import { HEADERS, ROWS } from "../fixtures/reports/register";
import { addDays, iso } from "../../src/engine";
import {
  AGING_LAYOUT,
  agingSheet,
  DELAY_TABLE_LAYOUT,
  delayTableSheet,
  isValidSheetName,
  reportFromRegister,
  reportSheetNames,
  SHEET_NAME_MAX,
  wrappedRowHeights,
} from "../../src/reports";
import { wrappedLines } from "../../src/cells";

/** How the report sheets are worded, named and laid out for print (issue 21). */

const report = reportFromRegister([HEADERS, ...ROWS], {
  kind: "received",
  closing: "2025-12-31",
  yearTotalExclVat: 100000,
});
const texts = (sheet: ReturnType<typeof delayTableSheet>): string[] =>
  sheet.flatMap((row) => row.map((c) => c.value)).filter((v): v is string => typeof v === "string");

describe("dates in the report sheets' text are French", () => {
  test("the D441-6 table's note dates the computation 31/12/2025, never 2025-12-31", () => {
    const all = texts(delayTableSheet(report));
    expect(all).toContainEqual(
      expect.stringContaining("Calculé par Échéance au 31/12/2025 (date de clôture)."),
    );
    // Row errors name the date forms a cell may hold (« date Excel, 2025-03-31 ou 31/03/2025 »): the
    // register's reader words them; the sheet's own text has no ISO date.
    const own = all.filter((t) => !t.startsWith("Ligne "));
    expect(own.filter((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toEqual([]);
  });

  test("the aging's title: « Balance âgée au 31/12/2025 » in French, the ISO date in English", () => {
    expect(agingSheet(report, "fr")[0]?.[0]?.value).toBe("Balance âgée au 31/12/2025");
    expect(agingSheet(report, "en")[0]?.[0]?.value).toBe("Aging at 2025-12-31");
  });
});

test("section (C): both boxes in one cell, one under the other; the terms used in the first column", () => {
  const sheet = delayTableSheet(report);
  const row = sheet.find(
    (r) => r[0]?.value === "Délais de paiement utilisés pour le calcul des retards de paiement",
  );
  // The register's vendors have contractual terms: the first box is ticked.
  expect(row?.map((c) => c.value)).toEqual([
    "Délais de paiement utilisés pour le calcul des retards de paiement",
    "☒ Délais contractuels\n☐ Délais légaux",
  ]);
  const terms = sheet.filter((r) => typeof r[0]?.value === "string" && / — /.test(r[0].value as string));
  expect(terms.length).toBeGreaterThan(0);
  for (const r of terms) expect(r).toHaveLength(1);
});

describe("report sheet names", () => {
  test("« D441-6 31-12-2025 » and « Balance âgée 31-12-2025 »: the closing date with hyphens for slashes", () => {
    expect(reportSheetNames(iso("2025-12-31"), "fr")).toEqual({
      table: "D441-6 31-12-2025",
      aging: "Balance âgée 31-12-2025",
    });
  });

  test("in English the aging is « Aging 2025-12-31 »; the D441-6 table, a French legal form, keeps its French name", () => {
    expect(reportSheetNames(iso("2025-12-31"), "en")).toEqual({
      table: "D441-6 31-12-2025",
      aging: "Aging 2025-12-31",
    });
  });

  test("the names Excel accepts: 1 to 31 characters, none of \\ / ? * : [ ], no apostrophe at either end", () => {
    for (const name of ["D441-6 31-12-2025", "Balance âgée 31-12-2025", "x".repeat(SHEET_NAME_MAX), "l'an"])
      expect(isValidSheetName(name)).toBe(true);
    for (const name of [
      "",
      "x".repeat(SHEET_NAME_MAX + 1),
      "D441-6 31/12/2025",
      "a:b",
      "a\\b",
      "a?",
      "a*",
      "[a]",
      "'a",
      "a'",
      "History",
    ])
      expect(isValidSheetName(name)).toBe(false);
  });

  test("every closing date of three years gives valid names (the longest: 23 characters)", () => {
    for (let day = iso("2024-01-01"); day <= iso("2026-12-31"); day = addDays(day, 1)) {
      const names = reportSheetNames(day, "fr");
      expect(isValidSheetName(names.table) && isValidSheetName(names.aging)).toBe(true);
    }
  });
});

describe("wrapped rows get a height for the lines their text takes", () => {
  test("lines are filled word by word: a column of 17 holds 15 characters a line", () => {
    // « Total (1 jour et plus) », bold (a character counts 1.1, a space too), in lines of 15:
    // « Total » 5.5, « (1 » → 8.8, « jour » → 14.3, « et » would make 17.6 → a second line,
    // « et plus) » 8.8: 2 lines.
    expect(wrappedLines("Total (1 jour et plus)", 17, true)).toBe(2);
    // 18 plain characters in lines of 15: « 0 jour » + « (indicatif) » → 2 lines.
    expect(wrappedLines("0 jour (indicatif)", 17)).toBe(2);
    expect(wrappedLines("1 à 30 jours", 17, true)).toBe(1);
  });

  test("a line break starts a new line; a word wider than the column is broken over lines", () => {
    expect(wrappedLines("☒ Délais contractuels\n☐ Délais légaux", 17)).toBe(3);
    // 30 characters without a space in lines of 8: ⌈30 / 8⌉ = 4 lines.
    expect(wrappedLines("x".repeat(30), 10)).toBe(4);
  });

  test("the D441-6 table: the band headings' row is two lines high, the title's too", () => {
    const sheet = delayTableSheet(report);
    const heights = wrappedRowHeights(sheet, DELAY_TABLE_LAYOUT);
    const headings = sheet.findIndex((r) => r[0]?.value === "(A) Tranches de retard de paiement");
    // « 0 jour (indicatif) », bold in 17: « 0 jour » 6.6 + « (indicatif) » 1.1 + 12.1 = 19.8 > 15 → 2 lines.
    expect(heights[headings]).toBe(30);
    // The title, 106 bold characters in a column of 58 (56 a line): 2 lines at least.
    expect(heights[0]).toBeGreaterThanOrEqual(30);
    // A row of numbers keeps the default height.
    expect(heights[headings + 1]).toBeUndefined();
  });

  test("every column of both report sheets wraps", () => {
    for (const layout of [DELAY_TABLE_LAYOUT, AGING_LAYOUT])
      expect(layout.wrapColumns).toEqual(layout.columnWidths.map((_, c) => c));
  });
});
