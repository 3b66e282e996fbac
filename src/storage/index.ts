/**
 * Échéance's stored state: what a workbook keeps about its terms (settings, rate rows, vendor
 * profiles with version and content hash), written as a versioned XML document, read as untrusted
 * input, compared with the shipped profiles and merged into a registry and settings. Pure: no
 * Office.js (src/office holds the stores of Office), no DOM, no I/O.
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
export * from "./terms-store";
