/**
 * xlsx files: a register read once (the sheet and header row found by src/apply's locate), and the
 * one way an xlsx is written from it — a byte-for-byte copy in which only the register sheet's rows
 * and what lists new parts are rewritten (Apply's sink). No Office.js, no exceljs.
 *
 *   const book = await openXlsxRegister(input, { sheet, headerRow, mode }); // throws XlsxError
 *   const sink = book.copyTo(output, { lang });
 *   const outcome = await applyToSheet(request, book.rows, sink, control);
 *   book.location, book.warnings(), sink.outcome
 */
export { openXlsxRegister, readXlsxRegister, XlsxRegisterBook } from "./register";
export type { OpenOptions, RegisterLocation, SheetFeatures, XlsxRegisterTable } from "./register";
export { XlsxCopySink, type CopyOutcome, type StoredTermsWriter } from "./sink";
export { XlsxError, type XlsxErrorKind } from "./errors";
export { tableWorkbook, openTableAsXlsx } from "./table-package";
export { WHOLE_PART_LIMIT, STREAMED_PART_LIMIT } from "./zip";
export { HELD_XML_LIMIT } from "./scanner";
export { readCustomXmlParts } from "./custom-xml";
