import { dayToSerial } from "../../input/cell-values";
import { dayFromYmd } from "../../engine";
import type { CellValue } from "../../cells";
import { MemoryWorkbook } from "../../workbook/memory-workbook";
import { frenchOf as de } from "../../engine";

/**
 * The demo workbook of the preview mode outside Excel: an invoice register for each of the five
 * vendors (Sillage's with one row with an impossible date, to show a row error; OMI's below a merged
 * title, as accountants keep them), a table of subscriptions to three vendors, and invoices received
 * from all five for the D441-6 report. Fixed data: nothing depends on the clock.
 */

const serial = (y: number, m: number, d: number): number => dayToSerial(dayFromYmd(y, m, d));

/** Sillage's register, the one the preview opens on (the pane's first vendor there). */
export const DEMO_INVOICE_SHEET = "Factures Sillage";
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
const INVOICE_HEADERS: CellValue[] = [
  "N° facture",
  "Client",
  "Type de facture",
  "Date facture",
  "Montant TTC",
  "Date de paiement",
];

export function demoInvoices(count: number = DEMO_INVOICE_ROWS): CellValue[][] {
  const rows: CellValue[][] = [INVOICE_HEADERS];
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

/** Each shipped vendor's invoice register: the sheet the preview switches to when that vendor is picked. */
export const DEMO_VENDOR_SHEETS: ReadonlyMap<string, string> = new Map([
  ["omi", "Factures OMI"],
  ["sillage", DEMO_INVOICE_SHEET],
  ["xiahdeh", "Factures Xiahdeh"],
  ["injenius", "Factures Injenius"],
  ["digitalli", "Factures Digitalli"],
]);

/** The vendor whose register a sheet of the demo is, if any. */
export function demoVendorOfSheet(sheet: string): string | undefined {
  for (const [vendor, name] of DEMO_VENDOR_SHEETS) if (name === sheet) return vendor;
  return undefined;
}

interface VendorRegister {
  readonly prefix: string;
  /** Invoice kinds as an accountant types them; the register reads them as the vendor's kinds. */
  readonly kinds: readonly string[];
  readonly first: number;
}

/**
 * Twelve invoices of one vendor, every 23 days from `first`: a third paid early, a third paid late,
 * the last three unpaid. The kinds are French words the register reads as the vendor's kind ids
 * (« Acompte » → deposit, « Solde » → balance…): the same sheet works whatever the UI language.
 */
function vendorInvoices({ prefix, kinds, first }: VendorRegister): CellValue[][] {
  const rows: CellValue[][] = [INVOICE_HEADERS];
  for (let i = 0; i < 12; i++) {
    const date = first + 23 * i;
    const amount = Math.round((640 + ((i * 1187) % 4800) + (i % 4) * 0.25) * 100) / 100;
    const paid: CellValue = i >= 9 ? null : date + (i % 3 === 0 ? 5 : i % 3 === 1 ? 28 : 61);
    rows.push([
      `${prefix}-${String(i + 1).padStart(3, "0")}`,
      CLIENTS[i % CLIENTS.length] ?? "",
      kinds[i % kinds.length] ?? "",
      date,
      amount,
      paid,
    ]);
  }
  return rows;
}

const VENDOR_REGISTERS: ReadonlyMap<string, VendorRegister> = new Map([
  ["omi", { prefix: "OMI-2025", kinds: ["Facture", "Abonnement"], first: serial(2025, 2, 3) }],
  ["xiahdeh", { prefix: "XD-2025", kinds: ["Acompte", "Solde", "Maintenance"], first: serial(2025, 1, 20) }],
  ["injenius", { prefix: "INJ-2025", kinds: ["Abonnement", "Étude"], first: serial(2025, 1, 25) }],
  [
    "digitalli",
    {
      prefix: "DG-2025",
      kinds: ["Acompte", "Solde", "Première commande", "Commande export"],
      first: serial(2025, 3, 10),
    },
  ],
]);

/** OMI's register sits below a merged title and a line of notes: its header row is row 3. */
export const DEMO_TITLE_ROWS = 2;

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

/** Dates as dates and amounts in euros, as an accountant's workbook formats them, under a header row. */
function formatInvoices(wb: MemoryWorkbook, sheet: string, headerRow: number, rows: number): void {
  for (let r = headerRow + 1; r <= headerRow + rows; r++) {
    wb.setNumberFormat(sheet, r, 3, "dd/mm/yyyy");
    wb.setNumberFormat(sheet, r, 4, '#,##0.00 "€"');
    wb.setNumberFormat(sheet, r, 5, "dd/mm/yyyy");
  }
}

/** A fresh demo workbook, Sillage's register active on its first cell. */
export function demoWorkbook(options: DemoOptions = {}): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const invoiceRows = options.invoiceRows ?? DEMO_INVOICE_ROWS;
  for (const [vendor, sheet] of DEMO_VENDOR_SHEETS) {
    if (vendor === "sillage") {
      wb.addSheet(sheet, demoInvoices(invoiceRows));
      formatInvoices(wb, sheet, 0, invoiceRows);
      continue;
    }
    const register = VENDOR_REGISTERS.get(vendor);
    if (!register) continue;
    const rows = vendorInvoices(register);
    if (vendor === "omi") {
      // Registers rarely start at A1: a title merged over the register's width, a line of notes,
      // then the header row (the pane finds it, as the command line does).
      wb.addSheet(sheet, [
        [`Registre des factures ${de("OMI")} — exercice 2025`],
        ["Montants TTC ; tenu par le service comptable"],
        ...rows,
      ]);
      wb.merge(sheet, { row: 0, column: 0, rowCount: 1, columnCount: 6 });
      wb.setBold(sheet, 0, 0, true);
      formatInvoices(wb, sheet, DEMO_TITLE_ROWS, rows.length - 1);
    } else {
      wb.addSheet(sheet, rows);
      formatInvoices(wb, sheet, 0, rows.length - 1);
    }
  }
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
