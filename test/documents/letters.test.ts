import { letterDocx, letterFileName, lettersDocx, penaltyNoteDocx, safeFileName } from "../../src/documents";
import { planLetters, planPenaltyNotes } from "../../src/recovery";
import { book, COMPANY, invoices, MARTIN } from "../recovery/fixtures";
import { docxRows, docxText } from "./docx-support";

const NNBSP = "\u202f";
const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));

describe("the formal notice, read back from the .docx", () => {
  let text = "";
  let rows: string[] = [];
  beforeAll(async () => {
    const letter = planLetters(b, { level: "mise-en-demeure", profile, company: COMPANY }).letters[0]!;
    const bytes = await letterDocx(letter);
    text = await docxText(bytes);
    rows = await docxRows(bytes);
  });

  test("names the document, both parties and the registered letter", () => {
    expect(text).toContain("MISE EN DEMEURE DE PAYER");
    expect(text).toContain("Lettre recommandée avec accusé de réception n° ___");
    for (const line of [
      "OMI SAS",
      "SAS au capital de 50 000 €",
      "18 rue des Lilas",
      "75011 Paris",
      "SIREN 732\u00a0829\u00a0320",
    ])
      expect(text).toContain(line);
    for (const line of ["Boulangerie Martin", "4 place du Marché", "69003 Lyon"])
      expect(text).toContain(line);
    expect(text).toContain("Paris, le 30/06/2026");
  });

  test("lists every invoice with its amount and due date in French format, and the total", () => {
    // Worked in test/recovery/fixtures.ts: interest 63,38 / 95,52 / 20,13; 40 € each; claimed 4 349,03 €.
    expect(rows).toContain(
      `OMI-2025-101 | 01/10/2025 | 31/10/2025 | 1${NNBSP}200,00 € | 1${NNBSP}200,00 € | 242 | 63,38 € | 40,00 €`,
    );
    expect(rows).toContain(
      `OMI-2025-115 | 15/11/2025 | 15/12/2025 | 3${NNBSP}000,00 € | 2${NNBSP}000,00 € | 197 | 95,52 € | 40,00 €`,
    );
    expect(rows).toContain(
      `OMI-2026-007 | 10/02/2026 | 12/03/2026 | 850,00 € | 850,00 € | 110 | 20,13 € | 40,00 €`,
    );
    expect(rows).toContain(`Total |  |  |  | 4${NNBSP}050,00 € |  | 179,03 € | 120,00 €`);
    expect(text).toContain(`soit un total de 4${NNBSP}349,03 €`);
  });

  test("gives each interest period with its rate's source", () => {
    expect(rows).toContain(
      `OMI-2025-115 | 01/02/2026 | 30/06/2026 | 150 | 2${NNBSP}000,00 € | 3 × taux légal 1er semestre 2026 (2,62 %) = 7,86 % | 64,60 €`,
    );
  });

  test("states the deadline, the articles and the vendor's clause", () => {
    expect(text).toContain("au plus tard le 08/07/2026, soit dans un délai de 8 jours");
    for (const article of [
      "article 1344 du Code civil",
      "L441-10 II",
      "D441-5",
      "l'article 6.3 de nos conditions générales",
    ])
      expect(text).toContain(article);
    expect(text).toContain(
      "« Conformément à l’article L. 441-10 du Code de commerce, tout retard de paiement",
    );
    expect(text).toContain("(OMI CGA art. 6.3)");
    expect(text).toContain(
      "Fondements : Code civil, art. 1344 ; Code de commerce, art. L441-10 II et D441-5 ; OMI CGA art. 6.3",
    );
    expect(text).toContain("FR76 3000 6000 0112 3456 7890 189");
  });
});

describe("letters in bulk", () => {
  test("one document with a page per client holds every client's letter", async () => {
    const many = invoices(...MARTIN, ...MARTIN.map((m) => ({ ...m, client: "Café <Le Zinc> & Fils" })));
    const { book: two } = book("omi", "2026-06-30", many);
    const run = planLetters(two, { level: "relance", profile, company: COMPANY });
    const text = await docxText(await lettersDocx(run.letters));
    expect(text.match(/Objet : deuxième relance/g)).toHaveLength(2);
    expect(text).toContain("Café <Le Zinc> & Fils");
  });

  test("file names are safe on every system", () => {
    const run = planLetters(b, { level: "rappel", profile, company: COMPANY });
    expect(letterFileName(run.letters[0]!)).toBe("2026-06-30 Rappel - Boulangerie Martin.docx");
    expect(safeFileName('../../etc/passwd:"x"')).toBe("etcpasswdx");
    expect(safeFileName("   ")).toBe("client");
  });
});

describe("the penalty note, read back", () => {
  test("lists per invoice the interest and the 40 €, the total, and no VAT", async () => {
    const note = planPenaltyNotes(b, { profile, company: COMPANY, series: [] }).notes[0]!;
    const bytes = await penaltyNoteDocx(note);
    const text = await docxText(bytes);
    const rows = await docxRows(bytes);
    expect(text).toContain("NOTE DE DÉBIT N° ND-2026-001");
    expect(rows).toContain(
      `OMI-2025-115 | 15/11/2025 | 15/12/2025 | 3${NNBSP}000,00 € | 197 | 95,52 € | 40,00 € | 135,52 €`,
    );
    expect(rows).toContain("Total |  |  |  |  | 179,03 € | 120,00 € | 299,03 €");
    expect(text).toContain("Total à payer : 299,03 €");
    expect(text).toContain("Hors champ d'application de la TVA");
    expect(text).not.toMatch(/TVA\s*\(?\d|\d+ ?% de TVA|Montant HT/);
  });
});
