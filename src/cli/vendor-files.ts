import { promises as fs } from "node:fs";
import { BUILT_IN_VENDORS, VendorRegistry, type Text, type VendorProfile } from "../engine";
import { importProfileJson, MAX_PROFILE_CHARS } from "../storage";
import { fileProblem } from "./register-file";

/**
 * Vendors given on the command line (`--vendor-file FILE`, repeatable): profile files as the pane
 * exports them or `echeance vendor import` writes them, read by the one profile JSON reader (size
 * and depth limits, the engine's schema). For the run, a given vendor works like a shipped one; a
 * given vendor with a shipped vendor's id replaces it, as a workbook's stored copy does. `fn`,
 * `report` and `apply` all load them through `loadVendorFiles`, then `withGivenVendors`.
 */

export interface GivenVendor {
  readonly file: string;
  readonly profile: VendorProfile;
}

export type VendorFiles =
  | { readonly ok: true; readonly vendors: readonly GivenVendor[] }
  | { readonly ok: false; readonly problems: readonly Text[] };

/** Up to this many schema problems are listed per file; the count says how many more. */
const LISTED_ISSUES = 8;

/** One profile file, or what is wrong with it (naming the file and the JSON paths). */
export async function readVendorFile(file: string): Promise<GivenVendor | Text> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return fileProblem({ code: "EISDIR" }, file);
    // Read no more than the reader accepts (4 bytes a character at most), so a huge file costs nothing.
    if (stat.size > 4 * MAX_PROFILE_CHARS)
      return {
        en: `${file}: the vendor file is too large (${stat.size} bytes): a vendor profile is a few kilobytes.`,
        fr: `${file} : le fichier fournisseur est trop volumineux (${stat.size} octets) : un profil fournisseur fait quelques kilo-octets.`,
      };
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    return fileProblem(e, file);
  }
  const r = importProfileJson(text.replace(/^\ufeff/, ""));
  if (r.ok) return { file, profile: r.profile };
  const listed = r.issues.slice(0, LISTED_ISSUES).map((i) => `${i.path}: ${i.message}`);
  const more = r.issues.length > LISTED_ISSUES ? ` (+${r.issues.length - LISTED_ISSUES})` : "";
  const detail = listed.length > 0 ? ` — ${listed.join("; ")}${more}` : "";
  return {
    en: `${file}: ${r.message.en}${detail}`,
    fr: `${file} : ${r.message.fr}${detail.replace(/; /g, " ; ")}`,
  };
}

/** Every file given, in order; nothing is used when one of them has a problem. */
export async function loadVendorFiles(files: readonly string[]): Promise<VendorFiles> {
  const vendors: GivenVendor[] = [];
  const problems: Text[] = [];
  for (const file of files) {
    const read = await readVendorFile(file);
    if (!("profile" in read)) {
      problems.push(read);
      continue;
    }
    const twin = vendors.find((v) => v.profile.id === read.profile.id);
    if (twin)
      problems.push({
        en: `${file} and ${twin.file} both define the vendor "${read.profile.id}": give one of them.`,
        fr: `${file} et ${twin.file} définissent tous deux le fournisseur « ${read.profile.id} » : n'en donnez qu'un.`,
      });
    else vendors.push(read);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, vendors };
}

/** The registry for the run: `base` (shipped, or a workbook's) with the given vendors added or replacing. */
export function withGivenVendors(base: VendorRegistry, vendors: readonly GivenVendor[]): VendorRegistry {
  if (vendors.length === 0) return base;
  const registry = new VendorRegistry(base.all());
  for (const v of vendors) registry.set(v.profile);
  return registry;
}

const GIVEN = {
  en: { line: "Given vendors: ", replaces: ", replaces the shipped vendor" },
  fr: { line: "Fournisseurs donnés : ", replaces: ", remplace le fournisseur livré" },
} as const;

/** « Fournisseurs donnés : acme (acme.echeance-vendor.json), omi (remplace le fournisseur livré) ». */
export function givenVendorsLine(vendors: readonly GivenVendor[]): Text {
  const shipped = new Set(BUILT_IN_VENDORS.map((p) => p.id));
  const each = (lang: "en" | "fr") =>
    vendors
      .map((v) => `${v.profile.id} (${v.file}${shipped.has(v.profile.id) ? GIVEN[lang].replaces : ""})`)
      .join(", ");
  return { en: `${GIVEN.en.line}${each("en")}`, fr: `${GIVEN.fr.line}${each("fr")}` };
}
