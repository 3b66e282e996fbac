import { HIGHLIGHT_FILLS } from "../../write";
import { blockAddress, columnLetters } from "../../cells";
import { check, fail, sameFormula } from "../check";
import { applyRegister, AS_OF_SERIAL, layRegister, outputBlock, readRegister } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { checkCompleted } from "./apply-checks";
import { supports } from "./support";
import { VALUE_ROWS } from "./values";

const T = SELF_TEST_TEXT.highlight;

const HIGHLIGHT_DAYS = 30;

/** The highlighting's conditional formats (ExcelApi 1.6): their formulas and fills, replaced by a second Apply. */
export const highlightStep: SelfTestStep = {
  id: "highlight",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const applied = await applyRegister(ctx, await layRegister(ctx, sheet, VALUE_ROWS), "values", {
      highlightDays: HIGHLIGHT_DAYS,
    });
    checkCompleted(applied, VALUE_ROWS);
    // Custom-formula conditional formats need ExcelApi 1.6.
    const expected = supports(ctx, "1.6") ? "added" : "unsupported";
    check(applied.outcome.highlight === expected, T.answered(String(applied.outcome.highlight), expected));
    if (expected === "unsupported") return { detail: T.unsupported };
    const due = applied.outcome.columns.find((c) => c.id === "dueDate");
    if (!due) throw fail(SELF_TEST_TEXT.apply.noDueDateColumn);
    // Worked by hand: the due date is tested on the first data row (2), relative to the block's top-left
    // cell; overdue before 15/02/2025, soon from 15/02/2025 to 15/02/2025 + 30 days.
    const d = `$${columnLetters(due.column)}2`;
    const wanted = [
      { formula: `=AND(ISNUMBER(${d}),${d}<=${AS_OF_SERIAL - 1})`, fill: HIGHLIGHT_FILLS.overdue },
      {
        formula: `=AND(ISNUMBER(${d}),${d}>=${AS_OF_SERIAL},${d}<=${AS_OF_SERIAL + HIGHLIGHT_DAYS})`,
        fill: HIGHLIGHT_FILLS.soon,
      },
    ];
    const block = outputBlock(applied);
    const checkFormats = async () => {
      const formats = (await ctx.scratch.conditionalFormats(sheet, block)) ?? [];
      const found = (w: { formula: string; fill: string }) =>
        formats.some(
          (f) => sameFormula(w.formula, f.formula) && f.fill.toLowerCase() === w.fill.toLowerCase(),
        );
      const listed = formats.map((f) => `${f.formula} ${f.fill}`).join(" ; ") || "—";
      check(
        formats.length === wanted.length && wanted.every(found),
        T.formats(
          blockAddress(block.row, block.column, block.rowCount, block.columnCount),
          listed,
          wanted.map((w) => `${w.formula} ${w.fill}`).join(" ; "),
        ),
      );
    };
    await checkFormats();
    // A second Apply replaces its formats: still two, not four.
    const again = await applyRegister(ctx, await readRegister(ctx, sheet), "values", {
      highlightDays: HIGHLIGHT_DAYS,
    });
    checkCompleted(again, VALUE_ROWS);
    await checkFormats();
    return { detail: T.replaced };
  },
};
