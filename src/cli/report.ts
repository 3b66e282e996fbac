import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { formatDate, formatMoney } from "../apply";
import { serialToDay } from "../input/cell-values";
import { isEngineError, type Decimal, type Language, type RateRow } from "../engine";
import {
  agingSheet,
  delayTableSheet,
  DELAY_BANDS,
  reportFromRegister,
  SHEET_NUMBER_FORMATS,
  AGING_LAYOUT,
  DELAY_TABLE_LAYOUT,
  type SheetLayout,
  type RegisterReport,
  type ReportKind,
  type SheetMatrix,
  wrappedRowHeights,
} from "../reports";
import { languageOf, readOptions, usage, wholeNumber, type OptionSpec } from "./args";
import type { CliIo } from "./io";
import { readRatesOption } from "./rates";
import { termsInForce } from "./stored-terms";
import { givenVendorsLine, loadVendorFiles, withGivenVendors } from "./vendor-files";
import { csvField } from "./register-io";
import { describeLocation, fileProblem, readRegisterFile, type RegisterFile } from "./register-file";
import { commandError, isCsvFile } from "./messages";

/**
 * `echeance report`: the statutory payment-delay table (D441-6 I) and the aging view of an invoice
 * register, written to a new workbook. The same rows, recognition and due dates as `apply`; the input
 * file is only read.
 */

const USAGE_TEXT = {
  fr: `Usage : echeance report REGISTRE.xlsx|REGISTRE.csv --closing AAAA-MM-JJ --kind received|issued [options]

Construit le tableau des délais de paiement de l'article D441-6 I du Code de commerce (factures non
réglées à la date de clôture, par retard : 0, 1 à 30, 31 à 60, 61 à 90, 91 jours et plus) et une
balance âgée par fournisseur, dans un nouveau classeur (ou un fichier CSV).

Options :
  --closing DATE          date de clôture de l'exercice (obligatoire)
  --kind TYPE             received (factures reçues, fournisseurs) | issued (factures émises, clients) (obligatoire)
  --total-excl-vat N      achats (received) ou chiffre d'affaires (issued) HT de l'exercice, pour les pourcentages
  --vendor ID             fournisseur des lignes sans colonne Fournisseur (omi, sillage…)
  --sheet NOM             feuille à lire (par défaut : la première qui porte un registre)
  --header-row N          ligne des en-têtes (par défaut : trouvée parmi les premières lignes)
  -o, --out FICHIER       classeur de sortie .xlsx, ou .csv (par défaut : REGISTRE.d441-6.xlsx à côté)
  --rates FICHIER         lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --ignore-stored-terms   n'utilise pas les conditions enregistrées dans le classeur
  --vendor-file FICHIER   un profil fournisseur (ID.echeance-vendor.json) utilisable comme un fournisseur livré ; répétable
  --lang fr|en            langue des messages (par défaut fr ; le tableau garde les intitulés légaux)
Une colonne intitulée « Litige » (oui/non) marque les factures litigieuses, reportées à part en section (B).
`,
  en: `Usage: echeance report INPUT.xlsx|INPUT.csv --closing YYYY-MM-DD --kind received|issued [options]

Builds the payment-delay table of Code de commerce D441-6 I (invoices unpaid at the closing date by
days past due: 0, 1–30, 31–60, 61–90, 91+) and an aging view by vendor, in a new workbook (or a CSV file).

Options:
  --closing DATE          closing date of the financial year (required)
  --kind KIND             received (supplier invoices) | issued (customer invoices) (required)
  --total-excl-vat N      the year's purchases (received) or revenue (issued) excl. VAT, for the percentages
  --vendor ID             vendor for rows without a Fournisseur/Vendor column (omi, sillage…)
  --sheet NAME            worksheet to read (default: the first that holds a register)
  --header-row N          the header row (default: found among the first rows)
  -o, --out FILE          output workbook .xlsx, or .csv (default: INPUT.d441-6.xlsx next to the input)
  --rates FILE            rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --ignore-stored-terms   do not use the terms stored in the workbook
  --vendor-file FILE      a vendor profile (ID.echeance-vendor.json) usable like a shipped vendor; repeatable
  --lang fr|en            language of messages (default fr; the table keeps the legal French headings)
A column headed "Litige" (oui/non) marks disputed invoices, reported apart in section (B).
`,
} as const;

export const reportUsage = (lang: Language): string => USAGE_TEXT[lang];

interface ReportArgs {
  input: string;
  closing: string;
  kind: ReportKind;
  total?: string;
  vendor?: string;
  sheet?: string;
  headerRow?: number;
  out?: string;
  rates?: string;
  vendorFiles: readonly string[];
  ignoreStoredTerms: boolean;
  lang: Language;
}

const REPORT_OPTIONS = {
  help: { type: "boolean", short: "h" },
  closing: { type: "string" },
  kind: { type: "string", choices: ["received", "issued"] },
  "total-excl-vat": { type: "string" },
  vendor: { type: "string" },
  sheet: { type: "string" },
  "header-row": { type: "string" },
  out: { type: "string", short: "o" },
  lang: { type: "string", choices: ["fr", "en"] },
  rates: { type: "string" },
  "ignore-stored-terms": { type: "boolean" },
  "vendor-file": { type: "string", multiple: true },
} as const satisfies Record<string, OptionSpec>;

function parseReportArgs(argv: readonly string[], lang: Language): ReportArgs | "help" {
  const { options: o, positional } = readOptions(argv, REPORT_OPTIONS, lang);
  if (o.help) return "help";
  if (positional.length !== 1)
    throw usage(lang, "report needs exactly one input file.", "report attend un seul fichier registre.");
  if (o.closing === undefined)
    throw usage(lang, "--closing is required.", "--closing est obligatoire (date de clôture AAAA-MM-JJ).");
  if (o.kind === undefined)
    throw usage(
      lang,
      "--kind is required (received or issued).",
      "--kind est obligatoire (received : factures reçues, ou issued : factures émises).",
    );
  const headerRow = wholeNumber(o["header-row"], "--header-row", 1, 1_048_576, lang);
  return {
    input: positional[0] as string,
    closing: o.closing,
    kind: o.kind as ReportKind,
    lang,
    ignoreStoredTerms: o["ignore-stored-terms"] === true,
    vendorFiles: o["vendor-file"] ?? [],
    ...(o.rates !== undefined ? { rates: o.rates } : {}),
    ...(o["total-excl-vat"] !== undefined ? { total: o["total-excl-vat"] } : {}),
    ...(o.vendor !== undefined ? { vendor: o.vendor } : {}),
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(o.out !== undefined ? { out: o.out } : {}),
  };
}

function writeMatrix(ws: ExcelJS.Worksheet, matrix: SheetMatrix, layout: SheetLayout): void {
  matrix.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell.value === null) return;
      const target = row.getCell(c + 1);
      target.value =
        cell.format === "date" && typeof cell.value === "number" ? serialToDate(cell.value) : cell.value;
      if (cell.format) target.numFmt = SHEET_NUMBER_FORMATS[cell.format];
      if (cell.bold) target.font = { bold: true };
      if (layout.wrapColumns.includes(c)) target.alignment = { wrapText: true, vertical: "top" };
    });
  });
  layout.columnWidths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  wrappedRowHeights(matrix, layout).forEach((height, r) => {
    if (height !== undefined) ws.getRow(r + 1).height = height;
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: layout.landscape ? "landscape" : "portrait",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: layout.pagesTall ?? 0,
    ...(layout.titleRows ? { printTitlesRow: `${layout.titleRows[0]}:${layout.titleRows[1]}` } : {}),
  };
}

/** exceljs writes JS Dates as Excel dates; a serial is turned back into the UTC midnight it stands for. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

export async function writeReportWorkbook(
  report: RegisterReport,
  file: string,
  lang: Language,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Échéance";
  writeMatrix(wb.addWorksheet("Délais de paiement D441-6"), delayTableSheet(report), DELAY_TABLE_LAYOUT);
  writeMatrix(
    wb.addWorksheet(lang === "fr" ? "Balance âgée" : "Aging"),
    agingSheet(report, lang),
    AGING_LAYOUT,
  );
  await wb.xlsx.writeFile(file);
}

function summary(report: RegisterReport, out: string, lang: Language): string {
  const fr = lang === "fr";
  const t = report.table;
  const eur = (d: Decimal) => formatMoney(d, lang);
  const lines = [
    fr
      ? `Factures ${report.kind === "received" ? "reçues" : "émises"} non réglées au ${formatDate(report.closing, "fr")} :`
      : `${report.kind === "received" ? "Received" : "Issued"} invoices unpaid at ${formatDate(report.closing, "en")}:`,
    ...DELAY_BANDS.map(
      (b) =>
        `  ${b.heading.padEnd(24)} ${String(t.bands[b.id].count).padStart(6)}  ${eur(t.bands[b.id].amount).padStart(16)}`,
    ),
    `  ${"Total (1 jour et plus)".padEnd(24)} ${String(t.total.count).padStart(6)}  ${eur(t.total.amount).padStart(16)}${
      t.total.share
        ? `  ${t.total.share
            .times(100)
            .toFixed(2)
            .replace(".", fr ? "," : ".")} %`
        : ""
    }`,
    fr
      ? `  Exclues (litigieuses ou non comptabilisées) : ${t.excluded.count}, ${eur(t.excluded.amount)}`
      : `  Excluded (disputed or not booked): ${t.excluded.count}, ${eur(t.excluded.amount)}`,
  ];
  if (report.afterClosing > 0)
    lines.push(
      fr
        ? `  Non comptées : ${report.afterClosing} facture(s) datée(s) après la clôture.`
        : `  Not counted: ${report.afterClosing} invoice(s) dated after the closing.`,
    );
  if (report.errors.length > 0) {
    lines.push(
      fr
        ? `${report.errors.length} ligne(s) non prises en compte :`
        : `${report.errors.length} row(s) left out:`,
    );
    for (const e of report.errors.slice(0, 5)) lines.push(`  ${e.message}`); // the message names its row and column
  }
  lines.push(fr ? `Écrit : ${out}` : `Written: ${out}`);
  return lines.join("\n");
}

/** `echeance report …`: 0 when a table was written, 1 when nothing could be read or placed, 2 on usage errors. */
export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const args = parseReportArgs(argv, lang);
  if (args === "help") {
    io.stdout.write(reportUsage(lang));
    return 0;
  }
  const out = args.out ?? args.input.replace(/(\.[^./\\]+)?$/, ".d441-6.xlsx");
  if (path.resolve(out) === path.resolve(args.input))
    throw usage(
      lang,
      "the output file cannot be the input file.",
      "le fichier de sortie ne peut pas être le registre lu.",
    );
  const fail = (en: string, frText: string): void =>
    void io.stderr.write(`${commandError("report", { en, fr: frText }, lang)}\n`);
  let register: RegisterFile;
  try {
    register = await readRegisterFile(args.input, {
      mode: "invoices",
      ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
      ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}),
    });
  } catch (e) {
    const problem = fileProblem(e, args.input);
    fail(problem.en, problem.fr);
    return 1;
  }
  io.stdout.write(`${describeLocation(register, args.input, lang)}\n`);
  let fileRows: readonly RateRow[] = [];
  if (args.rates !== undefined) {
    const read = await readRatesOption(args.rates);
    if (!read.ok) {
      for (const problem of read.problems) fail(problem.en, problem.fr);
      return 2;
    }
    fileRows = read.rows;
  }
  const inForce = await termsInForce(
    args.ignoreStoredTerms ? undefined : register.customXmlParts,
    fileRows,
    args.ignoreStoredTerms,
  );
  io.stdout.write(`${inForce.line[lang]}\n`);
  const given = await loadVendorFiles(args.vendorFiles);
  if (!given.ok) {
    for (const problem of given.problems) fail(problem.en, problem.fr);
    return 2;
  }
  if (given.vendors.length > 0) io.stdout.write(`${givenVendorsLine(given.vendors)[lang]}\n`);
  let report: RegisterReport;
  try {
    report = reportFromRegister([register.headers, ...register.rows], {
      kind: args.kind,
      closing: args.closing,
      lang,
      firstRowNumber: register.headerRow + 1,
      registry: withGivenVendors(inForce.registry, given.vendors),
      settings: inForce.settings,
      ...(args.total === undefined ? {} : { yearTotalExclVat: args.total }),
      ...(args.vendor === undefined ? {} : { vendor: args.vendor }),
    });
  } catch (e) {
    if (!isEngineError(e)) throw e;
    fail(e.text.en, e.text.fr);
    return 2;
  }
  if (report.invoices.length === 0) {
    io.stderr.write(`${summary(report, "—", lang)}\n`);
    fail(
      "no invoice could be placed; nothing written.",
      "aucune facture n'a pu être classée ; rien n'est écrit.",
    );
    return 1;
  }
  try {
    if (isCsvFile(out)) await writeReportCsv(report, out, lang);
    else await writeReportWorkbook(report, out, lang);
  } catch (e) {
    const problem = fileProblem(e, out);
    fail(problem.en, problem.fr);
    return 1;
  }
  io.stdout.write(`${summary(report, out, lang)}\n`);
  return 0;
}

/** The report as CSV (";" separated, dates dd/mm/yyyy, amounts with a decimal comma in French): the table, a blank line, the aging. */
export async function writeReportCsv(report: RegisterReport, file: string, lang: Language): Promise<void> {
  const lines = [
    ...matrixCsv(delayTableSheet(report), lang),
    "",
    ...matrixCsv(agingSheet(report, lang), lang),
  ];
  await fs.writeFile(file, `\ufeff${lines.join("\r\n")}\r\n`, "utf8");
}

function matrixCsv(matrix: SheetMatrix, lang: Language): string[] {
  return matrix.map((cells) =>
    cells
      .map((cell) => {
        if (cell.value === null) return "";
        if (typeof cell.value === "string") return csvField(cell.value, ";");
        if (cell.format === "date") return formatDate(serialToDay(cell.value), lang);
        const text = cell.format === "percent" ? `${(cell.value * 100).toFixed(2)} %` : String(cell.value);
        return lang === "fr" ? text.replace(".", ",") : text;
      })
      .join(";"),
  );
}
