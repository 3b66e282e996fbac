import { blockAddress, type CellValue } from "../cells";
import type { Language, Text } from "../engine";

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

export function fail(en: string, fr: string): StepFailure {
  return new StepFailure({ en, fr });
}

export function check(condition: boolean, en: string, fr: string): asserts condition {
  if (!condition) throw fail(en, fr);
}

/** A cell value as a sentence shows it: texts in quotes (« » in French), decimals with a comma in French. */
export function shown(value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === "") return lang === "fr" ? "vide" : "empty";
  if (typeof value === "string") return lang === "fr" ? `« ${value} »` : `"${value}"`;
  if (typeof value === "number" && lang === "fr") return String(value).replace(".", ",");
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
  const list = (lang: Language) =>
    differences
      .slice(0, 3)
      .map(
        (d) =>
          `${blockAddress(d.row, d.column)} ${lang === "fr" ? ": attendu" : ": expected"} ${shown(d.expected, lang)}, ${lang === "fr" ? "lu" : "read"} ${shown(d.actual, lang)}`,
      )
      .join(" ; ") + (differences.length > 3 ? ` (+${differences.length - 3})` : "");
  throw new StepFailure({
    en: `${what.en}: ${differences.length} cell(s) differ — ${list("en")}.`,
    fr: `${what.fr} : ${differences.length} cellule(s) différente(s) — ${list("fr")}.`,
  });
}
