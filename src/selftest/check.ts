import { blockAddress, type CellValue } from "../cells";
import type { Language, Text } from "../engine";
import { SELF_TEST_TEXT } from "./text";

/**
 * How a step says what it found: a failure or a skip carries a sentence in both languages naming the
 * cell and what was expected; any other error a step meets (Office's, the gateway's) is reported as
 * it came.
 */

/** A check that did not hold: the step fails with this sentence. */
export class StepFailure extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "StepFailure";
  }
}

/** The step does not apply to this host (a requirement set missing, an English Excel…): not run. */
export class StepSkipped extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "StepSkipped";
  }
}

export function fail(text: Text): StepFailure {
  return new StepFailure(text);
}

export function check(condition: boolean, text: Text): asserts condition {
  if (!condition) throw fail(text);
}

/** A cell value as a sentence shows it: texts in quotes (« » in French), decimals with a comma in French. */
export function shown(value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === "") return SELF_TEST_TEXT.check.empty[lang];
  if (typeof value === "string") return SELF_TEST_TEXT.check.quoted(value)[lang];
  if (typeof value === "number") return SELF_TEST_TEXT.check.number(value)[lang];
  return String(value);
}

/** Whether a value read back is the one written: numbers within half a cent (money), texts equal, "" and null alike. */
export function sameValue(expected: CellValue | undefined, actual: CellValue | undefined): boolean {
  const blank = (v: CellValue | undefined) => v === null || v === undefined || v === "";
  if (blank(expected)) return blank(actual);
  if (typeof expected === "number") return typeof actual === "number" && Math.abs(actual - expected) < 0.005;
  return expected === actual;
}

/** A formula as written and as a host reads it back, compared without spaces or case (Excel may change either). */
export function sameFormula(expected: string, actual: CellValue | undefined): boolean {
  const norm = (f: string) => f.replace(/\s+/g, "").toUpperCase();
  return typeof actual === "string" && norm(actual) === norm(expected);
}

/** One difference between what was written and what was read, at a cell. */
export interface Difference {
  readonly row: number;
  readonly column: number;
  readonly expected: CellValue | undefined;
  readonly actual: CellValue | undefined;
}

/** Fails with the first differences (at most three, then how many more), each named by its cell. */
export function checkNoDifferences(differences: readonly Difference[], what: Text): void {
  if (differences.length === 0) return;
  const worded = differences
    .slice(0, 3)
    .map((d) =>
      SELF_TEST_TEXT.check.difference(
        blockAddress(d.row, d.column),
        { en: shown(d.expected, "en"), fr: shown(d.expected, "fr") },
        { en: shown(d.actual, "en"), fr: shown(d.actual, "fr") },
      ),
    );
  const more = differences.length > 3 ? ` (+${differences.length - 3})` : "";
  const list: Text = {
    en: worded.map((w) => w.en).join(" ; ") + more,
    fr: worded.map((w) => w.fr).join(" ; ") + more,
  };
  throw new StepFailure(SELF_TEST_TEXT.check.differences(what, differences.length, list));
}
