import type { VendorProfile } from "../profile";
import { cite } from "../text";

const DOC = "Xiahdeh CGV";
const c = (article: string) => cite(DOC, article);

/** Quentin Klymyk, brand Xiahdeh (Omnicité): websites, maintenance, support (seed 002, docs/terms.md#the-five-vendors). */
export const xiahdeh = {
  id: "xiahdeh",
  name: "Xiahdeh",
  legalName: "Quentin Klymyk, brand Xiahdeh (hosted by Omnicité SA coopérative)",
  // The names its invoices and a register's « Fournisseur » column use (seed text, docs/terms.md).
  invoiceNames: ["Xiahdeh", "Quentin KLYMYK", "Omnicité Production / Xiahdeh"],
  business: {
    en: "Website projects, maintenance, support",
    fr: "Projets de sites web, maintenance, support",
  },
  document: {
    title: "Conditions Générales de Vente",
    short: DOC,
    seed: "002_71f49a9e1aa64013.txt",
    version: "2019-12-01",
  },
  profileVersion: "1.1.0",
  clients: ["pro", "consumer"],
  defaultInvoiceKind: "balance",
  invoiceKinds: [
    {
      id: "balance",
      label: {
        en: "Balance of a website project (go-live invoice)",
        fr: "Solde d'un projet de site (facture de mise en ligne)",
      },
      term: { kind: "days", days: 30 },
      clause: [c("16.3.1")],
    },
    {
      id: "deposit",
      label: { en: "Deposit, 30 % at order", fr: "Acompte de 30 % à la commande" },
      term: { kind: "on-invoice" },
      clause: [c("5.2"), c("16.3.1")],
    },
    {
      id: "annex",
      label: {
        en: "Annex services, maintenance, support, at order",
        fr: "Prestations annexes, maintenance, support, à la commande",
      },
      term: { kind: "on-invoice" },
      clause: [c("16.3.2")],
    },
  ],
  latePayment: {
    rate: { kind: "fixed", annualPercent: "10" },
    floor: "statutory",
    base: "invoice-amount",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [c("16.4")] },
    flatAlternative: { option: "flat", percent: "10", clause: [c("16.4")] },
    clause: [c("16.4")],
  },
  subscription: {
    kind: "none",
    reason: {
      en: "Xiahdeh's terms contain no renewal: maintenance is not renewable by default (art. 13.3).",
      fr: "Les conditions de Xiahdeh ne prévoient aucun renouvellement : la maintenance n'est pas reconductible par défaut (art. 13.3).",
    },
    clause: [c("13.3")],
  },
  deadlines: [
    {
      id: "quote-validity",
      label: { en: "End of the quote's validity", fr: "Fin de validité du devis" },
      from: { en: "the quote's issue date", fr: "la date d'émission du devis" },
      period: { amount: 1, unit: "months" },
      direction: "after",
      clause: [c("5.2")],
    },
    {
      id: "content-delivery",
      label: { en: "Client's content due", fr: "Remise des contenus par le client" },
      from: { en: "acceptance of the quote", fr: "l'acceptation du devis" },
      period: { amount: 3, unit: "months" },
      direction: "after",
      clause: [c("6.3")],
      note: {
        en: "Content supplied later raises the final invoice by 5 % per completed 3-month tranche from the acceptance (amount clause content-late-surcharge).",
        fr: "Des contenus remis plus tard majorent la facture finale de 5 % par tranche complète de 3 mois depuis l'acceptation (clause de montant content-late-surcharge).",
      },
    },
    {
      id: "minor-changes-window",
      label: {
        en: "End of the free minor changes window",
        fr: "Fin de la période de modifications mineures",
      },
      from: { en: "go-live", fr: "la mise en ligne" },
      period: { amount: 30, unit: "calendar-days" },
      direction: "after",
      clause: [c("8.7")],
    },
    {
      id: "warranty",
      label: { en: "End of the warranty", fr: "Fin de la garantie" },
      from: { en: "go-live", fr: "la mise en ligne" },
      period: { amount: 30, unit: "calendar-days" },
      direction: "after",
      clause: [c("12.2")],
    },
    {
      id: "invoice-contest",
      label: { en: "Contest an invoice", fr: "Contestation d'une facture" },
      from: { en: "receipt of the invoice", fr: "la réception de la facture" },
      period: { amount: 5, unit: "calendar-days" },
      direction: "after",
      clause: [c("16.2")],
    },
    {
      id: "basic-training",
      label: { en: "Basic training", fr: "Formation de base" },
      from: { en: "delivery", fr: "la livraison" },
      period: { amount: 1, unit: "months" },
      direction: "after",
      clause: [c("15.1")],
    },
    {
      id: "consumer-withdrawal",
      label: { en: "Consumer withdrawal period", fr: "Délai de rétractation du consommateur" },
      from: { en: "acceptance of the quote", fr: "l'acceptation du devis" },
      period: { amount: 14, unit: "jours-ouvrables" },
      direction: "after",
      extendToNextWorkingDay: true,
      clause: [c("9.2")],
    },
  ],
  amounts: [
    {
      id: "cancellation-before-start",
      kind: "percent",
      label: { en: "Cancellation before work starts", fr: "Annulation avant le début des travaux" },
      percent: "30",
      of: { en: "the total of the order", fr: "du total de la commande" },
      clause: [c("10.2")],
    },
    {
      id: "reference-opt-out",
      kind: "percent",
      label: { en: "Opting out of being cited as a reference", fr: "Refus d'être cité en référence" },
      percent: "10",
      of: { en: "the order", fr: "de la commande" },
      clause: [c("4.1")],
    },
    {
      id: "content-late-surcharge",
      kind: "percent-per-completed-period",
      label: { en: "Content supplied late", fr: "Contenus remis en retard" },
      percent: "5",
      periodMonths: 3,
      of: { en: "the final invoice", fr: "de la facture finale" },
      clause: [c("6.3")],
      note: {
        en: "fromDate = acceptance of the quote, toDate = the day the content is supplied; the clause's own examples: 6 months → +10 %, 4 months → +5 %.",
        fr: "fromDate = acceptation du devis, toDate = date de remise des contenus ; exemples de la clause : 6 mois → +10 %, 4 mois → +5 %.",
      },
    },
  ],
  interpretations: [
    {
      id: "xiahdeh-penalty-rate",
      clause: [c("16.4")],
      option: "flat",
      text: {
        en: '"Penalties equal to 10 % of the invoice amount" with a start day and an end day is read as 10 % a year accrued per late day, floored per half-year at 3 × the legal rate for professional clients (client-favourable, and the reading the start and end days imply).',
        fr: "« Pénalités égales à 10 % du montant de la facture » assorties d'un jour de départ et d'un jour de fin sont lues comme 10 % par an courus par jour de retard, avec le plancher de 3 fois le taux légal par semestre pour les clients professionnels (lecture favorable au client, et celle qu'impliquent les jours de départ et de fin).",
      },
      alternative: {
        en: 'Option "flat" (vendor "xiahdeh+flat"): a one-off 10 % of the invoice amount, never less than the statutory minimum interest over the same days.',
        fr: "Option « flat » (fournisseur « xiahdeh+flat ») : un forfait unique de 10 % du montant de la facture, jamais inférieur à l'intérêt minimal légal sur les mêmes jours.",
      },
    },
  ],
  contradictions: [],
} as const satisfies VendorProfile;
