import type { Language, Text } from "../../engine";

/** What `echeance vendor …` and `echeance vendors` say, in French and English. */

const t = (en: string, fr: string): Text => ({ en, fr });

export const USAGE: Readonly<Record<Language, string>> = {
  fr: `Utilisation :
  echeance vendor import CGV.txt|CGV.docx|- [--id ID] [--name NOM] [-o ID.echeance-vendor.json] [--force]
      Lit les conditions générales (texte collé sur l'entrée standard avec « - », fichier .txt ou .docx),
      affiche chaque règle trouvée avec l'article et la phrase d'origine, ce qui n'a pas été trouvé et
      la règle qui s'applique à la place, les questions, et écrit le brouillon du profil (rien d'autre
      n'est enregistré). Vérifiez-le, puis utilisez-le avec --vendor-file ou ouvrez-le dans le volet.
  echeance vendor check FICHIER [--as-of AAAA-MM-JJ] [--rates FICHIER]
      Les contrôles légaux du formulaire fournisseur (Code de commerce L441-10 I et II, D441-5).
  echeance vendor show ID|FICHIER [--vendor-file FICHIER]… [--workbook CLASSEUR.xlsx]
      Le résumé des conditions d'un fournisseur, tel que le volet l'affiche.
  echeance vendors [--workbook CLASSEUR.xlsx] [--vendor-file FICHIER]…
      Les fournisseurs livrés, ceux enregistrés dans un classeur et ceux donnés en fichier.
Les messages sont en français ; --lang en les donne en anglais.
`,
  en: `Usage:
  echeance vendor import TERMS.txt|TERMS.docx|- [--id ID] [--name NAME] [-o ID.echeance-vendor.json] [--force]
      Reads terms of sale (text on standard input with "-", a .txt or .docx file), prints every rule
      found with the article and sentence it came from, what was not found and the rule that applies
      instead, the questions, and writes the draft profile (nothing else is saved). Check it, then
      use it with --vendor-file or open it in the pane.
  echeance vendor check FILE [--as-of YYYY-MM-DD] [--rates FILE]
      The legal checks of the vendor form (Code de commerce L441-10 I and II, D441-5).
  echeance vendor show ID|FILE [--vendor-file FILE]… [--workbook BOOK.xlsx]
      A vendor's terms summed up, as the pane shows them.
  echeance vendors [--workbook BOOK.xlsx] [--vendor-file FILE]…
      The shipped vendors, those a workbook stores and those given as files.
Messages are in French by default; --lang en gives them in English.
`,
};

export const MESSAGES = {
  whichAction: t(
    'vendor needs an action: import, check or show (see "echeance vendor --help").',
    "vendor attend une action : import, check ou show (voir « echeance vendor --help »).",
  ),
  unknownAction: (a: string) =>
    t(
      `"${a}" is not a vendor action: import, check or show.`,
      `« ${a} » n'est pas une action de vendor : import, check ou show.`,
    ),
  oneInput: t(
    'vendor import needs one terms file, or "-" to read standard input.',
    "vendor import attend un fichier de conditions, ou « - » pour lire l'entrée standard.",
  ),
  oneFile: t("vendor check needs one vendor file.", "vendor check attend un fichier fournisseur."),
  oneVendor: t(
    "vendor show needs one vendor id, name or file.",
    "vendor show attend un identifiant, un nom ou un fichier fournisseur.",
  ),
  noStdin: t("standard input cannot be read here.", "l'entrée standard ne peut pas être lue ici."),
  badId: (id: string) =>
    t(
      `--id "${id}" is not an id: lowercase letters, digits and dashes, starting with a letter (e.g. "acme").`,
      `--id « ${id} » n'est pas un identifiant : lettres minuscules, chiffres et tirets, commençant par une lettre (par ex. « acme »).`,
    ),
  exists: (file: string) =>
    t(
      `${file} already exists: choose another name with -o, or replace it with --force.`,
      `${file} existe déjà : choisissez un autre nom avec -o, ou remplacez-le avec --force.`,
    ),
  sameAsInput: t(
    "the draft cannot be written over the terms file.",
    "le brouillon ne peut pas remplacer le fichier de conditions.",
  ),
  written: (file: string, id: string) =>
    t(
      `Draft written: ${file} (nothing else is saved). Check it, then: echeance fn DUEDATE ${id} 2025-01-15 --vendor-file ${file}`,
      `Brouillon écrit : ${file} (rien d'autre n'est enregistré). Vérifiez-le, puis : echeance fn DATEECHEANCE ${id} 2025-01-15 --vendor-file ${file}`,
    ),
  legalHead: (date: string) => t(`Legal checks (as of ${date}):`, `Contrôles légaux (au ${date}) :`),
  legalNone: t(
    "  • Within the legal limits between professionals (Code de commerce L441-10 I and II, D441-5).",
    "  • Dans les limites légales entre professionnels (Code de commerce L441-10 I et II, D441-5).",
  ),
  legalConsumerOnly: t(
    "  • Consumer clients only: the limits between professionals (L441-10, D441-5) do not apply.",
    "  • Clients consommateurs seulement : les limites entre professionnels (L441-10, D441-5) ne s'appliquent pas.",
  ),
  checkHead: (id: string, name: string) => t(`Vendor ${id} (${name})`, `Fournisseur ${id} (${name})`),
  badAsOf: (v: string) =>
    t(`--as-of needs a date YYYY-MM-DD (got "${v}").`, `--as-of attend une date AAAA-MM-JJ (reçu « ${v} »).`),
  unknownVendor: (v: string, known: string) =>
    t(
      `no vendor "${v}": the vendors are ${known}.`,
      `aucun fournisseur « ${v} » : les fournisseurs sont ${known}.`,
    ),
  workbookUnread: (file: string, why: string) =>
    t(
      `${file}: its stored terms could not be read (${why}).`,
      `${file} : ses conditions enregistrées n'ont pas pu être lues (${why}).`,
    ),
  origin: {
    shipped: t("shipped", "livré"),
    workbook: t("workbook", "classeur"),
    file: t("file", "fichier"),
  },
  listHead: t("id\tname\torigin\tnames on invoices", "identifiant\tnom\torigine\tnoms sur les factures"),
};
