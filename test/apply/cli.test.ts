import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runApplyCommand } from "../cli/run-main";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

const run = runApplyCommand;

const sha = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

/** Excel serial → ISO date (exceljs gives Dates for date cells; serials for formula results). */
function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10);
  return String(v);
}

async function readSheet(file: string, sheet?: string): Promise<{ wb: ExcelJS.Workbook; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  const rows: unknown[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return { wb, rows };
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-apply-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A small invoice register with the worked examples of docs/conventions.md#worked-examples. */
async function writeRegister(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Factures");
  ws.addRow(["Réf", "Client", "Date facture", "Échéance", "Montant TTC", "Payé le"]);
  ws.addRow([
    "F-1",
    "Acme",
    new Date(Date.UTC(2025, 0, 1)),
    new Date(Date.UTC(2025, 0, 31)),
    2500,
    new Date(Date.UTC(2025, 2, 2)),
  ]);
  ws.addRow(["F-2", "Beta", new Date(Date.UTC(2025, 2, 10)), null, 1000, null]);
  ws.addRow(["F-3", "Gamma", "31/02/2025", null, 100, null]);
  wb.addWorksheet("Autre").addRow(["gardé tel quel"]);
  await wb.xlsx.writeFile(file);
}

describe("echeance apply", () => {
  it("writes INPUT.echeance.xlsx with the new columns and leaves the input file's bytes unchanged", async () => {
    const input = path.join(dir, "registre.xlsx");
    await writeRegister(input);
    const before = await sha(input);
    const r = await run([input, "--vendor", "omi", "--as-of", "2025-03-20"]);
    expect(r.code).toBe(0);
    expect(await sha(input)).toBe(before);
    const { wb, rows } = await readSheet(path.join(dir, "registre.echeance.xlsx"));
    expect(rows[0]).toEqual([
      "Réf",
      "Client",
      "Date facture",
      "Échéance",
      "Montant TTC",
      "Payé le",
      "Échéance (CGV)",
      "Jours de retard",
      "Intérêts de retard",
      "Indemnité de recouvrement",
      "Total pénalités",
      "Statut",
    ]);
    // docs/conventions.md#worked-examples: 2500 € due 31 Jan 2025 paid 2 Mar 2025 → 30 days, 22.87 + 40 = 62.87.
    const f1 = rows[1] as unknown[];
    expect(iso(f1[6])).toBe("2025-01-31");
    expect(f1.slice(7, 12)).toEqual([30, 22.87, 40, 62.87, "Payée avec 30 jours de retard"]);
    // omi + 30 days: 10 Mar → 9 Apr 2025, not due on 20 Mar.
    const f2 = rows[2] as unknown[];
    expect(iso(f2[6])).toBe("2025-04-09");
    expect(f2[11]).toBe("À payer au plus tard le 09/04/2025");
    expect(String((rows[3] as unknown[])[11])).toMatch(
      /^Ligne 4, colonne « Date facture » : « 31\/02\/2025 »/,
    );
    // The input data is there unchanged, the other sheet is kept, and formats are set.
    expect(f1.slice(0, 2)).toEqual(["F-1", "Acme"]);
    expect(wb.getWorksheet("Autre")?.getCell("A1").value).toBe("gardé tel quel");
    expect(wb.worksheets[0]?.getCell("G2").numFmt).toBe("dd/mm/yyyy");
    expect(wb.worksheets[0]?.getCell("K2").numFmt).toContain("0.00");
    expect(r.stdout).toContain("Arrêté au 20/03/2025");
    expect(r.stdout).toContain("3 ligne(s) de factures : 2 calculée(s), 1 en erreur.");
    expect(r.stdout).toContain("Pénalités : 62,87 €");
    expect(r.stdout).toContain("09/04/2025  F-2 — Beta");
  });

  it("applies a committed sample copied to a temporary folder, keeping its other sheet", async () => {
    const input = path.join(dir, "omi-factures.xlsx");
    await fs.copyFile(path.join(SAMPLES, "omi-factures.xlsx"), input);
    const before = await sha(input);
    const out = path.join(dir, "resultat.xlsx");
    const r = await run([input, "--vendor", "omi", "--as-of", "2026-06-30", "-o", out]);
    expect(r.code).toBe(0);
    expect(await sha(input)).toBe(before);
    const { wb, rows } = await readSheet(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Factures", "Notes"]);
    expect(rows).toHaveLength(51);
    expect(r.stdout).toMatch(/50 ligne\(s\) de factures : 48 calculée\(s\), 2 en erreur\./);
  });

  it("has one way to copy an xlsx: the old --stream option is refused, naming it", async () => {
    const input = path.join(dir, "registre.xlsx");
    await writeRegister(input);
    const r = await run([input, "--vendor", "omi", "--as-of", "2025-03-20", "--stream"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^echeance apply : option inconnue : --stream\./);
    await expect(fs.stat(path.join(dir, "registre.echeance.xlsx"))).rejects.toThrow();
  });

  it("prints a row's explanation with its clauses and writes nothing", async () => {
    const input = path.join(dir, "registre.xlsx");
    await writeRegister(input);
    const r = await run([input, "--vendor", "omi", "--as-of", "2025-03-20", "--explain", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Ligne 2");
    expect(r.stdout).toContain("[OMI CGA art. 6.3]");
    expect(r.stdout).toContain("Arrondi une seule fois au centime");
    await expect(fs.access(path.join(dir, "registre.echeance.xlsx"))).rejects.toThrow();
    expect((await run([input, "--vendor", "omi", "--explain", "40"])).code).toBe(2);
  });

  it("writes live formulas with English names and the as-of date in one cell", async () => {
    const input = path.join(dir, "registre.xlsx");
    await writeRegister(input);
    const r = await run([input, "--vendor", "omi", "--as-of", "2025-03-20", "--output", "formulas"]);
    expect(r.code).toBe(0);
    const { rows } = await readSheet(path.join(dir, "registre.echeance.xlsx"));
    // Source A:F, outputs G:L, the as-of label in M1 and the date in N1.
    expect((rows[0] as unknown[]).slice(12, 14).map(iso)).toEqual(["Date d'arrêté", "2025-03-20"]);
    const f2 = rows[2] as { formula?: string }[];
    expect(f2[6]?.formula).toBe('CGV.DUEDATE("omi",C3)');
    expect(f2[7]?.formula).toBe('MAX(0,IF(F3="",$N$1,F3)-G3)');
    expect(f2[8]?.formula).toBe('CGV.LATEINTEREST("omi",E3,G3,IF(F3="",$N$1,F3))');
  });

  it("reads a French CSV (BOM, semicolons, decimal commas) and writes an xlsx, or a csv with -o x.csv", async () => {
    const input = path.join(dir, "factures.csv");
    await fs.writeFile(
      input,
      "\ufeffN° facture;Date facture;Montant TTC;Échéance;Payé le\r\nF-1;01/01/2025;2 500,00;31/01/2025;02/03/2025\r\nF-2;10/03/2025;1000,50;;\r\n",
      "utf8",
    );
    const before = await sha(input);
    const r = await run([input, "--vendor", "omi", "--as-of", "2025-03-20"]);
    expect(r.code).toBe(0);
    expect(await sha(input)).toBe(before);
    const { rows } = await readSheet(path.join(dir, "factures.echeance.xlsx"));
    expect((rows[1] as unknown[]).slice(6, 10)).toEqual([30, 22.87, 40, 62.87]);
    const csvOut = path.join(dir, "sortie.csv");
    expect(
      (await run([input, "--vendor", "omi", "--as-of", "2025-03-20", "-o", csvOut, "--lang", "en"])).code,
    ).toBe(0);
    const lines = (await fs.readFile(csvOut, "utf8")).replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]).toBe(
      "N° facture;Date facture;Montant TTC;Échéance;Payé le;Due date (terms);Days late;Late interest;Recovery fee;Total penalties;Status",
    );
    expect(lines[1]).toBe(
      "F-1;01/01/2025;2 500,00;31/01/2025;02/03/2025;31/01/2025;30;22.87;40.00;62.87;Paid 30 days late",
    );
  });

  it("exits 1 when no row can be computed, and 2 on usage errors with the usage text", async () => {
    const input = path.join(dir, "abonnements.xlsx");
    await fs.copyFile(path.join(SAMPLES, "omi-abonnements.xlsx"), input);
    // Xiahdeh's terms have no subscription (13.3): every row is an error.
    const none = await run([input, "--vendor", "xiahdeh", "--as-of", "2026-06-30"]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("0 calculée(s)");
    const noArgs = await run([]);
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toContain("Usage : echeance apply");
    expect((await run([input, "--vendor", "omi", "--bogus"])).code).toBe(2);
    expect((await run([input, "--vendor", "nobody"])).code).toBe(2);
    expect((await run([input, "--as-of", "2026-06-30"])).code).toBe(2); // no vendor, no vendor column
    expect((await run([input, "--vendor", "omi", "--mode", "factures"])).code).toBe(2);
    expect((await run([path.join(dir, "absent.xlsx"), "--vendor", "omi"])).code).toBe(1);
  });
});
