import { importProfileJson } from "../../src/storage";
import {
  checkProfile,
  DEFAULT_SETTINGS,
  dueDate,
  iso,
  resolveVendor,
  SHIPPED_VENDORS,
  validateProfile,
  vendorOptions,
  VendorRegistry,
  type VendorProfile,
} from "../../src/engine";
import { engineError, show, vendor } from "./helpers";

/** A mutable JSON copy of a shipped profile, to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document edited freely to break it
function jsonCopy(id: string): any {
  return JSON.parse(JSON.stringify(vendor(id).profile));
}

function issues(input: unknown): string[] {
  const r = checkProfile(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe("shipped profiles", () => {
  test.each(SHIPPED_VENDORS.map((p) => [p.id, p] as const))(
    "%s validates, and its JSON form round-trips unchanged",
    (_id, profile) => {
      const r = checkProfile(JSON.parse(JSON.stringify(profile)));
      expect(r.ok ? [] : r.issues).toEqual([]);
      if (r.ok) expect(r.profile).toEqual(JSON.parse(JSON.stringify(profile)));
    },
  );

  test("the five vendors of docs/terms.md are shipped, in order, each citing its seed file", () => {
    expect(SHIPPED_VENDORS.map((p) => [p.id, p.document.seed])).toEqual([
      ["omi", "000_c8a5dff9dfa2a55d.txt"],
      ["sillage", "001_b5b57cd92b7db28d.txt"],
      ["xiahdeh", "002_71f49a9e1aa64013.txt"],
      ["injenius", "003_74085667897c81b6.txt"],
      ["digitalli", "004_42db4045a621ad17.txt"],
    ]);
  });

  test("every rule of every shipped profile carries at least one citation", () => {
    for (const p of SHIPPED_VENDORS) {
      for (const k of p.invoiceKinds) expect([p.id, k.id, k.clause.length > 0]).toEqual([p.id, k.id, true]);
      for (const d of p.deadlines) expect([p.id, d.id, d.clause.length > 0]).toEqual([p.id, d.id, true]);
      for (const a of p.amounts) expect([p.id, a.id, a.clause.length > 0]).toEqual([p.id, a.id, true]);
      expect(p.latePayment.clause.length).toBeGreaterThan(0);
      if (p.subscription.kind === "plans")
        for (const plan of p.subscription.plans) expect(plan.clause.length).toBeGreaterThan(0);
    }
  });
});

describe("broken profiles get precise JSON-path messages", () => {
  test("a payment term with a text where a number belongs", () => {
    const p = jsonCopy("omi");
    p.invoiceKinds[0].term.days = "30";
    // The path names the field. (A follow-on issue also says the default kind "invoice" is not among the
    // kinds, because the broken kind is left out: reported, not asserted either way.)
    expect(issues(p)[0]).toBe("$.invoiceKinds[0].term.days: expected a whole number");
  });

  test("an unknown floor kind and an id with capitals", () => {
    const p = jsonCopy("digitalli");
    p.latePayment.floor = "maybe";
    p.id = "Digitalli";
    expect(issues(p)).toEqual([
      '$.id: "Digitalli" is not an id: lowercase letters, digits and dashes, starting with a letter',
      '$.latePayment.floor: expected one of "statutory", "contractual", "none"',
    ]);
  });

  test("a default invoice kind that is not one of the kinds, and a duplicated deadline id", () => {
    const p = jsonCopy("sillage");
    p.defaultInvoiceKind = "retainer";
    p.deadlines.push(p.deadlines[0]);
    expect(issues(p)).toEqual([
      '$.defaultInvoiceKind: "retainer" is not one of the invoice kinds',
      '$.deadlines: id "invoice-acceptance" appears twice',
    ]);
  });

  test("a deadline period in an unknown unit and a plan notice out of range", () => {
    const p = jsonCopy("injenius");
    p.deadlines[1].period.unit = "fortnights";
    p.subscription.plans[2].notice.amount = 400;
    expect(issues(p)).toEqual([
      "$.subscription.plans[2].notice.amount: expected a number from 0 to 366, got 400",
      '$.deadlines[1].period.unit: expected one of "calendar-days", "jours-ouvres", "jours-ouvrables", "weeks", "months", "years", "hours"',
    ]);
  });

  test("a recovery fee that is not a decimal, and a citation without an article", () => {
    const p = jsonCopy("xiahdeh");
    p.latePayment.recoveryFee.amount = "forty";
    delete p.amounts[0].clause[0].article;
    expect(issues(p)).toEqual([
      '$.latePayment.recoveryFee.amount: expected a non-negative decimal number such as "40" or "10.5"',
      "$.amounts[0].clause[0].article: expected a string",
    ]);
  });

  test("not an object at all", () => {
    expect(issues([])).toEqual(["$: expected an object"]);
    expect(issues(null)).toEqual(["$: expected an object"]);
  });

  test("validateProfile throws one invalid-input error listing the paths", () => {
    const p = jsonCopy("omi");
    p.clients = ["robot"];
    const e = engineError(() => validateProfile(p));
    expect(e.kind).toBe("invalid-input");
    expect(e.argument).toBe("profile");
    expect(e.text.en).toBe(
      'The vendor profile is not valid: $.clients[0]: expected one of "pro", "consumer".',
    );
  });

  test("unknown keys and prototype tricks do not survive validation", () => {
    const text = JSON.stringify(vendor("omi").profile).replace(
      '{"id":"omi"',
      '{"__proto__":{"polluted":true},"extra":1,"id":"omi"',
    );
    const read = importProfileJson(text);
    if (!read.ok) throw new Error(read.message.en);
    const profile = read.profile as VendorProfile & { extra?: unknown; polluted?: unknown };
    expect(profile.extra).toBeUndefined();
    expect(profile.polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("the profile file reader (importProfileJson, the one reader of profile JSON)", () => {
  test("parses and validates a profile file", () => {
    const read = importProfileJson(JSON.stringify(vendor("sillage").profile));
    if (!read.ok) throw new Error(read.message.en);
    // A parsed profile computes like the shipped one: 20 Jun + 15 days = 5 Jul.
    expect(show(dueDate(read.profile, iso("2025-06-20"), "training", DEFAULT_SETTINGS))).toBe("2025-07-05");
  });

  test("rejects a file over 200 000 characters before parsing it", () => {
    const read = importProfileJson(" ".repeat(200_001));
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.message.en).toBe(
      "The profile file is too large (200001 characters, at most 200000).",
    );
  });

  test("rejects text that is not JSON", () => {
    const read = importProfileJson("{ id: omi }");
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.message.en).toMatch(/^The profile file is not valid JSON: /);
  });
});

describe("resolveVendor", () => {
  test("vendor ids are case-insensitive and trimmed", () => {
    expect(resolveVendor(" OMI ").profile.id).toBe("omi");
    expect(resolveVendor("Digitalli").profile.id).toBe("digitalli");
  });

  test('"xiahdeh+flat" selects the flat reading', () => {
    const { profile, settings } = resolveVendor("xiahdeh+flat");
    expect(profile.id).toBe("xiahdeh");
    expect([...settings.readings]).toEqual(["flat"]);
    expect(resolveVendor("xiahdeh").settings.readings.size).toBe(0);
  });

  test('"+alsace-moselle" sets the holiday calendar, "+eom-then-days" the end-of-month method, case-insensitively', () => {
    expect(resolveVendor("sillage+alsace-moselle").settings.holidays).toBe("alsace-moselle");
    expect(resolveVendor("Sillage + Alsace-Moselle").settings.holidays).toBe("alsace-moselle");
    expect(resolveVendor("digitalli+EOM-then-days").settings.endOfMonthMethod).toBe("eom-then-days");
    expect(resolveVendor("digitalli").settings.endOfMonthMethod).toBe("days-then-eom");
    expect(resolveVendor("xiahdeh+flat+alsace-moselle").settings.holidays).toBe("alsace-moselle");
  });

  test("an unknown vendor id is rejected with the list of known ids", () => {
    const e = engineError(() => resolveVendor("acme"));
    expect(e.kind).toBe("invalid-input");
    expect(e.argument).toBe("vendor");
    expect(e.text.en).toBe(
      'vendor "acme" is unknown: expected one of omi, sillage, xiahdeh, injenius, digitalli, loi (or a vendor\'s name).',
    );
    expect(engineError(() => resolveVendor("")).text.en).toBe(
      "vendor is empty: expected one of omi, sillage, xiahdeh, injenius, digitalli, loi.",
    );
  });

  test("an unknown option is rejected with the vendor's options", () => {
    const e = engineError(() => resolveVendor("omi+flat"));
    expect(e.text.en).toBe(
      'option "flat" is not an option of omi: expected one of alsace-moselle, metropole, eom-then-days, days-then-eom (e.g. "omi+alsace-moselle").',
    );
    expect(vendorOptions(vendor("xiahdeh").profile)).toEqual([
      "flat",
      "alsace-moselle",
      "metropole",
      "eom-then-days",
      "days-then-eom",
    ]);
  });

  test("a registry can hold a user profile beside the shipped ones, or replace one", () => {
    const custom = validateProfile({ ...jsonCopy("omi"), id: "acme", name: "Acme" });
    const registry = new VendorRegistry();
    registry.set(custom);
    expect(resolveVendor("ACME", registry).profile.name).toBe("Acme");
    expect(registry.ids()).toEqual(["omi", "sillage", "xiahdeh", "injenius", "digitalli", "loi", "acme"]);
  });
});
