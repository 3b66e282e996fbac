import { deadline, iso, isoWeekday, SHIPPED_VENDORS } from "../../src/engine";
import { clauseDeadline as dl, engineError, vendor } from "./helpers";

describe("omi clause deadlines", () => {
  test.each([
    // event, from, expected, working
    [
      "payment-default-termination",
      "2025-03-10",
      "2025-03-20",
      "10 calendar days after receipt of the formal notice (8.2)",
    ],
    ["breach-cure", "2025-03-10", "2025-04-09", "30 days: 10 Mar + 21 = 31 Mar, + 9 = 9 Apr (8.1)"],
    [
      "early-termination-payment",
      "2025-09-01",
      "2025-09-16",
      "15 days after the effective termination (8.3)",
    ],
    [
      "terms-change-objection",
      "2025-01-15",
      "2025-02-14",
      "30 days: 15 Jan + 16 = 31 Jan, + 14 = 14 Feb (3.2)",
    ],
    ["product-return-request", "2025-01-31", "2025-03-31", "2 months after validation, date to date (9.4)"],
    [
      "confidentiality-end",
      "2024-02-29",
      "2027-02-28",
      "3 years after the end of the contract, clamped (13.4)",
    ],
    ["force-majeure-termination", "2025-01-31", "2025-04-30", "3 months, clamped to 30 April (19.2)"],
  ])("%s from %s is %s: %s", (event, from, expected) => {
    expect(dl("omi", event, from)).toBe(expected);
  });

  test("backwards deadlines: the last day to change products is 1 month before the renewal (6.2)", () => {
    // Latest N with N + 1 month ≤ R: for 1 Sep, 1 Aug; for 30 Jun, 31 May (31 May + 1 month = 30 Jun);
    // for 31 Mar, 28 Feb (1 Mar + 1 month = 1 Apr is too late).
    expect(dl("omi", "product-change-before-renewal", "2025-09-01")).toBe("2025-08-01");
    expect(dl("omi", "product-change-before-renewal", "2025-06-30")).toBe("2025-05-31");
    expect(dl("omi", "product-change-before-renewal", "2025-03-31")).toBe("2025-02-28");
  });

  test("backwards deadlines: a price change is notified 3 months before the renewal it applies at (6.4)", () => {
    expect(dl("omi", "price-change-notice", "2025-09-01")).toBe("2025-06-01");
    // 28 Feb + 3 months = 28 May ≤ 31 May; 1 Mar + 3 months = 1 Jun > 31 May.
    expect(dl("omi", "price-change-notice", "2025-05-31")).toBe("2025-02-28");
  });

  test("the 2-or-3-month contradiction of art. 9.4 is flagged in the profile", () => {
    expect(vendor("omi").profile.contradictions.map((c) => c.id)).toEqual(["omi-return-period"]);
  });
});

describe("sillage clause deadlines", () => {
  test.each([
    ["invoice-acceptance", "2025-06-20", "2025-06-27", "7 days after the invoice date (4.3)"],
    ["first-feedback-round", "2025-03-01", "2025-03-15", "14 days after delivery (9.5)"],
    ["second-feedback-round", "2025-03-01", "2025-04-01", "31 days: 1 Mar + 30 = 31 Mar, + 1 = 1 Apr (9.5)"],
    ["suspension-after-notice", "2025-03-01", "2025-03-16", "15 days after formal notice (7.5)"],
    ["breach-cure", "2025-03-01", "2025-03-31", "30 days after receipt of formal notice (19.4)"],
    ["data-export-request", "2025-03-01", "2025-04-30", "60 days: 1 Mar + 30 = 31 Mar, + 30 = 30 Apr (9.3)"],
    ["confidentiality-end", "2025-06-30", "2028-06-30", "3 years after the end of the contract (11.5)"],
    ["non-solicitation-end", "2025-01-31", "2027-01-31", "24 months after the end of the contract (18)"],
    [
      "force-majeure-termination",
      "2025-01-01",
      "2025-03-02",
      "60 days: 1 Jan + 30 = 31 Jan, + 28 = 28 Feb, + 2 = 2 Mar (21)",
    ],
  ])("%s from %s is %s: %s", (event, from, expected) => {
    expect(dl("sillage", event, from)).toBe(expected);
  });

  test("acceptance anomalies: 7 jours ouvrés straddling Christmas (9.5)", () => {
    // From Fri 19 Dec 2025: 22, 23, 24, (25 holiday), 26, 29, 30, 31 Dec -> 31 Dec.
    expect(dl("sillage", "acceptance-anomalies", "2025-12-19")).toBe("2025-12-31");
    // Alsace-Moselle: 26 Dec is a holiday too -> 22, 23, 24, 29, 30, 31 Dec, 2 Jan (1 Jan holiday) -> 2 Jan 2026.
    expect(dl("sillage+alsace-moselle", "acceptance-anomalies", "2025-12-19")).toBe("2026-01-02");
  });

  test("last free day to cancel a training: the 7th jour ouvré before the session, counted backwards over May holidays (8.2)", () => {
    // Session Mon 12 May 2025: 9 May (1), 8 May holiday, 7 (2), 6 (3), 5 (4), 2 (5), 1 May holiday, 30 Apr (6), 29 Apr (7).
    expect(dl("sillage", "training-free-cancellation", "2025-05-12")).toBe("2025-04-29");
  });

  test("the training cancellation deadline moves with Good Friday under the Alsace-Moselle calendar", () => {
    // Session Fri 25 Apr 2025: 24 (1), 23 (2), 22 (3), 21 Easter Monday, 18 Good Friday (4), 17 (5), 16 (6), 15 (7).
    expect(dl("sillage", "training-free-cancellation", "2025-04-25")).toBe("2025-04-15");
    // Alsace-Moselle: Good Friday is a holiday: 17 (4), 16 (5), 15 (6), 14 (7).
    expect(dl("sillage+alsace-moselle", "training-free-cancellation", "2025-04-25")).toBe("2025-04-14");
  });

  test("a provider cancelling later than 3 jours ouvrés before the session owes a 20 % discount (8.3)", () => {
    // Session Mon 12 May 2025: 9 May (1), 8 May holiday, 7 (2), 6 (3) -> 6 May.
    expect(dl("sillage", "provider-late-cancellation-discount", "2025-05-12")).toBe("2025-05-06");
  });
});

describe("xiahdeh clause deadlines", () => {
  test.each([
    ["quote-validity", "2025-01-31", "2025-02-28", "1 month after issue, clamped (5.2)"],
    ["content-delivery", "2025-01-15", "2025-04-15", "3 months after acceptance (6.3)"],
    ["minor-changes-window", "2025-07-10", "2025-08-09", "30 days after go-live (8.7)"],
    ["warranty", "2025-07-10", "2025-08-09", "30 days after go-live (12.2)"],
    ["invoice-contest", "2025-07-10", "2025-07-15", "5 days after receipt (16.2)"],
    ["basic-training", "2025-03-31", "2025-04-30", "1 month after delivery, clamped (15.1)"],
  ])("%s from %s is %s: %s", (event, from, expected) => {
    expect(dl("xiahdeh", event, from)).toBe(expected);
  });

  test("a quote issued on 31 January 2024 is valid to 29 February (leap year)", () => {
    expect(dl("xiahdeh", "quote-validity", "2024-01-31")).toBe("2024-02-29");
  });

  test("a calendar-day deadline falling on a Sunday is not moved", () => {
    // 8 Jul 2025 + 5 = 13 Jul 2025, a Sunday.
    expect(dl("xiahdeh", "invoice-contest", "2025-07-08")).toBe("2025-07-13");
    expect(isoWeekday(iso("2025-07-13"))).toBe(7);
  });

  test("consumer withdrawal: 14 jours ouvrables across 1 and 8 May (9.2)", () => {
    // Accepted Mon 28 Apr 2025: 29 (1), 30 (2), 1 May holiday, 2 (3), Sat 3 (4), 5 (5), 6 (6), 7 (7), 8 May holiday,
    // 9 (8), Sat 10 (9), 12 (10), 13 (11), 14 (12), 15 (13), Fri 16 May (14): a working day, not moved.
    expect(dl("xiahdeh", "consumer-withdrawal", "2025-04-28")).toBe("2025-05-16");
  });

  test("consumer withdrawal ending on a Saturday is extended to the next working day (9.2)", () => {
    // Accepted Tue 29 Apr 2025: 30 (1), 2 (2), 3 (3), 5 (4), 6 (5), 7 (6), 9 (7), 10 (8), 12 (9), 13 (10), 14 (11),
    // 15 (12), 16 (13), Sat 17 May (14) -> extended to Mon 19 May.
    expect(dl("xiahdeh", "consumer-withdrawal", "2025-04-29")).toBe("2025-05-19");
  });

  test("cancellation-before-start is an amount, not a date: not applicable, naming the amount function", () => {
    const { profile, settings } = vendor("xiahdeh");
    const e = engineError(() => deadline(profile, "cancellation-before-start", iso("2025-01-01"), settings));
    expect(e.kind).toBe("not-applicable");
    expect(e.text.en).toContain("is an amount clause of Xiahdeh (30 %");
    expect(e.clause).toEqual([{ document: "Xiahdeh CGV", article: "10.2" }]);
  });
});

describe("injenius clause deadlines", () => {
  test.each([
    ["ip-claim-notice", "2025-03-10", "2025-03-18", "8 calendar days (12)"],
    ["suspension-after-notice", "2025-03-10", "2025-03-18", "8 days after formal notice (11)"],
    ["termination-after-second-notice", "2025-03-10", "2025-04-09", "30 days (11, 15)"],
    ["confidentiality-end", "2025-03-10", "2028-03-10", "3 years (14)"],
    ["url-change-notice", "2025-03-31", "2025-03-17", "14 days before the old address stops (6.1)"],
  ])("%s from %s is %s: %s", (event, from, expected) => {
    expect(dl("injenius", event, from)).toBe(expected);
  });

  test("a security alert is notified within 12 hours (art. 8)", () => {
    // Incident found 10 Mar 2025 at 18:00 (day + 0.75) -> 11 Mar at 06:00 (day + 1.25).
    const { profile, settings } = vendor("injenius");
    const from = iso("2025-03-10") + 0.75;
    const result = deadline(profile, "security-alert-notice", from, settings);
    expect(result).toBe(iso("2025-03-11") + 0.25);
  });

  test("consumer withdrawal: 14 calendar days, extended when the last day is Easter Monday (art. 21)", () => {
    // Order received 7 Apr 2025 + 14 = 21 Apr 2025, Easter Monday -> Tue 22 Apr.
    expect(dl("injenius", "consumer-withdrawal", "2025-04-07")).toBe("2025-04-22");
    // 1 Apr + 14 = 15 Apr, a Tuesday: not moved.
    expect(dl("injenius", "consumer-withdrawal", "2025-04-01")).toBe("2025-04-15");
  });

  test("anomaly fixes in jours ouvrables, Saturday counted, Christmas not (Annexe 3)", () => {
    // Reported Fri 19 Dec 2025: Sat 20 (1), Mon 22 (2) -> blocking 22 Dec; major: 23 (3) -> 23 Dec;
    // minor: 23 (3), 24 (4), 25 holiday, 26 (5) -> 26 Dec.
    expect(dl("injenius", "fix-blocking", "2025-12-19")).toBe("2025-12-22");
    expect(dl("injenius", "fix-major", "2025-12-19")).toBe("2025-12-23");
    expect(dl("injenius", "fix-minor", "2025-12-19")).toBe("2025-12-26");
    // Alsace-Moselle: 26 Dec is a holiday -> Sat 27 Dec is the 5th jour ouvrable.
    expect(dl("injenius+alsace-moselle", "fix-minor", "2025-12-19")).toBe("2025-12-27");
  });
});

describe("digitalli clause deadlines", () => {
  test.each([
    ["late-delivery-request", "2025-03-10", "2025-03-31", "3 weeks after the announced date (4, 6)"],
    ["cancellation-right", "2025-03-31", "2025-05-12", "6 weeks after the written request (4, 6)"],
    ["contract-formed", "2025-03-10", "2025-03-20", "10 days after acceptance (2)"],
    ["payment-terms-derogation", "2025-03-10", "2025-03-20", "10 days after order confirmation (1, 8.2)"],
    ["deposit-invoice", "2025-03-10", "2025-03-18", "8 days after order confirmation (7)"],
    ["non-solicitation-end", "2024-02-29", "2025-02-28", "1 year after delivery, clamped (15)"],
  ])("%s from %s is %s: %s", (event, from, expected) => {
    expect(dl("digitalli", event, from)).toBe(expected);
  });

  test("a delivery claim is due 48 hours after signing the delivery note, at the same time of day (art. 5)", () => {
    // Signed 10 Mar 2025 at 14:30 -> 12 Mar 2025 at 14:30.
    const { profile, settings } = vendor("digitalli");
    const from = iso("2025-03-10") + 14.5 / 24;
    expect(deadline(profile, "delivery-claim", from, settings)).toBeCloseTo(iso("2025-03-12") + 14.5 / 24, 9);
  });

  test("event ids are case-insensitive", () => {
    expect(dl("digitalli", " Deposit-Invoice ", "2025-03-10")).toBe("2025-03-18");
  });

  test("an unknown event is rejected with the vendor's list of events", () => {
    const { profile, settings } = vendor("digitalli");
    const e = engineError(() => deadline(profile, "retention", iso("2025-01-01"), settings));
    expect(e.kind).toBe("invalid-input");
    expect(e.text.en).toBe(
      'event "retention" is not one of Digitalli\'s named deadlines: delivery-claim, late-delivery-request, cancellation-right, contract-formed, payment-terms-derogation, deposit-invoice, non-solicitation-end.',
    );
  });
});

describe("every deadline row of docs/terms.md#clause-deadlines exists", () => {
  test("the named-deadline tables list the event ids of docs/terms.md#clause-deadlines", () => {
    const ids = Object.fromEntries(SHIPPED_VENDORS.map((p) => [p.id, p.deadlines.map((d) => d.id).sort()]));
    expect(ids.omi).toEqual(
      [
        "payment-default-termination",
        "breach-cure",
        "early-termination-payment",
        "terms-change-objection",
        "product-return-request",
        "product-change-before-renewal",
        "price-change-notice",
        "confidentiality-end",
        "force-majeure-termination",
      ].sort(),
    );
    expect(ids.sillage).toEqual(
      [
        "invoice-acceptance",
        "training-free-cancellation",
        "provider-late-cancellation-discount",
        "acceptance-anomalies",
        "first-feedback-round",
        "second-feedback-round",
        "suspension-after-notice",
        "breach-cure",
        "data-export-request",
        "confidentiality-end",
        "non-solicitation-end",
        "force-majeure-termination",
      ].sort(),
    );
    expect(ids.xiahdeh).toEqual(
      [
        "quote-validity",
        "content-delivery",
        "minor-changes-window",
        "warranty",
        "invoice-contest",
        "basic-training",
        "consumer-withdrawal",
      ].sort(),
    );
    expect(ids.injenius).toEqual(
      [
        "security-alert-notice",
        "ip-claim-notice",
        "suspension-after-notice",
        "termination-after-second-notice",
        "consumer-withdrawal",
        "confidentiality-end",
        "fix-blocking",
        "fix-major",
        "fix-minor",
        "url-change-notice",
      ].sort(),
    );
  });
});
