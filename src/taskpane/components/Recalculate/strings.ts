import type { Language } from "../../../engine";

/** « Tout recalculer »: the registers remembered, the run, a line per register and why one was skipped. */
export const RECALC_STRINGS = {
  fr: {
    intro:
      "Les valeurs écrites par Appliquer vieillissent chaque jour. « Tout recalculer » applique de nouveau chaque registre mémorisé, en une fois ; ceux arrêtés « aujourd'hui » le sont à la date du jour.",
    none: "Aucun registre mémorisé dans ce classeur : appliquez d'abord un registre.",
    listLabel: "Registres mémorisés",
    asOfToday: "arrêté à la date du jour",
    asOfFixed: (date: string) => `arrêté au ${date}`,
    table: (name: string) => `tableau ${name}`,
    button: "Tout recalculer",
    progress: (index: number, count: number, label: string) => `Registre ${index} sur ${count} : ${label}`,
    rows: (done: number, total: number) => `${done} / ${total} ligne(s)`,
    done: (applied: number, skipped: number) =>
      `${applied} registre(s) recalculé(s), ${skipped} ignoré(s) ou en erreur.`,
    cancelled: "Recalcul interrompu : les registres suivants n'ont pas été recalculés.",
    applied: (label: string, rows: number, date: string) =>
      `${label} : ${rows} ligne(s) recalculée(s) au ${date}.`,
    skipped: (label: string, why: string) => `${label} : ignoré — ${why}.`,
    failed: (label: string, message: string) => `${label} : non recalculé — ${message}`,
    notRun: (label: string) => `${label} : non recalculé (interrompu).`,
    partial: (label: string, rows: number) => `${label} : interrompu après ${rows} ligne(s).`,
    // Why a register was skipped.
    sheetGone: (sheet: string) => `la feuille « ${sheet} » n'existe plus`,
    tableGone: (table: string) => `le tableau « ${table} » n'existe plus`,
    badRange: (range: string) => `la plage mémorisée « ${range} » n'est pas une adresse`,
    columnsMoved: (column: number, expected: string, found: string) =>
      expected === ""
        ? `les colonnes ont changé (colonne ${column} « ${found} » ajoutée) : appliquez-le de nouveau depuis le volet`
        : found === ""
          ? `les colonnes ont changé (colonne ${column} « ${expected} » absente) : appliquez-le de nouveau depuis le volet`
          : `les colonnes ont changé (colonne ${column} : « ${expected} » attendue, « ${found} » trouvée) : appliquez-le de nouveau depuis le volet`,
    mapping: (what: string) => `colonnes non reconnues (${what})`,
    wouldReplace: (count: number, address: string) =>
      `${count} cellule(s) d'autres données seraient remplacées (${address}) : appliquez-le depuis le volet pour confirmer`,
  },
  en: {
    intro:
      "The values Apply wrote age every day. « Recalculate all » applies every remembered register again, in one run; those as of « today » are computed as of today's date.",
    none: "No register remembered in this workbook: apply a register first.",
    listLabel: "Remembered registers",
    asOfToday: "as of today's date",
    asOfFixed: (date: string) => `as of ${date}`,
    table: (name: string) => `table ${name}`,
    button: "Recalculate all",
    progress: (index: number, count: number, label: string) => `Register ${index} of ${count}: ${label}`,
    rows: (done: number, total: number) => `${done} / ${total} row(s)`,
    done: (applied: number, skipped: number) =>
      `${applied} register(s) recalculated, ${skipped} skipped or failed.`,
    cancelled: "Recalculation cancelled: the registers after it were not recalculated.",
    applied: (label: string, rows: number, date: string) =>
      `${label}: ${rows} row(s) recalculated as of ${date}.`,
    skipped: (label: string, why: string) => `${label}: skipped — ${why}.`,
    failed: (label: string, message: string) => `${label}: not recalculated — ${message}`,
    notRun: (label: string) => `${label}: not recalculated (cancelled).`,
    partial: (label: string, rows: number) => `${label}: cancelled after ${rows} row(s).`,
    // Why a register was skipped.
    sheetGone: (sheet: string) => `the sheet "${sheet}" no longer exists`,
    tableGone: (table: string) => `the table "${table}" no longer exists`,
    badRange: (range: string) => `the remembered range "${range}" is not an address`,
    columnsMoved: (column: number, expected: string, found: string) =>
      expected === ""
        ? `the columns changed (column ${column} "${found}" added): apply it again from the pane`
        : found === ""
          ? `the columns changed (column ${column} "${expected}" missing): apply it again from the pane`
          : `the columns changed (column ${column}: "${expected}" expected, "${found}" found): apply it again from the pane`,
    mapping: (what: string) => `columns not recognised (${what})`,
    wouldReplace: (count: number, address: string) =>
      `${count} cell(s) of other data would be replaced (${address}): apply it from the pane to confirm`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
