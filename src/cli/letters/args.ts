import * as path from "node:path";
import type { Language, ReminderLevel } from "../../engine";
import type { AsOfKind } from "../../write";
import { meansToday, oneInput, readOptions, wholeNumber, type OptionSpec } from "../args";
import { defaultOutput } from "../register-file";
import { todayIso } from "../clock";
import { UsageError } from "../io";
import { isCsvFile } from "../messages";
import { LETTERS_TEXT } from "./messages";

/** `echeance letters`'s options, as node:util parseArgs reads them (src/cli/args.ts). */
const OPTIONS = {
  help: { type: "boolean", short: "h" },
  vendor: { type: "string" },
  level: {
    type: "string",
    choices: ["rappel", "relance", "mise-en-demeure", "note-de-debit"],
  },
  "as-of": { type: "string" },
  out: { type: "string", short: "o" },
  template: { type: "string" },
  "one-document": { type: "boolean" },
  company: { type: "string" },
  record: { type: "boolean" },
  "register-out": { type: "string" },
  client: { type: "string" },
  "deadline-days": { type: "string" },
  "letter-lang": { type: "string", choices: ["fr", "en"] },
  sheet: { type: "string" },
  "header-row": { type: "string" },
  rates: { type: "string" },
  "ignore-stored-terms": { type: "boolean" },
  "vendor-file": { type: "string", multiple: true },
  lang: { type: "string", choices: ["fr", "en"] },
} as const satisfies Record<string, OptionSpec>;

/** A letter's level, or the penalty note (note de débit). */
export type DocumentLevel = ReminderLevel | "note-de-debit";

export interface LettersArgs {
  readonly input: string;
  readonly lang: Language;
  /** The documents' language (French by default: the French letter is the one with legal effect). */
  readonly letterLang: Language;
  readonly vendor?: string;
  /** The level chosen; none: each client gets the level its recorded letters propose. */
  readonly level?: DocumentLevel;
  /** The date d'arrêté, which is also the documents' date. */
  readonly asOf: string;
  readonly asOfKind: AsOfKind;
  /** The folder of the documents. */
  readonly out: string;
  readonly template?: string;
  readonly oneDocument: boolean;
  readonly company?: string;
  readonly record: boolean;
  /** The register's copy (« Dernière relance », the note series): given, or beside the input. */
  readonly registerOut: string;
  readonly client?: string;
  readonly deadlineDays?: number;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly rates?: string;
  readonly ignoreStoredTerms: boolean;
  readonly vendorFiles: readonly string[];
}

/** The documents' folder beside the input: REGISTRE.lettres/ (REGISTER.letters/ in English). */
function defaultFolder(input: string, lang: Language): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm|csv|txt)$/i, "");
  return path.join(path.dirname(input), `${base}.${LETTERS_TEXT.folder[lang]}`);
}

export function parseLettersArgs(argv: readonly string[], lang: Language): LettersArgs | "help" {
  const { options: o, positional } = readOptions(argv, OPTIONS, lang);
  if (o.help) return "help";
  const input = oneInput(positional, lang);
  const level = o.level as DocumentLevel | undefined;
  const say = (text: { fr: string; en: string }) => new UsageError(text[lang]);
  if (level === "note-de-debit" && o.template !== undefined) throw say(LETTERS_TEXT.templateNotForNotes);
  if (o.template !== undefined && o["one-document"]) throw say(LETTERS_TEXT.templateOneDocument);
  const registerOut = o["register-out"] ?? defaultOutput(input);
  if (path.resolve(registerOut) === path.resolve(input)) throw say(LETTERS_TEXT.copyIsInput(registerOut));
  if (level === "note-de-debit" && isCsvFile(registerOut))
    throw say(LETTERS_TEXT.seriesNeedsWorkbook(registerOut));
  const asOfGiven = o["as-of"];
  const today = meansToday(asOfGiven);
  const headerRow = wholeNumber(o["header-row"], "--header-row", 1, 1_048_576, lang);
  const deadlineDays = wholeNumber(o["deadline-days"], "--deadline-days", 1, 90, lang);
  return {
    input,
    lang,
    letterLang: (o["letter-lang"] ?? "fr") as Language,
    asOf: today ? todayIso() : (asOfGiven as string),
    asOfKind: today ? "today" : "fixed",
    out: o.out ?? defaultFolder(input, lang),
    oneDocument: o["one-document"] === true,
    record: o.record === true,
    registerOut,
    ignoreStoredTerms: o["ignore-stored-terms"] === true,
    vendorFiles: o["vendor-file"] ?? [],
    ...(level !== undefined ? { level } : {}),
    ...(o.vendor !== undefined ? { vendor: o.vendor } : {}),
    ...(o.template !== undefined ? { template: o.template } : {}),
    ...(o.company !== undefined ? { company: o.company } : {}),
    ...(o.client !== undefined ? { client: o.client } : {}),
    ...(deadlineDays !== undefined ? { deadlineDays } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(o.rates !== undefined ? { rates: o.rates } : {}),
  };
}
