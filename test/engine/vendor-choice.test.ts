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
      "le fournisseur « acme » est inconnu : attendu l'un de omi, sillage, xiahdeh, injenius, digitalli, loi (ou le nom d'un fournisseur).",
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

describe("names as registers write them (issue 23)", () => {
  const resolver = new VendorResolver(SHIPPED_REGISTRY);

  // The names in the seed texts: OMI's product (CGA 1.1), Sillage's brand (CGV 1, 2), Xiahdeh's payee
  // (CGV 16.2), Injenius's company and software (CG art. 1), Digitalli's company (CGV art. 1).
  it.each([
    ["Plateforme OMI", "omi"],
    ["PLATEFORME OMI", "omi"],
    ["OMI SAS", "omi"],
    ["Sillage.ai", "sillage"],
    ["sillage ai", "sillage"],
    ["HORIZON SAAS – marque Sillage.ai", "sillage"],
    ["Omnicité Production / Xiahdeh", "xiahdeh"],
    ["omnicite production xiahdeh", "xiahdeh"],
    ["Quentin KLYMYK", "xiahdeh"],
    ["INJENIUS", "injenius"],
    ["THE LANDSKAPERS AND CO", "injenius"],
    ["The Landskapers & Co", "injenius"],
    ["DIGITALLI SAS", "digitalli"],
    ["Digitalli S.A.S.", "digitalli"],
    ["Conditions légales", "loi"],
    ["conditions legales", "loi"],
  ])("« %s » names %s", (text, id) => {
    expect(resolver.resolve(text).profile.id).toBe(id);
  });

  it("every shipped vendor carries the names its invoices use", () => {
    const names = Object.fromEntries(SHIPPED_REGISTRY.all().map((p) => [p.id, p.invoiceNames ?? []]));
    expect(names).toEqual({
      omi: ["Plateforme OMI", "OMI SAS"],
      sillage: ["Sillage.ai", "HORIZON SAAS", "HORIZON SAAS – marque Sillage.ai"],
      xiahdeh: ["Xiahdeh", "Quentin KLYMYK", "Omnicité Production / Xiahdeh"],
      injenius: ["INJENIUS", "THE LANDSKAPERS AND CO"],
      digitalli: ["DIGITALLI", "DIGITALLI SAS"],
      loi: [],
    });
  });

  it.each(["Plateforme XYZ", "The Gardeners Ltd", "SAS Martin", "Omnicité"])(
    "« %s » names no vendor: a generic first word (plateforme, the, sas) or a cooperative's name is not a vendor's",
    (text) => {
      expect(failure(() => resolver.resolve(text)).fr).toMatch(/est inconnu/);
    },
  );

  it("a custom vendor's invoice names resolve as the shipped ones do, with options", () => {
    const registry = new VendorRegistry();
    const omi = registry.get("omi") as VendorProfile;
    registry.set({
      ...omi,
      id: "acme",
      name: "Acme",
      legalName: "ACME SARL",
      invoiceNames: ["Logiciel Rosace"],
    });
    const r = new VendorResolver(registry);
    expect(r.resolve("Logiciel Rosace + eom-then-days").spec).toBe("acme+eom-then-days");
    expect(r.resolve("ACME").profile.id).toBe("acme");
  });

  it("a name two vendors share is refused with a sentence naming both, in French and in English", () => {
    const registry = new VendorRegistry();
    const omi = registry.get("omi") as VendorProfile;
    registry.set({
      ...omi,
      id: "sillage-formation",
      name: "Sillage Formation",
      legalName: "SILLAGE FORMATION SARL",
      invoiceNames: ["Sillage.ai"],
    });
    const r = new VendorResolver(registry);
    const f = failure(() => r.resolve("Sillage.ai"));
    expect(f.argument).toBe("vendor");
    expect(f.fr).toBe(
      "le fournisseur « Sillage.ai » désigne 2 fournisseurs, sillage (Sillage) et sillage-formation (Sillage Formation) : écrivez l'identifiant du fournisseur.",
    );
    expect(f.en).toBe(
      'vendor "Sillage.ai" names 2 vendors, sillage (Sillage) and sillage-formation (Sillage Formation): write the vendor\'s id.',
    );
    // The ids stay unambiguous.
    expect(r.resolve("sillage").profile.id).toBe("sillage");
    expect(r.resolve("sillage-formation").profile.id).toBe("sillage-formation");
    expect(r.lookupName("Sillage.ai").kind).toBe("ambiguous");
    expect(r.profileNamed("Sillage.ai")).toBeUndefined();
  });
});
