import type { Language } from "../../../engine";

/** The workbook's own vendors: where their terms are stored, the list, and what a save did. */
export const VENDORS_STRINGS = {
  fr: {
    intro:
      "Les conditions utilisées par ce classeur y sont enregistrées : un collègue qui l'ouvre retrouve les mêmes échéances.",
    where: {
      "custom-xml-part": "Enregistrées dans une partie XML personnalisée du classeur.",
      "document-settings":
        "Enregistrées dans les paramètres du document (parties XML non prises en charge ici).",
      memory: "Aperçu hors Excel : les conditions restent en mémoire.",
    },
    none: "Aucun fournisseur enregistré dans ce classeur pour l'instant.",
    list: "Fournisseurs enregistrés dans le classeur",
    details: (id: string, version: string) => `identifiant ${id} · version ${version}`,
    custom: "personnalisé",
    shipped: "copie du fournisseur livré",
    edit: "Modifier",
    remove: "Retirer",
    create: "Nouveau fournisseur",
    createFromTerms: "Nouveau à partir des CGV",
    builtIn: "Fournisseurs intégrés :",
    lawVendor: (name: string, id: string) =>
      `${name} (${id} : Code de commerce L441-10 et D441-5, pour un fournisseur dont les conditions ne sont pas saisies)`,
    saved: (id: string) => `« ${id} » est enregistré dans le classeur et utilisable dans CGV.* et Appliquer.`,
  },
  en: {
    intro: "The terms this workbook uses are stored in it: a colleague who opens it sees the same deadlines.",
    where: {
      "custom-xml-part": "Stored in a custom XML part of the workbook.",
      "document-settings": "Stored in the document settings (custom XML parts not supported here).",
      memory: "Preview outside Excel: the terms stay in memory.",
    },
    none: "No vendor stored in this workbook yet.",
    list: "Vendors stored in the workbook",
    details: (id: string, version: string) => `id ${id} · version ${version}`,
    custom: "custom",
    shipped: "copy of a shipped vendor",
    edit: "Edit",
    remove: "Remove",
    create: "New vendor",
    createFromTerms: "New from terms of sale",
    builtIn: "Built-in vendors:",
    lawVendor: (name: string, id: string) =>
      `${name} (${id}: Code de commerce L441-10 and D441-5, for a vendor whose terms are not entered)`,
    saved: (id: string) => `"${id}" is stored in the workbook and works in CGV.* and Apply.`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
