import { excelError, serial } from "./custom-functions-shim";
import * as CGV from "../../src/office/functions";
import { SHARED_RUNTIME } from "../../src/functions/shared-runtime";

/**
 * Today, 3 December 2026: the shipped legal rate ends with the first half of 2026 (arrêté of June
 * 2026) and the ECB table too. What does not depend on a rate is computed; only interest and penalty
 * rates give #NUM!, and EXPLAIN names the missing half-year in words and where to add it.
 */

afterEach(() => SHARED_RUNTIME.update({ lang: "en" }));

const TODAY = serial("2026-12-03");

describe("on today's invoices, what needs no rate never fails for one", () => {
  test("DUEDATE: an OMI invoice of 3 November 2026 is due today (30 days, CGA 6.3)", async () => {
    expect(await CGV.dueDate("omi", "2026-11-03")).toBe(TODAY);
  });

  test("RECOVERYFEE: an invoice due 30 September 2026 and unpaid today owes the 40 € fee (D441-5)", async () => {
    expect(await CGV.recoveryFee("omi", "2026-09-30", "2026-12-03")).toBe(40);
  });

  test("RENEWALDATE, NOTICEDEADLINE and ENDDATE of an OMI subscription started 1 September 2023", async () => {
    // Yearly from 1 Sep: after today the next renewal is 1 Sep 2027; notice two months before, 1 Jul
    // 2027; a notice received today stops that renewal: bound until 31 Aug 2027.
    expect(await CGV.renewalDate("omi", serial("2023-09-01"), TODAY)).toBe(serial("2027-09-01"));
    expect(await CGV.noticeDeadline("omi", serial("2023-09-01"), TODAY)).toBe(serial("2027-07-01"));
    expect(await CGV.endDate("omi", serial("2023-09-01"), TODAY)).toBe(serial("2027-08-31"));
  });

  test("DEADLINE: 7 jours ouvrés after Thursday 3 December 2026 is Monday 14 December", async () => {
    // 4, 7, 8, 9, 10, 11, 14 December (weekends skipped).
    expect(await CGV.deadline("sillage", "acceptance-anomalies", TODAY)).toBe(serial("2026-12-14"));
  });

  test("TERMINATIONFEE and CLAUSEAMOUNT", async () => {
    // Sillage started 10 Feb 2026 with a 12-month commitment (19.2): on 3 Dec 2026 the month begun
    // 10 Nov is due; 10 Dec 2026 and 10 Jan 2027 are still to start before 10 Feb 2027: 2 × 800 €.
    expect(await CGV.terminationFee("sillage", serial("2026-02-10"), TODAY, 800)).toBe(1600);
    // Xiahdeh 10.2: 30 % of 12 000 €.
    expect(await CGV.clauseAmount("xiahdeh", "cancellation-before-start", 12000)).toBe(3600);
  });
});

describe("what needs a rate of the second half of 2026 gives #NUM!", () => {
  test('=CGV.LATEFEE("omi"; 1000; "2026-09-30"; "2026-12-03") is #NUM!, as are LATEINTEREST and PENALTYRATE', async () => {
    expect((await excelError(() => CGV.lateFee("omi", 1000, "2026-09-30", "2026-12-03"))).code).toBe("#NUM!");
    expect((await excelError(() => CGV.lateInterest("omi", 1000, "2026-09-30", "2026-12-03"))).code).toBe(
      "#NUM!",
    );
    expect((await excelError(() => CGV.penaltyRate("omi", "2026-12-03"))).code).toBe("#NUM!");
  });

  test("EXPLAIN names the half-year in words and where to add the rate, in English", async () => {
    expect(await CGV.explain("LATEFEE", "omi", 1000, "2026-09-30", "2026-12-03")).toBe(
      "LATEFEE: #NUM! the French legal interest rate for the 2nd half of 2026 is not in the rate table — add it under Settings > Rates in the Échéance pane (or --rates on the command line)",
    );
  });

  test("and in French: « 2e semestre 2026 »", async () => {
    SHARED_RUNTIME.update({ lang: "fr" });
    expect(await CGV.explain("PENALITESRETARD", "omi", 1000, "2026-09-30", "2026-12-03")).toBe(
      "PENALITESRETARD : #NUM! taux de l'intérêt légal du 2e semestre 2026 non renseigné — ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)",
    );
  });

  test("an ECB-based rate (Injenius) names the rate in force on 1 January 2027 (the shipped ECB table ends in October 2026)", async () => {
    SHARED_RUNTIME.update({ lang: "fr" });
    expect(await CGV.explain("TAUXPENALITES", "injenius", "2027-01-05")).toBe(
      "TAUXPENALITES : #NUM! taux de refinancement de la BCE en vigueur au 01/01/2027 (1er semestre 2027) non renseigné — ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)",
    );
  });

  test("a late period within the first half of 2026 still computes", async () => {
    // 3 × 2.62 % = 7.86 %; 1000 × 7.86 % × 30 / 365 = 6.46; + 40 € = 46.46.
    expect(await CGV.lateFee("omi", 1000, "2026-05-31", "2026-06-30")).toBe(46.46);
  });
});
