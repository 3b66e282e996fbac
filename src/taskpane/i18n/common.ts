import type { Language } from "../../engine";

/** Words more than one view says: one wording for each, in French and English. */
export const COMMON = {
  fr: {
    colon: " : ",
    cancel: "Annuler",
    noColumn: "— aucune —",
    checkingCells: "Vérification des cellules de destination…",
    applyProgress: "Progression de l'application",
    printSetupNotMade:
      "Mise en page d'impression non réglée (cette version d'Excel ne le permet pas à un complément) : dans Mise en page, choisissez Paysage et Ajuster à 1 page en largeur.",
  },
  en: {
    colon: ": ",
    cancel: "Cancel",
    noColumn: "— none —",
    checkingCells: "Checking the target cells…",
    applyProgress: "Apply progress",
    printSetupNotMade:
      "Print setup not made (this Excel does not let an add-in make it): in Page Layout, choose Landscape and Fit to 1 page wide.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
