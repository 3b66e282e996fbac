import { promises as fs } from "node:fs";
import { formatDate, formatMoney } from "../../apply";
import { serialToDay } from "../../input/cell-values";
import { isEngineError, type Decimal, type Language, type RateRow, type Text } from "../../engine";
import {
  agingSheet,
  delayTableSheet,
  DELAY_BANDS,
  reportFromRegister,
  AGING_LAYOUT,
  reportSheetNames,
  DELAY_TABLE_LAYOUT,
  type RegisterReport,
  type SheetMatrix,
} from "../../reports";
import type { CliIo } from "../io";
import { readRatesOption } from "../rates";
import { termsInForce } from "../stored-terms";
import { givenVendorsLine, loadVendorFiles, withGivenVendors } from "../vendor-files";
import { csvField } from "../register-io";
import {
  describeLocation,
  fileProblem,
  readRegisterFile,
  registerOptions,
  type RegisterFile,
} from "../register-file";
import { commandError, isCsvFile } from "../messages";
import type { D441Args } from "./args";
import { D441_TEXT, REPORT_TEXT } from "./messages";
import { newWorkbook, writeMatrix } from "./workbook";

/**
 * `echeance report --kind received|issued`: the statutory payment-delay table (D441-6 I) and the aging
 * view of an invoice register, written to a new workbook. The same rows, recognition and due dates as
 * `apply`; the input file is only read.
 */

export async function writeReportWorkbook(
  report: RegisterReport,
  file: string,
  lang: Language,
): Promise<void> {
  const wb = await newWorkbook();
  // The pane's names (src/reports/sheet-names.ts): « D441-6 31-12-2025 », « Balance âgée 31-12-2025 ».
  const names = reportSheetNames(report.closing, lang);
  writeMatrix(wb.addWorksheet(names.table), delayTableSheet(report), DELAY_TABLE_LAYOUT);
  writeMatrix(wb.addWorksheet(names.aging), agingSheet(report, lang), AGING_LAYOUT);
  await wb.xlsx.writeFile(file);
}

function summary(report: RegisterReport, out: string, lang: Language): string {
  const t = report.table;
  const eur = (d: Decimal) => formatMoney(d, lang);
  const share = t.total.share
    ? `  ${t.total.share.times(100).toFixed(2).replace(".", D441_TEXT.decimalSeparator[lang])} %`
    : "";
  const lines = [
    D441_TEXT.unpaidAt(report.kind, formatDate(report.closing, lang))[lang],
    ...DELAY_BANDS.map(
      (b) =>
        `  ${b.heading.padEnd(24)} ${String(t.bands[b.id].count).padStart(6)}  ${eur(t.bands[b.id].amount).padStart(16)}`,
    ),
    `  ${"Total (1 jour et plus)".padEnd(24)} ${String(t.total.count).padStart(6)}  ${eur(t.total.amount).padStart(16)}${share}`,
    D441_TEXT.excluded(t.excluded.count, eur(t.excluded.amount))[lang],
  ];
  if (report.afterClosing > 0) lines.push(D441_TEXT.afterClosing(report.afterClosing)[lang]);
  if (report.errors.length > 0) {
    lines.push(D441_TEXT.rowsLeftOut(report.errors.length)[lang]);
    for (const e of report.errors.slice(0, 5)) lines.push(`  ${e.message}`); // the message names its row and column
  }
  lines.push(REPORT_TEXT.written(out)[lang]);
  return lines.join("\n");
}

/** The D441-6 report: 0 when a table was written, 1 when nothing could be read or placed, 2 on usage errors. */
export async function runD441(args: D441Args, out: string, io: CliIo): Promise<number> {
  const lang = args.lang;
  const fail = (text: Text): void => void io.stderr.write(`${commandError("report", text, lang)}\n`);
  let register: RegisterFile;
  try {
    register = await readRegisterFile(args.input, registerOptions({ ...args, mode: "invoices" }));
  } catch (e) {
    fail(fileProblem(e, args.input));
    return 1;
  }
  io.stdout.write(`${describeLocation(register, args.input, lang)}\n`);
  let fileRows: readonly RateRow[] = [];
  if (args.rates !== undefined) {
    const read = await readRatesOption(args.rates);
    if (!read.ok) {
      for (const problem of read.problems) fail(problem);
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
    for (const problem of given.problems) fail(problem);
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
    fail(e.text);
    return 2;
  }
  if (report.invoices.length === 0) {
    io.stderr.write(`${summary(report, "—", lang)}\n`);
    fail(D441_TEXT.nothingPlaced);
    return 1;
  }
  try {
    if (isCsvFile(out)) await writeReportCsv(report, out, lang);
    else await writeReportWorkbook(report, out, lang);
  } catch (e) {
    fail(fileProblem(e, out));
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
        return text.replace(".", D441_TEXT.decimalSeparator[lang]);
      })
      .join(";"),
  );
}
