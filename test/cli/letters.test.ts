import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { Decimal, formatMoney } from "../../src/engine";
import { docxText, docxWithBody } from "../documents/docx-support";
import { convertWithLibreOffice, SOFFICE } from "../support/libreoffice";
import { runMain } from "./run-main";

/**
 * `echeance letters` end to end: a register in, one .docx per client out (read back with mammoth), the
 * guardrails said before anything is sent, `--record` into the register's copy, the penalty notes'
 * series continued from the workbook, bad input refused whole. Figures worked by hand from OMI CGA 6.3
 * (3 × the legal rate, 40 € per invoice): see the hand-worked client in test/recovery/fixtures.ts.
 */

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "echeance-letters-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const eur = (amount: string) => formatMoney(new Decimal(amount), "fr");

/** « Mon entreprise »: 732 829 320 passes the SIREN's Luhn key, the IBAN its mod-97 key. */
function companyFile(dir: string): string {
  const file = path.join(dir, "entreprise.json");
  writeFileSync(
    file,
    JSON.stringify({
      raison_sociale: "OMI SAS",
      forme_juridique: "SAS",
      adresse: ["18 rue des Lilas", "75011 Paris"],
      siren: "732829320",
      iban: "FR7630006000011234567890189",
      ville: "Paris",
    }),
  );
  return file;
}

const HEAD =
  "N° facture;Client;Date facture;Montant TTC;Payé le;Montant payé;Adresse;Type client;Commentaire";
const MARTIN = [
  'OMI-2025-101;Boulangerie Martin;01/10/2025;1200,00;;;"4 place du Marché; 69003 Lyon";;',
  'OMI-2025-115;Boulangerie Martin;15/11/2025;3000,00;31/01/2026;1000,00;"4 place du Marché; 69003 Lyon";;',
  "OMI-2026-007;boulangerie  MARTIN;10/02/2026;850,00;;;;;",
];
/** Every guardrail at once, as of 30/06/2026 (OMI: due 30 days after the invoice date). */
const GUARDED = [
  ...MARTIN,
  'OMI-2026-020;Mme Durand;01/03/2026;300,00;;;"2 rue Haute; 33000 Bordeaux";particulier;',
  'OMI-2026-021;Garage Moreau;01/02/2026;900,00;;;"1 route de Lyon; 38000 Grenoble";;Litige sur la livraison',
  'OMI-2026-022;Garage Moreau;05/02/2026;-150,00;;;"1 route de Lyon; 38000 Grenoble";;',
  'OMI-2021-050;Ancienne SARL;02/07/2021;700,00;;;"3 quai Ouest; 44000 Nantes";;',
  'OMI-2026-030;Librairie Roux;15/06/2026;400,00;;;"9 rue Neuve; 75002 Paris";;',
  "OMI-2026-031;Agence Fontaine;01/04/2026;2000,00;;;;;",
];

function register(dir: string, rows: readonly string[], name = "factures.csv"): string {
  const file = path.join(dir, name);
  writeFileSync(file, [HEAD, ...rows].join("\r\n"));
  return file;
}

const letters = (...args: string[]) => runMain("letters", ...args);

async function textOf(dir: string, file: string): Promise<string> {
  return (await docxText(readFileSync(path.join(dir, file)))).replace(/\n\n/g, "\n");
}

/** Nothing of a refused run is left: no output folder, no staging folder or temporary file beside it. */
function nothingLeft(dir: string, out: string): void {
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
}

describe("the formal notice, read back", () => {
  test("every invoice with its amount and due date, the penalties, the total, the deadline, the articles and the clause", async () => {
    const dir = tmp();
    const input = register(dir, MARTIN);
    const out = path.join(dir, "lettres");
    const r = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "mise-en-demeure",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["2026-06-30 Mise en demeure - Boulangerie Martin.docx"]);
    // A formal notice with no reminder recorded: written, and said.
    expect(r.err).toContain("mise en demeure sans rappel ni relance enregistrés");
    const text = await textOf(out, "2026-06-30 Mise en demeure - Boulangerie Martin.docx");
    for (const expected of [
      "MISE EN DEMEURE",
      "Lettre recommandée avec accusé de réception n° ___",
      "Paris, le 30/06/2026",
      // Both parties: the sender's name, address, SIREN and IBAN; the client's name and address.
      "18 rue des Lilas",
      "IBAN FR76 3000 6000 0112 3456 7890 189 ouvert au nom d'OMI SAS",
      "Boulangerie Martin\n4 place du Marché\n69003 Lyon",
      // Each invoice: number, invoice date, due date (30 days, CGA 6.1), amount, what is left due.
      `OMI-2025-101\n01/10/2025\n31/10/2025\n${eur("1200")}\n${eur("1200")}\n242`,
      `OMI-2025-115\n15/11/2025\n15/12/2025\n${eur("3000")}\n${eur("2000")}\n197`,
      `OMI-2026-007\n10/02/2026\n12/03/2026\n${eur("850")}\n${eur("850")}\n110`,
      // The penalties per period with their rate and its source: 61 d × 1 200 × 8,28 % / 365 = 16,61.
      `01/11/2025\n31/12/2025\n61\n${eur("1200")}\n3 × taux légal 2e semestre 2025 (2,76 %) = 8,28 %\n${eur("16.61")}`,
      // 150 d × 2 000 × 7,86 % / 365 = 64,60 (after the 1 000 € paid on 31/01/2026).
      `01/02/2026\n30/06/2026\n150\n${eur("2000")}\n3 × taux légal 1er semestre 2026 (2,62 %) = 7,86 %\n${eur("64.60")}`,
      // 4 050 principal + 179,03 interest + 3 × 40 € = 4 349,03 €, by 30/06 + 8 days = 08/07/2026.
      `${eur("4050")} en principal, ${eur("179.03")} de pénalités de retard et ${eur("120")} d'indemnités`,
      `la somme de ${eur("4349.03")} au plus tard le 08/07/2026, soit dans un délai de 8 jours`,
      "article 1344 du Code civil",
      "article L441-10 II du Code de commerce",
      "article D441-5 du Code de commerce",
      // The vendor's clause quoted with its article.
      "« Conformément à l’article L. 441-10 du Code de commerce, tout retard de paiement",
      "(OMI CGA art. 6.3)",
    ])
      expect(text).toContain(expected);
    // The SIREN in groups of three (with no-break spaces, so it never splits at a line's end).
    expect(text).toMatch(/SIREN 732\s829\s320/);
  });
});

describe("the guardrails before anything is sent", () => {
  test("consumer, dispute, credit note, prescription, nothing late and a missing address: each said, the letters right", async () => {
    const dir = tmp();
    const input = register(dir, GUARDED);
    const out = path.join(dir, "lettres");
    const r = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
    );
    expect(r.code).toBe(0);
    // Garage Moreau (a disputed invoice and a credit note) and Librairie Roux (due 15/07/2026) get none.
    expect(readdirSync(out).sort()).toEqual(
      [
        "2026-06-30 Rappel - Agence Fontaine.docx",
        "2026-06-30 Rappel - Ancienne SARL.docx",
        "2026-06-30 Rappel - Boulangerie Martin.docx",
        "2026-06-30 Rappel - Mme Durand.docx",
      ].sort(),
    );
    expect(r.err).toContain(
      "Facture OMI-2026-021 (ligne 6, Garage Moreau) : marquée en litige ou contestée — laissée de côté",
    );
    expect(r.err).toContain(
      `Facture OMI-2026-022 (ligne 7, Garage Moreau) : avoir de ${eur("150")} — ne porte pas de pénalités`,
    );
    expect(r.err).toContain("Librairie Roux : rien d'échu et impayé à la date d'arrêté — pas de lettre.");
    // Due 01/08/2021 + 5 years (L110-4) = 01/08/2026, within 6 months of 30/06/2026: flagged.
    expect(r.err).toContain(
      "OMI-2021-050 : Prescription proche : l'action en paiement se prescrit le 01/08/2026",
    );
    expect(r.err).toContain(
      "Agence Fontaine : pas d'adresse dans le registre — la lettre porte « adresse à compléter »",
    );
    expect(r.err).toContain("Adresse à compléter dans 1 document(s) : Agence Fontaine");
    expect(await textOf(out, "2026-06-30 Rappel - Agence Fontaine.docx")).toMatch(/adresse à compléter/i);

    // A consumer under terms for professionals: no 40 € fee (D441-5 is between professionals) and no
    // interest before a formal notice (Code civil 1231-6): the reminder asks for the 300,00 € alone.
    const durand = await textOf(out, "2026-06-30 Rappel - Mme Durand.docx");
    expect(durand).toContain(`Le montant restant dû s'élève à ${eur("300")}.`);
    expect(durand).not.toContain(eur("40"));
    expect(r.out).toContain(`2026-06-30 Rappel - Mme Durand.docx : ${eur("300")}`);
    // Martin: 4 050 principal + 299,03 penalties and fees = 4 349,03 €.
    expect(r.out).toContain(`2026-06-30 Rappel - Boulangerie Martin.docx : ${eur("4349.03")}`);
  });

  test("a client with nothing late gets no letter, and a run with no letter at all writes nothing", async () => {
    const dir = tmp();
    const input = register(dir, [
      'OMI-2026-030;Librairie Roux;15/06/2026;400,00;;;"9 rue Neuve; 75002 Paris";;',
    ]);
    const out = path.join(dir, "lettres");
    const r = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("aucune lettre ni note à écrire");
    nothingLeft(dir, out);
  });
});

/** A sheet's cells by header: the first sheet of an xlsx, as [header → value] per data row. */
async function sheetRecords(file: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(head.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
}

describe("--record", () => {
  test("writes « Dernière relance » and « Prochaine action » into the copy, never the input; the next run proposes the next level", async () => {
    const dir = tmp();
    const input = register(dir, GUARDED);
    const before = sha(input);
    const copy = path.join(dir, "factures.suivi.xlsx");
    const r = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      path.join(dir, "rappels"),
      "--company",
      companyFile(dir),
      "--record",
      "--register-out",
      copy,
    );
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    // The letters written: Martin's three invoices, Durand's, Ancienne SARL's, Agence Fontaine's.
    expect(r.out).toContain("« Dernière relance » enregistrée pour 6 facture(s)");
    const rows = await sheetRecords(copy);
    const byRef = new Map(rows.map((row) => [row["N° facture"], row]));
    // A reminder sent on 30/06/2026; the next level 15 days later (docs/recovery.md, « The letters »).
    expect(byRef.get("OMI-2025-101")?.["Dernière relance"]).toBe("Rappel — 30/06/2026");
    expect(byRef.get("OMI-2025-101")?.["Prochaine action"]).toBe("Relance à partir du 15/07/2026");
    expect(byRef.get("OMI-2026-031")?.["Dernière relance"]).toBe("Rappel — 30/06/2026");
    // The disputed invoice got no letter: nothing recorded, and the next action says why.
    expect(byRef.get("OMI-2026-021")?.["Dernière relance"] ?? null).toBeNull();
    expect(byRef.get("OMI-2026-021")?.["Prochaine action"]).toBe(
      "En litige — pas de relance tant que le litige n'est pas réglé",
    );

    // From the copy, without --level: each client gets the level after its recorded reminder.
    const next = path.join(dir, "relances");
    const again = await letters(
      copy,
      "--vendor",
      "omi",
      "--as-of",
      "2026-07-16",
      "-o",
      next,
      "--company",
      companyFile(dir),
      "--rates",
      ratesFile(dir),
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain(
      "Niveau proposé client par client, d'après « Dernière relance » : 1 rappel(s), 4 relance(s)",
    );
    // The four reminded clients get the second reminder; Librairie Roux, due 15/07/2026 and now late,
    // its first reminder.
    expect(readdirSync(next).sort()).toEqual(
      [
        "2026-07-16 Rappel - Librairie Roux.docx",
        "2026-07-16 Relance - Agence Fontaine.docx",
        "2026-07-16 Relance - Ancienne SARL.docx",
        "2026-07-16 Relance - Boulangerie Martin.docx",
        "2026-07-16 Relance - Mme Durand.docx",
      ].sort(),
    );
  });
});

/** The legal rate of 2026-H2 (professional creditors), which the shipped table does not hold yet. */
function ratesFile(dir: string): string {
  const file = path.join(dir, "taux.csv");
  // An assumed figure for the test's second half-year: 2,50 % (not the official one).
  writeFileSync(file, "half-year,legal-professional,legal-consumer,ecb\n2026-H2,2.50,3.50,2.15\n");
  return file;
}

describe("penalty notes", () => {
  test("numbered ND-2026-001 on, outside the scope of VAT, and the series continues from the workbook on the next run", async () => {
    const dir = tmp();
    const input = path.resolve(__dirname, "../../samples/omi-factures.xlsx");
    const first = path.join(dir, "notes-1");
    const book1 = path.join(dir, "suivi-1.xlsx");
    const company = companyFile(dir);
    const r1 = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "note-de-debit",
      "--as-of",
      "2026-06-30",
      "-o",
      first,
      "--company",
      company,
      "--client",
      "Pharmacie du Centre",
      "--register-out",
      book1,
    );
    expect(r1.code).toBe(0);
    expect(readdirSync(first)).toEqual(["ND-2026-001 Pharmacie du Centre.docx"]);
    const note = await textOf(first, "ND-2026-001 Pharmacie du Centre.docx");
    expect(note).toContain("NOTE DE DÉBIT N° ND-2026-001");
    expect(note).toContain("Hors champ d'application de la TVA");
    expect(note).not.toMatch(/TVA \d+ ?%/);
    // OMI-2024-0015 (5 948,69 €, due 01/10/2024, paid 14/02/2025): 91 d × 14,76 % + 45 d × 11,13 %
    // = 218,907 + 81,627 = 300,534 → 300,53 € of interest, 340,53 € with the fee.
    expect(note).toContain(
      `OMI-2024-0015\n01/09/2024\n01/10/2024\n${eur("5948.69")}\n136\n${eur("300.53")}\n${eur("40")}\n${eur("340.53")}`,
    );
    expect(note).toContain("OMI-2026-0042");

    // The next run reads the series from the copy it left: the other clients' notes follow on.
    const second = path.join(dir, "notes-2");
    const r2 = await letters(
      book1,
      "--vendor",
      "omi",
      "--level",
      "note-de-debit",
      "--as-of",
      "2026-06-30",
      "-o",
      second,
      "--register-out",
      path.join(dir, "suivi-2.xlsx"),
    );
    expect(r2.code).toBe(0);
    expect(r2.out).toContain("Mon entreprise : OMI SAS (enregistrée dans le classeur)");
    const numbers = readdirSync(second)
      .map((f) => f.slice(0, 11))
      .sort();
    expect(numbers[0]).toBe("ND-2026-002");
    expect(numbers).toEqual(numbers.map((_, i) => `ND-2026-${String(i + 2).padStart(3, "0")}`));
    expect(readdirSync(second).some((f) => f.includes("Pharmacie du Centre"))).toBe(false);
  });
});

describe("bad input: a clear sentence, nothing written half-way", () => {
  test("a template that is not a .docx, or lacks the placeholders, is refused before anything is written", async () => {
    const dir = tmp();
    const input = register(dir, MARTIN);
    const out = path.join(dir, "lettres");
    const notDocx = path.join(dir, "modele.docx");
    writeFileSync(notDocx, "{\\rtf1 Madame, Monsieur}");
    const a = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
      "--template",
      notDocx,
    );
    expect(a.code).toBe(2);
    expect(a.err).toContain(
      "echeance letters : modele.docx : fichier RTF — enregistrez-le au format « Document Word (.docx) ».",
    );
    nothingLeft(dir, out);
    const bare = path.join(dir, "sans-champs.docx");
    writeFileSync(bare, docxWithBody("<w:p><w:r><w:t>Madame, Monsieur, veuillez payer.</w:t></w:r></w:p>"));
    const b = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
      "--template",
      bare,
    );
    expect(b.code).toBe(2);
    expect(b.err).toContain("{{client}}");
    nothingLeft(dir, out);
  });

  test("a register without a client column says how to map one; no « Mon entreprise » says where to give it", async () => {
    const dir = tmp();
    const input = path.join(dir, "sans-client.csv");
    writeFileSync(input, "N° facture;Date facture;Montant TTC\r\nF-1;01/01/2026;1000,00\r\n");
    const out = path.join(dir, "lettres");
    const a = await letters(
      input,
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
    );
    expect(a.code).toBe(1);
    expect(a.err).toContain("pas de colonne « Client »");
    expect(a.err).toContain("Ajoutez au registre une colonne intitulée « Client » (ou « Raison sociale »");
    nothingLeft(dir, out);
    const b = await letters(
      register(dir, MARTIN),
      "--vendor",
      "omi",
      "--level",
      "rappel",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
    );
    expect(b.code).toBe(2);
    expect(b.err).toContain("--company entreprise.json");
    expect(existsSync(out)).toBe(false);
  });

  test("a user's template replaces the built-in text, its placeholders filled", async () => {
    const dir = tmp();
    const template = path.join(dir, "modele.docx");
    const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    writeFileSync(
      template,
      docxWithBody(
        p("À {{ client }}, le {{date}}") +
          p("{{factures}}") +
          p("Total dû : {{total}} avant le {{date_limite}}."),
      ),
    );
    const out = path.join(dir, "lettres");
    const r = await letters(
      register(dir, MARTIN),
      "--vendor",
      "omi",
      "--level",
      "relance",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
      "--template",
      template,
    );
    expect(r.code).toBe(0);
    const text = await textOf(out, readdirSync(out)[0] as string);
    expect(text).toContain("À Boulangerie Martin, le 30/06/2026");
    expect(text).toContain(`Total dû : ${eur("4349.03")} avant le 08/07/2026.`);
    for (const ref of ["OMI-2025-101", "OMI-2025-115", "OMI-2026-007"]) expect(text).toContain(ref);
    expect(text).not.toContain("{{");
  });
});

describe("--one-document", () => {
  test("one document for every client, a page each, with every client's letter in it", async () => {
    const dir = tmp();
    const out = path.join(dir, "lettres");
    const r = await letters(
      register(dir, GUARDED),
      "--vendor",
      "omi",
      "--level",
      "relance",
      "--as-of",
      "2026-06-30",
      "-o",
      out,
      "--company",
      companyFile(dir),
      "--one-document",
    );
    expect(r.code).toBe(0);
    // Four clients get a letter (see the guardrails above).
    expect(readdirSync(out)).toEqual(["2026-06-30 Relance - 4 clients.docx"]);
    const text = await textOf(out, "2026-06-30 Relance - 4 clients.docx");
    for (const client of ["Boulangerie Martin", "Mme Durand", "Ancienne SARL", "Agence Fontaine"])
      expect(text).toContain(client);
    expect(text).toContain(eur("4349.03"));
    expect(text).not.toContain("Garage Moreau");
    // Each letter after the first starts a new page: three page breaks for four letters.
    const files = unzipSync(readFileSync(path.join(out, "2026-06-30 Relance - 4 clients.docx")));
    const body = strFromU8(files["word/document.xml"] as Uint8Array);
    expect(body.match(/<w:pageBreakBefore\b/g)?.length).toBe(3);
  });
});

const pdfTest = SOFFICE && spawnSync("which", ["pdftotext"]).status === 0 ? test : test.skip;

describe("printed", () => {
  pdfTest(
    "a formal notice rendered to PDF by LibreOffice reads back with its title, invoices, total, deadline and legal basis",
    async () => {
      const dir = tmp();
      const out = path.join(dir, "lettres");
      const r = await letters(
        register(dir, MARTIN),
        "--vendor",
        "omi",
        "--level",
        "mise-en-demeure",
        "--as-of",
        "2026-06-30",
        "-o",
        out,
        "--company",
        companyFile(dir),
      );
      expect(r.code).toBe(0);
      const docx = path.join(out, readdirSync(out)[0] as string);
      await convertWithLibreOffice([docx], {
        to: "pdf",
        outdir: dir,
        profileDir: path.join(dir, "lo"),
        timeoutMs: 120_000,
      });
      const pdf = path.join(dir, path.basename(docx).replace(/\.docx$/, ".pdf"));
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.replace(
        /[\u202f\u00a0]/g,
        " ",
      );
      expect(text).toContain("MISE EN DEMEURE");
      for (const ref of ["OMI-2025-101", "OMI-2025-115", "OMI-2026-007"]) expect(text).toContain(ref);
      expect(text).toMatch(/4 349,03 €\s+au plus tard\s+le 08\/07\/2026/);
      expect(text).toContain("1344");
      expect(text).toContain("D441-5");
      expect(text).toMatch(/Lettre recommandée avec accusé de réception/);
    },
    180_000,
  );
});
