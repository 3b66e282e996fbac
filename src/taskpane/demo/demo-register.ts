import { dayToSerial } from "../../adapter/cell-values";
import { dayFromYmd } from "../../engine";
import type { CellValue } from "../../excel/gateway";
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

export function demoInvoices(): CellValue[][] {
  const rows: CellValue[][] = [
    ["N° facture", "Client", "Type de facture", "Date facture", "Montant TTC", "Date de paiement"],
  ];
  const first = serial(2025, 1, 6);
  for (let i = 0; i < DEMO_INVOICE_ROWS; i++) {
    const recent = i >= DEMO_INVOICE_ROWS - 3;
    // An invoice every 12 days from 6 January 2025; the last three dated November 2026, not yet due.
    const date = recent ? serial(2026, 11, 16 + 2 * (i - DEMO_INVOICE_ROWS + 3)) : first + 12 * i;
    const invoiceDate: CellValue = i === DEMO_BAD_ROW ? "31/02/2026" : date;
    const amount = Math.round((480 + ((i * 733) % 5200) + (i % 3) * 0.5) * 100) / 100;
    // Paid from 5 days after the invoice (on time) to 54 days after (late), never after June 2026.
    const paid: CellValue = recent ? null : Math.min(date + 5 + ((i * 17) % 50), serial(2026, 6, 30));
    const kind = recent ? "consulting" : (KINDS[i % KINDS.length] ?? "");
    rows.push([
      `FA-${String(101 + i).padStart(4, "0")}`,
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

/** A fresh demo workbook, the invoice register's first cell active. */
export function demoWorkbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet(DEMO_INVOICE_SHEET, demoInvoices());
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
  const invoices = DEMO_INVOICE_ROWS + 1;
  for (let r = 1; r < invoices; r++) {
    wb.setNumberFormat(DEMO_INVOICE_SHEET, r, 3, "dd/mm/yyyy");
    wb.setNumberFormat(DEMO_INVOICE_SHEET, r, 4, '#,##0.00 "€"');
    wb.setNumberFormat(DEMO_INVOICE_SHEET, r, 5, "dd/mm/yyyy");
  }
  for (let r = 1; r < subs.length; r++) {
    wb.setNumberFormat(DEMO_SUBSCRIPTION_SHEET, r, 3, "dd/mm/yyyy");
    wb.setNumberFormat(DEMO_SUBSCRIPTION_SHEET, r, 4, "dd/mm/yyyy");
  }
  wb.select(DEMO_INVOICE_SHEET, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  return wb;
}
