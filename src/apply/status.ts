import {
  formatDate,
  formatMoney,
  halfYearText,
  type Day,
  type Language,
  type MissingRate,
  type TermStart,
  type Text,
} from "../engine";

/**
 * What the register core writes in words — each row's status sentence, its error message, a missing
 * rate — in French and English: the apply layer's one catalogue of sentences.
 */

const plural = (n: number, one: string, many: string): string => (Math.abs(n) === 1 ? one : many);
const days = (n: number): Text => ({
  en: `${n} ${plural(n, "day", "days")}`,
  fr: `${n} ${plural(n, "jour", "jours")}`,
});

/** An invoice row's situation on the as-of date. */
export const INVOICE_STATUS = {
  creditNote: { en: "Credit note — no penalties", fr: "Avoir — pas de pénalités" },
  paidOnTime: { en: "Paid on time", fr: "Payée à temps" },
  paidLate: (n: number): Text => ({
    en: `Paid ${days(n).en} late`,
    fr: `Payée avec ${days(n).fr} de retard`,
  }),
  partlyPaidLate: (rest: Text, n: number): Text => ({
    en: `Partly paid — ${rest.en} outstanding, ${days(n).en} late`,
    fr: `Partiellement payée — reste ${rest.fr}, ${days(n).fr} de retard`,
  }),
  partlyPaidDue: (rest: Text, due: Day): Text => ({
    en: `Partly paid — ${rest.en} outstanding, due by ${formatDate(due, "en")}`,
    fr: `Partiellement payée — reste ${rest.fr} à payer au plus tard le ${formatDate(due, "fr")}`,
  }),
  unpaidLate: (n: number): Text => ({
    en: `Unpaid — ${days(n).en} late`,
    fr: `Impayée — ${days(n).fr} de retard`,
  }),
  dueBy: (due: Day): Text => ({
    en: `Due by ${formatDate(due, "en")}`,
    fr: `À payer au plus tard le ${formatDate(due, "fr")}`,
  }),
} as const;

/**
 * The « Prochaine action » of an unpaid late invoice in a register that records its letters, when it
 * is not the next letter (src/engine/reminders.ts words that one).
 */
export const NEXT_ACTION_TEXT = {
  disputed: {
    en: "Disputed — no reminder until the dispute is settled",
    fr: "En litige — pas de relance tant que le litige n'est pas réglé",
  },
  collective: {
    en: "Collective proceedings — declare the claim to the mandataire (L622-24), no letter",
    fr: "Procédure collective — déclarer la créance au mandataire (L622-24), pas de lettre",
  },
  unreadable: (column: string, problem: Text): Text => ({
    en: `"${column}" unreadable: ${problem.en}`,
    fr: `« ${column} » illisible : ${problem.fr}`,
  }),
} as const;

/** A subscription row's situation on the as-of date. */
export const SUBSCRIPTION_STATUS = {
  ended: (end: Day): Text => ({
    en: `Terminated — contract ended on ${formatDate(end, "en")}`,
    fr: `Résilié — contrat terminé le ${formatDate(end, "fr")}`,
  }),
  noticeReceived: (end: Day): Text => ({
    en: `Notice received — contract ends on ${formatDate(end, "en")}`,
    fr: `Préavis reçu — fin du contrat le ${formatDate(end, "fr")}`,
  }),
  noticeToday: (deadline: Day): Text => ({
    en: `Notice must arrive today (${formatDate(deadline, "en")}) at the latest`,
    fr: `Préavis à faire parvenir aujourd'hui (${formatDate(deadline, "fr")}) au plus tard`,
  }),
  noticeBy: (deadline: Day, left: number): Text => ({
    en: `Notice must arrive by ${formatDate(deadline, "en")} (in ${days(left).en})`,
    fr: `Préavis à faire parvenir au plus tard le ${formatDate(deadline, "fr")} (dans ${days(left).fr})`,
  }),
} as const;

/** The date a payment term counts from, as a row's status names it. */
const TERM_START_NAME: Readonly<Record<TermStart, Text>> = {
  receipt: { en: "date of receipt", fr: "date de réception" },
  delivery: { en: "date of delivery or performance", fr: "date de livraison ou d'exécution" },
  order: { en: "order date", fr: "date de commande" },
};

/**
 * What a row's status adds about how it was computed: the date its payment term counted from (a
 * register's « Date de réception » or the invoice date standing in for it), and the law's terms.
 */
export const HOW_COMPUTED = {
  countedFrom: (start: TermStart, date: Day): Text => ({
    en: `Term counted from the ${TERM_START_NAME[start].en} (${formatDate(date, "en")})`,
    fr: `Délai compté de la ${TERM_START_NAME[start].fr} (${formatDate(date, "fr")})`,
  }),
  invoiceDateStandsIn: (start: TermStart): Text => ({
    en: `Term counted from the invoice date: no ${TERM_START_NAME[start].en} given`,
    fr: `Délai compté de la date de facture, faute de ${TERM_START_NAME[start].fr}`,
  }),
  // The law's terms, as `loi` holds them: L441-10 I (30 days), L441-10 II (ECB + 10 points), D441-5 (40 €).
  law: {
    en: "Statutory terms (L441-10) applied: 30 days, ECB rate + 10 points, recovery fee of 40 €",
    fr: "Conditions légales (L441-10) appliquées : 30 jours, taux BCE + 10 points, indemnité de 40 €",
  },
  unknownVendor: (name: string): Text => ({
    en: `Vendor "${name}" not recorded`,
    fr: `Fournisseur « ${name} » non enregistré`,
  }),
} as const;

/** Money as both languages write it, for the sentences above. */
export function moneyText(amount: Parameters<typeof formatMoney>[0]): Text {
  return { en: formatMoney(amount, "en"), fr: formatMoney(amount, "fr") };
}

/** A row's problems, worded with its row number and the column they are about. */
export const ROW_PROBLEM = {
  inColumn: (row: number, column: string, message: Text): Text => ({
    en: `Row ${row}, column "${column}": ${message.en}`,
    fr: `Ligne ${row}, colonne « ${column} » : ${message.fr}`,
  }),
  inRow: (row: number, message: Text): Text => ({
    en: `Row ${row}: ${message.en}`,
    fr: `Ligne ${row} : ${message.fr}`,
  }),
  rowLabel: (row: number): Text => ({ en: `Row ${row}`, fr: `Ligne ${row}` }),
  internal: (why: string): Text => ({ en: `internal error: ${why}`, fr: `erreur interne : ${why}` }),
  asOfRequired: { en: "The as-of date is required.", fr: "La date d'arrêté est obligatoire." },
  amountMissing: { en: "the amount is missing.", fr: "le montant est manquant." },
  negative: (shown: string): Text => ({
    en: `"${shown}" is negative: a credit note bears no late interest.`,
    fr: `« ${shown} » est négatif : un avoir ne porte pas d'intérêts de retard.`,
  }),
  noVendor: {
    en: "no vendor: fill in the vendor column or choose a vendor.",
    fr: "aucun fournisseur : renseignez la colonne fournisseur ou choisissez un fournisseur.",
  },
  clientType: (text: string): Text => ({
    en: `"${text}" is neither pro nor consumer.`,
    fr: `« ${text} » n'est ni « pro » ni « particulier ».`,
  }),
  paymentWithoutDate: (amount: Text): Text => ({
    en: `an amount paid of ${amount.en} needs its payment date.`,
    fr: `un montant payé de ${amount.fr} demande sa date de paiement.`,
  }),
} as const;

/** The explanation's first lines: the row and the as-of date, then the vendor. */
export const EXPLANATION = {
  head: (row: number, asOf: Day): Text => ({
    en: `Row ${row} — as of ${formatDate(asOf, "en")}`,
    fr: `Ligne ${row} — arrêté au ${formatDate(asOf, "fr")}`,
  }),
  vendor: (legalName: string, spec: string): Text => ({
    en: `Vendor: ${legalName} (${spec})`,
    fr: `Fournisseur : ${legalName} (${spec})`,
  }),
  separator: { en: ": ", fr: " : " },
} as const;

const MISSING_RATE = {
  which: (missing: MissingRate): Text =>
    missing.rate === "legal"
      ? { en: "legal interest rate", fr: "taux légal" }
      : { en: "ECB rate", fr: "taux BCE" },
  sentence: (missing: MissingRate): Text => ({
    en: `Interest not computed: ${MISSING_RATE.which(missing).en} for the ${halfYearText(missing.halfYear, "en")} not entered — Settings > Rates`,
    fr: `Intérêts non calculés : ${MISSING_RATE.which(missing).fr} du ${halfYearText(missing.halfYear, "fr")} non renseigné — Paramètres > Taux`,
  }),
  cell: (missing: MissingRate): Text => ({
    en: `rate for the ${halfYearText(missing.halfYear, "en")} missing`,
    fr: `taux du ${halfYearText(missing.halfYear, "fr")} manquant`,
  }),
} as const;

/** What the status says of a missing rate, in an accountant's words, with where to add it. */
export function missingRateSentence(missing: MissingRate, lang: Language): string {
  return MISSING_RATE.sentence(missing)[lang];
}

/** The interest cell of a row whose rate is missing. */
export function missingRateCell(missing: MissingRate, lang: Language): string {
  return MISSING_RATE.cell(missing)[lang];
}
