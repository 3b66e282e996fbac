import { blockAddress, parseAddress } from "../../cells";
import { check, checkNoDifferences, sameValue, StepSkipped, type Difference } from "../check";
import { applyRegister, invoiceDate, layRegister, outputBlock } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { supports } from "./support";

const T = SELF_TEST_TEXT.edit;

const EDIT_ROWS = 30;
const EDIT_CHUNK = 10;
/** Data row (zero-based) whose invoice date is changed after the first chunk: sheet row 22, cell B22. */
const EDITED_ROW = 20;
/** How long Excel may take to tell the add-in of the edit (worksheet onChanged is asynchronous). */
const EDIT_WAIT_MS = 5_000;

/** An edit of the register's input cells while Apply writes stops the run before its next chunk, naming the cell. */
export const editStep: SelfTestStep = {
  id: "edit",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    // Worksheet onChanged is ExcelApi 1.7: without it edits are not watched.
    if (!supports(ctx, "1.7")) throw new StepSkipped(T.unsupported);
    const sheet = await ctx.newSheet();
    const source = await layRegister(ctx, sheet, EDIT_ROWS);
    const cell = { row: source.startRow + 1 + EDITED_ROW, column: source.startColumn + 1 };
    const address = blockAddress(cell.row, cell.column);
    let waited = 0;
    const applied = await applyRegister(ctx, source, "values", {
      chunkRows: EDIT_CHUNK,
      afterChunk: async (chunk, interrupted) => {
        if (chunk !== 1) return;
        // Someone changes an invoice date after the first chunk: the run must stop before the next one.
        await ctx.scratch.edit(sheet, cell.row, cell.column, invoiceDate(EDITED_ROW + 1) + 1);
        const start = ctx.now();
        while (!interrupted() && ctx.now() - start < EDIT_WAIT_MS) await ctx.wait(50);
        waited = ctx.now() - start;
      },
    });
    const { outcome } = applied;
    check(
      outcome.cancelled && outcome.editedCell !== undefined,
      T.notNoticed(address, EDIT_WAIT_MS / 1000, outcome.rowsWritten, EDIT_ROWS),
    );
    const edited = parseAddress(outcome.editedCell);
    check(edited.row === cell.row && edited.column === cell.column, T.wrongCell(outcome.editedCell, address));
    check(outcome.rowsWritten === EDIT_CHUNK, T.stoppedAt(outcome.rowsWritten, EDIT_CHUNK));
    // Nothing of the rows after the first chunk is written.
    const block = outputBlock(applied);
    const read = await ctx.scratch.read(sheet, block);
    const differences: Difference[] = [];
    for (let r = EDIT_CHUNK; r < EDIT_ROWS; r++)
      read.values[r + 1]?.forEach((actual, c) => {
        if (!sameValue("", actual))
          differences.push({ row: block.row + 1 + r, column: block.column + c, expected: "", actual });
      });
    checkNoDifferences(differences, T.rowsAfterStop);
    return { detail: T.stopped(EDIT_CHUNK, outcome.editedCell, Math.round(waited)) };
  },
};
