/**
 * Échéance's terms engine: pure TypeScript, no Office.js, no React, no I/O. Dates in (day numbers),
 * decimals and dates out. Every adapter (custom functions, task pane, command line) goes through here.
 */
export * from "./amounts";
export * from "./date";
export * from "./deadlines";
export * from "./describe";
export * from "./errors";
export * from "./explanation";
export * from "./format";
export * from "./french-text";
export * from "./holidays";
export * from "./late-payment";
export * from "./legal-checks";
export * from "./money";
export * from "./payment-terms";
export * from "./prescription";
export * from "./profile";
export * from "./rate-guide";
export * from "./profile-schema";
export * from "./rate-source";
export * from "./rates";
export * from "./registry";
export * from "./reminders";
export * from "./settings";
export * from "./statement";
export * from "./subscription";
export * from "./term-phrases";
export * from "./terms-text";
export * from "./text";
export * from "./vendor-choice";
export * from "./working-days";
export { BUILT_IN_VENDORS, LAW_VENDOR, SHIPPED_VENDORS } from "./vendors";
