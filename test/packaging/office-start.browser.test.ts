/**
 * How the pane starts, and how it hands exported files over, in headless Chromium with dist/ served on
 * 127.0.0.1 and the office.js URL of taskpane.html (Microsoft's CDN) answered by a route:
 * - aborted, as offline: the preview, at once, saying office.js could not load;
 * - a fake office.js (test/support/fake-office.ts) whose Office.onReady answers after 5 s with host
 *   Excel: a loading state meanwhile, then the Excel gateway on the fake Excel — never the preview
 *   banner, never the demo workbook;
 * - the same on Excel for Mac: exports show their text with a Copy button instead of a download.
 * Nothing leaves the machine (CHROMIUM_ARGS resolve no host name but this one's).
 */
import type { BrowserContext, Page } from "playwright-core";
import { OFFICE_JS_URL } from "../../src/office/office-boot";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";
import type { FakeOfficeOptions } from "../support/fake-office";
import { buildFakeOffice } from "../support/fake-office-build";

/** What the page saw while it started: recorded from before its first script (an init script). */
interface Seen {
  banner: boolean;
  loading: boolean;
  demoAssigned: boolean;
}

/** Watches, from the first moment, for the preview banner, the loading state and the demo workbook. */
function watchStart(): void {
  const seen = { banner: false, loading: false, demoAssigned: false };
  (window as unknown as { __seen: typeof seen }).__seen = seen;
  let demo: unknown;
  Object.defineProperty(window, "__echeanceDemo", {
    configurable: true,
    get: () => demo,
    set: (v: unknown) => {
      seen.demoAssigned = true;
      demo = v;
    },
  });
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="preview-banner"]')) seen.banner = true;
    if (document.querySelector('[data-testid="office-loading"]')) seen.loading = true;
  }).observe(document, { subtree: true, childList: true });
}

interface Boot {
  start: { kind: string; host?: string; platform?: string };
  decidedAfterMs: number;
}

const bootOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __echeanceBoot?: Boot }).__echeanceBoot);
const seenOf = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

describeInBrowser("the pane's start and its exports, with office.js from the CDN answered by a route", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let fakeOffice: (options: Partial<FakeOfficeOptions>) => string;
  const browsers: Awaited<ReturnType<typeof launchChromium>>[] = [];

  /** A fresh browser whose office.js request is aborted (offline) or answered by the fake office.js. */
  async function open(office: Partial<FakeOfficeOptions> | "offline", query = ""): Promise<Page> {
    const browser = await launchChromium();
    browsers.push(browser);
    const context: BrowserContext = browser.context;
    await context.addInitScript(watchStart);
    await context.route(OFFICE_JS_URL, (route) =>
      office === "offline"
        ? route.abort("internetdisconnected")
        : route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice(office) }),
    );
    const page = browser.page;
    await page.goto(`${served.origin}/taskpane.html${query}`);
    return page;
  }

  beforeAll(async () => {
    served = await serveDir(DIST);
    fakeOffice = await buildFakeOffice();
  }, 120_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  test("office.js that cannot load ends in the preview at once, saying why", async () => {
    const page = await open("offline");
    await page.getByTestId("preview-banner").waitFor({ timeout: 15_000 });
    const boot = await bootOf(page);
    expect(boot?.start.kind).toBe("no-office-js");
    // Decided as the bundle ran, not after the 3-second timer the pane used to wait for.
    expect(boot?.decidedAfterMs).toBeLessThan(3000);
    expect(await page.getByTestId("preview-no-office-js").innerText()).toContain(
      "appsforoffice.microsoft.com",
    );
    expect((await seenOf(page)).demoAssigned).toBe(true);
    // The functions bundle of the page loaded against the inert registry instead of throwing.
    const associated = await page.evaluate(
      () => (window as unknown as { CustomFunctions: { associated: string[] } }).CustomFunctions.associated,
    );
    expect(associated).toContain("DUEDATE");
  });

  test("Office answering after 5 s with host Excel: a loading state, then the Excel gateway — never the preview or the demo workbook", async () => {
    const page = await open({ readyAfterMs: 5000, host: "Excel", platform: "PC", displayLanguage: "fr-FR" });
    // While Office has not answered: the loading state, in the browser's language (en-US here, as
    // Office's display language is not known yet), and no Excel.run.
    await page.getByTestId("office-loading").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("office-loading").innerText()).toContain("Connecting to Excel");
    // Office has not answered yet (the page's start is not decided) — whatever the machine's load,
    // which once made the wall clock of this test pass 5 s before the page had even loaded.
    expect(await bootOf(page)).toBeUndefined();
    // Past the old 3-second fallback on the page's own clock (from its navigation), still waiting.
    const pageMs = await page.evaluate(() => performance.now());
    await page.waitForTimeout(Math.max(0, 3500 - pageMs));
    expect(await page.getByTestId("office-loading").isVisible()).toBe(true);
    expect(await bootOf(page)).toBeUndefined();

    // Office answers: the pane reads the register of the workbook "in Excel", in Office's language.
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("source-address").innerText()).toContain("Registre!A1:F4 — 3 ligne(s)");
    const boot = await bootOf(page);
    expect(boot?.start).toEqual({ kind: "host", host: "Excel", platform: "PC" });
    expect(boot?.decidedAfterMs).toBeGreaterThanOrEqual(5000);
    const fake = await page.evaluate(() => {
      const f = (
        window as unknown as { __fakeExcel: { host: { contexts: unknown[] }; runsBeforeReady: number } }
      ).__fakeExcel;
      return { runs: f.host.contexts.length, runsBeforeReady: f.runsBeforeReady };
    });
    expect(fake.runs).toBeGreaterThan(0);
    expect(fake.runsBeforeReady).toBe(0);
    const seen = await seenOf(page);
    expect(seen).toEqual({ banner: false, loading: true, demoAssigned: false });
    expect(await page.getByTestId("preview-banner").count()).toBe(0);
    expect(await page.getByTestId("office-loading").count()).toBe(0);
  });

  test("on Excel for Mac the calendar export shows its text with a Copy button, and Copy puts it on the clipboard", async () => {
    const page = await open({ readyAfterMs: 50, host: "Excel", platform: "Mac", displayLanguage: "fr-FR" });
    await browsers.at(-1)!.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: served.origin,
    });
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
    await page.getByTestId("vendor-picker").click();
    await page.getByRole("option", { name: /^Sillage/ }).click();
    await page.getByTestId("as-of").fill("2026-12-03");
    await page.getByTestId("export-ics").click();

    // No download is attempted; the text is there at once, with the reason.
    const text = page.getByTestId("export-text");
    await text.waitFor();
    expect(await page.getByTestId("export-no-download").innerText()).toContain(
      "Excel sur Mac et sur iPad ne télécharge pas de fichier depuis un volet",
    );
    expect(await page.getByTestId("export-no-download").innerText()).toContain("« echeances-Registre.ics »");
    expect(await page.getByTestId("ics-result").innerText()).toBe(
      "3 échéance(s) à venir, dans le calendrier ci-dessous.",
    );
    const ics = await text.inputValue();
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    // The three invoices are unpaid and not yet due on 03/12/2026: three events.
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(await page.getByTestId("export-show-text").count()).toBe(0);

    await page.getByTestId("export-copy").click();
    await page.getByTestId("export-copy-result").waitFor();
    expect(await page.getByTestId("export-copy-result").innerText()).toContain("Texte copié");
    // The copy is the file itself, with the CRLF line ends RFC 5545 asks for (a textarea shows LF).
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("BEGIN:VCALENDAR\r\n");
    expect(copied.replace(/\r\n/g, "\n")).toBe(ics);
    expect(downloads).toEqual([]);
  });

  test("outside the Mac the export downloads, shows the text on demand, and selects it when the clipboard is refused", async () => {
    const page = await open("offline");
    await page.getByTestId("preview-banner").waitFor({ timeout: 15_000 });
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
    await page.getByTestId("as-of").fill("2026-06-30");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-ics").click(),
    ]);
    expect(download.suggestedFilename()).toBe("echeances-Factures Sillage.ics");
    // Folded until asked for.
    expect(await page.getByTestId("export-text").count()).toBe(0);
    await page.getByTestId("export-show-text").click();
    const text = page.getByTestId("export-text");
    expect((await text.inputValue()).startsWith("BEGIN:VCALENDAR")).toBe(true);

    // The webview refuses the clipboard: the whole text is selected for Ctrl+C / ⌘C instead.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
    });
    await page.getByTestId("export-copy").click();
    await page.getByTestId("export-copy-result").waitFor();
    expect(await page.getByTestId("export-copy-result").innerText()).toContain(
      "Copie automatique refusée ici : le texte est sélectionné",
    );
    const selection = await text.evaluate((box: HTMLTextAreaElement) => ({
      focused: document.activeElement === box,
      start: box.selectionStart,
      end: box.selectionEnd,
      length: box.value.length,
    }));
    expect(selection).toEqual({ focused: true, start: 0, end: selection.length, length: selection.length });
    expect(selection.length).toBeGreaterThan(100);
  });

  test("a vendor's JSON export on Excel for Mac shows the JSON to copy, in English when Office speaks English", async () => {
    const page = await open({ readyAfterMs: 50, host: "Excel", platform: "Mac", displayLanguage: "en-US" });
    await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
    await page.getByTestId("view-switch").getByRole("tab", { name: "Vendors" }).click();
    await page.getByTestId("new-vendor").click();
    const editor = page.getByTestId("vendor-editor");
    await editor.waitFor();
    await editor.getByRole("textbox", { name: /^Id \(lowercase/ }).fill("acme");
    await editor.getByRole("textbox", { name: /^Name\s*\*?$/ }).fill("ACME Supplies");
    await editor.getByLabel(/^Title of the terms/).fill("ACME general terms of sale");
    await editor.getByLabel(/^Short name/).fill("ACME T&C");
    await editor
      .getByLabel(/^Term as the terms of sale write it/)
      .first()
      .fill("30 jours");
    const articles = editor.getByLabel(/^Articles/);
    for (let i = 0; i < (await articles.count()); i++) await articles.nth(i).fill("6");
    const exportJson = editor.getByRole("button", { name: /Export/ });
    if (!(await exportJson.isEnabled()))
      throw new Error(await editor.getByTestId("vendor-issues").innerText());
    await exportJson.click();
    const text = page.getByTestId("export-text");
    await text.waitFor();
    expect(await page.getByTestId("export-no-download").innerText()).toContain(
      "Excel on Mac and iPad does not download files from a pane",
    );
    const json = JSON.parse(await text.inputValue()) as { id: string; name: string };
    expect({ id: json.id, name: json.name }).toEqual({ id: "acme", name: "ACME Supplies" });
    expect(await page.getByTestId("export-copy").innerText()).toBe("Copy");
  });
});
