import { recognizeHeaders, type ApplyOptions, type CellValue, type HeaderRecognition } from "../../apply";
import type { RateRow, VendorProfile } from "../../engine";
import type { StoredRegister } from "../../storage";
import { checkRemembered, skipReasonText } from "../../write";
import { readRatesOption } from "../rates";
import { describeMapping } from "../register-file";
import { termsInForce, type TermsInForce } from "../stored-terms";
import { givenVendorsLine, loadVendorFiles, withGivenVendors } from "../vendor-files";
import type { ApplyArgs } from "./args";
import { APPLY_TEXT } from "./messages";
import { Skipped, Stop, type Printer } from "./printer";

/**
 * What `echeance apply` decides before it plans: the terms in force (said on the first lines), the
 * headers recognised (or a remembered register checked as the pane's « Tout recalculer » checks it),
 * the mapping printed, and the register core's options.
 */

/** The rate rows of --rates, or a stop naming every problem. */
export async function rateRows(args: ApplyArgs, p: Printer): Promise<readonly RateRow[]> {
  if (args.rates === undefined) return [];
  const read = await readRatesOption(args.rates);
  if (read.ok) return read.rows;
  for (const problem of read.problems) p.error(problem);
  throw new Stop(2);
}

/** The terms of a run: those in force, and the vendors given with --vendor-file (already in the registry). */
export interface RunTerms extends TermsInForce {
  /** The --vendor-file vendors: the output workbook stores them, as the pane stores a vendor it saves. */
  readonly given: readonly VendorProfile[];
}

/**
 * The terms in force (the workbook's stored parts unless ignored, and --rates), with the --vendor-file
 * vendors added (or replacing a vendor of the same id), said on the first lines. Nothing is computed
 * when a vendor file has a problem.
 */
export async function terms(
  args: ApplyArgs,
  storedParts: (() => Promise<readonly string[]> | readonly string[]) | undefined,
  p: Printer,
): Promise<RunTerms> {
  const given = await loadVendorFiles(args.vendorFiles);
  if (!given.ok) {
    for (const problem of given.problems) p.error(problem);
    throw new Stop(2);
  }
  const parts = args.ignoreStoredTerms || !storedParts ? undefined : await storedParts();
  const inForce = await termsInForce(parts, await rateRows(args, p), args.ignoreStoredTerms);
  p.say(inForce.line);
  if (given.vendors.length > 0) p.say(givenVendorsLine(given.vendors));
  for (const issue of inForce.issues) p.caution(issue);
  return {
    ...inForce,
    registry: withGivenVendors(inForce.registry, given.vendors),
    given: given.vendors.map((v) => v.profile),
  };
}

/**
 * --all: a remembered register read again, checked as the pane's « Tout recalculer » checks it (the
 * same input columns, what the mode needs mapped, the user's choice of columns when one was stored).
 */
function rememberedRecognition(
  register: StoredRegister,
  headers: readonly CellValue[],
): { recognition: HeaderRecognition; recognized: HeaderRecognition["mapping"] } {
  const check = checkRemembered(register, headers);
  if (!check.ok) throw new Skipped(skipReasonText(check.reason));
  return { recognition: check.recognition, recognized: check.recognized };
}

export interface Recognised {
  readonly options: ApplyOptions;
  readonly recognition: HeaderRecognition;
  /** The mapping the headers give by themselves (the options' may be the user's stored choice). */
  readonly recognized: HeaderRecognition["mapping"];
}

/** Recognises the headers, prints the mapping, and builds the core's options; stops when it cannot. */
export function applyOptions(
  args: ApplyArgs,
  headers: readonly CellValue[],
  headerRow: number,
  inForce: TermsInForce,
  p: Printer,
): Recognised {
  const remembered = args.remembered ? rememberedRecognition(args.remembered, headers) : undefined;
  const rec = remembered?.recognition ?? recognizeHeaders(headers, args.mode ? { mode: args.mode } : {});
  if (rec.mode === undefined) {
    for (const problem of rec.problems) p.warn(problem.message[p.lang]);
    throw p.fail(APPLY_TEXT.modeUnknown, 1);
  }
  for (const problem of rec.problems) p.caution(problem.message);
  if (rec.problems.some((x) => x.kind === "missing" || x.kind === "out-of-range")) throw new Stop(1);
  if (args.vendor === undefined && rec.mapping.vendor === undefined)
    throw p.fail(APPLY_TEXT.vendorRequired, 2);
  p.say(APPLY_TEXT.columns(rec.mode, describeMapping(rec.mapping, headers, p.lang)));
  if (rec.unrecognized.length > 0)
    p.say(APPLY_TEXT.columnsNotUsed(rec.unrecognized.map((u) => u.header).join(", ")));
  const options: ApplyOptions = {
    mode: rec.mode,
    mapping: rec.mapping,
    headers,
    asOf: args.asOf,
    lang: p.lang,
    firstRowNumber: headerRow + 1,
    registry: inForce.registry,
    settings: inForce.settings,
    ...(args.vendor !== undefined ? { vendor: args.vendor } : {}),
    defaults: {
      ...(args.kind !== undefined ? { invoiceKind: args.kind } : {}),
      ...(args.plan !== undefined ? { plan: args.plan } : {}),
      ...(args.client !== undefined ? { clientType: args.client } : {}),
    },
  };
  return { options, recognition: rec, recognized: remembered?.recognized ?? rec.mapping };
}
