import {
  DEFAULT_SETTINGS,
  dueDate,
  formatIsoDay,
  iso,
  SHIPPED_REGISTRY,
  SHIPPED_VENDORS,
  VendorRegistry,
  type VendorProfile,
} from "../../src/engine";
import * as CGV from "../../src/office/functions";
import { SHARED_RUNTIME } from "../../src/functions/shared-runtime";
import {
  applyChoices,
  captureState,
  compareWithShipped,
  exportProfileJson,
  importProfileJson,
  parseStoredDocument,
  restoreState,
  serializeState,
  type ProfileChoice,
  type StoredState,
} from "../../src/storage";
import { excelError, serial } from "../functions/custom-functions-shim";
import { acme, acmeJson, prototypeKeys, shipped } from "./fixtures";

const PROTO_BEFORE = prototypeKeys();
afterEach(() => {
  expect(prototypeKeys()).toEqual(PROTO_BEFORE);
  SHARED_RUNTIME.update({ registry: SHIPPED_REGISTRY, settings: DEFAULT_SETTINGS });
});

/** OMI as a workbook saved it under an older reading: 45 days instead of 30 for ordinary invoices. */
function editedOmi(): VendorProfile {
  const omi = shipped("omi");
  return {
    ...omi,
    profileVersion: "0.9.0",
    invoiceKinds: omi.invoiceKinds.map((k, i) =>
      i === 0 ? { ...k, term: { kind: "days", days: 45 } as const } : k,
    ),
  };
}

/** The state a workbook would carry, read back from its XML as on another machine. */
function reopened(state: StoredState): StoredState {
  const r = parseStoredDocument(serializeState(state));
  if (!r.ok) throw new Error("unreadable");
  return r.state;
}

const choices = (entries: [string, ProfileChoice][]) => new Map(entries);

describe("stored vs shipped profiles", () => {
  test("a stored copy identical to the shipped profile raises no difference", async () => {
    expect(
      compareWithShipped(captureState({ profiles: [shipped("omi"), shipped("sillage")] }).profiles),
    ).toEqual([]);
  });

  test("a custom vendor is not compared with anything", async () => {
    expect(compareWithShipped(captureState({ profiles: [acme()] }).profiles)).toEqual([]);
  });

  test("a stored copy that differs is listed with both versions and each changed field", async () => {
    const [d] = compareWithShipped(captureState({ profiles: [editedOmi()] }).profiles);
    expect(d?.id).toBe("omi");
    expect([d?.stored.version, d?.shipped.version]).toEqual(["0.9.0", "1.1.0"]);
    expect(d?.changes).toEqual([
      { path: "$.invoiceKinds[0].term.days", stored: "45", shipped: "30" },
      { path: "$.profileVersion", stored: '"0.9.0"', shipped: '"1.1.0"' },
    ]);
    expect(d?.acknowledged).toBe(false);
  });
});

describe("restoring a workbook's terms on another machine", () => {
  test("settings, rate rows and a custom vendor come back and drive the computations", async () => {
    const state = reopened(
      captureState({
        settings: { holidays: "alsace-moselle", endOfMonthMethod: "eom-then-days", readings: [] },
        rateRows: [{ halfYear: "2026-H2", legalProfessional: "2.5" }],
        profiles: [acme()],
      }),
    );
    const r = restoreState(state);
    expect(r.pending).toEqual([]);
    expect(r.settings.holidays).toBe("alsace-moselle");
    expect(r.settings.endOfMonthMethod).toBe("eom-then-days");
    // The built-in vendors (the five and the law, `loi`), then the workbook's own.
    expect(r.registry.ids()).toEqual(["omi", "sillage", "xiahdeh", "injenius", "digitalli", "loi", "acme"]);
    // ACME: 30 days end of month; invoice 31 Jan 2025 under the stored method eom-then-days:
    // end of January 31 Jan, + 30 days = 2 Mar 2025.
    expect(formatIsoDay(dueDate(r.registry.get("acme")!, iso("2025-01-31"), undefined, r.settings))).toBe(
      "2025-03-02",
    );
  });

  test("a custom vendor id works in the CGV functions once the pane hands the restored terms to the shared runtime", async () => {
    const r = restoreState(reopened(captureState({ profiles: [acme()] })));
    SHARED_RUNTIME.update({ registry: r.registry, settings: r.settings, lang: "en" });
    // Default method days-then-eom: 31 Jan + 30 days = 2 Mar, end of March = 31 Mar 2025.
    expect(await CGV.dueDate("acme", serial("2025-01-31"))).toBe(serial("2025-03-31"));
    // The vendor accepts the global options after "+": eom-then-days gives 2 Mar.
    expect(await CGV.dueDate("ACME+eom-then-days", serial("2025-01-31"))).toBe(serial("2025-03-02"));
    // Its named deadline: 8 calendar days after receipt, 10 Mar 2025 → 18 Mar 2025.
    expect(await CGV.deadline("acme", "invoice-contest", serial("2025-03-10"))).toBe(serial("2025-03-18"));
    // Its plan: started 15 Jan 2025 for 12 months, renews 15 Jan 2026; notice 3 months → 15 Oct 2025.
    expect(await CGV.renewalDate("acme", serial("2025-01-15"), serial("2025-06-01"))).toBe(
      serial("2026-01-15"),
    );
    expect(await CGV.noticeDeadline("acme", serial("2025-01-15"), serial("2025-06-01"))).toBe(
      serial("2025-10-15"),
    );
  });

  test("a vendor called before a workbook's terms load is resolved again once they are loaded", async () => {
    // Shipped OMI: 30 days, 10 Mar 2025 → 9 Apr 2025. The function runtime remembers the vendor.
    expect(await CGV.dueDate("omi", serial("2025-03-10"))).toBe(serial("2025-04-09"));
    expect((await excelError(() => CGV.dueDate("acme", serial("2025-01-31")))).code).toBe("#VALUE!");
    const r = restoreState(reopened(captureState({ profiles: [acme(), editedOmi()] })));
    SHARED_RUNTIME.update({ registry: r.registry, settings: r.settings, lang: "en" });
    // Same call text, new context. The stored OMI says 45 days: 10 Mar → 24 Apr 2025.
    expect(await CGV.dueDate("omi", serial("2025-03-10"))).toBe(serial("2025-04-24"));
    // ACME now exists (30 days end of month: 31 Jan + 30 = 2 Mar → end of March).
    expect(await CGV.dueDate("acme", serial("2025-01-31"))).toBe(serial("2025-03-31"));
  });

  test("a stored copy that differs from the shipped one is pending, and the stored one is used meanwhile", async () => {
    const r = restoreState(reopened(captureState({ profiles: [editedOmi()] })));
    expect(r.pending.map((d) => d.id)).toEqual(["omi"]);
    // Stored: 10 Mar 2025 + 45 days = 24 Apr 2025 (the workbook's own figures stay as they were).
    expect(formatIsoDay(dueDate(r.registry.get("omi")!, iso("2025-03-10"), undefined, r.settings))).toBe(
      "2025-04-24",
    );
  });

  test("choosing the shipped profile uses it and replaces the stored copy", async () => {
    const state = reopened(captureState({ profiles: [editedOmi()] }));
    const r = restoreState(state, { choices: choices([["omi", "shipped"]]) });
    expect(r.pending).toEqual([]);
    // Shipped: 10 Mar 2025 + 30 days = 9 Apr 2025.
    expect(formatIsoDay(dueDate(r.registry.get("omi")!, iso("2025-03-10"), undefined, r.settings))).toBe(
      "2025-04-09",
    );
    const saved = reopened(applyChoices(state, choices([["omi", "shipped"]])));
    expect(compareWithShipped(saved.profiles)).toEqual([]);
  });

  test("keeping the stored profile is remembered for that shipped version: not asked again on reopening", async () => {
    const state = reopened(captureState({ profiles: [editedOmi()] }));
    const saved = reopened(applyChoices(state, choices([["omi", "stored"]])));
    const r = restoreState(saved);
    expect(r.pending).toEqual([]);
    expect(r.differences.map((d) => [d.id, d.acknowledged])).toEqual([["omi", true]]);
    expect(r.registry.get("omi")?.profileVersion).toBe("0.9.0");
  });

  test("a newer shipped version asks again even after the stored one was kept", async () => {
    const saved = reopened(
      applyChoices(reopened(captureState({ profiles: [editedOmi()] })), choices([["omi", "stored"]])),
    );
    const newer = { ...shipped("omi"), profileVersion: "1.2.0" };
    const r = restoreState(saved, {
      shipped: new VendorRegistry(SHIPPED_VENDORS.map((v) => (v.id === "omi" ? newer : v))),
    });
    expect(r.pending.map((d) => [d.id, d.shipped.version])).toEqual([["omi", "1.2.0"]]);
  });
});

describe("profile files: import and export", () => {
  test("an exported profile imports back identical", async () => {
    const { fileName, text } = exportProfileJson(acme());
    expect(fileName).toBe("acme.echeance-vendor.json");
    const r = importProfileJson(text);
    expect(r.ok && r.profile).toEqual(acme());
  });

  test("a hostile file is refused with a message and pollutes nothing", async () => {
    const proto = importProfileJson('{"__proto__":{"polluted":"yes"},"id":"x"}');
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = importProfileJson("[".repeat(5000) + "]".repeat(5000));
    expect(!deep.ok && deep.message.en).toMatch(/nested too deeply/);
    const huge = importProfileJson(JSON.stringify({ ...acmeJson(), name: "x".repeat(300_000) }));
    expect(!huge.ok && huge.message.en).toMatch(/too large/);
    const js = importProfileJson("module.exports = { id: 'x' }");
    expect(!js.ok && js.message.en).toMatch(/not valid JSON/);
    const wrong = importProfileJson(
      JSON.stringify({ ...acmeJson(), latePayment: { rate: { kind: "fixed", annualPercent: "eval('1')" } } }),
    );
    expect(!wrong.ok && wrong.issues.map((i) => i.path)).toContain("$.latePayment.rate.annualPercent");
  });
});
