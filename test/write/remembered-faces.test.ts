import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { recognizeHeaders } from "../../src/apply";
import { iso, SHIPPED_REGISTRY, DEFAULT_SETTINGS, type Day } from "../../src/engine";
import { parseStoredDocument, STORAGE_NAMESPACE, type StoredRegister } from "../../src/storage";
import { buildApplyOptions, buildApplyRequest } from "../../src/taskpane/apply-adapter";
import { recalculateAll } from "../../src/taskpane/components/Recalculate/recalculate";
import { DEMO_INVOICE_SHEET, demoWorkbook } from "../../src/taskpane/demo/demo-register";
import { registerPlace } from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import type { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { applyToSheet, planApply, registerToRemember, rowsInMemory, type AsOfKind } from "../../src/write";
import { readCustomXmlParts } from "../../src/xlsx";
import { runMain } from "../cli/run-main";

/**
 * Issue 20, « the remembered register »: the pane and `echeance apply` (then `--all`) remember the same
 * register for the same input — its place, its as-of date as the user chose it (« aujourd'hui » or
 * fixed), its columns — because both call the one core function, `registerToRemember`
 * (src/write/remembered.ts). The input: Sillage's demo invoice register (36 rows, A1:F37), in the
 * pane's in-memory workbook and, cell for cell, in an xlsx file for the command line.
 */

const DEC_3 = iso("2026-12-03");
const DEC_31 = iso("2026-12-31");

/** The demo register's sheet written as an xlsx file, its cells as the pane reads them. */
async function registerFile(wb: MemoryWorkbook, dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(DEMO_INVOICE_SHEET);
  const used = wb.usedBlock(DEMO_INVOICE_SHEET);
  for (const line of wb.values(DEMO_INVOICE_SHEET, used)) ws.addRow(line.map((v) => (v === null ? null : v)));
  const file = path.join(dir, "registre.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

/** Apply as the pane does it (the register around A1, the vendor's default client type), and what it remembers. */
async function paneApply(
  wb: MemoryWorkbook,
  asOf: string,
  asOfKind: AsOfKind,
  today: Day,
): Promise<StoredRegister> {
  const gateway = new MemoryGateway(wb);
  wb.select(DEMO_INVOICE_SHEET, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  const source = await gateway.readSource("region");
  const recognition = recognizeHeaders(source.headers);
  const options = buildApplyOptions({
    source,
    mode: "invoices",
    mapping: recognition.mapping,
    vendor: "sillage",
    asOf,
    lang: "fr",
    defaults: { clientType: "pro" },
    registry: SHIPPED_REGISTRY,
    settings: DEFAULT_SETTINGS,
  });
  const request = buildApplyRequest({ options, write: "values", recognition, today, highlightDays: 30 });
  const plan = planApply(request, registerPlace(source), source.headers);
  const sink = gateway.applySink(source);
  try {
    await applyToSheet(plan, rowsInMemory(plan.place, source.headers, source.rows), sink, {
      yieldFn: async () => undefined,
    });
  } finally {
    await sink.close();
  }
  return registerToRemember({
    plan,
    rows: source.rows.length,
    recognized: recognition.mapping,
    asOf: asOfKind,
    today,
  });
}

/** `echeance apply` run on `today`, and the register its output workbook remembers. */
async function cliApply(
  today: string,
  ...argv: string[]
): Promise<{ code: number; registers: readonly StoredRegister[] }> {
  const out = argv[argv.indexOf("-o") + 1] as string;
  const pinned = process.env.ECHEANCE_TODAY;
  process.env.ECHEANCE_TODAY = today;
  try {
    const r = await runMain("apply", ...argv);
    if (r.code !== 0) throw new Error(r.err);
    const parts = await readCustomXmlParts(out);
    const xml = parts.find((p) => p.includes(STORAGE_NAMESPACE)) ?? "";
    const read = parseStoredDocument(xml);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    return { code: r.code, registers: read.state.registers };
  } finally {
    if (pinned === undefined) delete process.env.ECHEANCE_TODAY;
    else process.env.ECHEANCE_TODAY = pinned;
  }
}

describe("the pane and the command line remember the same register", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "remembered-faces-"));

  test("applied « aujourd'hui » (the pane's choice, the command line without --as-of): the same place, « today », the same columns", async () => {
    const wb = demoWorkbook();
    const input = await registerFile(wb, dir);
    const pane = await paneApply(wb, "2026-12-03", "today", DEC_3);
    const cli = await cliApply(
      "2026-12-03",
      input,
      "--vendor",
      "sillage",
      "--client",
      "pro",
      "-o",
      path.join(dir, "today.xlsx"),
    );
    expect(cli.registers).toEqual([pane]);
    // The block from A through the sixth new column (L), header row and 36 data rows.
    expect(pane).toMatchObject({
      sheet: DEMO_INVOICE_SHEET,
      range: "A1:L37",
      asOf: "today",
      appliedOn: "2026-12-03",
    });
  });

  test("applied at a fixed date (the pane's « date fixe », --as-of 2026-06-30): the date is remembered, the same for both", async () => {
    const wb = demoWorkbook();
    const input = await registerFile(wb, dir);
    const pane = await paneApply(wb, "2026-06-30", "fixed", DEC_3);
    const cli = await cliApply(
      "2026-12-03",
      input,
      "--vendor",
      "sillage",
      "--client",
      "pro",
      "--as-of",
      "2026-06-30",
      "-o",
      path.join(dir, "fixed.xlsx"),
    );
    expect(cli.registers).toEqual([pane]);
    expect(pane.asOf).toBe("2026-06-30");
  });

  test("`--as-of today` says « aujourd'hui » explicitly, as the pane's radio does", async () => {
    const wb = demoWorkbook();
    const input = await registerFile(wb, dir);
    const cli = await cliApply(
      "2026-12-03",
      input,
      "--vendor",
      "sillage",
      "--client",
      "pro",
      "--as-of",
      "today",
      "-o",
      path.join(dir, "explicit.xlsx"),
    );
    expect(cli.registers[0]?.asOf).toBe("today");
  });

  test("recalculated later (« Tout recalculer » and --all), both remember it again the same way", async () => {
    const wb = demoWorkbook();
    const input = await registerFile(wb, dir);
    const first = path.join(dir, "first.xlsx");
    await cliApply("2026-12-03", input, "--vendor", "sillage", "--client", "pro", "-o", first);
    const all = await cliApply("2026-12-31", first, "--all", "-o", path.join(dir, "all.xlsx"));

    const remembered = await paneApply(wb, "2026-12-03", "today", DEC_3);
    const lines = await recalculateAll({
      gateway: new MemoryGateway(wb),
      registers: [remembered],
      today: DEC_31,
      lang: "fr",
      registry: SHIPPED_REGISTRY,
      settings: DEFAULT_SETTINGS,
      highlightDays: 30,
      chunkRows: 100,
      yieldFn: async () => undefined,
    });
    const outcome = lines[0]?.outcome;
    if (outcome?.kind !== "applied") throw new Error(JSON.stringify(outcome));
    expect(all.registers).toEqual([outcome.remembered]);
    expect(outcome.remembered).toEqual({ ...remembered, appliedOn: "2026-12-31" });
  });
});
