import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  fillTemplate,
  letterDocx,
  letterFileName,
  lettersDocx,
  MAX_TEMPLATE_BYTES,
  penaltyNoteDocx,
  penaltyNoteFileName,
  penaltyNotesDocx,
  readTemplate,
  TEMPLATE_TEXT,
  type LetterTemplate,
} from "../../documents";
import { formatIsoDay, LEVEL_NAMES, ZERO, type Text } from "../../engine";
import { recordedLetters, type RunNotice } from "../../recovery";
import type { StoredCompany } from "../../storage";
import type { Printer } from "../printer";
import { Stop } from "../printer";
import { fileProblem } from "../register-file";
import { companyOf } from "../recovery/company";
import { StagedFolder } from "../recovery/files";
import { readRecoveryInput, type RecoveryInput } from "../recovery/input";
import type { LettersArgs } from "./args";
import { writeRegisterCopy } from "./copy";
import { LETTERS_TEXT } from "./messages";
import { planDocuments, type PlannedDocuments } from "./plan";

/**
 * One run of `echeance letters`: the template checked first (a template that cannot serve stops
 * before anything is read), the register read by recovery's adapter, « Mon entreprise », the documents
 * planned by recovery with every guardrail said, then written — the documents into a staging folder,
 * the register's copy (letters recorded, the note series) under a temporary name — and only when all
 * are written moved into place. Nothing is ever left half-written; the input is only read.
 */

/** The --template file read and checked whole; a stop (2) with the documents layer's sentence. */
async function openTemplate(file: string, p: Printer): Promise<LetterTemplate> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
    // Refused before it is read whole: a template weighs a few dozen KB.
    if (stat.size > MAX_TEMPLATE_BYTES) throw p.fail(TEMPLATE_TEXT.tooLarge(name, MAX_TEMPLATE_BYTES), 2);
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof Stop) throw e;
    throw p.fail(fileProblem(e, file), 2);
  }
  const reading = readTemplate(bytes, name);
  if (!reading.ok) throw p.fail(reading.error, 2);
  p.say(LETTERS_TEXT.template(file));
  return reading.template;
}

/** Every guardrail's sentence, before anything is written. */
function sayNotices(notices: readonly RunNotice[], p: Printer): void {
  if (notices.length === 0) return;
  p.caution(LETTERS_TEXT.checkBeforeSending(notices.length));
  for (const n of notices) p.warn(`  ${n.text[p.lang]}`);
}

/** A document to write: its file name, its bytes, and the line that says it once written. */
interface Written {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly line: (file: string) => Text;
}

/** The run's documents, made one at a time (each written before the next is made: memory stays flat). */
async function* documentsOf(
  planned: PlannedDocuments,
  args: LettersArgs,
  template: LetterTemplate | undefined,
  asOf: string,
): AsyncGenerator<Written> {
  const { letters, notes } = planned;
  if (args.oneDocument) {
    const count = letters.length + notes.length;
    const what =
      notes.length > 0
        ? LETTERS_TEXT.notesLevel[args.letterLang]
        : args.level !== undefined && args.level !== "note-de-debit"
          ? LEVEL_NAMES[args.level][args.letterLang]
          : LETTERS_TEXT.lettersWord[args.letterLang];
    yield {
      name: LETTERS_TEXT.oneDocumentName(asOf, what, count)[args.letterLang],
      bytes: notes.length > 0 ? await penaltyNotesDocx(notes) : await lettersDocx(letters),
      line: (file) => LETTERS_TEXT.oneDocument(file, count),
    };
    return;
  }
  for (const letter of letters)
    yield {
      name: letterFileName(letter),
      bytes: template ? fillTemplate(template, letter) : await letterDocx(letter),
      line: (file) => LETTERS_TEXT.letterLine(file, letter.total, letter.deadline),
    };
  for (const note of notes)
    yield {
      name: penaltyNoteFileName(note),
      bytes: await penaltyNoteDocx(note),
      line: (file) => LETTERS_TEXT.noteLine(file, note.number, note.total),
    };
}

/** The register's copy, when the run records letters or issues notes (whose series must be stored). */
async function copyIfNeeded(
  input: RecoveryInput,
  planned: PlannedDocuments,
  args: LettersArgs,
  companyFromFile: StoredCompany | undefined,
  p: Printer,
): Promise<Text[]> {
  const recording = args.record && planned.letters.length > 0;
  if (!recording && planned.stored.length === 0) return [];
  const recorded = recording
    ? recordedLetters(planned.letters, input.asOf, input.reading.firstRowNumber)
    : undefined;
  await writeRegisterCopy(
    input,
    {
      out: args.registerOut,
      asOfKind: args.asOfKind,
      ...(recorded ? { recorded } : {}),
      ...(planned.stored.length > 0 ? { notes: planned.stored } : {}),
      ...(companyFromFile ? { company: companyFromFile } : {}),
    },
    p,
  );
  const said: Text[] = [];
  if (recorded) said.push(LETTERS_TEXT.recorded(args.registerOut, recorded.size));
  const first = planned.stored[0];
  const last = planned.stored[planned.stored.length - 1];
  if (first && last) said.push(LETTERS_TEXT.seriesStored(args.registerOut, first.number, last.number));
  return said;
}

/** The exit code: 0 when documents were written, 1 when none could be; a Stop carries 1 or 2. */
export async function runLettersOnce(args: LettersArgs, p: Printer): Promise<number> {
  const template = args.template !== undefined ? await openTemplate(args.template, p) : undefined;
  const input = await readRecoveryInput(args, p);
  const chosen = await companyOf(args.company, input.inForce.stored?.company, p);
  const planned = planDocuments(input.book, {
    level: args.level,
    profile: input.vendor.profile,
    company: chosen.company,
    series: input.inForce.stored?.penaltyNotes ?? [],
    lang: args.letterLang,
    ...(args.deadlineDays !== undefined ? { deadlineDays: args.deadlineDays } : {}),
  });
  if (args.level !== undefined && args.level !== "note-de-debit") p.say(LETTERS_TEXT.levelChosen(args.level));
  if (planned.proposed && planned.proposed.size > 0) p.say(LETTERS_TEXT.levelsProposed(planned.proposed));
  sayNotices(planned.notices, p);
  if (planned.blocked) throw p.fail(planned.blocked, 2);
  if (planned.letters.length === 0 && planned.notes.length === 0)
    throw p.fail(LETTERS_TEXT.nothingToWrite, 1);

  let staged: StagedFolder;
  try {
    staged = await StagedFolder.open(args.out);
  } catch (e) {
    throw p.fail(fileProblem(e, args.out), 1);
  }
  const lines: Text[] = [];
  let said: Text[];
  try {
    for await (const d of documentsOf(planned, args, template, formatIsoDay(input.asOf)))
      lines.push(d.line(await staged.write(d.name, d.bytes)));
    said = await copyIfNeeded(input, planned, args, chosen.from === "file" ? chosen.company : undefined, p);
    await staged.commit();
  } catch (e) {
    await staged.abandon();
    if (e instanceof Stop) throw e;
    throw p.fail(fileProblem(e, args.out), 1);
  }

  p.say(LETTERS_TEXT.written(lines.length, args.out));
  for (const line of lines) p.say(line);
  const total = planned.letters
    .reduce((s, l) => s.plus(l.total), ZERO)
    .plus(planned.notes.reduce((s, n) => s.plus(n.total), ZERO));
  p.say(LETTERS_TEXT.total(total));
  const missing = [...planned.letters, ...planned.notes].filter((d) => d.recipient.addressMissing);
  if (missing.length > 0) p.caution(LETTERS_TEXT.addressesMissing(missing.map((d) => d.client.name)));
  for (const line of said) p.say(line);
  return 0;
}
