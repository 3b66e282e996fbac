import type { VendorProfile } from "../profile";
import { cite, LAW } from "../text";

const terms = cite(LAW.commerce, "L441-10 I");
const penalties = cite(LAW.commerce, "L441-10 II");
const fee = cite(LAW.commerce, "D441-5");

/**
 * The law as a vendor (docs/vendors/loi.md): for a supplier whose terms say nothing about payment, or
 * whose terms are not entered yet. Code de commerce L441-10 I: 30 days after receipt of the goods or
 * performance of the service (the invoice date stands in for it); L441-10 II: the ECB rate + 10
 * points, the statutory default, which the 3 × legal rate floor does not limit; D441-5: 40 €.
 */
export const loi = {
  id: "loi",
  name: "Conditions légales",
  legalName: "Conditions légales (Code de commerce L441-10, D441-5)",
  business: {
    en: "A supplier whose terms say nothing about payment, or are not entered yet: the statutory defaults",
    fr: "Fournisseur dont les conditions ne disent rien du paiement, ou pas encore saisies : les règles supplétives de la loi",
  },
  document: {
    title: "Code de commerce, articles L441-10 et D441-5",
    short: LAW.commerce,
    seed: "",
    version: "in force on 1 January 2026",
  },
  profileVersion: "1.0.0",
  clients: ["pro"],
  defaultInvoiceKind: "invoice",
  invoiceKinds: [
    {
      id: "invoice",
      label: { en: "Invoice", fr: "Facture" },
      term: { kind: "legal-default" },
      clause: [terms],
      note: {
        en: "30 days after receipt of the goods or performance of the service; the invoice date stands in for that date.",
        fr: "30 jours après la réception des marchandises ou l'exécution de la prestation ; la date de facture en tient lieu.",
      },
    },
  ],
  latePayment: {
    rate: { kind: "ecb-plus", points: "10" },
    floor: "none",
    base: "sum-due",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [penalties, fee] },
    clause: [penalties],
    note: {
      en: "The statutory default rate (the ECB rate + 10 points) is not limited by the 3 × legal rate floor, which applies to a rate a contract sets.",
      fr: "Le taux supplétif légal (taux BCE majoré de 10 points) n'est pas limité par le plancher de 3 fois le taux légal, qui vise un taux fixé par le contrat.",
    },
  },
  subscription: {
    kind: "none",
    reason: {
      en: "The law sets no renewal date or notice period for a subscription: they come from the contract.",
      fr: "La loi ne fixe ni date de renouvellement ni préavis pour un abonnement : ils viennent du contrat.",
    },
    clause: [],
  },
  deadlines: [],
  amounts: [],
  interpretations: [
    {
      id: "loi-invoice-date",
      clause: [terms],
      text: {
        en: "L441-10 I counts the 30 days from receipt of the goods or performance of the service; the invoice date stands in for that date.",
        fr: "L441-10 I compte les 30 jours de la réception des marchandises ou de l'exécution de la prestation ; la date de facture en tient lieu.",
      },
    },
  ],
  contradictions: [],
} as const satisfies VendorProfile;
