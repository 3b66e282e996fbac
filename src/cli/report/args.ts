import * as path from "node:path";
import type { Language } from "../../engine";
import type { ReportKind } from "../../reports";
import { meansToday, readOptions, usage, wholeNumber, type OptionSpec } from "../args";
import { todayIso } from "../clock";
import { UsageError } from "../io";
import { REPORT_TEXT } from "./messages";

/** `echeance report`'s options, as node:util parseArgs reads them (src/cli/args.ts). */
const REPORT_OPTIONS = {
  help: { type: "boolean", short: "h" },
  closing: { type: "string" },
  kind: { type: "string" },
  "total-excl-vat": { type: "string" },
  "as-of": { type: "string" },
  client: { type: "string" },
  "one-sheet": { type: "boolean" },
  vendor: { type: "string" },
  sheet: { type: "string" },
  "header-row": { type: "string" },
  out: { type: "string", short: "o" },
  lang: { type: "string", choices: ["fr", "en"] },
  rates: { type: "string" },
  "ignore-stored-terms": { type: "boolean" },
  "vendor-file": { type: "string", multiple: true },
} as const satisfies Record<string, OptionSpec>;

/** What every kind of report reads: the register, where it is, the terms. */
interface CommonArgs {
  readonly input: string;
  readonly vendor?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly out?: string;
  readonly rates?: string;
  readonly ignoreStoredTerms: boolean;
  /** Vendor profiles given with --vendor-file, usable like shipped vendors. */
  readonly vendorFiles: readonly string[];
  readonly lang: Language;
}

/** The D441-6 table and the aging (received or issued invoices at a closing date). */
export interface D441Args extends CommonArgs {
  readonly kind: ReportKind;
  readonly closing: string;
  readonly total?: string;
}

/** The statement per client (décompte) as of a date. */
export interface StatementArgs extends CommonArgs {
  readonly kind: "statement";
  /** The date d'arrêté: given, or today. */
  readonly asOf: string;
  readonly client?: string;
  /** One sheet for all clients (default: a sheet per client). */
  readonly oneSheet: boolean;
}

export type ReportArgs = D441Args | StatementArgs;

export function parseReportArgs(argv: readonly string[], lang: Language): ReportArgs | "help" {
  const { options: o, positional } = readOptions(argv, REPORT_OPTIONS, lang);
  if (o.help) return "help";
  if (positional.length !== 1)
    throw usage(lang, "report needs exactly one input file.", "report attend un seul fichier registre.");
  const headerRow = wholeNumber(o["header-row"], "--header-row", 1, 1_048_576, lang);
  const common: CommonArgs = {
    input: positional[0] as string,
    lang,
    ignoreStoredTerms: o["ignore-stored-terms"] === true,
    vendorFiles: o["vendor-file"] ?? [],
    ...(o.rates !== undefined ? { rates: o.rates } : {}),
    ...(o.vendor !== undefined ? { vendor: o.vendor } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(o.out !== undefined ? { out: o.out } : {}),
  };
  const kind = o.kind?.toLowerCase();
  if (kind === "statement") {
    for (const d441 of ["closing", "total-excl-vat"] as const)
      if (o[d441] !== undefined) throw new UsageError(REPORT_TEXT.notForStatement(`--${d441}`)[lang]);
    const asOf = o["as-of"];
    return {
      ...common,
      kind,
      asOf: meansToday(asOf) ? todayIso() : (asOf as string),
      oneSheet: o["one-sheet"] === true,
      ...(o.client !== undefined ? { client: o.client } : {}),
    };
  }
  for (const statement of ["as-of", "client", "one-sheet"] as const)
    if (o[statement] !== undefined)
      throw new UsageError(REPORT_TEXT.onlyForStatement(`--${statement}`)[lang]);
  if (o.closing === undefined)
    throw usage(lang, "--closing is required.", "--closing est obligatoire (date de clôture AAAA-MM-JJ).");
  if (kind === undefined) throw new UsageError(REPORT_TEXT.kindRequired[lang]);
  if (kind !== "received" && kind !== "issued")
    throw new UsageError(REPORT_TEXT.badKind(o.kind as string)[lang]);
  return {
    ...common,
    kind,
    closing: o.closing,
    ...(o["total-excl-vat"] !== undefined ? { total: o["total-excl-vat"] } : {}),
  };
}

/** The output beside the input: REGISTER.d441-6.xlsx, or REGISTER.releve.xlsx for a statement. */
export function defaultReportOutput(args: ReportArgs): string {
  if (args.kind !== "statement") return args.input.replace(/(\.[^./\\]+)?$/, ".d441-6.xlsx");
  const base = path.basename(args.input).replace(/\.(xlsx|xlsm|csv|txt)$/i, "");
  return path.join(path.dirname(args.input), `${base}.${REPORT_TEXT.statementFile[args.lang]}.xlsx`);
}
