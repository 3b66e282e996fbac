/**
 * Recovery: from an invoice register to what each client owes on a date — the detailed statement
 * (décompte) per client, the letters (reminder, second reminder, formal notice), the penalty notes
 * and their series — with the guardrails that come before anything is sent. Pure: no I/O; the Word
 * documents are `src/documents`, the register adapter and the files the command line's and the pane's.
 */
export * from "./book";
export * from "./classify";
export * from "./clause-quotes";
export * from "./letter-model";
export * from "./letters";
export * from "./levels";
export * from "./messages";
export * from "./penalty-note";
export * from "./statement-table";
export * from "./types";
export * from "./register";
