import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import ICAL from "ical.js";
import { runApplyCommand } from "../cli/run-main";
import { iso, SHIPPED_REGISTRY } from "../../src/engine";

const serial = (text: string): number => iso(text) + 25569;

const run = runApplyCommand;

let dir: string;
let input: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-portable-cli-"));
  input = path.join(dir, "factures.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Factures");
  ws.addRow(["N° facture", "Date facture", "Montant TTC", "Date de paiement"]);
  // OMI, + 30 days (CGA 6.3). As of 2025-04-01:
  ws.addRow(["F-1", serial("2025-03-10"), 1000, null]); // due 2025-04-09: coming
  ws.addRow(["F-2", serial("2025-01-01"), 2500, serial("2025-03-02")]); // due 2025-01-31, paid 30 days late
  ws.addRow(["F-3", serial("2025-03-02"), 90, null]); // due 2025-04-01: coming, today
  await wb.xlsx.writeFile(input);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("--output portable writes native formulas, the reference sheet, and says which column stays values", async () => {
  const out = path.join(dir, "portable.xlsx");
  const r = await run([input, "--vendor", "omi", "--as-of", "2025-04-01", "--output", "portable", "-o", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Colonne en valeurs « Statut » : le statut est une phrase/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Factures") as ExcelJS.Worksheet;
  // Inputs A–D, outputs E–J, as-of label K1 and date L1.
  expect(ws.getCell("E2").formula).toBe("B2+30");
  expect(ws.getCell("F2").formula).toBe('MAX(0,IF(D2="",$L$1,D2)-E2)');
  expect(ws.getCell("G3").formula).toContain("SUMPRODUCT('Échéance - taux et fériés'!");
  // Cached results are the engine's values: F-2 paid 30 days late in 2025-H1 at 11.13 % →
  // 2500 × 11.13 % × 30 / 365 = 22.87 (docs/conventions.md#worked-examples), + 40.
  expect((ws.getCell("G3").value as ExcelJS.CellFormulaValue).result).toBe(22.87);
  expect((ws.getCell("I3").value as ExcelJS.CellFormulaValue).result).toBe(62.87);
  expect(ws.getCell("J3").value).toBe("Payée avec 30 jours de retard");
  const ref = wb.getWorksheet("Échéance - taux et fériés");
  expect(ref).toBeDefined();
  expect(ref?.getCell("A4").value).toBe("Semestre");
});

test("the reference sheet and the stored terms added to one copy get distinct relationship ids", async () => {
  // Both are new workbook relationships; a shared id would hide the reference sheet from Excel.
  const out = path.join(dir, "portable.xlsx");
  expect(
    (await run([input, "--vendor", "omi", "--as-of", "2025-04-01", "--output", "portable", "-o", out])).code,
  ).toBe(0);
  const rels = strFromU8(unzipSync(await fs.readFile(out))["xl/_rels/workbook.xml.rels"] as Uint8Array);
  const ids = [...rels.matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]);
  expect(rels).toContain("customXml/item1.xml");
  expect(rels).toMatch(/Target="worksheets\/sheet\d+\.xml"/);
  expect(new Set(ids).size).toBe(ids.length);
});

test("values mode puts a provenance note on the first new header: vendor, profile version, date computed", async () => {
  const out = path.join(dir, "values.xlsx");
  const r = await run([input, "--vendor", "omi", "--as-of", "2025-04-01", "-o", out]);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Factures") as ExcelJS.Worksheet;
  const note = ws.getCell("E1").note;
  const text =
    typeof note === "string" ? note : (note?.texts ?? []).map((t: { text: string }) => t.text).join("");
  const d = new Date();
  const today = `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
  // French dates and the undated terms' version in French (issue 15).
  expect(text).toContain(`valeurs calculées le ${today}, arrêté au 01/04/2025`);
  expect(text).toContain(
    `OMI SAS (Plateforme OMI) (omi), profil ${SHIPPED_REGISTRY.get("omi")?.profileVersion}`,
  );
  expect(text).toContain("(version non datée (telle que collectée))");
  expect(text).not.toMatch(/undated|as collected/);
  expect(ws.getCell("F1").note).toBeUndefined();
});

test("--ics exports the coming due dates with the chosen alarm", async () => {
  const out = path.join(dir, "values.xlsx");
  const ics = path.join(dir, "echeances.ics");
  const r = await run([
    input,
    "--vendor",
    "omi",
    "--as-of",
    "2025-04-01",
    "-o",
    out,
    "--ics",
    ics,
    "--alarm-days",
    "5",
  ]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("2 échéance(s) à venir");
  const cal = new ICAL.Component(ICAL.parse(await fs.readFile(ics, "utf8")));
  const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  // F-1 due 2025-04-09 and F-3 due 2025-04-01; F-2 is paid.
  expect(events.map((e) => e.startDate.toString())).toEqual(["2025-04-09", "2025-04-01"]);
  expect(events[0]?.description).toContain("Référence : F-1");
  const trigger = cal
    .getFirstSubcomponent("vevent")
    ?.getFirstSubcomponent("valarm")
    ?.getFirstPropertyValue("trigger") as ICAL.Duration;
  expect(trigger.toSeconds()).toBe(-5 * 86400);
});

test("portable formulas need an xlsx output, and --alarm-days a whole number of days", async () => {
  const csv = await run([input, "--vendor", "omi", "--output", "portable", "-o", path.join(dir, "x.csv")]);
  expect(csv.code).toBe(2);
  expect(csv.stderr).toMatch(/doit être un \.xlsx/);
  const bad = await run([input, "--vendor", "omi", "--ics", path.join(dir, "x.ics"), "--alarm-days", "-2"]);
  expect(bad.code).toBe(2);
});

test("the copy writes the portable formulas, the reference sheet and, in values, the note", async () => {
  const portable = path.join(dir, "stream-portable.xlsx");
  const p = await run([
    input,
    "--vendor",
    "omi",
    "--as-of",
    "2025-04-01",
    "--output",
    "portable",
    "-o",
    portable,
  ]);
  expect(p.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(portable);
  expect(wb.getWorksheet("Factures")?.getCell("E2").formula).toBe("B2+30");
  expect(wb.getWorksheet("Échéance - taux et fériés")?.getCell("A5").value).toBe("2015-H1");
  const values = path.join(dir, "stream-values.xlsx");
  const v = await run([input, "--vendor", "omi", "--as-of", "2025-04-01", "-o", values]);
  expect(v.code).toBe(0);
  const wv = new ExcelJS.Workbook();
  await wv.xlsx.readFile(values);
  const note = wv.getWorksheet("Factures")?.getCell("E1").note;
  const text =
    typeof note === "string" ? note : (note?.texts ?? []).map((t: { text: string }) => t.text).join("");
  expect(text).toContain(
    `OMI SAS (Plateforme OMI) (omi), profil ${SHIPPED_REGISTRY.get("omi")?.profileVersion}`,
  );
});
