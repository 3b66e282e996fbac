import type { Language } from "../../../engine";

/** « Mon entreprise »: the sender of the letters and penalty notes. */
export const COMPANY_STRINGS = {
  fr: {
    title: "Mon entreprise",
    intro:
      "L'expéditeur des lettres et des notes de débit. Enregistré dans le classeur : un collègue qui l'ouvre retrouve ces informations.",
    name: "Raison sociale",
    legalForm: "Forme juridique",
    legalFormHint: "Par ex. « SAS au capital de 10 000 € ».",
    address: "Adresse",
    addressHint: "Une ligne par ligne d'adresse.",
    siren: "SIREN",
    sirenHint: "9 chiffres (Kbis, avis INSEE).",
    iban: "IBAN",
    bic: "BIC",
    email: "E-mail",
    phone: "Téléphone",
    place: "Ville (« Fait à … »)",
    save: "Enregistrer",
    saved: "Mon entreprise est enregistrée dans le classeur.",
    savedMemory: "Mon entreprise est retenue (aperçu : pas de classeur où l'enregistrer).",
    missing: "À remplir avant toute lettre ou note de débit.",
    summary: (name: string, siren: string) => `${name} · SIREN ${siren}`,
  },
  en: {
    title: "My company",
    intro:
      "The sender of the letters and penalty notes. Stored in the workbook: a colleague who opens it finds them.",
    name: "Company name",
    legalForm: "Legal form",
    legalFormHint: "E.g. « SAS au capital de 10 000 € ».",
    address: "Address",
    addressHint: "One line per address line.",
    siren: "SIREN",
    sirenHint: "9 digits (Kbis, INSEE notice).",
    iban: "IBAN",
    bic: "BIC",
    email: "Email",
    phone: "Phone",
    place: "Town (« Fait à … »)",
    save: "Save",
    saved: "My company is stored in the workbook.",
    savedMemory: "My company is kept (preview: no workbook to store it in).",
    missing: "To fill in before any letter or penalty note.",
    summary: (name: string, siren: string) => `${name} · SIREN ${siren}`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
