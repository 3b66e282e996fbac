import { ERROR_CODES, excelError, serial } from "./custom-functions-shim";
import * as CGV from "../../src/office/functions";
import { SHARED_RUNTIME } from "../../src/functions/shared-runtime";
import { FUNCTION_SIGNATURES } from "../../src/functions/signatures";

/**
 * What Excel hands the functions for an empty cell: null or nothing for an omitted argument, "" for
 * an empty text, and 0 on desktop Excel for an empty cell given to an `any` parameter or inside a
 * range (office-js issues 4702, 5262, 1951). Every optional argument, given any of these, computes as
 * if left out; a required one is named as missing; amounts keep 0 as a real amount.
 */

beforeEach(() => SHARED_RUNTIME.update({ lang: "en", dateSystem: 1900 }));

const BLANKS: readonly { readonly name: string; readonly value: unknown }[] = [
  { name: "0 (desktop Excel's empty cell)", value: 0 },
  { name: "null", value: null },
  { name: '""', value: "" },
  { name: "undefined", value: undefined },
];

/** The function Excel calls for a signature: the export of functions.ts whose name it uppercases to. */
function excelFunction(name: string): (...args: unknown[]) => unknown {
  const found = Object.entries(CGV).find(([js]) => js.toUpperCase() === name)?.[1];
  if (typeof found !== "function") throw new Error(`functions.ts exports no ${name}`);
  return found as (...args: unknown[]) => unknown;
}

/**
 * One call per function with its required arguments only, and the value worked out by hand. Each
 * optional argument is then given each blank in turn and must not change the value.
 */
const CALLS: Readonly<Record<string, { readonly args: readonly unknown[]; readonly value: unknown }>> = {
  // OMI CGA 6.3: 30 days. 10 March 2025 + 30 = 9 April 2025.
  DUEDATE: { args: ["omi", serial("2025-03-10")], value: serial("2025-04-09") },
  // 2500 × 3 × 3.71 % × 30 / 365 = 22.87; + 40 € (D441-5) = 62.87.
  LATEFEE: { args: ["omi", 2500, serial("2025-01-31"), serial("2025-03-02")], value: 62.87 },
  LATEINTEREST: { args: ["omi", 2500, serial("2025-01-31"), serial("2025-03-02")], value: 22.87 },
  RECOVERYFEE: { args: ["omi", serial("2025-01-31"), serial("2025-03-02")], value: 40 },
  // 3 × 3.71 % in 2025-H1.
  PENALTYRATE: { args: ["omi", serial("2025-03-01")], value: 0.1113 },
  // Yearly from 1 Sep 2023: next renewal after 20 May 2025 is 1 Sep 2025; notice 2 months before.
  RENEWALDATE: { args: ["omi", serial("2023-09-01"), serial("2025-05-20")], value: serial("2025-09-01") },
  NOTICEDEADLINE: { args: ["omi", serial("2023-09-01"), serial("2025-05-20")], value: serial("2025-07-01") },
  // A notice on the 1 July deadline stops the 1 Sep 2025 renewal: bound until 31 Aug 2025.
  ENDDATE: { args: ["omi", serial("2023-09-01"), serial("2025-07-01")], value: serial("2025-08-31") },
  // Sillage 19.2: 10 Sep, 10 Oct, 10 Nov, 10 Dec, 10 Jan still to start: 5 × 800.
  TERMINATIONFEE: { args: ["sillage", serial("2025-02-10"), serial("2025-09-01"), 800], value: 4000 },
  // Xiahdeh 10.2: 30 % of 12 000 € when the client cancels before the start.
  CLAUSEAMOUNT: { args: ["xiahdeh", "cancellation-before-start", 12000], value: 3600 },
  EXPLAIN: {
    args: ["DUEDATE", "omi", serial("2025-03-10")],
    value: expect.stringMatching(/^DUEDATE = 2025-04-09\n1\. /),
  },
};

describe("every optional argument given a blank computes as if left out", () => {
  test("every function with optional arguments is in the table", async () => {
    const withOptional = FUNCTION_SIGNATURES.filter((s) => s.params.some((p) => p.optional)).map(
      (s) => s.name,
    );
    expect(Object.keys(CALLS).sort()).toEqual(withOptional.sort());
  });

  // EXPLAIN's optional arguments are those of the function explained: the ones past DUEDATE's date.
  const cases = FUNCTION_SIGNATURES.flatMap((sig) =>
    sig.params.flatMap((p, index) =>
      p.optional && index >= (CALLS[sig.name]?.args.length ?? 0)
        ? BLANKS.map((blank) => ({ fn: sig.name, param: p.name, index, blank }))
        : [],
    ),
  );
  test.each(cases)("$fn with $param given $blank.name", async ({ fn, index, blank }) => {
    const call = CALLS[fn]!;
    const args = [...call.args];
    while (args.length < index) args.push(null);
    args[index] = blank.value;
    expect(await excelFunction(fn)(...args)).toEqual(call.value);
  });

  test("without the blanks, each call gives its hand-worked value", async () => {
    for (const [fn, call] of Object.entries(CALLS))
      expect(await excelFunction(fn)(...call.args)).toEqual(call.value);
  });
});

describe("a required argument given a blank is named as missing", () => {
  const required = FUNCTION_SIGNATURES.flatMap((sig) =>
    sig.params.flatMap((p, index) =>
      !p.optional && p.type !== "amount"
        ? BLANKS.map((blank) => ({ fn: sig.name, param: p.name, index, blank }))
        : [],
    ),
  );

  test.each(required)("$fn: $param given $blank.name", async ({ fn, param, index, blank }) => {
    const args = [...(CALLS[fn]?.args ?? ["sillage", "acceptance-anomalies", serial("2025-12-19")])];
    args[index] = blank.value;
    if (fn === "EXPLAIN" && param === "vendor") {
      // EXPLAIN explains the error of the function it explains.
      expect(await excelFunction(fn)(...args)).toBe(
        "DUEDATE: #VALUE! vendor is required: expected a vendor id or name.",
      );
      return;
    }
    const e = await excelError(() => excelFunction(fn)(...args));
    expect(e.code).toBe(ERROR_CODES.invalidValue);
    expect(e.message).toMatch(new RegExp(`^${param} is required: expected `));
  });

  test("a date given 0 is never the phantom 0 January 1900, in French either", async () => {
    SHARED_RUNTIME.update({ lang: "fr" });
    expect((await excelError(() => CGV.dueDate("omi", 0))).message).toBe(
      "dateFacture est obligatoire : attendu une date (date Excel, 2025-03-31 ou 31/03/2025).",
    );
  });
});

describe("amounts keep 0: it is a real amount", () => {
  test("an invoice of 0 € owes nothing, a monthly fee of 0 € costs nothing, 0 % of 0 € is 0", async () => {
    expect(await CGV.lateFee("omi", 0, serial("2025-01-31"), serial("2025-03-02"))).toBe(0);
    expect(await CGV.terminationFee("sillage", serial("2025-02-10"), serial("2025-09-01"), 0)).toBe(0);
    expect(await CGV.clauseAmount("xiahdeh", "cancellation-before-start", 0)).toBe(0);
  });

  test("justified recovery costs of 0 € leave the 40 € fee", async () => {
    expect(await CGV.recoveryFee("omi", serial("2025-01-31"), serial("2025-03-02"), 0)).toBe(40);
  });
});

describe("payments ranges with empty cells", () => {
  // 1000 € late 10 days + 1000 € late 30 days at 11.13 %: 40 000 × 0.1113 / 365 = 12.197… → 12.20.
  const due = serial("2025-03-01");
  const paid = serial("2025-03-31");

  test("rows of 0 and 0 are empty rows, above, between and below the payments", async () => {
    const payments = [
      [0, 0],
      [serial("2025-03-11"), 1000],
      [0, 0],
      [null, 0],
      ["", null],
    ];
    expect(await CGV.lateInterest("sillage", 2000, due, paid, payments)).toBe(12.2);
  });

  test("a range of empty cells is no payment at all", async () => {
    // 2000 € late 30 days: 2000 × 0.1113 × 30 / 365 = 18.30.
    expect(await CGV.lateInterest("sillage", 2000, due, paid, [[0, 0]])).toBe(18.3);
    expect(
      await CGV.lateInterest("sillage", 2000, due, paid, [
        [0, 0],
        [0, 0],
      ]),
    ).toBe(18.3);
  });

  test("a row with a date and an empty amount, or an amount and an empty date, is named as incomplete", async () => {
    for (const row of [
      [serial("2025-03-11"), 0],
      [0, 500],
    ]) {
      const e = await excelError(() => CGV.lateInterest("sillage", 2000, due, paid, [row]));
      expect(e).toEqual({
        code: "#VALUE!",
        message: "payments row 1: both a date and an amount are needed.",
      });
    }
  });
});

describe("EXPLAIN hands blanks on as the explained function reads them", () => {
  test("an empty invoice kind cell (0) and empty cells past the function's arguments change nothing", async () => {
    const plain = await CGV.explain("DUEDATE", "omi", serial("2025-03-10"));
    expect(await CGV.explain("DUEDATE", "omi", serial("2025-03-10"), 0)).toBe(plain);
    expect(await CGV.explain("DUEDATE", "omi", serial("2025-03-10"), null, 0, 0, 0)).toBe(plain);
    expect(await CGV.explain("DUEDATE", "omi", serial("2025-03-10"), 0, "", 0)).toBe(plain);
  });

  test("a vendor given 0 is named as missing", async () => {
    expect((await excelError(() => CGV.dueDate(0 as unknown as string, serial("2025-03-10")))).message).toBe(
      "vendor is required: expected a vendor id or name.",
    );
  });
});
