import type { Citation, Text } from "./text";

/**
 * What went wrong, in terms an adapter can map to Excel:
 * - invalid-input → #VALUE! (a bad argument),
 * - not-applicable → #N/A (the vendor's terms have no such rule; the clause says why),
 * - rate-unknown → #NUM! (a half-year missing from the rate table),
 * - out-of-range → #NUM! (a date or number outside what can be computed).
 */
export type EngineErrorKind = "invalid-input" | "not-applicable" | "rate-unknown" | "out-of-range";

/** A rate the rate table does not hold: the legal interest rate or the ECB rate of a half-year. */
export interface MissingRate {
  readonly rate: "legal" | "ecb";
  readonly halfYear: number;
}

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  readonly text: Text;
  /** The argument the message is about, as the function names it (`dueDate`, `plan`…). */
  readonly argument: string | undefined;
  readonly clause: readonly Citation[];
  /** rate-unknown: which rate is missing, and for which half-year (year × 2 + 0 for H1, 1 for H2). */
  readonly missingRate: MissingRate | undefined;

  constructor(
    kind: EngineErrorKind,
    text: Text,
    argument?: string,
    clause: readonly Citation[] = [],
    missingRate?: MissingRate,
  ) {
    super(text.en);
    this.name = "EngineError";
    this.kind = kind;
    this.text = text;
    this.argument = argument;
    this.clause = clause;
    this.missingRate = missingRate;
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}

export function invalidInput(argument: string, en: string, fr: string): EngineError {
  return new EngineError("invalid-input", { en, fr }, argument);
}

export function notApplicable(
  en: string,
  fr: string,
  clause: readonly Citation[] = [],
  argument?: string,
): EngineError {
  return new EngineError("not-applicable", { en, fr }, argument, clause);
}
