import { formatMoney, type Decimal, type Text } from "../../engine";

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
