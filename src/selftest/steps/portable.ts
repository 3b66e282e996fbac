import { REFERENCE_SHEET_NAME } from "../../portable";
import { check, StepSkipped } from "../check";
import { applyRegister, layRegister, type Applied } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { checkCompleted } from "./apply-checks";
import { checkAsOfCells, checkFormulas, FORMULA_ROWS } from "./formula-checks";

const T = SELF_TEST_TEXT.portable;

/** Apply as native formulas: the reference sheet written, the formulas computed (or read back) without CGV.*. */
export const portableStep: SelfTestStep = {
  id: "portable",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    // The reference sheet has a fixed name per language, and the user's formulas may read an existing
    // one: the self-test uses a language whose sheet does not exist, or does not run.
    const names = new Set((await ctx.scratch.sheetNames()).map((n) => n.toLowerCase()));
    const lang = (["fr", "en"] as const).find((l) => !names.has(REFERENCE_SHEET_NAME[l].toLowerCase()));
    if (lang === undefined)
      throw new StepSkipped(T.bothSheets(REFERENCE_SHEET_NAME.fr, REFERENCE_SHEET_NAME.en));
    const sheet = await ctx.newSheet();
    const source = await layRegister(ctx, sheet, FORMULA_ROWS);
    let applied: Applied;
    try {
      applied = await applyRegister(ctx, source, "portable", { lang });
    } finally {
      // Whatever happened, the reference sheet made here goes with the scratch sheet.
      if ((await ctx.scratch.sheetNames()).includes(REFERENCE_SHEET_NAME[lang]))
        ctx.track(REFERENCE_SHEET_NAME[lang]);
    }
    checkCompleted(applied, FORMULA_ROWS);
    check(
      applied.outcome.portable?.sheet === REFERENCE_SHEET_NAME[lang],
      T.noReferenceSheet(REFERENCE_SHEET_NAME[lang]),
    );
    await checkAsOfCells(ctx, applied, sheet, lang);
    const { formulas, computed } = await checkFormulas(ctx, applied, sheet, true);
    return { detail: computed > 0 ? T.computed(formulas) : T.readAsWritten(formulas) };
  },
};
