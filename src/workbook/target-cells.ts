import { isAsOfLabel, type ApplyPlan } from "../write";
import {
  blockAddress,
  blocksIntersect,
  contiguousRuns,
  isEmptyCell,
  sheetAddress,
  type SheetBlock,
} from "../cells";
import { cellBlock, hull, intersection, mergeScope, targetBlocks } from "./block-geometry";
import { GatewayError, type Replaced, type SourceBlock } from "./gateway";
import type { ReadAnswer, ReadRequest, SheetIO } from "./sheet-io";
import type { SourceReader } from "./source-reader";

/**
 * The cells a write would go to, looked at before anything is written: a protected sheet and merged
 * cells there are refused (Excel refuses a write to part of a merge, and a refusal halfway would leave
 * a half-written block), and other people's non-empty cells an Apply would replace are counted for
 * the confirmation.
 */

/** One read that also looks at the sheet's protection and the merges touching `targets`: refused when either is in the way. */
export async function checkWritable(
  io: SheetIO,
  sheet: string,
  targets: readonly SheetBlock[],
  extra: Omit<ReadRequest, "sheet"> = {},
): Promise<ReadAnswer> {
  const scope = hull(targets);
  const merges = io.supports("merges") && scope ? { merges: mergeScope(scope) } : {};
  const answer = await io.read({ sheet, protection: true, ...merges, ...extra });
  if (answer.protected) throw new GatewayError("protected", sheet);
  const merged = (answer.merges ?? [])
    .filter((a) => targets.some((t) => blocksIntersect(a, t)))
    .map((a) => blockAddress(a.row, a.column, a.rowCount, a.columnCount));
  if (merged.length > 0) throw new GatewayError("merged", merged.join(", "));
  return answer;
}

/**
 * Other people's non-empty cells an Apply planned as `plan` would replace: cells of the new columns
 * and header cells that are not the add-in's own (an earlier run's columns and its as-of label and
 * date are). The first look at the target cells: refusals come from `checkWritable`.
 */
export async function countReplaced(
  io: SheetIO,
  reader: SourceReader,
  source: SourceBlock,
  plan: Pick<ApplyPlan, "columns" | "extraHeaderCells">,
): Promise<Replaced> {
  const { sheet, startRow: headerRow } = source;
  const rowCount = source.rows.length;
  const extras = plan.extraHeaderCells;
  const extraBlock = hull(extras.map((c) => cellBlock(headerRow, c.column)));
  // The first look at the target cells: the protection, merges, and the header cells right of the columns.
  const first = await checkWritable(io, sheet, targetBlocks(headerRow, rowCount, plan.columns, extras), {
    ...(extraBlock ? { values: extraBlock } : {}),
    usedRange: true,
  });
  const used = first.usedRange;
  const counted: SheetBlock[] = [];
  let count = 0;
  if (extraBlock) {
    const line = first.values?.[0] ?? [];
    const at = (column: number) => line[column - extraBlock.column];
    // The label and the date of an earlier formulas run are the add-in's own: rewritten without asking.
    const ours = isAsOfLabel(at(extras[0]?.column ?? -1));
    if (!ours)
      for (const c of extras)
        if (!isEmptyCell(at(c.column))) {
          count++;
          counted.push(cellBlock(headerRow, c.column));
        }
  }
  // An earlier run's columns are the add-in's own too; new columns may hold other people's cells,
  // only inside the sheet's used range (a first Apply right of the register reads nothing).
  for (const run of contiguousRuns(plan.columns.filter((c) => !c.existing))) {
    const whole = {
      row: headerRow,
      column: run.start,
      rowCount: rowCount + 1,
      columnCount: run.items.length,
    };
    const block = used ? intersection(whole, used) : whole;
    if (!block) continue;
    let offset = 0;
    await reader.readRows(sheet, block, {}, (answer) => {
      (answer.values ?? []).forEach((line, r) =>
        line.forEach((cell, k) => {
          if (isEmptyCell(cell)) return;
          count++;
          counted.push(cellBlock(block.row + offset + r, block.column + k));
        }),
      );
      offset += answer.values?.length ?? 0;
    });
  }
  const where = hull(counted);
  return {
    count,
    address: where ? sheetAddress(sheet, where.row, where.column, where.rowCount, where.columnCount) : "",
  };
}
