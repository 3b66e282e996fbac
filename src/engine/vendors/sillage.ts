import type { VendorProfile } from "../profile";
import { cite } from "../text";

const DOC = "Sillage CGV";
const c = (article: string) => cite(DOC, article);

const after = (en: string, fr: string) => ({ en, fr });

/** HORIZON SAAS, brand Sillage.ai: consulting, training, custom SaaS (seed 001, docs/terms.md#the-five-vendors). */
export const sillage = {
  id: "sillage",
  name: "Sillage",
  legalName: "HORIZON SAAS (Sillage.ai)",
  // The names its invoices and a register's « Fournisseur » column use (seed text, docs/terms.md).
  invoiceNames: ["Sillage.ai", "HORIZON SAAS", "HORIZON SAAS – marque Sillage.ai"],
  business: {
    en: "Consulting, training, custom SaaS subscriptions",
    fr: "Conseil, formation, abonnements SaaS sur mesure",
  },
  document: {
    title: "Conditions Générales de Vente",
    short: DOC,
    seed: "001_b5b57cd92b7db28d.txt",
    version: "undated (as collected)",
  },
  profileVersion: "1.1.0",
  clients: ["pro"],
  defaultInvoiceKind: "consulting",
  invoiceKinds: [
    {
      id: "consulting",
      label: { en: "Balance of consulting", fr: "Solde de conseil" },
      term: { kind: "days", days: 15 },
      clause: [c("7.2.1")],
    },
    {
      id: "training",
      label: { en: "Balance of a training", fr: "Solde de formation" },
      term: { kind: "days", days: 15 },
      clause: [c("7.2.2")],
    },
    {
      id: "deposit",
      label: { en: "Deposit (acompte), on signature", fr: "Acompte, à la signature" },
      term: { kind: "on-invoice" },
      clause: [c("7.2")],
    },
    {
      id: "setup",
      label: {
        en: "Balance of software / SaaS set-up, before go-live",
        fr: "Solde de mise en place logiciel / SaaS, avant mise en production",
      },
      term: { kind: "on-invoice" },
      clause: [c("7.2.3")],
    },
    {
      id: "subscription",
      label: { en: "Monthly subscription", fr: "Abonnement mensuel" },
      term: { kind: "legal-default" },
      clause: [c("7.2.3")],
      note: {
        en: "No payment term is stated for the monthly subscription: legal default.",
        fr: "Aucun délai n'est stipulé pour l'abonnement mensuel : délai légal supplétif.",
      },
    },
  ],
  latePayment: {
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [c("7.4")] },
    clause: [c("7.4")],
    note: {
      en: '"Taux légal minimum applicable entre professionnels" is read as 3 × the legal interest rate; penalties run from the day after the due date without notice.',
      fr: "« Taux légal minimum applicable entre professionnels » est lu comme 3 fois le taux d'intérêt légal ; les pénalités courent dès le lendemain de l'échéance sans mise en demeure.",
    },
  },
  subscription: {
    kind: "plans",
    defaultPlan: "subscription",
    plans: [
      {
        id: "subscription",
        label: {
          en: "SaaS subscription, 12-month commitment then monthly",
          fr: "Abonnement SaaS, engagement 12 mois puis mensuel",
        },
        schedule: { anchor: "start-date", initialMonths: 12, renewalMonths: 1 },
        notice: { amount: 1, unit: "months" },
        end: "day-before-renewal",
        earlyTermination: { kind: "remaining-monthly-fees", until: "initial-term-end", clause: [c("19.2")] },
        clause: [c("19.1"), c("19.3")],
        note: {
          en: "Every started month is due in full; monthly anniversaries are counted from the start date, never chained month to month.",
          fr: "Tout mois commencé est dû en entier ; les échéances mensuelles se comptent depuis la date de début, jamais de mois en mois.",
        },
      },
    ],
  },
  deadlines: [
    {
      id: "invoice-acceptance",
      label: { en: "Invoice deemed accepted", fr: "Facture réputée acceptée" },
      from: after("the invoice date", "la date de facture"),
      period: { amount: 7, unit: "calendar-days" },
      direction: "after",
      clause: [c("4.3")],
    },
    {
      id: "training-free-cancellation",
      label: {
        en: "Last day to cancel a training free of charge",
        fr: "Dernier jour d'annulation gratuite d'une formation",
      },
      from: after("the session date", "la date de la session"),
      period: { amount: 7, unit: "jours-ouvres" },
      direction: "before",
      clause: [c("8.2")],
      note: {
        en: "Cancelling later costs 20 % of the session price HT (see amount clause training-late-cancellation). Exactly 7 jours ouvrés before is read as free (client-favourable).",
        fr: "Une annulation plus tardive coûte 20 % du prix HT de la session (clause de montant training-late-cancellation). Exactement 7 jours ouvrés avant est lu comme gratuit (lecture favorable au client).",
      },
    },
    {
      id: "provider-late-cancellation-discount",
      label: {
        en: "Provider cancellation: last day without the 20 % discount",
        fr: "Annulation par le prestataire : dernier jour sans la remise de 20 %",
      },
      from: after("the session date", "la date de la session"),
      period: { amount: 3, unit: "jours-ouvres" },
      direction: "before",
      clause: [c("8.3")],
      note: {
        en: "A provider cancellation later than this (under 3 jours ouvrés before) gives the client a 20 % discount.",
        fr: "Une annulation par le prestataire plus tardive (moins de 3 jours ouvrés avant) ouvre droit à une remise de 20 %.",
      },
    },
    {
      id: "acceptance-anomalies",
      label: { en: "Report anomalies at acceptance", fr: "Signalement des anomalies à la recette" },
      from: after("delivery", "la livraison"),
      period: { amount: 7, unit: "jours-ouvres" },
      direction: "after",
      clause: [c("9.5")],
      note: { en: "Unless the quote says otherwise.", fr: "Sauf stipulation contraire du devis." },
    },
    {
      id: "first-feedback-round",
      label: { en: "First feedback round", fr: "Premier cycle de retours" },
      from: after("delivery", "la livraison"),
      period: { amount: 14, unit: "calendar-days" },
      direction: "after",
      clause: [c("9.5")],
    },
    {
      id: "second-feedback-round",
      label: { en: "Second feedback round", fr: "Second cycle de retours" },
      from: after("delivery", "la livraison"),
      period: { amount: 31, unit: "calendar-days" },
      direction: "after",
      clause: [c("9.5")],
    },
    {
      id: "suspension-after-notice",
      label: {
        en: "Suspension of services after formal notice",
        fr: "Suspension des services après mise en demeure",
      },
      from: after("the formal notice", "la mise en demeure"),
      period: { amount: 15, unit: "calendar-days" },
      direction: "after",
      clause: [c("7.5")],
    },
    {
      id: "breach-cure",
      label: { en: "Cure of a breach", fr: "Remède à un manquement" },
      from: after("receipt of the formal notice", "la réception de la mise en demeure"),
      period: { amount: 30, unit: "calendar-days" },
      direction: "after",
      clause: [c("19.4")],
    },
    {
      id: "data-export-request",
      label: { en: "Request an export of the data", fr: "Demande d'export des données" },
      from: after("the end of the contract", "la fin du contrat"),
      period: { amount: 60, unit: "calendar-days" },
      direction: "after",
      clause: [c("9.3")],
    },
    {
      id: "confidentiality-end",
      label: { en: "End of the confidentiality obligation", fr: "Fin de l'obligation de confidentialité" },
      from: after("the end of the contract", "la fin du contrat"),
      period: { amount: 3, unit: "years" },
      direction: "after",
      clause: [c("11.5")],
    },
    {
      id: "non-solicitation-end",
      label: { en: "End of the non-solicitation obligation", fr: "Fin de l'obligation de non-sollicitation" },
      from: after("the end of the contract", "la fin du contrat"),
      period: { amount: 24, unit: "months" },
      direction: "after",
      clause: [c("18")],
    },
    {
      id: "force-majeure-termination",
      label: {
        en: "Termination after prolonged force majeure",
        fr: "Résiliation après force majeure prolongée",
      },
      from: after("the start of the force majeure event", "le début de l'événement de force majeure"),
      period: { amount: 60, unit: "calendar-days" },
      direction: "after",
      clause: [c("21")],
    },
  ],
  amounts: [
    {
      id: "training-late-cancellation",
      kind: "percent",
      label: {
        en: "Training cancelled under 7 jours ouvrés before the session",
        fr: "Formation annulée moins de 7 jours ouvrés avant la session",
      },
      percent: "20",
      of: { en: "the session price excl. VAT", fr: "du prix HT de la session" },
      clause: [c("8.2")],
    },
    {
      id: "provider-late-cancellation-discount",
      kind: "percent",
      label: {
        en: "Discount when the provider cancels under 3 jours ouvrés before",
        fr: "Remise en cas d'annulation par le prestataire moins de 3 jours ouvrés avant",
      },
      percent: "20",
      of: { en: "the session price excl. VAT", fr: "du prix HT de la session" },
      clause: [c("8.3")],
    },
    {
      id: "non-solicitation-indemnity",
      kind: "percent",
      label: {
        en: "Non-solicitation indemnity (about one year of pay)",
        fr: "Indemnité de non-sollicitation (environ un an de rémunération)",
      },
      percent: "100",
      of: { en: "the person's annual pay", fr: "de la rémunération annuelle de la personne" },
      clause: [c("18")],
    },
  ],
  interpretations: [
    {
      id: "sillage-training-exactly-7",
      clause: [c("8.2")],
      text: {
        en: 'The text frees cancellations "more than 7" jours ouvrés before and charges "less than 7": exactly 7 is read in the client\'s favour, as free.',
        fr: "Le texte rend gratuites les annulations « plus de 7 » jours ouvrés avant et payantes à « moins de 7 » : exactement 7 est lu en faveur du client, comme gratuit.",
      },
    },
    {
      id: "sillage-penalty-rate",
      clause: [c("7.4")],
      text: {
        en: '"Taux légal minimum applicable entre professionnels" is read as 3 × the legal interest rate, the statutory minimum of L441-10.',
        fr: "« Taux légal minimum applicable entre professionnels » est lu comme 3 fois le taux d'intérêt légal, le minimum de L441-10.",
      },
    },
  ],
  contradictions: [],
} as const satisfies VendorProfile;
