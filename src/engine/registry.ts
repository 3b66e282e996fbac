import { invalidInput } from "./errors";
import type { VendorProfile } from "./profile";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import { SHIPPED_VENDORS } from "./vendors";

/** The vendors a computation may name: the shipped ones, plus those a workbook or user adds. */
export class VendorRegistry {
  private readonly byId = new Map<string, VendorProfile>();

  constructor(profiles: readonly VendorProfile[] = SHIPPED_VENDORS) {
    for (const p of profiles) this.byId.set(p.id, p);
  }

  /** Adds or replaces a profile (a workbook's stored profile replaces the shipped one of that id). */
  set(profile: VendorProfile): void {
    this.byId.set(profile.id, profile);
  }

  get(id: string): VendorProfile | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): VendorProfile[] {
    return [...this.byId.values()];
  }
}

export const SHIPPED_REGISTRY = new VendorRegistry();

/** Options every vendor accepts after a "+": the holiday calendar and the end-of-month method. */
const GLOBAL_OPTIONS: Record<string, (s: MutableSettings) => void> = {
  "alsace-moselle": (s) => (s.holidays = "alsace-moselle"),
  metropole: (s) => (s.holidays = "metropole"),
  "eom-then-days": (s) => (s.endOfMonthMethod = "eom-then-days"),
  "days-then-eom": (s) => (s.endOfMonthMethod = "days-then-eom"),
};

type MutableSettings = { -readonly [K in keyof Settings]: Settings[K] };

/** The interpretation options a profile defines ("flat" for Xiahdeh). */
export function profileOptions(profile: VendorProfile): string[] {
  const options = new Set<string>();
  for (const i of profile.interpretations) if (i.option) options.add(i.option);
  if (profile.latePayment.flatAlternative) options.add(profile.latePayment.flatAlternative.option);
  return [...options];
}

export function vendorOptions(profile: VendorProfile): string[] {
  return [...profileOptions(profile), ...Object.keys(GLOBAL_OPTIONS)];
}

/**
 * Resolves a vendor argument: an id, case-insensitive, optionally followed by options joined with
 * "+": "xiahdeh+flat", "digitalli+eom-then-days", "sillage+alsace-moselle".
 */
export function resolveVendor(
  spec: string,
  registry: VendorRegistry = SHIPPED_REGISTRY,
  base: Settings = DEFAULT_SETTINGS,
): { profile: VendorProfile; settings: Settings } {
  const [rawId = "", ...rawOptions] = spec.split("+").map((part) => part.trim().toLowerCase());
  const profile = registry.get(rawId);
  if (!profile) {
    const known = registry.ids().join(", ");
    throw invalidInput(
      "vendor",
      rawId === ""
        ? `vendor is empty: expected one of ${known}.`
        : `vendor "${rawId}" is unknown: expected one of ${known}.`,
      rawId === ""
        ? `vendor est vide : attendu l'un de ${known}.`
        : `vendor « ${rawId} » est inconnu : attendu l'un de ${known}.`,
    );
  }
  const settings: MutableSettings = { ...base, readings: new Set(base.readings) };
  const own = profileOptions(profile);
  const readings = new Set<string>(base.readings);
  for (const option of rawOptions) {
    const global = GLOBAL_OPTIONS[option];
    if (global) global(settings);
    else if (own.includes(option)) readings.add(option);
    else {
      const valid = vendorOptions(profile).join(", ");
      throw invalidInput(
        "vendor",
        `option "${option}" is not an option of ${profile.id}: expected one of ${valid} (e.g. "${profile.id}+${own[0] ?? "alsace-moselle"}").`,
        `l'option « ${option} » n'est pas une option de ${profile.id} : attendu l'une de ${valid} (par ex. « ${profile.id}+${own[0] ?? "alsace-moselle"} »).`,
      );
    }
  }
  settings.readings = readings;
  return { profile, settings };
}
