import type { Language, Text } from "../engine";
import type { ApplyOutcome } from "./use-case";

/**
 * What the faces say after an Apply besides its summary, worded once for the pane and the command
 * line: what the register's values do not show (merged cells, a filter, hidden rows), and, for
 * portable formulas, the reference sheet they read and what went in as values rather than formulas.
 */

/**
 * What a register's values do not show. Every row is read and computed, hidden or not, so this is for
 * telling the user, not for skipping anything; empty where the host cannot tell.
 */
export interface RegisterLayout {
  /** Sheet row numbers (1-based, as Excel shows them) of the data rows hidden by hand or by a filter. */
  readonly hiddenRows: readonly number[];
  /** How many rows are hidden, when more than `hiddenRows` lists (a file read in one pass keeps the first ones). */
  readonly hiddenRowCount?: number;
  /** A filter is on: the sheet's autofilter, or one with criteria on the register's Excel table. */
  readonly filter?: { readonly on: "sheet" } | { readonly on: "table"; readonly table: string };
  /** Merged areas inside the register, without the sheet ("C2:C3"). */
  readonly merges: readonly string[];
}

/** At most this many rows or merges are named in a sentence. */
const NAMED = 5;

const firstFew = (items: readonly (string | number)[]): string =>
  items.slice(0, NAMED).join(", ") + (items.length > NAMED ? ", …" : "");

const LAYOUT = {
  merges: (list: string): Text => ({
    en: `merged cells (${list}): only the top-left cell of a merge holds a value, the others read blank, as in Excel.`,
    fr: `cellules fusionnées (${list}) : seule la cellule en haut à gauche d'une fusion a une valeur, les autres sont lues vides, comme dans Excel.`,
  }),
  sheetFilter: {
    en: "autofilter on the sheet: every row is computed, filtered out or not.",
    fr: "filtre automatique sur la feuille : toutes les lignes sont calculées, filtrées ou non.",
  },
  tableFilter: (table: string): Text => ({
    en: `filter on the table ${table}: every row is computed, filtered out or not.`,
    fr: `filtre actif sur le tableau ${table} : toutes les lignes sont calculées, filtrées ou non.`,
  }),
  hidden: (n: number, list: string, filtered: boolean): Text => ({
    en: `${n} hidden${filtered ? " or filtered-out" : ""} row(s) (${list}): computed like the others.`,
    fr: `${n} ligne(s) masquée(s)${filtered ? " ou filtrée(s)" : ""} (${list}) : elles sont calculées comme les autres.`,
  }),
} as const;

/** The layout's notes, each a sentence starting in lower case (the pane capitalises, the command line prefixes « Attention : »). */
export function layoutNotes(layout: RegisterLayout): Text[] {
  const notes: Text[] = [];
  if (layout.merges.length > 0) notes.push(LAYOUT.merges(firstFew(layout.merges)));
  if (layout.filter?.on === "sheet") notes.push(LAYOUT.sheetFilter);
  if (layout.filter?.on === "table") notes.push(LAYOUT.tableFilter(layout.filter.table));
  const hidden = Math.max(layout.hiddenRowCount ?? 0, layout.hiddenRows.length);
  if (hidden > 0) notes.push(LAYOUT.hidden(hidden, firstFew(layout.hiddenRows), layout.filter !== undefined));
  return notes;
}

const PORTABLE = {
  heading: (sheet: string): Text => ({
    en: `Portable formulas (no add-in needed): they read the sheet "${sheet}" of rates and holidays.`,
    fr: `Formules portables (sans le complément) : elles lisent la feuille « ${sheet} » des taux et jours fériés.`,
  }),
  column: (header: string, reason: Text): Text => ({
    en: `Column written as values "${header}": ${reason.en}`,
    fr: `Colonne en valeurs « ${header} » : ${reason.fr}`,
  }),
  rows: (rows: number, reason: Text): Text => ({
    en: `${rows} row(s) written as values: ${reason.en}`,
    fr: `${rows} ligne(s) en valeurs : ${reason.fr}`,
  }),
} as const;

/** Portable mode: the sheet the formulas read, then what went in as values and why; undefined in the other modes. */
export function portableNotes(
  outcome: Pick<ApplyOutcome, "portable" | "columns">,
  lang: Language,
): { readonly heading: string; readonly lines: readonly string[] } | undefined {
  const portable = outcome.portable;
  if (!portable) return undefined;
  const header = (id: string) => outcome.columns.find((c) => c.id === id)?.header ?? id;
  return {
    heading: PORTABLE.heading(portable.sheet)[lang],
    lines: [
      ...portable.columns.map((c) => PORTABLE.column(header(c.column), c.reason)[lang]),
      ...portable.valueRowReasons.map((r) => PORTABLE.rows(r.rows, r.reason)[lang]),
    ],
  };
}
