import { StepSkipped } from "../check";
import { isFrenchHost } from "../environment";
import { applyRegister, layRegister } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { checkCompleted } from "./apply-checks";
import {
  checkAsOfCells,
  checkFormulas,
  checkFunctionsKnown,
  FORMULA_ROWS,
  functionNamesDetail,
} from "./formula-checks";

const T = SELF_TEST_TEXT.formulas;

/** Apply as live CGV.* formulas: the names this Excel knows, the as-of cells, each formula computed as the pane did. */
export const formulasStep: SelfTestStep = {
  id: "formulas",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const applied = await applyRegister(ctx, await layRegister(ctx, sheet, FORMULA_ROWS), "formulas");
    checkCompleted(applied, FORMULA_ROWS);
    checkFunctionsKnown(applied);
    await checkAsOfCells(ctx, applied, sheet, "fr");
    const { computed } = await checkFormulas(ctx, applied, sheet, false);
    return { detail: functionNamesDetail(applied, computed) };
  },
};

/** The same in a French Excel, where English names may give #NAME? (office-js #891, #6614). */
export const frenchFormulasStep: SelfTestStep = {
  id: "formulas-fr",
  title: T.frenchTitle,
  readsRegister: true,
  async run(ctx) {
    if (!isFrenchHost(ctx.environment)) throw new StepSkipped(T.notFrench(ctx.environment.language));
    const sheet = await ctx.newSheet();
    const applied = await applyRegister(ctx, await layRegister(ctx, sheet, FORMULA_ROWS), "formulas");
    checkCompleted(applied, FORMULA_ROWS);
    checkFunctionsKnown(applied);
    const { computed } = await checkFormulas(ctx, applied, sheet, false);
    return { detail: functionNamesDetail(applied, computed) };
  },
};
