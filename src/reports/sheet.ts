import { LINE_HEIGHT, wrappedLines } from "../cells";
import { dayToSerial } from "../input/cell-values";
import { formatDate, type Day, type Decimal, type Language, type Text } from "../engine";
import { DELAY_BANDS, TOTAL_HEADING, type BandFigures } from "./payment-delays";
import type { RegisterReport } from "./register";

/**
 * The report sheets as a matrix of cells, written the same way by the task pane (Office.js) and the
 * command line (exceljs). The D441-6 table keeps the model's French headings verbatim: it is a French
 * legal form and is published as such.
 */

export type SheetFormat = "money" | "percent" | "integer" | "date" | "text";

export interface SheetCell {
  readonly value: string | number | null;
  readonly format?: SheetFormat;
  readonly bold?: boolean;
}

export type SheetMatrix = readonly (readonly SheetCell[])[];

export const SHEET_NUMBER_FORMATS: Readonly<Record<SheetFormat, string>> = {
  money: '#,##0.00 "€"',
  percent: "0.00%",
  integer: "0",
  date: "dd/mm/yyyy",
  text: "@",
};

/**
 * How a report sheet is laid out and printed, for every writer (exceljs in the command line, Office.js
 * in the pane): column widths in characters, text that wraps in its column, landscape, fitted to one
 * page wide (and, for the D441-6 table, one page tall: it is published as one table), the header rows
 * repeated on every printed page.
 */
export interface SheetLayout {
  readonly columnWidths: readonly number[];
  /** Zero-based columns whose text wraps. */
  readonly wrapColumns: readonly number[];
  /** Zero-based rows whose text wraps (every column of them), where whole columns should not. */
  readonly wrapRows?: readonly number[];
  readonly landscape: boolean;
  /** Pages tall: 1 fits the sheet on one page; undefined lets it run over as many pages as it needs. */
  readonly pagesTall: number | undefined;
  /** 1-based rows repeated at the top of every printed page (first, last). */
  readonly titleRows?: readonly [number, number];
  /** Heights in points of the rows whose text wraps (`wrappedRowHeights`), by 0-based row; others untouched. */
  readonly rowHeights?: readonly (number | undefined)[];
}

/**
 * Every column wraps, and the band columns are 17 characters wide: a text that fills its column to
 * the edge prints against the next column's text (« 0 jour (indicatif) » ran into « 1 à 30 jours »
 * in 15-character columns), so the widest one-line heading, « 0 jour (indicatif) » (18 characters,
 * bold), keeps two characters' room, and « Total (1 jour et plus) » wraps. Amounts up to
 * « 999 999 999,99 € » fit; numbers never wrap (Excel shows ### instead).
 */
const allColumns = (count: number): number[] => Array.from({ length: count }, (_, c) => c);
const BAND_WIDTH = 17;

export const DELAY_TABLE_LAYOUT: SheetLayout = {
  columnWidths: [58, ...new Array<number>(DELAY_BANDS.length + 1).fill(BAND_WIDTH)],
  wrapColumns: allColumns(DELAY_BANDS.length + 2),
  landscape: true,
  pagesTall: 1,
};

export const AGING_LAYOUT: SheetLayout = {
  columnWidths: [30, ...new Array<number>(DELAY_BANDS.length + 1).fill(BAND_WIDTH)],
  wrapColumns: allColumns(DELAY_BANDS.length + 2),
  landscape: true,
  pagesTall: undefined,
  titleRows: [1, 3],
};

/**
 * The height of each row whose text wraps (undefined for the others): lines × 15 pt, the lines
 * counted by `wrappedLines` against each wrapped column's width. Neither LibreOffice nor Excel grows
 * a row written without a height to fit wrapped text when it opens the file: its lines would print
 * over the next row.
 */
export function wrappedRowHeights(matrix: SheetMatrix, layout: SheetLayout): (number | undefined)[] {
  return matrix.map((cells) => {
    let lines = 1;
    cells.forEach((cell, c) => {
      const width = layout.columnWidths[c];
      if (typeof cell.value !== "string" || !layout.wrapColumns.includes(c) || !width) return;
      lines = Math.max(lines, wrappedLines(cell.value, width, cell.bold === true));
    });
    return lines > 1 ? lines * LINE_HEIGHT : undefined;
  });
}

const text = (value: string, bold = false): SheetCell => (bold ? { value, bold } : { value });
const money = (d: Decimal): SheetCell => ({ value: d.toDecimalPlaces(2).toNumber(), format: "money" });
const count = (n: number): SheetCell => ({ value: n, format: "integer" });
const share = (d: Decimal | undefined): SheetCell =>
  d === undefined ? { value: "—" } : { value: d.toDecimalPlaces(6).toNumber(), format: "percent" };

export const TITLES = {
  received:
    "Article D. 441 I.-1° : Factures reçues non réglées à la date de clôture de l'exercice dont le terme est échu",
  issued:
    "Article D. 441 I.-2° : Factures émises non réglées à la date de clôture de l'exercice dont le terme est échu",
} as const;

const SOURCES =
  "Code de commerce, art. L441-14 et D441-6 I ; modèle de tableau de l'arrêté du 20 mars 2017 (annexe 4-1 à l'article A. 441-2). " +
  "Le modèle cite encore D. 441-4, L. 441-6 et L. 443-1, devenus D441-6, L441-10 et L441-11.";

/** Table I of D441-6 for the register, with sections (A), (B), (C) and the sources. */
export function delayTableSheet(report: RegisterReport): SheetMatrix {
  const { table, kind } = report;
  const bandCells = (pick: (f: BandFigures) => SheetCell) => [
    ...DELAY_BANDS.map((b) => pick(table.bands[b.id])),
    pick(table.total),
  ];
  const shareLabel =
    kind === "received"
      ? "Pourcentage du montant total des achats de l'exercice (HT)"
      : "Pourcentage du chiffre d'affaires de l'exercice (HT)";
  const contractual = report.references.filter((r) => r.terms.length > 0);
  const rows: SheetCell[][] = [
    [text(TITLES[kind], true)],
    [text("Date de clôture de l'exercice"), { value: dayToSerial(report.closing), format: "date" }],
    [],
    [
      text("(A) Tranches de retard de paiement", true),
      ...DELAY_BANDS.map((b) => text(b.heading, true)),
      text(TOTAL_HEADING, true),
    ],
    // The model fills the count under "0 jour" and "Total" only; the other bands are given too, as
    // published reports commonly do.
    [text("Nombre de factures concernées"), ...bandCells((f) => count(f.count))],
    [text("Montant total des factures concernées (TTC)"), ...bandCells((f) => money(f.amount))],
    [text(shareLabel), ...bandCells((f) => share(f.share))],
    [],
    [
      text(
        "(B) Factures exclues du (A) relatives à des dettes et créances litigieuses ou non comptabilisées",
        true,
      ),
    ],
    [text("Nombre des factures exclues"), count(table.excluded.count)],
    [text("Montant total des factures exclues (TTC)"), money(table.excluded.amount)],
    [],
    [
      text(
        "(C) Délais de paiement de référence utilisés (contractuel ou délai légal – article L. 441-6 ou article L. 443-1 du code de commerce)",
        true,
      ),
    ],
    // The model's two boxes in one cell, one under the other (side by side in two band columns, the
    // first ran into the second); the terms used, one per line, in the first column, wide enough to
    // hold them (a band column would wrap them over many lines; text run on into the next columns
    // is cut at the page's edge).
    [
      text("Délais de paiement utilisés pour le calcul des retards de paiement"),
      text(
        `${contractual.length > 0 || report.registerDueDates ? "☒" : "☐"} Délais contractuels\n` +
          `${contractual.length === 0 && !report.registerDueDates ? "☒" : "☐"} Délais légaux`,
      ),
    ],
    ...contractual.flatMap((r) => r.terms.map((term) => [text(`${r.vendor} — ${term.fr}`)])),
    ...(report.registerDueDates
      ? [[text("Échéances lues dans la colonne « Échéance » du registre lorsqu'elle est remplie")]]
      : []),
    [],
    [text(SOURCES)],
    [
      text(
        `Montants : reste dû TTC à la clôture, avoirs en négatif ; pourcentages sur le total HT de l'exercice. Calculé par Échéance au ${formatDate(report.closing, "fr")} (date de clôture).`,
      ),
    ],
  ];
  if (report.errors.length > 0) {
    rows.push([], [text(`${report.errors.length} ligne(s) du registre non prises en compte :`, true)]);
    // Each message already names its sheet row and column.
    for (const e of report.errors.slice(0, 50)) rows.push([text(e.message)]);
  }
  return rows;
}

/** The aging sheet's words, in French and English (the D441-6 table itself is a French legal form). */
const AGING_TEXT = {
  vendor: { en: "Vendor", fr: "Fournisseur" },
  notDue: { en: "Not yet due", fr: "Non échu" },
  band: (heading: string): Text => ({
    en: heading.replace(" à ", "–").replace(" jours et plus", "+ days").replace("jours", "days"),
    fr: heading,
  }),
  pastDue: { en: "Total past due", fr: "Total échu" },
  title: (closing: Day): Text => ({
    en: `Aging at ${formatDate(closing, "en")}`,
    fr: `Balance âgée au ${formatDate(closing, "fr")}`,
  }),
  noVendor: { en: "(no vendor)", fr: "(sans fournisseur)" },
} as const;

/** The aging view: amounts unpaid at closing by vendor and band, largest past-due first. */
export function agingSheet(report: RegisterReport, lang: Language = "fr"): SheetMatrix {
  const header = [
    text(AGING_TEXT.vendor[lang], true),
    text(AGING_TEXT.notDue[lang], true),
    ...DELAY_BANDS.slice(1).map((b) => text(AGING_TEXT.band(b.heading)[lang], true)),
    text(AGING_TEXT.pastDue[lang], true),
  ];
  return [
    [text(AGING_TEXT.title(report.closing)[lang], true)],
    header,
    ...report.aging.map((row) => [
      text(row.vendor || AGING_TEXT.noVendor[lang]),
      ...DELAY_BANDS.map((b) => money(row.bands[b.id])),
      money(row.pastDue),
    ]),
  ];
}
