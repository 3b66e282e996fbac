import type { Language } from "../../engine";

/**
 * The pane-wide text, view by view: what the shell around the views shows, and the sentences of the
 * failures any view may meet. A view's own text is in the catalogue beside it
 * (components/<View>/strings.ts); the words several views share are in common.ts.
 */
export const STRINGS = {
  fr: {
    // The header.
    appTitle: "Échéance",
    appSubtitle: "Appliquer les CGV d'un fournisseur à un registre",
    // The views, as tabs.
    viewSwitch: "Vue",
    tabApply: "Appliquer",
    tabReports: "Rapports",
    tabVendors: "Fournisseurs",
    // The statuses and explanations send the user to « Paramètres > Taux »: this tab, its rates.
    tabRates: "Paramètres",
    tabLetters: "Relances",
    // Above every view: the workbook's stored terms changed outside Échéance.
    storedHashMismatch: (id: string) =>
      `le fournisseur « ${id} » enregistré a été modifié hors d'Échéance (empreinte différente)`,
    // « Appliquer », top to bottom (the vendor and the register are « Rapports »'s too).
    vendorSection: "Fournisseur",
    sourceSection: "Registre",
    applySection: "Écrire",
    previewTitle: "Aperçu",
    recalcSection: "Recalculer le classeur",
    calendarSection: "Calendrier",
    explainTitle: "Expliquer une ligne",
    // « Rapports », « Fournisseurs », « Paramètres ».
    reportsSection: "Rapport des délais de paiement (D441-6)",
    vendorsSection: "Conditions enregistrées dans le classeur",
    ratesSection: "Taux d'intérêt par semestre",
    // « Rapports »: which report; « Relances »; « Paramètres > Mon entreprise ».
    reportChoice: "Rapport",
    reportDelays: "Délais de paiement (D441-6)",
    reportStatement: "Relevé par client",
    statementSection: "Relevé par client",
    lettersSection: "Lettres de relance et notes de débit",
    companySection: "Mon entreprise",
    companyMissing: "à remplir",
    // What the workbook refused, in any view (apply-adapter `describeError`).
    noTable: "Aucun tableau Excel à la cellule active ni sur la feuille.",
    emptySource: "La source est vide.",
    tooLarge: "La plage est trop grande pour être lue en une fois par Excel.",
    noSelection: "Aucune sélection.",
    multiArea:
      "La sélection compte plusieurs plages : sélectionnez une seule plage (sans Ctrl+clic), puis relisez le registre.",
    sheetProtected:
      "La feuille du registre est protégée : rien n'est écrit. Ôtez la protection (Révision > Ôter la protection de la feuille) puis relancez Appliquer.",
    date1904:
      "Ce classeur compte les dates depuis 1904 (Fichier > Options > Options avancées) : ses dates seraient lues avec quatre ans d'écart. Décochez « Utiliser le calendrier depuis 1904 » ou copiez le registre dans un classeur au calendrier 1900.",
    mergedInOutput: (addresses: string) =>
      `Cellules fusionnées là où Appliquer écrirait (${addresses}) : Excel refuse d'écrire dans une partie de fusion, rien n'est écrit. Annulez la fusion (Accueil > Fusionner et centrer > Annuler Fusionner cellules) puis relancez Appliquer.`,
    // The pane itself failed (ErrorBoundary), or a run did.
    errorTitle: "Une erreur est survenue",
    errorBoundaryBody:
      "Le volet a rencontré une erreur inattendue. Vos données n'ont pas été modifiées par cette erreur.",
    errorRecover: "Recharger le volet",
  },
  en: {
    // The header.
    appTitle: "Échéance",
    appSubtitle: "Apply a vendor's terms of sale to a register",
    // The views, as tabs.
    viewSwitch: "View",
    tabApply: "Apply",
    tabReports: "Reports",
    tabVendors: "Vendors",
    tabRates: "Settings",
    tabLetters: "Reminders",
    // Above every view: the workbook's stored terms changed outside Échéance.
    storedHashMismatch: (id: string) => `stored vendor "${id}" was changed outside Échéance (hash differs)`,
    // « Appliquer », top to bottom (the vendor and the register are « Rapports »'s too).
    vendorSection: "Vendor",
    sourceSection: "Register",
    applySection: "Write",
    previewTitle: "Preview",
    recalcSection: "Recalculate the workbook",
    calendarSection: "Calendar",
    explainTitle: "Explain a row",
    // « Rapports », « Fournisseurs », « Paramètres ».
    reportsSection: "Payment-delay report (D441-6)",
    vendorsSection: "Terms stored in the workbook",
    ratesSection: "Interest rates per half-year",
    // « Reports »: which report; « Reminders »; « Settings > My company ».
    reportChoice: "Report",
    reportDelays: "Payment delays (D441-6)",
    reportStatement: "Statement per client",
    statementSection: "Statement per client",
    lettersSection: "Reminder letters and penalty notes",
    companySection: "My company",
    companyMissing: "to fill in",
    // What the workbook refused, in any view (apply-adapter `describeError`).
    noTable: "No Excel table at the active cell nor on the sheet.",
    emptySource: "The source is empty.",
    tooLarge: "The range is too large for Excel to read at once.",
    noSelection: "Nothing is selected.",
    multiArea:
      "The selection has several ranges: select a single range (without Ctrl+click), then read the register again.",
    sheetProtected:
      "The register's sheet is protected: nothing is written. Unprotect it (Review > Unprotect Sheet) and apply again.",
    date1904:
      'This workbook counts dates from 1904 (File > Options > Advanced): its dates would be read four years off. Untick "Use 1904 date system" or copy the register into a 1900-system workbook.',
    mergedInOutput: (addresses: string) =>
      `Merged cells where Apply would write (${addresses}): Excel refuses to write to part of a merge, so nothing is written. Unmerge them (Home > Merge & Center > Unmerge Cells) and apply again.`,
    // The pane itself failed (ErrorBoundary), or a run did.
    errorTitle: "Something went wrong",
    errorBoundaryBody: "The pane hit an unexpected error. Your data was not changed by this error.",
    errorRecover: "Reload the pane",
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Strings = (typeof STRINGS)[Language];

/** The UI language from Office's display language ("fr-FR", "en-US"…): English when it says so, else French. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale !== undefined && /^en\b/i.test(locale) ? "en" : "fr";
}
