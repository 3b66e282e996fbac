import { recognizeHeaders, type RegisterMode } from "../../src/apply";
import {
  applyToSheet,
  inputHeaders,
  planApply,
  registerToRemember,
  rowsInMemory,
  type AsOfKind,
} from "../../src/write";
import {
  buildRateTable,
  DEFAULT_SETTINGS,
  iso,
  SHIPPED_REGISTRY,
  type Day,
  type Settings,
} from "../../src/engine";
import { ExcelGateway } from "../../src/office/excel-gateway";
import { registerPlace, type SourceKind, type WorkbookGateway } from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import type { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { StoredRegister } from "../../src/storage";
import { buildApplyOptions, buildApplyRequest } from "../../src/taskpane/apply-adapter";
import { recalculateAll, type RecalcLine } from "../../src/taskpane/components/Recalculate/recalculate";
import { samePlace } from "../../src/storage";
import { DEMO_INVOICE_SHEET, demoWorkbook } from "../../src/taskpane/demo/demo-register";
import { FakeExcelHost } from "./fake-excel";

/**
 * « Tout recalculer » (issue 13) on both hosts: the demo workbook's invoice register (Factures!A1:F37,
 * Sillage, read as the region around A1) and its subscriptions table (TabAbonnements, each row naming
 * its vendor) applied as the pane applies them, remembered, then applied again in one run. With the
 * user's rate row for 2026-H2 (legal rate 2.60 % for professionals), Sillage's rate is 3 × the legal
 * rate: 7.86 % in 2026-H1 (3 × 2.62), 7.80 % in 2026-H2 (3 × 2.60).
 */

type Make = () => { wb: MemoryWorkbook; gateway: WorkbookGateway };

const HOSTS: [string, Make][] = [
  [
    "MemoryGateway",
    () => {
      const wb = demoWorkbook();
      return { wb, gateway: new MemoryGateway(wb) };
    },
  ],
  [
    "ExcelGateway on a fake Excel",
    () => {
      const wb = demoWorkbook();
      return { wb, gateway: new ExcelGateway(new FakeExcelHost(wb, "1.18")) };
    },
  ],
];

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  rates: buildRateTable([{ halfYear: "2026-H2", legalProfessional: "2.60", legalConsumer: "6.50" }]),
};
const DEC_3 = iso("2026-12-03");
const DEC_31 = iso("2026-12-31");

/** Applies the register at a sheet's first cell as the pane does (region or table), and what the pane remembers. */
async function applyAsPane(
  wb: MemoryWorkbook,
  gateway: WorkbookGateway,
  args: {
    sheet: string;
    kind: SourceKind;
    mode: RegisterMode;
    asOf: string;
    /** The pane's « Date d'arrêté » choice: « aujourd'hui » or « date fixe ». */
    asOfKind: AsOfKind;
    today: Day;
    write?: "values" | "formulas";
  },
): Promise<StoredRegister> {
  wb.select(args.sheet, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  const source = await gateway.readSource(args.kind);
  const recognition = recognizeHeaders(source.headers, { mode: args.mode });
  const options = buildApplyOptions({
    source,
    mode: args.mode,
    mapping: recognition.mapping,
    vendor: "sillage",
    asOf: args.asOf,
    lang: "fr",
    defaults: { clientType: "pro" },
    registry: SHIPPED_REGISTRY,
    settings: SETTINGS,
  });
  const write = args.write ?? "values";
  const request = buildApplyRequest({ options, write, recognition, today: args.today, highlightDays: 30 });
  const plan = planApply(request, registerPlace(source), source.headers);
  const sink = gateway.applySink(source);
  try {
    await applyToSheet(plan, rowsInMemory(plan.place, source.headers, source.rows), sink, {
      yieldFn: async () => undefined,
    });
    return registerToRemember({
      plan,
      rows: source.rows.length,
      recognized: recognition.mapping,
      asOf: args.asOfKind,
      today: args.today,
    });
  } finally {
    await sink.close();
  }
}

function recalc(
  gateway: WorkbookGateway,
  registers: readonly StoredRegister[],
  today: Day,
  signal?: AbortSignal,
) {
  return recalculateAll({
    gateway,
    registers,
    today,
    lang: "fr",
    registry: SHIPPED_REGISTRY,
    settings: SETTINGS,
    highlightDays: 30,
    chunkRows: 10,
    yieldFn: async () => undefined,
    ...(signal ? { signal } : {}),
  });
}

/** Every cell of a sheet (value, number format) over its used range, its notes and conditional formats. */
function snapshot(wb: MemoryWorkbook, sheet: string) {
  const used = wb.usedBlock(sheet);
  const cells: unknown[][] = [];
  for (let r = 0; r < used.row + used.rowCount; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < used.column + used.columnCount; c++) {
      const cell = wb.cell(sheet, r, c);
      line.push(cell ? [cell.value, cell.numberFormat ?? ""] : null);
    }
    cells.push(line);
  }
  return {
    cells,
    notes: [...wb.notes].filter(([k]) => k.startsWith(`${sheet}!`)),
    highlights: wb.conditionalFormats.filter((f) => f.sheet === sheet),
  };
}

const applied = (line: RecalcLine | undefined) => {
  if (line?.outcome.kind !== "applied") throw new Error(`not applied: ${JSON.stringify(line?.outcome)}`);
  return line.outcome;
};

/** Sillage's demo invoices applied as the pane applies them on 03/12/2026 (the register around A1). */
const applyInvoices = (wb: MemoryWorkbook, gateway: WorkbookGateway, asOf: string, asOfKind: AsOfKind) =>
  applyAsPane(wb, gateway, {
    sheet: DEMO_INVOICE_SHEET,
    kind: "region",
    mode: "invoices",
    asOf,
    asOfKind,
    today: DEC_3,
  });

/** The demo's subscriptions table applied as of 03/12/2026, on that day. */
const applySubscriptions = (wb: MemoryWorkbook, gateway: WorkbookGateway) =>
  applyAsPane(wb, gateway, {
    sheet: "Abonnements",
    kind: "table",
    mode: "subscriptions",
    asOf: "2026-12-03",
    asOfKind: "today",
    today: DEC_3,
  });

describe.each(HOSTS)("%s", (_name, make) => {
  test("two remembered registers, invoices and subscriptions, recalculated as of a later day equal two fresh Applies that day", async () => {
    const { wb, gateway } = make();
    const invoices = await applyInvoices(wb, gateway, "2026-12-03", "today");
    const subscriptions = await applySubscriptions(wb, gateway);
    // Remembered: the invoices' block with its six new columns G..L, the table by name, both « as of today ».
    expect(invoices).toMatchObject({
      sheet: DEMO_INVOICE_SHEET,
      range: "A1:L37",
      asOf: "today",
      appliedOn: "2026-12-03",
    });
    expect(invoices.headers).toEqual([
      "N° facture",
      "Client",
      "Type de facture",
      "Date facture",
      "Montant TTC",
      "Date de paiement",
    ]);
    expect(subscriptions).toMatchObject({ sheet: "Abonnements", table: "TabAbonnements", asOf: "today" });
    expect(subscriptions.range).toBeUndefined();

    const lines = await recalc(gateway, [invoices, subscriptions], DEC_31);
    expect(lines.map((l) => l.outcome.kind)).toEqual(["applied", "applied"]);
    expect(applied(lines[0])).toMatchObject({ rows: 36, asOfIso: "2026-12-31" });
    expect(applied(lines[1])).toMatchObject({ rows: 8, asOfIso: "2026-12-31" });
    // FA-0130 (sheet row 31): 938 € unpaid, due 19/01/2026. Late 20/01–30/06 (162 days at 7.86 %) and
    // 01/07–31/12 (184 days at 7.80 %): 938 × (0.0786 × 162 + 0.078 × 184) / 365 = 69.605… → 69.61 €.
    expect(wb.value(DEMO_INVOICE_SHEET, 30, 0)).toBe("FA-0130");
    expect(wb.value(DEMO_INVOICE_SHEET, 30, 7)).toBe(346);
    expect(wb.value(DEMO_INVOICE_SHEET, 30, 8)).toBe(69.61);
    // Remembered again: same place, today's date as the day applied, still « as of today ».
    expect(applied(lines[0]).remembered).toEqual({ ...invoices, appliedOn: "2026-12-31" });
    expect(applied(lines[1]).remembered).toEqual({ ...subscriptions, appliedOn: "2026-12-31" });

    const fresh = make();
    await applyAsPane(fresh.wb, fresh.gateway, {
      sheet: DEMO_INVOICE_SHEET,
      kind: "region",
      mode: "invoices",
      asOf: "2026-12-31",
      asOfKind: "today",
      today: DEC_31,
    });
    await applyAsPane(fresh.wb, fresh.gateway, {
      sheet: "Abonnements",
      kind: "table",
      mode: "subscriptions",
      asOf: "2026-12-31",
      asOfKind: "today",
      today: DEC_31,
    });
    for (const sheet of [DEMO_INVOICE_SHEET, "Abonnements"])
      expect(snapshot(wb, sheet)).toEqual(snapshot(fresh.wb, sheet));
  });

  test("a fixed as-of date is remembered and kept by the recalculation; only the day applied moves", async () => {
    const { wb, gateway } = make();
    const invoices = await applyInvoices(wb, gateway, "2026-06-30", "fixed");
    expect(invoices.asOf).toBe("2026-06-30");
    const [line] = await recalc(gateway, [invoices], DEC_31);
    expect(applied(line)).toMatchObject({ asOfIso: "2026-06-30" });
    expect(applied(line).remembered).toEqual({ ...invoices, appliedOn: "2026-12-31" });
  });

  test("a deleted sheet and moved columns are skipped with their reason; the other register is still recalculated", async () => {
    const { wb, gateway } = make();
    const invoices = await applyInvoices(wb, gateway, "2026-12-03", "today");
    const subscriptions = await applySubscriptions(wb, gateway);
    const archived: StoredRegister = { ...invoices, sheet: "Archives 2025" };
    // The client column renamed: the columns are not those remembered any more.
    wb.write(DEMO_INVOICE_SHEET, 0, 1, "Nom du client", "values");
    const lines = await recalc(gateway, [archived, invoices, subscriptions], DEC_31);
    expect(lines.map((l) => l.outcome)).toEqual([
      { kind: "skipped", reason: { kind: "sheet-gone", sheet: "Archives 2025" } },
      {
        kind: "skipped",
        reason: { kind: "columns-moved", column: 1, expected: "Client", found: "Nom du client" },
      },
      expect.objectContaining({ kind: "applied", rows: 8 }),
    ]);
    // Nothing written to the invoices: their status still says what it said as of 3 December.
    expect(wb.value(DEMO_INVOICE_SHEET, 30, 7)).toBe(318);
  });

  test("a deleted table is skipped, named", async () => {
    const { wb, gateway } = make();
    const subscriptions = await applySubscriptions(wb, gateway);
    wb.deleteSheet("Abonnements");
    const [line] = await recalc(gateway, [subscriptions], DEC_31);
    expect(line?.outcome).toEqual({
      kind: "skipped",
      reason: { kind: "table-gone", table: "TabAbonnements" },
    });
  });

  test("invoices added under a register since are recalculated with it, and it is remembered with its new rows", async () => {
    const { wb, gateway } = make();
    const invoices = await applyInvoices(wb, gateway, "2026-12-03", "today");
    // FA-0137 on sheet row 38: consulting (Sillage: 15 days), dated 01/12/2026 (serial 46357), 1 000 €.
    ["FA-0137", "Atelier Roux", "consulting", 46357, 1000, null].forEach((v, c) =>
      wb.write(DEMO_INVOICE_SHEET, 37, c, v, "values"),
    );
    const [line] = await recalc(gateway, [invoices], DEC_31);
    expect(applied(line)).toMatchObject({ rows: 37 });
    expect(applied(line).remembered.range).toBe("A1:L38");
    // Due 01/12/2026 + 15 days = 16/12/2026 (serial 46372); 15 days late on 31/12/2026.
    expect(wb.value(DEMO_INVOICE_SHEET, 37, 6)).toBe(46372);
    expect(wb.value(DEMO_INVOICE_SHEET, 37, 7)).toBe(15);
  });

  test("cancelled while the first register is written, the next is not run", async () => {
    const { wb, gateway } = make();
    const invoices = await applyInvoices(wb, gateway, "2026-12-03", "today");
    const subscriptions = await applySubscriptions(wb, gateway);
    const controller = new AbortController();
    const lines = await recalculateAll({
      gateway,
      registers: [invoices, subscriptions],
      today: DEC_31,
      lang: "fr",
      registry: SHIPPED_REGISTRY,
      settings: SETTINGS,
      chunkRows: 10,
      yieldFn: async () => undefined,
      signal: controller.signal,
      // The first chunk of 10 rows written: cancel.
      onProgress: (p) => {
        if (p.done >= 10) controller.abort();
      },
    });
    expect(applied(lines[0])).toMatchObject({ rows: 10, cancelled: true });
    expect(lines[1]?.outcome).toEqual({ kind: "not-run" });
  });
});

describe("what a remembered register keeps", () => {
  test("its input headers leave out an earlier run's columns and the as-of label and date of a formulas run", () => {
    const headers = [
      "N° facture",
      "Date facture",
      "Montant TTC",
      "Échéance (CGV)",
      "Statut",
      "Date d'arrêté",
      "46359",
    ];
    const previousOutputs = recognizeHeaders(headers).previousOutputs;
    expect(previousOutputs).toEqual([3, 4]);
    expect(inputHeaders(headers, previousOutputs)).toEqual(["N° facture", "Date facture", "Montant TTC"]);
  });

  test("the same register is at the same place however many rows it gained; tables compare by name in any case", () => {
    const base: StoredRegister = {
      sheet: DEMO_INVOICE_SHEET,
      range: "A1:L37",
      vendor: "sillage",
      mode: "invoices",
      write: "values",
      asOf: "today",
      headers: [],
      appliedOn: "2026-12-03",
    };
    const here = samePlace(base);
    expect(here({ ...base, range: "A1:L40" })).toBe(true);
    expect(here({ ...base, range: "B1:L40" })).toBe(false);
    expect(here({ ...base, sheet: "Factures 2025" })).toBe(false);
    const table = samePlace({ ...base, table: "TabAbonnements" });
    expect(table({ ...base, table: "tababonnements" })).toBe(true);
    expect(table(base)).toBe(false);
  });
});
