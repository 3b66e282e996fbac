import { buildRateTable, DEFAULT_RATE_TABLE, iso, parseHalfYear, type RateRow } from "../../src/engine";
import {
  checkDraft,
  draftFor,
  nextToAdd,
  percentText,
  shownHalfYears,
  withRateRow,
  type RateDraft,
} from "../../src/taskpane/components/RatesPanel/rate-draft";

/**
 * The pane's form for a half-year's rates (issue 13): filled with what is known, checked by the
 * engine's rules with each message under its field, and stored as the user's row holding only what
 * differs from the shipped tables. Shipped: 2026-H1 legal 2.62 % (professionals) and 6.67 %
 * (consumers), arrêté du 15 décembre 2025; ECB 2.40 % in force on 1 July 2026 (from 17 June 2026);
 * 2026-H2's legal rate is not shipped.
 */

const key = (label: string) => parseHalfYear(label) as number;
const blank: RateDraft = {
  halfYear: "2026-H2",
  legalProfessional: "",
  legalConsumer: "",
  ecb: "",
  source: "",
};

describe("a half-year's draft", () => {
  test("a missing half-year's form is filled with what is known: 2026-H2's ECB rate, its legal rates blank", () => {
    expect(draftFor(DEFAULT_RATE_TABLE, key("2026-H2"), "fr")).toEqual({
      halfYear: "2026-H2",
      legalProfessional: "",
      legalConsumer: "",
      ecb: "2,40",
      source: "",
    });
    expect(draftFor(DEFAULT_RATE_TABLE, key("2026-H1"), "en")).toMatchObject({
      legalProfessional: "2.62",
      legalConsumer: "6.67",
    });
  });

  test("figures typed with a decimal comma or a % are stored with a point; the ECB figure left as shipped is not the user's", () => {
    const check = checkDraft(
      {
        ...blank,
        legalProfessional: "2,60",
        legalConsumer: "6,5 %",
        ecb: "2,40",
        source: " arrêté du 22 juin 2026 ",
      },
      "fr",
    );
    expect(check).toEqual({
      ok: true,
      key: key("2026-H2"),
      row: {
        halfYear: "2026-H2",
        legalProfessional: "2.60",
        legalConsumer: "6.5",
        source: "arrêté du 22 juin 2026",
      },
      changesShipped: [],
    });
  });

  test("a figure outside 0–30 % or not a number is refused under its field, the field named, the row number left out", () => {
    const check = checkDraft({ ...blank, legalProfessional: "35", ecb: "2,4x" }, "fr");
    if (check.ok) throw new Error("accepted");
    expect(check.problems.get("legal-professional")).toBe(
      "Taux légal (professionnels) : 35 % est hors de 0 % à 30 % (un pourcentage annuel, par ex. 2,62).",
    );
    expect(check.problems.get("ecb")).toBe(
      "Taux BCE : « 2,4x » n'est pas un pourcentage (attendu par ex. 2,62).",
    );
    const en = checkDraft({ ...blank, legalConsumer: "-1" }, "en");
    if (en.ok) throw new Error("accepted");
    expect(en.problems.get("legal-consumer")).toBe(
      "Legal rate (consumers): -1 % is outside 0 % to 30 % (a percentage per year, e.g. 2.62).",
    );
  });

  test("a half-year not of the form 2026-H2, or no figure at all, is refused with a sentence for the form", () => {
    const bad = checkDraft({ ...blank, halfYear: "S2 2026", legalProfessional: "2,6" }, "fr");
    if (bad.ok) throw new Error("accepted");
    expect(bad.problems.get("half-year")).toBe("Le semestre « S2 2026 » n'est pas de la forme 2026-H2.");
    const empty = checkDraft(blank, "fr");
    if (empty.ok) throw new Error("accepted");
    expect(empty.problems.get("legal-professional")).toBe("Aucun taux saisi pour le semestre 2026-H2.");
    const emptyEn = checkDraft(blank, "en");
    if (emptyEn.ok) throw new Error("accepted");
    expect(emptyEn.problems.get("legal-professional")).toBe("No rate entered for 2026-H2.");
  });

  test("a figure that differs from the shipped one is named as a change; equal to it, it is no row at all", () => {
    const changed = checkDraft(
      { ...blank, halfYear: "2026-H1", legalProfessional: "2,70", legalConsumer: "6,67" },
      "fr",
    );
    expect(changed).toEqual({
      ok: true,
      key: key("2026-H1"),
      row: { halfYear: "2026-H1", legalProfessional: "2.70" },
      changesShipped: [{ field: "legal-professional", shipped: "2.62", given: "2.70" }],
    });
    const same = checkDraft({ ...blank, halfYear: "2026-H1", legalProfessional: "2,620" }, "fr");
    expect(same).toEqual({ ok: true, key: key("2026-H1"), row: undefined, changesShipped: [] });
  });
});

describe("the user's rate rows", () => {
  const rows: RateRow[] = [
    { halfYear: "2027-H1", legalProfessional: "2.5" },
    { halfYear: "2026-H2", legalProfessional: "2.6" },
  ];

  test("a half-year's row replaces the one stored for it, the rows kept in half-year order", () => {
    expect(withRateRow(rows, key("2026-H2"), { halfYear: "2026-H2", legalProfessional: "2.55" })).toEqual([
      { halfYear: "2026-H2", legalProfessional: "2.55" },
      { halfYear: "2027-H1", legalProfessional: "2.5" },
    ]);
  });

  test("no row removes the half-year's: it is back to the shipped table", () => {
    expect(withRateRow(rows, key("2027-H1"), undefined)).toEqual([
      { halfYear: "2026-H2", legalProfessional: "2.6" },
    ]);
  });
});

describe("what the view lists", () => {
  test("on 3 December 2026 the view lists 2026-H2 back to 2024-H1, most recent first", () => {
    expect(shownHalfYears(DEFAULT_RATE_TABLE, [], iso("2026-12-03"))).toEqual(
      ["2026-H2", "2026-H1", "2025-H2", "2025-H1", "2024-H2", "2024-H1"].map(key),
    );
  });

  test("a half-year the user entered beyond today is listed too", () => {
    const rows: RateRow[] = [{ halfYear: "2027-H1", ecb: "2.65" }];
    expect(shownHalfYears(buildRateTable(rows), rows, iso("2026-12-03"))[0]).toBe(key("2027-H1"));
  });

  test("the half-year to add is the first whose legal rate is missing: 2026-H2, then 2027-H1 once it is entered", () => {
    expect(nextToAdd(DEFAULT_RATE_TABLE, iso("2026-12-03"))).toBe(key("2026-H2"));
    const table = buildRateTable([{ halfYear: "2026-H2", legalProfessional: "2.6" }]);
    expect(nextToAdd(table, iso("2026-12-03"))).toBe(key("2027-H1"));
  });

  test("percentages read as the arrêtés write them: two decimals at least, a comma in French", () => {
    expect(percentText("2.4", "fr")).toBe("2,40 %");
    expect(percentText("6.675", "en")).toBe("6.675 %");
    expect(percentText(undefined, "fr")).toBe("—");
  });
});
