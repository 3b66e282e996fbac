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
