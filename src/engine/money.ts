import DecimalJs from "decimal.js";

/**
 * Money and rates are decimals, never binary floating point (docs/conventions.md#decimal-money). One module-private Decimal
 * configuration: the global `Decimal.set` is never touched, so a host page's settings cannot change
 * our rounding.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/**
 * The one rounding of money in the engine: to the cent, half up (docs/terms.md#the-statutory-frame: "interest is rounded to
 * the cent, half up, once per invoice"). Everything before this stays exact.
 */
export function roundToCent(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A percentage written as in the law ("3.71") as a fraction (0.0371). */
export function percent(text: string | number): Decimal {
  return new Decimal(text).div(100);
}

/**
 * Whether an amount is above zero, read from its sign and digits: `amount.gt(0)` makes a decimal of
 * the 0 (and a copy of any decimal it is given) to compare with, per invoice in a bulk run.
 */
export function aboveZero(amount: Decimal): boolean {
  return amount.isPos() && !amount.isZero();
}

export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/** 2^53: integers below it are exact in a double. */
const EXACT_INTEGERS = 2 ** 53;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * An amount rounded to the cent as the number handed to Excel: the double nearest to it, the same
 * number as `amount.toNumber()` (whose text is parsed back), found from its digits without making a
 * text per amount — a register's million rows hand over three amounts each. Its whole cents are
 * added up exactly (integers below 2^53) and divided by 100 once, a division IEEE 754 rounds to the
 * nearest double, as parsing the text does. Anything else (not whole cents, beyond 2^53 cents, not
 * finite) goes through `toNumber`.
 */
export function centsToNumber(amount: Decimal): number {
  // decimal.js's documented read-only properties: digits in base 1e7, the exponent of the first
  // digit, the sign.
  const {
    d: words,
    e: exponent,
    s: sign,
  } = amount as unknown as { d: number[] | null; e: number; s: number };
  if (!words) return amount.toNumber();
  const first = words[0] as number;
  let firstDigits = 1;
  while (first >= (POWERS_OF_TEN[firstDigits] as number) && firstDigits < 7) firstDigits += 1;
  let cents = 0;
  // The power of ten (in cents) of word i's last digit.
  let power = exponent - firstDigits + 3;
  for (let i = 0; i < words.length; i++, power -= 7) {
    const word = words[i] as number;
    let term: number;
    if (power >= 0) {
      if (power > 15) return amount.toNumber();
      term = word * (POWERS_OF_TEN[power] as number);
    } else {
      if (power < -15) return amount.toNumber();
      const unit = POWERS_OF_TEN[-power] as number;
      // A digit below the cent: not an amount in whole cents.
      if (word % unit !== 0) return amount.toNumber();
      term = word / unit;
    }
    cents += term;
    if (term >= EXACT_INTEGERS || cents >= EXACT_INTEGERS) return amount.toNumber();
  }
  return sign < 0 ? -cents / 100 : cents / 100;
}
