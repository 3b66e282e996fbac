import {
  frenchNumber,
  type AmountClause,
  type Citation,
  type Interpretation,
  type PenaltyRate,
  type RateFloor,
  type Text,
} from "../engine";
import { D441_5, L441_10_II, notFound, proposal, t } from "./messages";
import type { Question, Source } from "./report";

/** What the import says about late payment and discounts, in French and English. */

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

export const LATE_MESSAGES = {
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
};
