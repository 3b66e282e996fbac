import type { SheetBlock } from "../../cells";
import type { Language, Text } from "../../engine";
import { check, checkNoDifferences, sameFormula, sameValue, type Difference } from "../check";
import { AS_OF_SERIAL, outputBlock, writtenFormula, type Applied } from "../fixtures";
import type { StepContext } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { checkHeaders } from "./apply-checks";

/** What the formula steps check: formulas read back or computed, the as-of cells, the function names used. */

const T = SELF_TEST_TEXT.formulas;

/** Rows of the register the formula steps apply. */
export const FORMULA_ROWS = 6;

/** How long an Excel may show #BUSY! while custom functions compute. */
const SETTLE_MS = 15_000;

/** Reads a block until no cell shows #BUSY! (custom functions still computing), or the time is up. */
async function readSettled(ctx: StepContext, sheet: string, block: SheetBlock) {
  const start = ctx.now();
  for (;;) {
    const read = await ctx.scratch.read(sheet, block);
    const busy = read.values.some((line) => line.some((v) => v === "#BUSY!" || v === "#GETTING_DATA"));
    if (!busy || ctx.now() - start > SETTLE_MS) return read;
    await ctx.wait(250);
  }
}

/**
 * The formula cells read back against what was written. Where the host computes formulas (Excel),
 * each cell's value must be the one the use case computed; where it does not (the in-memory workbook,
 * the fake), each formula must read back as written. Constants are compared as values.
 */
export async function checkFormulas(ctx: StepContext, applied: Applied, sheet: string, native: boolean) {
  const block = outputBlock(applied);
  const read = await readSettled(ctx, sheet, block);
  checkHeaders(applied, block, read.values);
  const differences: Difference[] = [];
  let formulas = 0;
  let computed = 0;
  applied.written.forEach((row, r) =>
    applied.outcome.columns.forEach((column, k) => {
      const at = { row: block.row + 1 + r, column: column.column };
      const c = column.column - block.column;
      const value = read.values[r + 1]?.[c];
      const formulaRead = read.formulas[r + 1]?.[c];
      const formula = writtenFormula(applied, r, k);
      const cell = row[k];
      const result = cell === undefined ? "" : typeof cell === "object" ? cell.result : cell;
      if (formula === undefined) {
        if (!sameValue(result, value)) differences.push({ ...at, expected: result, actual: value });
        return;
      }
      formulas++;
      if (typeof formulaRead !== "string" || !formulaRead.startsWith("=")) {
        differences.push({ ...at, expected: formula, actual: formulaRead });
        return;
      }
      if (native && /CGV\./i.test(formulaRead)) {
        differences.push({ ...at, expected: formula, actual: formulaRead });
        return;
      }
      const evaluated = !(typeof value === "string" && value.startsWith("="));
      if (evaluated) {
        computed++;
        if (!sameValue(result, value)) differences.push({ ...at, expected: result, actual: value });
      } else if (!sameFormula(formula, formulaRead))
        differences.push({ ...at, expected: formula, actual: formulaRead });
    }),
  );
  checkNoDifferences(differences, T.written);
  check(formulas > 0, T.none);
  return { formulas, computed };
}

/** The as-of label and date on the header row, right of the columns (formulas read the date there). */
export async function checkAsOfCells(
  ctx: StepContext,
  applied: Applied,
  sheet: string,
  lang: Language,
): Promise<void> {
  const last = Math.max(...applied.outcome.columns.map((c) => c.column));
  const read = await ctx.scratch.read(sheet, {
    row: applied.source.startRow,
    column: last + 1,
    rowCount: 1,
    columnCount: 2,
  });
  const label = T.asOfLabel[lang];
  const differences: Difference[] = [];
  if (read.values[0]?.[0] !== label)
    differences.push({
      row: applied.source.startRow,
      column: last + 1,
      expected: label,
      actual: read.values[0]?.[0],
    });
  if (read.values[0]?.[1] !== AS_OF_SERIAL)
    differences.push({
      row: applied.source.startRow,
      column: last + 2,
      expected: AS_OF_SERIAL,
      actual: read.values[0]?.[1],
    });
  checkNoDifferences(differences, T.asOfCells);
}

/** The report's line for a live-formula step: the names that worked, and whether Excel computed the cells. */
export function functionNamesDetail(applied: Applied, computed: number): Text {
  const how = applied.report.formulaNames === "french" ? T.frenchNames : T.englishNames;
  return computed > 0 ? T.computed(how, computed) : T.readAsWritten(how);
}

export function checkFunctionsKnown(applied: Applied): void {
  check(applied.report.formulaNames !== "unknown", T.functionsUnknown);
}
