import { NUMBER_FORMATS } from "../../apply";
import type { MatrixCell } from "../../workbook/gateway";
import { check, checkNoDifferences, sameValue, type Difference } from "../check";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { sameNumberFormat } from "./support";

const T = SELF_TEST_TEXT.sheet;

/** Scratch sheets: added under names no sheet has, written through the gateway, read back. */
export const sheetStep: SelfTestStep = {
  id: "sheet",
  title: T.title,
  readsRegister: false,
  async run(ctx) {
    const before = await ctx.scratch.sheetNames();
    const taken = new Set(before.map((n) => n.toLowerCase()));
    const first = await ctx.newSheet();
    const second = await ctx.newSheet();
    check(!taken.has(first.toLowerCase()) && !taken.has(second.toLowerCase()), T.nameTaken(first));
    check(
      first.toLowerCase() !== second.toLowerCase() && first.length <= 31 && second.length <= 31,
      T.namesClash(first, second),
    );
    const after = await ctx.scratch.sheetNames();
    const missing = [...before, first, second].filter((n) => !after.includes(n));
    check(missing.length === 0, T.sheetsMissing(missing.join(", ")));
    // One text with accents and the euro sign, a date and an amount, each with its number format.
    const matrix: MatrixCell[][] = [
      [{ value: "Échéance à régler", bold: true }, { value: "Montant" }],
      [
        { value: 45658, numberFormat: NUMBER_FORMATS.date },
        { value: 1234.56, numberFormat: NUMBER_FORMATS.money },
      ],
    ];
    await ctx.gateway.writeMatrix(first, matrix);
    const read = await ctx.scratch.read(first, { row: 0, column: 0, rowCount: 2, columnCount: 2 });
    const differences: Difference[] = [];
    matrix.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!sameValue(cell.value, read.values[r]?.[c]))
          differences.push({ row: r, column: c, expected: cell.value, actual: read.values[r]?.[c] });
        const format = cell.numberFormat;
        if (format !== undefined && !sameNumberFormat(format, read.numberFormats[r]?.[c]))
          differences.push({ row: r, column: c, expected: format, actual: read.numberFormats[r]?.[c] });
      }),
    );
    checkNoDifferences(differences, T.cellsWritten);
    return { detail: T.names(first, second) };
  },
};
