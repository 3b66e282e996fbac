import type { VendorProfile } from "../engine";
import { normalizeHeader } from "./headers";

/**
 * Register cell texts that name an engine id in the accountant's words: client types, invoice kinds and plans in French or English. The ids themselves are always accepted
 * (case-insensitive); anything else unknown is passed on so the engine's error lists the valid ids.
 */

// Client types are read as the custom functions read them: one word list for both.
export { clientTypeFromText } from "../input/client-type";

/** Words → candidate ids, the first one the vendor has wins. A Map: cell text never indexes an object. */
function wordMap(words: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, readonly string[]> {
  return new Map(Object.entries(words));
}

const KIND_WORDS: ReadonlyMap<string, readonly string[]> = wordMap({
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
});

const PLAN_WORDS: ReadonlyMap<string, readonly string[]> = wordMap({
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
});

function fromWords(
  text: string,
  ids: readonly string[],
  words: ReadonlyMap<string, readonly string[]>,
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
  for (const id of words.get(norm) ?? []) if (ids.includes(id)) return id;
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
