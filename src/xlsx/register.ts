import { promises as fs } from "node:fs";
import { HEADER_SEARCH_ROWS, locateRegister, type SheetHead } from "../apply/locate";
import { layoutNotes, type RegisterPlace, type RegisterRows } from "../write";
import type { CellValue, RegisterMode } from "../apply/types";
import type { Language, Text } from "../engine";
import type { CellReading } from "./cells";
import { readSharedStrings } from "./shared-strings";
import { customXmlTexts } from "./custom-xml";
import { XlsxError } from "./errors";
import { readPackage, type Package, type SheetEntry } from "./package";
import { filledBounds, readHeadRows } from "./reader";
import { RegisterPass } from "./register-pass";
import { SheetScanner } from "./scanner";
import { StringDecoder } from "node:string_decoder";
import type { CopySource } from "./copy-source";
import type { SheetRewriter } from "./sheet-rewriter";
import { XlsxCopySink, type StoredTermsWriter } from "./sink";
import { dateStyles } from "./styles";
import { tailFeatures, WorksheetTail, type TailFeatures } from "./worksheet";
import { ZipSource, type ZipEntry } from "./zip";

/**
 * A register in an xlsx file, read once: the sheet and the header row are chosen here (src/apply's
 * `locateRegister` over the first rows of each worksheet), then the register's rows are read in one
 * pass over the sheet's XML — handed to Apply in chunks and, when the book is copied, rewritten with
 * Apply's cells into a byte-for-byte copy of the file (`copyTo`). The input file is only read.
 */

export interface OpenOptions {
  /** The sheet to read (case-insensitive); without it, the first worksheet holding a register. */
  readonly sheet?: string;
  /** 1-based header row; without it, found among the first rows. */
  readonly headerRow?: number;
  readonly mode?: RegisterMode;
}

/** Where the register was found, for the caller to say on its first line. */
export interface RegisterLocation {
  readonly sheet: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  /** True when the sheet was not named (found among the worksheets); the header row is always looked for unless given. */
  readonly auto: boolean;
  readonly headerRowGiven: boolean;
}

/** What the register sheet holds besides its cells; `merges`, `autoFilter` and `protected` once the rows are read. */
export interface SheetFeatures extends Partial<TailFeatures> {
  readonly sheet: string;
  readonly date1904: boolean;
  /** 1-based numbers of the hidden rows (by hand or by a filter), the first 1,000. */
  readonly hiddenRows: readonly number[];
  readonly hiddenRowCount: number;
}

export class XlsxRegisterBook {
  readonly location: RegisterLocation;
  readonly headers: readonly CellValue[];
  readonly place: RegisterPlace;
  readonly date1904: boolean;
  readonly rows: RegisterRows;
  private rewriter: SheetRewriter | undefined;
  private abortCopy: (() => Promise<void>) | undefined;
  private started = false;
  private closed = false;
  private tail: TailFeatures | undefined;
  private hidden: readonly number[] = [];
  private hiddenCount = 0;
  private readonly copyWarnings: Text[] = [];
  private copy: XlsxCopySink | undefined;
  /** Characters the scanner searched in the register sheet (proportional to its size). */
  scanWork = 0;

  /** @internal use openXlsxRegister */
  constructor(
    private readonly zip: ZipSource,
    private readonly pkg: Package,
    private readonly sheet: SheetEntry,
    private readonly sheetEntry: ZipEntry,
    private readonly reading: CellReading,
    location: RegisterLocation,
    headers: readonly CellValue[],
    place: RegisterPlace,
  ) {
    this.location = location;
    this.headers = headers;
    this.place = place;
    this.date1904 = pkg.date1904;
    this.rows = {
      place,
      headers,
      rowCount: undefined,
      chunks: (n: number) => this.chunks(n),
    };
  }

  /** What the register sheet holds besides its cells (merges, filter and protection once the rows are read). */
  features(): SheetFeatures {
    return {
      sheet: this.sheet.name,
      date1904: this.date1904,
      hiddenRows: [...this.hidden],
      hiddenRowCount: this.hiddenCount,
      ...(this.tail ?? {}),
    };
  }

  /**
   * What the user should know about the register sheet, in both languages: merged cells, a filter,
   * hidden rows (after the rows are read), the 1904 date system, and what the copy kept or dropped.
   */
  warnings(): Text[] {
    const f = this.features();
    const out: Text[] = layoutNotes({
      hiddenRows: f.hiddenRows,
      hiddenRowCount: f.hiddenRowCount,
      merges: f.merges ?? [],
      ...(f.autoFilter ? { filter: { on: "sheet" as const } } : {}),
    });
    if (f.date1904)
      out.push({
        en: "1904 date system workbook: dates are read in that system and the new dates are written in it.",
        fr: "classeur au calendrier depuis 1904 : les dates sont lues dans ce calendrier et les nouvelles dates y sont écrites.",
      });
    return [...out, ...this.copyWarnings];
  }

  /**
   * The texts of the package's custom XML parts (customXml/item*.xml): where Office.js's
   * `customXmlParts` keep their documents — Échéance's stored terms among them.
   */
  async customXmlParts(): Promise<string[]> {
    return customXmlTexts(this.zip);
  }

  /** @internal the sink says what it dropped or kept. */
  warn(text: Text): void {
    this.copyWarnings.push(text);
  }

  /**
   * A byte-for-byte copy of the file into `output`, with the register sheet's rows rewritten by Apply:
   * the ApplySink to give `applyToSheet` with `book.rows`. Call before reading the rows.
   */
  copyTo(
    output: string,
    options: { readonly lang?: Language; readonly storedTerms?: StoredTermsWriter } = {},
  ): XlsxCopySink {
    if (this.started || this.copy) throw new Error("copyTo: call it once, before the rows are read");
    const source: CopySource = {
      zip: this.zip,
      pkg: this.pkg,
      sheet: this.sheet,
      sheetEntry: this.sheetEntry,
      place: this.place,
      date1904: this.date1904,
      attach: (rewriter, abort) => {
        this.rewriter = rewriter;
        this.abortCopy = abort;
      },
      rowsRead: () => this.tail !== undefined,
      warn: (text) => this.warn(text),
      close: () => this.close(),
    };
    this.copy = new XlsxCopySink(source, output, options.lang ?? "fr", options.storedTerms);
    return this.copy;
  }

  private queueTooLong(row: number): XlsxError {
    const part = this.sheetEntry.name;
    const mib = Math.round(QUEUED_XML_LIMIT / 2 ** 20);
    return new XlsxError(
      {
        en: `${part}: more than ${mib} MiB of the sheet wait behind blank rows (up to row ${row}), which are written once a row with values follows them or the rows end; that is the most this copy holds: nothing written. Check the file (open it in Excel and save it again).`,
        fr: `${part} : plus de ${mib} Mio de la feuille attendent derrière des lignes vides (jusqu'à la ligne ${row}), écrites quand une ligne avec des valeurs les suit ou que les lignes finissent ; c'est le plus que cette copie garde : rien n'est écrit. Vérifiez le fichier (ouvrez-le dans Excel et enregistrez-le à nouveau).`,
      },
      "too-large",
    );
  }

  /** Closes the file (the copy closes it when it ends). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.zip.close();
  }

  /**
   * The data rows in chunks, in one pass over the sheet. Blank rows wait until a row with values
   * follows (then they are data rows, counted as blank) or the sheet ends (then they are formatting
   * after the register: copied as they are, not data).
   */
  private async *chunks(chunkRows: number): AsyncGenerator<readonly (readonly CellValue[])[]> {
    if (this.started) throw new Error("the rows of a register are read once");
    this.started = true;
    const n = Math.max(1, chunkRows);
    const rewriter = this.rewriter;
    const pass = new RegisterPass(
      this.reading,
      { headerRow1: this.location.headerRow, firstColumn: this.place.firstColumn, width: this.place.width },
      rewriter,
    );
    const ready = pass.ready;

    // The chunks are handed over as the part inflates: each chunk's rows are written (the sink's
    // writeRows) before more of the part is read.
    try {
      const scanner = new SheetScanner(this.sheetEntry.name, pass);
      const decoder = new StringDecoder("utf8");
      for await (const bytes of this.zip.inflated(this.sheetEntry)) {
        scanner.push(decoder.write(bytes));
        while (ready.length >= n) yield ready.splice(0, n);
        if (rewriter && ready.length === 0 && rewriter.pending > QUEUE_FLUSH_AT) {
          // Nothing waits for Apply (text after the last row read): written now, while it is young.
          await rewriter.flush();
        } else if (rewriter && rewriter.pending > QUEUE_SOFT_LIMIT) {
          // Much text waits behind rows read (long rows, whitespace between them): the rows go to
          // Apply now, not when the chunk is full, so the queue drains.
          if (ready.length > 0) yield ready.splice(0);
          else await rewriter.flush();
        }
        if (rewriter && rewriter.pending > QUEUED_XML_LIMIT) throw this.queueTooLong(pass.lastRow);
      }
      scanner.push(decoder.end());
      const tail = new WorksheetTail(scanner.finish());
      while (ready.length > 0) yield ready.splice(0, n);
      this.tail = tailFeatures(tail);
      this.scanWork = scanner.work;
      this.hidden = pass.hidden;
      this.hiddenCount = pass.hiddenCount;
      if (rewriter) {
        if (this.tail.protected)
          throw new XlsxError(
            {
              en: `the sheet "${this.sheet.name}" is protected: nothing written. Unprotect it in Excel (Review > Unprotect Sheet), save, and run again.`,
              fr: `la feuille « ${this.sheet.name} » est protégée : rien n'est écrit. Ôtez la protection dans Excel (Révision > Ôter la protection de la feuille), enregistrez, puis relancez.`,
            },
            "refused",
          );
        rewriter.setTail(tail);
        rewriter.refuseMergesInTheWay(this.tail.merges);
        await rewriter.flush();
      }
    } catch (e) {
      await this.abortCopy?.();
      if (!this.copy) this.close();
      throw e;
    }
  }
}

/** Text waiting behind rows read, past which the rows read go to Apply before their chunk is full. */
const QUEUE_SOFT_LIMIT = 8 * 2 ** 20;
/** Text waiting while no row waits for Apply, past which it is written. */
const QUEUE_FLUSH_AT = 2 ** 20;
/**
 * Text waiting behind blank rows (which wait to learn whether a row with values follows), past which
 * the copy is refused: it would be held whole.
 */
export const QUEUED_XML_LIMIT = 64 * 2 ** 20;

function notFound(source: string): XlsxError {
  return new XlsxError(
    { en: `file not found: ${source}`, fr: `fichier introuvable : ${source}` },
    "unreadable",
  );
}

/**
 * Opens a register file (a path, or an xlsx package held in memory): finds the sheet and the header
 * row once, and gets the rows ready to read. Throws XlsxError (`text.en`/`text.fr`) for a file it
 * cannot read and for a workbook without a register, naming the sheets and rows looked at.
 */
export async function openXlsxRegister(
  source: string | Buffer,
  options: OpenOptions = {},
): Promise<XlsxRegisterBook> {
  if (typeof source === "string") {
    try {
      await fs.access(source);
    } catch {
      throw notFound(source);
    }
  }
  const zip = await ZipSource.open(source);
  try {
    return await openBook(zip, options);
  } catch (e) {
    zip.close();
    throw e;
  }
}

async function openBook(zip: ZipSource, options: OpenOptions): Promise<XlsxRegisterBook> {
  const pkg = await readPackage(zip);
  const sharedEntry = pkg.sharedStringsPart === undefined ? undefined : zip.entry(pkg.sharedStringsPart);
  const stylesXml = pkg.stylesPart === undefined ? undefined : await zip.text(pkg.stylesPart);
  const reading: CellReading = {
    shared: sharedEntry === undefined ? [] : await readSharedStrings(zip, sharedEntry),
    ...(pkg.date1904 && stylesXml !== undefined ? { dateStyles1904: dateStyles(stylesXml) } : {}),
  };
  const wanted = options.sheet;
  if (wanted !== undefined) {
    const named =
      pkg.sheets.find((s) => s.name === wanted) ??
      pkg.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (named && named.part === undefined)
      throw new XlsxError(
        {
          en: `the sheet "${named.name}" is not a worksheet (a chart sheet?): name a sheet of cells with --sheet.`,
          fr: `la feuille « ${named.name} » n'est pas une feuille de calcul (une feuille graphique ?) : indiquez une feuille de cellules avec --sheet.`,
        },
        "no-register",
      );
  }
  // The first rows of each worksheet, read until one holds a register (all of them when none does).
  const worksheets = pkg.sheets.filter((s) => s.part !== undefined);
  const heads: SheetHead[] = [];
  const headRows = Math.max(HEADER_SEARCH_ROWS, options.headerRow ?? 0);
  const locateOptions = {
    ...(wanted !== undefined ? { sheet: wanted } : {}),
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
  };
  let location = locateRegister([], locateOptions);
  for (const sheet of worksheets) {
    const chosen = wanted === undefined || sheet.name.toLowerCase() === wanted.toLowerCase();
    const rows = chosen
      ? await readHeadRows(zip, zip.entry(sheet.part as string) as ZipEntry, reading, headRows)
      : [];
    heads.push({ name: sheet.name, rows });
    const rest = worksheets.slice(heads.length).map((s) => ({ name: s.name, rows: [] }));
    location = locateRegister([...heads, ...rest], locateOptions);
    if (location.found) break;
  }
  if (worksheets.length === 0) location = locateRegister([], locateOptions);
  if (!location.found) throw new XlsxError(location.message, "no-register");
  const sheet = worksheets.find((s) => s.name === location.sheet) as SheetEntry;
  const head = heads.find((h) => h.name === sheet.name);
  const headerIndex = location.header.index;
  const headerCells = head?.rows[headerIndex] ?? [];
  // The register starts at the header row's first filled cell (a register need not start in column A).
  const bounds = filledBounds(headerCells) ?? { first: 0, last: -1 };
  const headers = headerCells.slice(bounds.first, bounds.last + 1);
  const place: RegisterPlace = {
    sheet: sheet.name,
    headerRow: headerIndex,
    firstColumn: bounds.first,
    width: headers.length,
  };
  const loc: RegisterLocation = {
    sheet: sheet.name,
    headerRow: headerIndex + 1,
    auto: location.auto,
    headerRowGiven: options.headerRow !== undefined,
  };
  return new XlsxRegisterBook(
    zip,
    pkg,
    sheet,
    zip.entry(sheet.part as string) as ZipEntry,
    reading,
    loc,
    headers,
    place,
  );
}

/** A register read whole, for `echeance report` and `--explain` (nothing written). */
export interface XlsxRegisterTable {
  readonly location: RegisterLocation;
  readonly place: RegisterPlace;
  readonly headers: readonly CellValue[];
  /** The data rows, from the register's first column, `headers.length` wide (blank rows []). */
  readonly rows: readonly (readonly CellValue[])[];
  readonly date1904: boolean;
  readonly warnings: readonly Text[];
  /** The package's custom XML parts (the stored terms among them). */
  readonly customXmlParts: readonly string[];
}

/** Reads a register's rows with the same choice of sheet and header row as `openXlsxRegister`. */
export async function readXlsxRegister(
  source: string | Buffer,
  options: OpenOptions = {},
): Promise<XlsxRegisterTable> {
  const book = await openXlsxRegister(source, options);
  try {
    const rows: (readonly CellValue[])[] = [];
    for await (const chunk of book.rows.chunks(5000)) rows.push(...chunk);
    return {
      location: book.location,
      place: book.place,
      headers: book.headers,
      rows,
      date1904: book.date1904,
      warnings: book.warnings(),
      customXmlParts: await book.customXmlParts(),
    };
  } finally {
    book.close();
  }
}
