import type { Language } from "../../../engine";

/**
 * The self-test page's sentences and the « À propos » section's, in French (default) and English. Kept
 * beside the page rather than in i18n/strings.ts: the page is self-contained, and so are its words.
 */
export const SELF_TEST_STRINGS = {
  fr: {
    /** When the run started, as the report's first lines show it: « 03/12/2026 14:05 ». */
    startedAt: (d: { day: string; month: string; year: string }, time: string) =>
      `${d.day}/${d.month}/${d.year} ${time}`,
    aboutSection: "À propos",
    aboutVersion: (version: string) => `Échéance, version ${version}.`,
    aboutSelfTestHint:
      "L'autotest vérifie, dans cet Excel, chaque opération du complément sur des feuilles de test qu'il supprime ensuite.",
    openSelfTest: "Autotest dans Excel",
    title: "Autotest",
    intro:
      "L'autotest ajoute des feuilles de test à ce classeur, y lit et y écrit des registres (valeurs, formules, mise en évidence, note, termes enregistrés), vérifie chaque résultat, puis supprime ces feuilles. Vos feuilles et vos termes enregistrés ne sont pas modifiés. Comptez de quelques secondes à une minute.",
    introPreview:
      "Hors Excel, l'autotest s'exécute sur le classeur de démonstration en mémoire : il ne prouve rien sur Excel lui-même.",
    run: "Lancer l'autotest",
    runAgain: "Relancer",
    back: "Retour au volet",
    running: (done: number, total: number) => `Étape ${done + 1} sur ${total}…`,
    summary: (passed: number, failed: number, skipped: number) =>
      `${passed} réussie(s), ${failed} échouée(s), ${skipped} non exécutée(s).`,
    allPassed: "Toutes les étapes exécutées ont réussi.",
    someFailed:
      "Au moins une étape a échoué : copiez le rapport ci-dessous et envoyez-le avec la version d'Excel utilisée.",
    sheetsLeft: (names: string) => `Feuilles de test à supprimer à la main : ${names}.`,
    crashed: (message: string) => `L'autotest s'est arrêté : ${message}`,
    status: { pass: "réussie", fail: "échouée", skip: "non exécutée" },
    reportLabel: "Rapport à copier",
    copy: "Copier le rapport",
    copied: "Rapport copié : collez-le dans votre message.",
    copyRefused:
      "Copie automatique refusée ici : le rapport est sélectionné, copiez-le avec Ctrl+C (⌘C sur Mac).",
  },
  en: {
    startedAt: (d: { day: string; month: string; year: string }, time: string) =>
      `${d.year}-${d.month}-${d.day} ${time}`,
    aboutSection: "About",
    aboutVersion: (version: string) => `Échéance, version ${version}.`,
    aboutSelfTestHint:
      "The self-test checks, in this Excel, each operation of the add-in on scratch sheets it then deletes.",
    openSelfTest: "Self-test in Excel",
    title: "Self-test",
    intro:
      "The self-test adds scratch sheets to this workbook, reads and writes registers on them (values, formulas, highlighting, note, stored terms), checks each result, then deletes those sheets. Your sheets and stored terms are not changed. It takes a few seconds to a minute.",
    introPreview:
      "Outside Excel, the self-test runs on the in-memory demo workbook: it proves nothing about Excel itself.",
    run: "Run the self-test",
    runAgain: "Run again",
    back: "Back to the pane",
    running: (done: number, total: number) => `Step ${done + 1} of ${total}…`,
    summary: (passed: number, failed: number, skipped: number) =>
      `${passed} passed, ${failed} failed, ${skipped} not run.`,
    allPassed: "Every step run has passed.",
    someFailed: "At least one step failed: copy the report below and send it with the Excel version used.",
    sheetsLeft: (names: string) => `Scratch sheets to delete by hand: ${names}.`,
    crashed: (message: string) => `The self-test stopped: ${message}`,
    status: { pass: "passed", fail: "failed", skip: "not run" },
    reportLabel: "Report to copy",
    copy: "Copy the report",
    copied: "Report copied: paste it into your message.",
    copyRefused: "Copying was refused here: the report is selected, copy it with Ctrl+C (⌘C on a Mac).",
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export type SelfTestStrings = (typeof SELF_TEST_STRINGS)[Language];
