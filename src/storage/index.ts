/**
 * Échéance's stored state: what a workbook keeps about its terms (settings, rate rows, vendor
 * profiles with version and content hash), written as a versioned XML document, read as untrusted
 * input, compared with the shipped profiles and merged into a registry and settings. Pure: no
 * Office.js (see `src/storage-office` for the adapter), no DOM, no I/O.
 */
export * from "./company";
export * from "./compare";
export * from "./document";
export * from "./json";
export * from "./profile-file";
export * from "./rate-file";
export { MAX_NOTE_LINES, MAX_PENALTY_NOTES, NOTE_NUMBER } from "./recovery-parts";
export * from "./restore";
export * from "./sha256";
export * from "./state";
