import { aboveZero, centsToNumber, Decimal } from "../../src/engine";

/**
 * The texts whose amount `centsToNumber` does not hand over as the number Excel must receive: the
 * double nearest the amount, as parsing its text gives (-0 kept).
 */
function notAsParsed(texts: readonly string[]): string[] {
  return texts.filter((text) => !Object.is(centsToNumber(new Decimal(text)), new Decimal(text).toNumber()));
}

describe("an amount in cents handed to Excel", () => {
  test("is the same double as the amount's text parsed back, for everyday amounts", () => {
    const everyday = ["0", "40", "0.05", "0.1", "1234.56", "-12.3", "7000000.01", "10000000", "86204388.09"];
    expect(notAsParsed(everyday)).toEqual([]);
  });

  test("keeps the sign of a negative zero, as the text « -0 » parses", () => {
    expect(Object.is(centsToNumber(new Decimal("-0")), -0)).toBe(true);
  });

  test("is the same double on 200,000 amounts of every size, signs and cents (a seeded walk)", () => {
    let seed = 20261207;
    // MINSTD: the products stay below 2^53, so the walk is the same on every machine.
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const texts: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const digits = 1 + Math.floor(next() * 16);
      const cents = BigInt(Math.floor(next() * 10 ** digits));
      const whole = cents / 100n;
      const rest = (cents % 100n).toString().padStart(2, "0");
      texts.push(`${next() < 0.1 ? "-" : ""}${whole}.${rest}`);
    }
    expect(notAsParsed(texts)).toEqual([]);
  });

  test("near 2^53 cents, and beyond, is still the parsed double", () => {
    const large = ["90071992547409.91", "90071992547409.93", "99999999999999.99", "1e15", "1e20", "-1e22"];
    expect(notAsParsed(large)).toEqual([]);
  });

  test("an amount with digits below the cent (not yet rounded) is the parsed double too", () => {
    expect(notAsParsed(["0.005", "123.456", "1e-7", "-5e-3", "0.33333333333333333333"])).toEqual([]);
  });
});

describe("an amount above zero", () => {
  test("is a positive amount, not zero (nor minus zero), not a negative one", () => {
    expect(["0.01", "40", "1e-30"].map((t) => aboveZero(new Decimal(t)))).toEqual([true, true, true]);
    expect(["0", "-0", "-0.01", "-40"].map((t) => aboveZero(new Decimal(t)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
