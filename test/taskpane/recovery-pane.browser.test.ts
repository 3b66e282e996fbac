/**
 * The recovery views at 320 px, in headless Chromium on the pane's preview mode (the demo workbook,
 * Sillage's register, today pinned to 30/06/2026): « Rapports > Relevé par client » writes its sheets,
 * « Relances » asks for « Mon entreprise » first, then lists the guardrails and hands over the
 * letters (the download read back with mammoth) and records them as sent — with nothing sideways and
 * no text over another in any of them. Needs dist/ (`npm run build`) and /usr/bin/chromium.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { openPaneSession, type PaneSession } from "../support/pane-session";
import { describeInBrowser } from "../support/browser";
import { overlappingTexts, sideways } from "../support/pane-layout";
import { docxText, docxWithBody } from "../documents/docx-support";

const WIDTH = 320;
const ROOT = path.resolve(__dirname, "../..");

/**
 * A picture of the whole pane, or of one view (`testId`), to look at: in out/ (untracked), or in docs/
 * with UPDATE_SCREENSHOTS=1 (the README's), so that `npm test` never rewrites a tracked file.
 */
async function picture(page: Page, name: string, testId?: string): Promise<void> {
  const dir = path.join(ROOT, process.env.UPDATE_SCREENSHOTS === "1" && testId ? "docs" : "out");
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  if (testId) await page.getByTestId(testId).screenshot({ path: path.join(dir, name) });
  else await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

async function expectFits(page: Page, view: string): Promise<void> {
  const o = await sideways(page);
  expect({ view, fits: o.scrollWidth <= o.clientWidth, wide: o.wide }).toEqual({
    view,
    fits: true,
    wide: [],
  });
  expect(o.clientWidth).toBe(WIDTH);
  expect({ view, overlapping: await overlappingTexts(page) }).toEqual({ view, overlapping: [] });
}

describeInBrowser("the recovery views at 320 px (headless Chromium)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("2026-06-30");
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  test("Rapports > Relevé par client: the date, the client, the sheets; writes one sheet per client", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Rapports" }).click();
    await page.getByTestId("report-choice").getByText("Relevé par client").click();
    await page.getByTestId("statement-panel").waitFor();
    expect(await page.getByTestId("statement-as-of").inputValue()).toBe("30/06/2026");
    await expect(page.getByTestId("statement-clients").innerText()).resolves.toMatch(
      /client\(s\) avec des factures en retard/,
    );
    await expectFits(page, "Relevé par client");
    await page.getByTestId("build-statement").click();
    await page.getByTestId("statement-result").waitFor({ timeout: 15_000 });
    const result = await page.getByTestId("statement-result").innerText();
    expect(result).toMatch(/Feuille\(s\) créée\(s\) : Relevé /);
    expect(result).toContain("Le registre n'a pas été modifié.");
    await expectFits(page, "Relevé par client, écrit");
    await picture(page, "taskpane-statement.png");
  });

  test("Relances without « Mon entreprise »: says so and leads to the form; the form refuses a wrong SIREN by name", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Relances" }).click();
    await page.getByTestId("letters-panel").waitFor();
    await page.getByTestId("letters-no-company").waitFor();
    await expect(page.getByTestId("letters-generate").isDisabled()).resolves.toBe(true);
    await expectFits(page, "Relances sans Mon entreprise");
    await page.getByTestId("letters-open-company").click();
    await page.getByTestId("company-form").waitFor();
    await page.getByTestId("company-name").fill("Sillage Conseil SAS");
    await page.getByTestId("company-address").fill("12 quai de la Fosse\n44000 Nantes");
    await page.getByTestId("company-siren").fill("732829321");
    await page.getByTestId("company-iban").fill("FR76 3000 6000 0112 3456 7890 189");
    await page.getByTestId("company-save").click();
    // 732 829 321: the Luhn key of 732 829 320 broken by one digit.
    await page.getByText("la clé de contrôle ne correspond pas (Luhn)").waitFor();
    await expectFits(page, "Mon entreprise, SIREN refusé");
    await page.getByTestId("company-siren").fill("732 829 320");
    await page.getByTestId("company-save").click();
    await page.getByTestId("company-message").waitFor();
    await expectFits(page, "Mon entreprise");
  });

  test("« Mon entreprise » is stored with the workbook's terms: a colleague opening it sees it", async () => {
    const stored = await page.evaluate(
      () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
    );
    expect(stored.join("")).toContain("732829320");
    const colleague = await openPaneSession("2026-06-30", stored);
    try {
      await colleague.page.getByTestId("view-switch").getByRole("tab", { name: "Paramètres" }).click();
      await expect(colleague.page.getByTestId("company-fold-toggle").innerText()).resolves.toContain(
        "Sillage Conseil SAS",
      );
    } finally {
      await colleague.close();
    }
  });

  test("Relances: the guardrails before generating, the letters downloaded and read back, then recorded as sent", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Relances" }).click();
    await page.getByTestId("letters-guardrails").waitFor();
    // The demo register has no « Adresse » column: every letter says so.
    await expect(page.getByTestId("letters-guardrails").innerText()).resolves.toContain(
      "pas d'adresse dans le registre",
    );
    await page.getByTestId("letters-clients").waitFor();
    await expectFits(page, "Relances");
    await picture(page, "taskpane-letters.png", "letters-panel");
    await page.getByTestId("letters-layout").getByText("un document, une page par client").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("letters-generate").click(),
    ]);
    expect(download.suggestedFilename()).toBe("Lettres 30-06-2026.docx");
    const text = await docxText(new Uint8Array(readFileSync((await download.path()) as string)));
    expect(text).toContain("Sillage Conseil SAS");
    expect(text).toContain("adresse à compléter");
    await page.getByTestId("letters-result").waitFor();
    await page.getByTestId("letters-mark-sent").click();
    await page.getByTestId("letters-recorded").waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("letters-recorded").innerText()).resolves.toMatch(
      /« Dernière relance » inscrite pour \d+ facture\(s\)/,
    );
    await expectFits(page, "Relances, envoyées");
    await picture(page, "taskpane-letters-sent.png");
    expect(session.pageErrors).toEqual([]);
  });

  test("penalty notes: numbered from ND-2026-001, kept in the workbook's series before they are handed over, listed on a sheet", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("notes-generate").click(),
    ]);
    const result = await page.getByTestId("notes-result").innerText();
    expect(result).toMatch(/^Note\(s\) ND-2026-001, ND-2026-002/);
    expect(result).toContain("« Notes de débit »");
    const text = await docxText(new Uint8Array(readFileSync((await download.path()) as string)));
    expect(text).toContain("ND-2026-001");
    expect(text).toContain("Hors champ d'application de la TVA");
    const stored = await page.evaluate(
      () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
    );
    expect(stored.join("")).toContain("ND-2026-001");
    // Nothing new to claim on the same date: no second note, and no number taken.
    await page.getByTestId("notes-generate").click();
    await expect(page.getByTestId("letters-error").innerText()).resolves.toContain(
      "Aucune pénalité nouvelle à réclamer",
    );
    await expectFits(page, "Relances, notes de débit");
  });

  test("a template picked from the file input: a PDF refused with a sentence, a .docx with its placeholders taken", async () => {
    await page.getByTestId("letters-template-fold-toggle").click();
    const input = page.getByTestId("letters-template-input");
    await input.setInputFiles({
      name: "Lettre.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7"),
    });
    await expect(page.getByTestId("letters-template-error").innerText()).resolves.toContain(
      "Lettre.pdf : fichier PDF — un modèle doit être un document Word (.docx) modifiable.",
    );
    await expect(page.getByTestId("letters-generate").isDisabled()).resolves.toBe(true);
    await expectFits(page, "Relances, modèle refusé");
    const body = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const template = docxWithBody(body("{{client}}") + body("{{factures}}") + body("Total : {{total}}"));
    await input.setInputFiles({
      name: "Ma lettre.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(template),
    });
    await page.getByText("Modèle retenu : Ma lettre.docx.").waitFor();
    await expect(page.getByTestId("letters-generate").isDisabled()).resolves.toBe(false);
    await expectFits(page, "Relances, modèle retenu");
  });
});
