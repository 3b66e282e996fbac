import type { Language, Text } from "../engine";
import { OFFICE_TEXT } from "./text";

/**
 * Excel refuses every request of an add-in while the user is editing a cell: the batch fails with
 * `InvalidOperationInCellEditMode`, unless it was run with `delayForCellEdit` (ExcelApi 1.11), which
 * makes Excel hold it until the edit ends (docs/office.md#requests-while-a-cell-is-edited). Requests
 * the user did not start — the terms loaded at start, the CGV cells recalculated, the register read
 * when the pane opens — would otherwise fail at random. So every batch asks for the delay where Excel
 * has it, and a batch refused for an edit anyway (an Excel without 1.11) is run again after a pause,
 * for a bounded time; past it, it fails with a sentence the user can act on.
 */

/** Excel's error code for a request refused while a cell is being edited. */
export const CELL_EDIT_CODE = "InvalidOperationInCellEditMode";

/** Whether an error is Excel refusing a request because a cell is being edited. */
export function isCellEditRefusal(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === CELL_EDIT_CODE;
}

/** How long, and how, a refused request is tried again. */
export interface CellEditPatience {
  /** Longest total wait before giving up (default 20 s). */
  readonly maxWaitMs: number;
  /** The first pause; each next one doubles, up to `maxPauseMs` (250 ms, 4 s). */
  readonly firstPauseMs: number;
  readonly maxPauseMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** The language of the error's message (Excel's display language). */
  readonly language: () => Language;
}

export const DEFAULT_PATIENCE: CellEditPatience = {
  maxWaitMs: 20_000,
  firstPauseMs: 250,
  maxPauseMs: 4_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  language: () => "en",
};

/** A request still refused for a cell edit after the bounded wait: what happened, in both languages. */
export class CellEditTimeout extends Error {
  readonly code = CELL_EDIT_CODE;
  constructor(
    readonly text: Text,
    readonly attempts: number,
    readonly waitedMs: number,
    language: Language,
  ) {
    super(text[language]);
    this.name = "CellEditTimeout";
  }
}

/** What the tries of requests made so far came to: for the self-test and the tests. */
export interface CellEditRecord {
  /** Requests refused for a cell edit and tried again (each counted once). */
  retried: number;
  /** Requests that got through after being refused. */
  recovered: number;
  /** Requests given up on. */
  gaveUp: number;
}

/**
 * Runs `attempt` until it is not refused for a cell edit, pausing between tries (doubling pauses)
 * for at most `patience.maxWaitMs`; then throws a CellEditTimeout. Other errors pass through at once.
 */
export async function whileEditing<T>(
  attempt: () => Promise<T>,
  patience: CellEditPatience = DEFAULT_PATIENCE,
  record?: CellEditRecord,
): Promise<T> {
  const start = patience.now();
  let pause = patience.firstPauseMs;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      const result = await attempt();
      if (attempts > 1 && record) record.recovered += 1;
      return result;
    } catch (e) {
      if (!isCellEditRefusal(e)) throw e;
      if (attempts === 1 && record) record.retried += 1;
      const waited = patience.now() - start;
      if (waited + pause > patience.maxWaitMs) {
        if (record) record.gaveUp += 1;
        const seconds = Math.round(patience.maxWaitMs / 1000);
        throw new CellEditTimeout(OFFICE_TEXT.cellEditGaveUp(seconds), attempts, waited, patience.language());
      }
      await patience.sleep(pause);
      pause = Math.min(pause * 2, patience.maxPauseMs);
    }
  }
}
