/**
 * Issue 23 in the task pane, at Excel's narrowest width (320 px), in headless Chromium on the preview
 * mode: « Fournisseurs > Nouveau à partir des CGV » with a terms text pasted, its report (each proposed
 * rule with the article and the sentence it came from, what was not found and what applies instead,
 * the question an ambiguous clause raises), « Créer le fournisseur » opening the draft in the vendor
 * form with the proposed terms; then a register naming a vendor nobody entered: Apply groups its rows
 * and offers to create it (the import, its name filled in) or to use the law (`loi`), whose rows say so.
 * Nothing sticks out sideways and no text lies over another. Needs dist/ and /usr/bin/chromium.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import type { Page } from "playwright-core";
import { describeInBrowser } from "../support/browser";
import { expectNothingSideways, expectNoTextOverlapping } from "../support/pane-layout";
import { openPaneSession, type PaneSession } from "../support/pane-session";

const PIXEL_NORD = readFileSync(path.resolve(__dirname, "../fixtures/terms/agence-pixel-nord.txt"), "utf8");
const SUPPLIERS = "Fournisseurs";

async function openVendorsTab(page: Page): Promise<void> {
  await page.getByTestId("view-switch").getByRole("tab", { name: "Fournisseurs" }).click();
  await page.getByTestId("vendors-panel").waitFor();
}

describeInBrowser("importing a vendor from its terms of sale, in the pane at 320 px", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("2026-12-07");
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  test("Fournisseurs lists the built-in vendors, the law (loi) among them", async () => {
    await openVendorsTab(page);
    const builtIn = await page.getByTestId("built-in-vendors").innerText();
    expect(builtIn).toContain("OMI (omi)");
    expect(builtIn).toContain(
      "Conditions légales (loi : Code de commerce L441-10 et D441-5, pour un fournisseur dont les conditions ne sont pas saisies)",
    );
  });

  test("a pasted terms text gives its report: each rule beside its article and sentence, not found, questions", async () => {
    await page.getByTestId("import-vendor-terms").click();
    await page.getByTestId("import-text").fill(PIXEL_NORD);
    await page.getByTestId("import-read").click();
    const report = page.getByTestId("import-report");
    await report.waitFor({ timeout: 10_000 });
    // ARTICLE 4: « Le solde est payable sous quinze jours à compter de la livraison du site. »
    const balance = page.locator('[data-proposal="payment:balance"]');
    await expect(balance.innerText()).resolves.toContain("Délai de paiement — solde");
    await expect(balance.innerText()).resolves.toContain("15 jours à compter de la livraison");
    await expect(balance.getByTestId("import-source-article").innerText()).resolves.toBe(
      "art. 4 (CONDITIONS DE PAIEMENT)",
    );
    await expect(balance.getByTestId("import-source-sentence").innerText()).resolves.toBe(
      "« Le solde est payable sous quinze jours à compter de la livraison du site. »",
    );
    // « Un acompte de 40 % est versé à la signature du devis »: the deposit is due on the invoice date.
    await expect(page.locator('[data-proposal="payment:deposit"]').innerText()).resolves.toContain(
      "à réception de la facture",
    );
    // ARTICLE 5 says no base: the invoice amount applies; no start: the day after the due date (L441-10 II).
    const notFound = await page.getByTestId("import-not-found").innerText();
    expect(notFound).toContain("Assiette des pénalités");
    expect(notFound).toContain("le montant de la facture");
    expect(notFound).toContain("le lendemain de l'échéance");
    // « une pénalité de 15 % du montant de la facture »: no period, so a question, the yearly reading held.
    const questions = await page.getByTestId("import-questions").innerText();
    expect(questions).toContain("La pénalité est « de 15 % » sans période");
    expect(questions).toContain(
      "15 % l'an par jour de retard (lecture favorable au client) — retenu dans le brouillon",
    );
    await expectNothingSideways(page, "import des CGV, rapport");
    await expectNoTextOverlapping(page, "import des CGV, rapport");
  });

  test("« Créer le fournisseur » opens the draft in the vendor form, with the proposed terms; nothing is saved", async () => {
    const storedBefore = await page.getByTestId("vendors-panel").innerText();
    await page.getByTestId("import-create").click();
    const editor = page.getByTestId("vendor-editor");
    await editor.waitFor();
    await expect(editor.getByLabel("Identifiant (minuscules, chiffres, tirets)").inputValue()).resolves.toBe(
      "pixel-nord-studio",
    );
    await expect(editor.getByLabel(/^Nom\s*\*?$/).inputValue()).resolves.toBe("Pixel Nord Studio");
    await expect(editor.getByLabel("Noms sur les factures (séparés par « ; »)").inputValue()).resolves.toBe(
      "PIXEL NORD ; PIXEL NORD SARL ; Pixel Nord Studio",
    );
    const terms = await editor
      .getByLabel("Délai tel qu'écrit dans les CGV")
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(terms).toEqual(["à réception de facture", "15 jours à compter de la livraison"]);
    // A creation: no warning that it replaces a vendor, and no vendor stored yet.
    expect(await editor.innerText()).not.toContain("remplace");
    expect(await page.getByTestId("stored-vendors").count()).toBe(0);
    expect(storedBefore).toContain("Aucun fournisseur enregistré");
    await expectNothingSideways(page, "brouillon dans le formulaire");
    await expectNoTextOverlapping(page, "brouillon dans le formulaire");
    await editor.getByRole("button", { name: "Annuler" }).click();
  });

  test("Apply groups a register's unknown vendor and leads to its creation, or to the law", async () => {
    // Two rows of the demo suppliers' register name a vendor nobody entered, written two ways.
    await page.evaluate(() => {
      const wb = (
        window as unknown as {
          __echeanceDemo: { edit(s: string, r: number, c: number, v: string): void };
        }
      ).__echeanceDemo;
      wb.edit("Fournisseurs", 1, 0, "Menuiserie Roux");
      wb.edit("Fournisseurs", 6, 0, "MENUISERIE ROUX");
    });
    await page.getByTestId("view-switch").getByRole("tab", { name: "Appliquer" }).click();
    await page.getByTestId("demo-workbook").getByRole("tab", { name: SUPPLIERS, exact: true }).click();
    await page
      .getByTestId("source-address")
      .filter({ hasText: `${SUPPLIERS}!` })
      .waitFor();
    await page.getByTestId("apply").click();
    const offer = page.getByTestId("unknown-vendors");
    await offer.waitFor({ timeout: 30_000 });
    await expect(offer.locator('[data-unknown-vendor="Menuiserie Roux"]').innerText()).resolves.toContain(
      "« Menuiserie Roux » — 2 lignes",
    );
    await expectNothingSideways(page, "fournisseurs inconnus");
    await expectNoTextOverlapping(page, "fournisseurs inconnus");

    // The law: chosen as the default vendor, Apply again computes the two rows, their status says so.
    await page.getByTestId("use-law").click();
    await page.getByTestId("law-chosen").waitFor();
    await page.getByTestId("apply").click();
    await page
      .getByText("2 lignes calculées avec les conditions légales (loi) : leur statut le dit.")
      .waitFor({
        timeout: 30_000,
      });
    const statuses = await page.evaluate(() => {
      const wb = (
        window as unknown as {
          __echeanceDemo: { value(s: string, r: number, c: number): unknown };
        }
      ).__echeanceDemo;
      const out: string[] = [];
      for (let c = 0; c < 20; c++) out.push(String(wb.value("Fournisseurs", 1, c) ?? ""));
      return out;
    });
    expect(statuses.join(" | ")).toContain(
      "Fournisseur « Menuiserie Roux » non enregistré. Conditions légales (L441-10) appliquées : 30 jours, taux BCE + 10 points, indemnité de 40 €",
    );

    // Creating it: the import opens in Fournisseurs, its name filled in.
    await page.getByRole("button", { name: "Créer « Menuiserie Roux » à partir des CGV" }).click();
    await page.getByTestId("vendor-import").waitFor();
    await expect(page.getByTestId("import-name").inputValue()).resolves.toBe("Menuiserie Roux");
    await expectNothingSideways(page, "import pour un fournisseur inconnu");
  });

  test("a .docx opened is read (its text, bounded), and a file that is not text is refused with a sentence", async () => {
    const paragraphs = PIXEL_NORD.split("\n").map((line) => new Paragraph(line));
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    await page.getByTestId("import-file").setInputFiles({
      name: "cgv-pixel-nord.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(docx),
    });
    await page.getByTestId("import-report").waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-proposal="payment:balance"]').innerText()).resolves.toContain(
      "15 jours à compter de la livraison",
    );
    await expect(page.getByTestId("vendor-import").innerText()).resolves.toContain(
      "Fichier lu : cgv-pixel-nord.docx",
    );
    // A PNG renamed .txt: « Ce n'est pas du texte » (docs/vendor-import.md, Bad input); no report shown.
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "cgv.txt", mimeType: "text/plain", buffer: png });
    await page.getByTestId("import-problem").waitFor();
    await expect(page.getByTestId("import-problem").innerText()).resolves.toMatch(/^Ce n'est pas du texte/);
    expect(await page.getByTestId("import-report").count()).toBe(0);
    await expectNothingSideways(page, "fichier refusé");
  });

  test("the page raised no uncaught error along the way", () => {
    expect(session.pageErrors).toEqual([]);
  });
});
