import { formatDate, formatMoney, type Day, type EngineError, type Text } from "../engine";
import type { RecoveryInvoice, ReminderLevel } from "./types";

/**
 * The recovery core's sentences about what it did not do and why (exclusions, guardrails), each in
 * French and English and naming the invoice, its register row and what the user can do.
 */

const where = (i: RecoveryInvoice): Text => ({
  fr: `Facture ${i.reference} (ligne ${i.row}, ${i.client})`,
  en: `Invoice ${i.reference} (row ${i.row}, ${i.client})`,
});

export const LEVEL_NAMES: Readonly<Record<ReminderLevel, Text>> = {
  rappel: { fr: "Rappel", en: "Reminder" },
  relance: { fr: "Relance", en: "Second reminder" },
  "mise-en-demeure": { fr: "Mise en demeure", en: "Formal notice" },
};

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
