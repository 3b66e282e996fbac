import * as React from "react";
import { prepareApply, type ApplyOptions } from "../../../apply";
import { sheetAddress } from "../../../cells";
import type { CellRef, SourceBlock, WorkbookGateway } from "../../../workbook/gateway";
import { describeError } from "../../apply-adapter";
import type { Language } from "../../../engine";
import { EXPLAIN_STRINGS } from "./strings";

export type Explanation =
  | { readonly kind: "none" }
  | { readonly kind: "text"; readonly address: string; readonly text: string }
  | { readonly kind: "message"; readonly text: string };

/**
 * The data row of the register a cell belongs to: any cell of the row counts (inputs or written
 * columns), the header row does not. Zero-based among the data rows, or undefined.
 */
export function sourceRowOf(source: SourceBlock, cell: CellRef): number | undefined {
  if (cell.sheet !== source.sheet) return undefined;
  const index = cell.row - source.startRow - 1;
  return index >= 0 && index < source.rows.length ? index : undefined;
}

export interface Explain {
  readonly explanation: Explanation;
  /** Explains the row of the active cell. */
  readonly explainActive: () => Promise<void>;
  /** Explains the row of a given cell (the demo grid's clicks). */
  readonly explainCell: (cell: CellRef) => void;
}

/** Explain: the active cell's row, computed again with the pane's current options, with its clauses. */
export function useExplain(
  gateway: WorkbookGateway,
  source: SourceBlock | undefined,
  options: ApplyOptions | undefined,
  lang: Language,
): Explain {
  const [explanation, setExplanation] = React.useState<Explanation>({ kind: "none" });

  const explainCell = React.useCallback(
    (cell: CellRef) => {
      const address = sheetAddress(cell.sheet, cell.row, cell.column);
      const index = source ? sourceRowOf(source, cell) : undefined;
      if (!source || !options || index === undefined) {
        setExplanation({ kind: "message", text: EXPLAIN_STRINGS[lang].outside(address) });
        return;
      }
      try {
        const text = prepareApply(options).explainRow(source.rows[index] ?? [], index);
        setExplanation({ kind: "text", address, text });
      } catch (e) {
        setExplanation({ kind: "message", text: describeError(e, lang) });
      }
    },
    [source, options, lang],
  );

  const explainActive = React.useCallback(async () => {
    try {
      explainCell(await gateway.activeCell());
    } catch (e) {
      setExplanation({ kind: "message", text: describeError(e, lang) });
    }
  }, [gateway, explainCell, lang]);

  return { explanation, explainActive, explainCell };
}
