import * as React from "react";
import type { ColumnMapping, HeaderRecognition, RegisterMode } from "../../../apply";
import type { LetterTemplate } from "../../../documents";
import { loadDocuments } from "../../documents-loader";
import {
  parseIsoDay,
  type Day,
  type Language,
  type Settings,
  type Text,
  type VendorRegistry,
} from "../../../engine";
import {
  planLetters,
  planPenaltyNotes,
  penaltyNoteSheet,
  proposedLevel,
  REMINDER_LEVELS,
  type LetterRun,
  type RecoveryBook,
  type ReminderLevel,
} from "../../../recovery";
import type { StoredCompany, StoredPenaltyNote } from "../../../storage";
import type { SourceBlock, WorkbookGateway } from "../../../workbook/gateway";
import { describeError } from "../../apply-adapter";
import { offerBinary, type BinaryFile, type TextFile } from "../../download";
import {
  lettersFile,
  notesFile,
  recordSent,
  STATEMENT_LAYOUT,
  type DocumentsLayout,
  type RecordOutcome,
  type RecoveryReading,
} from "../../recovery-adapter";
import { matrixCells } from "../../report-adapter";
import { todayIso } from "../AsOfPicker/useAsOf";
import { useRecoveryReading } from "../RecoveryCommon/useRecoveryReading";
import { LETTERS_STRINGS } from "./strings";

/** A file handed over: downloaded, or its text shown to copy where the webview cannot download. */
export interface Handed {
  readonly file: BinaryFile;
  readonly how: "downloaded" | "text";
  /** The documents' text, for the webviews without downloads. */
  readonly text?: TextFile;
}

export type LettersRun =
  | { readonly phase: "idle" }
  | { readonly phase: "working" }
  | { readonly phase: "letters"; readonly handed: Handed; readonly count: number }
  | {
      readonly phase: "notes";
      readonly handed: Handed;
      readonly numbers: readonly string[];
      readonly sheet: string;
    }
  | { readonly phase: "recorded"; readonly outcome: RecordOutcome }
  | { readonly phase: "error"; readonly message: string };

export interface TemplateChoice {
  readonly name: string;
  readonly template?: LetterTemplate;
  readonly error?: Text;
}

/** What the view needs from the workbook's stored terms. */
export interface LettersTerms {
  readonly company: StoredCompany | undefined;
  penaltyNotes(): readonly StoredPenaltyNote[];
  addPenaltyNotes(notes: readonly StoredPenaltyNote[]): Promise<void>;
}

export interface LettersState {
  readonly asOfText: string;
  readonly setAsOfText: (iso: string) => void;
  /** The level chosen; the proposal (the most common next level) until the user picks one. */
  readonly level: ReminderLevel;
  /** The level the run proposes (`proposedForRun`). */
  readonly proposed: ReminderLevel;
  readonly setLevel: (level: ReminderLevel) => void;
  readonly deadlineText: string;
  readonly setDeadlineText: (text: string) => void;
  /** Days to pay, when the text is a whole number from 1 to 90. */
  readonly deadlineDays: number | undefined;
  readonly layout: DocumentsLayout;
  readonly setLayout: (layout: DocumentsLayout) => void;
  readonly template: TemplateChoice | undefined;
  readonly pickTemplate: (name: string, bytes: Uint8Array) => Promise<void>;
  readonly clearTemplate: () => void;
  readonly reading: RecoveryReading | undefined;
  readonly book: RecoveryBook | undefined;
  /** The letters as they would be written now, with every guardrail's sentence. */
  readonly plan: LetterRun | undefined;
  readonly run: LettersRun;
  /** The letters last handed over, which « Marquer comme envoyé » records. */
  readonly lastLetters:
    { readonly count: number; readonly level: ReminderLevel; readonly date: Day } | undefined;
  readonly generate: () => Promise<void>;
  readonly markSent: () => Promise<void>;
  readonly issueNotes: () => Promise<void>;
}

/** The level most clients are due for next (the earliest level on a tie); a reminder when none. */
export function proposedForRun(book: RecoveryBook | undefined): ReminderLevel {
  const counts = new Map<ReminderLevel, number>();
  for (const c of book?.clients ?? []) {
    const p = proposedLevel(c);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: ReminderLevel = "rappel";
  for (const level of REMINDER_LEVELS) if ((counts.get(level) ?? 0) > (counts.get(best) ?? 0)) best = level;
  return best;
}

const DEADLINE = /^\s*(\d{1,2})\s*$/;

/** The letters view's state: the register read as of the date, the plan with its guardrails, and the three actions. */
export function useLetters(args: {
  gateway: WorkbookGateway;
  source: SourceBlock | undefined;
  recognition: HeaderRecognition | undefined;
  mode: RegisterMode | undefined;
  mapping: ColumnMapping;
  vendor: string | undefined;
  lang: Language;
  active: boolean;
  terms: LettersTerms;
  registry?: VendorRegistry;
  settings?: Settings;
  /** After the register was written (« Marquer comme envoyé »): the pane reads it again. */
  onWritten?: () => void;
}): LettersState {
  const { gateway, lang, terms, source, recognition, onWritten } = args;
  const s = LETTERS_STRINGS[lang];
  const [asOfText, setAsOfText] = React.useState(todayIso);
  const [chosenLevel, setLevel] = React.useState<ReminderLevel>();
  const [deadlineText, setDeadlineText] = React.useState("8");
  const [layout, setLayout] = React.useState<DocumentsLayout>("file-per-client");
  const [template, setTemplate] = React.useState<TemplateChoice>();
  const [run, setRun] = React.useState<LettersRun>({ phase: "idle" });
  const [lastLetters, setLastLetters] = React.useState<{ run: LetterRun; date: Day }>();
  const asOfIso = parseIsoDay(asOfText) === undefined ? undefined : asOfText;
  const reading = useRecoveryReading({ ...args, asOfIso });
  const book = reading?.ok ? reading.book : undefined;
  const proposed = proposedForRun(book);
  const level = chosenLevel ?? proposed;
  const m = DEADLINE.exec(deadlineText);
  const deadlineDays = m && Number(m[1]) >= 1 && Number(m[1]) <= 90 ? Number(m[1]) : undefined;

  const plan = React.useMemo(() => {
    if (!reading?.ok) return undefined;
    return planLetters(reading.book, {
      level,
      profile: reading.profile,
      company: terms.company,
      ...(deadlineDays !== undefined ? { deadlineDays } : {}),
      lang: "fr",
    });
  }, [reading, level, terms.company, deadlineDays]);

  // A letter recorded is the one handed over: another register, mapping, vendor or date forgets it
  // (not a save of the stored terms — « Mon entreprise », the note series — which leaves them as they are).
  const { source: readSource, mapping, vendor } = args;
  React.useEffect(() => setLastLetters(undefined), [readSource, mapping, vendor, asOfIso]);

  /** Hands a file over, with its text where the webview cannot download. */
  const hand = async (file: BinaryFile, textOf: () => Promise<Uint8Array>): Promise<Handed> => {
    const how = offerBinary(file);
    if (how === "downloaded") return { file, how };
    const { docxText } = await loadDocuments();
    const read = await docxText(await textOf());
    const text = read.ok ? read.text : read.message[lang];
    return { file, how, text: { fileName: file.fileName, text, type: "text/plain" } };
  };

  const generate = async () => {
    if (!plan || plan.letters.length === 0 || !asOfIso) return;
    setRun({ phase: "working" });
    try {
      const names = { stem: s.lettersFileStem, asOf: parseIsoDay(asOfIso) as Day, lang };
      const file = await lettersFile(plan.letters, layout, names, template?.template);
      if (!file) return;
      const handed = await hand(
        file,
        async () => (await lettersFile(plan.letters, "one-document", names))!.bytes,
      );
      setLastLetters({ run: plan, date: parseIsoDay(asOfIso) as Day });
      setRun({ phase: "letters", handed, count: plan.letters.length });
    } catch (e) {
      setRun({ phase: "error", message: describeError(e, lang) });
    }
  };

  const markSent = async () => {
    if (!lastLetters || !reading?.ok || !source) return;
    setRun({ phase: "working" });
    try {
      const outcome = await recordSent({
        gateway,
        source,
        recognition,
        options: reading.options,
        letters: lastLetters.run.letters,
        date: lastLetters.date,
        firstRowNumber: reading.register.firstRowNumber,
        today: parseIsoDay(todayIso()) as Day,
      });
      setRun({ phase: "recorded", outcome });
      if (outcome.kind === "written") {
        setLastLetters(undefined);
        onWritten?.();
      }
    } catch (e) {
      setRun({ phase: "error", message: describeError(e, lang) });
    }
  };

  const issueNotes = async () => {
    if (!reading?.ok || !asOfIso) return;
    setRun({ phase: "working" });
    try {
      const notes = planPenaltyNotes(reading.book, {
        profile: reading.profile,
        company: terms.company,
        series: terms.penaltyNotes(),
        lang: "fr",
      });
      if (notes.blocked || notes.notes.length === 0) {
        setRun({ phase: "error", message: notes.blocked ? notes.blocked[lang] : s.noNewNote });
        return;
      }
      // The numbers are kept in the workbook before the notes are handed over: never reused.
      await terms.addPenaltyNotes(notes.stored);
      const names = { stem: s.notesFileStem, asOf: parseIsoDay(asOfIso) as Day, lang };
      const file = (await notesFile(notes.notes, layout, names)) as BinaryFile;
      const handed = await hand(
        file,
        async () => (await notesFile(notes.notes, "one-document", names))!.bytes,
      );
      // The series as a sheet, one line per note ever issued from this workbook.
      const sheet = await gateway.addSheet(s.notesSheet);
      await gateway.writeMatrix(sheet, matrixCells(penaltyNoteSheet(terms.penaltyNotes(), lang)), {
        ...STATEMENT_LAYOUT,
        columnWidths: [14, 12, 28, 30, 12, 12, 12, 22],
        wrapColumns: [3],
      });
      setRun({ phase: "notes", handed, numbers: notes.notes.map((n) => n.number), sheet });
    } catch (e) {
      setRun({ phase: "error", message: describeError(e, lang) });
    }
  };

  const pickTemplate = async (name: string, bytes: Uint8Array) => {
    const { readTemplate } = await loadDocuments();
    const r = readTemplate(bytes, name);
    setTemplate(r.ok ? { name, template: r.template } : { name, error: r.error });
    if (r.ok) setLayout("file-per-client");
  };

  return {
    asOfText,
    setAsOfText,
    level,
    proposed,
    setLevel,
    deadlineText,
    setDeadlineText,
    deadlineDays,
    layout,
    setLayout,
    template,
    pickTemplate,
    clearTemplate: () => setTemplate(undefined),
    reading,
    book,
    plan,
    run,
    lastLetters: lastLetters
      ? { count: lastLetters.run.letters.length, level: lastLetters.run.level, date: lastLetters.date }
      : undefined,
    generate,
    markSent,
    issueNotes,
  };
}
