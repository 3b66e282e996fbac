import {
  formatVendorChoice,
  isEngineError,
  parseVendorChoice,
  SHIPPED_REGISTRY,
  VendorRegistry,
  VendorResolver,
  vendorResolver,
  type VendorProfile,
} from "../../src/engine";

function failure(f: () => unknown): { kind: string; argument: string | undefined; en: string; fr: string } {
  try {
    f();
  } catch (e) {
    if (!isEngineError(e)) throw e;
    return { kind: e.kind, argument: e.argument, en: e.text.en, fr: e.text.fr };
  }
  throw new Error("expected an engine error");
}

describe("a vendor choice: one parser, one formatter", () => {
  it("splits the vendor from its options, trimming and lower-casing the options", () => {
    expect(parseVendorChoice(" Sillage.ai + Alsace-Moselle ")).toEqual({
      vendor: "Sillage.ai",
      options: ["alsace-moselle"],
    });
    expect(parseVendorChoice("xiahdeh+flat+")).toEqual({ vendor: "xiahdeh", options: ["flat"] });
    expect(parseVendorChoice("")).toEqual({ vendor: "", options: [] });
  });

  it("formats back to the text the formulas and stored registers carry", () => {
    expect(formatVendorChoice({ vendor: "xiahdeh", options: ["flat", "eom-then-days"] })).toBe(
      "xiahdeh+flat+eom-then-days",
    );
    expect(formatVendorChoice(parseVendorChoice("omi"))).toBe("omi");
  });
});

describe("the vendor resolver", () => {
  const resolver = new VendorResolver(SHIPPED_REGISTRY);

  it.each([
    ["omi", "omi"],
    ["OMI", "omi"],
    ["Sillage.ai", "sillage"],
    ["HORIZON SAAS", "sillage"],
    ["horizon saas (sillage.ai)", "sillage"],
    ["DIGITALLI SAS", "digitalli"],
    ["Digitalli", "digitalli"],
    ["Injenius", "injenius"],
    ["THE LANDSKAPERS AND CO (INJENIUS)", "injenius"],
    ["Xiahdeh", "xiahdeh"],
  ])("names %s as the vendor %s (id, name, legal name or its first word)", (text, id) => {
    expect(resolver.resolve(text).profile.id).toBe(id);
  });

  it("canonicalises the choice: the id and the options as the engine reads them", () => {
    const r = resolver.resolve("HORIZON SAAS+Alsace-Moselle");
    expect(r.spec).toBe("sillage+alsace-moselle");
    expect(r.settings.holidays).toBe("alsace-moselle");
    expect(resolver.resolve("Xiahdeh + FLAT").settings.readings.has("flat")).toBe(true);
  });

  it.each(["omi+constructor", "omi+__proto__", "omi+toString", "omi+hasOwnProperty"])(
    "refuses %s with the options omi accepts (user text never indexes an object)",
    (text) => {
      const f = failure(() => resolver.resolve(text));
      expect(f.kind).toBe("invalid-input");
      expect(f.argument).toBe("vendor");
      expect(f.en).toMatch(/is not an option of omi: expected one of alsace-moselle, metropole/);
    },
  );

  it.each(["__proto__", "constructor", "toString"])("refuses the vendor %s as unknown", (text) => {
    expect(failure(() => resolver.resolve(text)).en).toMatch(/is unknown: expected one of omi/);
  });

  it("says in French that an unknown vendor is unknown, without English words", () => {
    expect(failure(() => resolver.resolve("acme")).fr).toBe(
      "le fournisseur « acme » est inconnu : attendu l'un de omi, sillage, xiahdeh, injenius, digitalli (ou le nom d'un fournisseur).",
    );
  });

  it("remembers an error as well as a resolution, and answers the same each time", () => {
    const a = failure(() => resolver.resolve("nobody"));
    const b = failure(() => resolver.resolve("nobody"));
    expect(b).toEqual(a);
    expect(resolver.resolve("omi")).toBe(resolver.resolve("omi"));
  });

  it("sees a vendor added to its registry after it was made", () => {
    const registry = new VendorRegistry();
    const shared = vendorResolver(registry);
    expect(() => shared.resolve("acme")).toThrow();
    const omi = registry.get("omi") as VendorProfile;
    registry.set({ ...omi, id: "acme", name: "Acme Conseil", legalName: "ACME SARL" });
    expect(shared.resolve("Acme Conseil").profile.id).toBe("acme");
    expect(shared.resolve("acme").profile.id).toBe("acme");
  });

  it("is shared: one resolver per registry and base settings", () => {
    expect(vendorResolver(SHIPPED_REGISTRY)).toBe(vendorResolver(SHIPPED_REGISTRY));
  });
});
