import { detectSeparator, parseCsvLines } from "../cells";
import { checkRateRows, type RateRow, type RateRowProblem, type Text } from "../engine";
import { parseUntrustedJson } from "./json";

/**
 * A rate file as a user keeps it beside a register (`--rates FILE`): CSV with the header
 * `half-year,legal-professional,legal-consumer,ecb` (half-year as 2026-H2; rates in percent per year,
 * `2.50` or `2,50`; `ecb` = the ECB main refinancing rate in force on the half-year's first day; `;`
 * or `,` separated, an optional `source` column), or JSON: an array of objects with the same keys.
 * Nothing is used from a file with a problem: every problem names its row and field.
 */

export const RATE_FILE_HEADER = ["half-year", "legal-professional", "legal-consumer", "ecb"] as const;
const COLUMNS = [...RATE_FILE_HEADER, "source"] as const;
type Column = (typeof COLUMNS)[number];

export const MAX_RATE_FILE_CHARS = 200_000;

export type RateFileResult =
  | { readonly ok: true; readonly rows: readonly RateRow[] }
  | { readonly ok: false; readonly problems: readonly Text[] };

const problemTexts = (problems: readonly RateRowProblem[]): Text[] => problems.map((p) => p.text);

/** Reads a rate file's text; `name` (the file name) tells JSON from CSV by its extension or first character. */
export function parseRateFile(text: string, name: string): RateFileResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > MAX_RATE_FILE_CHARS)
    return {
      ok: false,
      problems: [
        {
          en: `${name} is too large for a rate file (${body.length} characters, at most ${MAX_RATE_FILE_CHARS}).`,
          fr: `${name} est trop volumineux pour un fichier de taux (${body.length} caractères, au plus ${MAX_RATE_FILE_CHARS}).`,
        },
      ],
    };
  const json = /\.json$/i.test(name) || body.trimStart().startsWith("[");
  const read = json ? jsonRows(body) : csvRows(body);
  if (!("rows" in read)) return { ok: false, problems: [read] };
  const { rows, lines } = read;
  // A CSV's problems name the file's line (the header is line 1); a JSON array's, the row's position.
  const problems = checkRateRows(rows, lines ? { name: baseName(name), lines } : undefined);
  return problems.length > 0 ? { ok: false, problems: problemTexts(problems) } : { ok: true, rows };
}

/** The file's name without its folders, as messages name it. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function csvRows(text: string): { rows: RateRow[]; lines: number[] } | Text {
  const all = parseCsvLines(text, detectSeparator(text)).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const head = all[0];
  if (head === undefined) return { en: "the rate file is empty.", fr: "le fichier de taux est vide." };
  const header = head.cells.map((h) => h.trim().toLowerCase());
  const missing = RATE_FILE_HEADER.filter((c) => !header.includes(c));
  if (
    missing.length > 0 ||
    header.length > COLUMNS.length ||
    header.some((h) => !(COLUMNS as readonly string[]).includes(h))
  ) {
    const got = head.cells.join(detectSeparator(text)).trim();
    return {
      en: `the rate file's header must be ${RATE_FILE_HEADER.join(",")} (and optionally source); got "${got}".`,
      fr: `l'en-tête du fichier de taux doit être ${RATE_FILE_HEADER.join(",")} (et éventuellement source) ; reçu « ${got} ».`,
    };
  }
  const index = new Map(header.map((h, i) => [h as Column, i]));
  const data = all.slice(1);
  const rows = data.map(({ cells }) => {
    const cell = (c: Column): string => (cells[index.get(c) ?? -1] ?? "").trim();
    return row(
      cell("half-year"),
      cell("legal-professional"),
      cell("legal-consumer"),
      cell("ecb"),
      cell("source"),
    );
  });
  return { rows, lines: data.map((r) => r.line) };
}

function row(halfYear: string, pro: string, consumer: string, ecb: string, source: string): RateRow {
  return {
    halfYear,
    ...(pro !== "" ? { legalProfessional: pro } : {}),
    ...(consumer !== "" ? { legalConsumer: consumer } : {}),
    ...(ecb !== "" ? { ecb } : {}),
    ...(source !== "" ? { source } : {}),
  };
}

function jsonRows(text: string): { rows: RateRow[]; lines?: undefined } | Text {
  const parsed = parseUntrustedJson(text, MAX_RATE_FILE_CHARS);
  if (!parsed.ok)
    return {
      en: `the rate file is not valid JSON: ${parsed.message.en}.`,
      fr: `le fichier de taux n'est pas du JSON valide : ${parsed.message.fr}.`,
    };
  if (!Array.isArray(parsed.value))
    return {
      en: `the rate file's JSON must be an array of objects with the keys ${RATE_FILE_HEADER.join(", ")}.`,
      fr: `le JSON du fichier de taux doit être un tableau d'objets aux clés ${RATE_FILE_HEADER.join(", ")}.`,
    };
  const rows: RateRow[] = [];
  for (const [i, item] of parsed.value.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      return {
        en: `rate row ${i + 1} is not an object.`,
        fr: `la ligne de taux ${i + 1} n'est pas un objet.`,
      };
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !(COLUMNS as readonly string[]).includes(k));
    if (unknown.length > 0)
      return {
        en: `rate row ${i + 1}: unknown key ${unknown.map((k) => `"${k}"`).join(", ")} (expected ${COLUMNS.join(", ")}).`,
        fr: `ligne de taux ${i + 1} : clé inconnue ${unknown.map((k) => `« ${k} »`).join(", ")} (attendu ${COLUMNS.join(", ")}).`,
      };
    const text = (k: Column): string => {
      const v = Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
      return typeof v === "number"
        ? String(v)
        : typeof v === "string"
          ? v.trim()
          : v === undefined || v === null
            ? ""
            : `${JSON.stringify(v)}`;
    };
    rows.push(
      row(text("half-year"), text("legal-professional"), text("legal-consumer"), text("ecb"), text("source")),
    );
  }
  return { rows };
}
