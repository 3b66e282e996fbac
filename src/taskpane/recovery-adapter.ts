import type { ApplyOptions, ColumnMapping, HeaderRecognition, RegisterMode } from "../apply";
import { columnLetters } from "../cells";
import type { LetterTemplate } from "../documents";
import {
  parseIsoDay,
  type Day,
  type Language,
  type Settings,
  type VendorProfile,
  type VendorRegistry,
} from "../engine";
import {
  allStatementsSheetName,
  buildRecovery,
  clientStatementSheet,
  clientStatementSheetName,
  readRecoveryRegister,
  recordedLetters,
  recoveryMappingProblems,
  statementSheet,
  STATEMENT_COLUMN_WIDTHS,
  type Letter,
  type PenaltyNote,
  type RecoveryBook,
  type RecoveryRegister,
} from "../recovery";
import type { SheetLayout } from "../reports";
import { applyToSheet, planApply, rowsInMemory, type WriteMode } from "../write";
import { registerPlace, type SourceBlock, type WorkbookGateway } from "../workbook/gateway";
import { buildApplyOptions, buildApplyRequest, describeError } from "./apply-adapter";
import { loadDocuments } from "./documents-loader";
import { DOCX_TYPE, ZIP_TYPE, type BinaryFile } from "./download";
import { matrixCells } from "./report-adapter";

/**
 * The glue between recovery (src/recovery: the register read as Apply reads it, the statements, the
 * letters and notes' content; src/documents: their .docx) and the pane's workbook gateway: the book of
 * a register as of a date, the statement's sheets, the documents as one file to hand over, and the
 * letters recorded as sent through Apply's own columns. No React here: the views call these, and the
 * tests call them on the in-memory workbook.
 */

export interface RecoveryInput {
  readonly source: SourceBlock;
  readonly mode: RegisterMode | undefined;
  readonly mapping: ColumnMapping;
  /** The vendor choice ("omi"), or undefined when each row names its vendor. */
  readonly vendor: string | undefined;
  /** The date d'arrêté, YYYY-MM-DD. */
  readonly asOfIso: string;
  readonly lang: Language;
  readonly registry?: VendorRegistry;
  readonly settings?: Settings;
  /** Only this client (the statement's « un client »). */
  readonly client?: string | undefined;
}

export type RecoveryReading =
  | {
      readonly ok: true;
      readonly register: RecoveryRegister;
      readonly book: RecoveryBook;
      readonly profile: VendorProfile;
      /** Apply's options for the same register and date (the recording run writes through them). */
      readonly options: ApplyOptions;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The register's rows read for recovery, as Apply reads them, and the claims per client on the date. */
export function readRecovery(input: RecoveryInput): RecoveryReading {
  const { source, lang } = input;
  const problems = recoveryMappingProblems({ mode: input.mode, mapping: input.mapping });
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => p[lang]) };
  const asOf = parseIsoDay(input.asOfIso);
  if (asOf === undefined) return { ok: false, problems: [] };
  try {
    const options = buildApplyOptions({
      source,
      mode: "invoices",
      mapping: input.mapping,
      vendor: input.vendor ?? "",
      asOf: input.asOfIso,
      lang,
      defaults: {},
      ...(input.registry ? { registry: input.registry } : {}),
      ...(input.settings ? { settings: input.settings } : {}),
    });
    const register = readRecoveryRegister(source.rows, options);
    const vendor = register.vendor;
    if (!vendor) return { ok: false, problems: register.leftOut.map((n) => n.message) };
    const book = buildRecovery(register.invoices, {
      profile: vendor.profile,
      settings: vendor.settings,
      asOf,
      client: input.client,
    });
    return { ok: true, register, book, profile: vendor.profile, options };
  } catch (e) {
    return { ok: false, problems: [describeError(e, lang)] };
  }
}

/** The statement sheet's layout: the core's widths, the line label and the rate's source wrapped, A4 landscape. */
export const STATEMENT_LAYOUT: SheetLayout = {
  columnWidths: STATEMENT_COLUMN_WIDTHS,
  wrapColumns: [4, 10],
  landscape: true,
  pagesTall: undefined,
};

export type StatementLayout = "per-client" | "one-sheet";

export interface StatementWritten {
  readonly sheets: readonly string[];
  /** False where Excel could not take the print setup (before ExcelApi 1.9). */
  readonly printSetup: boolean;
}

/**
 * Writes the statement on new sheets — one per client, or one for all — never on the register: the
 * same cells as `echeance report --kind statement` (`clientStatementSheet`, `statementSheet`).
 */
export async function writeStatementSheets(
  gateway: WorkbookGateway,
  book: RecoveryBook,
  terms: string,
  layout: StatementLayout,
  lang: Language,
): Promise<StatementWritten> {
  const sheets: string[] = [];
  let printSetup = true;
  const write = async (wanted: string, matrix: ReturnType<typeof statementSheet>) => {
    const sheet = await gateway.addSheet(wanted);
    const written = await gateway.writeMatrix(sheet, matrixCells(matrix), STATEMENT_LAYOUT);
    printSetup &&= written.printSetup;
    sheets.push(sheet);
  };
  if (layout === "one-sheet")
    await write(allStatementsSheetName(book.asOf, lang), statementSheet(book, terms, lang));
  else
    for (const client of book.clients)
      await write(
        clientStatementSheetName(client.name, lang),
        clientStatementSheet(client, book.asOf, terms, lang),
      );
  return { sheets, printSetup };
}

export type DocumentsLayout = "one-document" | "file-per-client";

/** « Lettres 30-06-2026.zip », « Notes de débit 30-06-2026.docx »: the file's stem and the date. */
function runFileName(stem: string, asOf: Day, ext: string, lang: Language): string {
  return `${stem} ${allStatementsSheetName(asOf, lang).split(" ").pop() ?? ""}.${ext}`;
}

/**
 * The letters of a run as one file to hand over: one .docx with a page per client, or one .docx per
 * client (a .zip of them when there are several). A user's template fills one .docx per client.
 */
export async function lettersFile(
  letters: readonly Letter[],
  layout: DocumentsLayout,
  names: { readonly stem: string; readonly asOf: Day; readonly lang: Language },
  template?: LetterTemplate,
): Promise<BinaryFile | undefined> {
  if (letters.length === 0) return undefined;
  const { fillTemplate, letterDocx, letterFileName, lettersDocx, zipFiles } = await loadDocuments();
  if (layout === "one-document" && !template)
    return {
      fileName: runFileName(names.stem, names.asOf, "docx", names.lang),
      bytes: await lettersDocx(letters),
      type: DOCX_TYPE,
    };
  const files = [];
  for (const letter of letters)
    files.push({
      name: letterFileName(letter),
      bytes: template ? fillTemplate(template, letter) : await letterDocx(letter),
    });
  if (files.length === 1) {
    const only = files[0] as { name: string; bytes: Uint8Array };
    return { fileName: only.name, bytes: only.bytes, type: DOCX_TYPE };
  }
  return {
    fileName: runFileName(names.stem, names.asOf, "zip", names.lang),
    bytes: zipFiles(files),
    type: ZIP_TYPE,
  };
}

/** The penalty notes of a run as one file: one .docx with a page per note, or one .docx per note (a .zip). */
export async function notesFile(
  notes: readonly PenaltyNote[],
  layout: DocumentsLayout,
  names: { readonly stem: string; readonly asOf: Day; readonly lang: Language },
): Promise<BinaryFile | undefined> {
  if (notes.length === 0) return undefined;
  const { penaltyNoteDocx, penaltyNoteFileName, penaltyNotesDocx, zipFiles } = await loadDocuments();
  if (layout === "one-document" || notes.length === 1) {
    const only = notes.length === 1 ? (notes[0] as PenaltyNote) : undefined;
    return {
      fileName: only ? penaltyNoteFileName(only) : runFileName(names.stem, names.asOf, "docx", names.lang),
      bytes: only ? await penaltyNoteDocx(only) : await penaltyNotesDocx(notes),
      type: DOCX_TYPE,
    };
  }
  const files = [];
  for (const note of notes)
    files.push({ name: penaltyNoteFileName(note), bytes: await penaltyNoteDocx(note) });
  return {
    fileName: runFileName(names.stem, names.asOf, "zip", names.lang),
    bytes: zipFiles(files),
    type: ZIP_TYPE,
  };
}

export type RecordOutcome =
  | {
      readonly kind: "written";
      /** The « Dernière relance » column (letters) and whether it was added by this run. */
      readonly lastReminder: { readonly column: string; readonly added: boolean };
      readonly nextAction: { readonly column: string; readonly added: boolean } | undefined;
      /** Invoices recorded, and the clients they belong to. */
      readonly invoices: number;
      readonly clients: number;
      /** The sheet's address of the register written. */
      readonly address: string;
    }
  | {
      /** Cells that are not Apply's own hold something where the columns would go: nothing written. */
      readonly kind: "refused";
      readonly count: number;
      readonly address: string;
    };

/**
 * « Marquer comme envoyé »: the letters recorded in the register, through Apply — the same cells rule
 * as `echeance letters --record`. Apply runs on the register as of the letters' date with the letters
 * as `recorded`: « Dernière relance » is written in the register's own column when it has one (the one
 * input column Apply owns), else added beside Apply's columns, and « Prochaine action » follows it.
 * When the columns would replace someone else's cells, nothing is written and the count is said.
 */
export async function recordSent(args: {
  readonly gateway: WorkbookGateway;
  readonly source: SourceBlock;
  readonly recognition: HeaderRecognition | undefined;
  readonly options: ApplyOptions;
  readonly letters: readonly Letter[];
  readonly date: Day;
  readonly firstRowNumber: number;
  /** Today, for Apply's note (the pane reads the clock, the core never does). */
  readonly today: Day;
  readonly write?: WriteMode;
}): Promise<RecordOutcome> {
  const { gateway, source } = args;
  const recorded = recordedLetters(args.letters, args.date, args.firstRowNumber);
  const request = buildApplyRequest({
    options: { ...args.options, recorded },
    write: args.write ?? "values",
    recognition: args.recognition,
    today: args.today,
  });
  const plan = planApply(request, registerPlace(source), source.headers);
  const replaced = await gateway.countReplaced(source, plan);
  if (replaced.count > 0) return { kind: "refused", count: replaced.count, address: replaced.address };
  const sink = gateway.applySink(source);
  try {
    await applyToSheet(plan, rowsInMemory(plan.place, source.headers, source.rows), sink);
  } finally {
    await sink.close();
  }
  const where = (id: "lastReminder" | "nextAction") => {
    const c = plan.columns.find((p) => p.id === id);
    return c ? { column: columnLetters(c.column), added: !c.existing } : undefined;
  };
  return {
    kind: "written",
    // A recording run always plans « Dernière relance », in place or added (apply/columns.ts).
    lastReminder: where("lastReminder") ?? { column: "?", added: false },
    nextAction: where("nextAction"),
    invoices: recorded.size,
    clients: args.letters.length,
    address: source.address,
  };
}
