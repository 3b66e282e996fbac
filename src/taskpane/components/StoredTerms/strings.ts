import type { Language } from "../../../engine";

/** The question asked when the workbook's stored terms differ from the shipped ones. */
export const STORED_TERMS_STRINGS = {
  fr: {
    title: "Conditions du classeur différentes de celles du complément",
    intro:
      "Ce classeur contient sa propre version de conditions fournisseur qui diffèrent de celles livrées avec Échéance. Choisissez, pour chacune, laquelle garder. Rien n'est remplacé sans votre choix ; en attendant, les calculs utilisent la version du classeur.",
    versions: (stored: string, shipped: string) =>
      `Version du classeur ${stored} — version livrée ${shipped}`,
    field: "Champ",
    fields: (name: string) => `${name} : champs différents`,
    storedCol: "Classeur",
    shippedCol: "Complément",
    more: (n: number) => `… et ${n} autre(s) différence(s).`,
    keepStored: "Garder la version du classeur",
    useShipped: "Utiliser la version livrée",
    apply: "Appliquer ces choix",
    later: "Plus tard",
    acknowledged: "Déjà choisi pour cette version : version du classeur gardée.",
  },
  en: {
    title: "The workbook's terms differ from the add-in's",
    intro:
      "This workbook carries its own version of vendor terms that differ from the ones shipped with Échéance. Choose which to keep for each. Nothing is replaced without your choice; meanwhile the computations use the workbook's version.",
    versions: (stored: string, shipped: string) => `Workbook version ${stored} — shipped version ${shipped}`,
    field: "Field",
    fields: (name: string) => `${name}: fields that differ`,
    storedCol: "Workbook",
    shippedCol: "Add-in",
    more: (n: number) => `… and ${n} more difference(s).`,
    keepStored: "Keep the workbook's version",
    useShipped: "Use the shipped version",
    apply: "Apply these choices",
    later: "Later",
    acknowledged: "Already chosen for this version: the workbook's version is kept.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
