/**
 * The task pane at the width Excel gives it (320 px, the narrowest task pane), in headless Chromium on
 * its preview mode: nothing scrolls sideways in any view, tables become lists, long messages wrap.
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

const ROOT = path.resolve(__dirname, "../..");
const WIDTH = 320;

/** docs/NAME with UPDATE_SCREENSHOTS=1 (the README's pictures), out/NAME otherwise. */
function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS === "1" ? path.join(ROOT, "docs") : path.join(ROOT, "out");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Visible elements reaching past the viewport's right (or left) edge: tag, test id or class, and extent. */
  readonly wide: string[];
}

/**
 * What sticks out sideways: the page's scroll width against its client width, and every visible
 * element whose box goes past the viewport's edges (an element clipped inside a container that hides
 * its overflow is not seen, so it does not count, but the container itself does).
 */
function sideways(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX !== "visible") {
          const box = p.getBoundingClientRect();
          if (box.right <= width + 0.5 && box.left >= -0.5) return true;
        }
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      // Fluent's visually hidden texts (screen readers only) are 1 px boxes clipped to nothing.
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") continue;
      // A box may fit while its text runs out of it (a line that does not wrap): its scroll width
      // counts what it lets overflow.
      const right =
        style.overflowX === "visible" ? Math.max(box.right, box.left + el.scrollWidth) : box.right;
      if (right <= width + 0.5 && box.left >= -0.5) continue;
      if (clipped(el)) continue;
      const name =
        el.getAttribute("data-testid") ??
        (el.getAttribute("aria-label") || el.className.toString().split(" ")[0] || "");
      wide.push(`${el.tagName.toLowerCase()}[${name}] ${Math.round(box.left)}..${Math.round(right)}`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 12) };
  });
}

async function expectNothingSideways(page: Page, view: string): Promise<void> {
  const o = await sideways(page);
  // document.scrollingElement.scrollWidth <= clientWidth: the page has nothing to scroll sideways.
  expect({ view, fits: o.scrollWidth <= o.clientWidth, ...o }).toEqual({
    view,
    fits: true,
    scrollWidth: o.scrollWidth,
    clientWidth: WIDTH,
    wide: [],
  });
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

  test("Appliquer, on opening: the column mapping, the vendor's terms and the preview fit in 320 px", async () => {
    await page.getByTestId("as-of").fill("30/06/2026");
    await page.getByTestId("as-of").press("Enter");
    await page.getByTestId("preview-table").waitFor();
    await expectNothingSideways(page, "Appliquer");
    // The register is Sillage's (the preview's first register), read from A1.
    expect(await page.getByTestId("source-address").innerText()).toContain("'Factures Sillage'!A1:F37");
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
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = screenshotPath("taskpane.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
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
    await editor.getByRole("button", { name: "Annuler" }).click();
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
    // The dialog's own box fits too (Fluent's dialog surface has a minimum width of its own).
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);
  });
});
