import {
  formatDate,
  formatMoney,
  LEVEL_NAMES,
  type Day,
  type Decimal,
  type ReminderLevel,
  type Text,
} from "../../engine";

/** What `echeance letters` says, in French and English: one catalogue for the command. */

const LEVEL_PLURAL: Readonly<Record<ReminderLevel, Text>> = {
  rappel: { fr: "rappel(s)", en: "reminder(s)" },
  relance: { fr: "relance(s)", en: "second reminder(s)" },
  "mise-en-demeure": { fr: "mise(s) en demeure", en: "formal notice(s)" },
};

export const LETTERS_TEXT = {
  /** The documents' default folder, beside the register: REGISTRE.lettres/. */
  folder: { fr: "lettres", en: "letters" },
  templateNotForNotes: {
    fr: "--template vaut pour les lettres (rappel, relance, mise en demeure), pas pour les notes de débit.",
    en: "--template is for letters (rappel, relance, mise-en-demeure), not for penalty notes.",
  },
  templateOneDocument: {
    fr: "--one-document ne se combine pas avec --template : un modèle donne un document par client.",
    en: "--one-document does not go with --template: a template gives one document per client.",
  },
  copyIsInput: (file: string): Text => ({
    fr: `la copie du registre ne peut pas être le registre lu (${file}) : le registre n'est jamais modifié ; donnez un autre nom avec --register-out.`,
    en: `the register's copy cannot be the input (${file}): the register is never modified; give another name with --register-out.`,
  }),
  seriesNeedsWorkbook: (file: string): Text => ({
    fr: `la série des notes de débit s'enregistre dans un classeur : --register-out doit être un .xlsx (reçu ${file}).`,
    en: `the penalty-note series is stored in a workbook: --register-out must be an .xlsx (got ${file}).`,
  }),
  levelChosen: (level: ReminderLevel): Text => ({
    fr: `Niveau : ${LEVEL_NAMES[level].fr.toLowerCase()} (choisi)`,
    en: `Level: ${LEVEL_NAMES[level].en.toLowerCase()} (chosen)`,
  }),
  levelsProposed: (counts: ReadonlyMap<ReminderLevel, number>): Text => {
    const list = (lang: "fr" | "en") =>
      [...counts].map(([level, n]) => `${n} ${LEVEL_PLURAL[level][lang]}`).join(", ");
    return {
      fr: `Niveau proposé client par client, d'après « Dernière relance » : ${list("fr")}`,
      en: `Level proposed client by client, from « Dernière relance »: ${list("en")}`,
    };
  },
  notesLevel: { fr: "Notes de débit", en: "Penalty notes" },
  afterFormalNotice: (client: string, action: Text): Text => ({
    fr: `${client} : mise en demeure déjà envoyée — pas de nouvelle lettre ; ${action.fr.charAt(0).toLowerCase()}${action.fr.slice(1)}.`,
    en: `${client}: formal notice already sent — no new letter; ${action.en.charAt(0).toLowerCase()}${action.en.slice(1)}.`,
  }),
  checkBeforeSending: (count: number): Text => ({
    fr: `${count} point(s) à vérifier avant l'envoi :`,
    en: `${count} point(s) to check before sending:`,
  }),
  nothingToWrite: {
    fr: "aucune lettre ni note à écrire (voir ci-dessus) ; rien n'est écrit.",
    en: "no letter or note to write (see above); nothing written.",
  },
  template: (file: string): Text => ({ fr: `Modèle : ${file}`, en: `Template: ${file}` }),
  written: (count: number, folder: string): Text => ({
    fr: `${count} document(s) écrit(s) dans ${folder} :`,
    en: `${count} document(s) written to ${folder}:`,
  }),
  letterLine: (file: string, total: Decimal, deadline: Day | undefined): Text => ({
    fr: `  ${file} : ${formatMoney(total, "fr")}${deadline === undefined ? "" : `, à régler au plus tard le ${formatDate(deadline, "fr")}`}`,
    en: `  ${file}: ${formatMoney(total, "en")}${deadline === undefined ? "" : `, to be paid by ${formatDate(deadline, "en")}`}`,
  }),
  noteLine: (file: string, number: string, total: Decimal): Text => ({
    fr: `  ${file} : note ${number}, ${formatMoney(total, "fr")}`,
    en: `  ${file}: note ${number}, ${formatMoney(total, "en")}`,
  }),
  oneDocument: (file: string, count: number): Text => ({
    fr: `  ${file} : ${count} client(s), une page chacun`,
    en: `  ${file}: ${count} client(s), a page each`,
  }),
  total: (total: Decimal): Text => ({
    fr: `Total réclamé : ${formatMoney(total, "fr")}`,
    en: `Total claimed: ${formatMoney(total, "en")}`,
  }),
  addressesMissing: (clients: readonly string[]): Text => ({
    fr: `Adresse à compléter dans ${clients.length} document(s) : ${clients.join(", ")}`,
    en: `Address to be completed in ${clients.length} document(s): ${clients.join(", ")}`,
  }),
  recorded: (file: string, invoices: number): Text => ({
    fr: `« Dernière relance » enregistrée pour ${invoices} facture(s) dans la copie du registre ${file} ; « Prochaine action » y propose la suite. Le registre lu n'est pas modifié : continuez avec la copie.`,
    en: `« Dernière relance » recorded for ${invoices} invoice(s) in the register's copy ${file}; « Prochaine action » there proposes what comes next. The input register is not modified: go on with the copy.`,
  }),
  seriesStored: (file: string, first: string, last: string): Text => ({
    fr: `Notes ${first === last ? first : `${first} à ${last}`} ajoutées à la série enregistrée dans ${file} : continuez avec ce classeur, la prochaine note y suivra.`,
    en: `Notes ${first === last ? first : `${first} to ${last}`} added to the series stored in ${file}: go on with that workbook, the next note follows there.`,
  }),
  oneDocumentName: (date: string, what: string, count: number): Text => ({
    fr: `${date} ${what} - ${count} clients.docx`,
    en: `${date} ${what} - ${count} clients.docx`,
  }),
  lettersWord: { fr: "Lettres", en: "Letters" },
} as const;
