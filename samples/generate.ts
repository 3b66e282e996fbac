/**
 * Deterministic sample registers (fixed seed): `ts-node -P samples/tsconfig.json samples/generate.ts`
 * writes samples/<vendor>-factures.xlsx for every vendor, samples/omi-factures.csv, and
 * samples/<vendor>-abonnements.xlsx for the vendors whose terms have subscriptions (omi, sillage,
 * injenius; docs/terms.md#xiahdeh-and-digitalli-no-subscription: Xiahdeh and Digitalli have none).
 * `… samples/generate.ts large 100000 OUT.xlsx` writes a large OMI invoice register for benchmarks.
 *
 * The registers look like an accountant's: French headers, dates as Excel dates, a few dates and
 * amounts typed as text, a column the add-in does not use, and a couple of deliberately bad rows.
 * Invoice dates run from January 2024 to May 2026, so late periods cross the half-year rate changes.
 */
import * as path from "node:path";
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs), used to pin the zip entries' dates.
import JSZip from "jszip";
import { rng } from "./rng";

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** A UTC midnight Date (exceljs writes it as an Excel date). */
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86400000);
const fr = (d: Date): string =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const frAmount = (x: number): string => {
  const [i = "0", c = "00"] = x.toFixed(2).split(".");
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${c} €`;
};
const cents = (r: Rand, lo: number, hi: number): number => Math.round((lo + r() * (hi - lo)) * 100) / 100;

const CLIENTS = [
  "Boulangerie Martin SARL",
  "Cabinet Lefèvre & Associés",
  "Transports Girard",
  "Atelier Dubois",
  "Pharmacie du Centre",
  "SCI Les Tilleuls",
  "Garage Moreau",
  "Librairie Roux",
  "Hôtel Bellevue",
  "Agence Fontaine",
  "Menuiserie Lambert",
  "Clinique Vétérinaire Blanc",
];

/** Invoice kinds per vendor (docs/terms.md#payment-due-dates-per-invoice-kind), with French labels as an accountant would type them, and weights. */
const KINDS: Record<string, readonly [string, number][]> = {
  omi: [
    ["Facture", 3],
    ["Abonnement", 2],
  ],
  sillage: [
    ["Conseil", 3],
    ["Formation", 2],
    ["Acompte", 1],
    ["Mise en place", 1],
    ["Abonnement", 1],
  ],
  xiahdeh: [
    ["Solde", 3],
    ["Acompte", 2],
    ["Maintenance", 2],
  ],
  injenius: [
    ["Abonnement", 4],
    ["Étude", 1],
  ],
  digitalli: [
    ["Solde", 3],
    ["Acompte", 2],
    ["Première commande", 1],
    ["Export", 1],
  ],
};

function weighted(r: Rand, xs: readonly [string, number][]): string {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return (xs[0] as [string, number])[0];
}

/** Rough due delay per kind for the sample's payment behaviour (the add-in computes the real one). */
const ROUGH_DELAY: Record<string, number> = {
  Acompte: 0,
  "Mise en place": 0,
  Maintenance: 0,
  Export: 0,
  Formation: 15,
  Conseil: 15,
  "Première commande": 8,
};

type Cell = string | number | Date | null;

/** Characters a cell shows: dd/mm/yyyy for a date, « 11 166,40 € » for an amount. */
const shownLength = (c: Cell): number =>
  c === null ? 0 : c instanceof Date ? 10 : typeof c === "number" ? frAmount(c).length : c.length;

const INVOICE_HEADERS = [
  "N° facture",
  "Client",
  "Date facture",
  "Type de facture",
  "Montant TTC",
  "Payé le",
  "Montant payé",
  "Frais de recouvrement",
  "Commentaire",
];

function invoiceRows(vendor: string, seed: number, n = 50): Cell[][] {
  const r = rng(seed);
  const rows: Cell[][] = [];
  const consumerVendor = vendor === "xiahdeh" || vendor === "injenius";
  for (let i = 0; i < n; i++) {
    const ref = `${vendor.slice(0, 3).toUpperCase()}-${2024 + Math.floor(i / 20)}-${String(i + 1).padStart(4, "0")}`;
    // Invoice dates from 2 Jan 2024 to about 20 May 2026 (870 days), in order.
    let date = addDays(utc(2024, 1, 2), Math.floor((i / n) * 868) + int(r, 0, 3));
    const kind = weighted(r, KINDS[vendor] ?? []);
    if (vendor === "injenius" && kind === "Abonnement")
      date = utc(date.getUTCFullYear(), date.getUTCMonth() + 1, 25);
    const amount = cents(r, 180, 14800);
    const due = addDays(date, ROUGH_DELAY[kind] ?? 30);
    const roll = r();
    let paid: Cell = null;
    let paidAmount: Cell = null;
    let comment: Cell = null;
    if (roll < 0.4)
      paid = addDays(due, -int(r, 0, 10)); // on time
    else if (roll < 0.72) {
      paid = addDays(due, int(r, 1, 140)); // late
      comment = "Relancé";
    } else if (roll < 0.85) {
      // partly paid: a first payment, the balance still open
      paid = addDays(due, int(r, -5, 40));
      paidAmount = Math.round(amount * pick(r, [0.3, 0.5, 0.7]) * 100) / 100;
      comment = "Paiement partiel";
    } else comment = "Impayée";
    // An invoice paid after the sample's as-of date (30 June 2026) is still unpaid then.
    if (paid instanceof Date && paid > utc(2026, 6, 30)) {
      paid = null;
      paidAmount = null;
    }
    const costs: Cell = i === 17 ? 120 : null; // justified recovery costs above the 40 € fee
    let dateCell: Cell = date;
    let amountCell: Cell = amount;
    if (i % 13 === 5) dateCell = fr(date); // typed as text, French style
    if (i % 11 === 7) amountCell = frAmount(amount); // "1 234,56 €" typed as text
    rows.push([ref, pick(r, CLIENTS), dateCell, kind, amountCell, paid, paidAmount, costs, comment]);
  }
  // Deliberately bad rows: a date that does not exist and an amount that is not one.
  (rows[9] as Cell[])[2] = "31/02/2025";
  (rows[9] as Cell[])[8] = "Date erronée (exprès)";
  (rows[23] as Cell[])[4] = "à confirmer";
  (rows[23] as Cell[])[8] = "Montant non saisi (exprès)";
  if (consumerVendor) {
    for (const row of rows) row.splice(2, 0, null);
    rows.forEach((row, i) => (row[2] = i % 4 === 1 ? "Particulier" : "Professionnel"));
  }
  return rows;
}

function invoiceHeaders(vendor: string): string[] {
  const h = [...INVOICE_HEADERS];
  if (vendor === "xiahdeh" || vendor === "injenius") h.splice(2, 0, "Type client");
  return h;
}

/** Plans per vendor as a client would label them (the plan ids of docs/terms.md#payment-due-dates-per-invoice-kind in parentheses). */
const PLANS: Record<string, readonly string[]> = {
  omi: ["Standard"], // standard
  sillage: ["Abonnement"], // subscription
  injenius: ["Sans engagement", "Engagement mensuel", "Engagement annuel"], // no-commitment, commitment-monthly, commitment-annual
};

const SUB_HEADERS = [
  "N° contrat",
  "Client",
  "Date de début",
  "Formule",
  "Dernier ajout de module",
  "Date de préavis",
  "Mensualité",
  "Commentaire",
];

function subscriptionRows(vendor: string, seed: number, n = 50): Cell[][] {
  const r = rng(seed);
  const rows: Cell[][] = [];
  const fees: Record<string, number> = {
    "Sans engagement": 79,
    "Engagement mensuel": 59,
    "Engagement annuel": 54,
    Standard: 290,
    Abonnement: 450,
  };
  for (let i = 0; i < n; i++) {
    const start = addDays(utc(2021, 3, 1), int(r, 0, 1900)); // March 2021 – mid 2026
    const plan = pick(r, PLANS[vendor] ?? []);
    let addition: Cell = null;
    let notice: Cell = null;
    let comment: Cell = null;
    if (vendor === "omi" && r() < 0.25) {
      const a = addDays(start, int(r, 100, 1500));
      if (a <= utc(2026, 6, 30)) {
        addition = a;
        comment = "Module ajouté";
      }
    }
    if (r() < 0.15) {
      const nd = addDays(utc(2026, 6, 30), -int(r, 0, 120));
      if (nd > start && (addition === null || nd >= (addition as Date))) {
        notice = nd;
        comment = "Résiliation reçue";
      }
    }
    rows.push([
      `${vendor.slice(0, 3).toUpperCase()}-C${String(i + 1).padStart(3, "0")}`,
      pick(r, CLIENTS),
      start,
      plan,
      addition,
      notice,
      fees[plan] ?? 100,
      comment,
    ]);
  }
  (rows[12] as Cell[])[3] = "Premium";
  (rows[12] as Cell[])[7] = "Formule inconnue (exprès)";
  (rows[30] as Cell[])[2] = "32/13/2024";
  (rows[30] as Cell[])[4] = null;
  (rows[30] as Cell[])[5] = null;
  (rows[30] as Cell[])[7] = "Date erronée (exprès)";
  return rows;
}

const DATE_HEADERS = new Set([
  "Date facture",
  "Payé le",
  "Date de début",
  "Dernier ajout de module",
  "Date de préavis",
]);
const MONEY_HEADERS = new Set(["Montant TTC", "Montant payé", "Frais de recouvrement", "Mensualité"]);

async function writeXlsx(file: string, sheetName: string, headers: string[], rows: Cell[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Échéance samples";
  wb.created = utc(2026, 6, 30);
  wb.modified = utc(2026, 6, 30);
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    // As wide as the header and the longest value, as an accountant sizes a column: the register
    // prints with no text cut by the next column (test/xlsx/print-pdf.test.ts).
    col.width = Math.max(12, h.length + 2, ...rows.map((row) => shownLength(row[i] ?? null) + 2));
    if (DATE_HEADERS.has(h)) col.numFmt = "dd/mm/yyyy";
    if (MONEY_HEADERS.has(h)) col.numFmt = '#,##0.00 "€"';
  });
  for (const row of rows) ws.addRow(row);
  // A second sheet, to show the command keeps the workbook's other sheets.
  const notes = wb.addWorksheet("Notes");
  notes.addRow([
    "Registre d'exemple généré par samples/generate.ts (graine fixe). Les lignes marquées « exprès » sont volontairement erronées.",
  ]);
  // Wrapped on two lines of a wide column, so that it prints whole on a portrait page.
  notes.getColumn(1).width = 70;
  notes.getCell("A1").alignment = { wrapText: true, vertical: "top" };
  notes.getRow(1).height = 30;
  await fs.writeFile(file, await pinned(Buffer.from(await wb.xlsx.writeBuffer())));
}

/** The same xlsx with every zip entry dated 30 June 2026, so regenerating gives identical bytes. */
async function pinned(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const fixed = utc(2026, 6, 30);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry || entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: fixed, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

async function writeCsv(file: string, headers: string[], rows: Cell[][]): Promise<void> {
  const text = (c: Cell): string =>
    c === null ? "" : c instanceof Date ? fr(c) : typeof c === "number" ? c.toFixed(2).replace(".", ",") : c;
  const line = (cells: string[]): string =>
    cells.map((c) => (/[";\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";");
  const body = [line(headers), ...rows.map((r) => line(r.map(text)))].join("\r\n");
  await fs.writeFile(file, `\ufeff${body}\r\n`, "utf8");
}

const VENDORS = ["omi", "sillage", "xiahdeh", "injenius", "digitalli"] as const;
const SUBSCRIPTION_VENDORS = ["omi", "sillage", "injenius"] as const;

async function generateSamples(dir: string): Promise<string[]> {
  const written: string[] = [];
  let seed = 20260630;
  for (const v of VENDORS) {
    const rows = invoiceRows(v, seed++);
    const file = path.join(dir, `${v}-factures.xlsx`);
    await writeXlsx(file, "Factures", invoiceHeaders(v), rows);
    written.push(file);
    if (v === "omi") {
      const csv = path.join(dir, `${v}-factures.csv`);
      await writeCsv(csv, invoiceHeaders(v), rows);
      written.push(csv);
    }
  }
  for (const v of SUBSCRIPTION_VENDORS) {
    const file = path.join(dir, `${v}-abonnements.xlsx`);
    await writeXlsx(file, "Abonnements", SUB_HEADERS, subscriptionRows(v, seed++));
    written.push(file);
  }
  return written;
}

/** A large OMI invoice register, written with the streaming writer (for benchmarks). */
async function generateLarge(count: number, file: string): Promise<void> {
  const r = rng(42);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet("Factures");
  ws.columns = INVOICE_HEADERS.map((h) => ({
    header: h,
    width: 14,
    ...(DATE_HEADERS.has(h)
      ? { style: { numFmt: "dd/mm/yyyy" } }
      : MONEY_HEADERS.has(h)
        ? { style: { numFmt: '#,##0.00 "€"' } }
        : {}),
  }));
  const base = utc(2024, 1, 2).getTime();
  for (let i = 0; i < count; i++) {
    const date = new Date(base + int(r, 0, 860) * 86400000);
    const amount = cents(r, 50, 20000);
    const roll = r();
    const paidOn = addDays(date, int(r, 0, 120));
    // Paid after the demo's as-of date (30 June 2026): still unpaid then.
    const paid = roll < 0.7 && paidOn <= utc(2026, 6, 30) ? paidOn : null;
    const partial = roll > 0.9 && paid ? Math.round(amount * 50) / 100 : null;
    ws.addRow([
      `OMI-${i + 1}`,
      pick(r, CLIENTS),
      date,
      roll < 0.5 ? "Facture" : "Abonnement",
      amount,
      paid,
      partial,
      null,
      null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "large") {
    const count = Number(argv[1] ?? "100000");
    const out = argv[2] ?? path.join("out", `large-${count}.xlsx`);
    if (!Number.isInteger(count) || count < 1) {
      process.stderr.write("usage: generate.ts large COUNT OUT.xlsx\n");
      return 2;
    }
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    const t0 = Date.now();
    await generateLarge(count, out);
    process.stdout.write(`${out}: ${count} rows in ${Date.now() - t0} ms\n`);
    return 0;
  }
  const dir = argv[0] ?? __dirname;
  await fs.mkdir(dir, { recursive: true });
  for (const f of await generateSamples(dir)) process.stdout.write(`${f}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

export { generateSamples, generateLarge, invoiceRows, subscriptionRows };
