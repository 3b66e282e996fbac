/**
 * Reports accountants owe, built from the same invoice registers as Apply: the statutory
 * payment-delay table of D441-6 I and an aging view by vendor. Pure over cell values.
 */
export * from "./payment-delays";
export * from "./register";
export * from "./sheet";
export * from "./sheet-names";
