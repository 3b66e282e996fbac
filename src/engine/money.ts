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

export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}
