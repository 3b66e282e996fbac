import { sheetAddress } from "../../cells";
import type { Text } from "../../engine";
import { check, checkNoDifferences, sameValue, type Difference } from "../check";
import { readRegister, registerMatrix } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { supports } from "./support";

const T = SELF_TEST_TEXT.read;

/** A register with hidden rows, a filter and merged cells: every row read, and what the values do not show reported. */
export const readStep: SelfTestStep = {
  id: "read",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    // Eight invoices at A1:D9, a comment column D whose D3:D4 are merged; row 4 (F-3) hidden by hand;
    // an autofilter on A1:C9 leaving out F-6 (row 7).
    const matrix = registerMatrix(8, { header: "Commentaire", cell: (i) => (i === 2 ? "à vérifier" : "") });
    await ctx.gateway.writeMatrix(sheet, matrix);
    const merged = await ctx.scratch.merge(sheet, { row: 2, column: 3, rowCount: 2, columnCount: 1 });
    const hid = await ctx.scratch.hideRows(sheet, 3, 1);
    const filtered = await ctx.scratch.filter(
      sheet,
      { row: 0, column: 0, rowCount: 9, columnCount: 3 },
      0,
      "F-6",
    );
    const source = await readRegister(ctx, sheet);

    const expectedAddress = sheetAddress(sheet, 0, 0, 9, 4);
    check(source.address === expectedAddress, T.address(source.address, expectedAddress));
    const differences: Difference[] = [];
    matrix.slice(1).forEach((line, r) =>
      line.forEach((cell, c) => {
        const actual = source.rows[r]?.[c];
        if (!sameValue(cell.value, actual))
          differences.push({ row: r + 1, column: c, expected: cell.value, actual });
      }),
    );
    checkNoDifferences(differences, T.rowsRead);

    // What the gateway tells where the host has it (ExcelApi 1.3 hidden rows, 1.9 filters, 1.13 merges).
    const hiddenRows = [...(hid ? [4] : []), ...(filtered ? [7] : [])];
    const expectedHidden = supports(ctx, "1.3") ? hiddenRows : [];
    const gotHidden = source.layout?.hiddenRows ?? [];
    check(gotHidden.join() === expectedHidden.join(), T.hiddenRows(gotHidden, expectedHidden));
    const expectFilter = filtered && supports(ctx, "1.9");
    check(
      (source.layout?.filter?.on === "sheet") === expectFilter,
      expectFilter ? T.filterMissed : T.filterInvented,
    );
    const expectedMerges = merged && supports(ctx, "1.13") ? ["D3:D4"] : [];
    const gotMerges = source.layout?.merges ?? [];
    check(gotMerges.join() === expectedMerges.join(), T.merges(gotMerges, expectedMerges));
    const notLaid: Text[] = [
      ...(merged ? [] : [T.merge]),
      ...(hid ? [] : [T.hiddenRow]),
      ...(filtered ? [] : [T.filter]),
    ];
    const seen = T.seen(gotHidden, source.layout?.filter !== undefined, gotMerges);
    if (notLaid.length === 0) return { detail: seen };
    const names: Text = {
      en: notLaid.map((n) => n.en).join(", "),
      fr: notLaid.map((n) => n.fr).join(", "),
    };
    return { detail: T.notLaidOut(seen, names) };
  },
};
