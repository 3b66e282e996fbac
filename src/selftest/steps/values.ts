import { planApply } from "../../write";
import { registerPlace } from "../../workbook/gateway";
import { check, checkNoDifferences, type Difference } from "../check";
import { applyRegister, layRegister, outputBlock, selfTestRequest, valueDifferences } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { checkCompleted, checkDueDates, checkHeaders, checkInputsUntouched } from "./apply-checks";
import { sameNumberFormat } from "./support";

const T = SELF_TEST_TEXT.values;

/** Rows of the register the value steps apply. */
export const VALUE_ROWS = 12;

/** Apply as values: nothing to replace on a new sheet, every value and number format written, the inputs untouched. */
export const valuesStep: SelfTestStep = {
  id: "values",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const source = await layRegister(ctx, sheet, VALUE_ROWS);
    // The confirmation the pane asks before writing: nothing to replace on a new sheet.
    const plan = planApply(
      selfTestRequest(source, "values", ctx.today),
      registerPlace(source),
      source.headers,
    );
    const replaced = await ctx.gateway.countReplaced(source, plan);
    check(replaced.count === 0, T.replacedOnEmpty(replaced.count, replaced.address));
    const applied = await applyRegister(ctx, source, "values");
    checkCompleted(applied, VALUE_ROWS);
    const block = outputBlock(applied);
    const read = await ctx.scratch.read(sheet, block);
    checkHeaders(applied, block, read.values);
    checkNoDifferences(valueDifferences(applied, block, read.values), T.valuesWritten);
    checkDueDates(applied, block, read.values);
    // Number formats, written after the values (at finish).
    const formatDifferences: Difference[] = [];
    applied.outcome.columns.forEach((column) => {
      const actual = read.numberFormats[1]?.[column.column - block.column];
      if (!sameNumberFormat(column.numberFormat, actual))
        formatDifferences.push({
          row: block.row + 1,
          column: column.column,
          expected: column.numberFormat,
          actual,
        });
    });
    checkNoDifferences(formatDifferences, T.numberFormats);
    await checkInputsUntouched(ctx, sheet, VALUE_ROWS);
    return { detail: T.size(VALUE_ROWS, block.columnCount) };
  },
};
