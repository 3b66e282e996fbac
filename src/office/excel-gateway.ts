import { OfficeSheetIO } from "./office-io";
import { SheetGateway, type GatewayOptions } from "../workbook/sheet-gateway";
import type { CellEditPatience } from "./cell-edit";
import {
  CELL_EDIT_RECORD,
  OFFICE_PATIENCE,
  officeExcelHost,
  patientHost,
  type ExcelHost,
} from "./excel-host";

export { officeExcelHost, patientHost, type ExcelHost, type ExcelRunOptions } from "./excel-host";

/**
 * The gateway on Office.js: the one policy (SheetGateway) over Office.js as a sheet I/O port
 * (office-io.ts). Requirement sets are checked and the policy degrades:
 * - current region: `getSurroundingRegion` (ExcelApi 1.7), else the sheet's used range;
 * - table at the active cell: `Range.getTables` (ExcelApi 1.9), else the active sheet's first table;
 * - a selection of several areas: told apart by `getSelectedRanges` (ExcelApi 1.9), else by the error
 *   `getSelectedRange` gives; the region and the table start from `getActiveCell` (ExcelApi 1.7);
 * - `suspendApiCalculationUntilNextSync` (ExcelApi 1.6) while writing, then one recalculation;
 * - named table columns (`columns.add` name, ExcelApi 1.4), else the header cell is written;
 * - hidden and filtered-out rows: `Range.rowHidden` on the block, then, only where some row is hidden,
 *   `getVisibleView().cellAddresses` of one column per read (ExcelApi 1.3), else nothing is said;
 * - filters: `Worksheet.autoFilter.enabled`, `Table.autoFilter.isDataFiltered` (ExcelApi 1.9);
 * - merged cells: `getMergedAreasOrNullObject` (ExcelApi 1.13), in the register (a notice) and where
 *   the output goes (a refusal before anything is written); without 1.13 neither is checked;
 * - the provenance note: Excel notes (ExcelApi 1.18), else a comment (1.10), else none, each object
 *   looked at before it is used.
 * - every request waits out a cell being edited: `delayForCellEdit` (ExcelApi 1.11), else tried again
 *   for a bounded time (cell-edit.ts);
 * - a selection or the region fallback is clipped to the sheet's used range of values
 *   (`getUsedRange(true)`, ExcelApi 1.2), so formatting down to the last row reads no blank rows.
 * Blocks are addressed in A1 notation, so nothing depends on `getRangeByIndexes` (ExcelApi 1.7).
 * Data is written only inside the source's existing rows: never `rows.add`.
 * Not verified inside real Excel (no Excel here): whether `columns.add` on a table whose right-hand
 * neighbour cells hold data shifts them or overwrites them (the pane counts those cells and asks
 * first either way), and which error `getSelectedRange` gives for a multi-area selection.
 */
export class ExcelGateway extends SheetGateway {
  constructor(
    office: ExcelHost = officeExcelHost,
    options: GatewayOptions = {},
    patience: CellEditPatience = OFFICE_PATIENCE,
  ) {
    super(new OfficeSheetIO(patientHost(office, patience, CELL_EDIT_RECORD)), options);
  }
}
