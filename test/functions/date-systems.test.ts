import { excelError, serial } from "./custom-functions-shim";
import * as CGV from "../../src/office/functions";
import { FunctionRuntime } from "../../src/functions/runtime";
import { SHARED_RUNTIME } from "../../src/functions/shared-runtime";

/**
 * Excel's two date systems. A 1900 workbook numbers 1 January 1900 as 1 (with the phantom
 * 29 February 1900); a 1904 workbook (old Mac files) numbers 1 January 1904 as 0, so every serial is
 * 1462 lower for the same day. The functions read and return serials of the workbook's system, and
 * refuse a date result Excel cannot show (before its first date, after 31/12/9999) with #NUM!.
 */

/** Serial of a day in the 1904 date system, computed independently: days since 1 January 1904. */
function serial1904(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000;
}

afterEach(() => SHARED_RUNTIME.update({ lang: "en", dateSystem: 1900 }));

describe("a 1904 workbook", () => {
  beforeEach(() => SHARED_RUNTIME.update({ dateSystem: 1904 }));

  test("dates in and out are its serials: 10 March 2025 + 30 days is 9 April 2025, not four years off", async () => {
    expect(serial1904("2025-03-10")).toBe(serial("2025-03-10") - 1462);
    expect(await CGV.dueDate("omi", serial1904("2025-03-10"))).toBe(serial1904("2025-04-09"));
  });

  test("text dates mean the same day in both systems", async () => {
    expect(await CGV.dueDate("omi", "10/03/2025")).toBe(serial1904("2025-04-09"));
  });

  test("late interest, payments and subscriptions read its serials", async () => {
    // 2500 × 11.13 % × 30 / 365 = 22.87 + 40 € = 62.87.
    expect(await CGV.lateFee("omi", 2500, serial1904("2025-01-31"), serial1904("2025-03-02"))).toBe(62.87);
    // 1000 € late 10 days + 1000 € late 30 days at 11.13 % → 12.20.
    expect(
      await CGV.lateInterest("sillage", 2000, serial1904("2025-03-01"), serial1904("2025-03-31"), [
        [serial1904("2025-03-11"), 1000],
        [0, 0],
      ]),
    ).toBe(12.2);
    expect(await CGV.renewalDate("omi", serial1904("2023-09-01"), serial1904("2025-05-20"))).toBe(
      serial1904("2025-09-01"),
    );
  });

  test("a deadline in hours keeps its time of day", async () => {
    // Digitalli: 48 h after 10:30 on 2 June 2025 is 10:30 on 4 June 2025.
    const result = await CGV.deadline("digitalli", "delivery-claim", serial1904("2025-06-02") + 10.5 / 24);
    expect(result).toBeCloseTo(serial1904("2025-06-04") + 10.5 / 24, 9);
  });

  test("0 is still an empty cell, not 1 January 1904", async () => {
    expect((await excelError(() => CGV.dueDate("omi", 0))).message).toMatch(/^invoiceDate is required/);
  });

  test("a result before 1 January 1904 is #NUM!, and EXPLAIN says it is before the system's first date", async () => {
    // Sillage training: free cancellation up to 7 jours ouvrés before the session. From Monday
    // 4 January 1904 back, skipping the weekends, 1 January and Christmas: 31, 30, 29, 28, 24, 23, 22
    // December 1903, which a 1904 workbook cannot show.
    expect((await excelError(() => CGV.deadline("sillage", "training-free-cancellation", 3))).code).toBe(
      "#NUM!",
    );
    expect(await CGV.explain("DEADLINE", "sillage", "training-free-cancellation", 3)).toBe(
      "DEADLINE: #NUM! The result, 1903-12-22, is before 1904-01-01, the first date of Excel's 1904 date system.",
    );
  });
});

describe("a 1900 workbook", () => {
  test("the same numbers are other days: the 1904 serial of 10 March 2025 is 9 March 2021 here", async () => {
    // What the functions computed in a 1904 workbook before they knew its date system (issue 14).
    expect(await CGV.dueDate("omi", serial1904("2025-03-10"))).toBe(serial("2021-04-08"));
  });

  test("a result after 31/12/9999 is #NUM!, never a date Excel cannot show", async () => {
    expect((await excelError(() => CGV.dueDate("omi", serial("9999-12-31")))).code).toBe("#NUM!");
    // 31 December 9999 + 30 days = 30 January 10000.
    expect(await CGV.explain("DUEDATE", "omi", serial("9999-12-31"))).toBe(
      "DUEDATE: #NUM! The result, 10000-01-30, is after 9999-12-31, Excel's last date.",
    );
  });

  test("a result before 1 January 1900 is #NUM! too", async () => {
    // 7 jours ouvrés before Wednesday 3 January 1900: 2 January, then 29, 28, 27, 26, 22, 21 December
    // 1899 (1 January, the weekends and Christmas skipped).
    expect((await excelError(() => CGV.deadline("sillage", "training-free-cancellation", 3))).code).toBe(
      "#NUM!",
    );
    expect(await CGV.explain("DEADLINE", "sillage", "training-free-cancellation", 3)).toBe(
      "DEADLINE: #NUM! The result, 1899-12-21, is before 1900-01-01, the first date of Excel's 1900 date system.",
    );
  });

  test("in French, the reason is written with French dates", async () => {
    SHARED_RUNTIME.update({ lang: "fr" });
    expect(await CGV.explain("DATEECHEANCE", "omi", serial("9999-12-31"))).toBe(
      "DATEECHEANCE : #NUM! Le résultat, 30/01/10000, est postérieur au 31/12/9999, dernière date d'Excel.",
    );
  });
});

describe("the runtime learns the date system once, from the host", () => {
  test("a probe answering 1904 switches the runtime to it; a second probe is not asked", async () => {
    const runtime = new FunctionRuntime();
    let asked = 0;
    const probe = () => {
      asked += 1;
      return Promise.resolve(1904 as const);
    };
    await expect(runtime.probeDateSystem(probe)).resolves.toBe(1904);
    await expect(runtime.probeDateSystem(probe)).resolves.toBe(1904);
    expect(asked).toBe(1);
    expect(runtime.dateSystem).toBe(1904);
    const out = runtime.evaluate("DUEDATE", ["omi", serial1904("2025-03-10")]);
    expect(out).toEqual({ ok: true, value: { type: "date", day: expect.any(Number), fraction: 0 } });
  });

  test("a probe that fails leaves the 1900 system", async () => {
    const runtime = new FunctionRuntime();
    await expect(runtime.probeDateSystem(() => Promise.reject(new Error("no Excel")))).resolves.toBe(1900);
    expect(runtime.dateSystem).toBe(1900);
    const other = new FunctionRuntime();
    const throwing = () => {
      throw new ReferenceError("Excel is not defined");
    };
    await expect(other.probeDateSystem(throwing)).resolves.toBe(1900);
  });
});
