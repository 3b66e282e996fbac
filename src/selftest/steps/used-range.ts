import { sheetAddress } from "../../cells";
import { check, StepSkipped } from "../check";
import { registerMatrix } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { supports } from "./support";

const T = SELF_TEST_TEXT.usedRange;

/** Excel's last row (zero-based): a sheet formatted down to it has a million-row used range. */
const LAST_ROW = 1_048_575;
const INVOICES = 5;

/**
 * A whole-column selection on a sheet formatted down to its last row reads only the rows with
 * values: the selection is clipped to the used range of values (`getUsedRange(true)`, ExcelApi 1.2).
 */
export const usedRangeStep: SelfTestStep = {
  id: "used-range",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    if (!supports(ctx, "1.2")) throw new StepSkipped(T.unsupported);
    const sheet = await ctx.newSheet();
    await ctx.gateway.writeMatrix(sheet, registerMatrix(INVOICES));
    // One cell of the last row formatted as text: Excel's used range with formats reaches row 1,048,576.
    await ctx.scratch.formatCell(sheet, LAST_ROW, 0, "@");
    // Columns A:C selected whole, as a user clicks their letters.
    await ctx.scratch.select(sheet, { row: 0, column: 0, rowCount: LAST_ROW + 1, columnCount: 3 });
    const source = await ctx.gateway.readSource("selection");
    const expected = sheetAddress(sheet, 0, 0, INVOICES + 1, 3);
    check(
      source.address === expected && source.rows.length === INVOICES,
      T.readTooMuch(source.address, source.rows.length, expected, INVOICES),
    );
    return { detail: T.read(expected, INVOICES) };
  },
};
