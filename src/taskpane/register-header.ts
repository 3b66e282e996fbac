import { findHeaderRow, HEADER_SEARCH_ROWS } from "../apply";
import { blocksIntersect, isEmptyCell, parseAddress, sheetAddress, type CellValue } from "../cells";
import type { SourceBlock } from "../workbook/gateway";

/**
 * Where the register's header row is in the block the gateway read. Registers rarely start at A1: a
 * merged title row (« Registre des factures fournisseurs 2025 »), a line or two, then the header row.
 * Excel's current region around the active cell takes the title in when nothing separates it from
 * the header, and the gateway reads the block's first row as the header. The decision is the command
 * line's (`findHeaderRow`, src/apply/locate.ts): the first row, among the block's first rows, whose
 * cells are recognised headers. The block is cut to start there; the gateway is not asked again.
 */

export type HeaderChoice =
  /** The block's first row is the header row (an Excel table's always is). */
  | { readonly kind: "first" }
  /** The header row is further down: `row` is its sheet row, 1-based as Excel shows it. */
  | { readonly kind: "moved"; readonly row: number }
  /** No row looked at holds recognised headers: the first row stays the header, for a mapping by hand. */
  | { readonly kind: "missing"; readonly firstRow: number; readonly lastRow: number };

const headerText = (value: CellValue | undefined): string =>
  value === null || value === undefined ? "" : String(value);

/** The block from its header row, and which row that is. */
export function withHeaderRow(block: SourceBlock): { block: SourceBlock; header: HeaderChoice } {
  if (block.table) return { block, header: { kind: "first" } };
  const rows: (readonly CellValue[])[] = [block.headers, ...block.rows];
  const found = findHeaderRow(rows);
  if (!found) {
    const looked = Math.min(rows.length, HEADER_SEARCH_ROWS);
    return {
      block,
      header: { kind: "missing", firstRow: block.startRow + 1, lastRow: block.startRow + looked },
    };
  }
  if (found.index === 0) return { block, header: { kind: "first" } };
  const startRow = block.startRow + found.index;
  const data = rows.slice(found.index + 1);
  const header = rows[found.index] ?? [];
  // A title merged wider than the register widens the region: columns empty from the header down
  // are not the register's (Apply writes its columns right after the register's last one).
  let width = block.headers.length;
  while (width > 1 && isEmptyCell(header[width - 1]) && data.every((line) => isEmptyCell(line[width - 1])))
    width--;
  const area = { row: startRow, column: block.startColumn, rowCount: data.length + 1, columnCount: width };
  const layout = block.layout;
  return {
    block: {
      ...block,
      address: sheetAddress(block.sheet, area.row, area.column, area.rowCount, area.columnCount),
      startRow,
      headers: header.slice(0, width).map(headerText),
      rows: data.map((line) => line.slice(0, width)),
      ...(layout
        ? {
            layout: {
              ...layout,
              // Sheet rows (1-based) of data rows: those of the title lines are not the register's.
              hiddenRows: layout.hiddenRows.filter((r) => r > startRow + 1),
              merges: layout.merges.filter((m) => blocksIntersect(parseAddress(m), area)),
            },
          }
        : {}),
    },
    header: { kind: "moved", row: startRow + 1 },
  };
}
