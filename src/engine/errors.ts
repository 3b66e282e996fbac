import type { Citation, Text } from "./text";

/**
 * What went wrong, in terms an adapter can map to Excel:
 * - invalid-input → #VALUE! (a bad argument),
 * - not-applicable → #N/A (the vendor's terms have no such rule; the clause says why),
 * - rate-unknown → #NUM! (a half-year missing from the rate table),
 * - out-of-range → #NUM! (a date or number outside what can be computed).
 */
export type EngineErrorKind = "invalid-input" | "not-applicable" | "rate-unknown" | "out-of-range";

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  readonly text: Text;
  /** The argument the message is about, as the function names it (`dueDate`, `plan`…). */
  readonly argument: string | undefined;
  readonly clause: readonly Citation[];

  constructor(kind: EngineErrorKind, text: Text, argument?: string, clause: readonly Citation[] = []) {
    super(text.en);
    this.name = "EngineError";
    this.kind = kind;
    this.text = text;
    this.argument = argument;
    this.clause = clause;
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
