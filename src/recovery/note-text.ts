import type { Text } from "../engine";

/** The penalty note's text, French and English (docs/recovery.md#the-penalty-note). */
export const NOTE_TEXT = {
  title: (number: string): Text => ({ fr: `NOTE DE DÉBIT N° ${number}`, en: `DEBIT NOTE No. ${number}` }),
  subject: (references: string): Text => ({
    fr: `Objet : pénalités de retard et indemnités forfaitaires pour frais de recouvrement — factures ${references}`,
    en: `Subject: late-payment interest and fixed recovery fees — invoices ${references}`,
  }),
  intro: (asOf: string, clause: string): Text => ({
    fr: `Pénalités de retard et indemnités forfaitaires pour frais de recouvrement dues au titre des factures ci-dessous, réglées après leur échéance ou restées impayées, arrêtées au ${asOf} (Code de commerce, art. L441-10 II et D441-5 ; ${clause} de nos conditions générales) :`,
    en: `Late-payment interest and fixed recovery fees due on the invoices below, paid after their due date or still unpaid, as of ${asOf} (Code de commerce, art. L441-10 II and D441-5; ${clause} of our terms and conditions):`,
  }),
  complement: (notes: readonly string[]): Text => ({
    fr: `Complément : les montants déjà facturés par ${notes.join(", ")} sont déduits ; seuls les intérêts courus depuis et les indemnités non encore réclamées figurent ici.`,
    en: `Complement: the amounts already claimed by ${notes.join(", ")} are deducted; only the interest accrued since and fees not yet claimed are listed.`,
  }),
  totalDue: (total: string): Text => ({ fr: `Total à payer : ${total}`, en: `Total due: ${total}` }),
  vat: { fr: "Hors champ d'application de la TVA", en: "Outside the scope of VAT" },
  vatWhy: {
    fr: "Les intérêts de retard et l'indemnité forfaitaire pour frais de recouvrement réparent un préjudice ; ils ne sont pas la contrepartie d'une prestation et ne sont pas soumis à la TVA (BOI-TVA-BASE-10-10-10 ; note DGCCRF du 29/11/2012 pour l'indemnité de 40 €).",
    en: "Late-payment interest and the fixed recovery fee compensate a loss; they are not the price of a supply and bear no VAT (BOI-TVA-BASE-10-10-10; DGCCRF note of 29/11/2012 for the 40 € fee).",
  },
  pay: (iban: string): Text => ({
    fr: `À régler par virement : ${iban}.`,
    en: `To be paid by transfer: ${iban}.`,
  }),
  detail: { fr: "Détail des pénalités par période :", en: "Interest by period:" },
  accounting: {
    fr: "Pour la comptabilité : débit 411 (client), crédit 7631 (revenus des créances commerciales) ; produit imposable à l'encaissement (CGI, art. 237 sexies).",
    en: "For the books: debit 411 (client), credit 7631 (revenus des créances commerciales); taxable when collected (CGI, art. 237 sexies).",
  },
  nothingNew: (client: string): Text => ({
    fr: `${client} : rien de plus à facturer — les pénalités de ses factures ont déjà fait l'objet d'une note de débit.`,
    en: `${client}: nothing more to claim — the penalties of its invoices were already claimed in a penalty note.`,
  }),
} as const;
