import { runMain } from "./run-main";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { delayTableSheet, reportFromRegister } from "../../src/reports";
import { HEADERS, ROWS } from "../fixtures/reports/register";

/** `echeance report` end to end: a register file in, the D441-6 workbook out, the input untouched. */

const run = runMain;

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function registerFile(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "echeance-report-"));
  const file = path.join(dir, "fournisseurs.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Factures");
  ws.addRow(HEADERS);
  for (const row of ROWS) ws.addRow(row);
  await wb.xlsx.writeFile(file);
  return file;
}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  return v as string | number;
}

test("the report workbook holds the same table the pane's sheet builder gives, and the input is untouched", async () => {
  const input = await registerFile();
  const before = sha(input);
  const out = path.join(path.dirname(input), "d441.xlsx");
  const r = await run(
    "report",
    input,
    "--closing",
    "2025-12-31",
    "--kind",
    "received",
    "--total-excl-vat",
    "100000",
    "-o",
    out,
  );
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(sha(input)).toBe(before);
  // The summary: 10 invoices for 5050 € past due (worked out in test/reports/payment-delays.test.ts).
  expect(r.out).toMatch(/Total \(1 jour et plus\)\s+10\s+5\s050,00\s€\s+5,05 %/);
  expect(r.out).toMatch(/Ligne 16/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // The pane's names for a closing on 31/12/2025 (reportSheetNames): the date as a French accountant
  // writes it, hyphens for the slashes Excel refuses in a sheet name.
  expect(wb.worksheets.map((w) => w.name)).toEqual(["D441-6 31-12-2025", "Balance âgée 31-12-2025"]);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const expected = delayTableSheet(
    reportFromRegister([HEADERS, ...ROWS], {
      kind: "received",
      closing: "2025-12-31",
      yearTotalExclVat: 100000,
    }),
  );
  expected.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      expect([r + 1, c + 1, cellValue(ws.getRow(r + 1).getCell(c + 1).value)]).toEqual([
        r + 1,
        c + 1,
        cell.value,
      ]);
    }),
  );
  expect(ws.getRow(6).getCell(2).numFmt).toBe('#,##0.00 "€"');
});

test("in English the aging sheet is named « Aging 2025-12-31 », the legal form keeps its French name", async () => {
  const input = await registerFile();
  const out = path.join(path.dirname(input), "d441-en.xlsx");
  const r = await run(
    "report",
    input,
    "--closing",
    "2025-12-31",
    "--kind",
    "received",
    "-o",
    out,
    "--lang",
    "en",
  );
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["D441-6 31-12-2025", "Aging 2025-12-31"]);
  // The summary in English, the percentage with a decimal point.
  expect(r.out).toContain("Received invoices unpaid at 2025-12-31:");
  expect(r.out).toContain(`Written: ${out}`);
});

test("the default output goes next to the input", async () => {
  const input = await registerFile();
  const r = await run("report", input, "--closing", "31/12/2025", "--kind", "issued");
  expect(r.code).toBe(0);
  expect(r.out).toContain(input.replace(/\.xlsx$/, ".d441-6.xlsx"));
});

test("missing --closing or a bad --kind is a usage error with exit 2, said in French", async () => {
  const input = await registerFile();
  const missing = await run("report", input, "--kind", "received");
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(
    /^echeance report : --closing est obligatoire \(date de clôture AAAA-MM-JJ\)\./,
  );
  const bad = await run("report", input, "--closing", "2025-12-31", "--kind", "both");
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/--kind attend received ou issued \(reçu « both »\)/);
  const english = await run("report", input, "--closing", "2025-12-31", "--kind", "both", "--lang", "en");
  expect(english.err).toMatch(/^echeance report: --kind must be received or issued \(got "both"\)/);
});

test("an unknown option is named, in French", async () => {
  const r = await run("report", "x.xlsx", "--closing", "2025-12-31", "--kind", "received", "--colsing");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/option inconnue : --colsing/);
});

test("a file that does not exist exits 1 with a sentence, not a raw ENOENT", async () => {
  const r = await run("report", "/nonexistent/x.xlsx", "--closing", "2025-12-31", "--kind", "received");
  expect(r.code).toBe(1);
  expect(r.err).toBe("echeance report : /nonexistent/x.xlsx : fichier introuvable.\n");
});
