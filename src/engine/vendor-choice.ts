import { invalidInput } from "./errors";
import { frenchOf } from "./format";
import type { VendorProfile } from "./profile";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import { SHIPPED_REGISTRY, type VendorRegistry } from "./registry";

/**
 * How a vendor is named everywhere (a CGV.* argument, a register's Fournisseur cell, `--vendor`, the
 * pane's picker): one value, one parser, one formatter, one resolver. The text is the vendor (its id,
 * its name or its legal name, in any case and accents) optionally followed by options joined with "+":
 * "xiahdeh+flat", "Sillage.ai+alsace-moselle", "HORIZON SAAS", "digitalli+eom-then-days".
 */
export interface VendorChoice {
  /** The vendor as written (an id, a name or a legal name), trimmed. */
  readonly vendor: string;
  /** The options, trimmed and lower-cased, in the order written. */
  readonly options: readonly string[];
}

/** Options every vendor accepts: the holiday calendar and the end-of-month method. */
const GLOBAL_OPTIONS: ReadonlyMap<string, (s: MutableSettings) => void> = new Map([
  ["alsace-moselle", (s: MutableSettings) => void (s.holidays = "alsace-moselle")],
  ["metropole", (s: MutableSettings) => void (s.holidays = "metropole")],
  ["eom-then-days", (s: MutableSettings) => void (s.endOfMonthMethod = "eom-then-days")],
  ["days-then-eom", (s: MutableSettings) => void (s.endOfMonthMethod = "days-then-eom")],
]);

type MutableSettings = { -readonly [K in keyof Settings]: Settings[K] };

/** The one parser: "Sillage.ai + Alsace-Moselle" → { vendor: "Sillage.ai", options: ["alsace-moselle"] }. */
export function parseVendorChoice(text: string): VendorChoice {
  const [vendor = "", ...options] = text.split("+");
  return {
    vendor: vendor.trim(),
    options: options.map((o) => o.trim().toLowerCase()).filter((o) => o !== ""),
  };
}

/** The one formatter: the canonical text the engine, the formulas and the workbook store ("xiahdeh+flat"). */
export function formatVendorChoice(choice: VendorChoice): string {
  return [choice.vendor, ...choice.options].join("+");
}

/** The interpretation options a profile defines ("flat" for Xiahdeh). */
export function profileOptions(profile: VendorProfile): string[] {
  const options = new Set<string>();
  for (const i of profile.interpretations) if (i.option) options.add(i.option);
  if (profile.latePayment.flatAlternative) options.add(profile.latePayment.flatAlternative.option);
  return [...options];
}

/** Every option a vendor accepts: its own, then the global ones. */
export function vendorOptions(profile: VendorProfile): string[] {
  return [...profileOptions(profile), ...GLOBAL_OPTIONS.keys()];
}

/** "Sillage.ai", "HORIZON SAAS (Sillage.ai)" → "sillage ai", "horizon saas sillage ai": accents, case and punctuation folded. */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Words that do not name a vendor on their own: articles, legal forms, generic nouns. « SAS » or
 * « Plateforme » as the first word of a register's cell must not pick a vendor.
 */
const NOT_A_NAME = new Set(
  (
    "the les la le des de du l d et and societe ste sas sasu sarl eurl sa sci snc scop selarl " +
    "groupe group cabinet plateforme platform marque brand agence entreprise etablissements ets " +
    "compagnie cie"
  ).split(" "),
);

/** "OMI SAS" → "omi", "Société ACME SARL" → "acme": the folded name without legal forms and articles. */
function coreName(folded: string): string {
  return folded
    .split(" ")
    .filter((w) => !NOT_A_NAME.has(w))
    .join(" ");
}

/** Every name a profile answers to: its name, legal name and invoice names, and each part in brackets. */
export function vendorNames(profile: VendorProfile): string[] {
  const out: string[] = [];
  for (const n of [profile.name, profile.legalName, ...(profile.invoiceNames ?? [])]) {
    out.push(n);
    // "HORIZON SAAS (Sillage.ai)": "HORIZON SAAS" and "Sillage.ai" are names too.
    const bracket = /^(.*?)\((.*)\)\s*$/.exec(n);
    if (bracket) out.push(bracket[1] ?? "", bracket[2] ?? "");
  }
  return out.filter((n) => n.trim() !== "");
}

/** What a vendor text names: one profile, none, or several (refused, naming them). */
export type NameLookup =
  | { readonly kind: "found"; readonly profile: VendorProfile }
  | { readonly kind: "unknown" }
  | { readonly kind: "ambiguous"; readonly profiles: readonly VendorProfile[] };

/** A vendor choice resolved against a registry: the profile, the settings its options give, and its canonical text. */
export interface ResolvedVendor {
  readonly profile: VendorProfile;
  readonly settings: Settings;
  /** The canonical choice: the vendor's id and the options ("xiahdeh+flat"). */
  readonly choice: VendorChoice;
  /** `formatVendorChoice(choice)`: what formulas and stored registers carry. */
  readonly spec: string;
}

/**
 * Resolves vendor texts against the vendors in force (shipped, plus those a workbook stores) and the
 * base settings, once per distinct text: a column of formulas or a register names the same vendor row
 * after row. Unknown vendors and options are EngineErrors (invalid-input, argument "vendor") naming
 * what is accepted; errors are remembered too. User text never indexes a plain object (Maps only).
 */
export class VendorResolver {
  private readonly cache = new Map<string, ResolvedVendor | Error>();
  /** The last text resolved and its answer: a column names the same vendor row after row. */
  private lastText: unknown;
  private lastAnswer: ResolvedVendor | Error | undefined;

  private namesRevision = -1;

  constructor(
    readonly registry: VendorRegistry = SHIPPED_REGISTRY,
    readonly base: Settings = DEFAULT_SETTINGS,
  ) {}

  /** Folded full names (and the same without legal forms) → vendor ids; then folded first words → ids. */
  private readonly fullNames = new Map<string, Set<string>>();
  private readonly firstWords = new Map<string, Set<string>>();

  /**
   * The names index: a full name (name, legal name, invoice name, a part in brackets, each with or
   * without its legal form) or, failing that, the first word of the name or legal name (three letters
   * or more, not an article or a legal form). A name two vendors share names neither: the text is
   * refused, naming both.
   */
  private refresh(): void {
    if (this.namesRevision === this.registry.revision) return;
    this.namesRevision = this.registry.revision;
    this.fullNames.clear();
    this.firstWords.clear();
    this.cache.clear();
    this.lastText = this.lastAnswer = undefined;
    const add = (index: Map<string, Set<string>>, key: string, id: string) => {
      if (key === "") return;
      const ids = index.get(key) ?? new Set<string>();
      ids.add(id);
      index.set(key, ids);
    };
    for (const p of this.registry.all()) {
      add(this.fullNames, foldName(p.id), p.id);
      for (const n of vendorNames(p)) {
        const folded = foldName(n);
        add(this.fullNames, folded, p.id);
        add(this.fullNames, coreName(folded), p.id);
      }
      // First words of the name and legal name only: an invoice name is matched whole.
      for (const n of [p.name, p.legalName]) {
        const first = foldName(n).split(" ")[0] ?? "";
        if (first.length >= 3 && !NOT_A_NAME.has(first)) add(this.firstWords, first, p.id);
      }
    }
  }

  /** What a vendor text (id, name, legal name, invoice name or its first word) names, without options. */
  lookupName(vendor: string): NameLookup {
    this.refresh();
    const exact = this.registry.get(vendor);
    if (exact) return { kind: "found", profile: exact };
    const folded = foldName(vendor);
    const first = folded.split(" ")[0] ?? "";
    const ids =
      this.fullNames.get(folded) ??
      this.fullNames.get(coreName(folded)) ??
      (NOT_A_NAME.has(first) ? undefined : (this.fullNames.get(first) ?? this.firstWords.get(first)));
    if (ids === undefined) return { kind: "unknown" };
    const profiles = [...ids]
      .map((id) => this.registry.get(id))
      .filter((p): p is VendorProfile => p !== undefined);
    const [only] = profiles;
    if (profiles.length === 1 && only) return { kind: "found", profile: only };
    return profiles.length === 0 ? { kind: "unknown" } : { kind: "ambiguous", profiles };
  }

  /** The profile a vendor text names, or undefined when it names none or several. */
  profileNamed(vendor: string): VendorProfile | undefined {
    const found = this.lookupName(vendor);
    return found.kind === "found" ? found.profile : undefined;
  }

  /** Resolves a vendor text ("omi", "Sillage.ai+alsace-moselle"); throws the EngineError for a bad one. */
  resolve(text: string): ResolvedVendor {
    if (this.namesRevision !== this.registry.revision) this.refresh();
    if (text === this.lastText && this.lastAnswer !== undefined) return answer(this.lastAnswer);
    let hit = this.cache.get(text);
    if (hit === undefined) {
      try {
        hit = this.resolveChoice(parseVendorChoice(text));
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        hit = e;
      }
      if (this.cache.size >= 1000) this.cache.clear();
      this.cache.set(text, hit);
    }
    this.lastText = text;
    this.lastAnswer = hit;
    return answer(hit);
  }

  /** Resolves a choice held as a value (the pane's picker). */
  resolveChoice(choice: VendorChoice): ResolvedVendor {
    const found = this.lookupName(choice.vendor);
    if (found.kind === "ambiguous") throw ambiguousVendor(choice.vendor, found.profiles);
    if (found.kind === "unknown") {
      const known = this.registry.ids().join(", ");
      throw invalidInput(
        "vendor",
        choice.vendor === ""
          ? `vendor is empty: expected one of ${known}.`
          : `vendor "${choice.vendor}" is unknown: expected one of ${known} (or a vendor's name).`,
        choice.vendor === ""
          ? `fournisseur vide : attendu l'un de ${known}.`
          : `le fournisseur « ${choice.vendor} » est inconnu : attendu l'un de ${known} (ou le nom d'un fournisseur).`,
      );
    }
    const profile = found.profile;
    const settings: MutableSettings = { ...this.base };
    const own = profileOptions(profile);
    const readings = new Set<string>(this.base.readings);
    const options: string[] = [];
    for (const option of choice.options) {
      const global = GLOBAL_OPTIONS.get(option);
      if (global) global(settings);
      else if (own.includes(option)) readings.add(option);
      else {
        const valid = vendorOptions(profile).join(", ");
        const example = `${profile.id}+${own[0] ?? "alsace-moselle"}`;
        throw invalidInput(
          "vendor",
          `option "${option}" is not an option of ${profile.id}: expected one of ${valid} (e.g. "${example}").`,
          `l'option « ${option} » n'est pas une option ${frenchOf(profile.id)} : attendu l'une de ${valid} (par ex. « ${example} »).`,
        );
      }
      if (!options.includes(option)) options.push(option);
    }
    settings.readings = readings;
    const canonical: VendorChoice = { vendor: profile.id, options };
    return { profile, settings, choice: canonical, spec: formatVendorChoice(canonical) };
  }
}

/** "« Sillage.ai » names two vendors: sillage (Sillage) and acme (Acme): write the id." */
function ambiguousVendor(text: string, profiles: readonly VendorProfile[]): Error {
  const who = (and: string) => {
    const names = profiles.map((p) => `${p.id} (${p.name})`);
    return names.length <= 1
      ? names.join("")
      : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
  };
  return invalidInput(
    "vendor",
    `vendor "${text}" names ${profiles.length} vendors, ${who("and")}: write the vendor's id.`,
    `le fournisseur « ${text} » désigne ${profiles.length} fournisseurs, ${who("et")} : écrivez l'identifiant du fournisseur.`,
  );
}

function answer(hit: ResolvedVendor | Error): ResolvedVendor {
  if (hit instanceof Error) throw hit;
  return hit;
}

const resolvers = new WeakMap<VendorRegistry, WeakMap<Settings, VendorResolver>>();

/** The memoising resolver of a registry and base settings (one per pair, shared by every caller). */
export function vendorResolver(
  registry: VendorRegistry = SHIPPED_REGISTRY,
  base: Settings = DEFAULT_SETTINGS,
): VendorResolver {
  let bySettings = resolvers.get(registry);
  if (!bySettings) resolvers.set(registry, (bySettings = new WeakMap()));
  let resolver = bySettings.get(base);
  if (!resolver) bySettings.set(base, (resolver = new VendorResolver(registry, base)));
  return resolver;
}

/** Resolves a vendor text with the shared resolver of `registry` and `base`. */
export function resolveVendor(
  text: string,
  registry: VendorRegistry = SHIPPED_REGISTRY,
  base: Settings = DEFAULT_SETTINGS,
): ResolvedVendor {
  return vendorResolver(registry, base).resolve(text);
}
