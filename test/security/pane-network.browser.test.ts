/**
 * The task pane in headless Chromium (preview mode, dist/taskpane.html from a local static server):
 * apart from the one declared office.js URL on Microsoft's CDN — which fails here, as it does offline —
 * every request it makes while it loads, reads the register, picks a vendor, previews and applies goes
 * to its own origin; workbook text is shown as text, never as HTML; and the page's CSP blocks requests
 * to other hosts and inline scripts. Requests that would leave the origin are recorded and aborted
 * (nothing leaves the machine). Needs `npx webpack --mode production` and /usr/bin/chromium.
 */
import type { BrowserContext, Page } from "playwright-core";
import { OFFICE_JS_URL } from "../../src/office/office-boot";
import { describeInBrowser, DIST, launchChromium, serveDir } from "../support/browser";

/** Text a spreadsheet user could type that a careless pane would turn into markup. */
const HOSTILE_REF = "<img src=x onerror=alert(1)>";
const HOSTILE_CLIENT = "<b>gras</b>";
const HOSTILE_DATE = "<script>alert(2)</script>";

describeInBrowser("the task pane stays on its own origin and shows workbook text as text", () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const failed: string[] = [];
  const dialogs: string[] = [];
  const sockets: string[] = [];

  beforeAll(async () => {
    served = await serveDir(DIST);
    origin = served.origin;
    browser = await launchChromium();
    context = browser.context;
    // Record everything; let only the page's own origin through.
    await context.route("**/*", (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    page = browser.page;
    page.on("request", (r) => requests.push(r.url()));
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("websocket", (w) => sockets.push(w.url()));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId("preview-banner").waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test("register cells holding HTML are shown literally in the preview, and nothing runs", async () => {
    // 'Factures Sillage'!A2 (first reference), B2 (its client), D3 (second invoice date) of the demo workbook.
    await page.evaluate(
      ([ref, client, date]) => {
        const wb = (
          window as unknown as {
            __echeanceDemo: {
              write(s: string, r: number, c: number, v: string, mode: "values" | "formulas"): void;
            };
          }
        ).__echeanceDemo;
        wb.write("Factures Sillage", 1, 0, ref as string, "values");
        wb.write("Factures Sillage", 1, 1, client as string, "values");
        wb.write("Factures Sillage", 2, 3, date as string, "values");
      },
      [HOSTILE_REF, HOSTILE_CLIENT, HOSTILE_DATE] as const,
    );
    await page.getByTestId("read-source").click();
    await page.getByTestId("vendor-picker").click();
    await page.getByRole("option", { name: /^Sillage/ }).click();
    await page.getByTestId("as-of").fill("30/06/2026");
    await page.getByTestId("as-of").press("Enter");
    const rows = page.getByTestId("preview-table").getByTestId("preview-row");
    await rows.first().filter({ hasText: HOSTILE_REF }).waitFor({ timeout: 10_000 });
    // The reference is the literal text; the bad date's row status quotes the literal text.
    expect(await rows.nth(0).innerText()).toContain(HOSTILE_REF);
    const second = await rows.nth(1).innerText();
    expect(second).toContain("Ligne 3");
    expect(second).toContain(HOSTILE_DATE);
    // No element was made from the cells: no <img src=x>, no inline <script>, no <b> holding "gras".
    const made = await page.evaluate(() => ({
      img: document.querySelectorAll('#root img[src="x"]').length,
      script: document.querySelectorAll("#root script").length,
      bold: [...document.querySelectorAll("#root b")].filter((b) => b.textContent === "gras").length,
    }));
    expect(made).toEqual({ img: 0, script: 0, bold: 0 });
    expect(await page.locator("#root").innerText()).toContain(HOSTILE_CLIENT);
    expect(dialogs).toEqual([]);
  });

  test("Apply writes the columns; the written status quoting the cell is text too", async () => {
    await page.getByTestId("apply").click();
    await page.getByTestId("apply-result").waitFor({ timeout: 30_000 });
    const status = await page.evaluate(() => {
      const wb = (
        window as unknown as { __echeanceDemo: { value(s: string, r: number, c: number): unknown } }
      ).__echeanceDemo;
      return String(wb.value("Factures Sillage", 2, 11));
    });
    expect(status).toContain(HOSTILE_DATE);
    expect(await page.locator("#root script").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test("from load to apply, the only request outside the origin was the declared office.js URL, which failed", async () => {
    const outside = requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
    expect(outside).toEqual([OFFICE_JS_URL]);
    expect(failed).toEqual([OFFICE_JS_URL]);
    expect(sockets).toEqual([]);
    // The page loaded its own scripts, and the preview says why it runs without Excel.
    expect(requests.some((u) => u === `${origin}/taskpane.js`)).toBe(true);
    expect(await page.getByTestId("preview-no-office-js").innerText()).toContain(
      "appsforoffice.microsoft.com",
    );
  });

  test("the CSP blocks a request to another host and an injected inline script", async () => {
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
      let fetched = "no error";
      try {
        await fetch("http://192.0.2.1/leak"); // TEST-NET-1: never routable
      } catch (e) {
        fetched = (e as Error).name;
      }
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 200));
      return {
        fetched,
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        violations: [...new Set(violations)].sort(),
      };
    });
    expect(result).toEqual({
      fetched: "TypeError",
      inlineRan: false,
      violations: ["connect-src", "script-src-elem"],
    });
  });
});
