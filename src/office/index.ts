/**
 * Every adapter of Office.js, and nothing else: the sheet I/O port and workbook gateway over
 * Excel.run, the stores of the workbook's terms, the custom functions' connection to Excel, the
 * pane's start, and the self-test's scratch sheets. The rest of src/ is host-free and tested without
 * Office.
 */
export * from "./excel-gateway";
export * from "./office-boot";
export * from "./office-scratch";
export * from "./pane-host";
export * from "./terms-store";
