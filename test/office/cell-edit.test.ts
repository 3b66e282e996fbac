import {
  CellEditTimeout,
  DEFAULT_PATIENCE,
  whileEditing,
  type CellEditPatience,
  type CellEditRecord,
} from "../../src/office/cell-edit";
import { ExcelGateway, patientHost } from "../../src/office/excel-gateway";
import { OfficeSheetIO } from "../../src/office/office-io";
import { FakeExcelHost } from "../taskpane/fake-excel";
import { sampleWorkbook } from "../taskpane/gateway-fixtures";

/**
 * A request the add-in makes while the user edits a cell. Excel.RunOptions: "When false, if the user is
 * in cell edit when the batch request is processed by the host, the batch automatically fails. When
 * true, ... the batch request is delayed until the user exits cell edit mode" (ExcelApi 1.11). The fake
 * Excel does exactly that (FakeExcelHost.startCellEdit), so these tests fail against a gateway that
 * runs its batches as given.
 */

/** A clock that moves only when the patience sleeps; `onSleep` sees the time after each pause. */
function virtualPatience(onSleep: (now: number) => void = () => undefined, maxWaitMs = 20_000) {
  let t = 0;
  const pauses: number[] = [];
  const patience: CellEditPatience = {
    ...DEFAULT_PATIENCE,
    maxWaitMs,
    language: () => "fr",
    now: () => t,
    sleep: async (ms) => {
      pauses.push(ms);
      t += ms;
      onSleep(t);
    },
  };
  return { patience, pauses };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("reading the register while a cell is being edited", () => {
  test("the fake refuses a batch run as given, as Excel does without delayForCellEdit", async () => {
    const host = new FakeExcelHost(sampleWorkbook(3), "1.11");
    host.startCellEdit();
    const io = new OfficeSheetIO(host);
    await expect(io.sheetNames()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(host.refusedForCellEdit).toBe(1);
  });

  test("on ExcelApi 1.11 Excel holds the read until the edit ends, and nothing is refused", async () => {
    const host = new FakeExcelHost(sampleWorkbook(3), "1.11");
    host.startCellEdit();
    let read: string | undefined;
    const reading = new ExcelGateway(host).readSource("region").then((s) => (read = s.address));
    await settle();
    await settle();
    // Still held: the user is typing.
    expect(read).toBeUndefined();
    expect(host.heldForCellEdit).toBe(1);
    host.endCellEdit();
    await reading;
    // Three invoices under a header: A1:C4.
    expect(read).toBe("Factures!A1:C4");
    expect(host.refusedForCellEdit).toBe(0);
  });

  test("without ExcelApi 1.11 the refused read is made again after growing pauses, and goes through once the edit ends", async () => {
    const host = new FakeExcelHost(sampleWorkbook(3), "1.9");
    host.startCellEdit();
    // The user presses Enter 1.5 s after the first refusal.
    const { patience, pauses } = virtualPatience((now) => {
      if (now >= 1500) host.endCellEdit();
    });
    const source = await new ExcelGateway(host, {}, patience).readSource("region");
    expect(source.address).toBe("Factures!A1:C4");
    // Pauses of 250, 500 and 1000 ms: 1750 ms in all, the first past 1500 ms.
    expect(pauses).toEqual([250, 500, 1000]);
    expect(host.refusedForCellEdit).toBe(3);
  });

  test("an edit that lasts past the bound: the request fails with a sentence saying what to do, in Excel's language", async () => {
    const host = new FakeExcelHost(sampleWorkbook(3), "1.9");
    host.startCellEdit();
    const { patience, pauses } = virtualPatience(() => undefined, 5000);
    const failure = await new ExcelGateway(host, {}, patience).readSource("region").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CellEditTimeout);
    const timeout = failure as CellEditTimeout;
    // 250 + 500 + 1000 + 2000 = 3750 ms; the next pause (4000 ms) would pass 5 s: given up there.
    expect(pauses).toEqual([250, 500, 1000, 2000]);
    expect(timeout.attempts).toBe(5);
    expect(timeout.code).toBe("InvalidOperationInCellEditMode");
    expect(timeout.message).toBe(
      "Excel est resté en saisie dans une cellule plus de 5 s : le complément n'a pas pu lire ni écrire le classeur. Terminez la saisie (Entrée ou Échap), puis recommencez.",
    );
    expect(timeout.text.en).toContain("Finish the edit (Enter or Esc), then try again.");
  });

  test("a read refused for the edit is made again with its probes: a hidden row of the register is still reported", async () => {
    const wb = sampleWorkbook(3);
    // Invoice F-2, sheet row 3, hidden by hand: the visible view of the read tells it (ExcelApi 1.3).
    wb.hideRows("Factures", [2]);
    const host = new FakeExcelHost(wb, "1.9");
    // The user starts typing once the register is located, before its rows are read.
    const run = host.run.bind(host);
    host.run = (batch, options) => {
      if (host.contexts.length === 1 && !host.editing) host.startCellEdit();
      return run(batch, options);
    };
    const { patience } = virtualPatience((now) => {
      if (now >= 500) host.endCellEdit();
    });
    const source = await new ExcelGateway(host, {}, patience).readSource("region");
    expect(host.refusedForCellEdit).toBeGreaterThan(0);
    expect(source.layout?.hiddenRows).toEqual([3]);
  });

  test("watching the sheet while Apply writes is registered once the edit ends", async () => {
    const host = new FakeExcelHost(sampleWorkbook(3), "1.9");
    host.startCellEdit();
    const { patience } = virtualPatience((now) => {
      if (now >= 500) host.endCellEdit();
    });
    const seen: string[] = [];
    const io = new OfficeSheetIO(patientHost(host, patience));
    const stop = await io.watchEdits("Factures", (address) => seen.push(address));
    host.wb.edit("Factures", 1, 1, 45700);
    expect(seen).toEqual(["B2"]);
    await stop();
  });
});

describe("the bounded wait itself", () => {
  test("other errors are not tried again", async () => {
    let calls = 0;
    const record: CellEditRecord = { retried: 0, recovered: 0, gaveUp: 0 };
    await expect(
      whileEditing(
        async () => {
          calls += 1;
          throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
        },
        virtualPatience().patience,
        record,
      ),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(calls).toBe(1);
    expect(record).toEqual({ retried: 0, recovered: 0, gaveUp: 0 });
  });

  test("the record counts a request retried then recovered, and one given up on", async () => {
    const record: CellEditRecord = { retried: 0, recovered: 0, gaveUp: 0 };
    const refused = Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    let tries = 0;
    await whileEditing(
      async () => {
        tries += 1;
        if (tries < 3) throw refused;
        return "ok";
      },
      virtualPatience().patience,
      record,
    );
    await whileEditing(
      async () => {
        throw refused;
      },
      virtualPatience(() => undefined, 1000).patience,
      record,
    ).catch(() => undefined);
    expect(record).toEqual({ retried: 2, recovered: 1, gaveUp: 1 });
  });
});
