import {
  cite,
  describePaymentTerm,
  frenchNumber,
  LAW,
  type AmountClause,
  type Citation,
  type ClientType,
  type Interpretation,
  type PaymentTerm,
  type PenaltyRate,
  type RateFloor,
  type SubscriptionTerms,
  type Text,
} from "../engine";
import type { NotFound, Proposal, Question, Source } from "./report";

/** Every sentence the terms-of-sale import shows, in French and English (the layer's catalogue). */

const t = (en: string, fr: string): Text => ({ en, fr });
const mb = (chars: number) => frenchNumber((chars / 1_000_000).toFixed(1));
const en1 = (chars: number) => (chars / 1_000_000).toFixed(1);
const L441_10_I = cite(LAW.commerce, "L441-10 I");
const L441_10_II = cite(LAW.commerce, "L441-10 II");
const D441_5 = cite(LAW.commerce, "D441-5");

/** The invoice kinds the import names, with the ids the shipped vendors use for the same things. */
export const KIND_LABELS = {
  invoice: t("Invoice", "Facture"),
  deposit: t("Deposit", "Acompte"),
  balance: t("Balance", "Solde"),
  subscription: t("Subscription", "Abonnement"),
  "first-order": t("First order of a new client", "Première commande d'un nouveau client"),
  export: t("Export order", "Commande à l'exportation"),
  study: t("Study", "Étude"),
  training: t("Training", "Formation"),
  consulting: t("Consulting", "Conseil"),
  setup: t("Set-up", "Mise en place"),
  annex: t("Annex services, maintenance, support", "Prestations annexes, maintenance, support"),
} as const;

export type KindId = keyof typeof KIND_LABELS;

const START_COLUMN: Readonly<Record<string, Text>> = {
  receipt: t(
    "counted from receipt: the register's « Date de réception » column when it has one, else the invoice date",
    "compté de la réception : la colonne « Date de réception » du registre s'il en a une, sinon la date de facture",
  ),
  delivery: t(
    "counted from delivery: the register's « Date de livraison » column when it has one, else the invoice date",
    "compté de la livraison : la colonne « Date de livraison » du registre s'il en a une, sinon la date de facture",
  ),
  order: t(
    "counted from the order: the register's « Date de commande » column when it has one, else the invoice date",
    "compté de la commande : la colonne « Date de commande » du registre s'il en a une, sinon la date de facture",
  ),
};

function rateText(rate: PenaltyRate, floor: RateFloor): Text {
  const floorText =
    floor === "contractual"
      ? t(
          ", never below 3 × the legal interest rate (the contract's own floor)",
          ", jamais inférieur à 3 fois le taux d'intérêt légal (plancher du contrat)",
        )
      : floor === "none"
        ? t(" (the statutory default, not floored)", " (taux supplétif légal, sans plancher)")
        : t("", "");
  switch (rate.kind) {
    case "legal-multiple":
      return t(
        `${rate.factor} × the legal interest rate${floorText.en}`,
        `${rate.factor} fois le taux d'intérêt légal${floorText.fr}`,
      );
    case "ecb-plus":
      return t(
        `the ECB rate + ${rate.points} points${floorText.en}`,
        `le taux BCE majoré de ${frenchNumber(rate.points)} points${floorText.fr}`,
      );
    case "fixed":
      return t(
        `${rate.annualPercent} % a year${floorText.en}`,
        `${frenchNumber(rate.annualPercent)} % l'an${floorText.fr}`,
      );
  }
}

const monthsText = (n: number): Text =>
  n % 12 === 0
    ? t(`${n / 12} year${n === 12 ? "" : "s"}`, `${n / 12} an${n === 12 ? "" : "s"}`)
    : t(`${n} month${n === 1 ? "" : "s"}`, `${n} mois`);

const proposal = (
  id: string,
  topic: Proposal["topic"],
  label: Text,
  value: Text,
  sources: readonly Source[],
  term?: PaymentTerm,
): Proposal => ({
  id,
  topic,
  label,
  value,
  sources,
  ...(term ? { term } : {}),
});

const notFound = (
  id: string,
  topic: NotFound["topic"],
  label: Text,
  instead: Text,
  law: readonly Citation[] = [],
  unread: readonly Source[] = [],
): NotFound => ({
  id,
  topic,
  label,
  instead,
  law,
  unread,
});

const PLAN_LABELS: Readonly<Record<string, (fee: string) => Text>> = {
  "no-commitment": (fee) =>
    t(`No commitment (${fee} € excl. VAT/month)`, `Sans engagement (${frenchNumber(fee)} € HT/mois)`),
  "commitment-monthly": (fee) =>
    t(
      `Commitment, billed monthly (${fee} € excl. VAT/month)`,
      `Avec engagement, facturé mensuellement (${frenchNumber(fee)} € HT/mois)`,
    ),
  "commitment-annual": (fee) =>
    t(
      `Commitment, paid yearly (${fee} € excl. VAT/month)`,
      `Avec engagement, payé annuellement (${frenchNumber(fee)} € HT/mois)`,
    ),
};

export const MESSAGES = {
  // --- what the import accepts
  tooLong: (chars: number, max: number) =>
    t(
      `The text is ${en1(chars)} million characters long; the import reads at most ${en1(max)} million (terms of sale rarely exceed 300 000). Paste the terms of sale alone.`,
      `Le texte compte ${mb(chars)} millions de caractères ; l'import en lit au plus ${mb(max)} millions (des conditions générales dépassent rarement 300 000). Collez les seules conditions générales.`,
    ),
  fileTooLarge: (max: number) =>
    t(
      `The file is larger than ${en1(max)} MB, the most the import reads as a text file.`,
      `Le fichier dépasse ${mb(max)} Mo, la taille la plus grande que l'import lit comme fichier texte.`,
    ),
  empty: t(
    "The text is empty: paste the terms of sale, or open a .txt or .docx file.",
    "Le texte est vide : collez les conditions générales, ou ouvrez un fichier .txt ou .docx.",
  ),
  binary: t(
    "This is not text (the file holds binary data): open the terms of sale as a .txt or .docx file, or paste their text.",
    "Ce n'est pas du texte (le fichier contient des données binaires) : ouvrez les conditions générales en .txt ou en .docx, ou collez leur texte.",
  ),
  zipNotText: t(
    "This file is a zip archive (a .docx, .xlsx…), not a text file: open a .docx as such.",
    "Ce fichier est une archive zip (un .docx, un .xlsx…), pas un fichier texte : ouvrez un .docx en tant que tel.",
  ),
  pdf: t(
    "This file is a PDF: the import reads text. Copy the text from the PDF and paste it, or save the terms as .txt or .docx.",
    "Ce fichier est un PDF : l'import lit du texte. Copiez le texte du PDF et collez-le, ou enregistrez les conditions en .txt ou en .docx.",
  ),
  windows1252: t(
    "The file was read as Windows-1252 text (it is not UTF-8).",
    "Le fichier a été lu comme du texte Windows-1252 (il n'est pas en UTF-8).",
  ),
  noArticles: t(
    "No payment clause was found in this text: is it terms of sale? Nothing was imported.",
    "Aucune clause de paiement n'a été trouvée dans ce texte : s'agit-il de conditions générales ? Rien n'a été importé.",
  ),
  repeated: (copies: number) =>
    t(
      `The text holds the same articles ${copies} times over: read once.`,
      `Le texte contient ${copies} fois les mêmes articles : lu une fois.`,
    ),
  furniture: (lines: number) =>
    t(
      `${lines} line(s) of page layout (page numbers, running headers and footers) set aside.`,
      `${lines} ligne(s) de mise en page (numéros de page, en-têtes et pieds de page) écartée(s).`,
    ),
  defaultTitle: "Conditions générales de vente",

  // --- payment terms
  paymentLabel: (label: Text) =>
    t(`Payment term — ${label.en.toLowerCase()}`, `Délai de paiement — ${label.fr.toLowerCase()}`),
  termValue: (described: Text, term: PaymentTerm): Text => {
    const from = term.kind === "legal-default" ? undefined : term.from;
    const column = from === undefined ? undefined : START_COLUMN[from];
    return column ? t(`${described.en} (${column.en})`, `${described.fr} (${column.fr})`) : described;
  },
  endOfMonthMethod: (sources: readonly Source[]): Question => ({
    id: "end-of-month-method",
    topic: "payment",
    text: t(
      'How does the contract compute "N days end of month"? Both methods are lawful (DGCCRF, CEPC).',
      "Comment le contrat calcule-t-il « N jours fin de mois » ? Les deux méthodes sont admises (DGCCRF, CEPC).",
    ),
    choices: [
      {
        id: "days-then-eom",
        text: t(
          "invoice date + N days, then the end of that month (the usual reading)",
          "date de facture + N jours, puis fin de ce mois (lecture usuelle)",
        ),
      },
      {
        id: "eom-then-days",
        text: t(
          'end of the invoice month, then + N days (the option "+eom-then-days")',
          "fin du mois de facture, puis + N jours (l'option « +eom-then-days »)",
        ),
      },
    ],
    chosen: "days-then-eom",
    sources,
  }),
  twoTerms: (
    id: string,
    label: Text,
    kept: PaymentTerm,
    others: readonly { term: PaymentTerm; source: Source }[],
    first: Source,
  ): Question => ({
    id: `two-terms-${id}`,
    topic: "payment",
    text: t(
      `The text gives more than one term for "${label.en}": which applies?`,
      `Le texte donne plus d'un délai pour « ${label.fr} » : lequel s'applique ?`,
    ),
    choices: [kept, ...others.map((o) => o.term)].map((term, i) => ({
      id: String(i + 1),
      text: describePaymentTerm(term),
    })),
    chosen: "1",
    sources: [first, ...others.map((o) => o.source)],
  }),
  noTermFor: (id: string, label: Text, unread: readonly Source[]) =>
    notFound(
      `payment:${id}`,
      "payment",
      t(`Payment term — ${label.en.toLowerCase()}`, `Délai de paiement — ${label.fr.toLowerCase()}`),
      t(
        "none stated: the legal default, 30 days after receipt of the goods or performance of the service (Code de commerce L441-10 I), counted from the invoice date",
        "aucun délai stipulé : le délai supplétif légal, 30 jours après la réception des marchandises ou l'exécution de la prestation (Code de commerce L441-10 I), comptés de la date de facture",
      ),
      [L441_10_I],
      unread,
    ),
  noPaymentTerm: notFound(
    "payment:invoice",
    "payment",
    t("Payment term", "Délai de paiement"),
    t(
      "none found: the legal default, 30 days after receipt of the goods or performance of the service (Code de commerce L441-10 I), counted from the invoice date",
      "aucun trouvé : le délai supplétif légal, 30 jours après la réception des marchandises ou l'exécution de la prestation (Code de commerce L441-10 I), comptés de la date de facture",
    ),
    [L441_10_I],
  ),

  // --- late payment
  rateProposal: (rate: PenaltyRate, floor: RateFloor, sources: readonly Source[]) =>
    proposal(
      "late:rate",
      "late-payment",
      t("Late-payment rate", "Taux des pénalités de retard"),
      rateText(rate, floor),
      sources,
    ),
  floorProposal: (sources: readonly Source[]) =>
    proposal(
      "late:floor",
      "late-payment",
      t("Floor of the rate", "Plancher du taux"),
      t(
        "never below 3 × the legal interest rate, for every client (the contract's own floor)",
        "jamais inférieur à 3 fois le taux d'intérêt légal, pour tout client (plancher du contrat)",
      ),
      sources,
    ),
  defaultRestated: (clause: readonly Citation[]): Interpretation => ({
    id: "penalty-rate-default",
    clause,
    text: t(
      "The clause restates the statutory default (ECB + 10 points): it is read as the default, which the 3 × legal rate floor does not limit (client-favourable).",
      "La clause reprend le taux supplétif légal (BCE + 10 points) : elle est lue comme ce taux par défaut, que le plancher de 3 fois le taux légal ne limite pas (lecture favorable au client).",
    ),
  }),
  legalMinimumRead: (clause: readonly Citation[]): Interpretation => ({
    id: "penalty-rate-legal-minimum",
    clause,
    text: t(
      '"The minimum legal rate between professionals" is read as 3 × the legal interest rate, the statutory minimum of L441-10 II.',
      "« Le taux légal minimum entre professionnels » est lu comme 3 fois le taux d'intérêt légal, le minimum de L441-10 II.",
    ),
  }),
  legalRateRead: (clause: readonly Citation[]): Interpretation => ({
    id: "penalty-rate-legal-rate",
    clause,
    text: t(
      '"The legal rate" is read as 1 × the legal interest rate; between professionals the statutory floor (3 × the legal rate, L441-10 II) applies.',
      "« Le taux légal » est lu comme 1 fois le taux d'intérêt légal ; entre professionnels, le plancher légal (3 fois le taux légal, L441-10 II) s'applique.",
    ),
  }),
  monthlyRead: (perMonth: string, annual: string, clause: readonly Citation[]): Interpretation => ({
    id: "penalty-rate-monthly",
    clause,
    text: t(
      `${perMonth} % a month is read as ${annual} % a year, accrued per day (365 days).`,
      `${frenchNumber(perMonth)} % par mois est lu comme ${frenchNumber(annual)} % l'an, couru par jour (base 365 jours).`,
    ),
  }),
  percentNoPeriodNote: (percent: string, clause: readonly Citation[]): Interpretation => ({
    id: "penalty-rate-period",
    clause,
    option: "flat",
    text: t(
      `Penalties "of ${percent} %" with no period are read as ${percent} % a year accrued per late day, floored at 3 × the legal rate between professionals (client-favourable).`,
      `Des pénalités « de ${frenchNumber(percent)} % » sans période sont lues comme ${frenchNumber(percent)} % l'an courus par jour de retard, avec le plancher de 3 fois le taux légal entre professionnels (lecture favorable au client).`,
    ),
    alternative: t(
      `Option "flat": a one-off ${percent} % of the invoice amount, never less than the statutory minimum interest over the same days.`,
      `Option « flat » : un forfait unique de ${frenchNumber(percent)} % du montant de la facture, jamais inférieur à l'intérêt minimal légal sur les mêmes jours.`,
    ),
  }),
  percentNoPeriod: (percent: string, sources: readonly Source[]): Question => ({
    id: "penalty-rate-period",
    topic: "late-payment",
    text: t(
      `The penalty is "${percent} %" with no period: a rate a year, or a one-off percentage of the invoice?`,
      `La pénalité est « de ${frenchNumber(percent)} % » sans période : un taux annuel, ou un pourcentage unique de la facture ?`,
    ),
    choices: [
      {
        id: "yearly",
        text: t(
          `${percent} % a year per late day (client-favourable)`,
          `${frenchNumber(percent)} % l'an par jour de retard (lecture favorable au client)`,
        ),
      },
      {
        id: "flat",
        text: t(
          `a one-off ${percent} % of the invoice (option "+flat")`,
          `un forfait unique de ${frenchNumber(percent)} % de la facture (option « +flat »)`,
        ),
      },
    ],
    chosen: "yearly",
    sources,
  }),
  noRate: notFound(
    "late:rate",
    "late-payment",
    t("Late-payment rate", "Taux des pénalités de retard"),
    t(
      "none found: the statutory default, the ECB rate + 10 points (Code de commerce L441-10 II)",
      "aucun trouvé : le taux supplétif légal, taux BCE majoré de 10 points (Code de commerce L441-10 II)",
    ),
    [L441_10_II],
  ),
  baseProposal: (base: string, sources: readonly Source[]) =>
    proposal(
      "late:base",
      "late-payment",
      t("Computed on", "Calculées sur"),
      base === "amount-incl-vat"
        ? t("the invoice amount including VAT", "le montant TTC de la facture")
        : base === "sum-due"
          ? t("the sum due", "la somme due")
          : t("the invoice amount", "le montant de la facture"),
      sources,
    ),
  noBase: notFound(
    "late:base",
    "late-payment",
    t("Base of the penalties", "Assiette des pénalités"),
    t("not stated: the invoice amount", "non précisée : le montant de la facture"),
  ),
  startProposal: (sources: readonly Source[]) =>
    proposal(
      "late:start",
      "late-payment",
      t("Penalties start", "Point de départ des pénalités"),
      t("the day after the due date", "le lendemain de l'échéance"),
      sources,
    ),
  startFromDueDate: (clause: readonly Citation[]): Interpretation => ({
    id: "penalty-start",
    clause,
    text: t(
      '"From the due date": interest is counted from the day after the due date, as the statute does.',
      "« À compter de la date d'échéance » : les intérêts courent à compter du lendemain de l'échéance, comme le prévoit la loi.",
    ),
  }),
  noStart: notFound(
    "late:start",
    "late-payment",
    t("Penalties start", "Point de départ des pénalités"),
    t(
      "not stated: the day after the due date (Code de commerce L441-10 II)",
      "non précisé : le lendemain de l'échéance (Code de commerce L441-10 II)",
    ),
    [L441_10_II],
  ),
  feeProposal: (amount: string, justified: boolean, sources: readonly Source[]) =>
    proposal(
      "late:fee",
      "late-payment",
      t("Recovery fee", "Indemnité forfaitaire de recouvrement"),
      justified
        ? t(
            `${amount} € per late invoice, and justified costs above it`,
            `${frenchNumber(amount)} € par facture en retard, et les frais justifiés au-delà`,
          )
        : t(`${amount} € per late invoice`, `${frenchNumber(amount)} € par facture en retard`),
      sources,
    ),
  noFee: notFound(
    "late:fee",
    "late-payment",
    t("Recovery fee", "Indemnité forfaitaire de recouvrement"),
    t(
      "not stated: 40 € per late invoice, due by law between professionals (Code de commerce L441-10 II, D441-5)",
      "non précisée : 40 € par facture en retard, dus de plein droit entre professionnels (Code de commerce L441-10 II, D441-5)",
    ),
    [L441_10_II, D441_5],
  ),
  lawFee: D441_5,
  lawPenalties: L441_10_II,
  discountClause: (percent: string, clause: readonly Citation[]): AmountClause => ({
    id: "early-payment-discount",
    kind: "percent",
    label: t("Discount for early payment (escompte)", "Escompte pour paiement anticipé"),
    percent,
    of: t("the invoice amount paid early", "du montant de la facture réglée par anticipation"),
    clause,
  }),
  discountProposal: (percent: string, sources: readonly Source[]) =>
    proposal(
      "discount",
      "discount",
      t("Discount for early payment", "Escompte pour paiement anticipé"),
      t(`${percent} %`, `${frenchNumber(percent)} %`),
      sources,
    ),
  noDiscountProposal: (sources: readonly Source[]) =>
    proposal(
      "discount",
      "discount",
      t("Discount for early payment", "Escompte pour paiement anticipé"),
      t("none", "aucun"),
      sources,
    ),

  // --- subscriptions
  noSubscription: (clause: readonly Citation[]): SubscriptionTerms => ({
    kind: "none",
    reason:
      clause.length > 0
        ? t("These terms provide no renewal.", "Ces conditions ne prévoient aucun renouvellement.")
        : t(
            "These terms provide no subscription or renewal.",
            "Ces conditions ne prévoient ni abonnement ni renouvellement.",
          ),
    clause,
  }),
  notRenewableProposal: (sources: readonly Source[]) =>
    proposal(
      "subscription:none",
      "subscription",
      t("Renewal", "Reconduction"),
      t("none: not renewable", "aucune : non reconductible"),
      sources,
    ),
  initialProposal: (months: number, sources: readonly Source[]) =>
    proposal(
      "subscription:initial",
      "subscription",
      t("Initial term", "Durée initiale"),
      monthsText(months),
      sources,
    ),
  noInitial: notFound(
    "subscription:initial",
    "subscription",
    t("Initial term", "Durée initiale"),
    t("not found: 12 months assumed — check it", "non trouvée : 12 mois retenus — à vérifier"),
  ),
  renewalProposal: (months: number, sources: readonly Source[]) =>
    proposal(
      "subscription:renewal",
      "subscription",
      t("Tacit renewal", "Tacite reconduction"),
      t(`by periods of ${monthsText(months).en}`, `par périodes de ${monthsText(months).fr}`),
      sources,
    ),
  noRenewalPeriod: (months: number) =>
    notFound(
      "subscription:renewal-period",
      "subscription",
      t("Renewal period", "Période de reconduction"),
      t(
        `not stated: the length of the initial term, ${monthsText(months).en}`,
        `non précisée : la durée initiale, ${monthsText(months).fr}`,
      ),
    ),
  noRenewal: (months: number) =>
    notFound(
      "subscription:renewal",
      "subscription",
      t("Tacit renewal", "Tacite reconduction"),
      t(
        `not found: renewal by periods of ${monthsText(months).en} assumed — check it`,
        `non trouvée : reconduction par périodes de ${monthsText(months).fr} retenue — à vérifier`,
      ),
    ),
  noticeProposal: (p: { amount: number; unit: "months" | "days" }, sources: readonly Source[]) =>
    proposal(
      "subscription:notice",
      "subscription",
      t("Notice period", "Préavis"),
      p.unit === "months"
        ? t(`${p.amount} month${p.amount === 1 ? "" : "s"}`, `${p.amount} mois`)
        : t(`${p.amount} day${p.amount === 1 ? "" : "s"}`, `${p.amount} jour${p.amount === 1 ? "" : "s"}`),
      sources,
    ),
  noticeFromProposal: (words: string, sources: readonly Source[]) =>
    proposal(
      "subscription:notice-from",
      "subscription",
      t("Notice counted back from", "Préavis compté à rebours de"),
      /tout moment/.test(words)
        ? t(
            "any time: the next monthly date the notice reaches",
            "à tout moment : l'échéance que le préavis atteint",
          )
        : t(
            "the renewal (expiry) date of the current period",
            "la date de renouvellement (échéance) de la période en cours",
          ),
      sources,
    ),
  noNotice: notFound(
    "subscription:notice",
    "subscription",
    t("Notice period", "Préavis"),
    t(
      "none stated: a notice received before the renewal date stops it (1 day)",
      "aucun stipulé : une dénonciation reçue avant la date de renouvellement l'arrête (1 jour)",
    ),
  ),
  noticeHowProposal: (sentence: string, sources: readonly Source[]) =>
    proposal(
      "subscription:notice-how",
      "subscription",
      t("How notice is given", "Forme du préavis"),
      t(sentence, sentence),
      sources,
    ),
  noticeHowNote: (sentence: string, where: Citation) =>
    t(
      `How notice is given (art. ${where.article}): « ${sentence} »`,
      `Forme du préavis (art. ${where.article}) : « ${sentence} »`,
    ),
  calendarEndProposal: (sources: readonly Source[]) =>
    proposal(
      "subscription:end",
      "subscription",
      t("End of the contract after notice", "Fin du contrat après dénonciation"),
      t("the end of the calendar month", "la fin du mois civil"),
      sources,
    ),
  earlyProposal: (until: "initial-term-end" | "current-period-end", sources: readonly Source[]) =>
    proposal(
      "subscription:early",
      "subscription",
      t("Early termination by the client", "Résiliation anticipée par le client"),
      until === "initial-term-end"
        ? t(
            "the monthly fees still due up to the end of the commitment",
            "les mensualités restant dues jusqu'au terme de l'engagement",
          )
        : t(
            "the fees still to fall due up to the end of the current period",
            "les redevances à échoir jusqu'au terme de la période en cours",
          ),
      sources,
    ),
  seriousBreachOnly: t(
    "The terms allow early termination of a commitment only for a legitimate reason (serious breach), and set no indemnity.",
    "Les conditions ne permettent de rompre un engagement que pour motif légitime (manquement grave), sans indemnité chiffrée.",
  ),
  seriousProposal: (sources: readonly Source[]) =>
    proposal(
      "subscription:early",
      "subscription",
      t("Early termination by the client", "Résiliation anticipée par le client"),
      t("only for serious breach, not priced", "seulement pour manquement grave, sans indemnité chiffrée"),
      sources,
    ),
  earlyNotPriced: t(
    "The terms set no price for early termination.",
    "Les conditions ne chiffrent pas la résiliation anticipée.",
  ),
  noEarly: notFound(
    "subscription:early",
    "subscription",
    t("Early termination by the client", "Résiliation anticipée par le client"),
    t(
      "not priced by the text: TERMINATIONFEE answers « not applicable »",
      "non chiffrée par le texte : INDEMNITERESILIATION répond « sans objet »",
    ),
  ),
  planLabel: (id: string, fee: string) =>
    (PLAN_LABELS[id] ?? ((f: string) => t(`Plan (${f} €)`, `Formule (${frenchNumber(f)} €)`)))(fee),
  planProposal: (id: string, fee: string, sources: readonly Source[]) =>
    proposal(
      `subscription:plan:${id}`,
      "subscription",
      t("Plan", "Formule"),
      (PLAN_LABELS[id] ?? ((f: string) => t(f, f)))(fee),
      sources,
    ),
  subscriptionPlanLabel: t("Subscription", "Abonnement"),
  noCommitmentEnd: t(
    "Without commitment the contract ends at the end of the calendar month of the notice: only that month is billed.",
    "Sans engagement, le contrat prend fin à la fin du mois civil de la dénonciation : seul ce mois est facturé.",
  ),
  unreadRenewal: (unread: readonly Source[]) =>
    notFound(
      "subscription:other-rules",
      "subscription",
      t("Other renewal rules", "Autres règles de renouvellement"),
      t(
        "not read: the import does not turn these sentences into rules — enter them by hand if they matter (the profile renews by its periods alone)",
        "non lues : l'import ne transforme pas ces phrases en règles — saisissez-les à la main si elles comptent (le profil se renouvelle par ses seules périodes)",
      ),
      [],
      unread,
    ),

  // --- names and clients
  namesProposal: (
    name: string,
    legalName: string,
    invoiceNames: readonly string[],
    sources: readonly Source[],
  ) =>
    proposal(
      "names",
      "names",
      t("Vendor", "Fournisseur"),
      t(
        `${name} (${legalName}); names on its invoices: ${invoiceNames.map((n) => `"${n}"`).join(", ")}`,
        `${name} (${legalName}) ; noms sur ses factures : ${invoiceNames.map((n) => `« ${n} »`).join(", ")}`,
      ),
      sources,
    ),
  clientsProposal: (clients: readonly ClientType[], sources: readonly Source[]) =>
    proposal(
      "clients",
      "clients",
      t("Clients", "Clients"),
      clients.includes("consumer")
        ? t(
            "professionals and consumers (the text gives consumers a withdrawal right)",
            "professionnels et consommateurs (le texte prévoit un droit de rétractation)",
          )
        : t("professionals", "professionnels"),
      sources,
    ),
  clauseDeadlines: t(
    "Clause deadlines (formal notices, claims, confidentiality…) and amount clauses other than a discount are not read: add them in the vendor form.",
    "Les délais de clause (mises en demeure, réclamations, confidentialité…) et les clauses de montant autres que l'escompte ne sont pas lus : ajoutez-les dans le formulaire fournisseur.",
  ),
  business: t("Imported from its terms of sale", "Importé de ses conditions générales"),
};
