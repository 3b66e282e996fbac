import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { letterDocx, penaltyNoteDocx } from "../../src/documents";
import { planLetters, planPenaltyNotes } from "../../src/recovery";
import { SOFFICE } from "../support/libreoffice";
import { book, COMPANY, invoices, MARTIN } from "../recovery/fixtures";

/**
 * The formal notice and the penalty note of the hand-worked client printed by LibreOffice: A4 pages,
 * the text where it should be. The page images go to out/recovery/ for a look (the README's picture,
 * docs/mise-en-demeure.png, is the notice's first page).
 */

const POPPLER = spawnSync("which", ["pdftotext"]).status === 0;
// In CI (.ci/run installs both) a missing tool fails the run instead of skipping the proof.
const describeLo = (SOFFICE && POPPLER) || process.env.CI ? describe : describe.skip;
const OUT = path.resolve(__dirname, "../../out/recovery");

function pdfInfo(file: string): { pages: number; size: string } {
  const info = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([^\n]*)/.exec(info)?.[1] ?? "",
  };
}

const pdfText = (file: string) => spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;

describeLo("the documents printed by LibreOffice", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-letters-"));
    const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));
    const letter = planLetters(b, { level: "mise-en-demeure", profile, company: COMPANY }).letters[0]!;
    const note = planPenaltyNotes(b, { profile, company: COMPANY, series: [] }).notes[0]!;
    await fs.writeFile(path.join(dir, "mise-en-demeure.docx"), await letterDocx(letter));
    await fs.writeFile(path.join(dir, "note-de-debit.docx"), await penaltyNoteDocx(note));
    const run = spawnSync(
      SOFFICE as string,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        path.join(dir, "mise-en-demeure.docx"),
        path.join(dir, "note-de-debit.docx"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
    await fs.mkdir(OUT, { recursive: true });
    for (const name of ["mise-en-demeure", "note-de-debit"])
      spawnSync("pdftoppm", ["-png", "-r", "80", path.join(dir, `${name}.pdf`), path.join(OUT, name)]);
  }, 180_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the formal notice is two A4 pages, the period table whole on one of them", () => {
    const file = path.join(dir, "mise-en-demeure.pdf");
    expect(pdfInfo(file)).toEqual({
      pages: 2,
      size: expect.stringMatching(/^595\.\d+ x 841\.\d+ pts \(A4\)/),
    });
    const text = pdfText(file);
    const [page1 = "", page2 = ""] = text.split("\f");
    expect(page1).toContain("MISE EN DEMEURE DE PAYER");
    // The period table (6 periods and its total line) is kept together: every row on the same page.
    // A period row is the one line that gives its rate's source (« 3 × taux légal … »).
    const periodRows = (page: string) => page.split("\n").filter((l) => l.includes("3 × taux légal")).length;
    expect([periodRows(page1), periodRows(page2)].sort()).toEqual([0, 6]);
    expect(page2).toContain("au plus tard le 08/07/2026");
    expect(text).toContain("4 349,03 €");
  });

  test("the penalty note holds on one A4 page", () => {
    const file = path.join(dir, "note-de-debit.pdf");
    expect(pdfInfo(file).pages).toBe(1);
    const text = pdfText(file);
    expect(text).toContain("NOTE DE DÉBIT N° ND-2026-001");
    expect(text).toContain("Hors champ d'application de la TVA");
    expect(text).toMatch(/Total à payer : 299,03 €/);
  });
});
