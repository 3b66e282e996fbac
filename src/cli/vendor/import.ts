import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  checkProfileLegal,
  formatDate,
  type Day,
  type Language,
  type RateTable,
  type VendorProfile,
} from "../../engine";
import { exportProfileJson } from "../../storage";
import { importTermsText, renderImportReport } from "../../terms-import";
import { readOptions, usage, type OptionSpec } from "../args";
import { todayDay } from "../clock";
import type { CliIo } from "../io";
import { commandError } from "../messages";
import { fileProblem } from "../register-file";
import { MESSAGES } from "./messages";
import { readTermsInput } from "./terms-input";

/**
 * `echeance vendor import CGV.txt|CGV.docx|- [--id ID] [--name NOM] [-o FILE]`: the terms of sale
 * read into a draft vendor profile. The report (each rule with its article and sentence, what was
 * not found, the questions, the legal checks) is printed; the draft file is written for the user to
 * check, and nothing else is saved.
 */

const OPTIONS = {
  id: { type: "string" },
  name: { type: "string" },
  out: { type: "string", short: "o" },
  force: { type: "boolean" },
  lang: { type: "string", choices: ["fr", "en"] },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

const ID = /^[a-z][a-z0-9-]{0,39}$/;

/** The legal checks the vendor form shows, as lines (L441-10 I and II, D441-5). */
export function legalLines(profile: VendorProfile, rates: RateTable, asOf: Day, lang: Language): string[] {
  const lines = [MESSAGES.legalHead(formatDate(asOf, lang))[lang]];
  if (!profile.clients.includes("pro")) return [...lines, MESSAGES.legalConsumerOnly[lang]];
  const flags = checkProfileLegal(profile, rates, asOf);
  if (flags.length === 0) return [...lines, MESSAGES.legalNone[lang]];
  for (const f of flags) lines.push(`  • ${f.invoiceKind ? `[${f.invoiceKind}] ` : ""}${f.text[lang]}`);
  return lines;
}

export async function runVendorImport(
  argv: readonly string[],
  io: CliIo,
  lang: Language,
  rates: RateTable,
): Promise<number> {
  const { options: o, positional } = readOptions(argv, OPTIONS, lang);
  if (positional.length !== 1) throw usage(lang, MESSAGES.oneInput.en, MESSAGES.oneInput.fr);
  const input = positional[0] as string;
  if (o.id !== undefined && !ID.test(o.id))
    throw usage(lang, MESSAGES.badId(o.id).en, MESSAGES.badId(o.id).fr);
  const fail = (text: { en: string; fr: string }) =>
    void io.stderr.write(`${commandError("vendor import", text, lang)}\n`);
  const read = await readTermsInput(input, io);
  if (!read.ok) {
    fail(read.message);
    return 1;
  }
  const result = importTermsText(read.text, {
    ...(o.id !== undefined ? { id: o.id } : {}),
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(input !== "-" ? { fileName: path.basename(input) } : {}),
  });
  if (!result.ok) {
    fail(result.message);
    return 1;
  }
  const { fileName, text } = exportProfileJson(result.profile);
  const out = o.out ?? fileName;
  if (input !== "-" && path.resolve(out) === path.resolve(input)) {
    fail(MESSAGES.sameAsInput);
    return 1;
  }
  const report = [
    ...(read.note ? [read.note[lang], ""] : []),
    renderImportReport(result.report, result.profile, lang),
    "",
    ...legalLines(result.profile, rates, todayDay(), lang),
  ];
  io.stdout.write(`${report.join("\n")}\n\n`);
  try {
    // A draft the user may have corrected by hand is not replaced without --force.
    await fs.writeFile(out, text, { encoding: "utf8", flag: o.force ? "w" : "wx" });
  } catch (e) {
    fail((e as { code?: string }).code === "EEXIST" ? MESSAGES.exists(out) : fileProblem(e, out));
    return 1;
  }
  io.stdout.write(`${MESSAGES.written(out, result.profile.id)[lang]}\n`);
  return 0;
}
