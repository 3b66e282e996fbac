import { endDate, iso, noticeDeadline, renewalDate, terminationFee } from "../../src/engine";
import { dec, engineError, show, sub, vendor } from "./helpers";

function renewal(spec: string, start: string, asOf: string, plan?: string, addition?: string): string {
  return show(renewalDate(vendor(spec).profile, sub(start, plan, addition), iso(asOf)));
}
function notice(spec: string, start: string, asOf: string, plan?: string, addition?: string): string {
  return show(noticeDeadline(vendor(spec).profile, sub(start, plan, addition), iso(asOf)).deadline);
}
function end(spec: string, start: string, noticeDate: string, plan?: string, addition?: string): string {
  return show(endDate(vendor(spec).profile, sub(start, plan, addition), iso(noticeDate)).end);
}
function fee(spec: string, start: string, termination: string, monthly: number, plan?: string): string {
  return terminationFee(vendor(spec).profile, sub(start, plan), iso(termination), dec(monthly)).fee.toFixed(
    2,
  );
}

describe("omi: yearly terms, 2 months' notice (CGA 7)", () => {
  test("the renewal date is the next anniversary of the subscription after the as-of date", () => {
    expect(renewal("omi", "2023-09-01", "2025-05-20")).toBe("2025-09-01");
    // On the anniversary itself the next period has started: the following one.
    expect(renewal("omi", "2023-09-01", "2025-09-01")).toBe("2026-09-01");
    // During the initial year.
    expect(renewal("omi", "2023-09-01", "2023-09-01")).toBe("2024-09-01");
  });

  test("the notice deadline is 2 months before the renewal, date to date; once passed, the next one", () => {
    // 1 Jul + 2 months = 1 Sep.
    expect(notice("omi", "2023-09-01", "2025-05-20")).toBe("2025-07-01");
    expect(notice("omi", "2023-09-01", "2025-07-01")).toBe("2025-07-01");
    expect(notice("omi", "2023-09-01", "2025-07-02")).toBe("2026-07-01");
  });

  test("a notice on the deadline ends the contract the day before the renewal; one day later, a year later", () => {
    expect(end("omi", "2023-09-01", "2025-07-01")).toBe("2025-08-31");
    expect(end("omi", "2023-09-01", "2025-07-02")).toBe("2026-08-31");
  });

  test("month ends: renewal on 30 June, the deadline is 30 April (30 Apr + 2 months = 30 Jun; 1 May + 2 = 1 Jul)", () => {
    expect(notice("omi", "2024-06-30", "2025-01-01")).toBe("2025-04-30");
    expect(end("omi", "2024-06-30", "2025-04-30")).toBe("2025-06-29");
    expect(end("omi", "2024-06-30", "2025-05-01")).toBe("2026-06-29");
  });

  test("a subscription started on 29 February renews on 28 February, and on 29 February again in leap years", () => {
    // Renewals are start + 12k months (EDATE), never chained: 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29.
    expect(renewal("omi", "2024-02-29", "2024-06-01")).toBe("2025-02-28");
    expect(renewal("omi", "2024-02-29", "2027-03-01")).toBe("2028-02-29");
    // Deadline for 28 Feb 2025: latest N with N + 2 months ≤ 28 Feb: 31 Dec 2024 (+ 2 months = 28 Feb, clamped);
    // 1 Jan 2025 + 2 months = 1 Mar is too late.
    expect(notice("omi", "2024-02-29", "2024-06-01")).toBe("2024-12-31");
  });

  test("termination for the client's fault: the months after the current, billed month, to the end of the period (8.3)", () => {
    // Start 1 Sep 2024, terminated 15 Mar 2025: March (from 1 Mar) is billed; Apr, May, Jun, Jul, Aug remain
    // before the 1 Sep 2025 renewal: 5 × 100 = 500.
    expect(fee("omi", "2024-09-01", "2025-03-15", 100)).toBe("500.00");
    // Terminated on a billing day (1 Mar): March is the current month; still 5 months.
    expect(fee("omi", "2024-09-01", "2025-03-01", 100)).toBe("500.00");
    // Terminated in the last month of the period: nothing more.
    expect(fee("omi", "2024-09-01", "2025-08-20", 100)).toBe("0.00");
  });
});

describe("omi: a product added in the 3 months before the renewal (CGA 6.2, 7.2)", () => {
  // Start 1 Sep 2023: pending renewal 1 Sep 2025, window from 1 Jun 2025 (1 Sep − 3 months) to 31 Aug 2025.
  test("inside the window: the contract renews for a year from the addition", () => {
    expect(renewal("omi", "2023-09-01", "2025-06-20", undefined, "2025-06-15")).toBe("2026-06-15");
    // 15 Apr 2026 + 2 months = 15 Jun 2026.
    expect(notice("omi", "2023-09-01", "2025-06-20", undefined, "2025-06-15")).toBe("2026-04-15");
    // A notice on 1 Jul 2025 can no longer stop 1 Sep 2025 (no longer a renewal): it stops 15 Jun 2026.
    expect(end("omi", "2023-09-01", "2025-07-01", undefined, "2025-06-15")).toBe("2026-06-14");
    // Later renewals follow the new anchor: 15 Jun 2027.
    expect(renewal("omi", "2023-09-01", "2026-06-15", undefined, "2025-06-15")).toBe("2027-06-15");
  });

  test("on the window's first day (exactly 3 months before, read inclusively): inside", () => {
    expect(renewal("omi", "2023-09-01", "2025-06-02", undefined, "2025-06-01")).toBe("2026-06-01");
  });

  test("the day before the window: outside, the renewal does not move", () => {
    expect(renewal("omi", "2023-09-01", "2025-06-02", undefined, "2025-05-31")).toBe("2025-09-01");
    expect(notice("omi", "2023-09-01", "2025-06-02", undefined, "2025-05-31")).toBe("2025-07-01");
  });

  test("on the last day before the renewal: inside; the new deadline is 30 June (30 Jun + 2 months = 30 Aug ≤ 31 Aug)", () => {
    expect(renewal("omi", "2023-09-01", "2025-08-31", undefined, "2025-08-31")).toBe("2026-08-31");
    expect(notice("omi", "2023-09-01", "2025-08-31", undefined, "2025-08-31")).toBe("2026-06-30");
  });

  test("at the renewal date itself: the addition falls in the new period, far from its renewal", () => {
    // Added 1 Sep 2025: the pending renewal is 1 Sep 2026, window from 1 Jun 2026: outside.
    expect(renewal("omi", "2023-09-01", "2025-09-10", undefined, "2025-09-01")).toBe("2026-09-01");
  });

  test("an addition before the start or after the as-of date is rejected", () => {
    expect(
      engineError(() => renewal("omi", "2023-09-01", "2025-06-20", undefined, "2023-08-01")).argument,
    ).toBe("lastAdditionDate");
    const e = engineError(() => renewal("omi", "2023-09-01", "2025-06-20", undefined, "2025-06-25"));
    expect(e.text.en).toBe(
      "lastAdditionDate 2025-06-25 is after asOf 2025-06-20: only additions already made count.",
    );
  });

  test("a vendor without an addition rule rejects an addition date", () => {
    expect(
      engineError(() => renewal("sillage", "2025-02-10", "2025-06-20", undefined, "2025-06-15")).kind,
    ).toBe("not-applicable");
  });
});

describe("sillage: 12-month commitment, then monthly with 1 month's notice (CGV 19)", () => {
  // Start 10 Feb 2025: commitment ends 10 Feb 2026; monthly anniversaries on the 10th.
  test("during the commitment the renewal date is its end; after it, the next monthly anniversary", () => {
    expect(renewal("sillage", "2025-02-10", "2025-06-01")).toBe("2026-02-10");
    expect(renewal("sillage", "2025-02-10", "2026-02-10")).toBe("2026-03-10");
    expect(renewal("sillage", "2025-02-10", "2026-03-15")).toBe("2026-04-10");
  });

  test("anniversaries are counted from the start, never chained: started 31 May, renews 30 June then 31 July", () => {
    expect(renewal("sillage", "2025-05-31", "2026-05-31")).toBe("2026-06-30");
    expect(renewal("sillage", "2025-05-31", "2026-06-30")).toBe("2026-07-31");
  });

  test("the notice deadline for the end of the commitment is 1 month before it", () => {
    // 10 Jan 2026 + 1 month = 10 Feb 2026.
    expect(notice("sillage", "2025-02-10", "2025-06-01")).toBe("2026-01-10");
  });

  test("a notice during the commitment ends it at the commitment's end, not before", () => {
    // 1 Jun 2025 + 1 month = 1 Jul 2025 < commitment end 10 Feb 2026: R = 10 Feb 2026, bound until 9 Feb.
    expect(end("sillage", "2025-02-10", "2025-06-01")).toBe("2026-02-09");
    // 10 Jan 2026 + 1 month = 10 Feb 2026 = the commitment end.
    expect(end("sillage", "2025-02-10", "2026-01-10")).toBe("2026-02-09");
    // 11 Jan 2026 + 1 month = 11 Feb: the next anniversary on or after it is 10 Mar, bound until 9 Mar.
    expect(end("sillage", "2025-02-10", "2026-01-11")).toBe("2026-03-09");
  });

  test("after the commitment: one month's notice, then to the next anniversary (every started month is due)", () => {
    // 20 Mar 2026 + 1 month = 20 Apr -> first anniversary on or after: 10 May -> bound until 9 May.
    expect(end("sillage", "2025-02-10", "2026-03-20")).toBe("2026-05-09");
    // On an anniversary, 10 Mar + 1 month = 10 Apr, itself an anniversary -> 9 Apr.
    expect(end("sillage", "2025-02-10", "2026-03-10")).toBe("2026-04-09");
  });

  test("early termination during the commitment: the monthly fees not yet due up to its end (19.2)", () => {
    // Terminated 1 Sep 2025: the month from 10 Aug is due; 10 Sep, 10 Oct, 10 Nov, 10 Dec, 10 Jan remain: 5 × 800.
    expect(fee("sillage", "2025-02-10", "2025-09-01", 800)).toBe("4000.00");
    // Terminated on 10 Sep, a billing day: that month is the current one; Oct, Nov, Dec, Jan remain: 4 × 800.
    expect(fee("sillage", "2025-02-10", "2025-09-10", 800)).toBe("3200.00");
  });

  test("terminating after the commitment costs no indemnity, only the notice", () => {
    expect(fee("sillage", "2025-02-10", "2026-03-01", 800)).toBe("0.00");
  });

  test("a termination date before the start, or a negative monthly fee, is rejected", () => {
    expect(engineError(() => fee("sillage", "2025-02-10", "2025-01-01", 800)).argument).toBe(
      "terminationDate",
    );
    expect(engineError(() => fee("sillage", "2025-02-10", "2025-03-01", -1)).argument).toBe("monthlyFee");
  });
});

describe("injenius: yearly commitment plans and the end-of-month rule (CGV 4, 11, 16)", () => {
  test("commitment plans renew yearly from the subscription; the default plan is commitment-monthly", () => {
    expect(renewal("injenius", "2024-10-15", "2025-04-12")).toBe("2025-10-15");
    expect(renewal("injenius", "2024-10-15", "2025-04-12", "commitment-monthly")).toBe("2025-10-15");
    expect(renewal("injenius", "2024-10-15", "2025-04-12", "Commitment-Annual")).toBe("2025-10-15");
  });

  test("a notice received before the renewal date stops it: the deadline is the day before the renewal", () => {
    expect(notice("injenius", "2024-10-15", "2025-04-12")).toBe("2025-10-14");
  });

  test("the end is the end of the calendar month containing the later of the notice and the period's last day", () => {
    // Period 15 Oct 2024 .. 14 Oct 2025; notice 12 Apr 2025 stops the 15 Oct 2025 renewal: end of October 2025.
    expect(end("injenius", "2024-10-15", "2025-04-12")).toBe("2025-10-31");
    expect(end("injenius", "2024-10-15", "2025-10-14", "commitment-annual")).toBe("2025-10-31");
    // On the renewal day itself the notice is too late: the next period ends 14 Oct 2026 -> 31 Oct 2026.
    expect(end("injenius", "2024-10-15", "2025-10-15")).toBe("2026-10-31");
    // A period ending on a month end: start 1 Oct 2024, period ends 30 Sep 2025 -> 30 Sep 2025.
    expect(end("injenius", "2024-10-01", "2025-04-12", "commitment-annual")).toBe("2025-09-30");
  });

  test("no-commitment: ends at the end of the calendar month of the notice; renews on the 1st of each month", () => {
    expect(end("injenius", "2024-10-01", "2025-04-12", "no-commitment")).toBe("2025-04-30");
    expect(end("injenius", "2024-10-01", "2025-04-30", "no-commitment")).toBe("2025-04-30");
    expect(end("injenius", "2024-10-01", "2025-05-01", "no-commitment")).toBe("2025-05-31");
    expect(renewal("injenius", "2024-10-17", "2024-10-20", "no-commitment")).toBe("2024-11-01");
    expect(notice("injenius", "2024-10-01", "2025-04-12", "no-commitment")).toBe("2025-04-30");
  });

  test("early termination of a commitment is for serious breach only and not priced: not applicable (art. 16)", () => {
    const e = engineError(() => fee("injenius", "2024-10-15", "2025-04-12", 59));
    expect(e.kind).toBe("not-applicable");
    expect(e.clause).toEqual([{ document: "Injenius CG SaaS", article: "16" }]);
    // Without commitment nothing beyond the current month is due.
    expect(fee("injenius", "2024-10-15", "2025-04-12", 79, "no-commitment")).toBe("0.00");
  });

  test("the plans and their prices are those of the terms; the free-trial contradiction is flagged", () => {
    const s = vendor("injenius").profile.subscription;
    expect(s.kind === "plans" ? s.plans.map((p) => [p.id, p.monthlyFeeExclVat]) : []).toEqual([
      ["no-commitment", "79"],
      ["commitment-monthly", "59"],
      ["commitment-annual", "54"],
    ]);
    expect(vendor("injenius").profile.contradictions.map((c) => c.id)).toContain("injenius-free-trial");
  });

  test("an unknown plan is rejected with the list of plans", () => {
    const e = engineError(() => renewal("injenius", "2024-10-15", "2025-04-12", "gold"));
    expect(e.argument).toBe("plan");
    expect(e.text.en).toBe(
      'plan "gold" is not one of Injenius\'s plans: no-commitment, commitment-monthly, commitment-annual.',
    );
  });
});

describe("vendors without subscriptions: not applicable, with the clause", () => {
  test("xiahdeh: maintenance is not renewable by default (art. 13.3)", () => {
    for (const call of [
      () => renewal("xiahdeh", "2025-01-01", "2025-06-01"),
      () => notice("xiahdeh", "2025-01-01", "2025-06-01"),
      () => end("xiahdeh", "2025-01-01", "2025-06-01"),
      () => fee("xiahdeh", "2025-01-01", "2025-06-01", 100),
    ]) {
      const e = engineError(call);
      expect(e.kind).toBe("not-applicable");
      expect(e.text.en).toContain(
        "Xiahdeh's terms contain no renewal: maintenance is not renewable by default (art. 13.3)",
      );
      expect(e.clause).toEqual([{ document: "Xiahdeh CGV", article: "13.3" }]);
    }
  });

  test("digitalli: licences expire at the end stated in the order confirmation (art. 12)", () => {
    const e = engineError(() => renewal("digitalli", "2025-01-01", "2025-06-01"));
    expect(e.kind).toBe("not-applicable");
    expect(e.text.en).toContain("(art. 12)");
    expect(e.text.fr).toContain("(art. 12)");
  });
});
