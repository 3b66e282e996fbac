/**
 * A workbook that travels, in headless Chromium: the pane opens a workbook whose stored terms (the
 * custom XML part Excel would hold, handed to the preview's memory store) carry a custom vendor and a
 * copy of Sillage whose consulting term differs from the shipped one. The pane restores the custom
 * vendor, asks which Sillage to keep — never silently — and computes with the one chosen.
 */
import type { Page } from "playwright-core";
import { SHIPPED_REGISTRY, type VendorProfile } from "../../src/engine";
import { captureState, serializeState } from "../../src/storage";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";

function shipped(id: string): VendorProfile {
  const profile = SHIPPED_REGISTRY.get(id);
  if (!profile) throw new Error(`no shipped vendor ${id}`);
  return JSON.parse(JSON.stringify(profile)) as VendorProfile;
}

/** Sillage as a colleague's workbook stored it: consulting balances at 30 days instead of 15 (7.2.1). */
function storedSillage(): VendorProfile {
  const p = shipped("sillage") as unknown as {
    invoiceKinds: { id: string; term: { kind: string; days?: number } }[];
  };
  const consulting = p.invoiceKinds.find((k) => k.id === "consulting");
  if (!consulting) throw new Error("no consulting kind");
  consulting.term = { kind: "days", days: 30 };
  return p as unknown as VendorProfile;
}

const acme = { ...shipped("omi"), id: "acme", name: "ACME Fournitures" } as VendorProfile;

describeInBrowser("a workbook that travels (headless Chromium)", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const stored = serializeState(captureState({ profiles: [storedSillage(), acme] }));

  beforeAll(async () => {
    served = await serveDir(DIST);
    browser = await launchChromium();
    page = browser.page;
    await page.addInitScript((xml) => {
      (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms = [xml];
    }, stored);
    await page.goto(`${served.origin}/taskpane.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test("the stored Sillage differs from the shipped one: the pane shows the difference and asks which to keep", async () => {
    const dialog = page.getByTestId("stored-terms-dialog");
    await dialog.waitFor({ timeout: 15_000 });
    const text = await dialog.innerText();
    expect(text).toContain("Conditions du classeur différentes de celles du complément");
    // The changed field, with the workbook's value (30 days) and the add-in's (15).
    // Named as the form names it (« Type de facture 1, délai »), not by its JSON path.
    expect(text).toContain("Type de facture 1, délai");
    expect(text).not.toMatch(/invoiceKinds|\$\./);
    expect(text).toMatch(/30/);
    expect(text).toMatch(/15/);
    // ACME is not a shipped vendor: nothing to choose for it.
    expect(text).not.toContain("ACME");
  });

  test("keeping the workbook's version, the pane computes Sillage's consulting invoices at 30 days", async () => {
    await page.getByRole("radio", { name: "Garder la version du classeur" }).check();
    await page.getByRole("button", { name: "Appliquer ces choix" }).click();
    await page.getByTestId("stored-terms-dialog").waitFor({ state: "detached" });
    await page.getByTestId("as-of").fill("30/06/2026");
    await page.getByTestId("as-of").press("Enter");
    const first = await page.getByTestId("preview-table").getByTestId("preview-row").nth(0).innerText();
    // FA-0101: consulting, 06/01/2025 + 30 days (the workbook's Sillage) = 05/02/2025, not 21/01/2025.
    expect(first).toContain("FA-0101");
    expect(first).toContain("05/02/2025");
  });

  test("the choice is saved in the workbook's terms, and the custom vendor is restored in the picker", async () => {
    const saved = await page.evaluate(
      () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toBe(stored);
    expect(saved[0]).toContain('revision="2"');
    await page.getByTestId("vendor-picker").click();
    const names = (await page.getByRole("option").allInnerTexts()).map((t) => t.split(" — ")[0]);
    expect(names).toContain("ACME Fournitures");
    await page.keyboard.press("Escape");
  });
});
