import type { MatrixCell } from "../../workbook/gateway";
import { HOST_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../../workbook/request-size";
import { check, checkNoDifferences, type Difference } from "../check";
import { readRegister } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";

const T = SELF_TEST_TEXT.sizes;

/** Rows of the large block: together over the 5 MB Excel on the web refuses in one request. */
const SIZE_ROWS = 10_000;
/** A long text with accents and the euro sign (multi-byte in UTF-8, as requests count them). */
const sizedText = (i: number): string =>
  `${i} — ${"Échéance à régler : 1 234,56 € ; ".repeat(16)}`.slice(0, 480);

/** A block over the 5 MB limit of one request, written and read back in requests sized by bytes. */
export const sizesStep: SelfTestStep = {
  id: "sizes",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const matrix: MatrixCell[][] = [[{ value: "Texte" }]];
    for (let i = 1; i <= SIZE_ROWS; i++) matrix.push([{ value: sizedText(i) }]);
    const bytes = jsonBytes(matrix.map((line) => line.map((c) => c.value)));
    // Worked out: 480 characters a row, 5 of them 2 or 3 bytes in UTF-8 per 33: about 5.9 MB in all.
    check(bytes > HOST_PAYLOAD_LIMIT_BYTES, T.underLimit);
    await ctx.gateway.writeMatrix(sheet, matrix);
    const source = await readRegister(ctx, sheet);
    check(
      source.headers[0] === "Texte" && source.rows.length === SIZE_ROWS,
      T.rowsRead(source.rows.length, SIZE_ROWS),
    );
    const differences: Difference[] = [];
    source.rows.forEach((row, r) => {
      if (row[0] !== sizedText(r + 1))
        differences.push({ row: r + 1, column: 0, expected: sizedText(r + 1), actual: row[0] });
    });
    checkNoDifferences(differences, T.readBack);
    return { detail: T.done(SIZE_ROWS, (bytes / 1_000_000).toFixed(1)) };
  },
};
