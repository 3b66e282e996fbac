/**
 * A stand-in for office.js inside Excel, for browser tests: bundled by test/support/fake-office-build.ts
 * and served at the CDN URL of taskpane.html by a route. It answers Office.onReady after a chosen delay
 * with a chosen host and platform, and runs Excel.run on the fake Excel object model of
 * test/taskpane/fake-excel.ts over a small memory workbook. Like office.js, `Office.context` does not
 * exist and Excel.run fails before Office is ready. Options come from `window.__fakeOfficeOptions`,
 * set by the served script ahead of the bundle.
 *
 * As Excel's shared runtime does (issue 21): the workbook may hold stored terms (custom XML parts from
 * ExcelApi 1.5, document settings below); Excel calls the CGV functions as soon as Office is ready,
 * before the pane has mounted (`cgvAtStart`, their answers in `__fakeExcel.answers`); the page may
 * load hidden and Office tell the pane when it is shown (`Office.addin.onVisibilityModeChanged`,
 * `__fakeExcel.showPane()`); and the user may be editing a cell (`__fakeExcel.host.startCellEdit()`),
 * which refuses the add-in's requests unless they asked to be delayed (ExcelApi 1.11).
 */
import type { CellValue } from "../../src/cells";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { FakeSettings } from "../office/fake-parts";
import type { ExcelRunOptions } from "../../src/office/excel-gateway";
import { SETTINGS_KEY } from "../../src/storage";
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
  /** The workbook's stored terms documents (a custom XML part each from ExcelApi 1.5, else the settings). */
  readonly storedTerms?: readonly string[];
  /** CGV functions Excel calls as soon as Office is ready, before the pane mounts: by id, with their arguments. */
  readonly cgvAtStart?: readonly { readonly id: string; readonly args: readonly unknown[] }[];
  /** A cell being edited when Office becomes ready. */
  readonly editingAtStart?: boolean;
  /** Whether the host claims SharedRuntime 1.1 (Office.addin's visibility event); default true. */
  readonly sharedRuntime?: boolean;
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
    /** The answers of `cgvAtStart`, in order, once given (a value, or an error's code and message). */
    answers: { id: string; value?: unknown; error?: { code: string; message: string } }[];
    /** Office shows or hides the pane: every visibility handler told. */
    showPane: () => void;
    hidePane: () => void;
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
// The workbook's stored terms, where the add-in keeps them on this Excel (src/office/terms-store.ts).
if (host.isSetSupported("ExcelApi", "1.5")) for (const xml of options.storedTerms ?? []) host.addXmlPart(xml);
else if (options.storedTerms?.[0] !== undefined) settings.set(SETTINGS_KEY, options.storedTerms[0]);
const visibilityHandlers: ((message: { visibilityMode: string }) => void)[] = [];
const tellVisibility = (visibilityMode: string) => visibilityHandlers.forEach((h) => h({ visibilityMode }));
const record = {
  workbook,
  host,
  settings,
  runsBeforeReady: 0,
  answers: [] as { id: string; value?: unknown; error?: { code: string; message: string } }[],
  showPane: () => tellVisibility("Taskpane"),
  hidePane: () => tellVisibility("Hidden"),
};
w.__fakeExcel = record;
if (options.editingAtStart) host.startCellEdit();

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
  requirements: {
    isSetSupported: (name: string, version: string) =>
      name === "SharedRuntime"
        ? options.sharedRuntime !== false && version === "1.1"
        : host.isSetSupported(name, version),
  },
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
  // SharedRuntime 1.1: the pane told when it is shown or hidden; resolves to the remover.
  addin: {
    onVisibilityModeChanged: (handler: (message: { visibilityMode: string }) => void) => {
      visibilityHandlers.push(handler);
      return Promise.resolve(async () => {
        const at = visibilityHandlers.indexOf(handler);
        if (at >= 0) visibilityHandlers.splice(at, 1);
      });
    },
  },
};

type Batch = (ctx: Excel.RequestContext) => Promise<unknown>;
w.Excel = {
  run: (first: unknown, second?: unknown) => {
    if (!ready || options.host !== "Excel") {
      record.runsBeforeReady += 1;
      return Promise.reject(new Error("Excel.run called before Office.onReady (fake office.js)"));
    }
    // Excel.run(batch), Excel.run(options, batch) (RunOptions: delayForCellEdit), or Excel.run(object,
    // batch): an object's context is not modelled, a new one runs.
    const batch = (typeof first === "function" ? first : second) as Batch;
    const runOptions = typeof first === "object" && first !== null ? (first as ExcelRunOptions) : undefined;
    return host.run(batch, runOptions);
  },
};

// The functions bundle of the shared runtime registers each function as it loads.
const associated: string[] = [];
const functions = new Map<string, (...args: unknown[]) => unknown>();
const waitingFor = new Map<string, ((fn: (...args: unknown[]) => unknown) => void)[]>();
/** A function once the functions bundle has registered it (Excel calls only registered functions). */
const registered = (id: string): Promise<(...args: unknown[]) => unknown> => {
  const fn = functions.get(id);
  if (fn) return Promise.resolve(fn);
  return new Promise((resolve) => waitingFor.set(id, [...(waitingFor.get(id) ?? []), resolve]));
};
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}
w.CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => {
    associated.push(id);
    functions.set(id.toUpperCase(), fn);
    for (const resolve of waitingFor.get(id.toUpperCase()) ?? []) resolve(fn);
    waitingFor.delete(id.toUpperCase());
  },
  associated,
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};

// Excel calls the CGV cells' functions as soon as the runtime is ready and they are registered,
// before the pane has mounted, and awaits what they return (a value, or a promise of one: async
// custom functions).
void readyPromise.then(() => {
  if (options.host !== "Excel") return;
  for (const call of options.cgvAtStart ?? []) {
    void registered(call.id)
      .then((fn) => fn(...call.args))
      .then(
        (value) => record.answers.push({ id: call.id, value }),
        (e: unknown) =>
          record.answers.push({
            id: call.id,
            error: {
              code: e instanceof CustomFunctionError ? e.code : "#VALUE!",
              message: e instanceof Error ? e.message : String(e),
            },
          }),
      );
  }
});
