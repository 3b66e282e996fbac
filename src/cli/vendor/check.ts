import { buildRateTable, DEFAULT_RATE_TABLE, parseIsoDay, type Day, type Language } from "../../engine";
import { readOptions, usage, type OptionSpec } from "../args";
import { todayDay } from "../clock";
import type { CliIo } from "../io";
import { commandError } from "../messages";
import { readRatesOption } from "../rates";
import { readVendorFile } from "../vendor-files";
import { legalLines } from "./import";
import { MESSAGES } from "./messages";

/**
 * `echeance vendor check FILE`: the legal flags the vendor form shows — a payment term beyond
 * L441-10 I, a rate below 3 × the legal rate (L441-10 II), a recovery fee below 40 € (D441-5) —
 * warnings all, as in the form: exit 0 for a valid file, whatever its flags; 1 when it cannot be read.
 */

const OPTIONS = {
  "as-of": { type: "string" },
  rates: { type: "string" },
  lang: { type: "string", choices: ["fr", "en"] },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

export async function runVendorCheck(argv: readonly string[], io: CliIo, lang: Language): Promise<number> {
  const { options: o, positional } = readOptions(argv, OPTIONS, lang);
  if (positional.length !== 1) throw usage(lang, MESSAGES.oneFile.en, MESSAGES.oneFile.fr);
  let asOf: Day = todayDay();
  if (o["as-of"] !== undefined) {
    const day = parseIsoDay(o["as-of"]);
    if (day === undefined)
      throw usage(lang, MESSAGES.badAsOf(o["as-of"]).en, MESSAGES.badAsOf(o["as-of"]).fr);
    asOf = day;
  }
  let rates = DEFAULT_RATE_TABLE;
  if (o.rates !== undefined) {
    const read = await readRatesOption(o.rates);
    if (!read.ok) {
      for (const p of read.problems) io.stderr.write(`${commandError("vendor check", p, lang)}\n`);
      return 1;
    }
    rates = buildRateTable(read.rows);
  }
  const read = await readVendorFile(positional[0] as string);
  if (!("profile" in read)) {
    io.stderr.write(`${commandError("vendor check", read, lang)}\n`);
    return 1;
  }
  const p = read.profile;
  io.stdout.write(
    `${[MESSAGES.checkHead(p.id, p.name)[lang], ...legalLines(p, rates, asOf, lang)].join("\n")}\n`,
  );
  return 0;
}
