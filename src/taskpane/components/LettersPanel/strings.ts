import type { Language } from "../../../engine";

/** « Relances »: the letters, the penalty notes and the record of what was sent. */
export const LETTERS_STRINGS = {
  fr: {
    intro:
      "Rappel, relance ou mise en demeure pour chaque client ayant des factures échues et impayées, au format Word (.docx), depuis le registre ci-dessus.",
    asOf: "Date d'arrêté et date des lettres",
    level: "Niveau",
    rappel: "Rappel",
    relance: "Relance",
    miseEnDemeure: "Mise en demeure",
    proposed: (level: string) => `Proposé d'après « Dernière relance » : ${level}.`,
    deadline: "Délai de paiement (jours)",
    deadlineHint: "8 jours par défaut ; le rappel n'en fixe pas.",
    deadlineInvalid: "Un nombre de jours de 1 à 90.",
    documents: "Documents",
    filePerClient: "un fichier par client",
    oneDocument: "un document, une page par client",
    oneDocumentNoTemplate: "Avec un modèle, un fichier par client.",
    templateFold: "Modèle de lettre",
    templateBuiltIn: "lettre intégrée",
    templateIntro:
      "Un document Word (.docx) avec des champs {{client}}, {{total}}, {{factures}}… remplace le texte intégré (voir le guide).",
    pickTemplate: "Choisir un modèle (.docx)…",
    removeTemplate: "Retirer le modèle",
    templateReady: (name: string) => `Modèle retenu : ${name}.`,
    generate: (n: number) => `Créer les lettres (${n})`,
    generateNone: "Créer les lettres",
    beforeSending: (n: number) => `Avant d'envoyer (${n})`,
    consumer: (client: string) =>
      `${client} : client particulier — pas d'indemnité de 40 € (C. com. D441-5, entre professionnels) ; intérêts selon les conditions, ou au taux légal à compter de la mise en demeure (C. civ. 1231-6).`,
    clientsTitle: (n: number) => `Clients en retard (${n})`,
    clientLine: (total: string, last: string, next: string) =>
      `${total} · dernière : ${last} · proposé : ${next}`,
    none: "aucune",
    afterNotice: "injonction de payer",
    lettersDone: (n: number, file: string) => `${n} lettre(s) : ${file}.`,
    markSent: "Marquer comme envoyé",
    markSentHint: (level: string, date: string) =>
      `Inscrit « ${level} — ${date} » dans la colonne « Dernière relance » du registre et la prochaine action à côté.`,
    recorded: (invoices: number, clients: number, column: string, next: string) =>
      `« Dernière relance » inscrite pour ${invoices} facture(s) de ${clients} client(s), colonne ${column} ; « Prochaine action » colonne ${next}. Les colonnes d'Échéance ont été recalculées à la date des lettres.`,
    refused: (count: number, address: string) =>
      `Rien n'a été écrit : ${count} cellule(s) non vide(s) occupent la place des colonnes (${address}). Déplacez-les, puis recommencez.`,
    notes: "Créer les notes de débit",
    notesHint: "Numérotées à la suite de la série du classeur (ND-AAAA-001…), hors champ de la TVA.",
    notesDone: (numbers: string, sheet: string) =>
      `Note(s) ${numbers} ; la série est listée dans la feuille « ${sheet} ».`,
    noNewNote: "Aucune pénalité nouvelle à réclamer : pas de note de débit.",
    noCompanyAction: "Compléter Mon entreprise",
    lettersFileStem: "Lettres",
    notesFileStem: "Notes de débit",
    notesSheet: "Notes de débit",
    noLetter: "Aucune lettre à créer pour ce niveau à cette date.",
  },
  en: {
    intro:
      "Reminder, second reminder or formal notice for each client with invoices past due and unpaid, as Word documents (.docx), from the register above.",
    asOf: "Statement date and letters' date",
    level: "Level",
    rappel: "Reminder",
    relance: "Second reminder",
    miseEnDemeure: "Formal notice",
    proposed: (level: string) => `Proposed from « Dernière relance »: ${level}.`,
    deadline: "Days to pay",
    deadlineHint: "8 days by default; a first reminder sets none.",
    deadlineInvalid: "A number of days from 1 to 90.",
    documents: "Documents",
    filePerClient: "one file per client",
    oneDocument: "one document, a page per client",
    oneDocumentNoTemplate: "With a template, one file per client.",
    templateFold: "Letter template",
    templateBuiltIn: "built-in letter",
    templateIntro:
      "A Word document (.docx) with placeholders {{client}}, {{total}}, {{factures}}… replaces the built-in text (see the guide).",
    pickTemplate: "Choose a template (.docx)…",
    removeTemplate: "Remove the template",
    templateReady: (name: string) => `Template used: ${name}.`,
    generate: (n: number) => `Create the letters (${n})`,
    generateNone: "Create the letters",
    beforeSending: (n: number) => `Before sending (${n})`,
    consumer: (client: string) =>
      `${client}: consumer client — no 40 € fee (Code de commerce D441-5, between professionals); interest as the terms set it, or at the legal rate from the formal notice (Code civil 1231-6).`,
    clientsTitle: (n: number) => `Clients late (${n})`,
    clientLine: (total: string, last: string, next: string) => `${total} · last: ${last} · proposed: ${next}`,
    none: "none",
    afterNotice: "injonction de payer",
    lettersDone: (n: number, file: string) => `${n} letter(s): ${file}.`,
    markSent: "Mark as sent",
    markSentHint: (level: string, date: string) =>
      `Writes « ${level} — ${date} » in the register's « Dernière relance » column and the next action beside it.`,
    recorded: (invoices: number, clients: number, column: string, next: string) =>
      `« Dernière relance » written for ${invoices} invoice(s) of ${clients} client(s), column ${column}; « Prochaine action » column ${next}. Échéance's columns were computed again as of the letters' date.`,
    refused: (count: number, address: string) =>
      `Nothing written: ${count} non-empty cell(s) are where the columns go (${address}). Move them, then try again.`,
    notes: "Create the penalty notes",
    notesHint: "Numbered after the workbook's series (ND-YYYY-001…), outside the scope of VAT.",
    notesDone: (numbers: string, sheet: string) =>
      `Note(s) ${numbers}; the series is listed on the sheet « ${sheet} ».`,
    noNewNote: "No new penalties to claim: no penalty note.",
    noCompanyAction: "Complete My company",
    lettersFileStem: "Letters",
    notesFileStem: "Penalty notes",
    notesSheet: "Notes de débit",
    noLetter: "No letter to create at this level on this date.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
