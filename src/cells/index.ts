/**
 * What every face says about cells: their values as Excel's `range.values` gives them, A1 addresses,
 * and rectangles of a sheet, CSV and XML text. One module for the pane's gateways, the register core, the formulas and
 * the xlsx writer.
 */
export * from "./address";
export * from "./values";
export * from "./blocks";
export * from "./csv";
export * from "./xml";
export * from "./wrapped-lines";
