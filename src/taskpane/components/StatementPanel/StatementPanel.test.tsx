import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { readRecovery } from "../../recovery-adapter";
import { readRegister, recoveryWorkbook } from "../../../../test/taskpane/recovery-fixtures";
import { StatementPanel } from "./StatementPanel";
import type { StatementRun, StatementState } from "./useStatement";

/** « Rapports > Relevé par client » on the OMI register of recovery-fixtures.ts as of 30/06/2026. */

async function render(run: StatementRun): Promise<string> {
  const { gateway } = recoveryWorkbook();
  const { input } = await readRegister(gateway);
  const reading = readRecovery(input("2026-06-30"));
  const noop = () => undefined;
  const state: StatementState = {
    asOfText: "2026-06-30",
    setAsOfText: noop,
    client: "",
    setClient: noop,
    layout: "per-client",
    setLayout: noop,
    reading,
    book: reading.ok ? reading.book : undefined,
    run,
    build: async () => undefined,
  };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <StatementPanel state={state} invoices />
    </FluentProvider>,
  );
}

const NNBSP = "\u202f";

describe("the statement view", () => {
  test("says how many clients are late and what is claimed in all, before writing", async () => {
    const html = await render({ phase: "idle" });
    // Martin 4 349,03 € + Garage du Port 549,80 € + Mme Durand 300,00 € (a consumer with no formal
    // notice recorded: no interest under Code civil 1231-6, no 40 € fee) = 5 198,83 € (recovery-fixtures.ts).
    expect(html).toContain(`3 client(s) avec des factures en retard, 5${NNBSP}198,83 € réclamés au total.`);
    expect(html).toContain("Tous les clients");
    // The disputed invoice and the credit note are listed, not dropped.
    expect(html).toContain("Laissé de côté (2)");
  });

  test("after writing, names the sheets and says the register was not changed", async () => {
    const html = await render({
      phase: "done",
      sheets: ["Relevé Boulangerie Martin", "Relevé Garage du Port"],
      printSetup: true,
    });
    expect(html).toContain(
      "Feuille(s) créée(s) : Relevé Boulangerie Martin, Relevé Garage du Port. Le registre n&#x27;a pas été modifié.",
    );
  });
});
