import { csvNumber, Decimal } from "../../src/engine";

/**
 * A figure as a CSV file or a fixed-width table holds it (the CSV sink, the statement's CSV, the rate
 * table of `echeance rates`): the language's decimal mark, no thousands separator, the decimals asked
 * for kept even when they are zeros.
 */

test("French takes a decimal comma and English a dot, with no thousands separator", () => {
  expect(csvNumber(new Decimal("4349.03"), "fr", 2)).toBe("4349,03");
  expect(csvNumber(new Decimal("4349.03"), "en", 2)).toBe("4349.03");
});

test("the decimals asked for stay, zeros included: the 40 € fee is « 40,00 », a rate « 2,40 »", () => {
  expect(csvNumber(40, "fr", 2)).toBe("40,00");
  expect(csvNumber(40, "en", 2)).toBe("40.00");
  expect(csvNumber("2.40", "fr", 2)).toBe("2,40");
  // Without a number of decimals, as short as the figure is exact.
  expect(csvNumber("2.40", "fr")).toBe("2,4");
});

test("amounts already rounded to the cent come out as they are (22,87 €, a credit note −200,00 €)", () => {
  expect(csvNumber(22.87, "fr", 2)).toBe("22,87");
  expect(csvNumber(-200, "fr", 2)).toBe("-200,00");
});
