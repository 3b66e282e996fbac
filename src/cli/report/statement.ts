import { promises as fs } from "node:fs";
import type { Language, VendorProfile } from "../../engine";
import {
  bookTotals,
  clientStatementSheet,
  csvText,
  latePaymentClause,
  penaltyNoteSheet,
  statementCsvRows,
  statementSheet,
  STATEMENT_COLUMN_WIDTHS,
  type RecoveryBook,
  type RowNote,
} from "../../recovery";
import { isValidSheetName, SHEET_NAME_MAX, type SheetLayout, type SheetMatrix } from "../../reports";
import type { StoredPenaltyNote } from "../../storage";
import { isCsvFile } from "../messages";
import type { Printer } from "../printer";
import { fileProblem } from "../register-file";
import { readRecoveryInput, sayBookNotices } from "../recovery/input";
import { RECOVERY_CLI_TEXT } from "../recovery/messages";
import { writeTemporaryThenRename } from "../recovery/files";
import type { StatementArgs } from "./args";
import { REPORT_TEXT } from "./messages";
import { newWorkbook, writeMatrix } from "./workbook";

/**
 * `echeance report --kind statement`: the statement (décompte) per client as of a date, from the
 * register read by recovery's adapter (Apply's row reader): a sheet per client or one for all, the
 * stored penalty-note series and the invoices left out on sheets of their own; or the CSV. Written to
 * a temporary file, then renamed: nothing is ever left half-written.
 */

/** How a statement sheet is laid out: wide columns for the line's label and the rate's source, landscape. */
const STATEMENT_LAYOUT: SheetLayout = {
  columnWidths: STATEMENT_COLUMN_WIDTHS,
  wrapColumns: [4, 10],
  landscape: true,
  pagesTall: undefined,
};

const PLAIN_LAYOUT: SheetLayout = {
  columnWidths: [12, 20, 30, 90],
  wrapColumns: [3],
  landscape: true,
  pagesTall: undefined,
};

/** The terms a statement names: the document and its late-payment clause. */
function termsLabel(profile: VendorProfile): string {
  return `${profile.document.title} — ${latePaymentClause(profile).reference}`;
}

/** A sheet name Excel accepts, unique in the workbook: the client's name cut to 31 characters. */
function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[\\/?*:[\]]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Client";
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : ` (${k})`;
    const name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
    if (isValidSheetName(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The rows left out and the invoices excluded, with their reasons: the sheet « Écartées ». */
function leftOutSheet(book: RecoveryBook, leftOut: readonly RowNote[], lang: Language): SheetMatrix {
  return [
    REPORT_TEXT.leftOutHeaders[lang].map((h) => ({ value: h, bold: true })),
    ...leftOut.map((n) => [{ value: n.row }, { value: null }, { value: null }, { value: n.message }]),
    ...book.excluded.map((e) => [
      { value: e.invoice.row },
      { value: e.invoice.reference },
      { value: e.invoice.client },
      { value: e.text[lang] },
    ]),
  ];
}

async function statementWorkbook(
  file: string,
  book: RecoveryBook,
  terms: string,
  extra: { oneSheet: boolean; series: readonly StoredPenaltyNote[]; leftOut: readonly RowNote[] },
  lang: Language,
): Promise<void> {
  const wb = await newWorkbook();
  const taken = new Set<string>();
  if (extra.oneSheet)
    writeMatrix(
      wb.addWorksheet(uniqueSheetName(REPORT_TEXT.oneSheetName[lang], taken)),
      statementSheet(book, terms, lang),
      STATEMENT_LAYOUT,
    );
  else
    for (const client of book.clients)
      writeMatrix(
        wb.addWorksheet(uniqueSheetName(client.name, taken)),
        clientStatementSheet(client, book.asOf, terms, lang),
        { ...STATEMENT_LAYOUT, titleRows: [5, 5] },
      );
  if (extra.series.length > 0)
    writeMatrix(
      wb.addWorksheet(uniqueSheetName(REPORT_TEXT.notesSheetName[lang], taken)),
      penaltyNoteSheet(extra.series, lang),
      { ...PLAIN_LAYOUT, columnWidths: [14, 12, 30, 40, 12, 12, 12, 24], wrapColumns: [3] },
    );
  if (extra.leftOut.length > 0 || book.excluded.length > 0)
    writeMatrix(
      wb.addWorksheet(uniqueSheetName(REPORT_TEXT.leftOutSheetName[lang], taken)),
      leftOutSheet(book, extra.leftOut, lang),
      PLAIN_LAYOUT,
    );
  await wb.xlsx.writeFile(file);
}

/** The statement report: 0 when written, 1 when nothing could be read or claimed, 2 on usage errors. */
export async function runStatement(args: StatementArgs, out: string, p: Printer): Promise<number> {
  const input = await readRecoveryInput(args, p);
  const { book, vendor, reading } = input;
  sayBookNotices(book, p);
  if (book.clients.length === 0) throw p.fail(RECOVERY_CLI_TEXT.nothingClaimed, 1);
  const lang = p.lang;
  try {
    await writeTemporaryThenRename(out, (tmp) =>
      isCsvFile(out)
        ? fs.writeFile(tmp, csvText(statementCsvRows(book, lang)), "utf8")
        : statementWorkbook(
            tmp,
            book,
            termsLabel(vendor.profile),
            {
              oneSheet: args.oneSheet,
              series: input.inForce.stored?.penaltyNotes ?? [],
              leftOut: reading.leftOut,
            },
            lang,
          ),
    );
  } catch (e) {
    throw p.fail(fileProblem(e, out), 1);
  }
  p.say(REPORT_TEXT.statementHead(book.clients.length));
  for (const c of book.clients)
    p.say(RECOVERY_CLI_TEXT.clientLine(c.name, c.invoices.length, c.totals.claimed));
  const t = bookTotals(book);
  p.say(REPORT_TEXT.grandTotal(t.principal, t.penalties, t.claimed));
  p.say(REPORT_TEXT.written(out));
  return 0;
}
