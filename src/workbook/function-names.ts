import { cellFormula, type OutputCell, type SinkPlan } from "../write";
import { frenchFormula, type Separators } from "./formula-locale";
import type { SinkReport } from "./gateway";
import { isPayloadTooLarge } from "./request-size";
import type { ReadAnswer } from "./sheet-io";

/**
 * Live formulas in a localized Excel: which names of the CGV.* functions this Excel knows. One written
 * CGV.* cell is read back; #NAME? means this Excel does not know the English names (a French Excel:
 * office-js #891, #6614), and the formulas are written again through `formulasLocal` with the French
 * names (formula-locale.ts).
 */

/** Whether a read-back cell shows #NAME? (English or French Excel's text of it). */
export function isNameError(answer: ReadAnswer): boolean {
  const value = answer.values?.[0]?.[0];
  const type = answer.valueTypes?.[0]?.[0];
  return (value === "#NAME?" || value === "#NOM?") && (type === undefined || type === "Error");
}

/** The first cell of a chunk whose formula calls a CGV.* function: its row among the chunk, its sheet column. */
export function customFunctionCell(
  rows: readonly (readonly OutputCell[])[],
  columns: SinkPlan["columns"],
): { row: number; column: number } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const k = (rows[r] ?? []).findIndex((cell) => cellFormula(cell)?.includes("CGV.") === true);
    const column = columns[k]?.column;
    if (k >= 0 && column !== undefined) return { row: r, column };
  }
  return undefined;
}

/** How the formulas of a run are written: values, formulas, or local formulas in a French Excel. */
export type WriteAs = "values" | "formulas" | "formulasLocal";

/** The names one Apply's live formulas are written with, decided on its first chunk holding a CGV.* cell. */
export class FunctionNames {
  /** Undefined until decided; then as SinkReport tells it. */
  names: SinkReport["formulaNames"];
  /** The regional separators of `formulasLocal` texts. */
  separators: Separators = "fr";

  get decided(): boolean {
    return this.names !== undefined;
  }

  /** How cells are written for a run's write mode, once the names are known. */
  writeAs(write: SinkPlan["write"]): WriteAs {
    if (write === "values") return "values";
    return write === "formulas" && this.names === "french" ? "formulasLocal" : "formulas";
  }

  /** A formula as the chosen names write it. */
  text(formula: string, as: WriteAs): string {
    return as === "formulasLocal" ? (frenchFormula(formula, this.separators) ?? formula) : formula;
  }

  /**
   * Reads back one written CGV.* cell. #NAME? means this Excel does not know the English names: the
   * chunk is written again through `formulasLocal` with the French names, French separators first,
   * then English ones (a French Excel on English regional settings), and the later chunks follow.
   * When neither works, the English formulas are put back and the names are "unknown" (the functions
   * are not loaded in this Excel).
   */
  async decide(
    readBack: () => Promise<ReadAnswer>,
    rewrite: (as: "formulas" | "formulasLocal") => Promise<void>,
  ): Promise<void> {
    if (!isNameError(await readBack())) {
      this.names = "english";
      return;
    }
    for (const separators of ["fr", "en"] as const) {
      this.separators = separators;
      try {
        await rewrite("formulasLocal");
      } catch (e) {
        // A host that refuses the separators refuses the formula: the other separators are tried.
        if (isPayloadTooLarge(e)) throw e;
        continue;
      }
      if (!isNameError(await readBack())) {
        this.names = "french";
        return;
      }
    }
    await rewrite("formulas");
    this.names = "unknown";
  }
}
