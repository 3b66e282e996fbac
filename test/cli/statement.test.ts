import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { Decimal } from "../../src/engine";
import { runMain } from "./run-main";

/**
 * `echeance report --kind statement` end to end: a register in, the statement per client out (CSV, or
 * a workbook with a sheet per client or one for all), the input untouched. The figures are the
 * engine's LATEFEE laid out line by line: each invoice's lines add up to `CGV.LATEFEE` for it, asked
 * here of `echeance fn LATEFEE` with the invoice's own amount, due date and payments.
 */

const SAMPLES = path.resolve(__dirname, "../../samples");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "echeance-statement-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A CSV file (UTF-8 with a BOM, « ; ») as rows of fields; the recovery CSV quotes nothing it needs here. */
function csvRows(file: string): string[][] {
  return readFileSync(file, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.split(";"));
}

/** Rows as records keyed by their header. */
function records(file: string): Record<string, string>[] {
  const [head, ...rows] = csvRows(file);
  return rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ""])));
}

/** « 1 234,56 € », « 1234,56 » or « 1234.56 » as a decimal. */
const amount = (text: string) => new Decimal(text.replace(/[\s\u202f\u00a0€]/g, "").replace(",", ".") || "0");
/** dd/mm/yyyy → yyyy-mm-dd. */
const isoOf = (fr: string) => fr.split("/").reverse().join("-");

describe.each([
  ["omi-factures.xlsx", "omi"],
  ["sillage-factures.xlsx", "sillage"],
])("%s as of 30/06/2026", (file, vendor) => {
  test("each invoice's lines add up to CGV.LATEFEE for it; client totals stand on lines without an invoice number", async () => {
    const dir = tmp();
    const input = path.join(SAMPLES, file);
    const before = sha(input);
    const out = path.join(dir, "releve.csv");
    const r = await runMain(
      "report",
      input,
      "--vendor",
      vendor,
      "--kind",
      "statement",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
    );
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    const [head] = csvRows(out);
    for (const column of [
      "Client",
      "N° facture",
      "Du",
      "Au",
      "Jours",
      "Taux",
      "Intérêts",
      "Indemnité",
      "Total",
    ])
      expect(head).toContain(column);
    const lines = records(out);
    const perInvoice = new Map<string, Decimal>();
    const perClient = new Map<string, Decimal>();
    for (const line of lines) {
      if (line["N° facture"] === "") continue;
      const ref = line["N° facture"] as string;
      perInvoice.set(ref, (perInvoice.get(ref) ?? new Decimal(0)).plus(amount(line.Total ?? "")));
      const client = line.Client as string;
      perClient.set(client, (perClient.get(client) ?? new Decimal(0)).plus(amount(line.Total ?? "")));
    }
    expect(perInvoice.size).toBeGreaterThan(5);

    // The register as Apply reads it (due dates from the terms, payments), for CGV.LATEFEE's arguments.
    const applied = path.join(dir, "applique.csv");
    expect(
      (await runMain("apply", input, "--vendor", vendor, "--as-of", "2026-06-30", "-o", applied)).code,
    ).toBe(0);
    const rows = new Map(records(applied).map((row) => [row["N° facture"] as string, row]));
    const differing: string[] = [];
    for (const [ref, total] of perInvoice) {
      const row = rows.get(ref);
      if (!row) throw new Error(`${ref} is not in Apply's output`);
      const paidOn = row["Payé le"] ?? "";
      const partial = row["Montant payé"] ?? "";
      // Paid in full: interest runs to the payment; else to the date d'arrêté, a partial payment as a range.
      const paidDate = paidOn !== "" && partial === "" ? isoOf(paidOn) : "2026-06-30";
      const payments = partial === "" ? "" : JSON.stringify([[isoOf(paidOn), amount(partial).toNumber()]]);
      const fn = await runMain(
        "fn",
        "LATEFEE",
        vendor,
        amount(row["Montant TTC"] ?? "").toFixed(2),
        isoOf(row["Échéance (CGV)"] ?? ""),
        paidDate,
        payments,
        row["Frais de recouvrement"] ?? "",
      );
      expect(fn.code).toBe(0);
      if (!new Decimal(fn.out.trim()).eq(total))
        differing.push(`${ref}: ${total.toFixed(2)} ≠ ${fn.out.trim()}`);
    }
    expect(differing).toEqual([]);

    // Each client's total line (no invoice number) carries the sum of its invoices' totals.
    const totals = lines.filter((l) => l["N° facture"] === "");
    expect(totals.map((l) => l.Client).sort()).toEqual([...perClient.keys()].sort());
    for (const t of totals)
      expect(amount(t.Total ?? "").toFixed(2)).toBe(perClient.get(t.Client as string)?.toFixed(2));
  });
});

/** The hand-worked client of test/recovery/fixtures.ts (MARTIN), as a register file. */
function martinRegister(dir: string): string {
  const file = path.join(dir, "factures.csv");
  writeFileSync(
    file,
    [
      "N° facture;Client;Date facture;Montant TTC;Payé le;Montant payé;Adresse",
      'OMI-2025-101;Boulangerie Martin;01/10/2025;1200,00;;;"4 place du Marché; 69003 Lyon"',
      'OMI-2025-115;Boulangerie Martin;15/11/2025;3000,00;31/01/2026;1000,00;"4 place du Marché; 69003 Lyon"',
      "OMI-2026-007;boulangerie  MARTIN;10/02/2026;850,00;;;",
      "OMI-2026-010;Garage Moreau;01/06/2026;500,00;;;",
    ].join("\r\n"),
  );
  return file;
}

describe("the hand-worked client on the command line (OMI CGA 6.3, as of 30/06/2026)", () => {
  test("its CSV lines are the periods worked by hand, and its total line the client's", async () => {
    const dir = tmp();
    const out = path.join(dir, "releve.csv");
    const r = await runMain(
      "report",
      martinRegister(dir),
      "--vendor",
      "omi",
      "--kind",
      "statement",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
    );
    expect(r.code).toBe(0);
    const lines = records(out).map((l) => [
      l["N° facture"],
      l.Du,
      l.Au,
      l.Jours,
      l.Taux,
      l.Intérêts,
      l.Indemnité,
      l.Total,
    ]);
    // Legal rate 2025-H2 2,76 % → 8,28 %; 2026-H1 2,62 % → 7,86 % (3 × the legal rate, CGA 6.3).
    expect(lines).toEqual([
      // 61 d × 1200 × 8,28 % / 365 = 16,6054; 181 d × 1200 × 7,86 % / 365 = 46,7724; sum 63,3778 → 63,38.
      ["OMI-2025-101", "01/11/2025", "31/12/2025", "61", "8,28 %", "16,61", "", "16,61"],
      ["OMI-2025-101", "01/01/2026", "30/06/2026", "181", "7,86 %", "46,77", "", "46,77"],
      ["OMI-2025-101", "", "", "", "", "", "40,00", "40,00"],
      // 16 d × 3000 × 8,28 % / 365 = 10,8888; 31 d × 3000 × 7,86 % / 365 = 20,0268;
      // 150 d × 2000 × 7,86 % / 365 = 64,6027 (after the 1 000 € of 31/01); sum 95,5184 → 95,52 (lines 95,52).
      ["OMI-2025-115", "16/12/2025", "31/12/2025", "16", "8,28 %", "10,89", "", "10,89"],
      ["OMI-2025-115", "01/01/2026", "31/01/2026", "31", "7,86 %", "20,03", "", "20,03"],
      ["OMI-2025-115", "01/02/2026", "30/06/2026", "150", "7,86 %", "64,60", "", "64,60"],
      ["OMI-2025-115", "", "", "", "", "", "40,00", "40,00"],
      // 110 d × 850 × 7,86 % / 365 = 20,1345 → 20,13.
      ["OMI-2026-007", "13/03/2026", "30/06/2026", "110", "7,86 %", "20,13", "", "20,13"],
      ["OMI-2026-007", "", "", "", "", "", "40,00", "40,00"],
      // Interest 63,38 + 95,52 + 20,13 = 179,03; fees 120,00; penalties 299,03.
      ["", "", "", "", "", "179,03", "120,00", "299,03"],
    ]);
    // OMI-2026-007's row has no address, but the client's other rows have one: the client has one.
    expect(r.err).not.toContain("sans adresse");
    // Garage Moreau's invoice is due 01/07/2026: nothing late on 30/06, no line.
    expect(readFileSync(out, "utf8")).not.toContain("Garage Moreau");
  });

  test("the workbook has a sheet per client, or one for all with --one-sheet", async () => {
    const dir = tmp();
    const input = path.join(SAMPLES, "omi-factures.xlsx");
    const per = path.join(dir, "releve.xlsx");
    const r = await runMain(
      "report",
      input,
      "--vendor",
      "omi",
      "--kind",
      "statement",
      "--as-of",
      "2026-06-30",
      "-o",
      per,
    );
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(per);
    const names = wb.worksheets.map((w) => w.name);
    // One sheet per client claimed (the run lists them), then the rows left out (two bad rows in the demo).
    const clients = [...r.out.matchAll(/^ {2}(.+?) : \d+ facture/gm)].map((m) => m[1]);
    expect(clients.length).toBe(12);
    expect(names).toEqual([...clients.map((c) => (c as string).slice(0, 31)), "Écartées"]);
    // The demo register has no « Adresse » column: every client claimed is listed for its letters.
    expect(r.err).toContain(
      `12 client(s) sans adresse dans le registre — leurs lettres porteraient « adresse à compléter »`,
    );
    const hotel = wb.getWorksheet("Hôtel Bellevue") as ExcelJS.Worksheet;
    const text: string[] = [];
    hotel.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text).toContain("OMI-2024-0003");

    const one = path.join(dir, "releve-une.xlsx");
    expect(
      (
        await runMain(
          "report",
          input,
          "--vendor",
          "omi",
          "--kind",
          "statement",
          "--as-of",
          "2026-06-30",
          "--one-sheet",
          "-o",
          one,
        )
      ).code,
    ).toBe(0);
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.readFile(one);
    expect(wb1.worksheets.map((w) => w.name)).toEqual(["Relevé", "Écartées"]);
  });

  test("--client keeps one client; a name matching none lists the register's clients and writes nothing", async () => {
    const dir = tmp();
    const input = martinRegister(dir);
    const out = path.join(dir, "martin.csv");
    const one = await runMain(
      "report",
      input,
      "--vendor",
      "omi",
      "--kind",
      "statement",
      "--as-of",
      "2026-06-30",
      "--client",
      "BOULANGERIE martin",
      "-o",
      out,
    );
    expect(one.code).toBe(0);
    expect(new Set(records(out).map((l) => l.Client))).toEqual(new Set(["Boulangerie Martin"]));
    const none = path.join(dir, "personne.csv");
    const r = await runMain(
      "report",
      input,
      "--vendor",
      "omi",
      "--kind",
      "statement",
      "--as-of",
      "2026-06-30",
      "--client",
      "Dupont",
      "-o",
      none,
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("aucun client ne correspond à « Dupont »");
    expect(r.err).toContain("Boulangerie Martin, Garage Moreau");
    expect(existsSync(none)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  test("a register without a client column says how to map one, and writes nothing", async () => {
    const dir = tmp();
    const input = path.join(dir, "sans-client.csv");
    writeFileSync(input, "N° facture;Date facture;Montant TTC;Payé le\r\nF-1;01/01/2026;1000,00;\r\n");
    const out = path.join(dir, "releve.csv");
    const r = await runMain(
      "report",
      input,
      "--vendor",
      "omi",
      "--kind",
      "statement",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("pas de colonne « Client »");
    expect(r.err).toContain("Ajoutez au registre une colonne intitulée « Client » (ou « Raison sociale »");
    expect(existsSync(out)).toBe(false);
  });
});
