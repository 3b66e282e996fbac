/**
 * Rates that users keep current (issue 13), in headless Chromium on the pane's preview mode, in a
 * 320 px pane (Excel's narrowest task pane), on today's date: `?today=2026-12-03` pins the pane's
 * clock to the day this was written. Picking OMI switches the preview to OMI's own demo register
 * (« Factures OMI », headers on row 3 below a merged title: 'Factures OMI'!A3:F15, twelve invoices
 * every 23 days from 03/02/2025, the last three never paid; src/taskpane/demo/demo-register.ts), applied
 * with OMI's terms. OMI's late interest is 3 × the legal rate for professionals (CGA 6.3); the shipped
 * tables know the legal rate through the 1st half of 2026 (2,62 %), so an invoice late in the 2nd
 * half of 2026 has no interest until the user adds that half-year's rate.
 *
 * The stored terms go to the preview's memory store (`__echeanceStoredTerms`, the custom XML parts
 * Excel would hold), where the test reads what the pane saved.
 */
import type { Page } from "playwright-core";
import { describeInBrowser } from "../support/browser";
import { openPaneSession, type PaneSession } from "../support/pane-session";

interface Cell {
  value: string | number | boolean | null;
}

/** A cell of the demo workbook (0-based row and column), read in the page. */
function cell(page: Page, row: number, column: number): Promise<Cell | undefined> {
  return page.evaluate(
    ([r, c]) => {
      const wb = (
        window as unknown as { __echeanceDemo: { cell(s: string, r: number, c: number): Cell | undefined } }
      ).__echeanceDemo;
      const x = wb.cell("Factures OMI", r as number, c as number);
      return x ? { value: x.value } : undefined;
    },
    [row, column] as const,
  );
}

/** OMI's register's columns: A–F its own, G–L Apply's (due date, days late, interest, fee, total, status). */
const DUE = 6;
const DAYS = 7;
const INTEREST = 8;
const FEE = 9;
const TOTAL = 10;
const STATUS = 11;
/**
 * OMI-2025-011, a « Facture » (OMI's invoice kind): data row 10 (the 11th invoice), 0-based row 13, sheet
 * row 14 (two title rows and the header row above the data). Invoiced 03/02/2025 + 10 × 23 days =
 * 21/09/2025; 640 + (10 × 1187 mod 4800 = 2270) + (10 mod 4) × 0,25 = 2 910,50 €; never paid.
 */
const OMI011 = 13;
const OMI011_SHEET_ROW = OMI011 + 1;

/** Reads until `read` gives `want` or the time is up; the last value read (the test compares it). */
async function settled<T>(read: () => Promise<T>, want: T, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Excel's serial of a day (1900 system): 25569 is 01/01/1970. */
const serial = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000 + 25_569;

/** The stored terms the first session left in the workbook (the custom XML part), for the reopening. */
let savedTerms: string | undefined;

describeInBrowser("rates kept current in the pane (headless Chromium, 320 px)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    // A workbook with no stored terms yet: what the pane saves lands in the session's array.
    session = await openPaneSession("2026-12-03");
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  test("as of 03/12/2026, an OMI invoice late in the 2nd half of 2026 gets its due date, days late, fee and status, no interest, and the status names the half-year", async () => {
    await page.getByTestId("vendor-picker").click();
    await page.getByRole("option", { name: /^OMI/ }).click();
    // Picking OMI opens OMI's register (its own sheet); its « Type de facture » column reads as OMI's kinds.
    await page.getByTestId("source-address").filter({ hasText: "Factures OMI" }).waitFor();
    expect(await page.getByTestId("source-address").innerText()).toContain("'Factures OMI'!A3:F15");
    // The as-of field opens on today, shown as a French accountant writes it; typed and confirmed as one.
    expect(await page.getByTestId("as-of").inputValue()).toBe("03/12/2026");
    await page.getByTestId("as-of").fill("03/12/2026");
    await page.getByTestId("as-of").press("Enter");
    const preview = page.getByTestId("preview-table").getByTestId("preview-row");
    await preview.first().waitFor();
    expect(await preview.count()).toBeGreaterThan(0);
    await page.getByTestId("apply").click();
    await page.getByTestId("apply-result").waitFor({ timeout: 30_000 });

    // OMI-2025-011: invoiced 21/09/2025, due 30 days later (CGA 6.3) on 21/10/2025; unpaid on
    // 03/12/2026: 10 days of October after the 21st + 30 + 31 (2025) + 181 (1st half of 2026) + 31 + 31
    // + 30 + 31 + 30 + 3 (2nd half through 03/12) = 71 + 181 + 156 = 408.
    expect((await cell(page, OMI011, 0))?.value).toBe("OMI-2025-011");
    expect((await cell(page, OMI011, DUE))?.value).toBe(serial("2025-10-21"));
    expect((await cell(page, OMI011, DAYS))?.value).toBe(408);
    expect((await cell(page, OMI011, FEE))?.value).toBe(40);
    expect(typeof (await cell(page, OMI011, INTEREST))?.value).toBe("string");
    expect(typeof (await cell(page, OMI011, TOTAL))?.value).toBe("string");
    const status = String((await cell(page, OMI011, STATUS))?.value);
    expect(status).toContain("408 jours de retard");
    expect(status).toContain("taux légal du 2e semestre 2026 non renseigné");

    const offer = page.getByTestId("missing-rates");
    const text = await offer.innerText();
    // OMI-2025-010, -011 and -012 (due 28/09, 21/10 and 13/11/2025) are the three unpaid invoices, all
    // late into the 2nd half of 2026; the nine paid ones were paid in 2025, at most 61 days after invoicing.
    expect(text).toContain("3 facture(s) sans intérêts de retard");
    expect(text).toContain("2e semestre 2026");
  });

  test("the offer's form checks each figure after it is typed and names the field, in French", async () => {
    await page.getByTestId("missing-rates-add").click();
    const form = page.getByTestId("missing-rates-form");
    await form.getByTestId("rate-legal-professional").fill("45");
    await form.getByTestId("rate-legal-consumer").fill("six");
    await form.getByTestId("rate-save").click();
    const shown = await form.innerText();
    expect(shown).toMatch(/taux légal \(professionnels\)[^\n]*45/i);
    expect(shown).toContain("hors de 0 % à 30 %");
    expect(shown).toMatch(/taux légal \(particuliers\)[^\n]*six/i);
    // Nothing was stored from it.
    const saved = await page.evaluate(
      () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
    );
    expect(saved.join("")).not.toContain("2026-H2");
  });

  test("after adding the 2nd half of 2026 from the offer, the pane computes again and the late invoices get their interest", async () => {
    const form = page.getByTestId("missing-rates-form");
    // Figures typed for this test (the decimal comma of a French user), not the published arrêté's.
    await form.getByTestId("rate-legal-professional").fill("2,50");
    await form.getByTestId("rate-legal-consumer").fill("6,50");
    await form.getByTestId("rate-source").fill("arrêté de test");
    await form.getByTestId("rate-save").click();

    // OMI-2025-011, 2 910,50 € late from 22/10/2025 through 03/12/2026 (docs/terms.md: simple interest,
    // 365-day year, a late period cut at each half-year's end, rounded once to the cent):
    //   2e semestre 2025: 22/10–31/12 = 71 days at 3 × 2,76 % = 8,28 %: 0,0828 × 71 = 5,8788
    //   1er semestre 2026: 01/01–30/06 = 181 days at 3 × 2,62 % = 7,86 %: 0,0786 × 181 = 14,2266
    //   2e semestre 2026: 01/07–03/12 = 156 days at 3 × 2,50 % = 7,50 %: 0,0750 × 156 = 11,7000
    //   2 910,50 × 31,8054 / 365 = 92 569,6167 / 365 = 253,6154… → 253,62 €; with the 40 € fee 293,62 €.
    expect(await settled(async () => (await cell(page, OMI011, INTEREST))?.value, 253.62, 30_000)).toBe(
      253.62,
    );
    expect((await cell(page, OMI011, TOTAL))?.value).toBe(293.62);
    expect(String((await cell(page, OMI011, STATUS))?.value)).not.toContain("non renseigné");
    await page.getByTestId("apply-result").waitFor();
    expect(await page.getByTestId("missing-rates").count()).toBe(0);

    // The row is stored in the workbook's terms, with the user's source.
    const saved = await page.evaluate(
      () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain("2026-H2");
    expect(saved[0]).toContain("2.50");
    expect(saved[0]).toContain("arrêté de test");
    // Apply remembered the register it wrote, for « Tout recalculer »: OMI, as of « today ».
    expect(saved[0]).toMatch(
      /<register sheet="Factures OMI" range="A3:L15" vendor="omi" mode="invoices" write="values" asOf="today"/,
    );
    savedTerms = saved[0];
  });

  test("the explanation of that invoice says the 2nd half of 2026's rate was entered by the user", async () => {
    await page.locator(`[data-cell="I${OMI011_SHEET_ROW}"]`).click();
    const text = await page.getByTestId("explanation").innerText();
    // Sheet row 14 is OMI-2025-011's: due 21/10/2025, 408 days late, the figure worked out above.
    expect(text).toContain("Ligne 14");
    expect(text).toContain("253,62 €");
    expect(text).toMatch(/2e semestre 2026[^\n]*taux saisi par l'utilisateur/);
    expect(text).toContain("arrêté de test");
  });

  test("the rates view (« Paramètres », « Taux d'intérêt par semestre ») lists the half-years as cards with their source, the user's row marked, and fits 320 px", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Paramètres" }).click();
    const panel = page.getByTestId("rates-panel");
    await panel.waitFor();
    expect(await page.locator("#rates-title").innerText()).toBe("Taux d'intérêt par semestre");
    const h2 = panel.locator('[data-half-year="2026-H2"]');
    expect(await h2.getAttribute("data-origin")).toBe("user");
    const card = await h2.innerText();
    expect(card).toContain("2e semestre 2026");
    expect(card).toContain("saisi par l'utilisateur");
    expect(card).toContain("2,50 %");
    expect(card).toContain("6,50 %");
    // The ECB rate in force on 1 July 2026 stays the shipped one: 2,40 % from 17/06/2026.
    expect(card).toContain("2,40 %");
    const h1 = await panel.locator('[data-half-year="2026-H1"]').innerText();
    expect(h1).toContain("livré avec Échéance");
    expect(h1).toContain("arrêté du 15 décembre 2025");
    expect(await panel.getByTestId("rates-known").innerText()).toContain("2e semestre 2026");
    const sources = await panel.getByTestId("rate-sources").innerText();
    expect(sources).toContain("legifrance.gouv.fr");
    expect(sources).toContain("ecb.europa.eu");

    // No horizontal scroll: the whole page (document.scrollingElement) has nothing to scroll sideways
    // at 320 px, and the panel is no wider than it shows.
    const widths = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const panel = document.querySelector('[data-testid="rates-panel"]') as HTMLElement;
      return {
        page: [root.scrollWidth, root.clientWidth],
        panel: [panel.scrollWidth, panel.clientWidth],
      };
    });
    expect(widths.page[1]).toBe(320);
    expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1] as number);
    expect(widths.panel[0]).toBeLessThanOrEqual(widths.panel[1] as number);
  });

  test("changing a shipped figure asks first, and the half-year is then flagged as changed", async () => {
    const panel = page.getByTestId("rates-panel");
    await panel.getByTestId("rates-edit-2026-H1").click();
    await panel.getByTestId("rate-legal-professional").fill("2,70");
    await panel.getByTestId("rate-save").click();
    const confirm = page.getByTestId("rate-confirm");
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain("2,62 %");
    expect(await confirm.innerText()).toContain("2,70 %");
    // Cancelled: nothing changes.
    await confirm.getByRole("button", { name: "Annuler" }).click();
    expect(await panel.locator('[data-half-year="2026-H1"]').getAttribute("data-origin")).toBe("shipped");
    await panel.getByTestId("rate-save").click();
    await page.getByRole("button", { name: "Remplacer le taux livré" }).click();
    const h1 = panel.locator('[data-half-year="2026-H1"]');
    expect(await settled(() => h1.getAttribute("data-origin"), "user-changed-shipped")).toBe(
      "user-changed-shipped",
    );
    expect(await h1.innerText()).toContain("modifie un taux livré");
    // Back to the shipped figure: the user's row for that half-year is removed.
    await panel.getByTestId("rates-remove-2026-H1").click();
    expect(await settled(() => h1.getAttribute("data-origin"), "shipped")).toBe("shipped");
    expect(await panel.locator('[data-half-year="2026-H2"]').getAttribute("data-origin")).toBe("user");
  });

  test("no page error", () => {
    expect(session.pageErrors).toEqual([]);
  });
});

describeInBrowser("the workbook reopened later, recalculated in one run (headless Chromium, 320 px)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    // The workbook as the first session saved it (its register freshly read: the preview's demo
    // workbook starts again from its own six columns), opened four weeks later.
    if (savedTerms === undefined) throw new Error("the first session saved no terms");
    session = await openPaneSession("2026-12-31", [savedTerms]);
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  test("the user's 2nd half of 2026 is restored from the workbook", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Paramètres" }).click();
    const h2 = page.getByTestId("rates-panel").locator('[data-half-year="2026-H2"]');
    expect(await settled(() => h2.getAttribute("data-origin"), "user")).toBe("user");
    expect(await h2.innerText()).toContain("2,50 %");
  });

  test("« Tout recalculer » applies the remembered register again as of the new today, with a line for it", async () => {
    await page.getByTestId("view-switch").getByRole("tab", { name: "Appliquer" }).click();
    const panel = page.getByTestId("recalc-panel");
    expect(await panel.getByTestId("recalc-registers").innerText()).toContain("'Factures OMI'!A3:L15");
    await panel.getByTestId("recalc-all").click();
    const result = panel.getByTestId("recalc-result");
    await result.waitFor({ timeout: 30_000 });
    const lines = await result.getByTestId("recalc-line").allInnerTexts();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("'Factures OMI'!A3:L15");
    expect(lines[0]).toContain("31/12/2026");
    // OMI-2025-011 as of 31/12/2026: 408 + 28 = 436 days late; 71 in the 2nd half of 2025 at 8,28 %,
    // 181 in the 1st half of 2026 at 7,86 % and 184 in the 2nd (01/07–31/12) at 3 × 2,50 % = 7,50 %:
    //   2 910,50 × (5,8788 + 14,2266 + 0,0750 × 184 = 13,8000) / 365 = 2 910,50 × 33,9054 / 365
    //   = 98 681,6667 / 365 = 270,3607… → 270,36 €; with the 40 € fee 310,36 €.
    expect((await cell(page, OMI011, DAYS))?.value).toBe(436);
    expect((await cell(page, OMI011, INTEREST))?.value).toBe(270.36);
    expect((await cell(page, OMI011, TOTAL))?.value).toBe(310.36);
  });

  test("no page error", () => {
    expect(session.pageErrors).toEqual([]);
  });
});
