import type { Page } from "playwright-core";
import { DIST, launchChromium, serveDir } from "./browser";

/**
 * The task pane in preview mode as the issue-13 browser tests open it: Excel's 320 px pane, today
 * pinned (`?today=`), and the workbook's stored terms given (`window.__echeanceStoredTerms`: the custom
 * XML parts the pane reads, where what it saves lands too).
 */

/** Loads the pane on `page` on `today`, with these stored terms, and waits until it has read the register. */
export async function gotoPane(
  page: Page,
  origin: string,
  today: string,
  storedTerms: readonly string[] = [],
): Promise<void> {
  await page.addInitScript((saved) => {
    (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms = [...saved];
  }, storedTerms);
  await page.goto(`${origin}/taskpane.html?today=${today}`);
  await page.getByTestId("source-address").waitFor({ timeout: 15_000 });
}

export interface PaneSession {
  readonly page: Page;
  readonly origin: string;
  readonly browser: Awaited<ReturnType<typeof launchChromium>>;
  /** Errors the page threw, for a test to assert there were none. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Serves dist/, opens Chromium at 320 × 900 and the pane on `today` with these stored terms. */
export async function openPaneSession(
  today: string,
  storedTerms: readonly string[] = [],
): Promise<PaneSession> {
  const served = await serveDir(DIST);
  const browser = await launchChromium({ width: 320, height: 900 });
  const pageErrors: string[] = [];
  browser.page.on("pageerror", (e) => pageErrors.push(e.message));
  await gotoPane(browser.page, served.origin, today, storedTerms);
  return {
    page: browser.page,
    origin: served.origin,
    browser,
    pageErrors,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/**
 * Opens a folded part of the pane (issue 21: the vendor's terms « vendor-terms », the source and the
 * column mapping « mapping-fold », the options of Apply « write-options »), if it is folded.
 */
export async function openFold(page: Page, testId: string): Promise<void> {
  const toggle = page.getByTestId(`${testId}-toggle`);
  if ((await toggle.count()) > 0 && (await toggle.getAttribute("aria-expanded")) !== "true")
    await toggle.click();
}

/** Folds it again, if it is open. */
export async function closeFold(page: Page, testId: string): Promise<void> {
  const toggle = page.getByTestId(`${testId}-toggle`);
  if ((await toggle.count()) > 0 && (await toggle.getAttribute("aria-expanded")) === "true")
    await toggle.click();
}

/** Chooses an option of one of the pane's dropdowns, by the dropdown's test id and the option's name. */
export async function chooseOption(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option, exact: typeof option === "string" }).click();
}

/** Where the register is read from (« Zone autour de la cellule active », « Tableau Excel »…). */
export async function chooseSource(page: Page, source: string): Promise<void> {
  await openFold(page, "mapping-fold");
  await chooseOption(page, "source-kind", source);
}

/** How Apply writes (« des valeurs (recommandé) », /formules Excel natives/…). */
export async function chooseWriteMode(page: Page, mode: string | RegExp): Promise<void> {
  await chooseOption(page, "write-mode", mode);
}
