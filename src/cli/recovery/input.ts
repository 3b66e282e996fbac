import { recognizeHeaders, type ApplyOptions, type HeaderRecognition } from "../../apply";
import { formatDate, isEngineError, type Day, type ResolvedVendor } from "../../engine";
import {
  buildRecovery,
  clientKey,
  readRecoveryRegister,
  recoveryMappingProblems,
  type RecoveryBook,
  type RecoveryRegister,
} from "../../recovery";
import { readDate } from "../../input/cell-values";
import { Stop, type Printer } from "../printer";
import { readRatesOption } from "../rates";
import {
  describeLocation,
  describeMapping,
  fileProblem,
  readRegisterFile,
  registerOptions,
  type RegisterFile,
} from "../register-file";
import { termsInForce, type TermsInForce } from "../stored-terms";
import { givenVendorsLine, loadVendorFiles, withGivenVendors } from "../vendor-files";
import { RECOVERY_CLI_TEXT } from "./messages";

/**
 * The register read for a recovery command, the same way for `report --kind statement` and `letters`:
 * the file (xlsx or CSV) read whole, the terms in force (the workbook's stored terms, --rates), the
 * headers recognised as Apply recognises them, what recovery needs mapped (a client, invoice numbers),
 * the rows read by recovery's register adapter (Apply's row reader), every row left out said, and the
 * book of claims per client as of the date d'arrêté. Each step says what it read on its line.
 */

export interface RecoveryInputArgs {
  readonly input: string;
  readonly vendor?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
  /** The date d'arrêté, as given (any date text Apply reads). */
  readonly asOf: string;
  readonly rates?: string;
  readonly ignoreStoredTerms: boolean;
  /** Vendor profiles given with --vendor-file, usable like shipped vendors. */
  readonly vendorFiles: readonly string[];
  /** Only this client. */
  readonly client?: string;
}

export interface RecoveryInput {
  /** The register file read. */
  readonly file: string;
  readonly register: RegisterFile;
  readonly inForce: TermsInForce;
  readonly recognition: HeaderRecognition;
  /** Apply's options the rows were read with (a recording copy applies with the same). */
  readonly options: ApplyOptions;
  readonly reading: RecoveryRegister;
  readonly vendor: ResolvedVendor;
  readonly asOf: Day;
  readonly book: RecoveryBook;
}

/** How many client names a « no client matches » message lists. */
const CLIENTS_LISTED = 12;

async function termsOf(args: RecoveryInputArgs, register: RegisterFile, p: Printer): Promise<TermsInForce> {
  let fileRows: Awaited<ReturnType<typeof readRatesOption>> | undefined;
  if (args.rates !== undefined) {
    fileRows = await readRatesOption(args.rates);
    if (!fileRows.ok) {
      for (const problem of fileRows.problems) p.error(problem);
      throw new Stop(2);
    }
  }
  const inForce = await termsInForce(
    args.ignoreStoredTerms ? undefined : register.customXmlParts,
    fileRows?.ok ? fileRows.rows : [],
    args.ignoreStoredTerms,
  );
  p.say(inForce.line);
  for (const issue of inForce.issues) p.caution(issue);
  const given = await loadVendorFiles(args.vendorFiles);
  if (!given.ok) {
    for (const problem of given.problems) p.error(problem);
    throw new Stop(2);
  }
  if (given.vendors.length === 0) return inForce;
  p.say(givenVendorsLine(given.vendors));
  return { ...inForce, registry: withGivenVendors(inForce.registry, given.vendors) };
}

/** Apply's header recognition, with what recovery needs besides; every problem said, a stop when one blocks. */
function recognition(args: RecoveryInputArgs, register: RegisterFile, p: Printer): HeaderRecognition {
  const rec = recognizeHeaders(register.headers, { mode: "invoices" });
  const blocking = rec.problems.filter((x) => x.kind === "missing" || x.kind === "out-of-range");
  for (const problem of rec.problems) if (!blocking.includes(problem)) p.caution(problem.message);
  const recovery = recoveryMappingProblems(rec);
  if (blocking.length > 0 || recovery.length > 0) {
    for (const problem of blocking) p.error(problem.message);
    for (const problem of recovery) p.error(problem);
    throw new Stop(1);
  }
  if (args.vendor === undefined && rec.mapping.vendor === undefined)
    throw p.fail(RECOVERY_CLI_TEXT.vendorRequired, 2);
  p.say(RECOVERY_CLI_TEXT.columns(describeMapping(rec.mapping, register.headers, p.lang)));
  return rec;
}

/** The rows Apply and the adapter could not take, and the doubts, each with its sentence. */
function sayRows(reading: RecoveryRegister, p: Printer): void {
  if (reading.leftOut.length > 0) {
    p.caution(RECOVERY_CLI_TEXT.leftOut(reading.leftOut.length));
    for (const note of reading.leftOut) p.warn(`  ${note.message}`);
  }
  if (reading.warnings.length > 0) {
    p.caution(RECOVERY_CLI_TEXT.doubts(reading.warnings.length));
    for (const note of reading.warnings) p.warn(`  ${note.message}`);
  }
}

/** With --client, a book with no client at all: said with the register's clients, and a stop. */
function checkClientMatched(
  args: RecoveryInputArgs,
  reading: RecoveryRegister,
  book: RecoveryBook,
  p: Printer,
) {
  if (args.client === undefined) return;
  if (book.clients.length > 0 || book.excluded.length > 0 || book.nothingLate.length > 0) return;
  const names = new Map<string, string>();
  for (const i of reading.invoices)
    if (!names.has(clientKey(i.client))) names.set(clientKey(i.client), i.client);
  const known = [...names.values()];
  throw p.fail(
    RECOVERY_CLI_TEXT.noClientMatches(
      args.client,
      known.slice(0, CLIENTS_LISTED),
      known.length - CLIENTS_LISTED,
    ),
    1,
  );
}

/** Reads the register for recovery and builds the book of claims; stops (printed) when it cannot. */
export async function readRecoveryInput(args: RecoveryInputArgs, p: Printer): Promise<RecoveryInput> {
  let register: RegisterFile;
  try {
    register = await readRegisterFile(args.input, registerOptions({ ...args, mode: "invoices" }));
  } catch (e) {
    throw p.fail(fileProblem(e, args.input), 1);
  }
  p.say(describeLocation(register, args.input, p.lang));
  const inForce = await termsOf(args, register, p);
  const rec = recognition(args, register, p);
  const options: ApplyOptions = {
    mode: "invoices",
    mapping: rec.mapping,
    headers: register.headers,
    asOf: args.asOf,
    lang: p.lang,
    firstRowNumber: register.headerRow + 1,
    registry: inForce.registry,
    settings: inForce.settings,
    ...(args.vendor !== undefined ? { vendor: args.vendor } : {}),
  };
  let reading: RecoveryRegister;
  try {
    reading = readRecoveryRegister(register.rows, options);
  } catch (e) {
    if (isEngineError(e)) throw p.fail(e.text, 2);
    throw e;
  }
  if (args.vendor === undefined && reading.vendors.length > 1)
    throw p.fail(RECOVERY_CLI_TEXT.severalVendors(reading.vendors), 2);
  sayRows(reading, p);
  const vendor = reading.vendor;
  if (vendor === undefined || reading.invoices.length === 0) throw p.fail(RECOVERY_CLI_TEXT.noInvoice, 1);
  const asOf = readDate(args.asOf, "--as-of") as Day;
  p.say(RECOVERY_CLI_TEXT.vendorLine(vendor.profile.legalName, vendor.spec, formatDate(asOf, p.lang)));
  const book = buildRecovery(reading.invoices, {
    profile: vendor.profile,
    settings: vendor.settings,
    asOf,
    client: args.client,
  });
  checkClientMatched(args, reading, book, p);
  return { file: args.input, register, inForce, recognition: rec, options, reading, vendor, asOf, book };
}

/**
 * The guardrails a statement shows before anything is sent: the clients with no address (their
 * letters would say « adresse à compléter »), the invoices left out and why (disputed,
 * credit notes, collective proceedings), the invoices whose interest misses a rate, the invoices near
 * or past prescription.
 */
export function sayBookNotices(book: RecoveryBook, p: Printer): void {
  const unaddressed = book.clients.filter((c) => c.address === undefined).map((c) => c.name);
  if (unaddressed.length > 0) p.caution(RECOVERY_CLI_TEXT.addressesMissing(unaddressed));
  if (book.excluded.length > 0) {
    p.caution(RECOVERY_CLI_TEXT.excluded(book.excluded.length));
    for (const e of book.excluded) p.warn(`  ${e.text[p.lang]}`);
  }
  for (const client of book.clients)
    for (const c of client.invoices) {
      const missing = c.statement.missingRate;
      if (missing) p.caution(RECOVERY_CLI_TEXT.invoiceNote(c.invoice.reference, client.name, missing.text));
      if (c.prescription.text)
        p.caution(RECOVERY_CLI_TEXT.invoiceNote(c.invoice.reference, client.name, c.prescription.text));
    }
}
