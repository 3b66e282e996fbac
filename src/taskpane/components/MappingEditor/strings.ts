import type { Language } from "../../../engine";

/** The register type and the column of each field. */
export const MAPPING_STRINGS = {
  fr: {
    title: "Correspondance des colonnes",
    /** The fold's title, then its summary: « Source et colonnes · Zone autour… · Factures, 6 reconnue(s) ». */
    foldTitle: "Source et colonnes",
    foldSummary: (mode: string, found: number) => `${mode}, ${found} reconnue(s)`,
    modeLabel: "Type de registre",
    invoices: "Factures",
    subscriptions: "Abonnements",
    required: "obligatoire",
    unrecognized: (names: string) => `Colonnes non reconnues (laissées telles quelles) : ${names}`,
    previousOutputs: (names: string) => `Colonnes d'un calcul précédent (réécrites) : ${names}`,
  },
  en: {
    title: "Column mapping",
    foldTitle: "Source and columns",
    foldSummary: (mode: string, found: number) => `${mode}, ${found} recognised`,
    modeLabel: "Register type",
    invoices: "Invoices",
    subscriptions: "Subscriptions",
    required: "required",
    unrecognized: (names: string) => `Unrecognised columns (left as they are): ${names}`,
    previousOutputs: (names: string) => `Columns of an earlier run (rewritten): ${names}`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
