import { nextAction, type Language, type ReminderLevel, type Text, type VendorProfile } from "../../engine";
import {
  planLetters,
  planPenaltyNotes,
  proposedLevel,
  type ClientFile,
  type Letter,
  type PenaltyNote,
  type RecoveryBook,
  type RunNotice,
} from "../../recovery";
import type { StoredCompany, StoredPenaltyNote } from "../../storage";
import type { DocumentLevel } from "./args";
import { LETTERS_TEXT } from "./messages";

/**
 * The documents of a run, planned by recovery before anything is written: the letters at the level
 * chosen — or, without one, at the level each client's recorded letters propose (the next after its
 * most advanced « Dernière relance ») — or the penalty notes numbered after the stored series; with
 * every guardrail's sentence.
 */

export interface PlannedDocuments {
  readonly letters: readonly Letter[];
  readonly notes: readonly PenaltyNote[];
  /** The notes as the workbook's series records them. */
  readonly stored: readonly StoredPenaltyNote[];
  readonly notices: readonly RunNotice[];
  /** Set when nothing can be written at all. */
  readonly blocked: Text | undefined;
  /** Without a chosen level: how many clients get each proposed level. */
  readonly proposed: ReadonlyMap<ReminderLevel, number> | undefined;
}

export interface PlanRequest {
  readonly level: DocumentLevel | undefined;
  readonly profile: VendorProfile;
  readonly company: StoredCompany;
  readonly series: readonly StoredPenaltyNote[];
  readonly lang: Language;
  readonly deadlineDays?: number;
}

/** The clients grouped by the level their recorded letters propose; those past a formal notice apart. */
function byProposedLevel(clients: readonly ClientFile[]) {
  const groups = new Map<ReminderLevel, ClientFile[]>();
  const pastNotice: ClientFile[] = [];
  for (const client of clients) {
    const level = proposedLevel(client);
    if (level === undefined) pastNotice.push(client);
    else groups.set(level, [...(groups.get(level) ?? []), client]);
  }
  return { groups, pastNotice };
}

/** Letters at the level each client's record proposes, one recovery plan per level. */
function proposedLetters(book: RecoveryBook, request: PlanRequest): PlannedDocuments {
  const { groups, pastNotice } = byProposedLevel(book.clients);
  const options = {
    profile: request.profile,
    company: request.company,
    lang: request.lang,
    ...(request.deadlineDays !== undefined ? { deadlineDays: request.deadlineDays } : {}),
  };
  // The register's own sentences (excluded invoices, clients with nothing late) once, then each level's.
  const base = planLetters({ ...book, clients: [] }, { ...options, level: "rappel" });
  const letters: Letter[] = [];
  const notices: RunNotice[] = [...base.notices];
  for (const client of pastNotice) {
    const due = client.invoices[0]?.invoice.dueDate ?? book.asOf;
    notices.push({
      kind: "level-order",
      client: client.name,
      text: LETTERS_TEXT.afterFormalNotice(client.name, nextAction(due, client.lastReminder).text),
    });
  }
  const proposed = new Map<ReminderLevel, number>();
  for (const level of ["rappel", "relance", "mise-en-demeure"] as const) {
    const clients = groups.get(level);
    if (!clients) continue;
    const run = planLetters({ ...book, clients, excluded: [], nothingLate: [] }, { ...options, level });
    letters.push(...run.letters);
    notices.push(...run.notices);
    if (run.letters.length > 0) proposed.set(level, run.letters.length);
  }
  return { letters, notes: [], stored: [], notices, blocked: base.blocked, proposed };
}

/** The run's documents, planned: nothing is written here. */
export function planDocuments(book: RecoveryBook, request: PlanRequest): PlannedDocuments {
  if (request.level === "note-de-debit") {
    const run = planPenaltyNotes(book, {
      profile: request.profile,
      company: request.company,
      series: request.series,
      lang: request.lang,
    });
    return { letters: [], proposed: undefined, ...run };
  }
  if (request.level === undefined) return proposedLetters(book, request);
  const run = planLetters(book, {
    level: request.level,
    profile: request.profile,
    company: request.company,
    lang: request.lang,
    ...(request.deadlineDays !== undefined ? { deadlineDays: request.deadlineDays } : {}),
  });
  return {
    letters: run.letters,
    notes: [],
    stored: [],
    notices: run.notices,
    blocked: run.blocked,
    proposed: undefined,
  };
}
