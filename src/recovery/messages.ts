import { formatDate, formatMoney, LEVEL_NAMES, type Day, type EngineError, type Text } from "../engine";
import type { RecoveryInvoice, ReminderLevel } from "./types";

/**
 * The recovery core's sentences about what it did not do and why (exclusions, guardrails), each in
 * French and English and naming the invoice, its register row and what the user can do.
 */

const where = (i: RecoveryInvoice): Text => ({
  fr: `Facture ${i.reference} (ligne ${i.row}, ${i.client})`,
  en: `Invoice ${i.reference} (row ${i.row}, ${i.client})`,
});

export { LEVEL_NAMES } from "../engine";

export const EXCLUSION_TEXT = {
  disputed: (i: RecoveryInvoice): Text => ({
    fr: `${where(i).fr} : marquée en litige ou contestée — laissée de côté (ni relance, ni note de débit) tant que le litige n'est pas réglé.`,
    en: `${where(i).en}: marked disputed — left out (no letter, no penalty note) until the dispute is settled.`,
  }),
  creditNote: (i: RecoveryInvoice): Text => ({
    fr: `${where(i).fr} : avoir de ${formatMoney(i.amount.abs(), "fr")} — ne porte pas de pénalités ; imputez-le sur les factures qu'il rembourse (montant payé).`,
    en: `${where(i).en}: credit note of ${formatMoney(i.amount.abs(), "en")} — bears no penalties; apply it to the invoices it refunds (amount paid).`,
  }),
  collective: (i: RecoveryInvoice): Text => ({
    fr: `${where(i).fr} : client en procédure collective — pas de lettre : la créance se déclare au mandataire judiciaire dans les deux mois de la publication au BODACC (Code de commerce L622-24, R622-24) ; les intérêts s'arrêtent au jugement d'ouverture (L622-28) et l'indemnité de 40 € ne peut être réclamée.`,
    en: `${where(i).en}: client in collective proceedings — no letter: the claim is declared to the mandataire within two months of the BODACC publication (Code de commerce L622-24, R622-24); interest stops at the opening judgment (L622-28) and the 40 € fee cannot be claimed.`,
  }),
  invalid: (i: RecoveryInvoice, reason: Text): Text => ({
    fr: `${where(i).fr} : ${reason.fr}`,
    en: `${where(i).en}: ${reason.en}`,
  }),
} as const;

export const GUARDRAIL_TEXT = {
  nothingLate: (client: string): Text => ({
    fr: `${client} : rien d'échu et impayé à la date d'arrêté — pas de lettre.`,
    en: `${client}: nothing past due and unpaid on the statement date — no letter.`,
  }),
  penaltiesOnly: (client: string): Text => ({
    fr: `${client} : factures payées, mais en retard — pas de lettre de relance ; les pénalités se réclament par une note de débit.`,
    en: `${client}: invoices paid, but late — no reminder; the penalties are claimed with a penalty note.`,
  }),
  paidLateLeftToNote: (client: string, references: readonly string[]): Text => ({
    fr: `${client} : ${references.join(", ")} payée${references.length > 1 ? "s" : ""} en retard — hors de la lettre, qui ne reprend que les factures impayées ; ${references.length > 1 ? "leurs" : "ses"} pénalités se réclament par une note de débit.`,
    en: `${client}: ${references.join(", ")} paid late — not in the letter, which lists the unpaid invoices only; the penalties are claimed with a penalty note.`,
  }),
  missingRate: (client: string, e: EngineError): Text => ({
    fr: `${client} : ${e.text.fr} — pas de lettre ni de note pour ce client tant que le taux manque (les pénalités seraient fausses).`,
    en: `${client}: ${e.text.en} — no letter or note for this client until the rate is added (the penalties would be wrong).`,
  }),
  missingAddress: (client: string): Text => ({
    fr: `${client} : pas d'adresse dans le registre — la lettre porte « adresse à compléter » ; ajoutez une colonne « Adresse » au registre ou complétez la lettre.`,
    en: `${client}: no address in the register — the letter says "address to be completed"; add an « Adresse » column to the register or complete the letter.`,
  }),
  skipsLevel: (
    client: string,
    reference: string,
    chosen: ReminderLevel,
    last: ReminderLevel | undefined,
  ): Text => {
    const none = chosen === "relance" ? "sans rappel enregistré" : "sans rappel ni relance enregistrés";
    return {
      fr: `${client}, facture ${reference} : ${LEVEL_NAMES[chosen].fr.toLowerCase()} ${last ? `après un ${LEVEL_NAMES[last].fr.toLowerCase()}` : none} — niveau pris hors de l'ordre habituel (permis : les pénalités sont dues sans relance).`,
      en: `${client}, invoice ${reference}: ${LEVEL_NAMES[chosen].en.toLowerCase()} ${last ? `after a ${LEVEL_NAMES[last].en.toLowerCase()}` : "with no reminder recorded"} — out of the usual order (allowed: penalties are due without a reminder).`,
    };
  },
  goesBack: (
    client: string,
    reference: string,
    chosen: ReminderLevel,
    last: ReminderLevel,
    on: Day,
  ): Text => ({
    fr: `${client}, facture ${reference} : ${LEVEL_NAMES[chosen].fr.toLowerCase()} alors qu'un${last === "mise-en-demeure" ? "e" : ""} ${LEVEL_NAMES[last].fr.toLowerCase()} a déjà été envoyé${last === "mise-en-demeure" ? "e" : ""} le ${formatDate(on, "fr")}.`,
    en: `${client}, invoice ${reference}: ${LEVEL_NAMES[chosen].en.toLowerCase()} although a ${LEVEL_NAMES[last].en.toLowerCase()} was sent on ${formatDate(on, "en")}.`,
  }),
  noCompany: {
    fr: "« Mon entreprise » n'est pas renseigné (raison sociale, adresse, SIREN, IBAN) : les lettres et les notes de débit en ont besoin — complétez-le dans Paramètres > Mon entreprise.",
    en: "« Mon entreprise » is not filled in (name, address, SIREN, IBAN): letters and penalty notes need it — complete it under Settings > My company.",
  },
} as const;

/** What the register adapter says about a register's columns and rows (src/recovery/register.ts). */
export const REGISTER_TEXT = {
  notInvoices: {
    fr: "ce registre n'est pas un registre de factures (pas de colonne de montant, de date de facture ou d'échéance reconnue) : le relevé et les lettres portent sur des factures.",
    en: "this is not an invoice register (no amount, invoice date or due date column recognised): statements and letters are about invoices.",
  },
  noClient: {
    fr: "pas de colonne « Client » : le relevé et les lettres se font client par client. Ajoutez au registre une colonne intitulée « Client » (ou « Raison sociale », « Nom du client », « Customer »), ou renommez ainsi la colonne qui nomme vos clients ; dans le volet, associez-la au champ « Client » de la correspondance des colonnes.",
    en: 'no « Client » column: statements and letters are made client by client. Add a column headed « Client » (or « Raison sociale », "Customer", "Client name") to the register, or rename the column that names your clients so; in the pane, map it to the "Client" field.',
  },
  noReference: {
    fr: "pas de colonne « N° facture » : chaque facture réclamée doit être citée par son numéro. Ajoutez une colonne « N° facture » (ou « Référence », « Invoice number »), ou associez-la au champ « Référence » dans le volet.",
    en: 'no « N° facture » column: every invoice claimed must be cited by its number. Add a column « N° facture » (or "Reference", "Invoice number"), or map it to the "Reference" field in the pane.',
  },
  noClientOnRow: (row: number): Text => ({
    fr: `Ligne ${row} : pas de client — la facture ne peut être rattachée à aucun client ; complétez la colonne « Client ».`,
    en: `Row ${row}: no client — the invoice cannot be put on any client's statement; fill in the « Client » column.`,
  }),
  noReferenceOnRow: (row: number): Text => ({
    fr: `Ligne ${row} : pas de n° de facture — la facture est citée « ligne ${row} » ; complétez la colonne « N° facture ».`,
    en: `Row ${row}: no invoice number — the invoice is cited as "row ${row}"; fill in the « N° facture » column.`,
  }),
  referenceOfRow: (row: number): Text => ({ fr: `ligne ${row}`, en: `row ${row}` }),
  lastReminder: (row: number, problem: Text): Text => ({
    fr: `Ligne ${row}, « Dernière relance » : ${problem.fr} La facture est traitée comme sans lettre enregistrée.`,
    en: `Row ${row}, « Dernière relance »: ${problem.en} The invoice is taken as having no letter recorded.`,
  }),
  otherVendor: (row: number, reference: string, vendor: string, run: string): Text => ({
    fr: `Ligne ${row} : facture ${reference} de ${vendor} — laissée de côté : cette relance porte sur les factures de ${run} ; faites-en une autre pour ${vendor}.`,
    en: `Row ${row}: invoice ${reference} of ${vendor} — left out: this run is about ${run}'s invoices; make another for ${vendor}.`,
  }),
} as const;
