import { GatewayError } from "../../workbook/gateway";
import { check, shown } from "../check";
import { readRegister, registerMatrix } from "../fixtures";
import type { SelfTestStep, StepOutcome } from "../step";
import { SELF_TEST_TEXT } from "../text";

const T = SELF_TEST_TEXT.dateSystem;

/** DATE(1904,1,1) in each date system: 1462 days after 1900-01-00 (Excel's 29/02/1900 counted), 0 in 1904. */
const DATE_1904_IN_1900 = 1462;

/** The workbook's date system, probed, and the pane's refusal of a 1904 workbook's register checked against it. */
export const dateSystemStep: SelfTestStep = {
  id: "date-system",
  title: T.title,
  readsRegister: false,
  async run(ctx): Promise<StepOutcome> {
    const sheet = await ctx.newSheet();
    // In H1, away from the register at A1 (columns D to G stay empty: another current region).
    const probe = await ctx.scratch.dateProbe(sheet, 0, 7);
    check(
      probe === 0 || probe === DATE_1904_IN_1900,
      T.probeOdd({ en: shown(probe, "en"), fr: shown(probe, "fr") }, DATE_1904_IN_1900),
    );
    const date1904 = probe === 0;
    await ctx.gateway.writeMatrix(sheet, registerMatrix(2));
    let refused: unknown;
    try {
      await readRegister(ctx, sheet);
    } catch (e) {
      refused = e;
    }
    const refusedAs1904 = refused instanceof GatewayError && refused.code === "date-1904";
    if (refused !== undefined && !refusedAs1904) throw refused;
    check(refusedAs1904 === date1904, date1904 ? T.readAs1900 : T.refusedAs1904);
    return { date1904, detail: date1904 ? T.is1904 : T.is1900 };
  },
};
