import { DEFAULT_RATE_TABLE, type Language } from "../../engine";
import { languageOf, usage } from "../args";
import type { CliIo } from "../io";
import { runVendorCheck } from "./check";
import { runVendorImport } from "./import";
import { USAGE, MESSAGES } from "./messages";
import { runVendors, runVendorShow } from "./show";

/** `echeance vendor import|check|show …` and `echeance vendors` (issue 23). */

export const vendorUsage = (lang: Language): string => USAGE[lang];

export async function runVendor(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const [action, ...rest] = argv;
  if (
    action === undefined ||
    action === "--help" ||
    action === "-h" ||
    rest.includes("--help") ||
    rest.includes("-h")
  ) {
    if (action === undefined) throw usage(lang, MESSAGES.whichAction.en, MESSAGES.whichAction.fr);
    io.stdout.write(USAGE[lang]);
    return 0;
  }
  switch (action) {
    case "import":
      return runVendorImport(rest, io, lang, DEFAULT_RATE_TABLE);
    case "check":
      return runVendorCheck(rest, io, lang);
    case "show":
      return runVendorShow(rest, io, lang);
    default:
      throw usage(lang, MESSAGES.unknownAction(action).en, MESSAGES.unknownAction(action).fr);
  }
}

export async function runVendorsList(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(USAGE[lang]);
    return 0;
  }
  return runVendors(argv, io, lang);
}
