import type { Language } from "../../../engine";

/** The banner of the preview outside Excel. */
export const PREVIEW_BANNER_STRINGS = {
  fr: {
    title: "Aperçu hors Excel",
    details: "Détails",
    lessDetails: "Masquer les détails",
    body: "Le volet fonctionne sur un classeur de démonstration en mémoire : rien n'est écrit dans un fichier.",
    noOfficeJs:
      "Office.js n'a pas pu être chargé depuis appsforoffice.microsoft.com (hors ligne ou bloqué). Dans Excel, vérifiez l'accès à ce site, puis rouvrez le volet.",
  },
  en: {
    title: "Preview outside Excel",
    details: "Details",
    lessDetails: "Hide the details",
    body: "The pane runs on an in-memory demo workbook: nothing is written to a file.",
    noOfficeJs:
      "Office.js could not be loaded from appsforoffice.microsoft.com (offline or blocked). In Excel, check that this site can be reached, then open the pane again.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
