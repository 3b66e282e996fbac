import { frenchOf, type Text } from "../engine";

/**
 * The letters' text, French and English. French as a French creditor writes a reminder and a formal
 * notice (Code civil 1344: « une sommation ou un acte portant interpellation suffisante »): the words
 * « mise en demeure », the sums and their basis, a deadline, what follows. The English is a courtesy
 * translation for English-speaking users; the French letter is the one with legal effect in France.
 * Figures arrive formatted (« 1 234,56 € », 30/06/2026) in the letter's language.
 */

/** What the sentences need, already written in the letter's language. */
export interface LetterWords {
  readonly references: string;
  readonly asOf: string;
  readonly principal: string;
  readonly interest: string;
  readonly fees: string;
  readonly penalties: string;
  readonly total: string;
  readonly deadline: string;
  readonly deadlineDays: number;
  readonly iban: string;
  readonly company: string;
  /** « article 6.3 » */
  readonly clause: string;
  /** « 3 fois le taux d'intérêt légal » */
  readonly rate: string;
  /** « du 15/07/2026 et du 30/07/2026 », or "" when no earlier letter is recorded. */
  readonly earlierLetters: string;
  /** How many invoices (plural agreement). */
  readonly count: number;
}

const s = (n: number, fr: string) => (n > 1 ? fr : "");

export const COMMON_TEXT = {
  salutation: { fr: "Madame, Monsieur,", en: "Dear Sir or Madam," },
  closing: {
    fr: "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    en: "Yours faithfully,",
  },
  addressMissing: { fr: "adresse à compléter", en: "address to be completed" },
  dateLine: (place: string | undefined, date: string): Text => ({
    fr: place ? `${place}, le ${date}` : `Le ${date}`,
    en: place ? `${place}, ${date}` : date,
  }),
  signature: (company: string): Text => ({ fr: `Pour ${company}`, en: `For ${company}` }),
  siren: (siren: string): Text => ({ fr: `SIREN ${siren}`, en: `SIREN ${siren}` }),
  iban: (iban: string, bic: string | undefined): Text => ({
    fr: `IBAN ${iban}${bic ? ` — BIC ${bic}` : ""}`,
    en: `IBAN ${iban}${bic ? ` — BIC ${bic}` : ""}`,
  }),
  paymentsApplied: {
    fr: "Les règlements partiels reçus ont été imputés sur le principal à leur date ; les pénalités courent sur le solde.",
    en: "Partial payments received have been applied to the principal on their dates; penalties run on the balance.",
  },
  total: { fr: "Total", en: "Total" },
} as const;

export const COLUMN_TEXT = {
  reference: { fr: "N° facture", en: "Invoice no." },
  invoiceDate: { fr: "Date", en: "Date" },
  dueDate: { fr: "Échéance", en: "Due date" },
  amount: { fr: "Montant TTC", en: "Amount incl. VAT" },
  outstanding: { fr: "Reste dû", en: "Outstanding" },
  daysLate: { fr: "Jours de retard", en: "Days late" },
  interest: { fr: "Pénalités", en: "Interest" },
  fee: { fr: "Indemnité", en: "Fee" },
  penalties: { fr: "Pénalités et indemnité", en: "Interest and fee" },
  from: { fr: "Du", en: "From" },
  to: { fr: "Au", en: "To" },
  rounding: { fr: "arrondi unique de la facture", en: "the invoice's one rounding" },
  days: { fr: "Jours", en: "Days" },
  balance: { fr: "Solde", en: "Balance" },
  rate: { fr: "Taux et source", en: "Rate and source" },
} as const satisfies Record<string, Text>;

export const RAPPEL_TEXT = {
  subject: (w: LetterWords): Text => ({
    fr: `Objet : rappel — facture${s(w.count, "s")} échue${s(w.count, "s")} (${w.references})`,
    en: `Subject: reminder — invoice${s(w.count, "s")} past due (${w.references})`,
  }),
  intro: (w: LetterWords): Text => ({
    fr:
      w.count > 1
        ? "Sauf erreur de notre part, les factures suivantes, arrivées à échéance, ne nous ont pas été entièrement réglées :"
        : "Sauf erreur de notre part, la facture suivante, arrivée à échéance, ne nous a pas été entièrement réglée :",
    en: `Unless we are mistaken, the following invoice${s(w.count, "s")} ${w.count > 1 ? "are" : "is"} past due and not fully paid:`,
  }),
  amountDue: (w: LetterWords): Text => ({
    fr: `Le montant restant dû s'élève à ${w.principal}.`,
    en: `The amount outstanding is ${w.principal}.`,
  }),
  askPay: (w: LetterWords): Text => ({
    fr: `Nous vous remercions de bien vouloir procéder à ${w.count > 1 ? "leur" : "son"} règlement dans les meilleurs délais, par virement sur notre compte ${w.iban}. Si votre règlement a été émis entre-temps, nous vous prions de ne pas tenir compte de ce courrier.`,
    en: `Please pay ${w.count > 1 ? "them" : "it"} at your earliest convenience by transfer to our account ${w.iban}. If your payment has been sent in the meantime, please disregard this letter.`,
  }),
} as const;

export const RELANCE_TEXT = {
  subject: (w: LetterWords): Text => ({
    fr: `Objet : deuxième relance — facture${s(w.count, "s")} impayée${s(w.count, "s")} (${w.references})`,
    en: `Subject: second reminder — unpaid invoice${s(w.count, "s")} (${w.references})`,
  }),
  intro: (w: LetterWords): Text => ({
    fr: `Malgré notre rappel${w.earlierLetters ? ` ${w.earlierLetters}` : ""}, ${w.count > 1 ? "les factures suivantes restent impayées" : "la facture suivante reste impayée"} à ce jour :`,
    en: `Despite our reminder${w.earlierLetters ? ` ${w.earlierLetters}` : ""}, the following invoice${s(w.count, "s")} ${w.count > 1 ? "remain" : "remains"} unpaid:`,
  }),
  askPay: (w: LetterWords): Text => ({
    fr: `Nous vous demandons de nous régler la somme de ${w.total} au plus tard le ${w.deadline}, par virement sur notre compte ${w.iban}.`,
    en: `Please pay us ${w.total} by ${w.deadline} at the latest, by transfer to our account ${w.iban}.`,
  }),
  warn: {
    fr: "À défaut, nous vous adresserons une mise en demeure de payer.",
    en: "Failing that, we will send you a formal notice to pay.",
  },
} as const;

export const MISE_EN_DEMEURE_TEXT = {
  title: { fr: "MISE EN DEMEURE DE PAYER", en: "FORMAL NOTICE TO PAY (MISE EN DEMEURE)" },
  registered: {
    fr: "Lettre recommandée avec accusé de réception n° ____________________________",
    en: "Registered letter with acknowledgement of receipt (lettre recommandée avec accusé de réception) no. ____________________",
  },
  subject: (w: LetterWords): Text => ({
    fr: `Objet : mise en demeure de payer — facture${s(w.count, "s")} n° ${w.references}`,
    en: `Subject: formal notice to pay — invoice${s(w.count, "s")} no. ${w.references}`,
  }),
  intro: (w: LetterWords): Text => ({
    fr: w.earlierLetters
      ? `Malgré nos relances ${w.earlierLetters}, ${w.count > 1 ? "les factures suivantes restent impayées" : "la facture suivante reste impayée"} :`
      : `${w.count > 1 ? "Les factures suivantes, arrivées à échéance, restent impayées" : "La facture suivante, arrivée à échéance, reste impayée"} :`,
    en: w.earlierLetters
      ? `Despite our reminders ${w.earlierLetters}, the following invoice${s(w.count, "s")} ${w.count > 1 ? "remain" : "remains"} unpaid:`
      : `The following invoice${s(w.count, "s")}, past due, ${w.count > 1 ? "remain" : "remains"} unpaid:`,
  }),
  detailIntro: (w: LetterWords): Text => ({
    fr: `Le décompte des pénalités arrêté au ${w.asOf} est le suivant :`,
    en: `The statement of the penalties as of ${w.asOf} is as follows:`,
  }),
  totals: (w: LetterWords): Text => ({
    fr: `Au ${w.asOf}, vous nous restez donc redevable de ${w.principal} en principal, ${w.interest} de pénalités de retard et ${w.fees} d'indemnités forfaitaires pour frais de recouvrement, soit un total de ${w.total}. Les pénalités continuent de courir jusqu'au complet paiement.`,
    en: `As of ${w.asOf} you therefore owe us ${w.principal} of principal, ${w.interest} of late-payment interest and ${w.fees} of fixed recovery fees, a total of ${w.total}. Interest keeps running until payment in full.`,
  }),
  totalsPrincipal: (w: LetterWords): Text => ({
    fr: `Au ${w.asOf}, vous nous restez donc redevable de la somme de ${w.total}.`,
    en: `As of ${w.asOf} you therefore owe us ${w.total}.`,
  }),
  notice: (w: LetterWords): Text => ({
    fr: `Par la présente, nous vous mettons en demeure, au sens de l'article 1344 du Code civil, de nous régler la somme de ${w.total} au plus tard le ${w.deadline}, soit dans un délai de ${w.deadlineDays} jours, par virement sur notre compte ${w.iban} ouvert au nom ${frenchOf(w.company)}.`,
    en: `We hereby give you formal notice, within the meaning of article 1344 of the Code civil, to pay us ${w.total} by ${w.deadline} at the latest, that is within ${w.deadlineDays} days, by transfer to our account ${w.iban} held in the name of ${w.company}.`,
  }),
  consequences: {
    fr: "À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire, notamment par voie d'injonction de payer (articles 1405 et suivants du Code de procédure civile).",
    en: "Failing payment within this time, we will start court recovery proceedings without further notice, in particular an injonction de payer (articles 1405 et seq. of the Code de procédure civile).",
  },
} as const;

/** The basis of the penalties, per kind of client (the statement's `basis`). */
export const BASIS_TEXT = {
  /** Between professionals: the clause, L441-10 II, the 40 € of D441-5. */
  pro: (w: LetterWords): Text => ({
    fr: `En application de l'${w.clause} de nos conditions générales et de l'article L441-10 II du Code de commerce, ces sommes portent de plein droit, depuis le lendemain de leur échéance, des pénalités de retard au taux de ${w.rate}, et chaque facture payée en retard donne lieu à une indemnité forfaitaire pour frais de recouvrement de 40 € (article D441-5 du Code de commerce).`,
    en: `Under ${w.clause} of our terms and conditions and article L441-10 II of the Code de commerce, these sums bear late-payment interest as of right from the day after their due date, at ${w.rate}, and each invoice paid late gives rise to a fixed recovery fee of 40 € (article D441-5 of the Code de commerce).`,
  }),
  /** A consumer the terms serve: the clause's rate, no fee. */
  consumerContract: (w: LetterWords): Text => ({
    fr: `En application de l'${w.clause} de nos conditions générales, ces sommes portent des pénalités de retard au taux de ${w.rate} depuis le lendemain de leur échéance.`,
    en: `Under ${w.clause} of our terms and conditions, these sums bear late-payment interest at ${w.rate} from the day after their due date.`,
  }),
  /** A consumer of terms with no consumer rate: the legal rate from the formal notice. */
  consumerCivil: {
    fr: "Conformément aux articles 1231-6 et 1344-1 du Code civil, ces sommes portent intérêts au taux légal à compter de la mise en demeure.",
    en: "Under articles 1231-6 and 1344-1 of the Code civil, these sums bear interest at the legal rate from the formal notice.",
  },
  /** The reminders' softer sentence: penalties are due without any reminder. */
  reminder: (w: LetterWords): Text => ({
    fr: `Nous vous rappelons que tout retard de paiement entraîne de plein droit des pénalités de retard (${w.clause} de nos conditions générales ; Code de commerce, art. L441-10 II) et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (Code de commerce, art. D441-5). Au ${w.asOf}, elles s'élèvent à ${w.penalties}, soit un total dû de ${w.total}.`,
    en: `Please note that any late payment gives rise as of right to late-payment interest (${w.clause} of our terms and conditions; Code de commerce, art. L441-10 II) and a fixed recovery fee of 40 € per invoice (Code de commerce, art. D441-5). As of ${w.asOf} they amount to ${w.penalties}, a total due of ${w.total}.`,
  }),
  reminderConsumer: (w: LetterWords): Text => ({
    fr: `Nous vous rappelons que tout retard de paiement entraîne des pénalités de retard (${w.clause} de nos conditions générales). Au ${w.asOf}, elles s'élèvent à ${w.penalties}, soit un total dû de ${w.total}.`,
    en: `Please note that any late payment gives rise to late-payment interest (${w.clause} of our terms and conditions). As of ${w.asOf} it amounts to ${w.penalties}, a total due of ${w.total}.`,
  }),
} as const;

export const LEGAL_BASIS_TEXT = {
  pro: (clause: string): Text => ({
    fr: `Fondements : Code civil, art. 1344 ; Code de commerce, art. L441-10 II et D441-5 ; ${clause} (conditions générales).`,
    en: `Legal basis: Code civil, art. 1344; Code de commerce, art. L441-10 II and D441-5; ${clause} (terms and conditions).`,
  }),
  consumerContract: (clause: string): Text => ({
    fr: `Fondements : Code civil, art. 1344 ; ${clause} (conditions générales).`,
    en: `Legal basis: Code civil, art. 1344; ${clause} (terms and conditions).`,
  }),
  consumerCivil: {
    fr: "Fondements : Code civil, art. 1344, 1231-6 et 1344-1.",
    en: "Legal basis: Code civil, art. 1344, 1231-6 and 1344-1.",
  },
} as const;

/** « du 15/07/2026 et du 30/07/2026 » */
export function earlierLettersWords(dates: readonly string[]): Text {
  if (dates.length === 0) return { fr: "", en: "" };
  const fr = dates.map((d) => `du ${d}`);
  const en = dates.map((d) => `of ${d}`);
  const join = (parts: string[], and: string) =>
    parts.length === 1
      ? (parts[0] as string)
      : `${parts.slice(0, -1).join(", ")} ${and} ${parts[parts.length - 1]}`;
  return { fr: join(fr, "et"), en: join(en, "and") };
}
