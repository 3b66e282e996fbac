import { frenchNumber, type Citation, type SubscriptionTerms, type Text } from "../engine";
import { monthsText, notFound, proposal, t } from "./messages";
import type { Source } from "./report";

/** What the import says about subscriptions, in French and English. */

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

export const SUBSCRIPTION_MESSAGES = {
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
};
