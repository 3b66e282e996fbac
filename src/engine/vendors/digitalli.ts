import type { VendorProfile } from "../profile";
import { cite } from "../text";

const DOC = "Digitalli CGV";
const c = (article: string) => cite(DOC, article);

/** DIGITALLI SAS: goods, rentals, services, software licences (seed 004, docs/terms.md#the-five-vendors). */
export const digitalli = {
  id: "digitalli",
  name: "Digitalli",
  legalName: "DIGITALLI SAS",
  // The names its invoices and a register's « Fournisseur » column use (seed text, docs/terms.md).
  invoiceNames: ["DIGITALLI", "DIGITALLI SAS"],
  business: {
    en: "Goods, rentals, services, software licences",
    fr: "Marchandises, locations, prestations, licences logicielles",
  },
  document: {
    title: "Conditions générales de vente",
    short: DOC,
    seed: "004_42db4045a621ad17.txt",
    version: "undated (as collected)",
  },
  profileVersion: "1.1.0",
  clients: ["pro"],
  defaultInvoiceKind: "balance",
  invoiceKinds: [
    {
      id: "balance",
      label: { en: "Balance (70 %)", fr: "Solde (70 %)" },
      term: { kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 },
      clause: [c("8.1(b)"), c("8.2")],
    },
    {
      id: "deposit",
      label: {
        en: "Deposit (30 %), on receipt of the deposit invoice",
        fr: "Acompte (30 %), à réception de la facture d'acompte",
      },
      term: { kind: "on-invoice" },
      clause: [c("8.1(a)")],
    },
    {
      id: "first-order",
      label: { en: "First order of a new client", fr: "Première commande d'un nouveau client" },
      term: { kind: "days", days: 8 },
      clause: [c("8.1")],
      note: {
        en: "8 days after receipt of the order confirmation: pass that date as the invoice date.",
        fr: "8 jours après réception de la confirmation de commande : indiquez cette date comme date de facture.",
      },
    },
    {
      id: "export",
      label: {
        en: "Export order, at order confirmation",
        fr: "Commande export, à la confirmation de commande",
      },
      term: { kind: "on-invoice" },
      clause: [c("8.1")],
    },
  ],
  latePayment: {
    rate: { kind: "ecb-plus", points: "10" },
    floor: "contractual",
    base: "amount-incl-vat",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [c("9")] },
    clause: [c("9")],
    note: {
      en: "Computed on the invoice amount including VAT (TTC), from the day after the payment date on the invoice.",
      fr: "Calculées sur le montant TTC de la facture, à compter du lendemain de la date de paiement figurant sur la facture.",
    },
  },
  subscription: {
    kind: "none",
    reason: {
      en: "Digitalli's terms contain no subscription or renewal: licences expire at the end stated in the order confirmation (art. 12).",
      fr: "Les conditions de Digitalli ne prévoient ni abonnement ni renouvellement : les licences expirent au terme indiqué dans la confirmation de commande (art. 12).",
    },
    clause: [c("12")],
  },
  deadlines: [
    {
      id: "delivery-claim",
      label: { en: "Claim about a delivery", fr: "Réclamation sur une livraison" },
      from: { en: "signing the delivery note", fr: "la signature du bon de livraison" },
      period: { amount: 48, unit: "hours" },
      direction: "after",
      clause: [c("5")],
    },
    {
      id: "late-delivery-request",
      label: {
        en: "Written request after a late delivery",
        fr: "Demande écrite après un retard de livraison",
      },
      from: { en: "the announced delivery date", fr: "la date de livraison annoncée" },
      period: { amount: 3, unit: "weeks" },
      direction: "after",
      clause: [c("4"), c("6")],
      note: {
        en: "From this date the client may send a written request; the cancellation right opens 6 weeks after that request (event cancellation-right).",
        fr: "À partir de cette date, le client peut adresser une demande écrite ; le droit d'annulation s'ouvre 6 semaines après cette demande (événement cancellation-right).",
      },
    },
    {
      id: "cancellation-right",
      label: {
        en: "Cancellation right after an unanswered late-delivery request",
        fr: "Droit d'annulation après une demande restée sans effet",
      },
      from: { en: "the written request", fr: "la demande écrite" },
      period: { amount: 6, unit: "weeks" },
      direction: "after",
      clause: [c("4"), c("6")],
    },
    {
      id: "contract-formed",
      label: { en: "Contract formed", fr: "Formation du contrat" },
      from: { en: "acceptance of the order", fr: "l'acceptation de la commande" },
      period: { amount: 10, unit: "calendar-days" },
      direction: "after",
      clause: [c("2")],
    },
    {
      id: "payment-terms-derogation",
      label: {
        en: "Request for derogating payment terms",
        fr: "Demande de conditions de paiement dérogatoires",
      },
      from: { en: "the order confirmation", fr: "la confirmation de commande" },
      period: { amount: 10, unit: "calendar-days" },
      direction: "after",
      clause: [c("1"), c("8.2")],
    },
    {
      id: "deposit-invoice",
      label: { en: "Deposit invoice", fr: "Facture d'acompte" },
      from: { en: "the order confirmation", fr: "la confirmation de commande" },
      period: { amount: 8, unit: "calendar-days" },
      direction: "after",
      clause: [c("7")],
    },
    {
      id: "non-solicitation-end",
      label: { en: "End of the non-solicitation obligation", fr: "Fin de l'obligation de non-sollicitation" },
      from: { en: "the delivery or the end of the services", fr: "la livraison ou la fin des prestations" },
      period: { amount: 1, unit: "years" },
      direction: "after",
      clause: [c("15")],
    },
  ],
  amounts: [
    {
      id: "non-solicitation-indemnity",
      kind: "percent",
      label: { en: "Non-solicitation indemnity", fr: "Indemnité de non-sollicitation" },
      percent: "25",
      of: { en: "the person's annual base salary", fr: "du salaire annuel de base de la personne" },
      clause: [c("15")],
    },
  ],
  interpretations: [
    {
      id: "digitalli-floor",
      clause: [c("9")],
      text: {
        en: "The contract sets ECB + 10 points and itself imposes a floor of 3 × the legal rate: the floor applies (it bound in 2024).",
        fr: "Le contrat fixe BCE + 10 points et impose lui-même un plancher de 3 fois le taux légal : le plancher s'applique (il a joué en 2024).",
      },
    },
  ],
  contradictions: [],
} as const satisfies VendorProfile;
