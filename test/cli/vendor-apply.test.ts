import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";

/**
 * Issue 23 end to end, on the built command line (bin/echeance.js → dist/cli/echeance.js): two terms
 * of sale that are not the seeds (test/fixtures/terms) imported with `echeance vendor import`, the
 * drafts given to `echeance apply --vendor-file`, and the output workbook read back — its due dates,
 * late fees and statuses, and the vendors it stores (as the pane stores a vendor it saves), which a
 * second apply without --vendor-file uses. Then a vendor the register names and nobody entered: grouped
 * in the summary with the offer to create it or to use the law (`--vendor loi`).
 *
 * Rates (docs/rates.md): ECB + 10 points is 13.15 % in 2025-H1 (ECB 3.15 % on 1 January 2025) and
 * 12.15 % in 2025-H2 (2.15 % on 1 July); 3 × the professional legal rate is 11.13 % in 2025-H1
 * (3 × 3.71) and 8.28 % in 2025-H2 (3 × 2.76). Interest is simple, on 365 days, rounded to the cent.
 */

const exec = promisify(execFile);
const BIN = path.resolve(__dirname, "../../bin/echeance.js");
const TERMS = path.resolve(__dirname, "../fixtures/terms");

async function echeance(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await exec(process.execPath, [BIN, ...argv], { cwd });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

async function writeRegister(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Factures");
  ws.addRow(["N° facture", "Fournisseur", "Date facture", "Date de réception", "Montant TTC", "Payé le"]);
  ws.addRow(["D-1", "TRANSPORTS DURAND", utc("2025-01-15"), null, 1200, utc("2025-05-05")]);
  ws.addRow(["D-2", "Transports Durand", utc("2025-05-20"), null, 2000, null]);
  ws.addRow(["L-1", "Imprimerie Lumière", utc("2025-03-03"), utc("2025-03-10"), 3000, utc("2025-05-19")]);
  ws.addRow(["L-2", "IMPRIMERIE LUMIÈRE SARL", utc("2025-06-02"), null, 500, utc("2025-07-22")]);
  ws.addRow(["R-1", "Menuiserie Roux", utc("2025-02-10"), null, 800, utc("2025-04-14")]);
  ws.addRow(["R-2", "MENUISERIE ROUX", utc("2025-02-20"), null, 100, null]);
  await wb.xlsx.writeFile(file);
}

/** The output's rows from the first new column on: due date, days late, interest, fee, total, status. */
async function outputRows(file: string): Promise<Record<string, unknown[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: Record<string, unknown[]> = {};
  wb.worksheets[0]?.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    rows[String(v[0])] = v.slice(6).map(isoOf);
  });
  return rows;
}

/** The vendors' ids the output's stored terms hold (its custom XML part, urn:echeance:terms:v1). */
async function storedVendorIds(file: string): Promise<string[]> {
  const { stdout } = await exec("unzip", ["-p", file, "customXml/item1.xml"]);
  return [...stdout.matchAll(/<profile id="([^"]+)"/g)].map((m) => m[1] as string);
}

const describeBuilt = existsSync(path.resolve(__dirname, "../../dist/cli/echeance.js"))
  ? describe
  : describe.skip;

describeBuilt("vendor import → --vendor-file → apply, on the built command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-vendor-apply-"));
    await writeRegister(path.join(dir, "registre.xlsx"));
    for (const [text, id] of [
      ["transports-durand", "durand"],
      ["imprimerie-lumiere", "lumiere"],
    ] as const) {
      const r = await echeance(dir, "vendor", "import", path.join(TERMS, `${text}.txt`), "--id", id);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(r.out).toContain(`Brouillon écrit : ${id}.echeance-vendor.json`);
    }
  }, 60_000);
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the imported vendors compute the register: due dates and late fees worked from their clauses", async () => {
    const r = await echeance(
      dir,
      "apply",
      "registre.xlsx",
      "--vendor-file",
      "durand.echeance-vendor.json",
      "--vendor-file",
      "lumiere.echeance-vendor.json",
      "--as-of",
      "2025-08-15",
      "-o",
      "sortie.xlsx",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Fournisseurs donnés : durand (durand.echeance-vendor.json), lumiere (lumiere.echeance-vendor.json)",
    );
    expect(r.out).toContain("Date de réception → Date de réception");
    const rows = await outputRows(path.join(dir, "sortie.xlsx"));
    // Durand art. 7.2, « quarante-cinq (45) jours fin de mois à compter de la date d'émission »; 7.3,
    // ECB + 10 points and 40 €. The register names it « TRANSPORTS DURAND », a name the import proposed.
    // D-1: 15/01/2025 + 45 days = 01/03/2025 → end of month 31/03/2025; paid 05/05/2025: 35 days late,
    // all in 2025-H1: 1 200 × 13.15 % × 35 / 365 = 15.131… → 15.13 €; + 40 € = 55.13 €.
    expect(rows["D-1"]?.slice(0, 5)).toEqual(["2025-03-31", 35, 15.13, 40, 55.13]);
    // D-2: 20/05/2025 + 45 = 04/07/2025 → 31/07/2025; unpaid at 15/08/2025: 15 days in 2025-H2:
    // 2 000 × 12.15 % × 15 / 365 = 9.986… → 9.99 €; + 40 € = 49.99 €.
    expect(rows["D-2"]?.slice(0, 5)).toEqual(["2025-07-31", 15, 9.99, 40, 49.99]);
    // Lumière art. 3, « Commandes suivantes : 30 jours date de réception de la facture »; art. 4, 3 ×
    // the legal rate on the TTC amount from the day after the due date, 40 €.
    // L-1: received 10/03/2025 (the register's « Date de réception ») + 30 days = 09/04/2025; paid
    // 19/05/2025: 40 days in 2025-H1: 3 000 × 11.13 % × 40 / 365 = 36.591… → 36.59 €; + 40 = 76.59 €.
    expect(rows["L-1"]?.slice(0, 5)).toEqual(["2025-04-09", 40, 36.59, 40, 76.59]);
    expect(rows["L-1"]?.[5]).toBe(
      "Payée avec 40 jours de retard. Délai compté de la date de réception (10/03/2025)",
    );
    // L-2: no date of receipt: the invoice date stands in, 02/06/2025 + 30 = 02/07/2025; paid
    // 22/07/2025: 20 days in 2025-H2: 500 × 8.28 % × 20 / 365 = 2.268… → 2.27 €; + 40 = 42.27 €.
    expect(rows["L-2"]?.slice(0, 5)).toEqual(["2025-07-02", 20, 2.27, 40, 42.27]);
    expect(rows["L-2"]?.[5]).toBe(
      "Payée avec 20 jours de retard. Délai compté de la date de facture, faute de date de réception",
    );
    // 15.13 + 9.99 + 36.59 + 2.27 = 63.98 € of interest, 4 × 40 € of fees.
    expect(r.out).toContain(
      "Pénalités : 223,98 € (intérêts 63,98 €, indemnités 160,00 €) sur 4 facture(s) en retard.",
    );
    // The vendors given are stored in the output workbook, as the pane stores a vendor it saves.
    expect((await storedVendorIds(path.join(dir, "sortie.xlsx"))).sort()).toEqual(["durand", "lumiere"]);
  });

  test("a vendor the register names and nobody entered is grouped in the summary with the offer to create it", async () => {
    const r = await echeance(
      dir,
      "apply",
      "registre.xlsx",
      "--vendor-file",
      "durand.echeance-vendor.json",
      "--vendor-file",
      "lumiere.echeance-vendor.json",
      "--as-of",
      "2025-08-15",
      "-o",
      "inconnus.xlsx",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("6 ligne(s) de factures : 4 calculée(s), 2 en erreur.");
    // « Menuiserie Roux » and « MENUISERIE ROUX » are one name, with its two rows.
    expect(r.out).toContain("Fournisseurs inconnus : « Menuiserie Roux » (2 lignes).");
    expect(r.out).toContain(
      'Créez chaque fournisseur à partir de ses CGV : echeance vendor import CGV.txt --name "Menuiserie Roux", vérifiez le brouillon, puis relancez avec --vendor-file ID.echeance-vendor.json ; ou calculez leurs lignes avec les conditions légales (Code de commerce L441-10) : --vendor loi.',
    );
  });

  test("the output remembers the vendors: applied again without --vendor-file, with --vendor loi for the unknown ones", async () => {
    const first = await echeance(
      dir,
      "apply",
      "registre.xlsx",
      "--vendor-file",
      "durand.echeance-vendor.json",
      "--vendor-file",
      "lumiere.echeance-vendor.json",
      "--as-of",
      "2025-08-15",
      "-o",
      "etape1.xlsx",
    );
    expect(first.code).toBe(0);
    const r = await echeance(
      dir,
      "apply",
      "etape1.xlsx",
      "--vendor",
      "loi",
      "--as-of",
      "2025-08-15",
      "-o",
      "etape2.xlsx",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("fournisseurs du classeur durand, lumiere");
    expect(r.out).toContain("6 ligne(s) de factures : 6 calculée(s), 0 en erreur.");
    expect(r.out).toContain(
      "2 ligne(s) de fournisseurs inconnus calculée(s) avec les conditions légales (loi).",
    );
    const rows = await outputRows(path.join(dir, "etape2.xlsx"));
    // The stored vendors give the same figures as the files did.
    expect(rows["D-1"]?.slice(0, 5)).toEqual(["2025-03-31", 35, 15.13, 40, 55.13]);
    expect(rows["L-1"]?.slice(0, 5)).toEqual(["2025-04-09", 40, 36.59, 40, 76.59]);
    // The law (L441-10 I: 30 days, the invoice date standing in; II: ECB + 10; D441-5: 40 €).
    // 10/02/2025 + 30 = 12/03/2025; paid 14/04/2025: 33 days in 2025-H1:
    // 800 × 13.15 % × 33 / 365 = 9.511… → 9.51 €; + 40 = 49.51 €.
    expect(rows["R-1"]?.slice(0, 5)).toEqual(["2025-03-12", 33, 9.51, 40, 49.51]);
    expect(rows["R-1"]?.[5]).toBe(
      "Payée avec 33 jours de retard. Fournisseur « Menuiserie Roux » non enregistré. Conditions légales (L441-10) appliquées : 30 jours, taux BCE + 10 points, indemnité de 40 €",
    );
    // 20/02/2025 + 30 = 22/03/2025; unpaid at 15/08/2025: 146 days, 100 in 2025-H1 (23/03–30/06)
    // at 13.15 % and 46 in 2025-H2 (01/07–15/08) at 12.15 %: 100 × (0.1315 × 100 + 0.1215 × 46) / 365
    // = 3.6027 + 1.5312 = 5.134 → 5.13 €; + 40 = 45.13 €.
    expect(rows["R-2"]?.slice(0, 5)).toEqual(["2025-03-22", 146, 5.13, 40, 45.13]);
  });
});
