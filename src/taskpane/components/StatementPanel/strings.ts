import type { Language } from "../../../engine";

/** « Rapports > Relevé par client »: the statement's form and what it wrote. */
export const STATEMENT_STRINGS = {
  fr: {
    intro:
      "Décompte des pénalités de retard par client à une date d'arrêté : chaque facture en retard, ses paiements, ses périodes d'intérêts avec leur taux, l'indemnité de 40 € et son total (égal à CGV.LATEFEE), puis le total du client et les textes appliqués.",
    asOf: "Date d'arrêté",
    client: "Client",
    allClients: "Tous les clients",
    layout: "Feuilles",
    perClient: "une feuille par client",
    oneSheet: "une seule feuille pour tous",
    build: "Créer le relevé",
    clientsFound: (clients: number, claimed: string) =>
      `${clients} client(s) avec des factures en retard, ${claimed} réclamés au total.`,
    nothingLate: "Aucune facture en retard à cette date : pas de relevé.",
    written: (names: string) => `Feuille(s) créée(s) : ${names}. Le registre n'a pas été modifié.`,
    leftOut: (n: number) => `${n} facture(s) ou ligne(s) laissée(s) de côté :`,
    notInvoices: "Le relevé se construit sur un registre de factures.",
  },
  en: {
    intro:
      "Late-payment statement per client as of a date: each late invoice, its payments, its interest periods with their rates, the 40 € fee and its total (equal to CGV.LATEFEE), then the client's total and the texts applied.",
    asOf: "Statement date",
    client: "Client",
    allClients: "All clients",
    layout: "Sheets",
    perClient: "one sheet per client",
    oneSheet: "one sheet for all",
    build: "Create the statement",
    clientsFound: (clients: number, claimed: string) =>
      `${clients} client(s) with late invoices, ${claimed} claimed in all.`,
    nothingLate: "No invoice is late on that date: no statement.",
    written: (names: string) => `Sheet(s) created: ${names}. The register was not changed.`,
    leftOut: (n: number) => `${n} invoice(s) or row(s) left out:`,
    notInvoices: "The statement is built from an invoice register.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
