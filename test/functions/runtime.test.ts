import { serial } from "./custom-functions-shim";
import {
  buildRateTable,
  DEFAULT_SETTINGS,
  SHIPPED_REGISTRY,
  SHIPPED_VENDORS,
  VendorRegistry,
  type VendorProfile,
} from "../../src/engine";
import { connectRuntime, languageOfDisplay, type RuntimeHost } from "../../src/functions/host";
import { officeRuntimeHost } from "../../src/office/runtime-host";
import { FunctionRuntime, type RuntimeChange } from "../../src/functions/runtime";
import { SHARED_RUNTIME } from "../../src/functions/shared-runtime";
import type { DateSystem } from "../../src/functions/arguments";
import { answer } from "../../src/office/excel-result";
import {
  captureState,
  parseStoredDocument,
  restoreState,
  serializeState,
  type TermsStore,
} from "../../src/storage";

/**
 * A function runtime owns what the functions run against (vendors, settings, language, date system)
 * and its caches; each face has its own instance, Excel's shared runtime one (shared-runtime.ts).
 */

const omi = SHIPPED_VENDORS.find((v) => v.id === "omi")!;
/** OMI as a workbook stored it under an older reading: 45 days for ordinary invoices. */
const omi45: VendorProfile = {
  ...omi,
  invoiceKinds: omi.invoiceKinds.map((k, i) =>
    i === 0 ? { ...k, term: { kind: "days", days: 45 } as const } : k,
  ),
};
const restoredWith = (profiles: readonly VendorProfile[]) => {
  const registry = new VendorRegistry(SHIPPED_REGISTRY.all());
  for (const p of profiles) registry.set(p);
  return registry;
};

const dueDay = (runtime: FunctionRuntime, vendor: string): number => {
  const out = runtime.evaluate("DUEDATE", [vendor, serial("2025-03-10")]);
  if (!out.ok || out.value.type !== "date") throw new Error(`not a date: ${JSON.stringify(out)}`);
  return out.value.day;
};

describe("runtime instances", () => {
  test("two instances do not share terms, language or caches", () => {
    const stored = new FunctionRuntime({ registry: restoredWith([omi45]) });
    const shipped = new FunctionRuntime();
    // The same text, "omi", row after row in both: 30 days here, 45 days in the workbook's terms.
    for (let round = 0; round < 3; round++) {
      expect(dueDay(stored, "omi")).toBe(dueDay(shipped, "omi") + 15);
    }
    const fr = new FunctionRuntime({ lang: "fr" });
    expect(fr.evaluate("DUEDATE", ["omi", "31/02/2025"])).toMatchObject({ message: /n'est pas une date/ });
    expect(shipped.evaluate("DUEDATE", ["omi", "31/02/2025"])).toMatchObject({ message: /is not a date/ });
    // The shared runtime is none of these.
    expect(SHARED_RUNTIME.registry).toBe(SHIPPED_REGISTRY);
  });

  test("a vendor resolved before the terms change is resolved again after", () => {
    const runtime = new FunctionRuntime();
    expect(runtime.evaluate("DUEDATE", ["acme", serial("2025-03-10")])).toMatchObject({ code: "#VALUE!" });
    const acme: VendorProfile = { ...omi, id: "acme", name: "Acme", legalName: "ACME SAS" };
    runtime.update({ registry: restoredWith([acme]) });
    expect(runtime.evaluate("DUEDATE", ["ACME SAS", serial("2025-03-10")])).toMatchObject({ ok: true });
  });
});

test("a registry changed in place (a vendor edited in the pane) is seen at the next call", () => {
  const registry = new VendorRegistry(SHIPPED_REGISTRY.all());
  const runtime = new FunctionRuntime({ registry });
  const before = dueDay(runtime, "omi");
  registry.set(omi45);
  // 45 days instead of 30 for the same text "omi", without update().
  expect(dueDay(runtime, "omi")).toBe(before + 15);
});

describe("changes", () => {
  function watched(runtime: FunctionRuntime): RuntimeChange[][] {
    const seen: RuntimeChange[][] = [];
    runtime.onChange((changed) => seen.push([...changed]));
    return seen;
  }

  test("terms equal to those in force change nothing (a workbook without stored terms)", () => {
    const runtime = new FunctionRuntime();
    const seen = watched(runtime);
    // What restoring an empty stored state gives: new objects, the same terms.
    const changed = runtime.update({
      registry: new VendorRegistry(SHIPPED_REGISTRY.all()),
      settings: { ...DEFAULT_SETTINGS, readings: new Set(), rates: buildRateTable([]) },
    });
    expect(changed).toEqual([]);
    expect(seen).toEqual([]);
  });

  test("a stored vendor, a rate row, a language and a date system are each a change", () => {
    const runtime = new FunctionRuntime();
    const seen = watched(runtime);
    runtime.update({ registry: restoredWith([omi45]) });
    runtime.update({
      settings: {
        ...DEFAULT_SETTINGS,
        rates: buildRateTable([{ halfYear: "2026-H2", legalProfessional: "2.5" }]),
      },
    });
    runtime.update({ lang: "fr" });
    runtime.update({ dateSystem: 1904 });
    expect(seen).toEqual([["registry"], ["settings"], ["lang"], ["dateSystem"]]);
  });

  test("a rate row added for the second half of 2026 makes today's LATEFEE compute", () => {
    const runtime = new FunctionRuntime();
    const args = ["omi", 1000, "2026-09-30", "2026-12-03"];
    expect(runtime.evaluate("LATEFEE", args)).toMatchObject({ ok: false, code: "#NUM!" });
    runtime.update({
      settings: {
        ...DEFAULT_SETTINGS,
        rates: buildRateTable([{ halfYear: "2026-H2", legalProfessional: "2.5" }]),
      },
    });
    // 3 × 2.5 % = 7.5 %; 1000 × 7.5 % × 64 / 365 = 13.15; + 40 € = 53.15.
    expect(runtime.evaluate("LATEFEE", args)).toEqual({ ok: true, value: { type: "number", value: 53.15 } });
  });
});

/** A host as Excel is one: it records what it is asked. */
class FakeHost implements RuntimeHost {
  recalculations = 0;
  probes = 0;
  constructor(
    readonly displayLanguage: string | undefined,
    private readonly system: DateSystem = 1900,
    private readonly failRecalculation = false,
    readonly terms?: TermsStore,
  ) {}
  probeDateSystem(): Promise<DateSystem> {
    this.probes += 1;
    return Promise.resolve(this.system);
  }
  recalculate(): Promise<void> {
    this.recalculations += 1;
    return this.failRecalculation ? Promise.reject(new Error("busy")) : Promise.resolve();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("connecting a runtime to its host", () => {
  test("French Excel gives French messages, without recalculating", async () => {
    const runtime = new FunctionRuntime();
    const host = new FakeHost("fr-FR");
    connectRuntime(runtime, host);
    await settle();
    expect(runtime.lang).toBe("fr");
    expect(host.recalculations).toBe(0);
    expect(languageOfDisplay("fr-CA")).toBe("fr");
    expect(languageOfDisplay("en-GB")).toBe("en");
    expect(languageOfDisplay(undefined)).toBe("en");
  });

  test("restoring stored vendors recalculates the CGV cells once; restoring the same terms does not", async () => {
    const runtime = new FunctionRuntime();
    const host = new FakeHost("en-US");
    connectRuntime(runtime, host);
    await settle();
    expect(host.probes).toBe(1);
    expect(host.recalculations).toBe(0);
    // What the pane does when the workbook's stored terms are restored (App.tsx useFunctionsContext).
    runtime.update({ registry: restoredWith([omi45]), settings: DEFAULT_SETTINGS });
    expect(host.recalculations).toBe(1);
    runtime.update({ registry: restoredWith([omi45]), settings: { ...DEFAULT_SETTINGS } });
    expect(host.recalculations).toBe(1);
  });

  test("a 1904 workbook is found once, before the first answer: nothing to recalculate", async () => {
    const runtime = new FunctionRuntime();
    const host = new FakeHost(undefined, 1904);
    connectRuntime(runtime, host);
    // The first answer waits for the probe: it is given in the 1904 system.
    const first = answer(runtime, "DUEDATE", ["omi", serial("2025-03-10") - 1462]);
    await settle();
    expect(runtime.dateSystem).toBe(1904);
    // 10/03/2025 + 30 days = 09/04/2025, as a 1904 serial.
    await expect(first).resolves.toBe(serial("2025-04-09") - 1462);
    expect(host.recalculations).toBe(0);
    connectRuntime(runtime, host)();
    await settle();
    expect(host.probes).toBe(1);
  });

  test("after disconnecting, changes no longer recalculate; a failed recalculation is reported and said", async () => {
    const runtime = new FunctionRuntime();
    const failures: unknown[] = [];
    const host = new FakeHost(undefined, 1900, true);
    const disconnect = connectRuntime(runtime, host, (e) => failures.push(e));
    await settle();
    runtime.update({ registry: restoredWith([omi45]) });
    await settle();
    expect(failures).toEqual([new Error("busy")]);
    expect(runtime.noticeTexts.map((t) => t.en)).toEqual([
      "Excel did not recalculate the CGV cells after the terms changed. busy. Their results may be out of date: recalculate the workbook (Ctrl+Alt+F9 on Windows).",
    ]);
    disconnect();
    runtime.update({ registry: new VendorRegistry() });
    expect(host.recalculations).toBe(1);
  });
});

/** A store whose read answers when the test says: Excel busy, or slow, at the runtime's start. */
function heldStore(documents: readonly string[]) {
  let answer: (() => void) | undefined;
  let refuse: ((e: unknown) => void) | undefined;
  const store: TermsStore = {
    kind: "custom-xml-part",
    readAll: () =>
      new Promise<string[]>((resolve, reject) => {
        answer = () => resolve([...documents]);
        refuse = reject;
      }),
    write: async () => undefined,
    remove: async () => undefined,
  };
  return { store, answer: () => answer?.(), refuse: (e: unknown) => refuse?.(e) };
}

/** Timers the test fires by hand (the start's 30-second wait). */
function handTimers() {
  const pending: (() => void)[] = [];
  return {
    timers: { set: (run: () => void) => pending.push(run), clear: () => undefined },
    fire: () => pending.splice(0).forEach((run) => run()),
  };
}

/** The workbook's stored terms: ACME, OMI's terms under another name at 45 days, and a rate row for 2026-H2. */
const ACME: VendorProfile = { ...omi45, id: "acme", name: "Acme", legalName: "ACME SAS" };
const STORED = serializeState(
  captureState({
    profiles: [ACME],
    rateRows: [{ halfYear: "2026-H2", legalProfessional: "2.5" }],
  }),
);

describe("the first answers wait for the workbook's stored terms (issue 21)", () => {
  test("a workbook vendor asked for before its terms are read is answered with them, not #VALUE!", async () => {
    const runtime = new FunctionRuntime();
    const held = heldStore([STORED]);
    const host = new FakeHost("en-US", 1900, false, held.store);
    connectRuntime(runtime, host);
    // Excel calls the function as the runtime starts: the answer waits.
    let due: unknown;
    const asked = answer(runtime, "DUEDATE", ["acme", serial("2025-03-10")]).then((v) => (due = v));
    await settle();
    expect(due).toBeUndefined();
    expect(runtime.start.record()).toMatchObject({ terms: "loading", answers: 0 });
    held.answer();
    await asked;
    // ACME: 45 days after 10/03/2025 is 24/04/2025.
    expect(due).toBe(serial("2025-04-24"));
    expect(runtime.start.record()).toEqual({
      terms: "loaded",
      held: true,
      opened: "settled",
      answers: 1,
      answersWithoutTerms: 0,
    });
    // Nothing showed other terms: nothing recalculated.
    expect(host.recalculations).toBe(0);
    // The pane restoring the same stored state afterwards changes nothing.
    const parsed = parseStoredDocument(STORED);
    if (!parsed.ok) throw new Error("the stored document does not parse");
    const restored = restoreState(parsed.state);
    expect(runtime.update({ registry: restored.registry, settings: restored.settings })).toEqual([]);
    expect(host.recalculations).toBe(0);
  });

  test("the workbook's rate rows make today's LATEFEE compute from the first answer, not #NUM!", async () => {
    const runtime = new FunctionRuntime();
    const held = heldStore([STORED]);
    connectRuntime(runtime, new FakeHost("en-US", 1900, false, held.store));
    const asked = answer(runtime, "LATEFEE", ["omi", 1000, "2026-09-30", "2026-12-03"]);
    held.answer();
    // 3 × 2.5 % = 7.5 %; 1000 × 7.5 % × 64 / 365 = 13.15; + 40 € = 53.15.
    await expect(asked).resolves.toBe(53.15);
  });

  test("terms that cannot be read: the answers go on with the shipped terms and each message says why", async () => {
    const runtime = new FunctionRuntime();
    const held = heldStore([STORED]);
    connectRuntime(runtime, new FakeHost("fr-FR", 1900, false, held.store));
    const asked = answer(runtime, "DUEDATE", ["acme", serial("2025-03-10")]).catch((e: unknown) => e);
    held.refuse(
      Object.assign(new Error("busy"), {
        text: { en: "Excel stayed in cell-editing mode.", fr: "Excel est resté en saisie." },
      }),
    );
    const error = (await asked) as { code: string; message: string };
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^le fournisseur « acme » est inconnu : attendu/);
    expect(error.message).toContain(
      " Les conditions propres au classeur (ses fournisseurs, ses lignes de taux) n'ont pas pu être lues. Excel est resté en saisie. D'ici là, les fonctions CGV utilisent les conditions livrées : ouvrez le volet Échéance pour les relire.",
    );
    expect(runtime.start.record()).toMatchObject({
      terms: "failed",
      answers: 1,
      answersWithoutTerms: 1,
      failure: { en: "Excel stayed in cell-editing mode." },
    });
  });

  test("a read that does not end: the answers wait 30 s at most; the terms, when they come, are recalculated once", async () => {
    const runtime = new FunctionRuntime();
    const held = heldStore([STORED]);
    const host = new FakeHost("en-US", 1900, false, held.store);
    const { timers, fire } = handTimers();
    connectRuntime(runtime, host, () => undefined, { timers });
    const asked = answer(runtime, "DUEDATE", ["omi", serial("2025-03-10")]);
    await settle();
    fire();
    // Shipped OMI: 30 days.
    await expect(asked).resolves.toBe(serial("2025-04-09"));
    expect(runtime.start.record()).toMatchObject({ opened: "timed-out", answersWithoutTerms: 1 });
    held.answer();
    await settle();
    await settle();
    expect(runtime.start.terms).toBe("loaded");
    expect(host.recalculations).toBe(1);
  });

  test("outside a workbook (the command line, the tests) nothing waits", async () => {
    const runtime = new FunctionRuntime();
    expect(runtime.start.isOpen).toBe(true);
    await expect(answer(runtime, "DUEDATE", ["omi", serial("2025-03-10")])).resolves.toBe(
      serial("2025-04-09"),
    );
    expect(runtime.start.record()).toEqual({
      terms: "not-asked",
      held: false,
      answers: 1,
      answersWithoutTerms: 0,
    });
  });
});

describe("the Office host", () => {
  /**
   * The few Excel objects the host uses, as strict as Office.js: a value read before load and sync
   * throws; `excelApi` is the highest ExcelApi version claimed.
   */
  function fakeExcel(date1904: number, excelApi = "1.1") {
    const calls: string[] = [];
    let loaded = false;
    let synced = false;
    const sheets = ["Factures", "Abonnements"].map((name) => ({
      name,
      calculate: (markAllDirty: boolean) => calls.push(`calculate ${name} ${markAllDirty}`),
    }));
    const context = {
      workbook: {
        functions: {
          date: (y: number, m: number, d: number) => {
            calls.push(`DATE(${y},${m},${d})`);
            return {
              load: (what: string) => {
                calls.push(`load ${what}`);
                loaded = what === "value";
              },
              get value() {
                if (!loaded || !synced) throw new Error("PropertyNotLoaded");
                return date1904;
              },
            };
          },
        },
        worksheets: {
          load: (what: string) => {
            calls.push(`load ${what}`);
            return {
              get items() {
                if (!synced) throw new Error("PropertyNotLoaded");
                return sheets;
              },
            };
          },
        },
        application: { calculate: (type: string) => calls.push(`calculate ${type}`) },
      },
      sync: () => {
        calls.push("sync");
        synced = true;
        return Promise.resolve();
      },
    };
    const minor = (v: string) => Number(v.split(".")[1]);
    const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    globals.Excel = {
      run: <T>(batch: (c: typeof context) => Promise<T>) => batch(context),
      CalculationType: { full: "Full" },
    };
    globals.Office = {
      context: {
        displayLanguage: "fr-FR",
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "ExcelApi" && minor(version) <= minor(excelApi),
        },
      },
    };
    return calls;
  }

  afterEach(() => {
    const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    delete globals.Excel;
    delete globals.Office;
  });

  test("DATE(1904,1,1) = 0 is a 1904 workbook; 1462 the 1900 system", async () => {
    const calls = fakeExcel(0);
    const host = officeRuntimeHost();
    expect(host.displayLanguage).toBe("fr-FR");
    await expect(host.probeDateSystem()).resolves.toBe(1904);
    expect(calls).toEqual(["DATE(1904,1,1)", "load value", "sync"]);
    fakeExcel(1462);
    await expect(officeRuntimeHost().probeDateSystem()).resolves.toBe(1900);
  });

  test("recalculating marks this workbook's sheets dirty (ExcelApi 1.6), never every open workbook", async () => {
    // Custom functions are not volatile: only cells marked dirty compute again.
    const calls = fakeExcel(1462, "1.6");
    await officeRuntimeHost(undefined, undefined).recalculate();
    expect(calls).toEqual([
      "load items/name",
      "sync",
      "calculate Factures true",
      "calculate Abonnements true",
      "sync",
    ]);
  });

  test("without ExcelApi 1.6 recalculating is a full calculation, the only other way", async () => {
    const calls = fakeExcel(1462, "1.5");
    await officeRuntimeHost(undefined, undefined).recalculate();
    expect(calls).toEqual(["calculate Full", "sync"]);
  });
});
