import { dayToSerial } from "../../adapter/cell-values";
import { dayFromYmd } from "../../engine";
import type { CellValue } from "../../cells";
import { MemoryWorkbook } from "../../excel/memory-workbook";

/**
 * The demo workbook of the preview mode outside Excel: a register of Sillage invoices with French
 * headers (one row with an impossible date, to show a row error), and a table of subscriptions to
 * three vendors. Fixed data: nothing depends on the clock.
 */

const serial = (y: number, m: number, d: number): number => dayToSerial(dayFromYmd(y, m, d));

export const DEMO_INVOICE_SHEET = "Factures";
export const DEMO_SUBSCRIPTION_SHEET = "Abonnements";
export const DEMO_INVOICE_ROWS = 36;
/** The 0-based data row whose invoice date is 31/02/2026 (sheet row 15). */
export const DEMO_BAD_ROW = 13;

const CLIENTS = [
  "Boulangerie Martin",
  "Cabinet Lefèvre",
  "Garage du Port",
  "Atelier Roux",
  "Pharmacie Centrale",
  "SCI Les Tilleuls",
];
const KINDS = ["consulting", "training", "deposit", "consulting", "setup", "subscription"];

/**
 * The invoice register. With more than 36 rows (`?demoRows=10000` in the preview, the benchmark) the
 * 36 demo rows repeat with their own invoice numbers: data row i computes as row i mod 36 does, and
 * every row with i mod 36 = 13 has the impossible date.
 */
export function demoInvoices(count: number = DEMO_INVOICE_ROWS): CellValue[][] {
  const rows: CellValue[][] = [
    ["N° facture", "Client", "Type de facture", "Date facture", "Montant TTC", "Date de paiement"],
  ];
  const first = serial(2025, 1, 6);
  for (let n = 0; n < count; n++) {
    const i = n % DEMO_INVOICE_ROWS;
    const recent = i >= DEMO_INVOICE_ROWS - 3;
    // An invoice every 12 days from 6 January 2025; the last three dated November 2026, not yet due.
    const date = recent ? serial(2026, 11, 16 + 2 * (i - DEMO_INVOICE_ROWS + 3)) : first + 12 * i;
    const invoiceDate: CellValue = i === DEMO_BAD_ROW ? "31/02/2026" : date;
    const amount = Math.round((480 + ((i * 733) % 5200) + (i % 3) * 0.5) * 100) / 100;
    // Paid from 5 days after the invoice (on time) to 54 days after (late), never after June 2026.
    // Rows 29 and 31 (FA-0130, FA-0132) were never paid: overdue at any as-of date after their due date.
    const unpaid = recent || i === 29 || i === 31;
    const paid: CellValue = unpaid ? null : Math.min(date + 5 + ((i * 17) % 50), serial(2026, 6, 30));
    const kind = recent ? "consulting" : (KINDS[i % KINDS.length] ?? "");
    rows.push([
      `FA-${String(101 + n).padStart(4, "0")}`,
      CLIENTS[i % CLIENTS.length] ?? "",
      kind,
      invoiceDate,
      amount,
      paid,
    ]);
  }
  return rows;
}

export function demoSubscriptions(): CellValue[][] {
  return [
    ["Client", "Fournisseur", "Formule", "Date de début", "Date de préavis"],
    ["Boulangerie Martin", "omi", "", serial(2024, 3, 15), null],
    ["Cabinet Lefèvre", "omi", "", serial(2025, 12, 31), null],
    ["Garage du Port", "sillage", "", serial(2025, 6, 30), null],
    ["Atelier Roux", "sillage", "", serial(2024, 5, 31), serial(2026, 11, 2)],
    ["Pharmacie Centrale", "injenius", "commitment-monthly", serial(2025, 2, 10), null],
    ["SCI Les Tilleuls", "injenius", "no-commitment", serial(2025, 9, 1), null],
    ["Librairie Vauban", "injenius", "commitment-annual", serial(2023, 11, 28), null],
    ["Traiteur Dumas", "omi", "", serial(2022, 1, 10), null],
  ];
}

export const DEMO_SUPPLIER_SHEET = "Fournisseurs";

/**
 * Invoices received from the five vendors in 2025, for the D441-6 report at closing 31/12/2025: paid
 * before closing, paid after it, unpaid, one disputed ("Litige": oui), one credit note (negative).
 */
export function demoSupplierInvoices(): CellValue[][] {
  const rows: CellValue[][] = [
    ["Fournisseur", "N° facture", "Date facture", "Montant TTC", "Date de paiement", "Litige"],
  ];
  const vendors = ["omi", "sillage", "injenius", "digitalli", "xiahdeh"];
  for (let i = 0; i < 20; i++) {
    const vendor = vendors[i % vendors.length] ?? "omi";
    // Every 17 days from 3 March 2025 to 5 December 2025.
    const date = serial(2025, 3, 3) + 17 * i;
    const amount = i === 7 ? -360 : Math.round((900 + ((i * 977) % 6400)) * 100) / 100;
    // A third paid within the year, a third paid in 2026, a third unpaid.
    const paid: CellValue = i % 3 === 0 ? date + 20 : i % 3 === 1 ? serial(2026, 1, 20) : null;
    rows.push([
      vendor,
      `F-${2025}-${String(i + 1).padStart(3, "0")}`,
      date,
      amount,
      paid,
      i === 11 ? "oui" : "",
    ]);
  }
  return rows;
}

export interface DemoOptions {
  /** Invoices in the register (default 36). */
  readonly invoiceRows?: number;
}

/** A fresh demo workbook, the invoice register's first cell active. */
export function demoWorkbook(options: DemoOptions = {}): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const invoiceRows = options.invoiceRows ?? DEMO_INVOICE_ROWS;
  wb.addSheet(DEMO_INVOICE_SHEET, demoInvoices(invoiceRows));
  const subs = demoSubscriptions();
  wb.addSheet(DEMO_SUBSCRIPTION_SHEET, subs);
  wb.addTable({
    name: "TabAbonnements",
    sheet: DEMO_SUBSCRIPTION_SHEET,
    startRow: 0,
    startColumn: 0,
    rowCount: subs.length,
    columnCount: 5,
  });
  // Input formats as an accountant's workbook has them: dates as dates, amounts in euros.
  const invoices = invoiceRows + 1;
  for (let r = 1; r < invoices; r++) {
    wb.setNumberFormat(DEMO_INVOICE_SHEET, r, 3, "dd/mm/yyyy");
    wb.setNumberFormat(DEMO_INVOICE_SHEET, r, 4, '#,##0.00 "€"');
    wb.setNumberFormat(DEMO_INVOICE_SHEET, r, 5, "dd/mm/yyyy");
  }
  for (let r = 1; r < subs.length; r++) {
    wb.setNumberFormat(DEMO_SUBSCRIPTION_SHEET, r, 3, "dd/mm/yyyy");
    wb.setNumberFormat(DEMO_SUBSCRIPTION_SHEET, r, 4, "dd/mm/yyyy");
  }
  const suppliers = demoSupplierInvoices();
  wb.addSheet(DEMO_SUPPLIER_SHEET, suppliers);
  for (let r = 1; r < suppliers.length; r++) {
    wb.setNumberFormat(DEMO_SUPPLIER_SHEET, r, 2, "dd/mm/yyyy");
    wb.setNumberFormat(DEMO_SUPPLIER_SHEET, r, 3, '#,##0.00 "€"');
    wb.setNumberFormat(DEMO_SUPPLIER_SHEET, r, 4, "dd/mm/yyyy");
  }
  wb.select(DEMO_INVOICE_SHEET, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  return wb;
}
