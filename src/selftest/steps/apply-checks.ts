import type { CellValue, SheetBlock } from "../../cells";
import { check, checkNoDifferences, fail, sameValue, type Difference } from "../check";
import { dueDate, registerMatrix, type Applied } from "../fixtures";
import type { StepContext } from "../step";
import { SELF_TEST_TEXT } from "../text";

/** What every step that applies a register checks of it: the run completed, its headers, due dates, inputs. */

const T = SELF_TEST_TEXT.apply;

export function checkCompleted(applied: Applied, rows: number): void {
  const { outcome } = applied;
  check(
    !outcome.cancelled && outcome.rowsWritten === rows,
    T.stopped(outcome.rowsWritten, rows, outcome.editedCell),
  );
}

/** The header row holds each column's header. */
export function checkHeaders(
  applied: Applied,
  block: SheetBlock,
  values: readonly (readonly CellValue[])[],
): void {
  const differences: Difference[] = [];
  for (const column of applied.outcome.columns) {
    const actual = values[0]?.[column.column - block.column];
    if (actual !== column.header)
      differences.push({ row: block.row, column: column.column, expected: column.header, actual });
  }
  checkNoDifferences(differences, T.columnHeaders);
}

/** Worked by hand: invoice i is due on serial 45688 + i (OMI: 30 days after its date). */
export function checkDueDates(
  applied: Applied,
  block: SheetBlock,
  values: readonly (readonly CellValue[])[],
): void {
  const due = applied.outcome.columns.find((c) => c.id === "dueDate");
  if (!due) throw fail(T.noDueDateColumn);
  const differences: Difference[] = [];
  applied.source.rows.forEach((_, r) => {
    const actual = values[r + 1]?.[due.column - block.column];
    if (actual !== dueDate(r + 1))
      differences.push({ row: block.row + 1 + r, column: due.column, expected: dueDate(r + 1), actual });
  });
  checkNoDifferences(differences, T.dueDates);
}

/** The register's own cells are never written. */
export async function checkInputsUntouched(ctx: StepContext, sheet: string, rows: number): Promise<void> {
  const read = await ctx.scratch.read(sheet, { row: 0, column: 0, rowCount: rows + 1, columnCount: 3 });
  const matrix = registerMatrix(rows);
  const differences: Difference[] = [];
  matrix.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!sameValue(cell.value, read.values[r]?.[c]))
        differences.push({ row: r, column: c, expected: cell.value, actual: read.values[r]?.[c] });
    }),
  );
  checkNoDifferences(differences, T.inputsChanged);
}
