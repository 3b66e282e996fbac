import type { ApplyOptions, CellValue } from "../../apply";
import { rowsInMemory, type ApplySink, type RegisterRows } from "../../write";
import { openTableAsXlsx, openXlsxRegister, type StoredTermsWriter, type XlsxRegisterBook } from "../../xlsx";
import { CsvSink } from "../csv-sink";
import { isCsvFile } from "../messages";
import {
  describeLocation,
  readRegisterFile,
  registerOptions,
  type RegisterFileOptions,
} from "../register-file";
import { readCsvRows } from "../register-io";
import type { ApplyArgs } from "./args";
import type { Printer } from "./printer";

/** The register to apply, opened once: its rows, where it is, and the sink that writes the output. */
export interface Opened {
  readonly headers: readonly CellValue[];
  /** The header row's sheet row number (1-based). */
  readonly headerRow: number;
  readonly rows: RegisterRows;
  readonly book?: XlsxRegisterBook;
  /** Makes the sink, once the options are known (a CSV output needs the mapping; an xlsx, its stored terms). */
  sink(options: ApplyOptions, storedTerms: StoredTermsWriter): ApplySink;
  close(): void;
}

/**
 * Opens the register for an output file: a CSV output holds the rows beside the results, so the
 * register is read whole (CSV or xlsx); an xlsx output is a byte-for-byte copy of the input workbook
 * (a CSV input becomes a one-sheet workbook first) that streams the rows. Says which sheet and header
 * row were read.
 */
export async function openRegister(args: ApplyArgs, out: string, p: Printer): Promise<Opened> {
  return openRegisterFile(args.input, registerOptions(args), out, p);
}

/**
 * The same, for any command that writes a register's copy (`letters --record`): the register of
 * `input` at `open`, said on a line when a printer is given.
 */
export async function openRegisterFile(
  input: string,
  open: RegisterFileOptions,
  out: string,
  p: Printer,
  announce = true,
): Promise<Opened> {
  if (isCsvFile(out)) {
    const table = await readRegisterFile(input, open);
    if (announce) p.say(describeLocation(table, input, p.lang));
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
  const csvInput = isCsvFile(input);
  const book = csvInput
    ? await readCsvRows(input).then((csv) => openTableAsXlsx(csv.sheetName, csv.rows, open))
    : await openXlsxRegister(input, open);
  if (announce)
    p.say(describeLocation({ ...book.location, ...(csvInput ? { csvSeparator: ";" } : {}) }, input, p.lang));
  return {
    headers: book.headers,
    headerRow: book.location.headerRow,
    rows: book.rows,
    book,
    sink: (_options, storedTerms) => book.copyTo(out, { lang: p.lang, storedTerms }),
    close: () => book.close(),
  };
}
