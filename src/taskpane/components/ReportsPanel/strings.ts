import type { Language } from "../../../engine";

/** The D441-6 report's form and what it wrote. */
export const REPORTS_STRINGS = {
  fr: {
    intro:
      "Tableau des factures non réglées à la date de clôture dont le terme est échu (C. com. L441-14, D441-6 I), depuis le registre ci-dessus.",
    closing: "Date de clôture",
    kind: "Factures",
    received: "reçues (fournisseurs)",
    issued: "émises (clients)",
    yearTotalReceived: "Total des achats de l'exercice HT",
    yearTotalIssued: "Chiffre d'affaires de l'exercice HT",
    yearTotalHint: "Laisser vide : pas de pourcentages.",
    excludedColumn: "Colonne des factures litigieuses ou non comptabilisées",
    withAging: "Ajouter la balance âgée (feuille séparée)",
    build: "Créer la feuille",
    written: (names: string) => `Feuille(s) créée(s) : ${names}`,
    rowsSkipped: (n: number) => `${n} ligne(s) du registre non prises en compte (voir la feuille).`,
    needsInvoices: "Le rapport se construit sur un registre de factures.",
  },
  en: {
    intro:
      "Table of invoices unpaid at the closing date and past due (Code de commerce L441-14, D441-6 I), from the register above.",
    closing: "Closing date",
    kind: "Invoices",
    received: "received (suppliers)",
    issued: "issued (customers)",
    yearTotalReceived: "Year's purchases excl. VAT",
    yearTotalIssued: "Year's revenue excl. VAT",
    yearTotalHint: "Leave blank: no percentages.",
    excludedColumn: "Column marking disputed or unbooked invoices",
    withAging: "Add the aging table (separate sheet)",
    build: "Create the sheet",
    written: (names: string) => `Sheet(s) created: ${names}`,
    rowsSkipped: (n: number) => `${n} register row(s) left out (listed on the sheet).`,
    needsInvoices: "The report is built from an invoice register.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
