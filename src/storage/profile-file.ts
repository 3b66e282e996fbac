import { checkProfile, type SchemaIssue, type Text, type VendorProfile } from "../engine";
import { MAX_PROFILE_CHARS } from "./document";
import { parseUntrustedJson } from "./json";

/**
 * A vendor profile as a JSON file, for import and export in the custom-vendor form. An imported
 * file is untrusted: size and depth limits, `JSON.parse` only, the engine's schema (which copies
 * known fields into fresh objects), and messages that name the JSON path.
 */

export type ImportResult =
  | { readonly ok: true; readonly profile: VendorProfile }
  | { readonly ok: false; readonly message: Text; readonly issues: readonly SchemaIssue[] };

export function importProfileJson(text: unknown): ImportResult {
  const json = parseUntrustedJson(text, MAX_PROFILE_CHARS);
  if (!json.ok)
    return {
      ok: false,
      message: {
        en: `The profile file is ${json.message.en}.`,
        fr: `Le fichier de profil est ${json.message.fr}.`,
      },
      issues: [],
    };
  const checked = checkProfile(json.value);
  if (checked.ok) return { ok: true, profile: checked.profile };
  const n = checked.issues.length;
  return {
    ok: false,
    message: {
      en: `The profile file is not a valid vendor profile (${n} problem${n > 1 ? "s" : ""}).`,
      fr: `Le fichier n'est pas un profil fournisseur valide (${n} problème${n > 1 ? "s" : ""}).`,
    },
    issues: checked.issues,
  };
}

/** The profile as an indented JSON file, and a file name from its id. */
export function exportProfileJson(profile: VendorProfile): { fileName: string; text: string } {
  return { fileName: `${profile.id}.echeance-vendor.json`, text: `${JSON.stringify(profile, null, 2)}\n` };
}
