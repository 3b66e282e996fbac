import { resultColumnWidth, characterWidthToPoints } from "../../src/write/column-width";

/** Widths of Apply's result columns, one rule for the pane and the xlsx copy. */

test("a result column fits its header and its values' format ; Excel characters to Office.js points", () => {
  // « Indemnité de recouvrement » 25 characters: ⌈25 × 1.1⌉ + 2 = 30; a date column at least 12.
  expect(resultColumnWidth("Indemnité de recouvrement", "money")).toBe(30);
  expect(resultColumnWidth("Échéance", "date")).toBe(12);
  expect(characterWidthToPoints(15)).toBe(78.75);
});
