import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { applyRegisterSync, recognizeHeaders } from "../../src/apply";
import type { CellValue } from "../../src/cells";
import { captureState, restoreState, serializeState, STORAGE_NAMESPACE } from "../../src/storage";
import { acme } from "../storage/fixtures";
import { runMain } from "./run-main";

/**
 * Issue 13 on the command line: a missing rate never blanks what does not depend on it, `--rates`
 * fills it, the output workbook keeps the rates and registers it was computed with, a workbook's
 * stored terms are read exactly as the pane reads them, and `--all` recalculates every register.
 */

const SAMPLE = path.resolve(__dirname, "../../samples/omi-factures.xlsx");
const SUBSCRIPTIONS = path.resolve(__dirname, "../../samples/omi-abonnements.xlsx");

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-stored-terms-"));
  process.env.ECHEANCE_TODAY = "2026-12-03";
});
afterEach(async () => {
  delete process.env.ECHEANCE_TODAY;
  await fs.rm(dir, { recursive: true, force: true });
});

/** A sheet's cells as plain values: formula results, dates as ISO text. */
async function sheetValues(file: string, sheet: string): Promise<CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as unknown;
      values[c - 1] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v !== null && typeof v === "object" && "result" in v
            ? ((v as { result: CellValue }).result ?? null)
            : (v as CellValue);
    });
    rows[n - 1] = values;
  });
  return rows;
}

/** The value in the column headed `header` of sheet row `row` (1-based). */
function cell(rows: CellValue[][], header: string, row: number): CellValue {
  const col = (rows[0] ?? []).indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  return rows[row - 1]?.[col] ?? null;
}

/** The custom XML parts of an xlsx file, by path. */
async function customXml(file: string): Promise<string[]> {
  const files = unzipSync(await fs.readFile(file));
  return Object.keys(files)
    .filter((p) => /^customXml\/item\d+\.xml$/.test(p))
    .map((p) => new TextDecoder().decode(files[p]));
}

/**
 * Adds a stored-terms document to an xlsx file as the pane's TermsStore does (a custom XML part with
 * its properties, relationship and the workbook relationship), without anything else of ours.
 */
async function withStoredTerms(file: string, xml: string): Promise<void> {
  const files = unzipSync(await fs.readFile(file));
  const text = (p: string) => new TextDecoder().decode(files[p]);
  files["customXml/item1.xml"] = strToU8(xml);
  files["customXml/itemProps1.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ds:datastoreItem ds:itemID="{6B1C0E55-2F7A-4C1E-9A51-0D5B2A3C4E11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${STORAGE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  files["customXml/_rels/item1.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    text("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdStored" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    ),
  );
  const types = text("[Content_Types].xml");
  if (!/Extension="xml"/.test(types))
    files["[Content_Types].xml"] = strToU8(
      types.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`),
    );
  await fs.writeFile(file, zipSync(files));
}

// OMI-2026-0050 (sample row 51): 7 296,32 €, invoiced 02/05/2026, due 01/06/2026 (+30 days, CGA 6.3),
// unpaid. As of 03/12/2026 it is 185 days late: 2 June–30 June (29 days, 2026-H1) and 1 July–3 December
// (156 days, 2026-H2). The shipped table stops at 2026-H1 for the legal rate.
const ROW = 51;

describe("as of today (2026-12-03), a missing half-year blanks only the interest", () => {
  test("the OMI sample computes every row but the two bad ones, and says which half-year is missing", async () => {
    const out = path.join(dir, "today.xlsx");
    const r = await runMain("apply", SAMPLE, "--vendor", "omi", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Arrêté au 03/12/2026");
    expect(r.out).toContain("50 ligne(s) de factures : 48 calculée(s), 2 en erreur.");
    expect(r.out).toMatch(/facture\(s\) sans intérêts .*taux légal du 2e semestre 2026 non renseigné/);
    const rows = await sheetValues(out, "Factures");
    expect(cell(rows, "Échéance (CGV)", ROW)).toBe("2026-06-01");
    expect(cell(rows, "Jours de retard", ROW)).toBe(185);
    expect(cell(rows, "Indemnité de recouvrement", ROW)).toBe(40);
    expect(cell(rows, "Intérêts de retard", ROW)).toBe("taux du 2e semestre 2026 manquant");
    expect(String(cell(rows, "Statut", ROW))).toMatch(
      /^Impayée — 185 jours de retard\. Intérêts non calculés : taux légal du 2e semestre 2026 non renseigné/,
    );
  });
});

describe("--rates fills the missing half-year, and the output workbook keeps it", () => {
  async function rateFile(): Promise<string> {
    // A figure for the test, not the published one: 2.50 % for professionals, so OMI's 3 × = 7.50 %.
    const file = path.join(dir, "taux.csv");
    await fs.writeFile(file, "half-year;legal-professional;legal-consumer;ecb\n2026-H2;2,50;4,00;2,40\n");
    return file;
  }

  // 2026-H1 at 3 × 2.62 % = 7.86 %, 2026-H2 at 3 × 2.50 % = 7.50 %:
  // 7 296,32 × (7.86 % × 29 + 7.50 % × 156) / 365 = 45.565 + 233.882 = 279.447 → 279,45 €.
  const INTEREST = 279.45;

  test("the rows late in 2026-H2 get their interest, and re-applying the output without --rates gives the same", async () => {
    const first = path.join(dir, "with-rates.xlsx");
    const r = await runMain("apply", SAMPLE, "--vendor", "omi", "--rates", await rateFile(), "-o", first);
    expect(r.code).toBe(0);
    expect(r.out).toContain("lignes du fichier de taux 2026-H2");
    expect(r.out).not.toContain("sans intérêts");
    const rows = await sheetValues(first, "Factures");
    expect(cell(rows, "Intérêts de retard", ROW)).toBe(INTEREST);
    expect(cell(rows, "Total pénalités", ROW)).toBe(INTEREST + 40);
    expect(cell(rows, "Statut", ROW)).toBe("Impayée — 185 jours de retard");

    // The output carries the rate row; a colleague's run on it, with no rate file, uses it.
    const parts = await customXml(first);
    expect(parts.some((x) => x.includes(STORAGE_NAMESPACE) && x.includes("2026-H2"))).toBe(true);
    const again = path.join(dir, "again.xlsx");
    const r2 = await runMain("apply", first, "--vendor", "omi", "-o", again);
    expect(r2.code).toBe(0);
    expect(r2.out).toMatch(
      /Conditions : conditions enregistrées dans le classeur \(révision 1\) : .*lignes de taux 2026-H2/,
    );
    expect(cell(await sheetValues(again, "Factures"), "Intérêts de retard", ROW)).toBe(INTEREST);

    // The explanation of that row cites the user's rate row, read back from the workbook.
    const explained = await runMain("apply", first, "--vendor", "omi", "--explain", String(ROW));
    expect(explained.out).toContain(
      "2e semestre 2026 : taux contractuel 7,5 % ; plancher 3 × taux légal = 7,5 % ; taux appliqué 7,5 % (taux saisi par l'utilisateur : taux légal 2,5 %).",
    );

    // --ignore-stored-terms goes back to the shipped table: the half-year is missing again.
    const ignored = path.join(dir, "ignored.xlsx");
    const r3 = await runMain("apply", first, "--vendor", "omi", "--ignore-stored-terms", "-o", ignored);
    expect(r3.out).toContain("conditions enregistrées dans le classeur ignorées (--ignore-stored-terms)");
    expect(cell(await sheetValues(ignored, "Factures"), "Intérêts de retard", ROW)).toBe(
      "taux du 2e semestre 2026 manquant",
    );
  });

  test("a rate file with a rate outside 0–30 % is refused, naming the row and field, and nothing is written", async () => {
    const bad = path.join(dir, "taux.csv");
    await fs.writeFile(bad, "half-year,legal-professional,legal-consumer,ecb\n2026-H2,45,4.00,2.40\n");
    const out = path.join(dir, "never.xlsx");
    const r = await runMain("apply", SAMPLE, "--vendor", "omi", "--rates", bad, "-o", out);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("taux.csv, ligne 2, taux légal (professionnels) : 45 % est hors de 0 % à 30 %");
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe("a workbook that travelled computes the same on the command line as in the pane", () => {
  test("custom vendor and rate rows stored by the storage code give the pane's figures", async () => {
    const state = captureState({
      profiles: [acme()],
      rateRows: [{ halfYear: "2026-H2", legalProfessional: "2.50", legalConsumer: "4.00", ecb: "2.40" }],
    });
    const input = path.join(dir, "acme.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Factures");
    const header = ["N° facture", "Date facture", "Montant TTC", "Payé le"];
    const data: CellValue[][] = [
      ["A-1", "15/05/2026", 1200, null], // 30 days end of month: due 30/06/2026, unpaid: late all 2026-H2
      ["A-2", "10/03/2026", 800, "20/07/2026"], // due 30/04/2026, paid in 2026-H2
      ["A-3", "20/11/2026", 500, null], // due 31/12/2026: not yet due
    ];
    ws.addRow(header);
    for (const row of data) ws.addRow(row);
    await wb.xlsx.writeFile(input);
    await withStoredTerms(input, serializeState(state));

    const out = path.join(dir, "acme-out.xlsx");
    const r = await runMain("apply", input, "--vendor", "acme", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fournisseurs du classeur acme ; lignes de taux 2026-H2/);

    // The pane restores the same document and applies through the same core.
    const restored = restoreState(state);
    const pane = applyRegisterSync(data, {
      mode: "invoices",
      mapping: recognizeHeaders(header).mapping,
      vendor: "acme",
      asOf: "2026-12-03",
      lang: "fr",
      headers: header,
      registry: restored.registry,
      settings: restored.settings,
    });
    const rows = await sheetValues(out, "Factures");
    const interest = pane.columns.findIndex((c) => c.id === "interest");
    expect(interest).toBeGreaterThanOrEqual(0);
    const interestHeader = pane.columns[interest]?.header.fr ?? "";
    data.forEach((_, i) => {
      expect(cell(rows, interestHeader, i + 2)).toEqual(pane.rows[i]?.[interest]);
    });
    // 1 200 € late from 1 July to 3 December 2026 = 156 days at 3 × 2.50 % = 7.50 %:
    // 1 200 × 7.50 % × 156 / 365 = 38.466 → 38,47 €.
    expect(cell(rows, interestHeader, 2)).toBe(38.47);
  });
});

describe("--all recalculates every register the workbook remembers", () => {
  test("invoices and subscriptions applied on 30/06/2026 and recalculated on 03/12/2026 equal two fresh Applies", async () => {
    // One workbook, two registers: the OMI invoices and the OMI subscriptions.
    const input = path.join(dir, "deux-registres.xlsx");
    const book = new ExcelJS.Workbook();
    for (const [file, name] of [
      [SAMPLE, "Factures"],
      [SUBSCRIPTIONS, "Abonnements"],
    ] as const) {
      const src = new ExcelJS.Workbook();
      await src.xlsx.readFile(file);
      const from = src.worksheets[0] as ExcelJS.Worksheet;
      const to = book.addWorksheet(name);
      from.eachRow({ includeEmpty: true }, (row, n) => {
        to.getRow(n).values = row.values as ExcelJS.CellValue[];
      });
    }
    await book.xlsx.writeFile(input);

    process.env.ECHEANCE_TODAY = "2026-06-30";
    const one = path.join(dir, "un.xlsx");
    const two = path.join(dir, "deux.xlsx");
    expect((await runMain("apply", input, "--vendor", "omi", "--sheet", "Factures", "-o", one)).code).toBe(0);
    expect((await runMain("apply", one, "--vendor", "omi", "--sheet", "Abonnements", "-o", two)).code).toBe(
      0,
    );

    process.env.ECHEANCE_TODAY = "2026-12-03";
    const all = path.join(dir, "tout.xlsx");
    const r = await runMain("apply", two, "--all", "-o", all);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Factures");
    expect(r.out).toContain("Abonnements");

    const freshInvoices = path.join(dir, "f.xlsx");
    const freshSubscriptions = path.join(dir, "a.xlsx");
    await runMain("apply", input, "--vendor", "omi", "--sheet", "Factures", "-o", freshInvoices);
    await runMain("apply", input, "--vendor", "omi", "--sheet", "Abonnements", "-o", freshSubscriptions);
    const recalculated = await sheetValues(all, "Factures");
    expect(recalculated).toEqual(await sheetValues(freshInvoices, "Factures"));
    expect(cell(recalculated, "Jours de retard", ROW)).toBe(185);
    expect(await sheetValues(all, "Abonnements")).toEqual(
      await sheetValues(freshSubscriptions, "Abonnements"),
    );
  });
});
