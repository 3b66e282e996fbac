/**
 * The CGV.* custom functions as Excel sees them. Each is a thin wrapper: it hands Excel's arguments to
 * the catalog (the same code path as the command line) and turns the outcome into a cell value or a
 * CustomFunctions.Error. JSDoc here generates functions.json (custom-functions-metadata-plugin);
 * names, parameters and descriptions mirror signatures.ts, which a test checks.
 */
import { toExcel } from "./excel-result";

/**
 * Payment due date of an invoice under the vendor's terms.
 * @customfunction DUEDATE
 * @helpurl https://github.com/echeance/echeance#cgvduedate
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param invoiceDate Invoice date.
 * @param [invoiceKind] Invoice kind id (blank: the vendor's ordinary invoice).
 * @returns The result as an Excel date serial number.
 */
export function dueDate(vendor: string, invoiceDate: any, invoiceKind?: any): number {
  return toExcel("DUEDATE", [vendor, invoiceDate, invoiceKind]) as number;
}

/**
 * Late-payment interest plus the recovery fee, in euros, rounded to the cent.
 * @customfunction LATEFEE
 * @helpurl https://github.com/echeance/echeance#cgvlatefee
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param amount Invoice amount in euros.
 * @param dueDate Payment due date.
 * @param paidDate Payment date, or the "as of" date for an unpaid invoice.
 * @param [payments] Two-column range of partial payments: date, amount.
 * @param [recoveryCosts] Justified recovery costs, replacing the 40 € fee when higher.
 * @param [clientType] pro (default) or consumer.
 * @returns The result as a number.
 */
export function lateFee(
  vendor: string,
  amount: any,
  dueDate: any,
  paidDate: any,
  payments?: any[][],
  recoveryCosts?: any,
  clientType?: any,
): number {
  return toExcel("LATEFEE", [
    vendor,
    amount,
    dueDate,
    paidDate,
    payments,
    recoveryCosts,
    clientType,
  ]) as number;
}

/**
 * Late-payment interest alone, in euros, rounded to the cent.
 * @customfunction LATEINTEREST
 * @helpurl https://github.com/echeance/echeance#cgvlateinterest
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param amount Invoice amount in euros.
 * @param dueDate Payment due date.
 * @param paidDate Payment date, or the "as of" date for an unpaid invoice.
 * @param [payments] Two-column range of partial payments: date, amount.
 * @param [clientType] pro (default) or consumer.
 * @returns The result as a number.
 */
export function lateInterest(
  vendor: string,
  amount: any,
  dueDate: any,
  paidDate: any,
  payments?: any[][],
  clientType?: any,
): number {
  return toExcel("LATEINTEREST", [vendor, amount, dueDate, paidDate, payments, clientType]) as number;
}

/**
 * The recovery fee alone (0 when not late).
 * @customfunction RECOVERYFEE
 * @helpurl https://github.com/echeance/echeance#cgvrecoveryfee
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param dueDate Payment due date.
 * @param paidDate Payment date, or the "as of" date.
 * @param [recoveryCosts] Justified recovery costs, replacing the 40 € fee when higher.
 * @param [clientType] pro (default) or consumer.
 * @returns The result as a number.
 */
export function recoveryFee(
  vendor: string,
  dueDate: any,
  paidDate: any,
  recoveryCosts?: any,
  clientType?: any,
): number {
  return toExcel("RECOVERYFEE", [vendor, dueDate, paidDate, recoveryCosts, clientType]) as number;
}

/**
 * Annual late-payment rate for a late day on a date, after the statutory floor (0.1215 = 12.15 %).
 * @customfunction PENALTYRATE
 * @helpurl https://github.com/echeance/echeance#cgvpenaltyrate
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param date A late day.
 * @param [clientType] pro (default) or consumer.
 * @returns The result as a number.
 */
export function penaltyRate(vendor: string, date: any, clientType?: any): number {
  return toExcel("PENALTYRATE", [vendor, date, clientType]) as number;
}

/**
 * Next renewal date of a subscription after the as-of date.
 * @customfunction RENEWALDATE
 * @helpurl https://github.com/echeance/echeance#cgvrenewaldate
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param startDate Subscription start date.
 * @param asOf The "as of" date: put it in one cell rather than calling TODAY() in each formula.
 * @param [plan] Plan id (blank: the vendor's default plan).
 * @param [lastAdditionDate] Date a product or module was last added (OMI).
 * @returns The result as an Excel date serial number.
 */
export function renewalDate(
  vendor: string,
  startDate: any,
  asOf: any,
  plan?: any,
  lastAdditionDate?: any,
): number {
  return toExcel("RENEWALDATE", [vendor, startDate, asOf, plan, lastAdditionDate]) as number;
}

/**
 * Last day a notice may be received to stop the next renewal (earliest deadline on or after the as-of date).
 * @customfunction NOTICEDEADLINE
 * @helpurl https://github.com/echeance/echeance#cgvnoticedeadline
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param startDate Subscription start date.
 * @param asOf The "as of" date: put it in one cell rather than calling TODAY() in each formula.
 * @param [plan] Plan id (blank: the vendor's default plan).
 * @param [lastAdditionDate] Date a product or module was last added (OMI).
 * @returns The result as an Excel date serial number.
 */
export function noticeDeadline(
  vendor: string,
  startDate: any,
  asOf: any,
  plan?: any,
  lastAdditionDate?: any,
): number {
  return toExcel("NOTICEDEADLINE", [vendor, startDate, asOf, plan, lastAdditionDate]) as number;
}

/**
 * Last day bound and billed for a notice received on a date.
 * @customfunction ENDDATE
 * @helpurl https://github.com/echeance/echeance#cgvenddate
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param startDate Subscription start date.
 * @param noticeDate Date the notice is received.
 * @param [plan] Plan id (blank: the vendor's default plan).
 * @param [lastAdditionDate] Date a product or module was last added (OMI).
 * @returns The result as an Excel date serial number.
 */
export function endDate(
  vendor: string,
  startDate: any,
  noticeDate: any,
  plan?: any,
  lastAdditionDate?: any,
): number {
  return toExcel("ENDDATE", [vendor, startDate, noticeDate, plan, lastAdditionDate]) as number;
}

/**
 * Early termination indemnity, in euros.
 * @customfunction TERMINATIONFEE
 * @helpurl https://github.com/echeance/echeance#cgvterminationfee
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param startDate Subscription start date.
 * @param terminationDate Termination date.
 * @param monthlyFee Monthly fee in euros.
 * @param [plan] Plan id (blank: the vendor's default plan).
 * @returns The result as a number.
 */
export function terminationFee(
  vendor: string,
  startDate: any,
  terminationDate: any,
  monthlyFee: any,
  plan?: any,
): number {
  return toExcel("TERMINATIONFEE", [vendor, startDate, terminationDate, monthlyFee, plan]) as number;
}

/**
 * A named clause deadline of the vendor's terms.
 * @customfunction DEADLINE
 * @helpurl https://github.com/echeance/echeance#cgvdeadline
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param event Event id, e.g. breach-cure (see CGV.VENDORS).
 * @param fromDate The date the deadline counts from (or back from).
 * @returns The result as an Excel date serial number.
 */
export function deadline(vendor: string, event: any, fromDate: any): number {
  return toExcel("DEADLINE", [vendor, event, fromDate]) as number;
}

/**
 * An amount clause of the vendor's terms applied to an amount (surcharge, cancellation fee…).
 * @customfunction CLAUSEAMOUNT
 * @helpurl https://github.com/echeance/echeance#cgvclauseamount
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param clause Amount clause id, e.g. content-late-surcharge.
 * @param amount The amount the clause applies to, in euros.
 * @param [fromDate] Start of the period, for clauses counted in periods.
 * @param [toDate] End of the period.
 * @returns The result as a number.
 */
export function clauseAmount(vendor: string, clause: any, amount: any, fromDate?: any, toDate?: any): number {
  return toExcel("CLAUSEAMOUNT", [vendor, clause, amount, fromDate, toDate]) as number;
}

/**
 * Explanation of a CGV function's result, with clause citations.
 * @customfunction EXPLAIN
 * @helpurl https://github.com/echeance/echeance#cgvexplain
 * @param functionName Name of the function to explain, e.g. LATEFEE.
 * @param vendor Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".
 * @param [arg1] Argument 2 of that function.
 * @param [arg2] Argument 3 of that function.
 * @param [arg3] Argument 4 of that function.
 * @param [arg4] Argument 5 of that function.
 * @param [arg5] Argument 6 of that function.
 * @param [arg6] Argument 7 of that function.
 * @returns The explanation as text.
 */
export function explain(
  functionName: any,
  vendor: any,
  arg1?: any,
  arg2?: any,
  arg3?: any,
  arg4?: any,
  arg5?: any,
  arg6?: any,
): string {
  return toExcel("EXPLAIN", [functionName, vendor, arg1, arg2, arg3, arg4, arg5, arg6]) as string;
}

/**
 * Table of the vendors with their invoice kinds, plans, events and options.
 * @customfunction VENDORS
 * @helpurl https://github.com/echeance/echeance#cgvvendors
 * @returns A table with one row per vendor.
 */
export function vendors(): string[][] {
  return toExcel("VENDORS", []) as string[][];
}
