import {
  checkProfile,
  checkProfileLegal,
  DEFAULT_RATE_TABLE,
  dueDate,
  iso,
  LAW_VENDOR,
  latePayment,
  renderExplanation,
  Trace,
} from "../../src/engine";
import { due, engineError, lateInput, vendor } from "./helpers";

/**
 * The law as a vendor, `loi` (« Conditions légales »): Code de commerce L441-10 I (30 days), L441-10 II
 * (the ECB rate + 10 points, the statutory default, not floored) and D441-5 (40 €). Figures worked by
 * hand from the statute and docs/rates.md.
 */
describe("the built-in vendor loi", () => {
  test("is due 30 days after the invoice date, the proxy for receipt or performance (L441-10 I)", () => {
    // 15 Jan 2025 + 30 days = 14 Feb 2025; 31 Jan 2024 + 30 = 1 Mar 2024 (leap year).
    expect(due("loi", "2025-01-15")).toBe("2025-02-14");
    expect(due("Conditions légales", "2024-01-31")).toBe("2024-03-01");
    const trace = new Trace();
    const { profile, settings } = vendor("loi");
    dueDate(profile, iso("2025-01-15"), undefined, settings, trace);
    expect(renderExplanation(trace, "fr")).toContain(
      "délai légal supplétif de 30 jours, compté de la date de facture (à défaut de la date d'exécution) : 14/02/2025. [Code de commerce art. L441-10 I]",
    );
  });

  test("charges the ECB rate + 10 points, not floored, and 40 € (L441-10 II, D441-5)", () => {
    const { profile, settings } = vendor("loi");
    // 2 500 € due 31 Jan 2025, paid 2 Mar 2025: 30 days in 2025-H1 at 3.15 % + 10 = 13.15 %:
    // 2500 × 13.15 % × 30 / 365 = 27.0205… → 27.02 €; + 40 € = 67.02 €.
    const r = latePayment(profile, lateInput(2500, "2025-01-31", "2025-03-02"), settings);
    expect([r.daysLate, r.interest.toFixed(2), r.recoveryFee.toFixed(2), r.total.toFixed(2)]).toEqual([
      30,
      "27.02",
      "40.00",
      "67.02",
    ]);
    // 2024-H1: 4.50 + 10 = 14.50 % although 3 × 5.07 = 15.21 %: the statutory default is not floored.
    // 8 000 € late 15 days in H1 and 15 in H2 (4.25 + 10 = 14.25 %):
    // 8000 × (14.50 % × 15 + 14.25 % × 15) / 365 = 47.671… + 46.849… = 94.52 €.
    expect(
      latePayment(profile, lateInput(8000, "2024-06-15", "2024-07-15"), settings).interest.toFixed(2),
    ).toBe("94.52");
  });

  test("serves professional clients only, has no subscription, and raises no legal flag of its own", () => {
    // L441-10 and D441-5 are between professionals: a consumer client is "not applicable".
    const { profile, settings } = vendor("loi");
    const consumer = lateInput(100, "2025-01-31", "2025-03-02", { client: "consumer" });
    expect(engineError(() => latePayment(profile, consumer, settings)).kind).toBe("not-applicable");
    expect(LAW_VENDOR.subscription.kind).toBe("none");
    expect(checkProfileLegal(LAW_VENDOR, DEFAULT_RATE_TABLE, iso("2024-03-01"))).toEqual([]);
    const json = checkProfile(JSON.parse(JSON.stringify(LAW_VENDOR)));
    expect(json.ok).toBe(true);
  });
});
