import { ERROR_CODES, excelError, serial } from "./custom-functions-shim";
import * as CGV from "../../src/office/functions";
import { SHARED_RUNTIME } from "../../src/functions/shared-runtime";

/**
 * The CGV.* functions called the way Excel calls them: dates as serial numbers (or the text a user
 * typed), blanks as null, ranges as nested arrays, amounts as numbers or French text. Expected figures
 * are the worked examples of docs/conventions.md#worked-examples, worked from docs/terms.md and docs/rates.md.
 */

beforeEach(() => SHARED_RUNTIME.update({ lang: "en" }));

/** Excel passes null for an optional range left empty. */
const BLANK_RANGE = null as unknown as unknown[][];

describe("dates in and out", () => {
  test("a due date comes back as the serial number of the date, not as text", async () => {
    // OMI CGA 6.3: 30 days. 10 March 2025 + 30 days = 9 April 2025.
    expect(await CGV.dueDate("omi", serial("2025-03-10"))).toBe(serial("2025-04-09"));
  });

  test("ISO and French text dates read like the serial of the same day", async () => {
    expect(await CGV.dueDate("omi", "2025-03-10")).toBe(serial("2025-04-09"));
    expect(await CGV.dueDate("omi", "10/03/2025")).toBe(serial("2025-04-09"));
    expect(await CGV.dueDate("omi", " 10.03.2025 ")).toBe(serial("2025-04-09"));
  });

  test("a date serial with a time of day counts as that day", async () => {
    expect(await CGV.dueDate("omi", serial("2025-03-10") + 0.75)).toBe(serial("2025-04-09"));
  });

  test("Excel's phantom 29 February 1900 is skipped when counting days across it", async () => {
    // serial 59 = 28 Feb 1900; + 30 real days = 30 March 1900, which Excel numbers 90 (61 = 1 March).
    expect(await CGV.dueDate("omi", 59)).toBe(90);
  });

  test("the phantom 29 February 1900 itself is refused as a date that never existed", async () => {
    const e = await excelError(() => CGV.dueDate("omi", 60));
    expect(e.code).toBe(ERROR_CODES.invalidValue);
    expect(e.message).toMatch(/invoiceDate/);
  });

  test("a day that does not exist in the calendar is #VALUE! naming the argument", async () => {
    const e = await excelError(() => CGV.dueDate("omi", "31/02/2025"));
    expect(e).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^invoiceDate: "31\/02\/2025" is not a date/),
    });
  });

  test("text that is not a date, a boolean, or a serial outside Excel's calendar are #VALUE!", async () => {
    expect((await excelError(() => CGV.dueDate("omi", "next week"))).message).toMatch(/invoiceDate/);
    expect((await excelError(() => CGV.dueDate("omi", true))).code).toBe("#VALUE!");
    expect((await excelError(() => CGV.dueDate("omi", -1))).message).toMatch(/outside Excel's dates/);
    expect((await excelError(() => CGV.dueDate("omi", 3_000_000))).message).toMatch(/outside Excel's dates/);
  });

  test("a blank required date is an error that names it, never day zero", async () => {
    // 0 is how desktop Excel hands over an empty cell (office-js 4702): blank, not 0 January 1900.
    for (const blank of [null, undefined, "", "   ", 0]) {
      const e = await excelError(() => CGV.dueDate("omi", blank));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/invoiceDate/);
    }
  });
});

describe("DUEDATE", () => {
  test("a blank invoice kind means the vendor's ordinary invoice", async () => {
    // Digitalli 8.1(b): 30 days then end of month. 15 Feb + 30 = 17 Mar → 31 Mar 2025.
    expect(await CGV.dueDate("digitalli", serial("2025-02-15"), null)).toBe(serial("2025-03-31"));
    expect(await CGV.dueDate("digitalli", serial("2025-02-15"), "")).toBe(serial("2025-03-31"));
  });

  test("the invoice kind selects the clause: a Sillage training balance is due in 15 days", async () => {
    expect(await CGV.dueDate("sillage", serial("2025-06-20"), "training")).toBe(serial("2025-07-05"));
  });

  test("the other end-of-month method is a vendor option", async () => {
    // end of February (28) + 30 days = 30 March 2025.
    expect(await CGV.dueDate("digitalli+eom-then-days", serial("2025-02-15"))).toBe(serial("2025-03-30"));
  });

  test("Injenius debits on the 5th of the next month, study invoices on the 10th", async () => {
    expect(await CGV.dueDate("injenius", serial("2025-01-25"))).toBe(serial("2025-02-05"));
    expect(await CGV.dueDate("injenius", serial("2025-02-25"), "study")).toBe(serial("2025-03-10"));
  });

  test("an unknown invoice kind is #VALUE! listing the kinds the vendor has", async () => {
    const e = await excelError(() => CGV.dueDate("sillage", serial("2025-06-20"), "coaching"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/coaching/);
    expect(e.message).toMatch(/training/);
  });
});

describe("vendor argument", () => {
  test("vendor ids are case-insensitive and tolerate spaces", async () => {
    expect(await CGV.dueDate(" OMI ", serial("2025-03-10"))).toBe(serial("2025-04-09"));
  });

  test("an unknown vendor is #VALUE! that lists the known ids", async () => {
    const e = await excelError(() => CGV.dueDate("acme", serial("2025-03-10")));
    expect(e.code).toBe("#VALUE!");
    for (const id of ["omi", "sillage", "xiahdeh", "injenius", "digitalli"]) expect(e.message).toContain(id);
  });

  test("an unknown option is #VALUE! naming it", async () => {
    const e = await excelError(() => CGV.dueDate("omi+fast", serial("2025-03-10")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/fast/);
  });

  test("a blank vendor is #VALUE! naming the argument", async () => {
    expect(
      (await excelError(() => CGV.dueDate(null as unknown as string, serial("2025-03-10")))).message,
    ).toMatch(/vendor/);
  });

  test("a column of calls alternating vendors, spellings and bad ids gives each row its own vendor", async () => {
    // The vendor is resolved once per text and remembered: every row must still get its own terms.
    // OMI 30 days: 10 Mar → 9 Apr. Digitalli 30 days end of month (days then end of month): 9 Apr → 30 Apr.
    const invoice = serial("2025-03-10");
    for (let round = 0; round < 3; round++) {
      expect(await CGV.dueDate("omi", invoice)).toBe(serial("2025-04-09"));
      expect(await CGV.dueDate("digitalli", invoice)).toBe(serial("2025-04-30"));
      expect((await excelError(() => CGV.dueDate("acme", invoice))).code).toBe("#VALUE!");
      expect(await CGV.dueDate(" Digitalli ", invoice)).toBe(serial("2025-04-30"));
      expect((await excelError(() => CGV.dueDate(null as unknown as string, invoice))).code).toBe("#VALUE!");
      expect(await CGV.dueDate("omi", invoice)).toBe(serial("2025-04-09"));
    }
  });
});

describe("LATEFEE, LATEINTEREST, RECOVERYFEE", () => {
  test("omi: 30 days late in 2025-H1 at 3 × 3.71 % plus the 40 € fee is 62.87", async () => {
    // 2500 × 11.13 % × 30 / 365 = 22.87; + 40 € (D441-5).
    expect(await CGV.lateFee("omi", 2500, serial("2025-01-31"), serial("2025-03-02"))).toBe(62.87);
  });

  test("amounts typed as French text read as the same number", async () => {
    expect(await CGV.lateFee("omi", "2 500,00 €", serial("2025-01-31"), serial("2025-03-02"))).toBe(62.87);
    expect(await CGV.lateFee("omi", "2\u202f500,00\u00a0€", serial("2025-01-31"), serial("2025-03-02"))).toBe(
      62.87,
    );
  });

  test("paid on the due date there is neither interest nor fee", async () => {
    expect(await CGV.lateFee("omi", 2500, serial("2025-01-31"), serial("2025-01-31"))).toBe(0);
    expect(await CGV.recoveryFee("omi", serial("2025-01-31"), serial("2025-01-31"))).toBe(0);
  });

  test("the contractual floor binds in both half-years of a Digitalli late period", async () => {
    // 15 days in 2024-H1 at max(14.50, 15.21) % + 15 days in 2024-H2 at max(14.25, 14.76) %:
    // 8000 × (0.1521 × 15 + 0.1476 × 15) / 365 = 98.53.
    expect(await CGV.lateInterest("digitalli", 8000, serial("2024-06-15"), serial("2024-07-15"))).toBe(98.53);
  });

  test("the Injenius statutory default (ECB + 10) is not floored", async () => {
    // 8000 × (0.145 × 15 + 0.1425 × 15) / 365 = 94.52.
    expect(await CGV.lateInterest("injenius", 8000, serial("2024-06-15"), serial("2024-07-15"))).toBe(94.52);
  });

  test("partial payments arrive as a two-column range and reduce the balance from their date", async () => {
    // 1000 € late 10 days + 1000 € late 30 days at 11.13 %: 40 000 × 0.1113 / 365 = 12.197… → 12.20.
    const payments = [[serial("2025-03-11"), 1000]];
    expect(
      await CGV.lateInterest("sillage", 2000, serial("2025-03-01"), serial("2025-03-31"), payments),
    ).toBe(12.2);
  });

  test("blank rows of a payments range are ignored and text dates and amounts are read", async () => {
    const payments = [
      [null, null],
      ["11/03/2025", "1 000,00 €"],
      ["", ""],
    ];
    expect(
      await CGV.lateInterest("sillage", 2000, serial("2025-03-01"), serial("2025-03-31"), payments),
    ).toBe(12.2);
  });

  test("a payments range that is not two columns is #VALUE! that says so", async () => {
    const e = await excelError(() =>
      CGV.lateInterest("sillage", 2000, serial("2025-03-01"), serial("2025-03-31"), [[serial("2025-03-11")]]),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/payments/);
  });

  test("justified recovery costs above 40 € replace the fee where the vendor allows it", async () => {
    // OMI: 40 € or the justified costs when higher (L441-10 II); 75 € of costs → 75 €.
    expect(await CGV.recoveryFee("omi", serial("2025-01-31"), serial("2025-03-02"), 75)).toBe(75);
    expect(await CGV.recoveryFee("omi", serial("2025-01-31"), serial("2025-03-02"), 25)).toBe(40);
    expect(await CGV.recoveryFee("omi", serial("2025-01-31"), serial("2025-03-02"))).toBe(40);
  });

  test("a consumer owes no 40 € recovery fee (Xiahdeh serves consumers, art. 9.2)", async () => {
    expect(
      await CGV.recoveryFee("xiahdeh", serial("2025-01-31"), serial("2025-03-02"), null, "consumer"),
    ).toBe(0);
    expect(
      await CGV.recoveryFee("xiahdeh", serial("2025-01-31"), serial("2025-03-02"), null, "particulier"),
    ).toBe(0);
  });

  test("a consumer client for a vendor that serves only professionals is #N/A: its terms do not apply", async () => {
    const e = await excelError(() =>
      CGV.lateFee("omi", 2500, serial("2025-01-31"), serial("2025-03-02"), BLANK_RANGE, null, "consumer"),
    );
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/consumer|professional/);
  });

  test("an unknown client type is #VALUE! naming clientType", async () => {
    expect(
      (
        await excelError(() =>
          CGV.lateFee("omi", 2500, serial("2025-01-31"), serial("2025-03-02"), BLANK_RANGE, null, "vip"),
        )
      ).message,
    ).toMatch(/clientType/);
  });

  test("a negative or non-numeric amount is #VALUE! naming amount", async () => {
    expect(
      (await excelError(() => CGV.lateFee("omi", -2500, serial("2025-01-31"), serial("2025-03-02")))).message,
    ).toMatch(/amount/);
    expect(
      (await excelError(() => CGV.lateFee("omi", "deux mille", serial("2025-01-31"), serial("2025-03-02"))))
        .message,
    ).toMatch(/amount/);
    expect(
      (await excelError(() => CGV.lateFee("omi", null, serial("2025-01-31"), serial("2025-03-02")))).message,
    ).toMatch(/amount/);
  });

  test("a late day in a half-year the rate table does not know is #NUM!", async () => {
    // The shipped table is known through 2026-H1; Excel shows #NUM! without a message, EXPLAIN says which.
    expect(
      (await excelError(() => CGV.lateFee("omi", 2500, serial("2026-06-15"), serial("2026-08-01")))).code,
    ).toBe("#NUM!");
    expect(await CGV.explain("LATEFEE", "omi", 2500, serial("2026-06-15"), serial("2026-08-01"))).toBe(
      "LATEFEE: #NUM! the French legal interest rate for the 2nd half of 2026 is not in the rate table — add it under Settings > Rates in the Échéance pane (or --rates on the command line)",
    );
  });
});

describe("PENALTYRATE", () => {
  test("Injenius on 1 March 2024 is the ECB rate of 1 January 2024 (4.50 %) plus 10 points", async () => {
    expect(await CGV.penaltyRate("injenius", serial("2024-03-01"))).toBe(0.145);
  });

  test("OMI in 2025-H1 is 3 × the professional legal rate of 3.71 %", async () => {
    expect(await CGV.penaltyRate("omi", serial("2025-03-01"))).toBe(0.1113);
  });
});

describe("subscriptions", () => {
  test("OMI renews yearly from the start and the notice deadline is two months before", async () => {
    expect(await CGV.renewalDate("omi", serial("2023-09-01"), serial("2025-05-20"))).toBe(
      serial("2025-09-01"),
    );
    expect(await CGV.noticeDeadline("omi", serial("2023-09-01"), serial("2025-05-20"))).toBe(
      serial("2025-07-01"),
    );
  });

  test("omi renewal moves to one year after a module added in the last 3 months, blank plan meaning the default", async () => {
    const args = ["omi", serial("2023-09-01"), serial("2025-06-20"), null, serial("2025-06-15")] as const;
    expect(await CGV.renewalDate(...args)).toBe(serial("2026-06-15"));
    expect(await CGV.noticeDeadline(...args)).toBe(serial("2026-04-15"));
  });

  test("a notice on the deadline ends the contract before the renewal; one day late costs a year", async () => {
    expect(await CGV.endDate("omi", serial("2023-09-01"), serial("2025-07-01"))).toBe(serial("2025-08-31"));
    expect(await CGV.endDate("omi", serial("2023-09-01"), serial("2025-07-02"))).toBe(serial("2026-08-31"));
  });

  test("Sillage: renewal at the end of the commitment, then monthly notice and end dates", async () => {
    expect(await CGV.renewalDate("sillage", serial("2025-05-31"), serial("2026-05-20"))).toBe(
      serial("2026-05-31"),
    );
    expect(await CGV.noticeDeadline("sillage", serial("2025-05-31"), serial("2026-05-20"))).toBe(
      serial("2026-05-31"),
    );
    expect(await CGV.endDate("sillage", serial("2025-05-31"), serial("2026-05-20"))).toBe(
      serial("2026-06-29"),
    );
  });

  test("Sillage early termination: the months not yet started of the commitment, monthly fee as text", async () => {
    // 10 Sep, 10 Oct, 10 Nov, 10 Dec, 10 Jan remain: 5 × 800 (19.2).
    expect(await CGV.terminationFee("sillage", serial("2025-02-10"), serial("2025-09-01"), 800)).toBe(4000);
    expect(await CGV.terminationFee("sillage", serial("2025-02-10"), serial("2025-09-01"), "800,00 €")).toBe(
      4000,
    );
  });

  test("Injenius without commitment ends at the end of the month of the notice (art. 4)", async () => {
    expect(await CGV.endDate("injenius", serial("2024-10-01"), serial("2025-04-12"), "no-commitment")).toBe(
      serial("2025-04-30"),
    );
  });

  test("Xiahdeh has no renewal: #N/A with the clause that says why", async () => {
    const e = await excelError(() => CGV.renewalDate("xiahdeh", serial("2025-01-01"), serial("2025-06-01")));
    expect(e).toEqual({ code: "#N/A", message: expect.stringContaining("13.3") });
  });

  test("an unknown plan is #VALUE! listing the vendor's plans", async () => {
    const e = await excelError(() =>
      CGV.renewalDate("injenius", serial("2024-10-01"), serial("2025-04-12"), "gold"),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/no-commitment/);
  });

  test("a module-addition date is #N/A for a vendor without that rule", async () => {
    expect(
      (
        await excelError(() =>
          CGV.renewalDate("sillage", serial("2025-05-31"), serial("2026-05-20"), null, serial("2026-05-01")),
        )
      ).code,
    ).toBe("#N/A");
  });
});

describe("DEADLINE and CLAUSEAMOUNT", () => {
  test("seven jours ouvrés skip Christmas, and 26 December too under the Alsace-Moselle calendar", async () => {
    expect(await CGV.deadline("sillage", "acceptance-anomalies", serial("2025-12-19"))).toBe(
      serial("2025-12-31"),
    );
    expect(await CGV.deadline("sillage+alsace-moselle", "acceptance-anomalies", serial("2025-12-19"))).toBe(
      serial("2026-01-02"),
    );
  });

  test("an hour deadline keeps the time of day: 48 h after 10:30 on 2 June is 10:30 on 4 June", async () => {
    const from = serial("2025-06-02") + 10.5 / 24;
    const result = await CGV.deadline("digitalli", "delivery-claim", from);
    expect(result).toBeCloseTo(serial("2025-06-04") + 10.5 / 24, 9);
  });

  test("an unknown event is #VALUE! listing the vendor's events", async () => {
    const e = await excelError(() => CGV.deadline("xiahdeh", "payment", serial("2025-07-10")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/invoice-contest/);
  });

  test("Xiahdeh's late-content surcharge is 5 % per completed 3-month tranche (6.3)", async () => {
    // Content supplied 6 months after the quote was accepted: 2 tranches = 10 % of 12 000 = 1200.
    expect(
      await CGV.clauseAmount(
        "xiahdeh",
        "content-late-surcharge",
        12000,
        serial("2025-01-15"),
        serial("2025-07-15"),
      ),
    ).toBe(1200);
    // 4 months: 1 completed tranche = 5 % = 600.
    expect(
      await CGV.clauseAmount(
        "xiahdeh",
        "content-late-surcharge",
        12000,
        serial("2025-01-15"),
        serial("2025-05-15"),
      ),
    ).toBe(600);
  });
});

describe("EXPLAIN and VENDORS", () => {
  test("EXPLAIN gives the result, the steps and their clause citations", async () => {
    const text = await CGV.explain("LATEFEE", "omi", 2500, serial("2025-01-31"), serial("2025-03-02"));
    expect(text.split("\n")[0]).toBe("LATEFEE = 62.87");
    expect(text).toMatch(/OMI CGA/);
    expect(text).toMatch(/L441-10/);
  });

  test("EXPLAIN of an error explains the error", async () => {
    const text = await CGV.explain("RENEWALDATE", "xiahdeh", serial("2025-01-01"), serial("2025-06-01"));
    expect(text).toMatch(/^RENEWALDATE: #N\/A .*13\.3/);
  });

  test("EXPLAIN of an unknown function is #VALUE! listing the functions", async () => {
    const e = await excelError(() => CGV.explain("SUM", "omi"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/LATEFEE/);
  });

  test("VENDORS spills a rectangular table: a header row and one row per vendor", async () => {
    const table = await CGV.vendors();
    expect(table).toHaveLength(7);
    expect(table[0]?.[0]).toBe("id");
    expect(table.slice(1).map((r) => r[0])).toEqual([
      "omi",
      "sillage",
      "xiahdeh",
      "injenius",
      "digitalli",
      "loi",
    ]);
    for (const row of table) expect(row).toHaveLength(table[0]?.length ?? 0);
  });
});

describe("French Excel", () => {
  test("messages are in French when the context is French", async () => {
    SHARED_RUNTIME.update({ lang: "fr" });
    const e = await excelError(() => CGV.dueDate("omi", "31/02/2025"));
    expect(e.message).toMatch(/n'est pas une date/);
    // The value and the steps as a French accountant writes them (decimal comma, dd/mm/yyyy, « d'OMI »).
    const text = await CGV.explain(
      "PENALITESRETARD",
      "omi",
      2500,
      serial("2025-01-31"),
      serial("2025-03-02"),
    );
    expect(text.split("\n")[0]).toBe("PENALITESRETARD = 62,87");
    expect(text).toContain("Taux des pénalités de retard d'OMI");
    expect(text).toContain("Jours de retard : du lendemain de l'échéance du 31/01/2025 au 02/03/2025 : 30.");
    expect(text).toContain("1er semestre 2025 : taux contractuel 11,13 %");
    expect(text).toContain("Total : 22,87 + 40,00 = 62,87 €.");
  });
});

test("every function returns a finite number, a string or a matrix — never NaN or undefined", async () => {
  const values: unknown[] = await Promise.all([
    CGV.dueDate("omi", serial("2025-03-10")),
    CGV.lateFee("omi", 2500, serial("2025-01-31"), serial("2025-03-02")),
    CGV.penaltyRate("omi", serial("2025-03-01")),
    CGV.renewalDate("omi", serial("2023-09-01"), serial("2025-05-20")),
  ]);
  for (const v of values) expect(typeof v === "number" && Number.isFinite(v)).toBe(true);
});
