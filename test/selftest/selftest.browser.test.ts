/**
 * The self-test page in headless Chromium, in preview mode (office.js cannot load without network):
 * `?selftest` on the pane's URL opens it in a 320 px pane, the run goes over the in-memory demo
 * workbook, and the report appears — each step, then the text to copy. Needs `npm run build` (dist/)
 * and Debian chromium at /usr/bin/chromium.
 */
import type { Page } from "playwright-core";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";

/** The steps of src/selftest/steps/index.ts, in order. */
const STEPS = [
  "sheet",
  "date-system",
  "read",
  "used-range",
  "values",
  "note",
  "highlight",
  "formulas",
  "formulas-fr",
  "portable",
  "edit",
  "sizes",
  "terms",
  "functions-start",
  "pane-visibility",
];

/** The steps that check the add-in's start in Excel: not run in the preview, which has none. */
const EXCEL_ONLY = new Set(["selftest-step-functions-start", "selftest-step-pane-visibility"]);

/** The demo workbook's sheets, read in the page. */
function demoSheets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __echeanceDemo: { sheetNames(): string[] } }).__echeanceDemo.sheetNames(),
  );
}

/** How far the page reaches right of the 320 px viewport (0: nothing overflows). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describeInBrowser("the self-test page (headless Chromium, preview, 320 px)", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let sheetsBefore: string[];

  beforeAll(async () => {
    served = await serveDir(DIST);
    browser = await launchChromium({ width: 320, height: 800 });
    page = browser.page;
    await page.goto(`${served.origin}/taskpane.html?selftest`);
    await page.getByTestId("selftest-page").waitFor({ timeout: 20_000 });
    sheetsBefore = await demoSheets(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test("?selftest opens the page, in French, saying the preview proves nothing about Excel", async () => {
    const text = await page.getByTestId("selftest-page").innerText();
    expect(text).toContain("Autotest");
    expect(text).toContain("Hors Excel, l'autotest s'exécute sur le classeur de démonstration en mémoire");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  test("a run shows every step and the report, and leaves the demo workbook's sheets as they were", async () => {
    await page.getByTestId("selftest-run").click();
    await page.getByTestId("selftest-summary").waitFor({ timeout: 90_000 });
    const statuses = await page
      .getByTestId("selftest-steps")
      .locator("li")
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute("data-testid"), li.getAttribute("data-status")]),
      );
    expect(statuses.map(([id]) => id)).toEqual(STEPS.map((id) => `selftest-step-${id}`));
    // Every step passes on the in-memory workbook, but the French formulas' when the browser is not
    // French (its language stands for Excel's), and the two about the add-in's start in Excel.
    const language = await page.evaluate(() => navigator.language);
    for (const [id, status] of statuses)
      expect([id, status]).toEqual([
        id,
        (id === "selftest-step-formulas-fr" && !/^fr\b/i.test(language)) || EXCEL_ONLY.has(id ?? "")
          ? "skip"
          : "pass",
      ]);
    const report = await page.getByTestId("selftest-report").inputValue();
    const lines = report.split("\n");
    expect(lines[0]).toBe("Échéance — autotest");
    expect(lines[1]).toMatch(/^Date : \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(lines[2]).toMatch(/^Version du complément : \d+\.\d+\.\d+/);
    expect(lines[3]).toMatch(/^Hôte : aperçu hors Excel, classeur en mémoire \(Mozilla/);
    expect(lines[4]).toBe(`Langue du navigateur : ${language}`);
    expect(report).toMatch(/^✓ Appliquer en valeurs \(\d+ ms\)$/m);
    expect(report).toMatch(/^ {4}masquées : 4, 7 ; filtre : oui ; fusions : D3:D4$/m);
    // A sheet for each step but the terms and the two start steps (11), two for the sheet step, the
    // reference sheet: 14, less the French formulas' sheet where that step is not run. The preview has
    // no stored terms.
    const sheets = /^fr\b/i.test(language) ? 14 : 13;
    expect(lines[lines.length - 1]).toBe(
      `Nettoyage : ${sheets} feuille(s) supprimée(s) ; aucune feuille de test restante ; termes enregistrés du classeur non vérifiés ; sélection rétablie.`,
    );
    expect(await demoSheets(page)).toEqual(sheetsBefore);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  }, 120_000);

  test("Copy puts the report on the clipboard where the webview allows it", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.origin });
    await page.getByTestId("selftest-copy").click();
    await expect(page.getByTestId("selftest-copy-result").innerText()).resolves.toBe(
      "Rapport copié : collez-le dans votre message.",
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByTestId("selftest-report").inputValue());
  });

  test("where copying is refused, the report is selected whole for Ctrl+C", async () => {
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await page.getByTestId("selftest-copy").click();
    await expect(page.getByTestId("selftest-copy-result").innerText()).resolves.toMatch(
      /^Copie automatique refusée ici : le rapport est sélectionné/,
    );
    const selection = await page
      .getByTestId("selftest-report")
      .evaluate((box: HTMLTextAreaElement) => [box.selectionStart, box.selectionEnd, box.value.length]);
    expect(selection).toEqual([0, selection[2], selection[2]]);
    expect(selection[2]).toBeGreaterThan(500);
  });

  test("back on the pane, « À propos » shows the version and its button opens the self-test again", async () => {
    await page.getByTestId("selftest-back").click();
    const about = page.getByTestId("about");
    await about.waitFor({ timeout: 20_000 });
    expect(await about.innerText()).toMatch(/À propos[\s\S]*Échéance, version \d+\.\d+\.\d+\./);
    await page.getByTestId("open-selftest").click();
    await page.getByTestId("selftest-run").waitFor();
    expect(await page.getByTestId("selftest-run").innerText()).toBe("Lancer l'autotest");
  });
});
