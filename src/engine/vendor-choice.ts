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
  private readonly names = new Map<string, string>();
  /** The last text resolved and its answer: a column names the same vendor row after row. */
  private lastText: unknown;
  private lastAnswer: ResolvedVendor | Error | undefined;

  private namesRevision = -1;

  constructor(
    readonly registry: VendorRegistry = SHIPPED_REGISTRY,
    readonly base: Settings = DEFAULT_SETTINGS,
  ) {}

  /** Ids first, then names, then legal names, then their first words: an earlier entry is never replaced. */
  private refresh(): void {
    if (this.namesRevision === this.registry.revision) return;
    this.namesRevision = this.registry.revision;
    this.names.clear();
    this.cache.clear();
    this.lastText = this.lastAnswer = undefined;
    const profiles = this.registry.all();
    const add = (key: string, id: string) => {
      if (key !== "" && !this.names.has(key)) this.names.set(key, id);
    };
    for (const p of profiles) add(foldName(p.id), p.id);
    for (const p of profiles) add(foldName(p.name), p.id);
    for (const p of profiles) add(foldName(p.legalName), p.id);
    for (const p of profiles)
      for (const n of [p.name, p.legalName]) {
        const first = foldName(n).split(" ")[0] ?? "";
        if (first.length >= 3) add(first, p.id);
      }
  }

  /** The profile a vendor text names (id, name, legal name or its first word), without options. */
  profileNamed(vendor: string): VendorProfile | undefined {
    this.refresh();
    const exact = this.registry.get(vendor);
    if (exact) return exact;
    const folded = foldName(vendor);
    const id = this.names.get(folded) ?? this.names.get(folded.split(" ")[0] ?? "");
    return id === undefined ? undefined : this.registry.get(id);
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
    const profile = this.profileNamed(choice.vendor);
    if (!profile) {
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
