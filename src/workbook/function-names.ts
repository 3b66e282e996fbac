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

/**
 * Texts of a cell whose custom function is still computing: #BUSY! (#GETTING_DATA in older builds).
 * The French texts are assumed, not seen in a French Excel (README « Known limits »).
 */
const BUSY_TEXTS: ReadonlySet<unknown> = new Set(["#BUSY!", "#GETTING_DATA", "#OCCUPÉ!", "#OCCUPE!"]);

/** Whether a cell value says its custom function is still computing. */
export function isBusyValue(value: unknown): boolean {
  return BUSY_TEXTS.has(value);
}

/** How long a written CGV.* cell is read again while it shows #BUSY! or #NAME?, and how. */
export interface NameSettle {
  /** The longest wait (default 3 s). */
  readonly maxMs: number;
  /** Between two reads (default 250 ms). */
  readonly everyMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

export const NAME_SETTLE: NameSettle = {
  maxMs: 3_000,
  everyMs: 250,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/**
 * Reads the probe cell until it shows neither #BUSY! (the function is computing) nor #NAME? (which a
 * host may show a moment while it resolves the name), for at most `settle.maxMs`: Excel on the web
 * may answer a read made right after the write before the cell is worked out.
 */
async function readSettled(readBack: () => Promise<ReadAnswer>, settle: NameSettle): Promise<ReadAnswer> {
  const start = settle.now();
  for (;;) {
    const answer = await readBack();
    const pending = isBusyValue(answer.values?.[0]?.[0]) || isNameError(answer);
    if (!pending || settle.now() - start >= settle.maxMs) return answer;
    await settle.sleep(settle.everyMs);
  }
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

  constructor(private readonly settle: NameSettle = NAME_SETTLE) {}

  get decided(): boolean {
    return this.names !== undefined;
  }

  /** How cells are written for a run's write mode, once the names are known. */
  writeAs(write: SinkPlan["write"]): WriteAs {
    if (write === "values") return "values";
    return write === "formulas" && this.names === "french" ? "formulasLocal" : "formulas";
  }

  /**
   * Whether a formula is written as a formula: not one calling a CGV.* function this Excel does not
   * know — its cell would show #NAME?, and Excel does not resolve it again once the functions load
   * (office-js #6611): its computed value is written instead.
   */
  writesFormula(formula: string): boolean {
    return this.names !== "unknown" || !/CGV\./i.test(formula);
  }

  /** A formula as the chosen names write it. */
  text(formula: string, as: WriteAs): string {
    return as === "formulasLocal" ? (frenchFormula(formula, this.separators) ?? formula) : formula;
  }

  /**
   * Reads back one written CGV.* cell, once it is worked out (readSettled). #NAME? means this Excel
   * does not know the English names: the chunk is written again through `formulasLocal` with the
   * French names, French separators first, then English ones (a French Excel on English regional
   * settings), and the later chunks follow. When neither works (the functions are not loaded in this
   * Excel, or not yet), the names are "unknown" and the chunk is written again with the CGV.* cells'
   * values, so that no #NAME? is left behind; the later chunks follow.
   */
  async decide(
    readBack: () => Promise<ReadAnswer>,
    rewrite: (as: "formulas" | "formulasLocal") => Promise<void>,
  ): Promise<void> {
    const settled = () => readSettled(readBack, this.settle);
    if (!isNameError(await settled())) {
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
      if (!isNameError(await settled())) {
        this.names = "french";
        return;
      }
    }
    this.names = "unknown";
    await rewrite("formulas");
  }
}
