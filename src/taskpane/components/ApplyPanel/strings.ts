import type { Language } from "../../../engine";

/** How results are written, Apply, its progress and its outcome; then the rates a run missed. */
export const APPLY_STRINGS = {
  fr: {
    writeValues: "des valeurs (recommandé)",
    writeFormulas: "des formules CGV.* en direct",
    writePortable: "des formules Excel natives (lisibles sans le complément)",
    formulasHint:
      "Les formules se recalculent, mais les fonctions personnalisées sont lentes sur de gros registres.",
    portableHint:
      "EDATE, FIN.MOIS, SOMMEPROD… sur une feuille « taux et fériés » ajoutée au classeur : les résultats se recalculent chez un collègue sans Échéance.",
    formulasUnavailable:
      "Formules indisponibles : les colonnes de résultat existantes ne sont pas contiguës.",
    /** The options folded under the date: what they are set to, in one line. */
    options: "Options",
    highlightSummary: (days: number | undefined) =>
      days === undefined ? "sans mise en évidence" : `mise en évidence à ${days} jours`,
    columnsPlanned: (count: number, where: string, added: number) =>
      `${count} colonne(s) de résultat en ${where}${added === count ? " : nouvelles, à droite du registre" : added === 0 ? " : celles d'un calcul précédent, réécrites" : `, dont ${added} nouvelle(s)`}.`,
    noticesTitle: "À savoir sur ce registre",
    apply: "Appliquer",
    writingValues: (done: number, total: number) => `Écriture des valeurs : ${done} / ${total} lignes`,
    formatting: (done: number, total: number) => `Mise en forme : ${done} / ${total} lignes`,
    done: (rows: number, columns: number, added: number) =>
      `${rows} ligne(s) écrites dans ${columns} colonne(s), dont ${added} nouvelle(s).`,
    cancelled: (rows: number) => `Annulé : ${rows} ligne(s) écrites avant l'arrêt.`,
    editedDuringApply: (cell: string, rows: number) =>
      `Arrêté : la cellule ${cell} du registre a été modifiée pendant l'écriture. ${rows} ligne(s) écrites par lots entiers ; relancez Appliquer pour des résultats à jour.`,
    errorsInRows: (n: number) => `${n} ligne(s) en erreur : voir la colonne Statut.`,
    highlightAdded: "Mise en évidence ajoutée : retards en rouge, échéances proches en orange.",
    highlightUnsupported:
      "Cette version d'Excel ne gère pas la mise en forme conditionnelle par formule (ExcelApi 1.6) : rien n'a été mis en évidence.",
    noteAsComment: "Note de provenance ajoutée en commentaire (cette version d'Excel n'a pas de notes).",
    noteNotAdded:
      "La note de provenance n'a pas pu être ajoutée (cette version d'Excel n'a ni notes ni commentaires) : les valeurs sont bien écrites.",
    formulasFrench:
      "Formules écrites avec les noms français des fonctions (CGV.DATEECHEANCE…) : les noms anglais donnaient #NOM? dans cet Excel.",
    formulasUnknown:
      "Cet Excel ne connaît pas les fonctions CGV.* (#NOM?) : le complément est-il chargé ? Écrivez plutôt des valeurs ou des formules natives.",
    // Half-years a run found without a rate, and the offer to add them.
    missingTitle: (n: number) => `${n} facture(s) sans intérêts de retard`,
    missingLine: (n: number, sentence: string) =>
      `${n} facture(s) — ${sentence}. Leur échéance, leurs jours de retard, l'indemnité et le statut sont calculés ; leurs intérêts ne sont pas comptés dans les totaux.`,
    missingAdd: (halfYear: string) => `Ajouter le ${halfYear}`,
    missingReapplying: "Taux enregistrés : nouveau calcul…",
  },
  en: {
    writeValues: "values (recommended)",
    writeFormulas: "live CGV.* formulas",
    writePortable: "native Excel formulas (readable without the add-in)",
    formulasHint: "Formulas recalculate, but custom functions are slow on large registers.",
    portableHint:
      "EDATE, EOMONTH, SUMPRODUCT… over a rates-and-holidays sheet added to the workbook: a colleague without Échéance sees the results recalculate.",
    formulasUnavailable: "Formulas unavailable: the existing result columns are not contiguous.",
    options: "Options",
    highlightSummary: (days: number | undefined) =>
      days === undefined ? "no highlighting" : `highlighting within ${days} days`,
    columnsPlanned: (count: number, where: string, added: number) =>
      `${count} result column(s) in ${where}${added === count ? ": new, right of the register" : added === 0 ? ": an earlier run's, rewritten" : `, ${added} of them new`}.`,
    noticesTitle: "About this register",
    apply: "Apply",
    writingValues: (done: number, total: number) => `Writing values: ${done} / ${total} rows`,
    formatting: (done: number, total: number) => `Formatting: ${done} / ${total} rows`,
    done: (rows: number, columns: number, added: number) =>
      `${rows} row(s) written in ${columns} column(s), ${added} of them new.`,
    cancelled: (rows: number) => `Cancelled: ${rows} row(s) written before stopping.`,
    editedDuringApply: (cell: string, rows: number) =>
      `Stopped: register cell ${cell} was edited while Apply was writing. ${rows} row(s) written in whole batches; run Apply again for up-to-date results.`,
    errorsInRows: (n: number) => `${n} row(s) in error: see the Status column.`,
    highlightAdded: "Highlighting added: overdue in red, coming deadlines in amber.",
    highlightUnsupported:
      "This Excel does not support formula conditional formats (ExcelApi 1.6): nothing was highlighted.",
    noteAsComment: "Provenance note added as a comment (this Excel has no notes).",
    noteNotAdded:
      "The provenance note could not be added (this Excel has neither notes nor comments): the values are written.",
    formulasFrench:
      "Formulas written with the French function names (CGV.DATEECHEANCE…): the English names gave #NAME? in this Excel.",
    formulasUnknown:
      "This Excel does not know the CGV.* functions (#NAME?): is the add-in loaded? Write values or native formulas instead.",
    // Half-years a run found without a rate, and the offer to add them.
    missingTitle: (n: number) => `${n} invoice(s) without late interest`,
    missingLine: (n: number, sentence: string) =>
      `${n} invoice(s) — ${sentence}. Their due date, days late, recovery fee and status are computed; their interest is left out of the totals.`,
    missingAdd: (halfYear: string) => `Add the ${halfYear}`,
    missingReapplying: "Rates stored: computing again…",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
