import {
  buildRateTable,
  DEFAULT_SETTINGS,
  latePayment,
  renderExplanation,
  resolveVendor,
  Trace,
  type RateRow,
  type Settings,
} from "../../src/engine";
import { lateInput } from "./helpers";

/**
 * Explanations say when a rate is the user's (issue 13): a half-year's figure that comes from a rate
 * row the user entered, rather than the shipped tables, is marked « taux saisi par l'utilisateur » with
 * the source the user gave, and a figure that replaces a shipped one says which it replaced.
 */

function explained(spec: string, rows: readonly RateRow[], due: string, paid: string, amount = 1000) {
  const { profile } = resolveVendor(spec);
  const settings: Settings = { ...DEFAULT_SETTINGS, rates: buildRateTable(rows) };
  const trace = new Trace();
  const result = latePayment(profile, lateInput(amount, due, paid), settings, trace);
  return { result, en: renderExplanation(trace, "en"), fr: renderExplanation(trace, "fr") };
}

const H2_2026: RateRow = {
  halfYear: "2026-H2",
  legalProfessional: "2,60",
  legalConsumer: "6,50",
  source: "arrêté du 22 juin 2026",
};

describe("explanations of rates the user entered", () => {
  test("a legal rate for 2026-H2 entered by the user is named as the user's, with its source, in both languages", () => {
    // Sillage: 3 × the legal rate. 2026-H2 from the user's row: 3 × 2.60 % = 7.8 %.
    const { result, en, fr } = explained("sillage", [H2_2026], "2026-07-10", "2026-07-20");
    expect(en).toContain(
      "2026-H2: contractual rate 7.8 %; floor 3 × legal rate = 7.8 %; applied 7.8 % (rate entered by the user: legal rate 2.6 %; source given: arrêté du 22 juin 2026).",
    );
    expect(fr).toContain(
      "2e semestre 2026 : taux contractuel 7,8 % ; plancher 3 × taux légal = 7,8 % ; taux appliqué 7,8 % (taux saisi par l'utilisateur : taux légal 2,6 % ; source indiquée : arrêté du 22 juin 2026).",
    );
    // 10 days on 1,000 € at 7.8 %: 1000 × 0.078 × 10 / 365 = 2.1369… → 2.14 €.
    expect(result.interest.toFixed(2)).toBe("2.14");
  });

  test("a shipped half-year stays unmarked, even with a user's row for another half-year", () => {
    const { en, fr } = explained("sillage", [H2_2026], "2026-03-10", "2026-03-20");
    expect(en).toContain("2026-H1: contractual rate 7.86 %");
    expect(en).not.toContain("entered by the user");
    expect(fr).not.toContain("saisi par l'utilisateur");
  });

  test("a user's figure that replaces a shipped one says which shipped figure it replaced", () => {
    // 2026-H1 is shipped at 2.62 % (arrêté du 15 décembre 2025); the user's row gives 2.70 %.
    const { en, fr } = explained(
      "sillage",
      [{ halfYear: "2026-H1", legalProfessional: "2.70" }],
      "2026-03-10",
      "2026-03-20",
    );
    expect(en).toContain("(rate entered by the user: legal rate 2.7 %, replacing the shipped 2.62 %)");
    expect(fr).toContain(
      "(taux saisi par l'utilisateur : taux légal 2,7 %, à la place du taux livré 2,62 %)",
    );
  });

  test("a user's row giving only the legal rate leaves an ECB-based rate unmarked: its figure is shipped", () => {
    // Injenius: ECB + 10 points, no floor. 2026-H2's ECB rate is shipped (2.40 % in force on 1 July 2026).
    const { en } = explained("injenius", [H2_2026], "2026-07-10", "2026-07-20");
    expect(en).toContain("2026-H2: contractual rate 12.4 %; applied 12.4 %.");
    expect(en).not.toContain("entered by the user");
  });

  test("an ECB rate the user entered is marked on an ECB-based rate", () => {
    // 2027-H1 is in no shipped table: the user's ECB rate 2.65 % + 10 points = 12.65 %.
    const { en } = explained("injenius", [{ halfYear: "2027-H1", ecb: "2.65" }], "2027-01-10", "2027-01-20");
    expect(en).toContain(
      "2027-H1: contractual rate 12.65 %; applied 12.65 % (rate entered by the user: ECB rate 2.65 %).",
    );
  });

  test("the figure a user re-enters equal to the shipped one is the shipped one: nothing is marked", () => {
    const same = explained(
      "sillage",
      [{ halfYear: "2026-H1", legalProfessional: "2.62" }],
      "2026-03-10",
      "2026-03-20",
    );
    const shipped = explained("sillage", [], "2026-03-10", "2026-03-20");
    expect(same.en).not.toContain("entered by the user");
    expect(same.en).toBe(shipped.en);
    // 10 days on 1,000 € at 3 × 2.62 % = 7.86 %: 1000 × 0.0786 × 10 / 365 = 2.1534… → 2.15 €.
    expect(same.result.interest.toFixed(2)).toBe("2.15");
  });
});
