import { parseArgs } from "node:util";
import type { Language } from "../engine";
import { UsageError } from "./io";

/**
 * The one command-line parser: `node:util` `parseArgs` (`--name value`, `--name=value`, `-o value`,
 * bare flags, strict), with the accepted values of each option checked here and every mistake said in
 * the user's language.
 */

/** One option: a value or a flag, its short letter, and the values it accepts (compared case-insensitively). */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly choices?: readonly string[];
  /** Given several times (`--vendor-file a.json --vendor-file b.json`): every value, in order. */
  readonly multiple?: boolean;
}

export type ParsedOptions<S extends Record<string, OptionSpec>> = {
  readonly [K in keyof S]?: S[K]["type"] extends "boolean"
    ? true
    : S[K]["multiple"] extends true
      ? readonly string[]
      : string;
};

/** The language of messages: `--lang en` / `--lang=en` anywhere in the arguments, else French. */
export function languageOf(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === "--lang" ? argv[i + 1] : a?.startsWith("--lang=") ? a.slice(7) : undefined;
    if (value?.toLowerCase() === "en") return "en";
  }
  return "fr";
}

/** A usage error worded in the user's language. */
export function usage(lang: Language, en: string, fr: string): UsageError {
  return new UsageError({ fr, en }[lang]);
}

export function readOptions<S extends Record<string, OptionSpec>>(
  argv: readonly string[],
  spec: S,
  lang: Language,
): { options: ParsedOptions<S>; positional: string[] } {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(spec))
    options[name] = {
      type: o.type,
      ...(o.short !== undefined ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw explain(e, spec, lang);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const out: Record<string, string | true | string[]> = {};
  for (const [name, o] of Object.entries(spec)) {
    const v = values[name];
    if (v === undefined || v === false) continue;
    if (Array.isArray(v)) {
      out[name] = v;
      continue;
    }
    if (typeof v === "boolean") {
      out[name] = true;
      continue;
    }
    if (o.choices) {
      const lower = v.toLowerCase();
      if (!o.choices.includes(lower))
        throw usage(
          lang,
          `--${name} must be ${o.choices.join(" or ")} (got "${v}").`,
          `--${name} attend ${o.choices.join(" ou ")} (reçu « ${v} »).`,
        );
      out[name] = lower;
    } else out[name] = v;
  }
  return { options: out as ParsedOptions<S>, positional: parsed.positionals };
}

/** parseArgs' errors (English, with a code) as a sentence in the user's language. */
function explain(e: unknown, spec: Record<string, OptionSpec>, lang: Language): UsageError {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "";
  const bare = option.replace(/^-+/, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return usage(lang, `unknown option ${option}.`, `option inconnue : ${option}.`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const takesValue = spec[bare]?.type === "string" || /argument missing/.test(message);
    return takesValue
      ? usage(lang, `${option} needs a value.`, `${option} attend une valeur.`)
      : usage(lang, `${option} takes no value.`, `${option} ne prend pas de valeur.`);
  }
  return usage(lang, message, `arguments incorrects : ${message}`);
}

/** A whole number option within bounds, or a usage error naming it. */
export function wholeNumber(
  value: string | undefined,
  option: string,
  min: number,
  max: number,
  lang: Language,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usage(
      lang,
      `${option} needs a whole number from ${min} to ${max} (got "${value}").`,
      `${option} attend un nombre entier de ${min} à ${max} (reçu « ${value} »).`,
    );
  return n;
}

/** The register file a command reads: exactly one positional argument. */
export function oneInput(positional: readonly string[], lang: Language): string {
  if (positional.length === 0) throw usage(lang, "INPUT file is missing.", "le fichier registre manque.");
  if (positional.length > 1)
    throw usage(
      lang,
      `one INPUT file only (got ${positional.join(", ")}).`,
      `un seul fichier registre (reçu ${positional.join(", ")}).`,
    );
  return positional[0] as string;
}

/** Words that mean « today » for --as-of, in both languages. */
const TODAY_WORDS: ReadonlySet<string> = new Set(["today", "aujourd'hui", "aujourd’hui", "aujourdhui"]);

/** Whether `--as-of` means today: absent, or « today » / « aujourd'hui ». */
export function meansToday(asOf: string | undefined): boolean {
  return asOf === undefined || TODAY_WORDS.has(asOf.trim().toLowerCase());
}
