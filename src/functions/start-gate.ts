import type { Text } from "../engine";

/**
 * The CGV functions' first answers wait for the workbook: Excel calls them as soon as the shared
 * runtime starts, often with the pane never opened, and an answer given before the workbook's own
 * terms (its vendors, its rate rows) and date system are known would be wrong — #VALUE! for its
 * vendor, #NUM! for its rate rows — and a full recalculation does not reliably repair cells in error
 * (office-js #4502). So the start holds every answer (each wrapper returns a promise, async custom
 * functions being allowed) until what it waits for has settled, for a bounded time. Outside Excel
 * (the command line, the tests) nothing is held.
 */

/** Where the workbook's stored terms are: not asked (no store), being read, read, none stored, unreadable. */
export type TermsLoad = "not-asked" | "loading" | "loaded" | "none-stored" | "failed";

/** What the start came to, for the self-test (« terms loaded before the first function result »). */
export interface StartRecord {
  readonly terms: TermsLoad;
  /** Whether anything was held, and how the last hold ended: settled, or its wait ran out. */
  readonly held: boolean;
  readonly opened?: "settled" | "timed-out";
  /** Answers given so far. */
  readonly answers: number;
  /** Answers given while the workbook's terms were still being read, or could not be read. */
  readonly answersWithoutTerms: number;
  /** Why the terms could not be read. */
  readonly failure?: Text;
}

/** The timer functions the gate uses (injected in tests). */
export interface Timers {
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const OPEN: Promise<void> = Promise.resolve();

export class StartGate {
  private holds = 0;
  private everHeld = false;
  private waiting: (() => void)[] = [];
  private opened: StartRecord["opened"];
  private termsLoad: TermsLoad = "not-asked";
  private failure: Text | undefined;
  private answers = 0;
  private answersWithoutTerms = 0;

  /** True when nothing holds the answers. */
  get isOpen(): boolean {
    return this.holds === 0;
  }

  get terms(): TermsLoad {
    return this.termsLoad;
  }

  /**
   * Holds every answer until `until` settles (fulfilled or rejected alike) or `maxWaitMs` pass,
   * whichever comes first. Holds add up: answers wait for all of them.
   */
  hold(until: Promise<unknown>, maxWaitMs: number, timers: Timers = REAL_TIMERS): void {
    this.holds += 1;
    this.everHeld = true;
    let released = false;
    const release = (how: "settled" | "timed-out") => {
      if (released) return;
      released = true;
      timers.clear(timer);
      this.holds -= 1;
      if (this.holds > 0) return;
      this.opened = how;
      for (const resume of this.waiting.splice(0)) resume();
    };
    const timer = timers.set(() => release("timed-out"), maxWaitMs);
    until.then(
      () => release("settled"),
      () => release("settled"),
    );
  }

  /** Resolves when nothing holds the answers (at once when nothing does). */
  whenOpen(): Promise<void> {
    return this.holds === 0 ? OPEN : new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  termsLoading(): void {
    this.termsLoad = "loading";
    this.failure = undefined;
  }

  termsSettled(load: "loaded" | "none-stored" | "failed", failure?: Text): void {
    this.termsLoad = load;
    this.failure = failure;
  }

  /**
   * Counts an answer given now. In a runtime that waits for a workbook (one held at start), an answer
   * given before its terms were read, or when they could not be, was given without them.
   */
  answered(): void {
    this.answers += 1;
    if (this.everHeld && this.termsLoad !== "loaded" && this.termsLoad !== "none-stored")
      this.answersWithoutTerms += 1;
  }

  /** Whether some answer was given without the workbook's terms (their cells need computing again). */
  get answeredWithoutTerms(): boolean {
    return this.answersWithoutTerms > 0;
  }

  record(): StartRecord {
    return {
      terms: this.termsLoad,
      held: this.everHeld,
      ...(this.opened !== undefined ? { opened: this.opened } : {}),
      answers: this.answers,
      answersWithoutTerms: this.answersWithoutTerms,
      ...(this.failure !== undefined ? { failure: this.failure } : {}),
    };
  }
}
