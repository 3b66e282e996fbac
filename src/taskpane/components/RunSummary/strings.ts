import type { Language } from "../../../engine";

/** The summary of a run: its register, its figures, the next deadlines. */
export const RUN_SUMMARY_STRINGS = {
  fr: {
    title: "Résumé",
    register: (address: string) => `Registre ${address}`,
    computed: "Lignes calculées",
    errors: "Lignes en erreur",
    late: "Factures en retard",
    penalties: "Total des pénalités",
    nextDeadlines: "Prochaines échéances",
    noDeadlines: "Aucune échéance à venir.",
  },
  en: {
    title: "Summary",
    register: (address: string) => `Register ${address}`,
    computed: "Rows computed",
    errors: "Rows in error",
    late: "Late invoices",
    penalties: "Total penalties",
    nextDeadlines: "Next deadlines",
    noDeadlines: "No deadline ahead.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
