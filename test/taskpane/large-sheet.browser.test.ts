/**
 * The task pane on a 10,000-row register in headless Chromium (preview mode, `?demoRows=10000`): the
 * demo's 36 rows repeat with their own invoice numbers, so data row i computes as row i mod 36, and
 * every row with i mod 36 = 13 has the impossible date 31/02/2026. Needs dist/ and /usr/bin/chromium.
 */
import type { Page } from "playwright-core";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";

const ROWS = 10_000;

type Demo = {
  value(s: string, r: number, c: number): unknown;
  cell(s: string, r: number, c: number): { value: unknown } | undefined;
};

/** Columns A..F of every row, joined: a fingerprint of the input cells. */
function inputs(page: Page): Promise<string> {
  return page.evaluate((rows) => {
    const wb = (window as unknown as { __echeanceDemo: Demo }).__echeanceDemo;
    const parts: string[] = [];
    for (let r = 0; r <= rows; r++)
      for (let c = 0; c < 6; c++) parts.push(JSON.stringify(wb.value("Factures Sillage", r, c)));
    return parts.join("|");
  }, ROWS);
}

describeInBrowser("task pane on a 10,000-row register (headless Chromium)", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    served = await serveDir(DIST);
    browser = await launchChromium();
    page = browser.page;
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // 1,000 rows per batch, 150 ms between batches: about 3 s of writing, time to cancel midway.
    await page.goto(`${served.origin}/taskpane.html?demoRows=${ROWS}&chunkRows=1000&delay=150`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test("apply, cancel midway, apply again: the same six columns, every row written, inputs untouched", async () => {
    await page
      .getByTestId("source-address")
      .filter({ hasText: "'Factures Sillage'!A1:F10001" })
      .waitFor({ timeout: 20_000 });
    await page.getByTestId("as-of").fill("30/06/2026");
    await page.getByTestId("as-of").press("Enter");
    const before = await inputs(page);

    await page.getByTestId("apply").click();
    await page.getByText(/Écriture des valeurs : [1-9]\d{3} \/ 10000/).waitFor({ timeout: 30_000 });
    await page.getByTestId("cancel").click();
    const result = page.getByTestId("apply-result");
    await result.filter({ hasText: "Annulé" }).waitFor({ timeout: 30_000 });
    const written = Number(/Annulé : (\d+) ligne/.exec(await result.innerText())?.[1]);
    // Stopped between batches of 1,000, before the end.
    expect(written % 1000).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(ROWS);

    // Again: what the cancelled run wrote is the add-in's own (its headers say so), rewritten in place
    // without asking, in the same columns G..L.
    await page.getByTestId("apply").click();
    await result
      .filter({ hasText: "10000 ligne(s) écrites dans 6 colonne(s), dont 0 nouvelle(s)" })
      .waitFor({ timeout: 60_000 });

    const check = await page.evaluate((rows) => {
      const wb = (window as unknown as { __echeanceDemo: Demo }).__echeanceDemo;
      const headers = [6, 7, 8, 9, 10, 11].map((c) => wb.value("Factures Sillage", 0, c));
      const beyond = wb.cell("Factures Sillage", 0, 12);
      let emptyStatus = 0;
      const bad: string[] = [];
      const like102: unknown[] = [];
      for (let i = 0; i < rows; i++) {
        const status = String(wb.value("Factures Sillage", i + 1, 11));
        if (status === "") emptyStatus++;
        if (i % 36 === 13) bad.push(status);
        if (i % 36 === 1)
          like102.push([wb.value("Factures Sillage", i + 1, 6), wb.value("Factures Sillage", i + 1, 10)]);
      }
      return { headers, beyond: beyond === undefined, emptyStatus, bad, like102 };
    }, ROWS);
    expect(check.headers).toEqual([
      "Échéance (CGV)",
      "Jours de retard",
      "Intérêts de retard",
      "Indemnité de recouvrement",
      "Total pénalités",
      "Statut",
    ]);
    expect(check.beyond).toBe(true);
    expect(check.emptyStatus).toBe(0);
    // Bad rows i = 13, 49, …, 9985: (9985 − 13) / 36 + 1 = 278, each naming its sheet row (i + 2).
    expect(check.bad).toHaveLength(278);
    expect(check.bad[0]).toContain("Ligne 15");
    expect(check.bad[277]).toContain("Ligne 9987");
    // Rows like FA-0102 (training, 18/01/2025 + 15 days = 02/02/2025 = serial 45690, paid 7 days late):
    // 1 213,50 € × 3 × 3,71 % × 7 / 365 = 2,59 € + 40 € = 42,59 €.
    expect(check.like102).toHaveLength(278);
    expect(new Set(check.like102.map((v) => JSON.stringify(v)))).toEqual(
      new Set([JSON.stringify([45690, 42.59])]),
    );
    expect(await page.getByTestId("run-summary").locator('[data-figure="errors"] dd').innerText()).toBe(
      "278",
    );
    expect(await inputs(page)).toBe(before);
    expect(await page.getByTestId("overwrite-dialog").count()).toBe(0);
  });

  test("the page raised no uncaught error", () => {
    expect(pageErrors).toEqual([]);
  });
});
