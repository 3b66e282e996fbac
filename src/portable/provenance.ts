import { formatIsoDay, type Day, type Language, type VendorProfile } from "../engine";

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
      ? `Échéance — valeurs calculées le ${formatIsoDay(computedOn)}, arrêté au ${formatIsoDay(asOf)}.`
      : `Échéance — values computed on ${formatIsoDay(computedOn)}, as of ${formatIsoDay(asOf)}.`,
  ];
  const seen = new Set<string>();
  for (const { profile, spec } of vendors) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    lines.push(
      fr
        ? `Fournisseur : ${profile.legalName} (${spec}), profil ${profile.profileVersion}, « ${profile.document.title} » (version ${profile.document.version}).`
        : `Vendor: ${profile.legalName} (${spec}), profile ${profile.profileVersion}, "${profile.document.title}" (version ${profile.document.version}).`,
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
