/**
 * The task pane at the width Excel gives it (320 px, the narrowest task pane), in headless Chromium on
 * its preview mode: nothing scrolls sideways in any view, tables become lists, long messages wrap, no
 * text lies over another, and « Appliquer » leads (issue 21): the tabs at the top, then the vendor, the
 * register found, how it will be written and the Apply button within the first 900 px of a 320 × 900
 * pane — the vendor's terms, the mapping and the options folded to a line each, the preview after.
 * Also where the README's screenshots are taken (in French, at 320 px): written to out/ unless
 * UPDATE_SCREENSHOTS=1, so that `npm test` never rewrites a tracked file.
 * Needs dist/ (`npm run build`) and /usr/bin/chromium.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { SHIPPED_REGISTRY, type VendorProfile } from "../../src/engine";
import { captureState, serializeState } from "../../src/storage";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";
import { closeFold, openFold } from "../support/pane-session";
import {
  expectNothingSideways,
  expectNoTextOverlapping,
  overlappingTexts,
  PANE_WIDTH,
  sideways,
} from "../support/pane-layout";

const ROOT = path.resolve(__dirname, "../..");
const WIDTH = PANE_WIDTH;

/** docs/NAME with UPDATE_SCREENSHOTS=1 (the README's pictures), out/NAME otherwise. */
function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS === "1" ? path.join(ROOT, "docs") : path.join(ROOT, "out");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** A visible element's top and bottom from the top of the page (the page scrolled to its top). */
function pageBox(page: Page, testId: string): Promise<{ top: number; bottom: number }> {
  return page.evaluate((id) => {
    window.scrollTo(0, 0);
    const box = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
    return { top: Math.round(box?.top ?? NaN), bottom: Math.round(box?.bottom ?? NaN) };
  }, testId);
}

describeInBrowser("task pane at 320 px (headless Chromium)", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    served = await serveDir(DIST);
    browser = await launchChromium({ width: WIDTH, height: 900 });
    page = browser.page;
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${served.origin}/taskpane.html?chunkRows=12&delay=0`);
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test("the overflow check sees a row error that does not wrap (so that its silence means something)", async () => {
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "too-wide";
      p.style.whiteSpace = "nowrap";
      p.textContent = "Ligne 15 : la date de facture 31/02/2026 n'existe pas (colonne D · Date facture).";
      document.querySelector("main")?.append(p);
    });
    try {
      const o = await sideways(page);
      expect(o.scrollWidth).toBeGreaterThan(o.clientWidth);
      expect(o.wide.some((w) => w.startsWith("p["))).toBe(true);
    } finally {
      await page.evaluate(() => document.getElementById("too-wide")?.remove());
    }
  });

  test("the overlap check sees two texts drawn over each other (so that its silence means something)", async () => {
    await page.evaluate(() => {
      const add = (id: string, text: string, top: number) => {
        const p = document.createElement("p");
        p.id = id;
        p.textContent = text;
        p.style.cssText = `position: absolute; left: 20px; top: ${top}px; margin: 0`;
        document.querySelector("main")?.append(p);
      };
      add("over-1", "01/12", 200);
      add("over-2", "03/12", 205);
    });
    try {
      expect(await overlappingTexts(page)).toContain("« 01/12 » × « 03/12 »");
    } finally {
      await page.evaluate(() => ["over-1", "over-2"].forEach((id) => document.getElementById(id)?.remove()));
    }
  });

  test("Appliquer, with a register read: the tabs, the vendor, the register, how it is written and Apply within the first 900 px", async () => {
    await page.getByTestId("as-of").fill("30/06/2026");
    await page.getByTestId("as-of").press("Enter");
    // The date picker's calendar opens over the pane while the date is typed: closed, as the user would.
    await page.keyboard.press("Escape");
    await page.getByTestId("preview-table").waitFor();
    // The register is Sillage's (the preview's first register), read from A1.
    expect(await page.getByTestId("source-address").innerText()).toContain("'Factures Sillage'!A1:F37");
    const at = async (id: string) => (await pageBox(page, id)).top;
    const apply = await pageBox(page, "apply");
    console.log(`Apply button at ${apply.top}..${apply.bottom} px of a 320 × 900 pane`);
    expect(apply.top).toBeLessThanOrEqual(900);
    // Top to bottom: the tabs, the vendor, the register found, how it is written, Apply, the preview.
    const order = [
      await at("view-switch"),
      await at("vendor-picker"),
      await at("source-address"),
      await at("write-mode"),
      apply.top,
      await at("preview-table"),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expectNothingSideways(page, "Appliquer");
    await expectNoTextOverlapping(page, "Appliquer");
  });

  test("Appliquer, its folds opened: the vendor's terms, the column mapping and the options fit in 320 px", async () => {
    for (const fold of ["vendor-terms", "mapping-fold", "write-options"]) await openFold(page, fold);
    await page.getByTestId("vendor-summary").waitFor();
    await page.getByTestId("mapping").waitFor();
    await page.getByTestId("highlight-days").waitFor();
    await expectNothingSideways(page, "Appliquer, plis ouverts");
    await expectNoTextOverlapping(page, "Appliquer, plis ouverts");
    for (const fold of ["vendor-terms", "mapping-fold", "write-options"]) await closeFold(page, fold);
    await page.getByTestId("vendor-summary").waitFor({ state: "hidden" });
  });

  test("the date field shows and reads dd/mm/yyyy, whatever the browser's locale (en-US here)", async () => {
    // Chromium runs with its default en-US locale: a native date input would show 06/30/2026.
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    expect(await page.getByTestId("as-of").inputValue()).toBe("30/06/2026");
    expect(await page.locator('input[type="date"]').count()).toBe(0);
  });

  test("Appliquer, after an apply: the summary, the timeline and the row errors wrap inside 320 px", async () => {
    await page.getByTestId("apply").click();
    await page.getByTestId("apply-result").waitFor({ timeout: 30_000 });
    await page.getByTestId("run-summary").waitFor({ timeout: 10_000 });
    await expectNothingSideways(page, "Appliquer après application");
    await expectNoTextOverlapping(page, "Appliquer après application");
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = screenshotPath("taskpane.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
  });

  test("the timeline's labels do not overlap when three deadlines fall within a week", async () => {
    // As of 30/06/2026 the next deadlines of Sillage's demo register are 01/12, 03/12 and 05/12/2026
    // (consulting invoices of 16, 18 and 20/11/2026 + 15 days, Sillage 7.2.1): 4 days apart at the
    // end of a 158-day axis, where the labels used to be drawn over one another.
    const labels = page.getByTestId("timeline-point").locator("text");
    await expect(labels.allTextContents()).resolves.toEqual(["01/12", "03/12", "05/12"]);
    const boxes = await labels.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect({ a, b, apart }).toEqual({ a, b, apart: true });
      }
    // And none reaches past the pane's edge.
    for (const box of boxes) expect(box.right).toBeLessThanOrEqual(WIDTH);
  });

  test("Rapports, with the D441-6 table and the aging charts built: nothing wider than the pane", async () => {
    await page.getByTestId("demo-workbook").getByRole("tab", { name: "Fournisseurs", exact: true }).click();
    await page.getByTestId("source-address").filter({ hasText: "Fournisseurs!" }).waitFor();
    await page.getByTestId("view-switch").getByRole("tab", { name: "Rapports" }).click();
    await page.getByTestId("closing").fill("31/12/2025");
    await page.getByTestId("closing").press("Enter");
    await page.getByTestId("year-total").fill("250000");
    await page.getByTestId("build-report").click();
    await page.getByTestId("report-result").waitFor({ timeout: 10_000 });
    await page.getByTestId("aging-bands").waitFor();
    await expectNothingSideways(page, "Rapports");
    await expectNoTextOverlapping(page, "Rapports");
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = screenshotPath("taskpane-reports.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
  });

  test("Fournisseurs: the stored terms are a list, not a table overlapping its columns", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Fournisseurs" }).click();
    const panel = page.getByTestId("vendors-panel");
    await panel.waitFor();
    // The Apply above stored a copy of Sillage's terms.
    await expect(panel.innerText()).resolves.toMatch(/Sillage/);
    await expectNothingSideways(page, "Fournisseurs");
    await expectNoTextOverlapping(page, "Fournisseurs");
  });

  test("the vendor editor fits, and says nothing wrong before a field is touched; then, in French, naming it", async () => {
    await page.getByTestId("new-vendor").click();
    const editor = page.getByTestId("vendor-editor");
    await editor.waitFor();
    await expectNothingSideways(page, "éditeur de fournisseur");
    const text = await editor.innerText();
    expect(text).not.toMatch(/à remplir/i);
    expect(text).not.toContain("$.");
    const id = editor.getByLabel("Identifiant (minuscules, chiffres, tirets)");
    await id.focus();
    await id.blur();
    // « Identifiant » is the field; its message says what is expected, in French.
    await editor.getByText(/^À remplir \(des minuscules sans accent/).waitFor();
    expect(await editor.innerText()).not.toMatch(/\$\.|is not an id/);
    await expectNothingSideways(page, "éditeur de fournisseur, avec ses messages");
    await expectNoTextOverlapping(page, "éditeur de fournisseur, avec ses messages");
    await editor.getByRole("button", { name: "Annuler" }).click();
  });

  test("Paramètres: the rate table is a list that fits, its texts apart", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Paramètres" }).click();
    await page.getByTestId("rates-panel").waitFor();
    await expectNothingSideways(page, "Paramètres");
    await expectNoTextOverlapping(page, "Paramètres");
  });

  test("the page raised no uncaught error along the way", () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Sillage as a colleague's workbook stored it: consulting balances at 30 days instead of 15 (7.2.1). */
function storedSillage(): VendorProfile {
  const p = JSON.parse(JSON.stringify(SHIPPED_REGISTRY.get("sillage"))) as {
    invoiceKinds: { id: string; term: { kind: string; days?: number } }[];
  };
  const consulting = p.invoiceKinds.find((k) => k.id === "consulting");
  if (!consulting) throw new Error("no consulting kind");
  consulting.term = { kind: "days", days: 30 };
  return p as unknown as VendorProfile;
}

describeInBrowser("the stored-terms dialog at 320 px (headless Chromium)", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    served = await serveDir(DIST);
    browser = await launchChromium({ width: WIDTH, height: 900 });
    page = browser.page;
    const stored = serializeState(captureState({ profiles: [storedSillage()] }));
    await page.addInitScript((xml) => {
      (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms = [xml];
    }, stored);
    await page.goto(`${served.origin}/taskpane.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test("the differences are a list and the choices wrap: nothing scrolls sideways", async () => {
    const dialog = page.getByTestId("stored-terms-dialog");
    await dialog.waitFor({ timeout: 15_000 });
    await expectNothingSideways(page, "conditions enregistrées");
    await expectNoTextOverlapping(page, "conditions enregistrées", '[data-testid="stored-terms-dialog"]');
    // The dialog's own box fits too (Fluent's dialog surface has a minimum width of its own).
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);
  });
});
