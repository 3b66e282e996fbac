import * as path from "node:path";
import ExcelJS from "exceljs";
import { formatMoney } from "../apply";
import { formatIsoDay, isEngineError, type Decimal, type Language } from "../engine";
import {
  agingSheet,
  delayTableSheet,
  DELAY_BANDS,
  reportFromRegister,
  SHEET_NUMBER_FORMATS,
  type RegisterReport,
  type ReportKind,
  type SheetMatrix,
} from "../reports";
import { readOptions } from "./args";
import { UsageError, type CliIo } from "./io";
import { readRegister } from "./register-io";

/**
 * `echeance report`: the statutory payment-delay table (D441-6 I) and the aging view of an invoice
 * register, written to a new workbook. The same rows, recognition and due dates as `apply`; the input
 * file is only read.
 */

export const REPORT_USAGE = `Usage: echeance report INPUT.xlsx|INPUT.csv --closing YYYY-MM-DD --kind received|issued [options]

Builds the payment-delay table of Code de commerce D441-6 I (invoices unpaid at the closing date by
days past due: 0, 1–30, 31–60, 61–90, 91+) and an aging view by vendor, in a new workbook.

Options:
  --closing DATE          closing date of the financial year (required)
  --kind KIND             received (supplier invoices) | issued (customer invoices) (required)
  --total-excl-vat N      the year's purchases (received) or revenue (issued) excl. VAT, for the percentages
  --vendor ID             vendor for rows without a Fournisseur/Vendor column (omi, sillage…)
  --sheet NAME            worksheet to read (default: the first)
  -o, --out FILE          output workbook (default: INPUT.d441-6.xlsx next to the input)
  --lang fr|en            language of the summary (default fr; the table keeps the legal French headings)
A column headed "Litige" (oui/non) marks disputed invoices, reported apart in section (B).
`;

interface ReportArgs {
  input: string;
  closing: string;
  kind: ReportKind;
  total?: string;
  vendor?: string;
  sheet?: string;
  out?: string;
  lang: Language;
}

const REPORT_OPTIONS = {
  help: { names: ["-h", "--help"] },
  closing: { names: ["--closing"], value: true },
  kind: { names: ["--kind"], value: true, choices: ["received", "issued"] },
  total: { names: ["--total-excl-vat"], value: true },
  vendor: { names: ["--vendor"], value: true },
  sheet: { names: ["--sheet"], value: true },
  out: { names: ["-o", "--out"], value: true },
  lang: { names: ["--lang"], value: true, choices: ["fr", "en"] },
} as const;

function parseArgs(argv: readonly string[]): ReportArgs | "help" {
  const { options: o, positional } = readOptions(argv, REPORT_OPTIONS);
  const text = (v: string | true | undefined): string | undefined => (typeof v === "string" ? v : undefined);
  if (o.help) return "help";
  if (positional.length !== 1) throw new UsageError("report needs exactly one input file.");
  const closing = text(o.closing);
  const kind = text(o.kind) as ReportKind | undefined;
  if (closing === undefined) throw new UsageError("--closing is required.");
  if (kind === undefined) throw new UsageError("--kind is required (received or issued).");
  const args: ReportArgs = {
    input: positional[0] as string,
    closing,
    kind,
    lang: (text(o.lang) ?? "fr") as Language,
  };
  for (const key of ["total", "vendor", "sheet", "out"] as const) {
    const value = text(o[key]);
    if (value !== undefined) args[key] = value;
  }
  return args;
}

function writeMatrix(ws: ExcelJS.Worksheet, matrix: SheetMatrix): void {
  matrix.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell.value === null) return;
      const target = row.getCell(c + 1);
      target.value =
        cell.format === "date" && typeof cell.value === "number" ? serialToDate(cell.value) : cell.value;
      if (cell.format) target.numFmt = SHEET_NUMBER_FORMATS[cell.format];
      if (cell.bold) target.font = { bold: true };
    });
  });
  ws.getColumn(1).width = 60;
  for (let c = 2; c <= DELAY_BANDS.length + 2; c++) ws.getColumn(c).width = 18;
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
  writeMatrix(wb.addWorksheet("Délais de paiement D441-6"), delayTableSheet(report));
  writeMatrix(wb.addWorksheet(lang === "fr" ? "Balance âgée" : "Aging"), agingSheet(report, lang));
  await wb.xlsx.writeFile(file);
}

function summary(report: RegisterReport, out: string, lang: Language): string {
  const fr = lang === "fr";
  const t = report.table;
  const eur = (d: Decimal) => formatMoney(d, lang);
  const lines = [
    fr
      ? `Factures ${report.kind === "received" ? "reçues" : "émises"} non réglées au ${formatIsoDay(report.closing)} :`
      : `${report.kind === "received" ? "Received" : "Issued"} invoices unpaid at ${formatIsoDay(report.closing)}:`,
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
  const args = parseArgs(argv);
  if (args === "help") {
    io.stdout.write(REPORT_USAGE);
    return 0;
  }
  const out = args.out ?? args.input.replace(/(\.[^./\\]+)?$/, ".d441-6.xlsx");
  if (path.resolve(out) === path.resolve(args.input))
    throw new UsageError("the output file cannot be the input file.");
  let loaded;
  try {
    loaded = await readRegister(args.input, args.sheet);
  } catch (e) {
    io.stderr.write(
      `echeance report: cannot read ${args.input}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
  let report: RegisterReport;
  try {
    report = reportFromRegister([loaded.table.headers, ...loaded.table.rows], {
      kind: args.kind,
      closing: args.closing,
      lang: args.lang,
      firstRowNumber: loaded.table.headerRow + 1,
      ...(args.total === undefined ? {} : { yearTotalExclVat: args.total }),
      ...(args.vendor === undefined ? {} : { vendor: args.vendor }),
    });
  } catch (e) {
    if (!isEngineError(e)) throw e;
    io.stderr.write(`echeance report: ${e.text[args.lang]}\n`);
    return 2;
  }
  if (report.invoices.length === 0) {
    io.stderr.write(
      `${summary(report, "—", args.lang)}\necheance report: no invoice could be placed; nothing written.\n`,
    );
    return 1;
  }
  await writeReportWorkbook(report, out, args.lang);
  io.stdout.write(`${summary(report, out, args.lang)}\n`);
  return 0;
}
