import { promises as fs } from "node:fs";
import { columnLetters } from "../cells";
import * as path from "node:path";
import {
  applyRegister,
  fieldInfo,
  formatSummary,
  prepareApply,
  recognizeHeaders,
  rowFormulas,
  SummaryBuilder,
  type Applier,
  type ApplyOptions,
  type ApplyResult,
  type CellValue,
  type FieldId,
  type OutputValue,
  type RegisterMode,
} from "../apply";
import { dayToSerial } from "../adapter/cell-values";
import { isEngineError, parseIsoDay, type ClientType, type Day, type Language } from "../engine";
import {
  portableReference,
  portableRow,
  provenanceNote,
  summarizeFallbacks,
  type PortableRow,
  type ReferenceSheet,
} from "../portable";
import { buildIcs, icsTimestamp, registerEvents } from "../calendar";
import {
  addOutputColumns,
  readRegister,
  streamRegister,
  writeCsv,
  writeReferenceSheet,
  writeTableXlsx,
  type LoadedRegister,
  type OutputCell,
  sheetFeatures,
  type SheetFeatures,
  type StreamHandler,
} from "./register-io";
import { UsageError, type CliIo } from "./io";
import { patchRegister, UnsupportedXlsx, type PatchOutcome } from "./xlsx/patch";

/**
 * `echeance apply`: applies a vendor's terms to a register file (xlsx or csv) and writes a copy with
 * the new columns to the right. The input file is only read.
 */

export const APPLY_USAGE = `Usage: echeance apply INPUT.xlsx|INPUT.csv --vendor ID [options]

Applies a vendor's terms to a register (invoices or subscriptions) and writes a copy with new
columns: due date, days late, interest, recovery fee, total, status — or renewal, notice deadline,
days left, end date, status. The input file is never modified.

Options:
  --vendor ID          omi, sillage, xiahdeh, injenius, digitalli, with options: xiahdeh+flat
                       (optional when the register has a Fournisseur/Vendor column)
  --sheet NAME         worksheet to read (default: the first)
  --mode MODE          invoices | subscriptions (default: detected from the headers)
  --as-of YYYY-MM-DD   "as of" date (default: today)
  --output KIND        values (default; a note on the first new header gives the vendor, profile
                       version and date computed) | formulas (live CGV.* formulas, for the add-in)
                       | portable (native Excel formulas that work without the add-in, reading a
                       generated sheet of rates per half-year and public holidays; columns that
                       cannot be formulas are written as values and listed)
  --ics FILE           also export the coming due dates / notice deadlines as an iCalendar file
  --alarm-days N       alarm N days before each calendar event (default: 7; 0 = on the day)
  -o, --out FILE       output file, .xlsx or .csv (default: INPUT.echeance.xlsx next to the input)
  --explain ROW        print the explanation of sheet row ROW (with clause citations); writes nothing
  --lang fr|en         language of statuses, headers and messages (default: fr)
  --kind ID            invoice kind for rows without one (e.g. deposit)
  --plan ID            plan for rows without one (e.g. no-commitment)
  --client pro|consumer  client type for rows without one (default: pro)
  --no-stream          read and write the whole workbook with exceljs in memory (by default the
                       output is a copy of the input in which only the register's rows and the
                       styles are rewritten: charts, merges, filters, notes… come through)
  --stream             where that copy cannot be made (1904 workbooks, unusual files), use
                       exceljs's streaming copy even below 3 MB (it drops widths, merges, filters)
  -h, --help           this help

Exit code: 0 when at least one row was computed, 1 when none could be, 2 on a usage error.
`;

interface ApplyArgs {
  input: string;
  vendor?: string;
  sheet?: string;
  mode?: RegisterMode;
  asOf?: string;
  output: "values" | "formulas" | "portable";
  out?: string;
  ics?: string;
  alarmDays: number;
  explain?: number;
  lang: Language;
  kind?: string;
  plan?: string;
  client?: ClientType;
  /** Force (true) or forbid (false) the streaming path; default: by file size. */
  stream?: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): ApplyArgs {
  const args: Partial<ApplyArgs> & {
    output: ApplyArgs["output"];
    lang: Language;
    help: boolean;
    alarmDays: number;
  } = {
    output: "values",
    alarmDays: 7,
    lang: "fr",
    help: false,
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith("-") && v.length > 1))
        throw new UsageError(`${flag} needs a value.`);
      i++;
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "--vendor":
        args.vendor = value();
        break;
      case "--sheet":
        args.sheet = value();
        break;
      case "--mode": {
        const v = value().toLowerCase();
        if (v !== "invoices" && v !== "subscriptions")
          throw new UsageError(`--mode must be invoices or subscriptions (got "${v}").`);
        args.mode = v;
        break;
      }
      case "--as-of":
      case "--asof":
        args.asOf = value();
        break;
      case "--output": {
        const v = value().toLowerCase();
        if (v !== "values" && v !== "formulas" && v !== "portable")
          throw new UsageError(`--output must be values, formulas or portable (got "${v}").`);
        args.output = v;
        break;
      }
      case "--ics":
        args.ics = value();
        break;
      case "--alarm-days": {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 365)
          throw new UsageError(`--alarm-days needs a whole number of days from 0 to 365 (got "${v}").`);
        args.alarmDays = n;
        break;
      }
      case "-o":
      case "--out":
        args.out = value();
        break;
      case "--explain": {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(`--explain needs a sheet row number (got "${v}").`);
        args.explain = n;
        break;
      }
      case "--lang": {
        const v = value().toLowerCase();
        if (v !== "fr" && v !== "en") throw new UsageError(`--lang must be fr or en (got "${v}").`);
        args.lang = v;
        break;
      }
      case "--kind":
        args.kind = value();
        break;
      case "--plan":
        args.plan = value();
        break;
      case "--client": {
        const v = value().toLowerCase();
        if (v !== "pro" && v !== "consumer")
          throw new UsageError(`--client must be pro or consumer (got "${v}").`);
        args.client = v;
        break;
      }
      case "--stream":
        args.stream = true;
        break;
      case "--no-stream":
        args.stream = false;
        break;
      default:
        if (flag.startsWith("-") && flag.length > 1) throw new UsageError(`unknown option ${flag}.`);
        positional.push(raw);
    }
  }
  if (args.help) return { ...args, input: positional[0] ?? "" };
  if (positional.length === 0) throw new UsageError("INPUT file is missing.");
  if (positional.length > 1) throw new UsageError(`one INPUT file only (got ${positional.join(", ")}).`);
  return { ...args, input: positional[0] as string };
}

/** Today's date in the local time zone, as YYYY-MM-DD (the command reads the clock here and for the calendar's DTSTAMP only). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|csv|txt)$/i, "");
  // A macro-enabled workbook keeps its macros and its kind (.xlsm); everything else becomes .xlsx.
  return path.join(dir, `${base}.echeance.${/\.xlsm$/i.test(input) ? "xlsm" : "xlsx"}`);
}

function load(args: ApplyArgs): Promise<LoadedRegister> {
  return readRegister(args.input, args.sheet);
}

function progressBar(io: CliIo, total: number): ((p: { done: number; total: number }) => void) | undefined {
  if (!io.isTTY || total < 2000) return undefined;
  let last = -1;
  return ({ done }) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    io.stderr.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(pct).padStart(3)} % ${done}/${total}`,
    );
    if (done >= total) io.stderr.write("\n");
  };
}

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function describeMapping(
  mapping: Partial<Record<FieldId, number>>,
  headers: readonly unknown[],
  lang: Language,
): string {
  const parts = (Object.entries(mapping) as [FieldId, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([field, i]) => `${String(headers[i] ?? "").trim()} → ${fieldInfo(field).label[lang]}`);
  return parts.join(", ");
}

/** Above this size (bytes), a workbook exceljs has to copy is copied by its streaming writer (flat memory). */
export const STREAM_THRESHOLD_BYTES = 3_000_000;

/** A stop with an exit code, after its messages were printed. */
class Stop extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface Setup {
  readonly options: ApplyOptions;
  readonly applier: Applier;
}

/**
 * From the register's header row to a prepared application: recognises the columns, prints the
 * mapping and its problems, checks the vendor. Throws Stop with the exit code when it cannot go on.
 */
function setup(
  args: ApplyArgs,
  table: { readonly sheetName: string; readonly headerRow: number; readonly headers: readonly CellValue[] },
  io: CliIo,
  quiet: boolean,
): Setup {
  const fr = args.lang === "fr";
  const say = (line: string): void => void io.stdout.write(`${line}\n`);
  const warn = (line: string): void => void io.stderr.write(`${line}\n`);
  const rec = recognizeHeaders(table.headers, args.mode ? { mode: args.mode } : {});
  if (rec.mode === undefined) {
    for (const p of rec.problems) warn(p.message[args.lang]);
    warn(
      fr
        ? "Indiquez --mode invoices ou --mode subscriptions, ou renommez les colonnes."
        : "Give --mode invoices or --mode subscriptions, or rename the columns.",
    );
    throw new Stop(1);
  }
  for (const p of rec.problems) warn(`${fr ? "Attention" : "Warning"} : ${p.message[args.lang]}`);
  if (rec.problems.some((p) => p.kind === "missing" || p.kind === "out-of-range")) throw new Stop(1);
  if (args.vendor === undefined && rec.mapping.vendor === undefined) {
    warn(
      `echeance apply: --vendor ${fr ? "est obligatoire (le registre n'a pas de colonne Fournisseur)" : "is required (the register has no Vendor column)"}.\n\n${APPLY_USAGE}`,
    );
    throw new Stop(2);
  }
  const options: ApplyOptions = {
    mode: rec.mode,
    mapping: rec.mapping,
    headers: table.headers,
    asOf: args.asOf ?? today(),
    lang: args.lang,
    firstRowNumber: table.headerRow + 1,
    ...(args.vendor !== undefined ? { vendor: args.vendor } : {}),
    defaults: {
      ...(args.kind !== undefined ? { invoiceKind: args.kind } : {}),
      ...(args.plan !== undefined ? { plan: args.plan } : {}),
      ...(args.client !== undefined ? { clientType: args.client } : {}),
    },
  };
  let applier: Applier;
  try {
    applier = prepareApply(options);
  } catch (e) {
    if (isEngineError(e)) {
      warn(`echeance apply: ${e.text[args.lang]}`);
      throw new Stop(2);
    }
    throw e;
  }
  if (!quiet) {
    const kind =
      rec.mode === "invoices" ? (fr ? "factures" : "invoices") : fr ? "abonnements" : "subscriptions";
    say(`${fr ? "Registre" : "Register"} : ${args.input} (${table.sheetName}) — ${kind}`);
    say(`${fr ? "Colonnes" : "Columns"} : ${describeMapping(rec.mapping, table.headers, args.lang)}`);
    if (rec.unrecognized.length > 0) {
      say(
        `${fr ? "Colonnes non utilisées" : "Columns not used"} : ${rec.unrecognized.map((u) => u.header).join(", ")}`,
      );
    }
  }
  return { options, applier };
}

/** The cells for one row in formulas mode: formulas carry the computed value as their cached result. */
function formulaCells(
  applier: Applier,
  row: readonly CellValue[],
  index: number,
  headerRow: number,
  width: number,
  values: readonly OutputValue[],
): OutputCell[] {
  const asOfRef = `$${columnLetters(width + applier.columns.length + 1)}$${headerRow}`;
  const f = rowFormulas(applier, row, index, {
    sourceTopLeft: `A${headerRow}`,
    outputFirstColumn: width,
    asOfRef,
  });
  return f.map((formula, j) =>
    typeof formula === "string" && formula.startsWith("=") ? { formula, result: values[j] ?? "" } : formula,
  );
}

/** The cells for one row in portable mode: native formulas with the engine's values as cached results. */
function portableCells(
  applier: Applier,
  row: readonly CellValue[],
  index: number,
  headerRow: number,
  width: number,
  reference: ReferenceSheet,
  seen: PortableRow[],
): OutputCell[] {
  const asOfRef = `$${columnLetters(width + applier.columns.length + 1)}$${headerRow}`;
  const r = portableRow(applier, row, index, {
    sourceTopLeft: `A${headerRow}`,
    outputFirstColumn: width,
    asOfRef,
    reference,
  });
  // Only what the summary needs is kept (no cells), so memory stays flat when streaming.
  if (r.fallbacks.length > 0 || r.rowReason)
    seen.push({
      cells: [],
      values: [],
      fallbacks: r.fallbacks,
      ...(r.rowReason ? { rowReason: r.rowReason } : {}),
    });
  return r.cells.map((cell, j) =>
    typeof cell === "string" && cell.startsWith("=") ? { formula: cell, result: r.values[j] ?? "" } : cell,
  );
}

/** Prints which columns were written as values in portable mode, and why. */
function reportPortable(args: ApplyArgs, io: CliIo, applier: Applier, seen: readonly PortableRow[]): void {
  const fr = args.lang === "fr";
  const say = (line: string): void => void io.stdout.write(`${line}\n`);
  const s = summarizeFallbacks(seen);
  say(
    fr
      ? "Formules portables (sans le complément) : elles lisent la feuille de référence des taux et jours fériés."
      : "Portable formulas (no add-in needed): they read the reference sheet of rates and holidays.",
  );
  for (const c of s.columns) {
    const header = applier.columns.find((col) => col.id === c.column)?.header[args.lang] ?? c.column;
    say(`  ${fr ? "Colonne en valeurs" : "Column written as values"} « ${header} » : ${c.reason[args.lang]}`);
  }
  for (const r of s.valueRowReasons)
    say(`  ${r.rows} ${fr ? "ligne(s) en valeurs" : "row(s) written as values"} : ${r.reason[args.lang]}`);
}

/** The provenance note of values mode (vendor, profile version, date computed). */
function valuesNote(
  args: ApplyArgs,
  applier: Applier,
  rows: readonly (readonly CellValue[])[] | undefined,
): string | undefined {
  if (args.output !== "values") return undefined;
  const vendors: { profile: ReturnType<Applier["vendorFor"]>["profile"]; spec: string }[] = [];
  const specs = new Set<string>();
  const add = (v: ReturnType<Applier["vendorFor"]>): void => {
    if (specs.has(v.spec)) return;
    specs.add(v.spec);
    vendors.push(v);
  };
  if (rows) {
    for (const row of rows) {
      try {
        add(applier.vendorFor(row));
      } catch {
        // a row without a usable vendor is an error row: it names no profile
      }
    }
  } else if (args.vendor !== undefined) {
    try {
      add(applier.vendorFor([]));
    } catch {
      // no usable default vendor
    }
  }
  const perRow = rows === undefined && applier.options.mapping.vendor !== undefined;
  return provenanceNote(vendors, todayDay(), applier.asOf, args.lang, perRow);
}

function todayDay(): Day {
  return parseIsoDay(today()) as Day;
}

/** Writes the calendar file of `--ics`; returns false (after a message) when it cannot. */
async function writeIcs(
  args: ApplyArgs,
  io: CliIo,
  applier: Applier,
  rows: readonly (readonly CellValue[])[],
): Promise<boolean> {
  if (args.ics === undefined) return true;
  const fr = args.lang === "fr";
  const source = path.basename(args.input);
  const events = registerEvents(applier, rows, { source });
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
    calendarName: `${fr ? "Échéances" : "Deadlines"} — ${source}`,
  });
  try {
    await fs.writeFile(args.ics, text, "utf8");
  } catch (e) {
    io.stderr.write(
      `echeance apply: ${fr ? "écriture impossible de" : "cannot write"} ${args.ics}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return false;
  }
  io.stdout.write(
    `${fr ? "Calendrier" : "Calendar"} : ${events.length} ${fr ? "échéance(s) à venir écrite(s) dans" : "coming deadline(s) written to"} ${args.ics}\n`,
  );
  return true;
}

/** The header cells after the new columns in formulas mode: the as-of label and date the formulas use. */
function asOfHeader(args: ApplyArgs, applier: Applier): (string | number)[] {
  if (args.output === "values") return [];
  return [args.lang === "fr" ? "Date d'arrêté" : "As of", dayToSerial(applier.asOf)];
}

/** `echeance apply …`: returns the exit code (0 computed, 1 nothing computed, 2 usage). */
export async function runApply(argv: string[], io: CliIo): Promise<number> {
  let args: ApplyArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`echeance apply: ${e.message}\n\n${APPLY_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout.write(APPLY_USAGE);
    return 0;
  }
  try {
    return await applyFile(args, io);
  } catch (e) {
    if (e instanceof Stop) return e.code;
    throw e;
  }
}

async function applyFile(args: ApplyArgs, io: CliIo): Promise<number> {
  const fr = args.lang === "fr";
  const say = (line: string): void => void io.stdout.write(`${line}\n`);
  const warn = (line: string): void => void io.stderr.write(`${line}\n`);

  const out = args.out ?? defaultOutput(args.input);
  if (args.explain === undefined && path.resolve(out) === path.resolve(args.input)) {
    warn(
      `echeance apply: ${fr ? "le fichier de sortie ne peut pas être le fichier d'entrée" : "the output file cannot be the input file"} (${out}).`,
    );
    return 2;
  }
  if (args.output === "portable" && args.explain === undefined && /\.csv$/i.test(out)) {
    warn(
      `echeance apply: ${fr ? "--output portable écrit des formules : la sortie doit être un .xlsx" : "--output portable writes formulas: the output must be an .xlsx"} (${out}).`,
    );
    return 2;
  }
  const isCsv = /\.(csv|txt)$/i.test(args.input);
  let size = 0;
  try {
    size = (await fs.stat(args.input)).size;
  } catch (e) {
    warn(
      `echeance apply: ${fr ? "lecture impossible de" : "cannot read"} ${args.input}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  // An xlsx written as xlsx is a copy of the input with the register's rows rewritten (copyFile),
  // unless --no-stream asks for exceljs in memory. Where that copy cannot be made (a 1904 workbook,
  // an unusual file), exceljs copies the workbook: streaming when it is large.
  const xlsxOut = !isCsv && args.explain === undefined && !/\.csv$/i.test(out);
  const large = xlsxOut && (args.stream ?? size > STREAM_THRESHOLD_BYTES);
  if (!isCsv && args.explain === undefined) {
    const stop = await checkSheet(args, io, large);
    if (stop !== undefined) return stop;
  }
  if (xlsxOut && (large || args.stream !== false)) {
    const code = await copyFile(args, io, out, large);
    if (code !== undefined) return code;
  }
  if (args.explain === undefined && /\.xlsm$/i.test(out)) return refuseXlsm(args, io, out);

  let loaded: LoadedRegister;
  try {
    loaded = await load(args);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    warn(`echeance apply: ${fr ? "lecture impossible de" : "cannot read"} ${args.input}: ${why}`);
    return e instanceof Error && /no sheet named/.test(why) ? 2 : 1;
  }
  const { table } = loaded;
  const { options, applier } = setup(args, table, io, args.explain !== undefined);

  if (args.explain !== undefined) {
    const index = args.explain - table.headerRow - 1;
    const row = table.rows[index];
    if (index < 0 || row === undefined) {
      warn(
        `echeance apply: --explain ${args.explain}: ${fr ? `les lignes de données vont de ${table.headerRow + 1} à ${table.headerRow + table.rows.length}` : `data rows run from ${table.headerRow + 1} to ${table.headerRow + table.rows.length}`}.`,
      );
      return 2;
    }
    say(applier.explainRow(row, index));
    return 0;
  }

  const onProgress = progressBar(io, table.rows.length);
  const result: ApplyResult = await applyRegister(table.rows, options, {
    chunkSize: 5000,
    yieldFn: immediate,
    ...(onProgress ? { onProgress } : {}),
  });
  const width = table.headers.length;
  const reference = args.output === "portable" ? portableReference(applier, todayDay()) : undefined;
  const portableSeen: PortableRow[] = [];
  const cells: OutputCell[][] =
    args.output === "formulas"
      ? table.rows.map((row, i) =>
          formulaCells(applier, row, i, table.headerRow, width, result.rows[i] ?? []),
        )
      : reference
        ? table.rows.map((row, i) =>
            portableCells(applier, row, i, table.headerRow, width, reference, portableSeen),
          )
        : (result.rows as OutputCell[][]);
  const after = asOfHeader(args, applier);
  const note = valuesNote(args, applier, table.rows);

  try {
    if (/\.csv$/i.test(out)) {
      await writeCsv(out, table, loaded.csvSeparator ?? ";", result.columns, result.rows, args.lang);
    } else if (loaded.workbook && loaded.worksheet) {
      addOutputColumns(loaded.worksheet, table, width + 1, result.columns, cells, args.lang, after, note);
      if (reference) {
        const old = loaded.workbook.getWorksheet(reference.name);
        if (old) loaded.workbook.removeWorksheet(old.id);
        writeReferenceSheet(loaded.workbook.addWorksheet(reference.name), reference);
        loaded.workbook.calcProperties.fullCalcOnLoad = true;
      }
      await loaded.workbook.xlsx.writeFile(out);
    } else {
      await writeTableXlsx(out, table, result.columns, cells, args.lang, after, {
        ...(note !== undefined ? { note } : {}),
        ...(reference ? { reference } : {}),
      });
    }
  } catch (e) {
    warn(
      `echeance apply: ${fr ? "écriture impossible de" : "cannot write"} ${out}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }

  say(formatSummary(result.summary, args.lang));
  if (reference) reportPortable(args, io, applier, portableSeen);
  say(`${fr ? "Résultat écrit dans" : "Written to"} ${out}`);
  if (!(await writeIcs(args, io, applier, table.rows))) return 1;
  return result.summary.computed > 0 ? 0 : 1;
}

/**
 * What the register's cells do not show, said before anything is written. A protected sheet is refused
 * (the pane cannot write into it either, and a copy would lock the new columns or drop the protection).
 * A 1904-date-system workbook keeps its dates in values mode but refuses formulas (CGV.* read 1900
 * serials). Merges, hidden rows and filters are reported. Returns an exit code to stop with, if any.
 */
async function checkSheet(args: ApplyArgs, io: CliIo, stream: boolean): Promise<number | undefined> {
  let f: SheetFeatures | undefined;
  try {
    f = await sheetFeatures(args.input, args.sheet);
  } catch {
    return undefined; // unreadable: the read below says why
  }
  if (f === undefined) return undefined;
  const fr = args.lang === "fr";
  const warn = (line: string): void => void io.stderr.write(`${line}\n`);
  if (f.protected) {
    warn(
      fr
        ? `echeance apply: la feuille « ${f.sheetName} » est protégée : rien n'est écrit. Ôtez la protection dans Excel (Révision > Ôter la protection de la feuille), enregistrez, puis relancez.`
        : `echeance apply: the sheet "${f.sheetName}" is protected: nothing written. Unprotect it in Excel (Review > Unprotect Sheet), save, and run again.`,
    );
    return 1;
  }
  if (f.date1904 && args.output === "portable") {
    warn(
      fr
        ? "echeance apply: ce classeur utilise le calendrier depuis 1904 ; la feuille de référence des formules portables est au calendrier depuis 1900 : rien n'est écrit. Utilisez --output values, ou décochez « Utiliser le calendrier depuis 1904 » dans Excel."
        : 'echeance apply: this workbook uses the 1904 date system; the portable formulas\' reference sheet uses the 1900 system: nothing written. Use --output values, or untick "Use 1904 date system" in Excel.',
    );
    return 2;
  }
  if (f.date1904 && args.output === "formulas") {
    warn(
      fr
        ? "echeance apply: ce classeur utilise le calendrier depuis 1904 ; les formules CGV.* lisent les dates du calendrier depuis 1900 et seraient décalées de 4 ans : rien n'est écrit. Utilisez --output values, ou décochez « Utiliser le calendrier depuis 1904 » dans Excel (Options > Options avancées)."
        : 'echeance apply: this workbook uses the 1904 date system; CGV.* formulas read dates in the 1900 system and would be 4 years off: nothing written. Use --output values, or untick "Use 1904 date system" in Excel (Options > Advanced).',
    );
    return 2;
  }
  const list = (xs: readonly (string | number)[]): string =>
    xs.slice(0, 5).join(", ") + (xs.length > 5 ? ", …" : "");
  // The exceljs stream (what copies a large 1904 workbook) does not carry sheet features over.
  const lost =
    stream && f.date1904
      ? fr
        ? " ; la copie écrite en continu ne les garde pas"
        : "; the streamed copy does not keep them"
      : "";
  const notes: string[] = [];
  if (f.merges.length > 0)
    notes.push(
      fr
        ? `cellules fusionnées (${list(f.merges)}) : seule la cellule en haut à gauche d'une fusion a une valeur, les autres sont lues vides, comme dans Excel${lost}.`
        : `merged cells (${list(f.merges)}): only the top-left cell of a merge holds a value, the others read blank, as in Excel${lost}.`,
    );
  if (f.autoFilter)
    notes.push(
      fr
        ? `filtre automatique sur la feuille : toutes les lignes sont calculées, filtrées ou non${lost}.`
        : `autofilter on the sheet: every row is computed, filtered out or not${lost}.`,
    );
  if (f.hiddenRows.length > 0)
    notes.push(
      fr
        ? `${f.hiddenRows.length} ligne(s) masquée(s) (${list(f.hiddenRows)}) : elles sont calculées comme les autres${lost}.`
        : `${f.hiddenRows.length} hidden row(s) (${list(f.hiddenRows)}): computed like the others${lost}.`,
    );
  if (f.date1904)
    notes.push(
      fr
        ? `classeur au calendrier depuis 1904 : les dates sont lues dans ce calendrier${stream ? " ; la copie écrite en continu est au calendrier depuis 1900, avec les mêmes dates" : " et les nouvelles dates y sont écrites"}.`
        : `1904 date system workbook: dates are read in that system${stream ? "; the streamed copy uses the 1900 system, with the same dates" : " and the new dates are written in it"}.`,
    );
  for (const n of notes) warn(`${fr ? "Attention" : "Warning"} : ${n}`);
  return undefined;
}

/** exceljs writes .xlsx packages only: a macro-enabled name on one would not open in Excel. */
function refuseXlsm(args: ApplyArgs, io: CliIo, out: string): number {
  io.stderr.write(
    args.lang === "fr"
      ? `echeance apply: ${out} : ce classeur ne peut être recopié qu'au format .xlsx (sans macros) ; choisissez une sortie .xlsx avec -o.\n`
      : `echeance apply: ${out}: this workbook can only be copied as an .xlsx (without macros); choose an .xlsx output with -o.\n`,
  );
  return 2;
}

/**
 * One pass over the register, reading, computing and writing row by row: into a byte-for-byte copy of
 * the file (src/cli/xlsx) or, where that cannot be made, an exceljs streaming copy when `large`.
 * Undefined when neither applies (a small file the copy refused): the caller reads it in memory.
 */
async function copyFile(
  args: ApplyArgs,
  io: CliIo,
  out: string,
  large: boolean,
): Promise<number | undefined> {
  const fr = args.lang === "fr";
  const say = (line: string): void => void io.stdout.write(`${line}\n`);
  const warn = (line: string): void => void io.stderr.write(`${line}\n`);
  let state: { applier: Applier; summary: SummaryBuilder; width: number; headerRow: number } | undefined;
  let rows: number | undefined;
  let reference: ReferenceSheet | undefined;
  const portableSeen: PortableRow[] = [];
  const pending: CellValue[][] = [];
  const handler: StreamHandler = {
    begin: (table) => {
      const { applier } = setup(args, table, io, false);
      if (large)
        say(
          fr
            ? "Fichier volumineux : lecture et écriture en continu."
            : "Large file: streaming read and write.",
        );
      state = {
        applier,
        summary: new SummaryBuilder(applier),
        width: table.headers.length,
        headerRow: table.headerRow,
      };
      if (args.output === "portable") reference = portableReference(applier, todayDay());
      const note = valuesNote(args, applier, undefined);
      return {
        columns: applier.columns,
        after: asOfHeader(args, applier),
        ...(note !== undefined ? { note } : {}),
      };
    },
    row: (values, index) => {
      const st = state as NonNullable<typeof state>;
      const r = st.applier.computeRow(values, index);
      st.summary.add(r, index, values);
      // Only the rows with a coming deadline are kept, for the calendar (a sparse array).
      if (args.ics !== undefined && r.nextDeadline !== undefined) pending[index] = values;
      if (reference)
        return portableCells(st.applier, values, index, st.headerRow, st.width, reference, portableSeen);
      return args.output === "formulas"
        ? formulaCells(st.applier, values, index, st.headerRow, st.width, r.values)
        : (r.values as OutputCell[]);
    },
  };
  const onRows = io.isTTY
    ? (n: number) => void io.stderr.write(`\r${n} ${fr ? "lignes" : "rows"}…`)
    : undefined;
  try {
    // The register sheet's rows are rewritten in a byte-for-byte copy of the file (portable formulas
    // add their reference sheet to it).
    let patched: PatchOutcome | undefined;
    try {
      patched = await patchRegister(args.input, out, args.sheet, handler, args.lang, onRows, () => reference);
    } catch (e) {
      // Only a file refused before its first row is read again another way; a damaged one stops here.
      if (!(e instanceof UnsupportedXlsx) || state !== undefined) throw e;
      if (!large) return undefined;
      if (/\.xlsm$/i.test(out)) return refuseXlsm(args, io, out);
      warn(
        fr
          ? `Attention : ${e.fr} : le fichier est recopié feuille par feuille ; largeurs de colonnes, fusions, filtres et lignes masquées ne sont pas gardés dans la copie.`
          : `Warning: ${e.message}: the file is copied sheet by sheet; column widths, merges, filters and hidden rows are not kept in the copy.`,
      );
    }
    if (patched?.macrosDropped)
      warn(
        fr
          ? `Attention : les macros du classeur ne sont pas gardées dans une copie .xlsx ; nommez la sortie en .xlsm (-o …xlsm) pour les garder.`
          : `Warning: the workbook's macros are not kept in an .xlsx copy; name the output .xlsm (-o …xlsm) to keep them.`,
      );
    rows = patched
      ? patched.dataRows
      : await streamRegister(args.input, out, args.sheet, handler, args.lang, onRows, () => reference);
  } catch (e) {
    await fs.rm(out, { force: true });
    if (e instanceof Stop) throw e;
    const why = e instanceof UnsupportedXlsx && fr ? e.fr : e instanceof Error ? e.message : String(e);
    warn(`echeance apply: ${args.input} → ${out}: ${why}`);
    return 1;
  }
  if (io.isTTY) io.stderr.write("\n");
  if (rows === undefined || state === undefined) {
    await fs.rm(out, { force: true });
    warn(
      `echeance apply: ${fr ? "feuille introuvable ou vide" : "sheet not found or empty"}${args.sheet ? ` : ${args.sheet}` : ""}.`,
    );
    return args.sheet ? 2 : 1;
  }
  const summary = state.summary.build(false);
  say(formatSummary(summary, args.lang));
  if (reference) reportPortable(args, io, state.applier, portableSeen);
  say(`${fr ? "Résultat écrit dans" : "Written to"} ${out}`);
  if (!(await writeIcs(args, io, state.applier, pending))) return 1;
  return summary.computed > 0 ? 0 : 1;
}
