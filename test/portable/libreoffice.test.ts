import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { applyRegisterSync, recognizeHeaders, type OutputColumn, type OutputValue } from "../../src/apply";
import { runApply } from "../../src/cli/apply";
import { readXlsxRegister } from "../../src/xlsx";
import { REFERENCE_NUMBER_FORMATS, type ReferenceSheet } from "../../src/portable";
import { deadline, DEFAULT_SETTINGS, iso, resolveVendor, SHIPPED_REGISTRY } from "../../src/engine";
import { deadlineFormula, referenceSheet, xlsxFormula } from "../../src/portable";
import {
  INVOICE_HEADERS,
  INVOICE_SPECS,
  invoiceRows,
  rng,
  SUBSCRIPTION_HEADERS,
  SUBSCRIPTION_SPECS,
  subscriptionRows,
} from "./registers";
import { sheetCells } from "./xlsx-cells";
import { columnLetters } from "../../src/cells";
import { recalculateWithLibreOffice, SOFFICE } from "../support/libreoffice";

/**
 * Proof that the portable formulas are right: registers of 1,100 varied rows per vendor (invoices for
 * the five vendors, subscriptions for OMI, Sillage and Injenius) go through `echeance apply --output
 * portable`; the cached results are then removed from every formula cell, LibreOffice Calc
 * recalculates the workbooks headless (one soffice call), and every recalculated cell is compared
 * with the engine's value: dates exact, money to the cent. Clause deadlines in jours ouvrés /
 * ouvrables (WORKDAY.INTL over the reference sheet's holidays) are checked the same way.
 */

const ROWS = 1100;

if (!SOFFICE && !process.env.CI) {
  console.warn(
    "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n" +
      "!! PORTABLE FORMULAS NOT CHECKED: LibreOffice (soffice) is not installed.              !!\n" +
      "!! Install it: apt-get install -y libreoffice-calc-nogui — under CI this test fails.   !!\n" +
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n",
  );
}
const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;

const sink = (): Writable =>
  new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });

interface Case {
  readonly name: string;
  readonly vendor: string;
  readonly asOf: string;
  readonly input: string;
  readonly output: string;
  columns: readonly OutputColumn[];
  expected: readonly (readonly OutputValue[])[];
  computed: number;
  rows: readonly (readonly (string | number | null)[])[];
  headerRow: number;
  width: number;
  /** Only formula cells are compared (the as-of cell was edited after writing: values are stale). */
  formulasOnly: boolean;
}

async function writeInput(
  file: string,
  headers: string[],
  rows: (string | number | null)[][],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Registre");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  headers.forEach((h, j) => {
    if (/date|échéance|ajout/i.test(h)) ws.getColumn(j + 1).numFmt = "dd/mm/yyyy";
  });
  await wb.xlsx.writeFile(file);
}

/** Removes every formula's cached result, so only a recalculation can fill the cells. */
async function stripResults(
  from: string,
  to: string,
  edit?: (wb: ExcelJS.Workbook) => void,
): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit?.(wb);
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v !== null && typeof v === "object" && "formula" in v) {
          cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
          formulas += 1;
        }
      }),
    ),
  );
  await wb.xlsx.writeFile(to);
  return formulas;
}

function same(expected: OutputValue, actual: string | number, format: OutputColumn["format"]): boolean {
  if (expected === "" || typeof expected === "string") return expected === actual;
  if (typeof actual !== "number") return false;
  if (format === "money") return Math.round(actual * 100) === Math.round(expected * 100);
  return actual === expected;
}

describeLo("portable formulas recalculated by LibreOffice Calc equal the engine", () => {
  let dir: string;
  const cases: Case[] = [];
  let recalculated: string;
  const deadlineCheck = { file: "", expected: [] as { row: number; col: number; value: number }[] };
  let strippedFormulas = 0;

  beforeAll(async () => {
    if (!SOFFICE)
      throw new Error(
        "CI is set but LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui",
      );
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-portable-"));
    const stripped = path.join(dir, "stripped");
    recalculated = path.join(dir, "recalculated");
    await fs.mkdir(stripped);
    await fs.mkdir(recalculated);

    let seed = 20260101;
    const all = [
      ...INVOICE_SPECS.map((s) => ({
        name: `invoices-${s.vendor}`,
        vendor: s.vendor,
        asOf: s.asOf,
        headers: INVOICE_HEADERS,
        rows: invoiceRows(s, ROWS, seed++),
        editedAsOf: s.vendor === "omi" ? "2025-08-15" : undefined,
      })),
      ...SUBSCRIPTION_SPECS.map((s) => ({
        name: `subscriptions-${s.vendor}`,
        vendor: s.vendor,
        asOf: s.asOf,
        headers: SUBSCRIPTION_HEADERS,
        rows: subscriptionRows(s, ROWS, seed++),
        editedAsOf: s.vendor === "sillage" ? "2026-05-31" : undefined,
      })),
    ];
    for (const c of all) {
      const input = path.join(dir, `${c.name}.xlsx`);
      const output = path.join(dir, `${c.name}.portable.xlsx`);
      await writeInput(input, c.headers, c.rows);
      const code = await runApply(
        [input, "--vendor", c.vendor, "--as-of", c.asOf, "--output", "portable", "-o", output],
        { stdout: sink(), stderr: sink(), isTTY: false },
      );
      expect(code).toBe(0);
      // The engine's values for the same rows, read the way the command reads them.
      const table = await readXlsxRegister(input);
      const rec = recognizeHeaders(table.headers);
      const engine = (asOf: string) =>
        applyRegisterSync(table.rows, {
          mode: rec.mode as "invoices" | "subscriptions",
          mapping: rec.mapping,
          headers: table.headers,
          vendor: c.vendor,
          asOf,
          lang: "fr",
          firstRowNumber: table.location.headerRow + 1,
        });
      const result = engine(c.asOf);
      const base = {
        vendor: c.vendor,
        input,
        columns: result.columns,
        computed: result.summary.computed,
        rows: c.rows,
        headerRow: table.location.headerRow,
        width: table.headers.length,
      };
      cases.push({ ...base, name: c.name, asOf: c.asOf, output, expected: result.rows, formulasOnly: false });
      if (c.editedAsOf !== undefined) {
        // The user changes the as-of cell after the formulas were written: they must follow it.
        const edited = path.join(dir, `${c.name}-asof-edited.portable.xlsx`);
        const asOfCell = `${columnLetters(base.width + base.columns.length + 1)}${base.headerRow}`;
        const newAsOf = iso(c.editedAsOf) + 25569;
        strippedFormulas += await stripResults(output, path.join(stripped, path.basename(edited)), (wb) => {
          (wb.worksheets[0] as ExcelJS.Worksheet).getCell(asOfCell).value = newAsOf;
        });
        const later = engine(c.editedAsOf);
        cases.push({
          ...base,
          name: `${c.name}-asof-edited`,
          asOf: c.editedAsOf,
          output: edited,
          expected: later.rows,
          formulasOnly: true,
        });
      }
      strippedFormulas += await stripResults(output, path.join(stripped, path.basename(output)));
    }

    // Clause deadlines, every vendor and event, on 1,000 varied start dates (2015–2035).
    const reference = referenceSheet({
      lang: "fr",
      holidayYears: { from: 2014, to: 2037 },
      generatedOn: iso("2026-01-01"),
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Délais");
    const r = rng(7);
    const specs = ["omi", "sillage", "sillage+alsace-moselle", "xiahdeh", "injenius", "digitalli"];
    const columns = specs.flatMap((spec) => {
      const { profile, settings } = resolveVendor(spec, SHIPPED_REGISTRY, DEFAULT_SETTINGS);
      return profile.deadlines.map((d) => ({ profile, settings, id: d.id }));
    });
    for (let i = 0; i < 1000; i++) {
      const from = iso("2015-01-01") + Math.floor(r() * 7670);
      const row = ws.getRow(i + 1);
      row.getCell(1).value = from + 25569;
      columns.forEach((c, j) => {
        const f = deadlineFormula(c.profile, c.id, `A${i + 1}`, c.settings, reference);
        if (typeof f !== "string") throw new Error(`no formula for ${c.profile.id} ${c.id}`);
        const expected = deadline(c.profile, c.id, from, c.settings);
        row.getCell(j + 2).value = { formula: xlsxFormula(f) } as ExcelJS.CellFormulaValue;
        deadlineCheck.expected.push({ row: i + 1, col: j + 2, value: expected + 25569 });
      });
    }
    writeReferenceSheet(wb.addWorksheet(reference.name), reference);
    deadlineCheck.file = "deadlines.xlsx";
    await wb.xlsx.writeFile(path.join(stripped, deadlineCheck.file));

    const files = (await fs.readdir(stripped)).map((f) => path.join(stripped, f));
    await recalculateWithLibreOffice(files, recalculated, path.join(dir, "lo-profile"), 170_000);
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("every register has at least 1,000 computed rows and the outputs are formulas", () => {
    expect(cases).toHaveLength(10);
    for (const c of cases) expect(c.computed).toBeGreaterThanOrEqual(1000);
    // 5 invoice registers × 5 formula columns + 3 subscription registers × 2–4 columns, ~1,100 rows each.
    expect(strippedFormulas).toBeGreaterThan(5 * 5 * 1000 + 3 * 2 * 1000);
  });

  test("the registers cover month ends, 29 February, holidays, half-year rate changes and partial payments", () => {
    const day = (s: number): { y: number; m: number; d: number; last: boolean } => {
      const t = new Date((s - 25569) * 86400000);
      const next = new Date((s - 25568) * 86400000);
      return {
        y: t.getUTCFullYear(),
        m: t.getUTCMonth() + 1,
        d: t.getUTCDate(),
        last: next.getUTCDate() === 1,
      };
    };
    const invoices = cases.filter((c) => c.name.startsWith("invoices") && !c.formulasOnly);
    let monthEnds = 0;
    let leapDays = 0;
    let holidays = 0;
    let spanning = 0;
    let partial = 0;
    for (const c of invoices) {
      c.rows.forEach((r, i) => {
        const inv = day(r[2] as number);
        if (inv.last) monthEnds += 1;
        if (inv.m === 2 && inv.d === 29) leapDays += 1;
        if ((inv.m === 1 && inv.d === 1) || (inv.m === 5 && inv.d === 1) || (inv.m === 12 && inv.d === 25))
          holidays += 1;
        if (typeof r[7] === "number" && r[7] > 0 && r[7] < (r[4] as number)) partial += 1;
        const due = c.expected[i]?.[0];
        const late = c.expected[i]?.[1];
        if (typeof due === "number" && typeof late === "number" && late > 0) {
          const a = day(due);
          const b = day(due + late);
          if (a.y * 2 + (a.m >= 7 ? 1 : 0) !== b.y * 2 + (b.m >= 7 ? 1 : 0)) spanning += 1;
        }
      });
    }
    expect(monthEnds).toBeGreaterThan(500);
    expect(leapDays).toBeGreaterThan(10);
    expect(holidays).toBeGreaterThan(50);
    expect(spanning).toBeGreaterThan(1000);
    expect(partial).toBeGreaterThan(200);
    // Subscriptions: renewals on a month's last day (the EOMONTH branch of the notice rule).
    const lastDayRenewals = cases
      .filter((c) => c.name.startsWith("subscriptions") && !c.formulasOnly)
      .reduce((n, c) => n + c.expected.filter((v) => typeof v[0] === "number" && day(v[0]).last).length, 0);
    expect(lastDayRenewals).toBeGreaterThan(100);
    // OMI: rows whose renewal no longer falls on the start's anniversary were re-anchored by a
    // module added in the 3 months before a renewal (CGA 6.2, 7.2).
    const omi = cases.find((c) => c.name === "subscriptions-omi") as Case;
    const reanchored = omi.rows.filter((r, i) => {
      const renewal = omi.expected[i]?.[0];
      if (typeof r[4] !== "number" || typeof renewal !== "number") return false;
      const a = day(r[2] as number);
      const b = day(renewal);
      return a.m !== b.m || (a.d !== b.d && !(a.last && b.last));
    }).length;
    expect(reanchored).toBeGreaterThan(50);
  });

  test.each([
    "invoices-omi",
    "invoices-sillage",
    "invoices-xiahdeh",
    "invoices-injenius",
    "invoices-digitalli",
    "subscriptions-omi",
    "subscriptions-sillage",
    "subscriptions-injenius",
    "invoices-omi-asof-edited",
    "subscriptions-sillage-asof-edited",
  ])("%s: every recalculated cell equals the engine's value", async (name) => {
    const c = cases.find((x) => x.name === name) as Case;
    const cells = await sheetCells(path.join(recalculated, path.basename(c.output)), 1);
    const mismatches: string[] = [];
    let compared = 0;
    let formulas = 0;
    c.expected.forEach((values, i) => {
      const r = c.headerRow + 1 + i;
      c.columns.forEach((col, j) => {
        const cell = cells.get(`${columnLetters(c.width + j)}${r}`);
        const actual = cell?.value ?? "";
        const expected = values[j] ?? "";
        if (c.formulasOnly && cell?.formula === undefined) return;
        compared += 1;
        if (cell?.formula !== undefined) formulas += 1;
        if (!same(expected, actual, col.format) && mismatches.length < 15) {
          const input = Array.from(
            { length: c.width },
            (_, k) => cells.get(`${columnLetters(k)}${r}`)?.value ?? "",
          );
          mismatches.push(
            `row ${r} ${col.id}: expected ${String(expected)}, got ${String(actual)} — input ${JSON.stringify(input)} formula ${cell?.formula ?? "(value)"}`,
          );
        }
      });
    });
    expect(compared).toBeGreaterThanOrEqual(1000 * (c.columns.length - (c.formulasOnly ? 2 : 0)));
    // Every column but the status is a formula on a computed row.
    expect(formulas).toBeGreaterThanOrEqual(c.computed * (c.columns.length - 1) * 0.6);
    expect(mismatches).toEqual([]);
  });

  test("clause deadlines in jours ouvrés / ouvrables (WORKDAY.INTL over the holidays) equal the engine", async () => {
    const cells = await sheetCells(path.join(recalculated, deadlineCheck.file), 1);
    const mismatches: string[] = [];
    for (const e of deadlineCheck.expected) {
      const cell = cells.get(`${columnLetters(e.col - 1)}${e.row}`);
      const actual = cell?.value ?? "";
      if (typeof actual !== "number" || Math.abs(actual - e.value) > 1e-6) {
        if (mismatches.length < 15)
          mismatches.push(
            `row ${e.row} col ${e.col}: expected ${e.value}, got ${String(actual)} (${cell?.formula})`,
          );
      }
    }
    expect(deadlineCheck.expected.length).toBeGreaterThan(30_000);
    expect(mismatches).toEqual([]);
  });
});

/** The reference sheet written with exceljs, for the deadline workbook this test builds itself. */
function writeReferenceSheet(ws: ExcelJS.Worksheet, sheet: ReferenceSheet): void {
  sheet.columnWidths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  sheet.rows.forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      if (typeof v === "object") {
        cell.value = { formula: xlsxFormula(v.formula), result: v.result } as ExcelJS.CellFormulaValue;
      } else cell.value = v;
      const format = sheet.columnFormats[j];
      if (i >= 4 && typeof v !== "string" && format !== undefined && format !== "text")
        cell.numFmt = REFERENCE_NUMBER_FORMATS[format];
    });
  });
}
