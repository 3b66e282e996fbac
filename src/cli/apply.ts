import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  fieldInfo,
  formatSummary,
  prepareApply,
  recognizeHeaders,
  type ApplyOptions,
  type CellValue,
  type FieldId,
  type HeaderRecognition,
  type RegisterMode,
} from "../apply";
import {
  applyToSheet,
  ApplyRefusal,
  checkRemembered,
  inputHeaders,
  planApply,
  rowsInMemory,
  skipReasonText,
  type ApplyOutcome,
  type ApplyRequest,
  type ApplySink,
  type RegisterRows,
  type WriteMode,
} from "../write";
import { buildIcs, icsTimestamp, registerEvents } from "../calendar";
import { cellRef } from "../cells";
import {
  isEngineError,
  type ClientType,
  type Language,
  type RateRow,
  type Text,
  type VendorProfile,
} from "../engine";
import { serializeState, STORAGE_NAMESPACE, type StoredRegister } from "../storage";
import {
  openTableAsXlsx,
  openXlsxRegister,
  readCustomXmlParts,
  XlsxError,
  type StoredTermsWriter,
  type XlsxRegisterBook,
} from "../xlsx";
import { languageOf, readOptions, usage, wholeNumber, type OptionSpec } from "./args";
import { todayDay, todayIso } from "./clock";
import { CsvSink } from "./csv-sink";
import type { CliIo } from "./io";
import { readRatesOption } from "./rates";
import { describeLocation, fileProblem, readRegisterFile } from "./register-file";
import { readCsvRows } from "./register-io";
import { storedTermsAfter, termsInForce, type TermsInForce } from "./stored-terms";

/**
 * `echeance apply`: applies a vendor's terms to a register file (xlsx or csv) and writes a copy with the
 * results. A thin driver over the one Apply (src/apply/use-case.ts): it reads the arguments, opens the
 * register (src/xlsx, or CSV), prints progress and the summary. The input file is only read.
 */

const USAGE_TEXT = {
  fr: `Usage : echeance apply REGISTRE.xlsx|REGISTRE.csv --vendor ID [options]

Applique les conditions d'un fournisseur à un registre (factures ou abonnements) et écrit une copie avec
de nouvelles colonnes : échéance, jours de retard, intérêts, indemnité, total, statut — ou prochain
renouvellement, date limite de préavis, jours restants, fin si préavis, statut. Le registre lu n'est
jamais modifié ; relancée sur son propre résultat, la commande réécrit ses colonnes à leur place.

Options :
  --vendor ID           omi, sillage, xiahdeh, injenius, digitalli, ou un nom (« Sillage.ai »), avec ses
                        options : xiahdeh+flat (facultatif si le registre a une colonne Fournisseur)
  --sheet NOM           feuille à lire (par défaut : la première qui porte un registre)
  --header-row N        ligne des en-têtes (par défaut : trouvée parmi les premières lignes)
  --mode MODE           invoices (factures) | subscriptions (abonnements) (par défaut : d'après les en-têtes)
  --as-of AAAA-MM-JJ    date d'arrêté (par défaut : aujourd'hui)
  --output TYPE         values (par défaut ; une note sur le premier en-tête dit le fournisseur, le
                        profil et la date du calcul) | formulas (formules CGV.* vivantes, pour le
                        complément) | portable (formules Excel natives, sans le complément, qui lisent
                        une feuille de référence des taux et jours fériés)
  --rates FICHIER       lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --ignore-stored-terms n'utilise pas les conditions enregistrées dans le classeur (fournisseurs, taux, réglages)
  --all                 recalcule tous les registres que le classeur mémorise (chacun avec son fournisseur,
                        son mode et sa date d'arrêté, « aujourd'hui » devenant la date du jour)
  --highlight-days N    surligne les échéances à venir dans les N jours (par défaut 30 ; 0 : seulement les retards)
  --no-highlight        pas de mise en forme conditionnelle
  --ics FICHIER         exporte aussi les échéances à venir en calendrier iCalendar
  --alarm-days N        rappel N jours avant chaque événement du calendrier (par défaut 7 ; 0 : le jour même)
  -o, --out FICHIER     fichier de sortie, .xlsx, .xlsm ou .csv (par défaut : REGISTRE.echeance.xlsx à côté)
  --explain LIGNE       affiche l'explication de la ligne LIGNE de la feuille (avec les articles) ; n'écrit rien
  --lang fr|en          langue des statuts, en-têtes et messages (par défaut fr)
  --kind ID             type de facture des lignes qui n'en ont pas (par ex. deposit)
  --plan ID             formule des lignes qui n'en ont pas (par ex. no-commitment)
  --client pro|consumer type de client des lignes qui n'en ont pas (par défaut pro)
  -h, --help            cette aide

Code de sortie : 0 si au moins une ligne est calculée, 1 si aucune, 2 pour une erreur d'usage.
`,
  en: `Usage: echeance apply INPUT.xlsx|INPUT.csv --vendor ID [options]

Applies a vendor's terms to a register (invoices or subscriptions) and writes a copy with new columns:
due date, days late, interest, recovery fee, total, status — or next renewal, notice deadline, days
left, end date if notice is given, status. The input file is never modified; run again on its own
output, the command rewrites its columns in place.

Options:
  --vendor ID           omi, sillage, xiahdeh, injenius, digitalli, or a name ("Sillage.ai"), with its
                        options: xiahdeh+flat (optional when the register has a Vendor column)
  --sheet NAME          worksheet to read (default: the first that holds a register)
  --header-row N        the header row (default: found among the first rows)
  --mode MODE           invoices | subscriptions (default: from the headers)
  --as-of YYYY-MM-DD    "as of" date (default: today)
  --output KIND         values (default; a note on the first new header gives the vendor, profile and
                        date computed) | formulas (live CGV.* formulas, for the add-in) | portable
                        (native Excel formulas that work without the add-in, reading a reference sheet
                        of rates per half-year and public holidays)
  --rates FILE          rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --ignore-stored-terms do not use the terms stored in the workbook (vendors, rates, settings)
  --all                 recalculate every register the workbook remembers (each with its vendor, mode
                        and as-of date, "today" becoming today's date)
  --highlight-days N    highlight deadlines within N days (default 30; 0: overdue only)
  --no-highlight        no conditional formatting
  --ics FILE            also export the coming due dates / notice deadlines as an iCalendar file
  --alarm-days N        alarm N days before each calendar event (default: 7; 0 = on the day)
  -o, --out FILE        output file, .xlsx, .xlsm or .csv (default: INPUT.echeance.xlsx next to the input)
  --explain ROW         print the explanation of sheet row ROW (with clause citations); writes nothing
  --lang fr|en          language of statuses, headers and messages (default: fr)
  --kind ID             invoice kind for rows without one (e.g. deposit)
  --plan ID             plan for rows without one (e.g. no-commitment)
  --client pro|consumer client type for rows without one (default: pro)
  -h, --help            this help

Exit code: 0 when at least one row was computed, 1 when none could be, 2 on a usage error.
`,
} as const;

export const applyUsage = (lang: Language): string => USAGE_TEXT[lang];

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
} as const satisfies Record<string, OptionSpec>;

interface ApplyArgs {
  readonly input: string;
  readonly lang: Language;
  readonly vendor?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly mode?: RegisterMode;
  readonly asOf: string;
  /** False when the as-of date is today's by default: the register is then remembered « aujourd'hui ». */
  readonly asOfGiven: boolean;
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
  /** --all: the remembered register this run applies again (its headers must not have moved). */
  readonly remembered?: StoredRegister;
}

function parseApplyArgs(argv: readonly string[], lang: Language): ApplyArgs | "help" {
  const { options: o, positional } = readOptions(argv, OPTIONS, lang);
  if (o.help) return "help";
  if (positional.length === 0) throw usage(lang, "INPUT file is missing.", "le fichier registre manque.");
  if (positional.length > 1)
    throw usage(
      lang,
      `one INPUT file only (got ${positional.join(", ")}).`,
      `un seul fichier registre (reçu ${positional.join(", ")}).`,
    );
  const headerRow = wholeNumber(o["header-row"], "--header-row", 1, 1_048_576, lang);
  const highlight = wholeNumber(o["highlight-days"], "--highlight-days", 0, 366, lang);
  const explain = wholeNumber(o.explain, "--explain", 1, 1_048_576, lang);
  return {
    input: positional[0] as string,
    lang,
    asOf: o["as-of"] ?? todayIso(),
    asOfGiven: o["as-of"] !== undefined,
    write: (o.output ?? "values") as WriteMode,
    ignoreStoredTerms: o["ignore-stored-terms"] === true,
    all: o.all === true,
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

function defaultOutput(input: string): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm|csv|txt)$/i, "");
  // A macro-enabled workbook keeps its macros and its kind (.xlsm); everything else becomes .xlsx.
  return path.join(path.dirname(input), `${base}.echeance.${/\.xlsm$/i.test(input) ? "xlsm" : "xlsx"}`);
}

const isCsv = (file: string): boolean => /\.(csv|txt)$/i.test(file);

/** A stop with an exit code, after its message was printed. */
class Stop extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** --all: a remembered register left as it is, and why. */
class Skipped extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

/** What the command prints, in the user's language. */
class Printer {
  constructor(
    readonly io: CliIo,
    readonly lang: Language,
  ) {}
  say(line: string | Text): void {
    this.io.stdout.write(`${typeof line === "string" ? line : line[this.lang]}\n`);
  }
  warn(line: string | Text): void {
    this.io.stderr.write(`${typeof line === "string" ? line : line[this.lang]}\n`);
  }
  /** "echeance apply : …" with the sentence, then the exit code. */
  fail(text: Text, code: number): Stop {
    this.warn(`echeance apply${this.lang === "fr" ? " :" : ":"} ${text[this.lang]}`);
    return new Stop(code);
  }
  get fr(): boolean {
    return this.lang === "fr";
  }
}

/** `echeance apply …`: returns the exit code (0 computed, 1 nothing computed, 2 usage). */
export async function runApply(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const args = parseApplyArgs(argv, lang);
  if (args === "help") {
    io.stdout.write(USAGE_TEXT[lang]);
    return 0;
  }
  const p = new Printer(io, lang);
  try {
    if (args.explain !== undefined) return await explainRow(args, args.explain, p);
    return args.all ? await applyAll(args, p) : await applyFile(args, p);
  } catch (e) {
    if (e instanceof Stop) return e.code;
    throw e;
  }
}

/** The rate rows of --rates, or a stop naming every problem. */
async function rateRows(args: ApplyArgs, p: Printer): Promise<readonly RateRow[]> {
  if (args.rates === undefined) return [];
  const read = await readRatesOption(args.rates);
  if (read.ok) return read.rows;
  for (const problem of read.problems) p.warn(`echeance apply${p.fr ? " :" : ":"} ${problem[p.lang]}`);
  throw new Stop(2);
}

/** The terms in force, said on the first lines. */
async function terms(args: ApplyArgs, book: XlsxRegisterBook | undefined, p: Printer): Promise<TermsInForce> {
  const parts = book && !args.ignoreStoredTerms ? await book.customXmlParts() : undefined;
  const inForce = await termsInForce(parts, await rateRows(args, p), args.ignoreStoredTerms);
  p.say(inForce.line);
  for (const issue of inForce.issues) p.warn(`${p.fr ? "Attention" : "Warning"} : ${issue[p.lang]}`);
  return inForce;
}

/**
 * --all: a remembered register read again, checked as the pane's « Tout recalculer » checks it (the
 * same input columns, what the mode needs mapped, the user's choice of columns when one was stored).
 */
function rememberedRecognition(register: StoredRegister, headers: readonly CellValue[]): HeaderRecognition {
  const check = checkRemembered(register, headers);
  if (!check.ok) throw new Skipped(skipReasonText(check.reason));
  return check.recognition;
}

/** Recognises the headers, prints the mapping, and builds the core's options; stops when it cannot. */
function applyOptions(
  args: ApplyArgs,
  headers: readonly CellValue[],
  headerRow: number,
  inForce: TermsInForce,
  p: Printer,
): { options: ApplyOptions; recognition: HeaderRecognition } {
  const rec = args.remembered
    ? rememberedRecognition(args.remembered, headers)
    : recognizeHeaders(headers, args.mode ? { mode: args.mode } : {});
  if (rec.mode === undefined) {
    for (const problem of rec.problems) p.warn(problem.message[p.lang]);
    throw p.fail(
      {
        en: "give --mode invoices or --mode subscriptions, or rename the columns.",
        fr: "indiquez --mode invoices ou --mode subscriptions, ou renommez les colonnes.",
      },
      1,
    );
  }
  for (const problem of rec.problems)
    p.warn(`${p.fr ? "Attention" : "Warning"} : ${problem.message[p.lang]}`);
  if (rec.problems.some((x) => x.kind === "missing" || x.kind === "out-of-range")) throw new Stop(1);
  if (args.vendor === undefined && rec.mapping.vendor === undefined)
    throw p.fail(
      {
        en: "--vendor is required (the register has no Vendor column).",
        fr: "--vendor est obligatoire (le registre n'a pas de colonne Fournisseur).",
      },
      2,
    );
  const kind =
    rec.mode === "invoices" ? (p.fr ? "factures" : "invoices") : p.fr ? "abonnements" : "subscriptions";
  p.say(`${p.fr ? "Colonnes" : "Columns"} (${kind}) : ${describeMapping(rec.mapping, headers, p.lang)}`);
  if (rec.unrecognized.length > 0)
    p.say(
      `${p.fr ? "Colonnes non utilisées" : "Columns not used"} : ${rec.unrecognized.map((u) => u.header).join(", ")}`,
    );
  const options: ApplyOptions = {
    mode: rec.mode,
    mapping: rec.mapping,
    headers,
    asOf: args.asOf,
    lang: p.lang,
    firstRowNumber: headerRow + 1,
    registry: inForce.registry,
    settings: inForce.settings,
    ...(args.vendor !== undefined ? { vendor: args.vendor } : {}),
    defaults: {
      ...(args.kind !== undefined ? { invoiceKind: args.kind } : {}),
      ...(args.plan !== undefined ? { plan: args.plan } : {}),
      ...(args.client !== undefined ? { clientType: args.client } : {}),
    },
  };
  try {
    prepareApply(options);
  } catch (e) {
    if (isEngineError(e)) throw p.fail(e.text, 2);
    throw e;
  }
  return { options, recognition: rec };
}

function describeMapping(
  mapping: Partial<Record<FieldId, number>>,
  headers: readonly unknown[],
  lang: Language,
): string {
  return (Object.entries(mapping) as [FieldId, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([field, i]) => `${String(headers[i] ?? "").trim()} → ${fieldInfo(field).label[lang]}`)
    .join(", ");
}

/** Where to look for the register: the sheet and header row given, and the mode. */
function registerOptions(args: ApplyArgs): { sheet?: string; headerRow?: number; mode?: RegisterMode } {
  return {
    ...(args.sheet ? { sheet: args.sheet } : {}),
    ...(args.headerRow ? { headerRow: args.headerRow } : {}),
    ...(args.mode ? { mode: args.mode } : {}),
  };
}

/** --explain ROW: the explanation of one sheet row, with its clauses; nothing is written. */
async function explainRow(args: ApplyArgs, sheetRow: number, p: Printer): Promise<number> {
  const open = registerOptions(args);
  let table: Awaited<ReturnType<typeof readRegisterFile>>;
  try {
    table = await readRegisterFile(args.input, open);
  } catch (e) {
    throw p.fail(fileProblem(e, args.input), 1);
  }
  p.say(describeLocation(table, args.input, p.lang));
  const { headers, rows, headerRow } = table;
  const parts = args.ignoreStoredTerms || isCsv(args.input) ? undefined : table.customXmlParts;
  const inForce = await termsInForce(parts, await rateRows(args, p), args.ignoreStoredTerms);
  p.say(inForce.line);
  const { options } = applyOptions(args, headers, headerRow, inForce, p);
  const index = sheetRow - headerRow - 1;
  const row = rows[index];
  if (index < 0 || row === undefined)
    throw p.fail(
      {
        en: `--explain ${sheetRow}: data rows run from ${headerRow + 1} to ${headerRow + rows.length}.`,
        fr: `--explain ${sheetRow} : les lignes de données vont de ${headerRow + 1} à ${headerRow + rows.length}.`,
      },
      2,
    );
  p.say(prepareApply(options).explainRow(row, index));
  return 0;
}

/** The register to apply, opened once: its rows, where it is, and the sink that writes the output. */
interface Opened {
  readonly headers: readonly CellValue[];
  readonly headerRow: number;
  readonly rows: RegisterRows;
  readonly book?: XlsxRegisterBook;
  /** Makes the sink, once the options are known (a CSV output needs the mapping; an xlsx, its stored terms). */
  sink(options: ApplyOptions, storedTerms: StoredTermsWriter): ApplySink;
  close(): void;
}

async function openRegister(args: ApplyArgs, out: string, p: Printer): Promise<Opened> {
  const open = registerOptions(args);
  // A CSV output holds the rows beside the results: the register is read whole (CSV or xlsx).
  if (isCsv(out)) {
    const table = await readRegisterFile(args.input, open);
    p.say(describeLocation(table, args.input, p.lang));
    const place = {
      sheet: table.sheet,
      headerRow: table.headerRow - 1,
      firstColumn: 0,
      width: table.headers.length,
    };
    const separator = table.csvSeparator ?? ";";
    return {
      headers: table.headers,
      headerRow: table.headerRow,
      rows: rowsInMemory(place, table.headers, table.rows),
      sink: (options) =>
        new CsvSink(
          out,
          { headers: table.headers, rows: table.rows, mapping: options.mapping, separator },
          p.lang,
        ),
      close: () => undefined,
    };
  }
  const book = isCsv(args.input)
    ? await readCsvRows(args.input).then((csv) => openTableAsXlsx(csv.sheetName, csv.rows, open))
    : await openXlsxRegister(args.input, open);
  p.say(
    describeLocation(
      { ...book.location, ...(isCsv(args.input) ? { csvSeparator: ";" } : {}) },
      args.input,
      p.lang,
    ),
  );
  return {
    headers: book.headers,
    headerRow: book.location.headerRow,
    rows: book.rows,
    book,
    sink: (_options, storedTerms) => book.copyTo(out, { lang: p.lang, storedTerms }),
    close: () => book.close(),
  };
}

async function applyFile(args: ApplyArgs, p: Printer): Promise<number> {
  const out = args.out ?? defaultOutput(args.input);
  if (path.resolve(out) === path.resolve(args.input))
    throw p.fail(
      {
        en: `the output file cannot be the input file (${out}).`,
        fr: `le fichier de sortie ne peut pas être le registre lu (${out}).`,
      },
      2,
    );
  if (args.write !== "values" && isCsv(out))
    throw p.fail(
      {
        en: `--output ${args.write} writes formulas: the output must be an .xlsx (${out}).`,
        fr: `--output ${args.write} écrit des formules : la sortie doit être un .xlsx (${out}).`,
      },
      2,
    );
  let opened: Opened;
  try {
    opened = await openRegister(args, out, p);
  } catch (e) {
    throw p.fail(
      e instanceof XlsxError ? e.text : fileProblem(e, args.input),
      e instanceof XlsxError && e.kind === "no-register" && args.sheet !== undefined ? 2 : 1,
    );
  }
  try {
    return await applyOpened(args, out, opened, p);
  } finally {
    opened.close();
  }
}

async function applyOpened(args: ApplyArgs, out: string, opened: Opened, p: Printer): Promise<number> {
  const inForce = await terms(args, opened.book, p);
  const { options, recognition } = applyOptions(args, opened.headers, opened.headerRow, inForce, p);
  const request: ApplyRequest = {
    options,
    write: args.write,
    today: todayDay(),
    previousOutputs: recognition.previousOutputs,
    ...(args.highlightDays !== undefined && !isCsv(out) ? { highlightDays: args.highlightDays } : {}),
  };
  // Refusals that need nothing read (formulas over columns that are not side by side) come first.
  try {
    planApply(request, opened.rows.place, opened.headers);
  } catch (e) {
    if (e instanceof ApplyRefusal) throw p.fail(e.text, 2);
    if (isEngineError(e)) throw p.fail(e.text, 2);
    throw e;
  }
  const pending: (readonly CellValue[])[] = [];
  let vendors: readonly VendorProfile[] = [];
  let rowsDone = 0;
  const place = opened.rows.place;
  const storedTerms: StoredTermsWriter = {
    namespace: STORAGE_NAMESPACE,
    xml: () =>
      serializeState(
        storedTermsAfter(inForce, vendors, {
          sheet: place.sheet,
          range: `${cellRef(place.firstColumn, place.headerRow + 1)}:${cellRef(place.firstColumn + place.width - 1, place.headerRow + 1 + rowsDone)}`,
          vendor: args.vendor ?? "",
          mode: options.mode,
          write: args.write,
          asOf: args.asOfGiven ? args.asOf : "today",
          ...(args.kind !== undefined ? { invoiceKind: args.kind } : {}),
          ...(args.plan !== undefined ? { plan: args.plan } : {}),
          ...(args.client !== undefined ? { clientType: args.client } : {}),
          headers: inputHeaders(opened.headers, recognition.previousOutputs),
          ...(args.remembered?.mapping ? { mapping: args.remembered.mapping } : {}),
          appliedOn: todayIso(),
        }),
      ),
  };
  let outcome: ApplyOutcome;
  try {
    const show = p.io.isTTY ? progress(p) : undefined;
    outcome = await applyToSheet(request, opened.rows, opened.sink(options, storedTerms), {
      chunkRows: 5000,
      yieldFn: () => new Promise((resolve) => setImmediate(resolve)),
      onProgress: (x) => {
        rowsDone = x.done;
        show?.(x);
      },
      beforeFinish: (used) => void (vendors = used.map((v) => v.profile)),
      // Only the rows with a coming deadline are kept, for the calendar (a sparse array).
      ...(args.ics !== undefined
        ? {
            onRow: (row: readonly CellValue[], i: number, r: { nextDeadline?: number }) =>
              void (r.nextDeadline !== undefined && (pending[i] = row)),
          }
        : {}),
    });
  } catch (e) {
    await fs.rm(out, { force: true }).catch(() => undefined);
    if (e instanceof XlsxError) throw p.fail(e.text, e.kind === "date-system" ? 2 : 1);
    if (isEngineError(e)) throw p.fail(e.text, 2);
    const problem = fileProblem(e, out);
    throw p.fail(problem, 1);
  }
  if (p.io.isTTY) p.io.stderr.write("\n");
  for (const w of opened.book?.warnings() ?? []) p.warn(`${p.fr ? "Attention" : "Warning"} : ${w[p.lang]}`);
  p.say(formatSummary(outcome.summary, p.lang));
  reportPortable(outcome, p);
  if (outcome.note && !outcome.note.added && !isCsv(out))
    p.warn(
      p.fr
        ? "Attention : la note de provenance n'a pas pu être ajoutée."
        : "Warning: the provenance note could not be added.",
    );
  p.say(`${p.fr ? "Résultat écrit dans" : "Written to"} ${out}`);
  if (args.ics !== undefined) await writeIcs(args, options, pending, p);
  return outcome.summary.computed > 0 ? 0 : 1;
}

/** A progress line on a terminal: rows done (of the total when known). */
function progress(p: Printer): (x: { done: number; total: number | undefined }) => void {
  return ({ done, total }) =>
    void p.io.stderr.write(`\r${done}${total !== undefined ? `/${total}` : ""} ${p.fr ? "lignes" : "rows"}…`);
}

/** Which columns (or rows) portable mode wrote as values, and why. */
function reportPortable(outcome: ApplyOutcome, p: Printer): void {
  if (!outcome.portable) return;
  p.say(
    p.fr
      ? `Formules portables (sans le complément) : elles lisent la feuille « ${outcome.portable.sheet} » des taux et jours fériés.`
      : `Portable formulas (no add-in needed): they read the sheet "${outcome.portable.sheet}" of rates and holidays.`,
  );
  for (const c of outcome.portable.columns) {
    const header = outcome.columns.find((col) => col.id === c.column)?.header ?? c.column;
    p.say(
      `  ${p.fr ? "Colonne en valeurs" : "Column written as values"} « ${header} » : ${c.reason[p.lang]}`,
    );
  }
  for (const r of outcome.portable.valueRowReasons)
    p.say(`  ${r.rows} ${p.fr ? "ligne(s) en valeurs" : "row(s) written as values"} : ${r.reason[p.lang]}`);
}

/** Writes the calendar file of --ics. */
async function writeIcs(
  args: ApplyArgs,
  options: ApplyOptions,
  rows: readonly (readonly CellValue[])[],
  p: Printer,
): Promise<void> {
  const file = args.ics as string;
  const source = path.basename(args.input);
  const events = registerEvents(prepareApply(options), rows, { source });
  const now = new Date();
  const text = buildIcs(events, {
    dtstamp: icsTimestamp(
      now.getUTCFullYear(),
      now.getUTCMonth() + 1,
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
    ),
    alarmDaysBefore: args.alarmDays,
    calendarName: `${p.fr ? "Échéances" : "Deadlines"} — ${source}`,
  });
  try {
    await fs.writeFile(file, text, "utf8");
  } catch (e) {
    throw p.fail(fileProblem(e, file), 1);
  }
  p.say(
    `${p.fr ? "Calendrier" : "Calendar"} : ${events.length} ${p.fr ? "échéance(s) à venir écrite(s) dans" : "coming deadline(s) written to"} ${file}`,
  );
}

/**
 * --all: applies again every register the workbook remembers (its stored terms list each register
 * Apply wrote, in the pane or here), one after the other into one output, each as of today when it was
 * applied « as of today », or as of its fixed date; says which were skipped and why (sheet gone,
 * columns moved, an Excel table).
 */
async function applyAll(args: ApplyArgs, p: Printer): Promise<number> {
  if (isCsv(args.input))
    throw p.fail(
      {
        en: "--all needs a workbook (.xlsx) that remembers its registers.",
        fr: "--all demande un classeur (.xlsx) qui mémorise ses registres.",
      },
      2,
    );
  const out = args.out ?? defaultOutput(args.input);
  if (path.resolve(out) === path.resolve(args.input) || isCsv(out))
    throw p.fail(
      {
        en: `--all writes an .xlsx other than the input (${out}).`,
        fr: `--all écrit un .xlsx autre que le registre lu (${out}).`,
      },
      2,
    );
  let parts: readonly string[];
  try {
    parts = await readCustomXmlParts(args.input);
  } catch (e) {
    throw p.fail(e instanceof XlsxError ? e.text : fileProblem(e, args.input), 1);
  }
  const remembered = (await termsInForce(parts, [], false)).stored?.registers ?? [];
  if (remembered.length === 0)
    throw p.fail(
      {
        en: "this workbook remembers no register: apply one first (echeance apply, or Apply in the pane).",
        fr: "ce classeur ne mémorise aucun registre : appliquez-en d'abord un (echeance apply, ou Appliquer dans le volet).",
      },
      1,
    );
  let current = args.input;
  const temporaries: string[] = [];
  let computed = 0;
  try {
    for (const [k, reg] of remembered.entries()) {
      const label = `${reg.sheet}${reg.range ? `!${reg.range}` : ""}${reg.table ? ` (${reg.table})` : ""}`;
      p.say(`${p.fr ? "Registre" : "Register"} ${k + 1}/${remembered.length} : ${label}`);
      const target = k === remembered.length - 1 ? out : `${out}.${k + 1}.tmp.xlsx`;
      if (target !== out) temporaries.push(target);
      const headerRow = reg.range ? Number(/\d+/.exec(reg.range)?.[0]) : undefined;
      const skip = (reason: Text): Promise<void> => {
        p.say(`  ${p.fr ? "Ignoré" : "Skipped"} : ${reason[p.lang]}.`);
        return fs.copyFile(current, target);
      };
      if (headerRow === undefined) {
        await skip({
          en: "an Excel table: recalculate it in Excel (Tout recalculer)",
          fr: "un tableau Excel : recalculez-le dans Excel (Tout recalculer)",
        });
        current = target;
        continue;
      }
      const one: ApplyArgs = {
        ...args,
        input: current,
        out: target,
        all: false,
        sheet: reg.sheet,
        headerRow,
        mode: reg.mode,
        write: reg.write,
        asOf: reg.asOf === "today" ? todayIso() : reg.asOf,
        asOfGiven: reg.asOf !== "today",
        remembered: reg,
        ...(reg.vendor !== "" ? { vendor: reg.vendor } : {}),
        ...(reg.invoiceKind !== undefined ? { kind: reg.invoiceKind } : {}),
        ...(reg.plan !== undefined ? { plan: reg.plan } : {}),
        ...(reg.clientType !== undefined ? { client: reg.clientType } : {}),
      };
      try {
        const code = await applyFile(one, p);
        if (code === 0) computed += 1;
      } catch (e) {
        if (e instanceof Skipped) await skip(e.reason);
        else if (e instanceof Stop)
          await skip({
            en: "it could not be applied (see above)",
            fr: "il n'a pas pu être appliqué (voir ci-dessus)",
          });
        else throw e;
      }
      current = target;
    }
  } finally {
    for (const t of temporaries) await fs.rm(t, { force: true });
  }
  p.say(
    p.fr
      ? `${computed} registre(s) recalculé(s) sur ${remembered.length} ; résultat dans ${out}`
      : `${computed} of ${remembered.length} register(s) recalculated; written to ${out}`,
  );
  return computed > 0 ? 0 : 1;
}
