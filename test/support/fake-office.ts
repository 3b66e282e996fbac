/**
 * A stand-in for office.js inside Excel, for browser tests: bundled by test/support/fake-office-build.ts
 * and served at the CDN URL of taskpane.html by a route. It answers Office.onReady after a chosen delay
 * with a chosen host and platform, and runs Excel.run on the fake Excel object model of
 * test/taskpane/fake-excel.ts over a small memory workbook. Like office.js, `Office.context` does not
 * exist and Excel.run fails before Office is ready. Options come from `window.__fakeOfficeOptions`,
 * set by the served script ahead of the bundle.
 */
import type { CellValue } from "../../src/cells";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { FakeSettings } from "../office/fake-parts";
import { FakeExcelHost } from "../taskpane/fake-excel";

export interface FakeOfficeOptions {
  /** Milliseconds before Office.onReady answers. */
  readonly readyAfterMs: number;
  /** The host onReady answers with: "Excel", or null (a browser outside Office). */
  readonly host: string | null;
  /** Office.context.platform / onReady's platform: "PC", "Mac", "OfficeOnline"… */
  readonly platform: string;
  readonly displayLanguage: string;
  /** The highest ExcelApi version claimed (below 1.5: no custom XML parts, terms in document settings). */
  readonly excelApi: string;
}

/** Excel serial of a date (1900 system): days since 30/12/1899. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;

/** The workbook "in Excel": three unpaid Sillage invoices of November 2026 on a sheet "Registre". */
export const FAKE_REGISTER: CellValue[][] = [
  ["N° facture", "Client", "Type de facture", "Date facture", "Montant TTC", "Date de paiement"],
  ["XL-001", "Boulangerie Martin", "consulting", serial(2026, 11, 20), 1200, null],
  ["XL-002", "Cabinet Lefèvre", "consulting", serial(2026, 11, 25), 840.5, null],
  ["XL-003", "Garage du Port", "consulting", serial(2026, 12, 1), 2400, null],
];

const defaults: FakeOfficeOptions = {
  readyAfterMs: 0,
  host: "Excel",
  platform: "PC",
  displayLanguage: "fr-FR",
  excelApi: "1.4",
};

const w = window as unknown as {
  __fakeOfficeOptions?: Partial<FakeOfficeOptions>;
  __fakeExcel?: {
    workbook: MemoryWorkbook;
    host: FakeExcelHost;
    settings: FakeSettings;
    runsBeforeReady: number;
  };
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
};
const options: FakeOfficeOptions = { ...defaults, ...w.__fakeOfficeOptions };

const workbook = new MemoryWorkbook();
workbook.addSheet("Registre", FAKE_REGISTER);
const host = new FakeExcelHost(workbook, options.excelApi);
const settings = new FakeSettings();
const record = { workbook, host, settings, runsBeforeReady: 0 };
w.__fakeExcel = record;

let ready = false;
const info = { host: options.host, platform: options.host === null ? null : options.platform };
const readyPromise = new Promise<typeof info>((resolve) =>
  setTimeout(() => {
    ready = true;
    resolve(info);
  }, options.readyAfterMs),
);

const context = {
  displayLanguage: options.displayLanguage,
  platform: options.platform,
  requirements: { isSetSupported: (name: string, version: string) => host.isSetSupported(name, version) },
  document: { settings },
};

w.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline", iOS: "iOS" },
  // As in office.js: the callback and the promise both get { host, platform }.
  onReady: (callback?: (i: typeof info) => void) =>
    readyPromise.then((i) => {
      callback?.(i);
      return i;
    }),
  // Office.context exists once Office is initialized, not before.
  get context() {
    return ready && options.host !== null ? context : undefined;
  },
};

type Batch = (ctx: Excel.RequestContext) => Promise<unknown>;
w.Excel = {
  run: (first: unknown, second?: unknown) => {
    if (!ready || options.host !== "Excel") {
      record.runsBeforeReady += 1;
      return Promise.reject(new Error("Excel.run called before Office.onReady (fake office.js)"));
    }
    // Excel.run(batch) or Excel.run(object, batch): the object's context is not modelled, a new one runs.
    const batch = (typeof first === "function" ? first : second) as Batch;
    return host.run(batch);
  },
};

// The functions bundle of the shared runtime registers each function as it loads.
const associated: string[] = [];
w.CustomFunctions = {
  associate: (id: string) => void associated.push(id),
  associated,
  Error: class extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};
