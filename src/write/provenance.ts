import { formatDate, type Day, type Language, type Text, type VendorProfile } from "../engine";

/** The provenance note's sentences, in French and English. */
const NOTE = {
  computed: (computedOn: Day, asOf: Day): Text => ({
    en: `Échéance — values computed on ${formatDate(computedOn, "en")}, as of ${formatDate(asOf, "en")}.`,
    fr: `Échéance — valeurs calculées le ${formatDate(computedOn, "fr")}, arrêté au ${formatDate(asOf, "fr")}.`,
  }),
  vendor: (profile: VendorProfile, spec: string): Text => ({
    en: `Vendor: ${profile.legalName} (${spec}), profile ${profile.profileVersion}, "${profile.document.title}" (version ${documentVersion(profile.document.version).en}).`,
    fr: `Fournisseur : ${profile.legalName} (${spec}), profil ${profile.profileVersion}, « ${profile.document.title} » (version ${documentVersion(profile.document.version).fr}).`,
  }),
  perRow: {
    en: "Each row's vendor is the one in the Vendor column.",
    fr: "Le fournisseur de chaque ligne est celui de la colonne Fournisseur.",
  },
  values: {
    en: "These are values: they do not follow later edits of the register (apply again).",
    fr: "Ce sont des valeurs : elles ne suivent pas les modifications ultérieures du registre (appliquez à nouveau).",
  },
} as const;

/**
 * The terms' version as each language writes it. The shipped profiles record an undated document as
 * "undated (as collected)" (src/engine/vendors/*.ts): English data, shown in French as « non datée
 * (telle que collectée) ». A dated version (« 2024-03 », « v4.2 ») reads the same in both languages.
 */
function documentVersion(version: string): Text {
  return version.trim().toLowerCase() === "undated (as collected)"
    ? { en: version, fr: "non datée (telle que collectée)" }
    : { en: version, fr: version };
}

/**
 * The provenance note written on the first output header cell in values mode: which vendor profile
 * (and version) computed the values, on which day, as of which date — values do not follow edits.
 */
export function provenanceNote(
  vendors: readonly { readonly profile: VendorProfile; readonly spec: string }[],
  computedOn: Day,
  asOf: Day,
  lang: Language,
  perRowVendors = false,
): string {
  const lines: Text[] = [NOTE.computed(computedOn, asOf)];
  const seen = new Set<string>();
  for (const { profile, spec } of vendors) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    lines.push(NOTE.vendor(profile, spec));
  }
  if (perRowVendors) lines.push(NOTE.perRow);
  lines.push(NOTE.values);
  return lines.map((line) => line[lang]).join("\n");
}
