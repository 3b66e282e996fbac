/**
 * Issue 21 « In the host », in headless Chromium with dist/ served on 127.0.0.1 and the office.js URL
 * of taskpane.html answered by the fake office.js (test/support/fake-office.ts), which behaves as
 * Excel's shared runtime does:
 * - Excel calls the CGV functions as soon as Office is ready, before the pane mounts: their first
 *   answers must already use the workbook's stored terms (its vendor, its rate rows), with no
 *   recalculation afterwards;
 * - a cell being edited when the workbook opens refuses the add-in's requests, unless they ask to be
 *   held (delayForCellEdit, ExcelApi 1.11): the answers wait for the edit, then come right;
 * - the page loads (or stays loaded) hidden, and Office tells the pane when it is shown: the pane
 *   reads the register again — the one now selected, on another sheet.
 */
import type { Page } from "playwright-core";
import { OFFICE_JS_URL } from "../../src/office/office-boot";
import { SHIPPED_VENDORS, type VendorProfile } from "../../src/engine";
import { captureState, serializeState } from "../../src/storage";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";
import type { FakeOfficeOptions } from "../support/fake-office";
import { buildFakeOffice } from "../support/fake-office-build";

/** Excel serial of a date (1900 system): days since 30/12/1899. */
const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

const omi = SHIPPED_VENDORS.find((v) => v.id === "omi")!;
/** The workbook's own vendor: OMI's terms at 45 days, under the name ACME; and a rate row for 2026-H2. */
const ACME: VendorProfile = {
  ...omi,
  id: "acme",
  name: "Acme",
  legalName: "ACME SAS",
  invoiceKinds: omi.invoiceKinds.map((k, i) =>
    i === 0 ? { ...k, term: { kind: "days", days: 45 } as const } : k,
  ),
};
const STORED = serializeState(
  captureState({ profiles: [ACME], rateRows: [{ halfYear: "2026-H2", legalProfessional: "2.5" }] }),
);

/** The two CGV cells of the workbook, as Excel calls them when the runtime starts. */
const CGV_CELLS = [
  { id: "DUEDATE", args: ["acme", serial("2025-03-10")] },
  { id: "LATEFEE", args: ["omi", 1000, "2026-09-30", "2026-12-03"] },
];
/**
 * Worked by hand: ACME, 45 days after 10/03/2025, is 24/04/2025. OMI's late fee from 30/09/2026 to
 * 03/12/2026 (64 days) at 3 × 2.5 % = 7.5 %: 1000 × 7.5 % × 64 / 365 = 13.15, + 40 € = 53.15.
 */
const RIGHT_ANSWERS = [
  { id: "DUEDATE", value: serial("2025-04-24") },
  { id: "LATEFEE", value: 53.15 },
];

interface FakeRecord {
  answers: { id: string; value?: unknown; error?: { code: string; message: string } }[];
  host: { calculations: string[]; refusedForCellEdit: number; heldForCellEdit: number };
}

const fakeOf = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: FakeRecord }).__fakeExcel;
    return {
      answers: f.answers,
      calculations: f.host.calculations,
      refused: f.host.refusedForCellEdit,
      held: f.host.heldForCellEdit,
    };
  });

/** Waits until `count` answers have come (the page's own clock). */
async function answers(page: Page, count: number) {
  await page.waitForFunction(
    (n) => (window as unknown as { __fakeExcel: FakeRecord }).__fakeExcel.answers.length >= n,
    count,
    { timeout: 40_000 },
  );
  const answered = (await fakeOf(page)).answers;
  // The answers come in any order (each waits on its own): compared by id.
  return [...answered].sort((a, b) => a.id.localeCompare(b.id));
}

describeInBrowser("the add-in in the host (issue 21), on the fake office.js", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let fakeOffice: (options: Partial<FakeOfficeOptions>) => string;
  const browsers: Awaited<ReturnType<typeof launchChromium>>[] = [];

  async function open(office: Partial<FakeOfficeOptions>): Promise<Page> {
    const browser = await launchChromium();
    browsers.push(browser);
    await browser.context.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice(office) }),
    );
    await browser.page.goto(`${served.origin}/taskpane.html`);
    return browser.page;
  }

  beforeAll(async () => {
    served = await serveDir(DIST);
    fakeOffice = await buildFakeOffice();
  }, 120_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  const base: Partial<FakeOfficeOptions> = {
    readyAfterMs: 100,
    host: "Excel",
    platform: "PC",
    displayLanguage: "fr-FR",
  };

  test.each(["1.11", "1.4"])(
    "ExcelApi %s: the CGV cells computed as the runtime starts, before the pane, use the workbook's vendor and rate rows; nothing is recalculated",
    async (excelApi) => {
      // 1.11: terms in a custom XML part, read through Excel.run; 1.4: in the document settings.
      const page = await open({ ...base, excelApi, storedTerms: [STORED], cgvAtStart: CGV_CELLS });
      expect(await answers(page, 2)).toEqual(RIGHT_ANSWERS);
      await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
      expect((await fakeOf(page)).calculations).toEqual([]);
    },
  );

  test("a cell being edited as the workbook opens (ExcelApi 1.11): the answers wait for the edit, then come right", async () => {
    const page = await open({
      ...base,
      excelApi: "1.11",
      storedTerms: [STORED],
      cgvAtStart: CGV_CELLS,
      editingAtStart: true,
    });
    await page.waitForTimeout(1500);
    const waiting = await fakeOf(page);
    expect(waiting.answers).toEqual([]);
    expect(waiting.held).toBeGreaterThan(0);
    await page.evaluate(() =>
      (
        window as unknown as { __fakeExcel: { host: { endCellEdit(): void } } }
      ).__fakeExcel.host.endCellEdit(),
    );
    expect(await answers(page, 2)).toEqual(RIGHT_ANSWERS);
    expect((await fakeOf(page)).refused).toBe(0);
  });

  test("the same on an Excel without delayForCellEdit (ExcelApi 1.9): refused requests are made again once the edit ends", async () => {
    const page = await open({
      ...base,
      excelApi: "1.9",
      storedTerms: [STORED],
      cgvAtStart: CGV_CELLS,
      editingAtStart: true,
    });
    // The register read of the pane is refused while the user types.
    await page.waitForTimeout(1500);
    expect((await fakeOf(page)).refused).toBeGreaterThan(0);
    await page.evaluate(() =>
      (
        window as unknown as { __fakeExcel: { host: { endCellEdit(): void } } }
      ).__fakeExcel.host.endCellEdit(),
    );
    expect(await answers(page, 2)).toEqual(RIGHT_ANSWERS);
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("source-address").innerText()).toContain("Registre!A1:F4");
  });

  test("a pane shown again after being hidden reads the register now selected, on another sheet", async () => {
    const page = await open({ ...base, excelApi: "1.11" });
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("source-address").innerText()).toContain("Registre!A1:F4 — 3 ligne(s)");
    // The user closes the pane, goes to another sheet and selects its register, then opens the pane.
    await page.evaluate(() => {
      const f = (
        window as unknown as {
          __fakeExcel: {
            hidePane(): void;
            workbook: {
              addSheet(name: string, rows: unknown[][]): void;
              select(sheet: string, block: object): void;
            };
          };
        }
      ).__fakeExcel;
      f.hidePane();
      f.workbook.addSheet("Avoirs", [
        ["N° facture", "Client", "Type de facture", "Date facture", "Montant TTC", "Date de paiement"],
        ["AV-001", "Boulangerie Martin", "consulting", 46000, 300, null],
        ["AV-002", "Garage du Port", "consulting", 46010, 150, null],
      ]);
      f.workbook.select("Avoirs", { row: 1, column: 1, rowCount: 1, columnCount: 1 });
    });
    // Hidden: nothing read yet.
    await page.waitForTimeout(300);
    expect(await page.getByTestId("source-address").innerText()).toContain("Registre!A1:F4");
    await page.evaluate(() =>
      (window as unknown as { __fakeExcel: { showPane(): void } }).__fakeExcel.showPane(),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="source-address"]')?.textContent?.includes("Avoirs!A1:F3"),
      undefined,
      { timeout: 15_000 },
    );
    expect(await page.getByTestId("source-address").innerText()).toContain("Avoirs!A1:F3 — 2 ligne(s)");
  });
});
