import type { Day, Text } from "../engine";
import { GatewayError, type WorkbookGateway } from "../workbook/gateway";
import { isEngineError } from "../engine";
import { StepFailure, StepSkipped } from "./check";
import type { RequirementSet, SelfTestEnvironment } from "./environment";
import { SCRATCH_SHEET } from "./fixtures";
import type { ScratchWorkbook } from "./scratch";
import type { SelfTestHostChecks, SelfTestStep, SelfTestTerms, StepContext, StepId } from "./step";
import { SELF_TEST_STEPS } from "./steps";
import { SELF_TEST_TEXT } from "./text";

/**
 * Runs the self-test: each step on scratch sheets of its own, removed after it whatever happened;
 * then the user's selection put back, anything left removed once more, and the workbook's stored
 * terms compared with what they were. A step's failure never stops the others. The report says
 * where it ran, each step's outcome and duration, and what the cleanup did.
 */

export type StepStatus = "pass" | "fail" | "skip";

export interface StepResult {
  readonly id: StepId;
  readonly title: Text;
  readonly status: StepStatus;
  /** What a passing step saw, or why a step was not run. */
  readonly detail?: Text;
  /** Why the step failed: a check's sentence, or the error Excel or the gateway gave. */
  readonly error?: Text;
  readonly durationMs: number;
}

export interface SelfTestCleanup {
  /** Scratch sheets (and reference sheets) the self-test made and removed. */
  readonly sheetsRemoved: readonly string[];
  /** Sheets it made and could not remove: the user should delete them. */
  readonly sheetsLeft: readonly string[];
  /** The workbook's stored terms read before and after: "unchanged", "changed", or "unknown" (no store, or unreadable). */
  readonly workbookTerms: "unchanged" | "changed" | "unknown";
  /** Whether the user's selection was put back (false also when it could not be read at the start). */
  readonly selectionRestored: boolean;
}

export interface SelfTestReport {
  readonly environment: Omit<SelfTestEnvironment, "supports">;
  readonly steps: readonly StepResult[];
  readonly cleanup: SelfTestCleanup;
  readonly durationMs: number;
}

export interface SelfTestDeps {
  readonly gateway: WorkbookGateway;
  readonly scratch: ScratchWorkbook;
  readonly environment: SelfTestEnvironment;
  readonly terms: SelfTestTerms;
  /** What the add-in's start recorded in Excel (the functions' terms, the pane's visibility watch). */
  readonly host?: SelfTestHostChecks | undefined;
  readonly today: Day;
  /** Milliseconds (performance.now in the pane). */
  readonly now?: () => number;
  readonly wait?: (ms: number) => Promise<void>;
}

export interface RunOptions {
  /** The steps to run (default: all of them, in order). */
  readonly steps?: readonly SelfTestStep[];
  /** Called before each step (`running`) and after it, with the results so far. */
  readonly onProgress?: (results: readonly StepResult[], running: StepId | undefined) => void;
}

/** An error as the report tells it: a check's sentence, or the host's own message with its code. */
export function errorText(error: unknown): Text {
  if (error instanceof StepFailure || error instanceof StepSkipped) return error.text;
  if (isEngineError(error)) return error.text;
  if (error instanceof GatewayError) {
    const text = `${error.code}${error.detail ? ` (${error.detail})` : ""}`;
    return SELF_TEST_TEXT.run.gatewayRefused(text);
  }
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    debugInfo?: { errorLocation?: unknown };
  };
  const code = typeof e?.code === "string" ? e.code : undefined;
  const message = typeof e?.message === "string" ? e.message : String(error);
  const location = typeof e?.debugInfo?.errorLocation === "string" ? ` [${e.debugInfo.errorLocation}]` : "";
  const text = `${code && !message.includes(code) ? `${code}: ` : ""}${message}${location}`;
  return { en: text, fr: text };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runSelfTest(deps: SelfTestDeps, options: RunOptions = {}): Promise<SelfTestReport> {
  const now = deps.now ?? (() => Date.now());
  const wait = deps.wait ?? sleep;
  const { scratch, gateway } = deps;
  const started = now();
  const steps = options.steps ?? SELF_TEST_STEPS;
  const selection = await scratch.selection().catch(() => undefined);
  const termsBefore = await deps.terms.workbook?.readAll().catch(() => undefined);

  const results: StepResult[] = [];
  const removed: string[] = [];
  /** Sheets made and not removed yet, across steps. */
  const pending: string[] = [];
  let date1904 = false;

  const removeSheets = async (names: readonly string[]) => {
    for (const name of [...names].reverse()) {
      try {
        await scratch.deleteSheet(name);
        removed.push(name);
        const at = pending.indexOf(name);
        if (at >= 0) pending.splice(at, 1);
      } catch {
        // Left in `pending`: tried again at the end, then reported.
      }
    }
  };

  for (const step of steps) {
    options.onProgress?.([...results], step.id);
    const made: string[] = [];
    const ctx: StepContext = {
      gateway,
      scratch,
      environment: deps.environment,
      terms: deps.terms,
      host: deps.host,
      today: deps.today,
      newSheet: async () => {
        const name = await gateway.addSheet(SCRATCH_SHEET);
        made.push(name);
        pending.push(name);
        return name;
      },
      track: (sheet) => {
        if (made.includes(sheet)) return;
        made.push(sheet);
        pending.push(sheet);
      },
      now,
      wait,
    };
    const t0 = now();
    let result: Omit<StepResult, "durationMs">;
    try {
      if (step.readsRegister && date1904) throw new StepSkipped(SELF_TEST_TEXT.run.skipped1904);
      const outcome = await step.run(ctx);
      if (outcome?.date1904) date1904 = true;
      result = {
        id: step.id,
        title: step.title,
        status: "pass",
        ...(outcome?.detail ? { detail: outcome.detail } : {}),
      };
    } catch (e) {
      result =
        e instanceof StepSkipped
          ? { id: step.id, title: step.title, status: "skip", detail: e.text }
          : { id: step.id, title: step.title, status: "fail", error: errorText(e) };
    } finally {
      await removeSheets(made);
    }
    results.push({ ...result, durationMs: Math.round(now() - t0) });
  }
  options.onProgress?.([...results], undefined);

  // Anything a step could not remove is tried once more; the self-test's stored terms too.
  await removeSheets([...pending]);
  await deps.terms.scratch?.remove().catch(() => undefined);
  const names = await scratch.sheetNames().catch(() => undefined);
  const sheetsLeft = names === undefined ? [...pending] : pending.filter((n) => names.includes(n));

  let selectionRestored = false;
  if (selection) {
    try {
      await scratch.select(selection.sheet, selection.block);
      selectionRestored = true;
    } catch {
      // The sheet may have gone meanwhile: nothing to put back.
    }
  }
  const termsAfter = await deps.terms.workbook?.readAll().catch(() => undefined);
  const workbookTerms =
    termsBefore === undefined || termsAfter === undefined
      ? "unknown"
      : JSON.stringify(termsBefore) === JSON.stringify(termsAfter)
        ? "unchanged"
        : "changed";

  const { supports: _supports, ...environment } = deps.environment;
  return {
    environment,
    steps: results,
    cleanup: { sheetsRemoved: removed, sheetsLeft, workbookTerms, selectionRestored },
    durationMs: Math.round(now() - started),
  };
}

/** Requirement sets as ranges of the same answer: "ExcelApi 1.1–1.17 ✓, 1.18–1.20 ✗". */
export function setRanges(
  sets: readonly RequirementSet[],
): { name: string; from: string; to: string; supported: boolean }[] {
  const ranges: { name: string; from: string; to: string; supported: boolean }[] = [];
  for (const set of sets) {
    const last = ranges[ranges.length - 1];
    if (last && last.name === set.name && last.supported === set.supported) last.to = set.version;
    else ranges.push({ name: set.name, from: set.version, to: set.version, supported: set.supported });
  }
  return ranges;
}
