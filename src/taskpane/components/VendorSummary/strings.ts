import type { Language } from "../../../engine";
import { frenchOf as de } from "../../../engine";

/**
 * The chosen vendor's terms as the pane summarises them: the headings of the summary, and the
 * sentences `describeVendor` builds from the profile (rates, plans, the recovery fee).
 */
export const VENDOR_SUMMARY_STRINGS = {
  fr: {
    /** The fold's title, its one-line summary after it (`termsHeadline`); opened, the options come first. */
    terms: "Conditions",
    vendorTerms: (name: string) => `Conditions ${de(name)}`,
    paymentTerms: "Délais de paiement par type de facture",
    latePayment: "Retard de paiement",
    subscriptions: "Renouvellement et préavis",
    interpretations: "Interprétations retenues",
    contradictions: "Contradictions du texte",
    defaultMark: "par défaut",
    idTooltip: (id: string) => `Identifiant à écrire dans le registre ou dans une formule : ${id}`,
    // The late-payment rule.
    interest: "Intérêts",
    interestRule: (rate: string, base: string, floor: string) =>
      `Intérêts de ${rate} ${base}${floor}, par jour de retard.`,
    onAmountInclVat: "sur le montant TTC",
    onSumsDue: "sur les sommes dues",
    onInvoiceAmount: "sur le montant de la facture",
    statutoryFloor: ", jamais moins de 3 fois le taux légal entre professionnels",
    contractualFloor: ", jamais moins de 3 fois le taux légal (clause du contrat)",
    recoveryFee: "Indemnité de recouvrement",
    recoveryFeeRule: (amount: string, justifiedCostsAbove: boolean) =>
      `${amount} € par facture payée en retard${justifiedCostsAbove ? ", ou les frais justifiés s'ils sont supérieurs" : ""}.`,
    flatOption: (option: string) => `Option « ${option} »`,
    flatRule: (percent: string) => `forfait unique de ${percent} % du montant de la facture.`,
    // Renewal and notice.
    notApplicable: "Sans objet",
    samePeriods: (months: number) => `Périodes de ${months} mois reconduites tacitement`,
    initialThenPeriods: (initial: number, renewal: number) =>
      `Engagement initial de ${initial} mois, puis reconduction par périodes de ${renewal} mois`,
    noticeMonths: "mois",
    noticeDays: "jour(s)",
    notice: (amount: number, unit: string) =>
      `préavis reçu au moins ${amount} ${unit} avant le renouvellement`,
    endsAtMonthEnd: "fin à la fin du mois civil",
    endsDayBefore: "fin la veille du renouvellement",
    monthlyFee: (fee: string) => ` ${fee} € HT/mois.`,
    clauseSeparator: " ; ",
    moduleAdded: "Ajout de module",
    additionRule: (windowMonths: number, renewalMonths: number) =>
      `un ajout dans les ${windowMonths} mois précédant le renouvellement reconduit le contrat pour ${renewalMonths} mois à compter de l'ajout.`,
    // Interpretations and contradictions.
    defaultReading: (option: string) => `Lecture par défaut (option « ${option} » pour l'autre)`,
    reading: "Lecture retenue",
    contradiction: "Contradiction",
  },
  en: {
    terms: "Terms",
    vendorTerms: (name: string) => `${name}'s terms`,
    paymentTerms: "Payment terms per invoice kind",
    latePayment: "Late payment",
    subscriptions: "Renewal and notice",
    interpretations: "Interpretations",
    contradictions: "Contradictions in the text",
    defaultMark: "default",
    idTooltip: (id: string) => `Id to write in the register or in a formula: ${id}`,
    // The late-payment rule.
    interest: "Interest",
    interestRule: (rate: string, base: string, floor: string) =>
      `Interest at ${rate} ${base}${floor}, per day late.`,
    onAmountInclVat: "on the amount including VAT",
    onSumsDue: "on the sums due",
    onInvoiceAmount: "on the invoice amount",
    statutoryFloor: ", never below 3 × the legal rate between professionals",
    contractualFloor: ", never below 3 × the legal rate (the contract's own floor)",
    recoveryFee: "Recovery fee",
    recoveryFeeRule: (amount: string, justifiedCostsAbove: boolean) =>
      `€${amount} per late invoice${justifiedCostsAbove ? ", or justified costs when higher" : ""}.`,
    flatOption: (option: string) => `Option "${option}"`,
    flatRule: (percent: string) => `a one-off ${percent} % of the invoice amount.`,
    // Renewal and notice.
    notApplicable: "Not applicable",
    samePeriods: (months: number) => `${months}-month periods renewed tacitly`,
    initialThenPeriods: (initial: number, renewal: number) =>
      `Initial term of ${initial} months, then renewed for ${renewal}-month periods`,
    noticeMonths: "month(s)",
    noticeDays: "day(s)",
    notice: (amount: number, unit: string) => `notice received at least ${amount} ${unit} before the renewal`,
    endsAtMonthEnd: "ends at the end of the calendar month",
    endsDayBefore: "ends the day before the renewal",
    monthlyFee: (fee: string) => ` €${fee} excl. VAT/month.`,
    clauseSeparator: "; ",
    moduleAdded: "Module added",
    additionRule: (windowMonths: number, renewalMonths: number) =>
      `an addition in the ${windowMonths} months before the renewal renews the contract for ${renewalMonths} months from the addition.`,
    // Interpretations and contradictions.
    defaultReading: (option: string) => `Default reading (option "${option}" for the other)`,
    reading: "Reading",
    // The same word in both languages.
    contradiction: "Contradiction",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
