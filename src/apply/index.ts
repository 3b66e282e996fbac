/**
 * Échéance's register-application core: applies a vendor's terms to a whole register (a range of
 * invoices or subscriptions) and produces new columns. Pure over cell values: no Office.js, no React,
 * no Node I/O. The task pane (src/taskpane, src/excel) and the command line (src/cli/apply.ts) are
 * both built on this API; it only grows (additive changes).
 *
 * 1. Recognise the headers (French/English, accents/case/spacing ignored, synonyms):
 *      const rec = recognizeHeaders(values[0]);            // { mode, mapping, unrecognized, previousOutputs, problems }
 *    `mapping` is field → 0-based column index; show it, let the user edit it, then re-check it with
 *      checkMapping(mapping, mode, width)                  // missing required fields, doubles, out of range
 *
 * 2. Compute, in chunks with progress and cancellation (async, yields between chunks):
 *      const result = await applyRegister(values.slice(1), {
 *        mode: rec.mode, mapping: rec.mapping, headers: values[0],
 *        vendor: "omi",                 // or "xiahdeh+flat"; with a vendor column, the default for blank cells
 *        asOf: 46023,                   // an Excel serial or "2026-01-01" / "01/01/2026"
 *        lang: "fr",                    // statuses, messages and headers
 *        defaults: { invoiceKind: "deposit", plan: "no-commitment", clientType: "pro" },
 *        firstRowNumber: 2,             // sheet row of the first data row, for "Ligne 14, …" messages
 *      }, { chunkSize: 5000, onProgress: ({ done, total }) => …, signal: abortController.signal });
 *    or synchronously: applyRegisterSync(rows, options).
 *    `result.columns` are the new columns (id, bilingual header, format "date" | "money" | "integer" |
 *    "text"; NUMBER_FORMATS gives Excel number formats); `result.rows[i]` their values for input row i
 *    (dates as Excel serials, money rounded to the cent, "" for blank); `result.results[i]` the row's
 *    state ("paid-late", "late", "notice-urgent", "error"…), status sentence and figures;
 *    `result.summary` the totals, the first errors and the next deadlines. A bad row never stops the
 *    others: its status is the message naming the row and the column. Input rows are never modified.
 *
 *    Invoices give: due date (the register's due-date column when filled, else the vendor's term for
 *    the invoice date and kind), days late, late interest, recovery fee, total, status. Subscriptions
 *    give: next renewal, notice deadline, days left until it, end date if notice is received on the
 *    as-of date (or on the register's notice date), status.
 *
 * 3. Row by row (e.g. streaming, or to explain one row):
 *      const applier = prepareApply(options);  applier.computeRow(row, i);  applier.explainRow(row, i);
 *
 * 4. Live formulas instead of values (English function names, the row's own cell addresses):
 *      rowFormulas(applier, row, i, { sourceTopLeft: "A1", asOfRef: "$K$1" })
 *      // → ['=CGV.DUEDATE("omi",B2)', '=MAX(0,IF(D2="",$K$1,D2)-F2)', …, "Impayée — 30 jours de retard"]
 *
 * 5. Text for the command line and the pane: formatSummary(summary, lang), formatDate, formatMoney.
 */
export * from "./types";
export { OUTPUT_COLUMNS, NUMBER_FORMATS, outputColumns, inColumnOrder } from "./columns";
export {
  FIELDS,
  fieldInfo,
  normalizeHeader,
  fieldForHeader,
  recognizeHeaders,
  checkMapping,
} from "./headers";
export { Applier, prepareApply, formatDate, formatMoney } from "./compute";
export { applyRegister, applyRegisterSync, SummaryBuilder } from "./run";
export { clientTypeFromText, invoiceKindId, planId } from "./values";
export { rowFormulas, rowAddresses, termStartRef, type RowAddresses } from "./formulas";
export {
  latePeriod,
  latePeriodFormula,
  type LatePeriod,
  type LatePeriodFormula,
  type LatePeriodRefs,
} from "./late-period";
export { RowReader, RowProblem, type TermStartDate } from "./row-reader";
export { formatSummary } from "./summary-text";
export {
  findHeaderRow,
  locateRegister,
  isRegisterHeader,
  HEADER_SEARCH_ROWS,
  type LocatedHeader,
  type Location,
  type SheetHead,
} from "./locate";
