import { formatDate, type Day, type Language, type VendorProfile } from "../engine";

/**
 * The terms' version as the note's language writes it. The shipped profiles record an undated document
 * as "undated (as collected)" (src/engine/vendors/*.ts): English data, shown in French as « non datée
 * (telle que collectée) ». A dated version (« 2024-03 », « v4.2 ») reads the same in both languages.
 */
function documentVersion(version: string, lang: Language): string {
  if (lang === "fr" && version.trim().toLowerCase() === "undated (as collected)")
    return "non datée (telle que collectée)";
  return version;
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
  const fr = lang === "fr";
  const lines = [
    fr
      ? `Échéance — valeurs calculées le ${formatDate(computedOn, lang)}, arrêté au ${formatDate(asOf, lang)}.`
      : `Échéance — values computed on ${formatDate(computedOn, lang)}, as of ${formatDate(asOf, lang)}.`,
  ];
  const seen = new Set<string>();
  for (const { profile, spec } of vendors) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    lines.push(
      fr
        ? `Fournisseur : ${profile.legalName} (${spec}), profil ${profile.profileVersion}, « ${profile.document.title} » (version ${documentVersion(profile.document.version, lang)}).`
        : `Vendor: ${profile.legalName} (${spec}), profile ${profile.profileVersion}, "${profile.document.title}" (version ${documentVersion(profile.document.version, lang)}).`,
    );
  }
  if (perRowVendors)
    lines.push(
      fr
        ? "Le fournisseur de chaque ligne est celui de la colonne Fournisseur."
        : "Each row's vendor is the one in the Vendor column.",
    );
  lines.push(
    fr
      ? "Ce sont des valeurs : elles ne suivent pas les modifications ultérieures du registre (appliquez à nouveau)."
      : "These are values: they do not follow later edits of the register (apply again).",
  );
  return lines.join("\n");
}
