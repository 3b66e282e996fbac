import fc from "fast-check";
import { FakeCustomFunctionsError } from "./custom-functions-shim";
import * as CGV from "../../src/office/functions";
import { FUNCTION_SIGNATURES } from "../../src/functions/signatures";

/**
 * Whatever an accountant pastes into a cell, a CGV function returns a value Excel can show or a
 * CustomFunctions.Error with a message — never another exception, NaN, Infinity or undefined.
 */

const BY_NAME: Record<string, (...args: never[]) => unknown> = {
  DUEDATE: CGV.dueDate,
  LATEFEE: CGV.lateFee,
  LATEINTEREST: CGV.lateInterest,
  RECOVERYFEE: CGV.recoveryFee,
  PENALTYRATE: CGV.penaltyRate,
  RENEWALDATE: CGV.renewalDate,
  NOTICEDEADLINE: CGV.noticeDeadline,
  ENDDATE: CGV.endDate,
  TERMINATIONFEE: CGV.terminationFee,
  DEADLINE: CGV.deadline,
  CLAUSEAMOUNT: CGV.clauseAmount,
  EXPLAIN: CGV.explain,
  VENDORS: CGV.vendors,
};

const vendorIds = fc.constantFrom(
  "omi",
  "sillage",
  "xiahdeh",
  "injenius",
  "digitalli",
  "OMI+flat",
  "xiahdeh+flat",
  "sillage+alsace-moselle",
  "",
  "acme",
  "omi+",
  "+",
);
const dates = fc.oneof(
  fc.integer({ min: 36526, max: 47000 }), // 2000–2028: mostly computable
  fc.double({ noNaN: false }),
  fc.constantFrom(
    0,
    1,
    59,
    60,
    61,
    -1,
    2958465,
    2958466,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.constantFrom(
    "2025-03-31",
    "31/03/2025",
    "31/02/2025",
    "2025-13-01",
    "00/00/0000",
    "9999-12-31",
    "0001-01-01",
    "=TODAY()",
    "#N/A",
  ),
);
const amounts = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    "1 234,56 €",
    "(12,00)",
    "-0",
    "1e400",
    "€",
    "12,34,56",
    "١٢٣",
    "0x10",
    "NaN",
    "Infinity",
    "=1+1",
  ),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "training",
    "standard",
    "no-commitment",
    "invoice-contest",
    "consumer",
  ),
);
const blank = fc.constantFrom(null, undefined, "", "   ");
const ranges = fc.oneof(
  fc.array(fc.array(fc.oneof(dates, amounts, blank), { minLength: 0, maxLength: 4 }), { maxLength: 5 }),
  fc.constant([[]]),
);
const anyCell = fc.oneof(dates, amounts, text, blank, fc.boolean(), ranges);

function argFor(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case "vendor":
      return fc.oneof({ weight: 4, arbitrary: vendorIds }, { weight: 1, arbitrary: anyCell });
    case "date":
      return fc.oneof({ weight: 4, arbitrary: dates }, { weight: 1, arbitrary: anyCell });
    case "amount":
      return fc.oneof({ weight: 4, arbitrary: amounts }, { weight: 1, arbitrary: anyCell });
    case "range":
      return fc.oneof({ weight: 4, arbitrary: ranges }, { weight: 1, arbitrary: anyCell });
    default:
      return anyCell;
  }
}

function checkResult(value: unknown): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value)).toBe(true);
  } else if (typeof value === "string") {
    // text is fine
  } else {
    expect(Array.isArray(value)).toBe(true);
    for (const row of value as unknown[][])
      for (const cell of row) expect(["string", "number"]).toContain(typeof cell);
  }
}

for (const sig of FUNCTION_SIGNATURES) {
  test(`${sig.name} never throws anything but a CustomFunctions.Error, never returns NaN or undefined`, async () => {
    const fn = BY_NAME[sig.name];
    expect(fn).toBeDefined();
    const args = sig.params.map((p) =>
      sig.name === "EXPLAIN" && p.name === "functionName"
        ? fc.oneof(fc.constantFrom(...FUNCTION_SIGNATURES.map((s) => s.name)), anyCell)
        : argFor(p.type),
    );
    await fc.assert(
      fc.asyncProperty(fc.tuple(...args), async (tuple) => {
        try {
          checkResult(await (fn as (...a: unknown[]) => unknown)(...tuple));
        } catch (e) {
          if (!(e instanceof FakeCustomFunctionsError)) throw e;
          if (e.code !== "#NUM!") expect(e.message.length).toBeGreaterThan(10);
          expect(e.message).not.toMatch(/Internal error|Erreur interne/);
          // The user's own text may be quoted back; outside quotes no NaN or undefined may leak.
          const unquoted = e.message.replace(/"[^"]*"|«[^»]*»/g, "");
          expect(unquoted).not.toMatch(/\bundefined\b|\bNaN\b|Infinity/);
        }
      }),
      { numRuns: 400 },
    );
  });
}
