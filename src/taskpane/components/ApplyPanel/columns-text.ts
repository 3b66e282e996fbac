import { columnLetters } from "../../../cells";
import type { Language } from "../../../engine";
import type { PlannedColumn } from "../../../write";
import { APPLY_STRINGS } from "./strings";

/**
 * What Apply will write, in one sentence before it runs: how many result columns, where, and whether
 * they are new or an earlier run's rewritten in place (« 6 colonne(s) de résultat en G:L : nouvelles,
 * à droite du registre. »). Empty when nothing is planned (no register read yet).
 */
export function plannedColumnsText(columns: readonly PlannedColumn[], lang: Language): string {
  if (columns.length === 0) return "";
  const sorted = [...columns].sort((a, b) => a.column - b.column);
  const first = sorted[0] as PlannedColumn;
  const last = sorted[sorted.length - 1] as PlannedColumn;
  const contiguous = sorted.every((c, i) => c.column === first.column + i);
  const where = contiguous
    ? `${columnLetters(first.column)}:${columnLetters(last.column)}`
    : sorted.map((c) => columnLetters(c.column)).join(", ");
  const added = columns.filter((c) => !c.existing).length;
  return APPLY_STRINGS[lang].columnsPlanned(columns.length, where, added);
}
