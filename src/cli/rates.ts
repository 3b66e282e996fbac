import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  buildRateTable,
  halfYearOf,
  knownThrough,
  OFFICIAL_RATE_SOURCES,
  parseHalfYear,
  rateLines,
  type Language,
  type RateOrigin,
  type RateRow,
  type RateTable,
} from "../engine";
import { parseRateFile } from "../storage";
import { languageOf, readOptions, usage, type OptionSpec } from "./args";
import { todayDay } from "./clock";
import type { CliIo } from "./io";
import { fileProblem } from "./register-file";
import { commandError } from "./messages";

/**
 * `echeance rates`: the rate table in force — the shipped rates, plus a rate file's rows — with where
 * each figure came from and where to find the official figure of a half-year to add.
 */

const USAGE_TEXT = {
  fr: `Usage : echeance rates [--rates FICHIER] [--from 2024-H1] [--to 2026-H2] [--lang fr|en]

Affiche la table des taux en vigueur (taux annuels en %) : taux de l'intérêt légal (créanciers
professionnels et particuliers) et taux de refinancement de la BCE au 1er jour de chaque semestre,
avec leur origine (livrés avec Échéance, ou lignes ajoutées), et où trouver les chiffres officiels.

Options :
  --rates FICHIER   lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --from SEMESTRE   premier semestre affiché (par défaut : deux ans avant aujourd'hui)
  --to SEMESTRE     dernier semestre affiché (par défaut : le semestre en cours)
  --lang fr|en      langue (par défaut fr)
`,
  en: `Usage: echeance rates [--rates FILE] [--from 2024-H1] [--to 2026-H2] [--lang en|fr]

Prints the rate table in force (annual %): the legal interest rate (professional and consumer
creditors) and the ECB main refinancing rate on the first day of each half-year, with where each
came from (shipped with Échéance, or rows added), and where to find the official figures.

Options:
  --rates FILE      rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --from HALF-YEAR  first half-year shown (default: two years before today)
  --to HALF-YEAR    last half-year shown (default: the current half-year)
  --lang fr|en      language (default fr)
`,
} as const;

export const ratesUsage = (lang: Language): string => USAGE_TEXT[lang];

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  rates: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  lang: { type: "string", choices: ["fr", "en"] },
} as const satisfies Record<string, OptionSpec>;

/** A rate file's rows, or the sentences that say why nothing is used from it. */
export async function readRatesOption(
  file: string,
): Promise<
  { ok: true; rows: readonly RateRow[] } | { ok: false; problems: readonly { en: string; fr: string }[] }
> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    return { ok: false, problems: [fileProblem(e, file)] };
  }
  const parsed = parseRateFile(text, path.basename(file));
  return parsed.ok ? { ok: true, rows: parsed.rows } : { ok: false, problems: parsed.problems };
}

const ORIGIN: Readonly<Record<RateOrigin, { en: string; fr: string }>> = {
  shipped: { en: "shipped", fr: "livré" },
  user: { en: "added", fr: "ajouté" },
  "user-changed-shipped": { en: "added, CHANGES a shipped figure", fr: "ajouté, MODIFIE un taux livré" },
  missing: { en: "missing", fr: "manquant" },
};

/** Every sentence and heading of the rate table, in both languages. */
const TABLE_TEXT = {
  title: { fr: "Taux en vigueur (taux annuels, en %) :", en: "Rates in force (annual, in %):" },
  header: {
    fr: ["Semestre", "Légal (pro.)", "Légal (part.)", "BCE au 1er jour", "Origine"],
    en: ["Half-year", "Legal (pro.)", "Legal (cons.)", "ECB on day 1", "Origin"],
  },
  missing: { fr: "manque :", en: "missing:" },
  rate: { legal: { fr: "taux légal", en: "legal rate" }, ecb: { fr: "taux BCE", en: "ECB rate" } },
  known: { fr: "Connus :", en: "Known:" },
  sources: { fr: "Où trouver les chiffres officiels :", en: "Where to find the official figures:" },
  toAdd: {
    fr: "Pour ajouter un semestre : un fichier --rates (half-year,legal-professional,legal-consumer,ecb), ou Paramètres > Taux dans le volet Échéance.",
    en: "To add a half-year: a --rates file (half-year,legal-professional,legal-consumer,ecb), or Settings > Rates in the Échéance pane.",
  },
} as const;

/** The decimal mark of a rate in each language. */
const DECIMAL_MARK: Readonly<Record<Language, string>> = { fr: ",", en: "." };

/** The table as text lines: a header, one line per half-year, how far rates are known, the sources. */
export function formatRateTable(table: RateTable, from: number, to: number, lang: Language): string[] {
  // At least two decimals, as the arrêtés write them (2,50 not 2,5).
  const num = (v: string | undefined): string => {
    if (v === undefined) return "—";
    const [int = "0", dec = ""] = v.split(".");
    return `${int}${DECIMAL_MARK[lang]}${dec.padEnd(2, "0")}`;
  };
  const header = TABLE_TEXT.header[lang];
  const lines = rateLines(table, from, to).map((l) => [
    l.label,
    num(l.legalProfessional),
    num(l.legalConsumer),
    num(l.ecb),
    [
      ORIGIN[l.origin][lang],
      l.origin === "missing" || l.source === "" ? "" : ` — ${l.source}`,
      l.origin !== "missing" && l.missing.length > 0
        ? ` (${TABLE_TEXT.missing[lang]} ${l.missing.map((m) => TABLE_TEXT.rate[m][lang]).join(", ")})`
        : "",
    ].join(""),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...lines.map((l) => (l[j] ?? "").length)));
  const row = (cells: readonly string[]): string =>
    cells.map((c, j) => (j === cells.length - 1 ? c : c.padEnd(widths[j] ?? 0))).join("  ");
  const source = (kind: "legal" | "ecb"): string =>
    `  ${TABLE_TEXT.rate[kind][lang]} — ${OFFICIAL_RATE_SOURCES[kind].where[lang]} (${OFFICIAL_RATE_SOURCES[kind].url})`;
  return [
    TABLE_TEXT.title[lang],
    row(header),
    ...lines.map(row),
    `${TABLE_TEXT.known[lang]} ${knownThrough(table, lang)}.`,
    TABLE_TEXT.sources[lang],
    source("legal"),
    source("ecb"),
    TABLE_TEXT.toAdd[lang],
  ];
}

export async function runRates(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const { options: o, positional } = readOptions(argv, OPTIONS, lang);
  if (o.help) {
    io.stdout.write(USAGE_TEXT[lang]);
    return 0;
  }
  if (positional.length > 0)
    throw usage(lang, `unexpected argument ${positional[0]}.`, `argument inattendu : ${positional[0]}.`);
  const now = halfYearOf(todayDay());
  const bound = (value: string | undefined, option: string, fallback: number): number => {
    if (value === undefined) return fallback;
    const key = parseHalfYear(value);
    if (key === undefined)
      throw usage(
        lang,
        `${option} takes a half-year such as 2026-H2 (got "${value}").`,
        `${option} attend un semestre comme 2026-H2 (reçu « ${value} »).`,
      );
    return key;
  };
  const from = bound(o.from, "--from", now - 4);
  const to = bound(o.to, "--to", now);
  let rows: readonly RateRow[] = [];
  if (o.rates !== undefined) {
    const read = await readRatesOption(o.rates);
    if (!read.ok) {
      for (const p of read.problems) io.stderr.write(`${commandError("rates", p, lang)}\n`);
      return 1;
    }
    rows = read.rows;
  }
  const table = buildRateTable(rows);
  io.stdout.write(`${formatRateTable(table, Math.min(from, to), Math.max(from, to), lang).join("\n")}\n`);
  return 0;
}
