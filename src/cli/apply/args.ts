import type { ClientType, Language } from "../../engine";
import type { RegisterMode } from "../../apply";
import type { StoredRegister } from "../../storage";
import type { AsOfKind, WriteMode } from "../../write";
import { meansToday, oneInput, readOptions, wholeNumber, type OptionSpec } from "../args";
import { todayIso } from "../clock";

/** `echeance apply`'s options, as node:util parseArgs reads them (src/cli/args.ts). */
const OPTIONS = {
  help: { type: "boolean", short: "h" },
  vendor: { type: "string" },
  sheet: { type: "string" },
  "header-row": { type: "string" },
  mode: { type: "string", choices: ["invoices", "subscriptions"] },
  "as-of": { type: "string" },
  output: { type: "string", choices: ["values", "formulas", "portable"] },
  rates: { type: "string" },
  "ignore-stored-terms": { type: "boolean" },
  all: { type: "boolean" },
  "highlight-days": { type: "string" },
  "no-highlight": { type: "boolean" },
  ics: { type: "string" },
  "alarm-days": { type: "string" },
  out: { type: "string", short: "o" },
  explain: { type: "string" },
  lang: { type: "string", choices: ["fr", "en"] },
  kind: { type: "string" },
  plan: { type: "string" },
  client: { type: "string", choices: ["pro", "consumer"] },
  "vendor-file": { type: "string", multiple: true },
} as const satisfies Record<string, OptionSpec>;

export interface ApplyArgs {
  readonly input: string;
  readonly lang: Language;
  readonly vendor?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly mode?: RegisterMode;
  /** The as-of date as given (any date text the register core reads), or today's. */
  readonly asOf: string;
  /**
   * How the workbook remembers it: « aujourd'hui » without --as-of (or with `--as-of today`), the
   * date itself when one is given — the same choice the pane asks for (src/write/remembered.ts).
   */
  readonly asOfKind: AsOfKind;
  readonly write: WriteMode;
  readonly rates?: string;
  readonly ignoreStoredTerms: boolean;
  readonly highlightDays?: number;
  readonly ics?: string;
  readonly alarmDays: number;
  readonly out?: string;
  readonly explain?: number;
  readonly kind?: string;
  readonly plan?: string;
  readonly client?: ClientType;
  readonly all: boolean;
  /** --vendor-file FILE… : vendor profiles that work like shipped ones for the run, stored in the output. */
  readonly vendorFiles: readonly string[];
  /** --all: the remembered register this run applies again (its headers must not have moved). */
  readonly remembered?: StoredRegister;
}

export function parseApplyArgs(argv: readonly string[], lang: Language): ApplyArgs | "help" {
  const { options: o, positional } = readOptions(argv, OPTIONS, lang);
  if (o.help) return "help";
  const input = oneInput(positional, lang);
  const headerRow = wholeNumber(o["header-row"], "--header-row", 1, 1_048_576, lang);
  const highlight = wholeNumber(o["highlight-days"], "--highlight-days", 0, 366, lang);
  const explain = wholeNumber(o.explain, "--explain", 1, 1_048_576, lang);
  const asOfGiven = o["as-of"];
  const today = meansToday(asOfGiven);
  return {
    input,
    lang,
    asOf: today ? todayIso() : (asOfGiven as string),
    asOfKind: today ? "today" : "fixed",
    write: (o.output ?? "values") as WriteMode,
    ignoreStoredTerms: o["ignore-stored-terms"] === true,
    all: o.all === true,
    vendorFiles: o["vendor-file"] ?? [],
    alarmDays: wholeNumber(o["alarm-days"], "--alarm-days", 0, 365, lang) ?? 7,
    ...(o["no-highlight"] ? {} : { highlightDays: highlight ?? 30 }),
    ...(o.vendor !== undefined ? { vendor: o.vendor } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(o.mode !== undefined ? { mode: o.mode as RegisterMode } : {}),
    ...(o.rates !== undefined ? { rates: o.rates } : {}),
    ...(o.ics !== undefined ? { ics: o.ics } : {}),
    ...(o.out !== undefined ? { out: o.out } : {}),
    ...(explain !== undefined ? { explain } : {}),
    ...(o.kind !== undefined ? { kind: o.kind } : {}),
    ...(o.plan !== undefined ? { plan: o.plan } : {}),
    ...(o.client !== undefined ? { client: o.client as ClientType } : {}),
  };
}
