import { strToU8, zipSync } from "fflate";
import { fillTemplate, MAX_TEMPLATE_BYTES, readTemplate } from "../../src/documents";
import { LETTER_PLACEHOLDERS, planLetters } from "../../src/recovery";
import { book, COMPANY, invoices, MARTIN } from "../recovery/fixtures";
import { docxRows, docxText, docxWithBody, splitParagraph } from "./docx-support";

const NNBSP = "\u202f";
const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));
const letter = planLetters(b, { level: "mise-en-demeure", profile, company: COMPANY }).letters[0]!;

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join("")}</w:tr>`;

function error(bytes: unknown, name = "modele.docx"): string {
  const r = readTemplate(bytes, name);
  if (r.ok) throw new Error("expected the template to be refused");
  return r.error.fr;
}

describe("a user's letter template", () => {
  test("placeholders Word split across runs are filled whole, with the first run's formatting", async () => {
    const body =
      splitParagraph("Madame, Monsieur, à l'attention de {{cli", "ent}} :") +
      splitParagraph("Vous nous devez {", "{ total }", "} à régler avant le {{date_limite}}.") +
      p("{{adresse_client}}") +
      p("{{factures}}");
    const r = readTemplate(docxWithBody(body));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = await docxText(fillTemplate(r.template, letter));
    expect(text).toContain("à l'attention de Boulangerie Martin :");
    expect(text).toContain(`Vous nous devez 4${NNBSP}349,03 € à régler avant le 08/07/2026.`);
    expect(text).toContain("4 place du Marché");
    expect(text).not.toContain("{{");
    const rows = await docxRows(fillTemplate(r.template, letter));
    expect(rows).toContain(
      `OMI-2026-007 | 10/02/2026 | 12/03/2026 | 850,00 € | 850,00 € | 110 | 20,13 € | 40,00 €`,
    );
  });

  test("a table row with {{facture.…}} is repeated once per invoice, in the template's own table", async () => {
    const body =
      p("{{client}}") +
      `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${row("N°", "Échéance", "Montant")}${row(
        "{{facture.numero}}",
        "{{ facture.echeance }}",
        "{{facture.montant}}",
      )}${row("Total", "", "{{total}}")}</w:tbl>` +
      p("Clause : {{clause}}");
    const r = readTemplate(docxWithBody(body));
    if (!r.ok) throw new Error(r.error.en);
    const rows = await docxRows(fillTemplate(r.template, letter));
    expect(rows).toEqual([
      "N° | Échéance | Montant",
      `OMI-2025-101 | 31/10/2025 | 1${NNBSP}200,00 €`,
      `OMI-2025-115 | 15/12/2025 | 3${NNBSP}000,00 €`,
      "OMI-2026-007 | 12/03/2026 | 850,00 €",
      `Total |  | 4${NNBSP}349,03 €`,
    ]);
    expect(await docxText(fillTemplate(r.template, letter))).toContain("trois fois le taux d'intérêt légal");
  });

  test("every letter placeholder is one the built-in letter fills", () => {
    expect([...letter.fields.keys()].sort()).toEqual([...LETTER_PLACEHOLDERS].sort());
  });
});

describe("templates that cannot serve are refused with a clear message, before anything is written", () => {
  test("not a .docx: a .doc, a PDF, random bytes, a damaged zip, a .docm, a .dotx", () => {
    expect(error(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toContain("Word 97-2003 (.doc)");
    expect(error(strToU8("%PDF-1.7 …"))).toContain("fichier PDF");
    expect(error(strToU8("bonjour"))).toContain("ce n'est pas un document Word .docx");
    expect(error(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).toContain("illisible");
    expect(error(zipSync({ "a.txt": strToU8("x") }))).toContain("ce n'est pas un document Word .docx");
    expect(
      error(docxWithBody(p("{{client}}"), "application/vnd.ms-word.document.macroEnabled.main+xml")),
    ).toContain(".docm");
    expect(
      error(
        docxWithBody(
          p("{{client}}"),
          "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        ),
      ),
    ).toContain(".dotx");
    expect(error(new Uint8Array(0))).toContain("fichier vide");
    expect(error("text")).toContain("fichier vide");
    expect(error(new Uint8Array(MAX_TEMPLATE_BYTES + 1).fill(0x50))).toContain("trop volumineux");
  });

  test("without the required placeholders, the message names the missing ones", () => {
    expect(error(docxWithBody(p("Bonjour {{client}}")))).toBe(
      "modele.docx : le modèle ne contient pas {{total}}, {{factures}} — une lettre doit nommer le client, le total réclamé et la liste des factures ({{factures}} seul dans un paragraphe, ou une ligne de tableau avec {{facture.numero}}).",
    );
  });

  test("a typo, an unclosed placeholder, {{factures}} in a sentence, an invoice field outside a row", () => {
    const base = p("{{client}} {{total}}") + p("{{factures}}");
    expect(error(docxWithBody(base + p("{{clien}}")))).toMatch(
      /^modele\.docx : champ inconnu \{\{clien\}\} — les champs possibles sont \{\{client\}\}/,
    );
    expect(error(docxWithBody(base + p("le {{date_limite")))).toContain("champ non fermé « {{date_limite »");
    expect(error(docxWithBody(p("{{client}} {{total}} voir {{factures}}")))).toContain(
      "{{factures}} doit être seul",
    );
    expect(error(docxWithBody(p("{{client}} {{total}}") + p("{{facture.numero}}")))).toContain(
      "{{facture.numero}} doit être dans une ligne de tableau",
    );
  });

  test("a zip bomb is refused from its declared sizes", () => {
    // 80 Mio of zeros deflate to a few dozen Ko; the declared size is over the 64 Mio a template may hold.
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(80 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_TEMPLATE_BYTES);
    expect(error(bomb)).toContain("trop volumineux");
  });

  test("a DOCTYPE in the document is refused", () => {
    const withDoctype = zipSync({
      "[Content_Types].xml": strToU8(
        `<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "word/document.xml": strToU8('<!DOCTYPE x [<!ENTITY a "b">]><w:document/>'),
    });
    expect(error(withDoctype)).toContain("DOCTYPE");
  });
});
