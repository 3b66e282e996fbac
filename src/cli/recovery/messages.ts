import { formatMoney, type Decimal, type Text } from "../../engine";

/**
 * What the recovery commands (`report --kind statement`, `letters`) say the same way about the
 * register they read, the client asked for, and « Mon entreprise »: one catalogue, French and English.
 */

export const RECOVERY_CLI_TEXT = {
  columns: (mapping: string): Text => ({
    fr: `Colonnes : ${mapping}`,
    en: `Columns: ${mapping}`,
  }),
  vendorRequired: {
    fr: "--vendor est obligatoire (le registre n'a pas de colonne Fournisseur).",
    en: "--vendor is required (the register has no Vendor column).",
  },
  severalVendors: (vendors: readonly string[]): Text => ({
    fr: `le registre nomme plusieurs fournisseurs (${vendors.join(", ")}) : une relance porte sur les factures d'un seul — indiquez-le avec --vendor.`,
    en: `the register names several vendors (${vendors.join(", ")}): a run is about one vendor's invoices — give it with --vendor.`,
  }),
  vendorLine: (name: string, spec: string, asOf: string): Text => ({
    fr: `Fournisseur : ${name} (${spec}) ; date d'arrêté : ${asOf}`,
    en: `Vendor: ${name} (${spec}); statement date: ${asOf}`,
  }),
  leftOut: (count: number): Text => ({
    fr: `${count} ligne(s) laissée(s) de côté :`,
    en: `${count} row(s) left out:`,
  }),
  doubts: (count: number): Text => ({
    fr: `${count} ligne(s) lue(s) avec une réserve :`,
    en: `${count} row(s) read with a doubt:`,
  }),
  noInvoice: {
    fr: "aucune facture n'a pu être lue dans ce registre ; rien n'est écrit.",
    en: "no invoice could be read from this register; nothing written.",
  },
  noClientMatches: (wanted: string, known: readonly string[], more: number): Text => ({
    fr: `aucun client ne correspond à « ${wanted} » (la casse, les accents et les espaces ne comptent pas). Clients du registre : ${known.join(", ")}${more > 0 ? ` et ${more} autre(s)` : ""}. Rien n'est écrit.`,
    en: `no client matches "${wanted}" (case, accents and spaces do not count). Clients in the register: ${known.join(", ")}${more > 0 ? ` and ${more} more` : ""}. Nothing written.`,
  }),
  nothingClaimed: {
    fr: "aucune facture en retard à réclamer à cette date ; rien n'est écrit.",
    en: "no late invoice to claim on that date; nothing written.",
  },
  addressesMissing: (clients: readonly string[]): Text => ({
    fr: `${clients.length} client(s) sans adresse dans le registre — leurs lettres porteraient « adresse à compléter » ; ajoutez une colonne « Adresse » : ${clients.join(", ")}`,
    en: `${clients.length} client(s) with no address in the register — their letters would say "address to be completed"; add an « Adresse » column: ${clients.join(", ")}`,
  }),
  excluded: (count: number): Text => ({
    fr: `${count} facture(s) écartée(s) :`,
    en: `${count} invoice(s) left out:`,
  }),
  invoiceNote: (reference: string, client: string, text: Text): Text => ({
    fr: `${client}, facture ${reference} : ${text.fr}`,
    en: `${client}, invoice ${reference}: ${text.en}`,
  }),
  clientLine: (name: string, invoices: number, claimed: Decimal): Text => ({
    fr: `  ${name} : ${invoices} facture(s), ${formatMoney(claimed, "fr")} réclamés`,
    en: `  ${name}: ${invoices} invoice(s), ${formatMoney(claimed, "en")} claimed`,
  }),
  companyFromWorkbook: (name: string): Text => ({
    fr: `Mon entreprise : ${name} (enregistrée dans le classeur)`,
    en: `My company: ${name} (stored in the workbook)`,
  }),
  companyFromFile: (name: string, file: string): Text => ({
    fr: `Mon entreprise : ${name} (${file})`,
    en: `My company: ${name} (${file})`,
  }),
  noCompany: {
    fr: "« Mon entreprise » n'est ni enregistrée dans le classeur ni donnée par --company : les lettres et les notes de débit nomment l'expéditeur (raison sociale, adresse, SIREN, IBAN). Donnez un fichier JSON avec --company entreprise.json (voir echeance letters --help), ou renseignez Paramètres > Mon entreprise dans le volet. Rien n'est écrit.",
    en: "« Mon entreprise » is neither stored in the workbook nor given with --company: letters and penalty notes name their sender (name, address, SIREN, IBAN). Give a JSON file with --company company.json (see echeance letters --help), or fill in Settings > My company in the pane. Nothing written.",
  },
  companyFile: (file: string, problem: Text): Text => ({
    fr: `${file} : ${problem.fr}`,
    en: `${file}: ${problem.en}`,
  }),
  companyNotObject: {
    fr: 'un objet JSON est attendu, par ex. { "raison_sociale": "OMI SAS", "adresse": "18 rue des Lilas\\n75011 Paris", "siren": "732829320", "iban": "FR76…" }.',
    en: 'a JSON object is expected, e.g. { "name": "OMI SAS", "address": "18 rue des Lilas\\n75011 Paris", "siren": "732829320", "iban": "FR76…" }.',
  },
  companyUnknownKey: (key: string, known: readonly string[]): Text => ({
    fr: `clé inconnue « ${key} » — les clés possibles sont ${known.join(", ")}.`,
    en: `unknown key "${key}" — the keys are ${known.join(", ")}.`,
  }),
  companyTooLarge: (limit: number): Text => ({
    fr: `fichier trop volumineux (plus de ${limit / 1024} Kio) pour un bloc « Mon entreprise ».`,
    en: `file too large (over ${limit / 1024} KiB) for a « Mon entreprise » block.`,
  }),
} as const;
