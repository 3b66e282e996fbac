import type { VendorProfile } from "../profile";
import { cite } from "../text";

const DOC = "OMI CGA";
const c = (article: string) => cite(DOC, article);

/** OMI SAS, Plateforme OMI: SaaS subscription in yearly terms (seed 000, docs/terms.md#the-five-vendors). */
export const omi = {
  id: "omi",
  name: "OMI",
  legalName: "OMI SAS (Plateforme OMI)",
  // The names its invoices and a register's « Fournisseur » column use (seed text, docs/terms.md).
  invoiceNames: ["Plateforme OMI", "OMI SAS"],
  business: { en: "SaaS subscription, yearly terms", fr: "Abonnement SaaS, périodes annuelles" },
  document: {
    title: "Conditions Générales d'Abonnement et d'Utilisation de la Plateforme",
    short: DOC,
    seed: "000_c8a5dff9dfa2a55d.txt",
    version: "undated (as collected)",
  },
  profileVersion: "1.1.0",
  clients: ["pro"],
  defaultInvoiceKind: "invoice",
  invoiceKinds: [
    {
      id: "invoice",
      label: { en: "Invoice", fr: "Facture" },
      term: { kind: "days", days: 30 },
      clause: [c("6.3")],
    },
    {
      id: "subscription",
      label: {
        en: "Subscription invoice (monthly in advance or yearly upfront)",
        fr: "Facture d'abonnement (mensuelle à échoir ou annuelle d'avance)",
      },
      term: { kind: "days", days: 30 },
      clause: [c("6.3")],
    },
  ],
  latePayment: {
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [c("6.3")] },
    clause: [c("6.3")],
  },
  subscription: {
    kind: "plans",
    defaultPlan: "standard",
    plans: [
      {
        id: "standard",
        label: { en: "Yearly subscription", fr: "Abonnement annuel" },
        schedule: { anchor: "start-date", initialMonths: 12, renewalMonths: 12 },
        notice: { amount: 2, unit: "months" },
        end: "day-before-renewal",
        earlyTermination: { kind: "remaining-monthly-fees", until: "current-period-end", clause: [c("8.3")] },
        clause: [c("7.1"), c("7.4")],
        note: {
          en: "Termination for the client's fault: the fees still to fall due up to the end of the current period are payable within 15 days; with monthly billing in advance these are the months after the current, already billed month; with yearly upfront payment nothing more is due.",
          fr: "Résiliation pour faute du client : les redevances à échoir jusqu'au terme de la période en cours sont exigibles sous 15 jours ; en facturation mensuelle à échoir, ce sont les mois suivant le mois en cours déjà facturé ; en paiement annuel d'avance, rien de plus n'est dû.",
        },
      },
    ],
    additionRule: { windowMonths: 3, renewalMonths: 12, clause: [c("6.2"), c("7.2")] },
  },
  deadlines: [
    {
      id: "payment-default-termination",
      label: { en: "Termination for non-payment", fr: "Résiliation pour défaut de paiement" },
      from: { en: "receipt of the formal notice", fr: "la réception de la mise en demeure" },
      period: { amount: 10, unit: "calendar-days" },
      direction: "after",
      clause: [c("8.2")],
    },
    {
      id: "breach-cure",
      label: { en: "Cure of a breach", fr: "Remède à un manquement" },
      from: { en: "the formal notice", fr: "la mise en demeure" },
      period: { amount: 30, unit: "calendar-days" },
      direction: "after",
      clause: [c("8.1")],
    },
    {
      id: "early-termination-payment",
      label: { en: "Payment of the fees still to fall due", fr: "Paiement des redevances à échoir" },
      from: { en: "the effective termination", fr: "la résiliation effective" },
      period: { amount: 15, unit: "calendar-days" },
      direction: "after",
      clause: [c("8.3")],
    },
    {
      id: "terms-change-objection",
      label: { en: "Objection to amended terms", fr: "Opposition aux CGA modifiées" },
      from: { en: "notification of the amended terms", fr: "la notification des CGA modifiées" },
      period: { amount: 30, unit: "calendar-days" },
      direction: "after",
      clause: [c("3.2")],
    },
    {
      id: "product-return-request",
      label: { en: "Request to return a product", fr: "Demande de retour d'un produit" },
      from: { en: "validation of the 3D model", fr: "la validation du modèle 3D" },
      period: { amount: 2, unit: "months" },
      direction: "after",
      clause: [c("9.4")],
      note: {
        en: "Art. 9.4 says 2 months in one place and 3 months in another: the shorter period is used; the contradiction is flagged in the profile.",
        fr: "L'art. 9.4 indique 2 mois à un endroit et 3 mois à un autre : le délai le plus court est retenu ; la contradiction est signalée dans le profil.",
      },
    },
    {
      id: "product-change-before-renewal",
      label: {
        en: "Last day to change the number of products before a renewal",
        fr: "Dernier jour pour modifier le nombre de produits avant un renouvellement",
      },
      from: { en: "the renewal date", fr: "la date de renouvellement" },
      period: { amount: 1, unit: "months" },
      direction: "before",
      clause: [c("6.2")],
    },
    {
      id: "price-change-notice",
      label: {
        en: "Last day to notify a price change effective at a renewal",
        fr: "Dernier jour pour notifier un changement de prix applicable au renouvellement",
      },
      from: {
        en: "the renewal date at which the new price applies",
        fr: "la date de renouvellement à laquelle le nouveau prix s'applique",
      },
      period: { amount: 3, unit: "months" },
      direction: "before",
      clause: [c("6.4")],
    },
    {
      id: "confidentiality-end",
      label: { en: "End of the confidentiality obligation", fr: "Fin de l'obligation de confidentialité" },
      from: { en: "the end of the contract", fr: "la fin du contrat" },
      period: { amount: 3, unit: "years" },
      direction: "after",
      clause: [c("13.4")],
    },
    {
      id: "force-majeure-termination",
      label: {
        en: "Termination after prolonged force majeure",
        fr: "Résiliation après force majeure prolongée",
      },
      from: { en: "the start of the force majeure event", fr: "le début de l'événement de force majeure" },
      period: { amount: 3, unit: "months" },
      direction: "after",
      clause: [c("19.2")],
      note: {
        en: "Either party may terminate after 3 consecutive months of force majeure.",
        fr: "Chaque partie peut résilier après 3 mois consécutifs de force majeure.",
      },
    },
  ],
  amounts: [],
  interpretations: [
    {
      id: "omi-addition-window",
      clause: [c("6.2"), c("7.2")],
      text: {
        en: "The 3 months before the renewal date are read date to date and inclusive: an addition exactly 3 months before the renewal re-anchors the contract.",
        fr: "Les 3 mois précédant la date de renouvellement se comptent de date à date, bornes incluses : un ajout exactement 3 mois avant le renouvellement reporte le contrat.",
      },
    },
  ],
  contradictions: [
    {
      id: "omi-return-period",
      clause: [c("9.4")],
      text: {
        en: "Art. 9.4 gives 2 months after validation of the 3D model to request a return, and elsewhere 3 months.",
        fr: "L'art. 9.4 donne 2 mois après validation du modèle 3D pour demander un retour, et ailleurs 3 mois.",
      },
    },
  ],
} as const satisfies VendorProfile;
