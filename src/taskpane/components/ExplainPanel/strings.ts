import type { Language } from "../../../engine";

/** Explaining the active cell's row. */
export const EXPLAIN_STRINGS = {
  fr: {
    hint: "Sélectionnez une cellule d'une ligne du registre, puis expliquez-la.",
    hintPreview: "Cliquez une cellule du classeur de démonstration ci-dessous : sa ligne est expliquée.",
    button: "Expliquer la cellule active",
    outside: (address: string) => `La cellule ${address} n'est pas dans une ligne de données du registre.`,
    region: "Explication de la ligne",
  },
  en: {
    hint: "Select a cell in a row of the register, then explain it.",
    hintPreview: "Click a cell of the demo workbook below: its row is explained.",
    button: "Explain the active cell",
    outside: (address: string) => `Cell ${address} is not in a data row of the register.`,
    region: "Row explanation",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
