import { promises as fs } from "node:fs";
import {
  SHIPPED_REGISTRY,
  vendorResolver,
  type Language,
  type VendorProfile,
  type VendorRegistry,
} from "../../engine";
import { readCustomXmlParts } from "../../xlsx";
import { readOptions, usage, type OptionSpec } from "../args";
import type { CliIo } from "../io";
import { commandError } from "../messages";
import { fileProblem } from "../register-file";
import { termsInForce } from "../stored-terms";
import { loadVendorFiles, readVendorFile, withGivenVendors, type GivenVendor } from "../vendor-files";
import { MESSAGES } from "./messages";
import { vendorSummaryText } from "./summary";

/**
 * `echeance vendor show ID|FILE` prints a vendor's summary (summary.ts),
 * and `echeance vendors` lists the vendors in force: shipped, stored in a given workbook, given as
 * files.
 */

const SHOW_OPTIONS = {
  "vendor-file": { type: "string", multiple: true },
  workbook: { type: "string" },
  lang: { type: "string", choices: ["fr", "en"] },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

export const LIST_OPTIONS = SHOW_OPTIONS;

interface InForce {
  readonly registry: VendorRegistry;
  readonly stored: ReadonlySet<string>;
  readonly given: readonly GivenVendor[];
}

/** The vendors in force: shipped, then a workbook's stored ones, then the given files. */
async function vendorsInForce(
  workbook: string | undefined,
  files: readonly string[],
  io: CliIo,
  lang: Language,
  command: string,
): Promise<InForce | undefined> {
  let registry = SHIPPED_REGISTRY;
  const stored = new Set<string>();
  if (workbook !== undefined) {
    try {
      const parts = await readCustomXmlParts(workbook);
      const inForce = await termsInForce(parts, [], false);
      registry = inForce.registry;
      for (const p of inForce.stored?.profiles ?? []) stored.add(p.profile.id);
    } catch (e) {
      const why = fileProblem(e, workbook);
      io.stderr.write(`${commandError(command, why, lang)}\n`);
      return undefined;
    }
  }
  const given = await loadVendorFiles(files);
  if (!given.ok) {
    for (const p of given.problems) io.stderr.write(`${commandError(command, p, lang)}\n`);
    return undefined;
  }
  return { registry: withGivenVendors(registry, given.vendors), stored, given: given.vendors };
}

export async function runVendorShow(argv: readonly string[], io: CliIo, language: Language): Promise<number> {
  const { options: o, positional } = readOptions(argv, SHOW_OPTIONS, language);
  if (positional.length !== 1) throw usage(language, MESSAGES.oneVendor.en, MESSAGES.oneVendor.fr);
  const wanted = positional[0] as string;
  const isFile =
    /\.json$/i.test(wanted) ||
    (await fs.stat(wanted).then(
      (s) => s.isFile(),
      () => false,
    ));
  let profile: VendorProfile | undefined;
  if (isFile) {
    const read = await readVendorFile(wanted);
    if (!("profile" in read)) {
      io.stderr.write(`${commandError("vendor show", read, language)}\n`);
      return 1;
    }
    profile = read.profile;
  } else {
    const inForce = await vendorsInForce(o.workbook, o["vendor-file"] ?? [], io, language, "vendor show");
    if (!inForce) return 1;
    const found = vendorResolver(inForce.registry).lookupName(wanted);
    if (found.kind !== "found") {
      const known = inForce.registry.ids().join(", ");
      const text = MESSAGES.unknownVendor(wanted, known);
      io.stderr.write(`${commandError("vendor show", text, language)}\n`);
      return 1;
    }
    profile = found.profile;
  }
  io.stdout.write(`${vendorSummaryText(profile, language)}\n`);
  return 0;
}

export async function runVendors(argv: readonly string[], io: CliIo, language: Language): Promise<number> {
  const { options: o } = readOptions(argv, LIST_OPTIONS, language);
  const inForce = await vendorsInForce(o.workbook, o["vendor-file"] ?? [], io, language, "vendors");
  if (!inForce) return 1;
  const given = new Map(inForce.given.map((g) => [g.profile.id, g.file]));
  const rows = inForce.registry.all().map((p) => {
    const origin = given.has(p.id)
      ? `${MESSAGES.origin.file[language]} ${given.get(p.id)}`
      : inForce.stored.has(p.id)
        ? MESSAGES.origin.workbook[language]
        : MESSAGES.origin.shipped[language];
    return [p.id, p.name, origin, (p.invoiceNames ?? []).join(", ")].join("\t");
  });
  io.stdout.write(`${[MESSAGES.listHead[language], ...rows].join("\n")}\n`);
  return 0;
}
