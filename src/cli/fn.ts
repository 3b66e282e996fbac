import { dayToSerial, parseDateText } from "../input/cell-values";
import {
  BUILT_IN_VENDORS,
  buildRateTable,
  LAW_VENDOR,
  DEFAULT_SETTINGS,
  SHIPPED_REGISTRY,
  type Explanation,
  type Language,
} from "../engine";
import type { FunctionSignature } from "../functions/definitions";
import { FunctionRuntime } from "../functions/runtime";
import { FUNCTION_SIGNATURES, findSignature } from "../functions/signatures";
import { formatValue, type FunctionValue } from "../functions/values";
import { languageOf, readOptions, usage, type OptionSpec } from "./args";
import { type CliIo } from "./io";
import { readRatesOption } from "./rates";
import { loadVendorFiles, withGivenVendors } from "./vendor-files";
import { commandError } from "./messages";

/**
 * `echeance fn FUNCTION ARG…`: one CGV function evaluated by a function runtime of its own, the same
 * code Excel runs.
 * Arguments are turned into what Excel would hand over: an ISO date becomes a date serial, a number
 * a number, "" a blank, `[…]` a range (JSON rows), anything else text.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function cellFromJson(value: unknown): unknown {
  if (typeof value === "string" && ISO_DATE.test(value)) return dateSerial(value) ?? value;
  return value;
}

function dateSerial(text: string): number | undefined {
  const day = parseDateText(text);
  return typeof day === "number" ? dayToSerial(day) : undefined;
}

/** One command-line argument as the cell value Excel would pass. */
export function argumentValue(arg: string, position: number, lang: Language = "fr"): unknown {
  if (arg.trim() === "") return null;
  if (ISO_DATE.test(arg)) return dateSerial(arg) ?? arg; // an impossible date stays text: the catalog names it
  if (NUMBER.test(arg)) return Number(arg);
  if (arg.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(arg);
    } catch {
      throw usage(
        lang,
        `Argument ${position} starts with "[" but is not a JSON array of rows: ${arg}`,
        `L'argument ${position} commence par « [ » mais n'est pas un tableau JSON de lignes : ${arg}`,
      );
    }
    if (!Array.isArray(parsed))
      throw usage(
        lang,
        `Argument ${position} is not a JSON array of rows: ${arg}`,
        `L'argument ${position} n'est pas un tableau JSON de lignes : ${arg}`,
      );
    const rows = parsed.every(Array.isArray) ? (parsed as unknown[][]) : [parsed as unknown[]];
    return rows.map((row) => row.map(cellFromJson));
  }
  return arg;
}

/** Plain decimal with a dot, never an exponent: what a spreadsheet user can paste back. */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

function printable(value: FunctionValue): string {
  return value.type === "number" ? plainNumber(value.value) : formatValue(value);
}

function jsonExplanation(e: Explanation, lang: Language) {
  return {
    steps: e.steps.map((s) => ({
      text: s.text[lang],
      cite: s.cite.map((c) => `${c.document} ${c.article}`),
    })),
    interpretations: e.interpretations.map((n) => ({
      id: n.id,
      text: n.text[lang],
      alternative: n.alternative?.[lang],
    })),
    segments: e.segments.map((s) => ({
      halfYear: s.halfYear,
      days: s.days,
      balance: s.balance.toString(),
      contractualRate: s.contractualRate.toString(),
      floorRate: s.floorRate?.toString() ?? null,
      appliedRate: s.appliedRate.toString(),
      floorBound: s.floorBound,
      interest: s.interest.toString(),
    })),
  };
}

function jsonValue(value: FunctionValue): unknown {
  switch (value.type) {
    case "date":
      return { value: formatValue(value), type: "date", serial: dayToSerial(value.day) + value.fraction };
    case "number":
      return { value: value.value, type: "number" };
    case "text":
      return { value: value.value, type: "text" };
    case "table":
      return { value: value.rows, type: "table" };
  }
}

/** A function's or parameter's name in the language asked: the French name (« DATEECHEANCE ») or the English one. */
const nameIn = (x: { readonly name: string; readonly fr: string }, lang: Language): string =>
  ({ fr: x.fr, en: x.name })[lang];

/** A name and, in brackets, the other language's: « DATEECHEANCE (DUEDATE) » / "DUEDATE (DATEECHEANCE)". */
const bothNames = (x: { readonly name: string; readonly fr: string }, lang: Language): string =>
  ({ fr: `${x.fr} (${x.name})`, en: `${x.name} (${x.fr})` })[lang];

/** One function as the usage lists it: DUEDATE (DATEECHEANCE) vendor invoiceDate [invoiceKind]; in French, the French names first. */
function usageLine(sig: FunctionSignature, lang: Language): string {
  const params = sig.params.map((p) => (p.optional ? `[${nameIn(p, lang)}]` : nameIn(p, lang))).join(" ");
  return `${bothNames(sig, lang)}${params ? ` ${params}` : ""}`;
}

/** The built-in vendors' ids, from the registry (never written by hand): the five shipped and the law. */
const BUILT_IN_IDS = BUILT_IN_VENDORS.map((v) => v.id).join(", ");

/** The words of a function's help. */
const HELP_TEXT = {
  usage: { fr: "Utilisation :", en: "Usage:" },
  optional: { fr: " (facultatif)", en: " (optional)" },
} as const;

const FN_USAGE_TEXT: Readonly<Record<Language, string>> = {
  en: `Usage: echeance fn FUNCTION [ARG…] [--json] [--rates FILE] [--vendor-file FILE]… [--lang en|fr]
       echeance fn FUNCTION --help
  FUNCTION  a CGV function, by its English or French name:
${FUNCTION_SIGNATURES.map((sig) => `              ${usageLine(sig, "en")}`).join("\n")}
  ARG       YYYY-MM-DD is a date, a number is a number, "" is a blank,
            [[…],…] is a range given as JSON rows, anything else is text.
  VENDOR    ${BUILT_IN_IDS} (${LAW_VENDOR.id}: the statutory terms, Code de commerce L441-10 and D441-5),
            a name (« Plateforme OMI »), or a --vendor-file vendor
  --json    the value, its type and the explanation (steps, clauses, rate segments)
  --rates   rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --vendor-file  a vendor profile (ID.echeance-vendor.json, from the pane or "echeance vendor import"),
            usable by its id or names like a shipped vendor; repeatable
  --lang    the language of messages and explanations (French by default)
Example: echeance fn LATEFEE omi 2500 2025-01-31 2025-03-02   → 62.87`,
  fr: `Utilisation : echeance fn FONCTION [ARG…] [--json] [--rates FICHIER] [--vendor-file FICHIER]… [--lang en|fr]
               echeance fn FONCTION --help
  FONCTION  une fonction CGV, par son nom français ou anglais :
${FUNCTION_SIGNATURES.map((sig) => `              ${usageLine(sig, "fr")}`).join("\n")}
  ARG       AAAA-MM-JJ est une date, un nombre un nombre, "" une cellule vide,
            [[…],…] une plage en lignes JSON, le reste du texte.
  FOURNISSEUR ${BUILT_IN_IDS} (${LAW_VENDOR.id} : les conditions légales, Code de commerce L441-10 et D441-5),
            un nom (« Plateforme OMI »), ou un fournisseur de --vendor-file
  --json    la valeur, son type et l'explication (étapes, clauses, taux par semestre)
  --rates   lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --vendor-file  un profil fournisseur (ID.echeance-vendor.json, du volet ou d'« echeance vendor import »),
            utilisable par son identifiant ou ses noms comme un fournisseur livré ; répétable
  --lang    la langue des messages et des explications (français par défaut)
Exemple : echeance fn PENALITESRETARD omi 2500 2025-01-31 2025-03-02   → 62.87`,
};

export function fnUsage(lang: Language): string {
  return FN_USAGE_TEXT[lang];
}

const OPTIONS = {
  json: { type: "boolean" },
  lang: { type: "string", choices: ["en", "fr"] },
  rates: { type: "string" },
  "vendor-file": { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

/**
 * node:util parseArgs reads "-12.5" as a short option; here a negative number is an argument (a
 * credit note's amount), so such tokens are set aside before parsing and put back after.
 */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/** `echeance fn DUEDATE --help`: the function's description and parameters, from the table. */
export function functionHelp(sig: FunctionSignature, lang: Language): string {
  const named = (x: { name: string; fr: string }) => nameIn(x, lang);
  const shown = sig.params.map((p) => (p.optional ? `[${named(p)}]` : named(p)));
  const width = Math.max(0, ...sig.params.map((p) => named(p).length)) + 2;
  return [
    `${named(sig)} — ${sig.description[lang]}`,
    `${HELP_TEXT.usage[lang]} echeance fn ${[named(sig), ...shown].join(" ")}`,
    ...sig.params.map(
      (p) => `  ${named(p).padEnd(width)}${p.description[lang]}${p.optional ? HELP_TEXT.optional[lang] : ""}`,
    ),
  ].join("\n");
}

export async function runFn(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const negatives: string[] = [];
  const tokens = argv.map((a) => (NEGATIVE_NUMBER.test(a) ? `\u0000${negatives.push(a) - 1}` : a));
  const { options, positional: raw } = readOptions(tokens, OPTIONS, lang);
  const positional = raw.map((a) => (a.startsWith("\u0000") ? (negatives[Number(a.slice(1))] ?? a) : a));
  const json = options.json === true;
  const [name, ...rest] = positional;
  if (name === undefined) {
    if (options.help) {
      io.stdout.write(`${fnUsage(lang)}\n`);
      return 0;
    }
    throw usage(lang, "fn needs a function name.", "fn attend un nom de fonction.");
  }
  const sig = findSignature(name);
  if (!sig)
    throw usage(
      lang,
      `There is no function CGV.${name}: the functions are ${FUNCTION_SIGNATURES.map((f) => f.name).join(", ")}.`,
      `Il n'y a pas de fonction CGV.${name} : les fonctions sont ${FUNCTION_SIGNATURES.map((f) => f.fr).join(", ")}.`,
    );
  if (options.help) {
    io.stdout.write(`${functionHelp(sig, lang)}\n`);
    return 0;
  }
  let settings = DEFAULT_SETTINGS;
  if (options.rates !== undefined) {
    // The same rate file as apply and report: nothing is used from a file with a problem.
    const read = await readRatesOption(options.rates);
    if (!read.ok) {
      for (const p of read.problems) io.stderr.write(`${commandError("fn", p, lang)}\n`);
      return 1;
    }
    settings = { ...DEFAULT_SETTINGS, rates: buildRateTable(read.rows) };
  }
  // Vendors given as files work like shipped ones for this run; nothing is used from a file with a problem.
  const given = await loadVendorFiles(options["vendor-file"] ?? []);
  if (!given.ok) {
    for (const p of given.problems) io.stderr.write(`${commandError("fn", p, lang)}\n`);
    return 1;
  }
  // The command line's own runtime: the shipped and given vendors, the shipped rates and --rates, messages in --lang.
  const registry = withGivenVendors(SHIPPED_REGISTRY, given.vendors);
  const runtime = new FunctionRuntime({ lang, settings, registry });
  const args = rest.map((a, i) => argumentValue(a, i + 1, lang));
  const outcome = runtime.evaluate(name, args, { explain: json });
  if (json) {
    const body = outcome.ok
      ? {
          ok: true,
          ...(jsonValue(outcome.value) as object),
          explanation: outcome.explanation ? jsonExplanation(outcome.explanation, lang) : null,
        }
      : { ok: false, error: outcome.code, message: outcome.message };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return outcome.ok ? 0 : 1;
  }
  if (!outcome.ok) {
    io.stdout.write(`${outcome.code} ${oneLine(outcome.message)}\n`);
    return 1;
  }
  // Text is printed as is (EXPLAIN spans several lines); a table as tab-separated rows.
  io.stdout.write(`${printable(outcome.value)}\n`);
  return 0;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
