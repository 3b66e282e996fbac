import { promises as fs } from "node:fs";
import { checkCompany, parseUntrustedJson, type CompanyField, type StoredCompany } from "../../storage";
import type { Text } from "../../engine";
import { fileProblem } from "../register-file";
import type { Printer } from "../printer";
import { Stop } from "../printer";
import { RECOVERY_CLI_TEXT } from "./messages";

/**
 * « Mon entreprise » on the command line: the block stored in the workbook (as the pane saves it), or
 * a `--company FILE` — a small JSON object checked by storage's `checkCompany`, the same check as the
 * pane's form and the stored block. The file wins when both are there (and is stored in the register's
 * copy when one is written). Neither: a clear stop, before anything is written.
 */

const MAX_COMPANY_BYTES = 64 * 1024;

/** The JSON keys, in English (the stored block's names) and in French. */
const KEYS: ReadonlyMap<string, CompanyField> = new Map<string, CompanyField>([
  ["name", "name"],
  ["raison_sociale", "name"],
  ["legalForm", "legalForm"],
  ["forme_juridique", "legalForm"],
  ["address", "address"],
  ["adresse", "address"],
  ["siren", "siren"],
  ["iban", "iban"],
  ["bic", "bic"],
  ["email", "email"],
  ["phone", "phone"],
  ["telephone", "phone"],
  ["place", "place"],
  ["ville", "place"],
]);

export interface CompanyChoice {
  readonly company: StoredCompany;
  /** Where it came from: the file given, or the workbook. */
  readonly from: "file" | "workbook";
}

/** The --company file read and checked; every problem is printed and the run stops with 2. */
async function readCompanyFile(file: string, p: Printer): Promise<StoredCompany> {
  const fail = (problem: Text): Stop => p.fail(RECOVERY_CLI_TEXT.companyFile(file, problem), 2);
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_COMPANY_BYTES) throw fail(RECOVERY_CLI_TEXT.companyTooLarge(MAX_COMPANY_BYTES));
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if (e instanceof Stop) throw e;
    throw p.fail(fileProblem(e, file), 2);
  }
  const parsed = parseUntrustedJson(text.replace(/^\ufeff/, ""), MAX_COMPANY_BYTES);
  if (!parsed.ok) throw fail(parsed.message);
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw fail(RECOVERY_CLI_TEXT.companyNotObject);
  const input: Partial<Record<CompanyField, unknown>> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const field = KEYS.get(key);
    if (field === undefined) throw fail(RECOVERY_CLI_TEXT.companyUnknownKey(key, [...KEYS.keys()]));
    // An address may be given as its lines.
    input[field] = Array.isArray(raw) && raw.every((l) => typeof l === "string") ? raw.join("\n") : raw;
  }
  const checked = checkCompany(input);
  if (!checked.ok) {
    for (const problem of checked.problems) p.error(RECOVERY_CLI_TEXT.companyFile(file, problem.text));
    throw new Stop(2);
  }
  return checked.company;
}

/** The company the documents are sent from, said on a line; stops with 2 when there is none. */
export async function companyOf(
  file: string | undefined,
  stored: StoredCompany | undefined,
  p: Printer,
): Promise<CompanyChoice> {
  if (file !== undefined) {
    const company = await readCompanyFile(file, p);
    p.say(RECOVERY_CLI_TEXT.companyFromFile(company.name, file));
    return { company, from: "file" };
  }
  if (stored) {
    p.say(RECOVERY_CLI_TEXT.companyFromWorkbook(stored.name));
    return { company: stored, from: "workbook" };
  }
  throw p.fail(RECOVERY_CLI_TEXT.noCompany, 2);
}
