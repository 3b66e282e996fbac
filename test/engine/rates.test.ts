import {
  checkRateRows,
  buildRateTable,
  DEFAULT_RATE_TABLE,
  DEFAULT_SETTINGS,
  ecbRate,
  halfYearLabel,
  halfYearOf,
  halfYearStart,
  iso,
  latePayment,
  legalRateProfessional,
  parseHalfYear,
  penaltyRate,
  type HalfYearKey,
  type Settings,
  type VendorProfile,
} from "../../src/engine";
import { engineError, lateInput, show, vendor } from "./helpers";

const key = (text: string): HalfYearKey => {
  const k = parseHalfYear(text);
  if (k === undefined) throw new Error(`bad half-year ${text}`);
  return k;
};

describe("half-years", () => {
  test("January–June is H1 and July–December is H2, keyed from 1 January / 1 July", () => {
    expect(halfYearLabel(halfYearOf(iso("2024-06-30")))).toBe("2024-H1");
    expect(halfYearLabel(halfYearOf(iso("2024-07-01")))).toBe("2024-H2");
    expect(show(halfYearStart(key("2025-H2")))).toBe("2025-07-01");
    expect(show(halfYearStart(key("2026-H1")))).toBe("2026-01-01");
  });

  test("half-year labels parse as 2026-H2, 2026H2 or 2026-S2", () => {
    expect(parseHalfYear("2026-H2")).toBe(2026 * 2 + 1);
    expect(parseHalfYear("2026h2")).toBe(2026 * 2 + 1);
    expect(parseHalfYear("2026-S1")).toBe(2026 * 2);
    expect(parseHalfYear("2026-H3")).toBeUndefined();
  });
});

describe("the shipped rate table against docs/rates.md", () => {
  // docs/rates.md#resulting-figures-for-checking.
  const figures: [string, string, string][] = [
    ["2015-H1", "10.05", "2.79"],
    ["2016-H1", "10.05", "3.03"],
    ["2016-H2", "10", "2.79"],
    ["2022-H2", "10", "2.31"],
    ["2023-H1", "12.5", "6.18"],
    ["2023-H2", "14", "12.66"],
    ["2024-H1", "14.5", "15.21"],
    ["2024-H2", "14.25", "14.76"],
    ["2025-H1", "13.15", "11.13"],
    ["2025-H2", "12.15", "8.28"],
    ["2026-H1", "12.15", "7.86"],
  ];
  test.each(figures)("%s: ECB + 10 = %s %%, 3 × legal rate = %s %%", (hy, ecbPlus10, triple) => {
    const k = key(hy);
    expect(ecbRate(DEFAULT_RATE_TABLE, k).times(100).plus(10).toString()).toBe(ecbPlus10);
    expect(legalRateProfessional(DEFAULT_RATE_TABLE, k).times(300).toString()).toBe(triple);
  });

  // docs/rates.md#the-legal-interest-rate-table: half-year, natural persons, all other cases (professional).
  const legal: [string, string, string][] = [
    ["2015-H1", "4.06", "0.93"],
    ["2015-H2", "4.29", "0.99"],
    ["2016-H1", "4.54", "1.01"],
    ["2016-H2", "4.35", "0.93"],
    ["2017-H1", "4.16", "0.90"],
    ["2017-H2", "3.94", "0.90"],
    ["2018-H1", "3.73", "0.89"],
    ["2018-H2", "3.60", "0.88"],
    ["2019-H1", "3.40", "0.86"],
    ["2019-H2", "3.26", "0.87"],
    ["2020-H1", "3.15", "0.87"],
    ["2020-H2", "3.11", "0.84"],
    ["2021-H1", "3.14", "0.79"],
    ["2021-H2", "3.12", "0.76"],
    ["2022-H1", "3.13", "0.76"],
    ["2022-H2", "3.15", "0.77"],
    ["2023-H1", "4.47", "2.06"],
    ["2023-H2", "6.82", "4.22"],
    ["2024-H1", "8.01", "5.07"],
    ["2024-H2", "8.16", "4.92"],
    ["2025-H1", "7.21", "3.71"],
    ["2025-H2", "6.65", "2.76"],
    ["2026-H1", "6.67", "2.62"],
  ];
  test.each(legal)(
    "%s legal rates: %s %% (natural persons), %s %% (professional)",
    (hy, consumer, professional) => {
      const row = DEFAULT_RATE_TABLE.byHalfYear.get(key(hy));
      expect(row?.legalConsumer?.times(100).toFixed(2)).toBe(consumer);
      expect(row?.legalProfessional?.times(100).toFixed(2)).toBe(professional);
    },
  );

  test("the typo-prone rows are right: 2018-H1 is 0.89 % and 2019-H1 is 0.86 %", () => {
    expect(legalRateProfessional(DEFAULT_RATE_TABLE, key("2018-H1")).toString()).toBe("0.0089");
    expect(legalRateProfessional(DEFAULT_RATE_TABLE, key("2019-H1")).toString()).toBe("0.0086");
  });

  test("the ECB rate is the one in force on 1 July, not one announced earlier (2023-H2: 4.00 % from 21 Jun 2023)", () => {
    expect(ecbRate(DEFAULT_RATE_TABLE, key("2023-H2")).toString()).toBe("0.04");
  });

  test("the legal rate is known through 2026-H1, the ECB rate through 2026-H2, and both stop there", () => {
    // The arrêté for 2026-H2 was not found (docs/rates.md#keeping-rates-current); the ECB table runs to
    // 28 Oct 2026, so 1 July 2026 is covered and 1 January 2027 is not.
    expect(halfYearLabel(DEFAULT_RATE_TABLE.legalKnownThrough as number)).toBe("2026-H1");
    expect(halfYearLabel(DEFAULT_RATE_TABLE.ecbKnownThrough as number)).toBe("2026-H2");
    expect(engineError(() => legalRateProfessional(DEFAULT_RATE_TABLE, key("2026-H2"))).kind).toBe(
      "rate-unknown",
    );
    expect(engineError(() => ecbRate(DEFAULT_RATE_TABLE, key("2027-H1"))).kind).toBe("rate-unknown");
  });

  test("2026-H2 takes the ECB rate in force on 1 July 2026: 2.40 % (raised from 17 June 2026), not 2.65 % (16 September)", () => {
    // ECB decisions of 11 June 2026 (MRO 2.40 % from 17 June) and 10 September 2026 (2.65 % from 16 September):
    // L441-10 II fixes the second half-year at the rate in force on 1 July, so ECB + 10 = 12.40 %.
    expect(ecbRate(DEFAULT_RATE_TABLE, key("2026-H2")).toString()).toBe("0.024");
    expect(ecbRate(DEFAULT_RATE_TABLE, key("2026-H2")).times(100).plus(10).toString()).toBe("12.4");
  });
});

describe("the public worked examples of docs/rates.md#worked-public-examples", () => {
  const fixed = (annualPercent: string): VendorProfile => ({
    ...vendor("injenius").profile,
    latePayment: {
      ...vendor("injenius").profile.latePayment,
      rate: { kind: "fixed", annualPercent },
      floor: "none",
    },
  });

  test("15 000 € at 15 % for 30 days = 184.93 €", () => {
    // 15000 × 0.15 × 30 / 365 = 184.9315 -> 184.93.
    const r = latePayment(fixed("15"), lateInput(15000, "2025-03-01", "2025-03-31"), DEFAULT_SETTINGS);
    expect(r.interest.toFixed(2)).toBe("184.93");
  });

  test("1 000 € at 14.5 % for 30 days = 11.92 € (ECB + 10 in 2024-H1)", () => {
    // 1000 × 0.145 × 30 / 365 = 11.9178 -> 11.92.
    const { profile, settings } = vendor("injenius");
    expect(
      latePayment(profile, lateInput(1000, "2024-03-01", "2024-03-31"), settings).interest.toFixed(2),
    ).toBe("11.92");
  });

  test("365 days a year even in a leap year: each late day of 2024 counts 1/365 of the annual rate", () => {
    // 2 Jan..30 Jun 2024 = 30 + 29 + 31 + 30 + 31 + 30 = 181 days:
    // 1000 × 0.145 × 181 / 365 = 71.9041 -> 71.90 (a 366-day basis would give 71.71).
    const { profile, settings } = vendor("injenius");
    expect(
      latePayment(profile, lateInput(1000, "2024-01-01", "2024-06-30"), settings).interest.toFixed(2),
    ).toBe("71.90");
  });
});

describe("user-supplied rate rows (buildRateTable)", () => {
  const withRows = (rows: Parameters<typeof buildRateTable>[0]): Settings => ({
    ...DEFAULT_SETTINGS,
    rates: buildRateTable(rows),
  });

  test("a row for 2026-H2 makes a late period in 2026-H2 computable", () => {
    // Assumed figures for the test: legal rate 2.50 %, ECB 2.15 %. OMI: 3 × 2.50 = 7.50 %;
    // due 30 Jun 2026, paid 30 Jul: 30 days, 1000 × 0.075 × 30 / 365 = 6.1644 -> 6.16.
    const settings = withRows([
      { halfYear: "2026-H2", legalProfessional: "2.50", ecb: "2.15", source: "test" },
    ]);
    const { profile } = vendor("omi");
    expect(
      latePayment(profile, lateInput(1000, "2026-06-30", "2026-07-30"), settings).interest.toFixed(2),
    ).toBe("6.16");
    // Injenius: 2.15 + 10 = 12.15 %.
    expect(
      penaltyRate(vendor("injenius").profile, iso("2026-08-01"), "pro", settings).applied.toString(),
    ).toBe("0.1215");
    expect(settings.rates.byHalfYear.get(key("2026-H2"))?.source).toBe("user row: test");
  });

  test("a row with only the legal rate leaves the ECB rate of that half-year unknown", () => {
    // 2027-H1: neither table reaches 1 January 2027. Assumed legal rate 2.5 % -> OMI 3 × 2.5 = 7.5 %.
    const settings = withRows([{ halfYear: "2027-H1", legalProfessional: 2.5 }]);
    expect(penaltyRate(vendor("omi").profile, iso("2027-02-01"), "pro", settings).applied.toString()).toBe(
      "0.075",
    );
    expect(
      engineError(() => penaltyRate(vendor("injenius").profile, iso("2027-02-01"), "pro", settings)).kind,
    ).toBe("rate-unknown");
  });

  test("a row with only the legal rate for 2026-H2 completes the shipped ECB rate of that half-year", () => {
    // Assumed legal rate 2.5 %; shipped ECB rate on 1 July 2026 2.40 %. Digitalli: max(12.40, 3 × 2.5 = 7.5).
    const settings = withRows([{ halfYear: "2026-H2", legalProfessional: 2.5 }]);
    expect(
      penaltyRate(vendor("digitalli").profile, iso("2026-08-01"), "pro", settings).applied.toString(),
    ).toBe("0.124");
  });

  test("a row replaces only the figures it gives for an existing half-year; French decimal commas and % are accepted", () => {
    const settings = withRows([{ halfYear: "2025-H2", ecb: "2,40 %" }]);
    const row = settings.rates.byHalfYear.get(key("2025-H2"));
    expect(row?.ecb?.toString()).toBe("0.024");
    expect(row?.legalProfessional?.toString()).toBe("0.0276");
  });

  test("bad rows are rejected with a message naming the row and the field", () => {
    const bad = (rows: Parameters<typeof buildRateTable>[0]) => engineError(() => buildRateTable(rows));
    expect(bad([{ halfYear: "2026-H3", ecb: "2" }]).text.en).toBe(
      'rate row 1: the half-year "2026-H3" is not of the form 2026-H2.',
    );
    expect(
      bad([
        { halfYear: "2026-H2", ecb: "2" },
        { halfYear: "2027-H1", legalProfessional: "abc" },
      ]).text.fr,
    ).toBe(
      "ligne de taux 2, taux légal (professionnels) : « abc » n'est pas un pourcentage (attendu par ex. 2,62).",
    );
    expect(bad([{ halfYear: "2026-H2", ecb: 150 }]).text.fr).toBe(
      "ligne de taux 1, taux BCE : 150 % est hors de 0 % à 30 % (un pourcentage annuel, par ex. 2,62).",
    );
    expect(bad([{ halfYear: "2026-H2", ecb: "-0.5" }]).text.en).toMatch(/-0.5 % is outside 0 % to 30 %/);
    expect(bad([{ halfYear: "2026-H2" }]).text.fr).toBe("la ligne de taux 1 (2026-H2) ne donne aucun taux.");
    expect(bad([{ halfYear: "2026-H2", ecb: 150 }]).kind).toBe("invalid-input");
    expect(bad([{ halfYear: "2026-H2", ecb: 150 }]).argument).toBe("rates");
  });
});

describe("checking rate rows a user gives", () => {
  test("a half-year given twice with other figures names both rows; the same figures twice are fine", () => {
    const problems = checkRateRows([
      { halfYear: "2026-H2", legalProfessional: "2,50", legalConsumer: "6.20", ecb: "2.15" },
      { halfYear: "2026-h2", legalProfessional: "2.5", legalConsumer: "6,2", ecb: "2.15 %" },
      { halfYear: "2026-H2", legalProfessional: "2.60" },
    ]);
    expect(problems).toEqual([
      {
        row: 3,
        field: "half-year",
        text: {
          en: "rate row 3: 2026-H2 is already given on row 1 with other figures.",
          fr: "ligne de taux 3 : le semestre 2026-H2 figure déjà ligne 1 avec d'autres taux.",
        },
      },
    ]);
  });

  test("every bad field of every row is named, not only the first", () => {
    const problems = checkRateRows([
      { halfYear: "2026-H2", legalProfessional: "deux", ecb: "45" },
      { halfYear: "S2 2026?", ecb: "2" },
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, "legal-professional"],
      [1, "ecb"],
      [2, "half-year"],
    ]);
  });

  test("a user's row is marked, and one that changes a shipped figure is flagged", () => {
    const table = buildRateTable([
      // The ECB rate of 1 July 2026, 2.40 %, is shipped: giving it again changes nothing.
      { halfYear: "2026-H2", legalProfessional: "2.5", ecb: "2.40" },
      { halfYear: "2025-H2", legalProfessional: "2.80" },
    ]);
    const h2026 = table.byHalfYear.get(2026 * 2 + 1);
    expect([h2026?.user, h2026?.changedShipped]).toEqual([true, false]);
    // 2025-H2's shipped professional rate is 2.76 (arrêté du 19 juin 2025): 2.80 changes it.
    const h2025 = table.byHalfYear.get(2025 * 2 + 1);
    expect([h2025?.user, h2025?.changedShipped, h2025?.legalProfessional?.toString()]).toEqual([
      true,
      true,
      "0.028",
    ]);
    expect(table.legalKnownThrough).toBe(2026 * 2 + 1);
  });
});
