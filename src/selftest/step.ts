import type { Day, Text } from "../engine";
import type { WorkbookGateway } from "../workbook/gateway";
import type { TermsStore } from "../storage";
import type { SelfTestEnvironment } from "./environment";
import type { ScratchWorkbook } from "./scratch";

/** The stores the terms step uses. */
export interface SelfTestTerms {
  /**
   * The store the self-test writes, replaces and removes: the workbook's own kind of store (a custom
   * XML part, or the document settings) at SELF_TEST_TERMS_PLACE, a namespace and a key of its own, so
   * the workbook's terms are never written. Undefined where the workbook has no store (the step is
   * then not run).
   */
  readonly scratch?: TermsStore | undefined;
  /** The workbook's terms, read before and after the run to show they are exactly as they were. */
  readonly workbook?: TermsStore | undefined;
}

/**
 * What the add-in's start recorded in this Excel, for the steps that check it (src/office gives it:
 * the functions' runtime, the pane's visibility watch). Absent outside Excel.
 */
export interface SelfTestHostChecks {
  /** The functions' start (src/functions/start-gate.ts StartRecord). */
  functionsStart(): {
    readonly terms: "not-asked" | "loading" | "loaded" | "none-stored" | "failed";
    readonly held: boolean;
    readonly opened?: "settled" | "timed-out";
    readonly answers: number;
    readonly answersWithoutTerms: number;
    readonly failure?: Text;
  };
  /** The pane's watch of Office showing it (src/office/pane-host.ts PaneVisibilityRecord). */
  paneVisibility(): {
    readonly supported: boolean;
    readonly registered: boolean;
    readonly error?: string;
    readonly shown: number;
    readonly hidden: number;
  };
}

/** What a step works with. Every sheet it touches is one it created through `newSheet` or `track`. */
export interface StepContext {
  readonly gateway: WorkbookGateway;
  readonly scratch: ScratchWorkbook;
  readonly environment: SelfTestEnvironment;
  readonly terms: SelfTestTerms;
  /** What the add-in's start recorded in Excel; undefined outside Excel. */
  readonly host?: SelfTestHostChecks | undefined;
  /** Today (the note's date; the page reads the clock). */
  readonly today: Day;
  /** Adds a scratch sheet through the gateway (a name no sheet has), removed after the step. */
  newSheet(): Promise<string>;
  /** A sheet the step made otherwise (the portable formulas' reference sheet), removed after the step. */
  track(sheet: string): void;
  /** Milliseconds, for waiting on Excel's events. */
  now(): number;
  wait(ms: number): Promise<void>;
}

export type StepId =
  | "sheet"
  | "date-system"
  | "read"
  | "used-range"
  | "values"
  | "note"
  | "highlight"
  | "formulas"
  | "formulas-fr"
  | "portable"
  | "edit"
  | "sizes"
  | "terms"
  | "functions-start"
  | "pane-visibility";

export interface StepOutcome {
  /** What the step saw, for the report ("1900 date system", "the note went into a comment"…). */
  readonly detail?: Text;
  /** The date-system step: whether the workbook counts from 1904 (register steps are then not run). */
  readonly date1904?: boolean;
}

export interface SelfTestStep {
  readonly id: StepId;
  readonly title: Text;
  /** Reads a register through the gateway: not run in a 1904 workbook, which the pane refuses by design. */
  readonly readsRegister: boolean;
  run(ctx: StepContext): Promise<StepOutcome | void>;
}
