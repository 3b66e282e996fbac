import {
  DEFAULT_SETTINGS,
  resolveVendor,
  SHIPPED_REGISTRY,
  type Settings,
  type VendorProfile,
  type VendorRegistry,
} from "../engine";
import { normalizeHeader } from "./headers";

/**
 * Register cell texts that name an engine id in the accountant's words: vendors by id or name,
 * client types, invoice kinds and plans in French or English. The ids themselves are always accepted
 * (case-insensitive); anything else unknown is passed on so the engine's error lists the valid ids.
 */

// Client types are read as the custom functions read them: one word list for both.
export { clientTypeFromText } from "../adapter/client-type";

/** Words → candidate ids, the first one the vendor has wins. */
const KIND_WORDS: Record<string, readonly string[]> = {
  acompte: ["deposit"],
  "facture acompte": ["deposit"],
  solde: ["balance", "consulting"],
  "solde projet": ["balance"],
  formation: ["training"],
  "solde formation": ["training"],
  conseil: ["consulting"],
  "solde conseil": ["consulting"],
  "mise place": ["setup"],
  installation: ["setup"],
  parametrage: ["setup"],
  abonnement: ["subscription"],
  annexe: ["annex"],
  maintenance: ["annex"],
  support: ["annex"],
  etude: ["study"],
  "etude carte": ["study"],
  "premiere commande": ["first-order"],
  "first order": ["first-order"],
  "commande export": ["export"],
};

const PLAN_WORDS: Record<string, readonly string[]> = {
  "sans engagement": ["no-commitment"],
  "engagement mensuel": ["commitment-monthly"],
  "avec engagement": ["commitment-monthly"],
  engagement: ["commitment-monthly"],
  mensuel: ["commitment-monthly", "subscription", "standard"],
  "engagement annuel": ["commitment-annual"],
  annuel: ["commitment-annual", "standard"],
  "abonnement annuel": ["standard", "commitment-annual"],
  "paiement annuel": ["commitment-annual"],
  abonnement: ["subscription", "standard"],
  "abonnement mensuel": ["subscription", "commitment-monthly"],
};

function fromWords(
  text: string,
  ids: readonly string[],
  words: Record<string, readonly string[]>,
  defaultId?: string,
): string {
  const lower = text.trim().toLowerCase();
  if (ids.includes(lower)) return lower;
  const norm = normalizeHeader(text);
  const byDash = norm.replace(/ /g, "-");
  if (ids.includes(byDash)) return byDash;
  if (
    defaultId !== undefined &&
    ["facture", "invoice", "standard", "normale", "ordinaire", "default", "defaut"].includes(norm)
  ) {
    if (ids.includes(norm)) return norm;
    return defaultId;
  }
  for (const id of words[norm] ?? []) if (ids.includes(id)) return id;
  return text.trim();
}

/** An invoice kind cell as the vendor's kind id ("Acompte" → "deposit"); unknown text is returned trimmed. */
export function invoiceKindId(profile: VendorProfile, text: string): string {
  return fromWords(
    text,
    profile.invoiceKinds.map((k) => k.id),
    KIND_WORDS,
    profile.defaultInvoiceKind,
  );
}

/** A plan cell as the vendor's plan id ("Sans engagement" → "no-commitment"); unknown text is returned trimmed. */
export function planId(profile: VendorProfile, text: string): string {
  const s = profile.subscription;
  if (s.kind !== "plans") return text.trim();
  return fromWords(
    text,
    s.plans.map((p) => p.id),
    PLAN_WORDS,
  );
}

export interface ResolvedVendor {
  readonly profile: VendorProfile;
  readonly settings: Settings;
  /** The spec as the engine reads it ("omi", "xiahdeh+flat"). */
  readonly spec: string;
}

/**
 * Resolves vendor specs once each: "omi", "OMI", "xiahdeh+flat", or a vendor's name ("Sillage.ai",
 * "DIGITALLI SAS") → its id. Throws the engine's error for an unknown vendor or option.
 */
export class VendorResolver {
  private readonly cache = new Map<string, ResolvedVendor | Error>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly registry: VendorRegistry = SHIPPED_REGISTRY,
    private readonly base: Settings = DEFAULT_SETTINGS,
  ) {
    for (const p of registry.all()) this.addNames(p);
  }

  private addNames(p: VendorProfile): void {
    for (const n of [p.id, p.name, p.legalName]) {
      const norm = normalizeHeader(n);
      if (norm !== "" && !this.names.has(norm)) this.names.set(norm, p.id);
      const first = norm.split(" ")[0];
      if (first !== undefined && first.length >= 3 && !this.names.has(first)) this.names.set(first, p.id);
    }
  }

  resolve(spec: string): ResolvedVendor {
    const key = spec.trim();
    const hit = this.cache.get(key);
    if (hit instanceof Error) throw hit;
    if (hit) return hit;
    try {
      const resolved = this.resolveUncached(key);
      this.cache.set(key, resolved);
      return resolved;
    } catch (e) {
      if (e instanceof Error) this.cache.set(key, e);
      throw e;
    }
  }

  private resolveUncached(spec: string): ResolvedVendor {
    const [head = "", ...options] = spec.split("+");
    let id = head.trim().toLowerCase();
    if (this.registry.get(id) === undefined) {
      const norm = normalizeHeader(head);
      id = this.names.get(norm) ?? this.names.get(norm.split(" ")[0] ?? "") ?? id;
    }
    const full = [id, ...options.map((o) => o.trim().toLowerCase())].join("+");
    const { profile, settings } = resolveVendor(full, this.registry, this.base);
    return { profile, settings, spec: full };
  }
}
