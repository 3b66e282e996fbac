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

  test("a 1904 workbook is found once and recalculated under its date system", async () => {
    const runtime = new FunctionRuntime();
    const host = new FakeHost(undefined, 1904);
    connectRuntime(runtime, host);
    await settle();
    expect(runtime.dateSystem).toBe(1904);
    expect(host.recalculations).toBe(1);
    connectRuntime(runtime, host)();
    await settle();
    expect(host.probes).toBe(1);
  });

  test("after disconnecting, changes no longer recalculate; a failed recalculation is reported", async () => {
    const runtime = new FunctionRuntime();
    const failures: unknown[] = [];
    const host = new FakeHost(undefined, 1900, true);
    const disconnect = connectRuntime(runtime, host, (e) => failures.push(e));
    runtime.update({ registry: restoredWith([omi45]) });
    await settle();
    expect(failures).toEqual([new Error("busy")]);
    disconnect();
    runtime.update({ registry: new VendorRegistry() });
    expect(host.recalculations).toBe(1);
  });
});

describe("the Office host", () => {
  /** The few Excel objects the host uses, as strict as Office.js: a value read before load and sync throws. */
  function fakeExcel(date1904: number) {
    const calls: string[] = [];
    let loaded = false;
    let synced = false;
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
        application: { calculate: (type: string) => calls.push(`calculate ${type}`) },
      },
      sync: () => {
        calls.push("sync");
        synced = true;
        return Promise.resolve();
      },
    };
    const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    globals.Excel = {
      run: <T>(batch: (c: typeof context) => Promise<T>) => batch(context),
      CalculationType: { full: "Full" },
    };
    globals.Office = { context: { displayLanguage: "fr-FR" } };
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

  test("recalculating is a full calculation: custom functions are not volatile", async () => {
    const calls = fakeExcel(1462);
    await officeRuntimeHost().recalculate();
    expect(calls).toEqual(["calculate Full", "sync"]);
  });
});
