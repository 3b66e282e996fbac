import type { Language } from "../../../engine";

/** Where the register is read from, and what was read. */
export const SOURCE_STRINGS = {
  fr: {
    kind: "Source",
    region: "Zone autour de la cellule active",
    selection: "Plage sélectionnée",
    table: "Tableau Excel",
    read: "Lire le registre",
    reading: "Lecture…",
    found: (address: string, rows: number, table: string | undefined) =>
      `${address} — ${rows} ligne(s) de données${table ? ` (tableau ${table})` : ""}`,
    headerRowFound: (row: number, sheet: string) =>
      row === 2
        ? `Feuille « ${sheet} », en-têtes lus en ligne 2 ; la ligne 1 au-dessus (un titre) est laissée de côté.`
        : `Feuille « ${sheet} », en-têtes lus en ligne ${row} ; les lignes au-dessus (un titre) sont laissées de côté.`,
    headerRowMissing: (first: number, last: number, sheet: string) =>
      `${first === last ? `La ligne ${first} de la feuille « ${sheet} » ne porte pas` : `Aucune des lignes ${first} à ${last} de la feuille « ${sheet} » ne porte`} d'en-têtes reconnus (une date de facture et un montant, ou une date de début) : la ligne ${first} est lue comme ligne d'en-têtes. Cliquez une cellule du registre et relisez-le, ou choisissez les colonnes ci-dessous.`,
  },
  en: {
    kind: "Source",
    region: "Region around the active cell",
    selection: "Selected range",
    table: "Excel table",
    read: "Read the register",
    reading: "Reading…",
    found: (address: string, rows: number, table: string | undefined) =>
      `${address} — ${rows} data row(s)${table ? ` (table ${table})` : ""}`,
    headerRowFound: (row: number, sheet: string) =>
      row === 2
        ? `Sheet "${sheet}", headers read on row 2; row 1 above (a title) is left aside.`
        : `Sheet "${sheet}", headers read on row ${row}; the rows above (a title) are left aside.`,
    headerRowMissing: (first: number, last: number, sheet: string) =>
      `${first === last ? `Row ${first} of the sheet "${sheet}" holds no` : `None of rows ${first} to ${last} of the sheet "${sheet}" holds`} recognised headers (an invoice date and an amount, or a start date): row ${first} is read as the header row. Click a cell of the register and read it again, or choose the columns below.`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
