import type { Language } from "../../../engine";

/** The vendor dropdown and the options of the chosen vendor. */
export const VENDOR_PICKER_STRINGS = {
  fr: {
    placeholder: "Choisir un fournisseur",
    eomMethod: "Méthode « jours fin de mois »",
    eomDaysThenEom: "Date + N jours, puis fin de mois (par défaut)",
    eomEomThenDays: "Fin de mois, puis + N jours",
    defaultKind: "Type de facture par défaut",
    defaultPlan: "Formule par défaut",
    clientType: "Type de client par défaut",
    clientPro: "Professionnel",
    clientConsumer: "Consommateur",
  },
  en: {
    placeholder: "Choose a vendor",
    eomMethod: '"Days end of month" method',
    eomDaysThenEom: "Date + N days, then end of month (default)",
    eomEomThenDays: "End of month, then + N days",
    defaultKind: "Default invoice kind",
    defaultPlan: "Default plan",
    clientType: "Default client type",
    clientPro: "Professional",
    clientConsumer: "Consumer",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
