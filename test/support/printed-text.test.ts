import {
  foreignItems,
  isWholeWordPiece,
  missingCells,
  overlappingItems,
  printProblems,
  type ExpectedCell,
  type PrintedItem,
} from "./printed-text";

/**
 * The print check on text items made by hand, in the shapes LibreOffice and pdf.js gave for the
 * D441-6 sheet before issue 21's fixes: a cell cut by the next one, two cells' texts read as one
 * run, a wrapped cell's lines over the next row — and the shapes of a right print.
 */

const cell = (address: string, text: string, more: Partial<ExpectedCell> = {}): ExpectedCell => ({
  address,
  text,
  wraps: false,
  rightAligned: false,
  ...more,
});
// Items on one page, 8 pt text; x and y in points, width as pdf.js measures the run.
const item = (str: string, x: number, y: number, width: number): PrintedItem => ({
  page: 1,
  str,
  x,
  y,
  width,
  height: 8,
});

test("pieces of a cell's text start and end on word boundaries (a blank, or after a hyphen or slash)", () => {
  expect(isWholeWordPiece("Délais contractuels", "☒ Délais contractuels")).toBe(true);
  expect(isWholeWordPiece("Délais contractue", "☒ Délais contractuels")).toBe(false);
  expect(isWholeWordPiece("03-31", "date Excel, 2025-03-31")).toBe(true);
  expect(isWholeWordPiece("lais", "☒ Délais")).toBe(false);
});

test("a cell cut by the next one is found: its piece is no cell's text, and the cell is not printed whole", () => {
  const cells = [cell("B14", "☒ Délais contractuels"), cell("C14", "☐ Délais légaux")];
  const items = [item("☒ Délais contractue", 323, 332.7, 70.4), item("☐ Délais légaux", 393.4, 332.7, 59.3)];
  expect(foreignItems(items, cells)).toEqual([
    "« ☒ Délais contractue » is not the whole text of a cell (cut, or run into the next cell's)",
  ]);
  expect(missingCells(items, cells)).toEqual([
    "« ☒ Délais contractuels » (B14) printed whole 0 time(s), held by 1 cell(s)",
  ]);
});

test("two texts closer than pdf.js's gap for a new run (0.6 em) are one item: run together", () => {
  const cells = [cell("B4", "0 jour (indicatif)"), cell("C4", "1 à 30 jours")];
  const items = [item("0 jour (indicatif) 1 à 30 jours", 323, 483.4, 119.4)];
  expect(foreignItems(items, cells)).toHaveLength(1);
  expect(missingCells(items, cells)).toHaveLength(2);
});

test("a right-aligned number then the next column's text is the spreadsheet's usual gap: both whole, let through", () => {
  const cells = [cell("N2", "0,00 €", { rightAligned: true }), cell("O2", "Payée à temps")];
  expect(printProblems([item("0,00 € Payée à temps", 500, 100, 60)], cells)).toEqual([]);
  // Not the other way round: a text reaching the next column's number is run into it.
  const reversed = [cell("A2", "Payée à temps"), cell("B2", "0,00 €", { rightAligned: true })];
  expect(foreignItems([item("Payée à temps 0,00 €", 500, 100, 60)], reversed)).toHaveLength(1);
});

test("a number too wide for its column (###) is no cell's text", () => {
  const cells = [cell("B5", "123 456 789 012,00 €", { rightAligned: true })];
  expect(printProblems([item("###", 330, 470, 15)], cells)).toHaveLength(2);
});

test("a wrapped cell may print line by line; each of its words must be on the page", () => {
  const text =
    "(B) Factures exclues du (A) relatives à des dettes et créances litigieuses ou non comptabilisées";
  const cells = [cell("A9", text, { wraps: true })];
  const lines = [
    item("(B) Factures exclues du (A) relatives à des dettes et créances", 51, 423.3, 252.9),
    item("litigieuses ou non comptabilisées", 51, 414.6, 138.2),
  ];
  expect(printProblems(lines, cells)).toEqual([]);
  // The second line lost (clipped at the row's bottom): its words are missing.
  expect(missingCells(lines.slice(0, 1), cells)).toEqual([
    "the word « litigieuses » of wrapped cells printed 0 of 1 time(s)",
    "the word « ou » of wrapped cells printed 0 of 1 time(s)",
    "the word « non » of wrapped cells printed 0 of 1 time(s)",
    "the word « comptabilisées » of wrapped cells printed 0 of 1 time(s)",
  ]);
});

test("a wrapped line may break after a hyphen, as Excel and LibreOffice break it; a half lost is still missing", () => {
  // The portable reference sheet's heading as LibreOffice printed it in a 20-character column.
  const cells = [cell("T4", "Jours fériés (Alsace-Moselle)", { wraps: true })];
  const lines = [item("Jours fériés (Alsace-", 900, 100, 60), item("Moselle)", 900, 91, 25)];
  expect(printProblems(lines, cells)).toEqual([]);
  expect(missingCells(lines.slice(0, 1), cells)).toEqual([
    "the word « Moselle) » of wrapped cells printed 0 of 1 time(s)",
  ]);
});

test("a wrapped cell's line printed over the next row's text is an overlap; lines a line apart are not", () => {
  const over = [
    item("clôture de l'exercice dont le terme est échu", 51, 525, 180),
    item("Date de clôture", 51, 522, 60),
  ];
  expect(overlappingItems(over)).toEqual([
    "page 1: « clôture de l'exercice dont le terme est échu » and « Date de clôture » overlap",
  ]);
  const apart = [item("première ligne", 51, 525, 80), item("seconde ligne", 51, 516, 80)];
  expect(overlappingItems(apart)).toEqual([]);
  // The same boxes on two pages never overlap.
  expect(overlappingItems([over[0] as PrintedItem, { ...(over[1] as PrintedItem), page: 2 }])).toEqual([]);
});

test("a text held by several cells must be printed as many times", () => {
  const cells = [cell("O2", "Payée à temps"), cell("O3", "Payée à temps")];
  expect(missingCells([item("Payée à temps", 500, 100, 50)], cells)).toEqual([
    "« Payée à temps » (O2, O3) printed whole 1 time(s), held by 2 cell(s)",
  ]);
});
