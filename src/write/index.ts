/**
 * Apply's use case and its port, above the ways of computing (src/apply, src/portable) and below the
 * ways of writing (src/xlsx, src/workbook, the command line's CSV): what an Apply writes into a
 * workbook and where — the columns planned, each row's values or formulas, the reference sheet, the
 * provenance note, the highlighting, and the register the workbook remembers for « Tout recalculer ».
 * A sink (`ApplySink`) only writes what this layer decides.
 */
export * from "./sink";
export {
  planColumns,
  columnsContiguous,
  asOfCells,
  isAsOfLabel,
  highlightRules,
  highlightFormula,
  highlightMatches,
  HIGHLIGHT_FILLS,
  DEFAULT_HIGHLIGHT_DAYS,
} from "./plan";
export {
  applyToSheet,
  planApply,
  rowsInMemory,
  ApplyRefusal,
  type ApplyRequest,
  type ApplyControl,
  type ApplyOutcome,
  type ApplyPlan,
  type RegisterRows,
  type RowsProgress,
} from "./use-case";
export {
  checkRemembered,
  inputColumns,
  inputHeaders,
  rememberedAsOf,
  rememberedAsOfKind,
  registerToRemember,
  skipReasonText,
  storedMapping,
  type AsOfKind,
  type SkipReason,
} from "./remembered";
export { provenanceNote } from "./provenance";
export { layoutNotes, portableNotes, type RegisterLayout } from "./notes";
