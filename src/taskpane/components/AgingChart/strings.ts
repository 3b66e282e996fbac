import type { Language } from "../../../engine";

/** The aging charts: unpaid amounts by delay band and by vendor. */
export const AGING_STRINGS = {
  fr: {
    title: "Échu non réglé à la clôture",
    byBand: "Par tranche de retard",
    byVendor: "Par fournisseur (total échu)",
    chartLabel: (what: string, parts: string) => `${what} : ${parts}`,
    empty: "Aucun montant non réglé à la clôture.",
  },
  en: {
    title: "Past due and unpaid at closing",
    byBand: "By delay band",
    byVendor: "By vendor (total past due)",
    chartLabel: (what: string, parts: string) => `${what}: ${parts}`,
    empty: "Nothing unpaid at closing.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
