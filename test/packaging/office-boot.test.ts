/**
 * The pane's start decision (src/taskpane/office-boot.ts) and its export decision
 * (src/taskpane/download.ts), on fakes of the `Office` global: "outside Office" only on evidence —
 * no office.js, or Office.onReady answering with no host — and no time limit on Office's answer.
 */
import { canDownload } from "../../src/taskpane/download";
import {
  officeScriptLoaded,
  provideInertCustomFunctions,
  startFromReady,
  waitForOffice,
} from "../../src/office/office-boot";

const g = globalThis as { Office?: unknown; CustomFunctions?: unknown };

afterEach(() => {
  delete g.Office;
  delete g.CustomFunctions;
  jest.useRealTimers();
});

describe("the start decision", () => {
  test("no Office global means office.js did not load: the preview, at once", async () => {
    expect(officeScriptLoaded()).toBe(false);
    await expect(waitForOffice()).resolves.toEqual({ kind: "no-office-js" });
  });

  test("onReady answering host null is a browser outside Office; host Excel is Excel, with its platform", () => {
    expect(startFromReady({ host: null, platform: null })).toEqual({ kind: "no-host" });
    expect(startFromReady(undefined)).toEqual({ kind: "no-host" });
    expect(startFromReady({ host: "Excel", platform: "Mac" })).toEqual({
      kind: "host",
      host: "Excel",
      platform: "Mac",
    });
    expect(startFromReady({ host: "Excel", platform: undefined })).toEqual({
      kind: "host",
      host: "Excel",
      platform: undefined,
    });
  });

  test("an Office that answers after a minute is still waited for, never taken for the preview", async () => {
    jest.useFakeTimers();
    g.Office = {
      onReady: () =>
        new Promise((resolve) => setTimeout(() => resolve({ host: "Excel", platform: "PC" }), 60_000)),
    };
    expect(officeScriptLoaded()).toBe(true);
    let answer: unknown;
    void waitForOffice().then((a) => (answer = a));
    await jest.advanceTimersByTimeAsync(59_000);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(answer).toEqual({ kind: "host", host: "Excel", platform: "PC" });
  });

  test("an onReady that throws or rejects is an error to show, not a reason for the preview", async () => {
    g.Office = {
      onReady: () => {
        throw new Error("Office.js has not fully loaded");
      },
    };
    await expect(waitForOffice()).resolves.toEqual({
      kind: "office-error",
      message: "Office.js has not fully loaded",
    });
    g.Office = { onReady: () => Promise.reject(new Error("host refused")) };
    await expect(waitForOffice()).resolves.toEqual({ kind: "office-error", message: "host refused" });
  });

  test("without office.js, the page's functions bundle registers against an inert CustomFunctions", () => {
    provideInertCustomFunctions();
    const cf = g.CustomFunctions as {
      associate(id: string, f: unknown): void;
      associated: string[];
      Error: new (code: string, message?: string) => Error & { code: string };
      ErrorCode: Record<string, string>;
    };
    cf.associate("DUEDATE", () => 0);
    expect(cf.associated).toEqual(["DUEDATE"]);
    expect(new cf.Error(cf.ErrorCode.invalidValue!, "x").code).toBe("#VALUE!");
    // Never over a real one.
    const real = { associate: () => undefined };
    g.CustomFunctions = real;
    provideInertCustomFunctions();
    expect(g.CustomFunctions).toBe(real);
  });
});

describe("the export decision", () => {
  test("a download everywhere but Excel on Mac and iPad (WKWebView), where the text is shown instead", () => {
    expect(canDownload(undefined)).toBe(true); // preview, outside Office
    expect(canDownload("PC")).toBe(true);
    expect(canDownload("OfficeOnline")).toBe(true);
    expect(canDownload("Mac")).toBe(false);
    expect(canDownload("iOS")).toBe(false);
  });
});
