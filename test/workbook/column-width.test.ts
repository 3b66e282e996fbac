import {
  referenceColumnWidth,
  resultColumnWidth,
  characterWidthToPoints,
} from "../../src/workbook/column-width";

/** Widths of the register's columns in the copy and in the pane (issue 21: references cut in print). */

describe("the reference column is widened when its references would be cut, never narrowed", () => {
  test("« OMI-2024-0001 » (13 characters) in the sample's old 12-character column: widened to 13 + 2 = 15", () => {
    expect(referenceColumnWidth(12, ["OMI-2024-0001", "OMI-2026-0050"])).toBe(15);
  });

  test("a column without a width is Excel's 8.43 characters: « F-2025-118 » (10) needs 12", () => {
    expect(referenceColumnWidth(undefined, ["F-2025-118"])).toBe(12);
  });

  test("a column already wide enough keeps the user's width (undefined: nothing to write)", () => {
    expect(referenceColumnWidth(20, ["OMI-2024-0001"])).toBeUndefined();
    expect(referenceColumnWidth(15, ["OMI-2024-0001"])).toBeUndefined();
  });

  test("numbers count with their digits, blanks and other values not at all; at most 40 characters", () => {
    expect(referenceColumnWidth(8, [20250001, null, true, ""])).toBe(10); // 8 digits + 2
    expect(referenceColumnWidth(12, ["  A-1  "])).toBeUndefined(); // trimmed: 3 + 2 = 5
    expect(referenceColumnWidth(12, ["x".repeat(200)])).toBe(40);
  });
});

test("a result column fits its header and its values' format (unchanged rule)", () => {
  // « Indemnité de recouvrement » 25 characters: ⌈25 × 1.1⌉ + 2 = 30; a date column at least 12.
  expect(resultColumnWidth("Indemnité de recouvrement", "money")).toBe(30);
  expect(resultColumnWidth("Échéance", "date")).toBe(12);
  expect(characterWidthToPoints(15)).toBe(78.75);
});
