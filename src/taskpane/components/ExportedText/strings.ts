import type { Language } from "../../../engine";

/** An exported file's text, shown to copy where the webview cannot download. */
export const EXPORTED_TEXT_STRINGS = {
  fr: {
    showText: "Afficher le texte",
    hideText: "Masquer le texte",
    textLabel: (fileName: string) => `Contenu du fichier « ${fileName} »`,
    noDownloadHere: (fileName: string) =>
      `Excel sur Mac et sur iPad ne télécharge pas de fichier depuis un volet : copiez ce texte et enregistrez-le sous « ${fileName} ».`,
    copy: "Copier",
    copied: (fileName: string) => `Texte copié : collez-le dans un fichier « ${fileName} ».`,
    copyRefused: (fileName: string) =>
      `Copie automatique refusée ici : le texte est sélectionné, copiez-le avec Ctrl+C (⌘C sur Mac) et collez-le dans un fichier « ${fileName} ».`,
  },
  en: {
    showText: "Show the text",
    hideText: "Hide the text",
    textLabel: (fileName: string) => `Content of the file "${fileName}"`,
    noDownloadHere: (fileName: string) =>
      `Excel on Mac and iPad does not download files from a pane: copy this text and save it as "${fileName}".`,
    copy: "Copy",
    copied: (fileName: string) => `Text copied: paste it into a file named "${fileName}".`,
    copyRefused: (fileName: string) =>
      `Automatic copy refused here: the text is selected, copy it with Ctrl+C (⌘C on a Mac) and paste it into a file named "${fileName}".`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
