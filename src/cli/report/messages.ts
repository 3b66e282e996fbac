import { formatMoney, type Decimal, type Text } from "../../engine";
import type { ReportKind } from "../../reports";

/** What `echeance report` says, in French and English: one catalogue for the command. */
export const REPORT_TEXT = {
  kindRequired: {
    fr: "--kind est obligatoire (received : factures reçues, issued : factures émises, ou statement : relevé par client).",
    en: "--kind is required (received, issued, or statement: the statement per client).",
  },
  badKind: (got: string): Text => ({
    fr: `--kind attend received ou issued (reçu « ${got} »), ou statement pour le relevé par client.`,
    en: `--kind must be received or issued (got "${got}"), or statement for the statement per client.`,
  }),
  notForStatement: (option: string): Text => ({
    fr: `${option} est pour le tableau D441-6 (--kind received ou issued) ; le relevé par client prend --as-of.`,
    en: `${option} is for the D441-6 table (--kind received or issued); the statement per client takes --as-of.`,
  }),
  onlyForStatement: (option: string): Text => ({
    fr: `${option} est pour le relevé par client (--kind statement).`,
    en: `${option} is for the statement per client (--kind statement).`,
  }),
  outputIsInput: {
    fr: "le fichier de sortie ne peut pas être le registre lu.",
    en: "the output file cannot be the input file.",
  },
  /** The statement file's default name, beside the register: REGISTRE.releve.xlsx. */
  statementFile: { fr: "releve", en: "statement" },
  oneSheetName: { fr: "Relevé", en: "Statement" },
  notesSheetName: { fr: "Notes de débit", en: "Penalty notes" },
  leftOutSheetName: { fr: "Écartées", en: "Left out" },
  leftOutHeaders: {
    fr: ["Ligne", "N° facture", "Client", "Raison"],
    en: ["Row", "Invoice no.", "Client", "Reason"],
  },
  statementHead: (clients: number): Text => ({
    fr: `Relevé de ${clients} client(s) :`,
    en: `Statement of ${clients} client(s):`,
  }),
  grandTotal: (principal: Decimal, penalties: Decimal, claimed: Decimal): Text => ({
    fr: `Total : principal ${formatMoney(principal, "fr")}, pénalités et indemnités ${formatMoney(penalties, "fr")}, réclamé ${formatMoney(claimed, "fr")}`,
    en: `Total: principal ${formatMoney(principal, "en")}, interest and fees ${formatMoney(penalties, "en")}, claimed ${formatMoney(claimed, "en")}`,
  }),
  written: (out: string): Text => ({ fr: `Écrit : ${out}`, en: `Written: ${out}` }),
} as const;

/** What the D441-6 report says in its summary. */
export const D441_TEXT = {
  unpaidAt: (kind: ReportKind, closing: string): Text => ({
    fr: `Factures ${D441_KIND[kind].fr} non réglées au ${closing} :`,
    en: `${D441_KIND[kind].en} invoices unpaid at ${closing}:`,
  }),
  excluded: (count: number, amount: string): Text => ({
    fr: `  Exclues (litigieuses ou non comptabilisées) : ${count}, ${amount}`,
    en: `  Excluded (disputed or not booked): ${count}, ${amount}`,
  }),
  afterClosing: (count: number): Text => ({
    fr: `  Non comptées : ${count} facture(s) datée(s) après la clôture.`,
    en: `  Not counted: ${count} invoice(s) dated after the closing.`,
  }),
  rowsLeftOut: (count: number): Text => ({
    fr: `${count} ligne(s) non prises en compte :`,
    en: `${count} row(s) left out:`,
  }),
  nothingPlaced: {
    fr: "aucune facture n'a pu être classée ; rien n'est écrit.",
    en: "no invoice could be placed; nothing written.",
  },
  /** A percentage's decimal separator in the summary and the CSV. */
  decimalSeparator: { fr: ",", en: "." },
} as const;

const D441_KIND: Readonly<Record<ReportKind, Text>> = {
  received: { fr: "reçues", en: "Received" },
  issued: { fr: "émises", en: "Issued" },
};
