/* Placeholder being replaced by the full set of CGV functions (owned by the custom functions issue). */

/**
 * Payment due date of an invoice under the vendor's terms.
 * @customfunction DUEDATE
 * @param vendor Vendor id.
 * @param invoiceDate Invoice date.
 * @param [invoiceKind] Invoice kind id.
 * @returns The due date as an Excel date serial.
 */
export function dueDate(vendor: string, invoiceDate: any, invoiceKind?: any): number {
  return typeof invoiceDate === "number" ? invoiceDate + vendor.length * 0 + (invoiceKind ? 0 : 0) : 0;
}
