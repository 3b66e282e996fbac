import type { RegisterMode } from "../../apply";
import type { Text } from "../../engine";

/** What `echeance apply` says, in French and English: one catalogue for the command. */
export const APPLY_TEXT = {
  modeUnknown: {
    en: "give --mode invoices or --mode subscriptions, or rename the columns.",
    fr: "indiquez --mode invoices ou --mode subscriptions, ou renommez les colonnes.",
  },
  vendorRequired: {
    en: "--vendor is required (the register has no Vendor column).",
    fr: "--vendor est obligatoire (le registre n'a pas de colonne Fournisseur).",
  },
  columns: (mode: RegisterMode, mapping: string): Text => ({
    en: `Columns (${mode === "invoices" ? "invoices" : "subscriptions"}) : ${mapping}`,
    fr: `Colonnes (${mode === "invoices" ? "factures" : "abonnements"}) : ${mapping}`,
  }),
  columnsNotUsed: (headers: string): Text => ({
    en: `Columns not used : ${headers}`,
    fr: `Colonnes non utilisées : ${headers}`,
  }),
  explainOutside: (row: number, first: number, last: number): Text => ({
    en: `--explain ${row}: data rows run from ${first} to ${last}.`,
    fr: `--explain ${row} : les lignes de données vont de ${first} à ${last}.`,
  }),
  outputIsInput: (out: string): Text => ({
    en: `the output file cannot be the input file (${out}).`,
    fr: `le fichier de sortie ne peut pas être le registre lu (${out}).`,
  }),
  formulasNeedWorkbook: (write: string, out: string): Text => ({
    en: `--output ${write} writes formulas: the output must be an .xlsx (${out}).`,
    fr: `--output ${write} écrit des formules : la sortie doit être un .xlsx (${out}).`,
  }),
  noteNotAdded: {
    en: "the provenance note could not be added.",
    fr: "la note de provenance n'a pas pu être ajoutée.",
  },
  /** After the summary's unknown vendors: how to create them, or compute their rows with the law. */
  unknownVendorsOffer: (first: string, byLaw: boolean): Text =>
    byLaw
      ? {
          en: `To use their own terms, create each vendor from its terms of sale: echeance vendor import CGV.txt --name "${first}", check the draft, then apply again with --vendor-file ID.echeance-vendor.json.`,
          fr: `Pour appliquer leurs propres conditions, créez chaque fournisseur à partir de ses CGV : echeance vendor import CGV.txt --name "${first}", vérifiez le brouillon, puis relancez avec --vendor-file ID.echeance-vendor.json.`,
        }
      : {
          en: `Create each vendor from its terms of sale: echeance vendor import CGV.txt --name "${first}", check the draft, then apply again with --vendor-file ID.echeance-vendor.json; or compute their rows with the statutory terms (Code de commerce L441-10): --vendor loi.`,
          fr: `Créez chaque fournisseur à partir de ses CGV : echeance vendor import CGV.txt --name "${first}", vérifiez le brouillon, puis relancez avec --vendor-file ID.echeance-vendor.json ; ou calculez leurs lignes avec les conditions légales (Code de commerce L441-10) : --vendor loi.`,
        },
  writtenTo: (out: string): Text => ({ en: `Written to ${out}`, fr: `Résultat écrit dans ${out}` }),
  calendar: (events: number, file: string): Text => ({
    en: `Calendar : ${events} coming deadline(s) written to ${file}`,
    fr: `Calendrier : ${events} échéance(s) à venir écrite(s) dans ${file}`,
  }),
  calendarName: (source: string): Text => ({ en: `Deadlines — ${source}`, fr: `Échéances — ${source}` }),
  allNeedsWorkbook: {
    en: "--all needs a workbook (.xlsx) that remembers its registers.",
    fr: "--all demande un classeur (.xlsx) qui mémorise ses registres.",
  },
  allOutput: (out: string): Text => ({
    en: `--all writes an .xlsx other than the input (${out}).`,
    fr: `--all écrit un .xlsx autre que le registre lu (${out}).`,
  }),
  nothingRemembered: {
    en: "this workbook remembers no register: apply one first (echeance apply, or Apply in the pane).",
    fr: "ce classeur ne mémorise aucun registre : appliquez-en d'abord un (echeance apply, ou Appliquer dans le volet).",
  },
  register: (k: number, n: number, label: string): Text => ({
    en: `Register ${k}/${n} : ${label}`,
    fr: `Registre ${k}/${n} : ${label}`,
  }),
  skipped: (reason: Text): Text => ({ en: `  Skipped : ${reason.en}.`, fr: `  Ignoré : ${reason.fr}.` }),
  skipTable: {
    en: "an Excel table: recalculate it in Excel (Tout recalculer)",
    fr: "un tableau Excel : recalculez-le dans Excel (Tout recalculer)",
  },
  skipFailed: {
    en: "it could not be applied (see above)",
    fr: "il n'a pas pu être appliqué (voir ci-dessus)",
  },
  allDone: (computed: number, total: number, out: string): Text => ({
    en: `${computed} of ${total} register(s) recalculated; written to ${out}`,
    fr: `${computed} registre(s) recalculé(s) sur ${total} ; résultat dans ${out}`,
  }),
} as const;
