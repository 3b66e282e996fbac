import type { Text } from "../engine";

/** What the documents layer says about a user's template, naming the file and what to do. */

const MiB = (n: number) => Math.round(n / 2 ** 20);

export const TEMPLATE_TEXT = {
  empty: (name: string): Text => ({
    fr: `${name} : fichier vide — choisissez un modèle de lettre Word (.docx).`,
    en: `${name}: empty file — choose a Word letter template (.docx).`,
  }),
  tooLarge: (name: string, limit: number): Text => ({
    fr: `${name} : modèle trop volumineux (plus de ${MiB(limit)} Mio) — un modèle de lettre pèse quelques dizaines de Ko ; retirez les images lourdes.`,
    en: `${name}: template too large (over ${MiB(limit)} MiB) — a letter template weighs a few dozen KB; remove heavy pictures.`,
  }),
  oldWord: (name: string): Text => ({
    fr: `${name} : document Word 97-2003 (.doc) — ouvrez-le dans Word et enregistrez-le au format « Document Word (.docx) ».`,
    en: `${name}: Word 97-2003 document (.doc) — open it in Word and save it as "Word Document (.docx)".`,
  }),
  pdf: (name: string): Text => ({
    fr: `${name} : fichier PDF — un modèle doit être un document Word (.docx) modifiable.`,
    en: `${name}: a PDF — a template must be an editable Word document (.docx).`,
  }),
  rtf: (name: string): Text => ({
    fr: `${name} : fichier RTF — enregistrez-le au format « Document Word (.docx) ».`,
    en: `${name}: an RTF file — save it as "Word Document (.docx)".`,
  }),
  notDocx: (name: string): Text => ({
    fr: `${name} : ce n'est pas un document Word .docx — enregistrez le modèle au format « Document Word (.docx) ».`,
    en: `${name}: not a Word .docx document — save the template as "Word Document (.docx)".`,
  }),
  damaged: (name: string): Text => ({
    fr: `${name} : archive .docx illisible (fichier endommagé ou tronqué) — enregistrez à nouveau le modèle depuis Word.`,
    en: `${name}: unreadable .docx archive (damaged or truncated) — save the template again from Word.`,
  }),
  macro: (name: string): Text => ({
    fr: `${name} : document avec macros (.docm), refusé — enregistrez-le au format « Document Word (.docx) », sans macros.`,
    en: `${name}: macro-enabled document (.docm), refused — save it as "Word Document (.docx)", without macros.`,
  }),
  dotx: (name: string): Text => ({
    fr: `${name} : modèle Word (.dotx) — ouvrez-le et enregistrez-le comme « Document Word (.docx) ».`,
    en: `${name}: Word template (.dotx) — open it and save it as a "Word Document (.docx)".`,
  }),
  doctype: (name: string): Text => ({
    fr: `${name} : le document contient une déclaration DOCTYPE, refusée — enregistrez à nouveau le modèle depuis Word.`,
    en: `${name}: the document contains a DOCTYPE declaration, refused — save the template again from Word.`,
  }),
  unknown: (name: string, unknown: readonly string[], known: readonly string[]): Text => ({
    fr: `${name} : champ${unknown.length > 1 ? "s" : ""} inconnu${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `{{${u}}}`).join(", ")} — les champs possibles sont ${known.map((k) => `{{${k}}}`).join(", ")}.`,
    en: `${name}: unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `{{${u}}}`).join(", ")} — the placeholders are ${known.map((k) => `{{${k}}}`).join(", ")}.`,
  }),
  missing: (name: string, missing: readonly string[]): Text => ({
    fr: `${name} : le modèle ne contient pas ${missing.join(", ")} — une lettre doit nommer le client, le total réclamé et la liste des factures ({{factures}} seul dans un paragraphe, ou une ligne de tableau avec {{facture.numero}}).`,
    en: `${name}: the template lacks ${missing.join(", ")} — a letter must name the client, the total claimed and the invoices ({{factures}} alone in a paragraph, or a table row with {{facture.numero}}).`,
  }),
  unclosed: (name: string, text: string): Text => ({
    fr: `${name} : champ non fermé « ${text} » — un champ s'écrit {{nom}}, accolades doubles de part et d'autre.`,
    en: `${name}: unclosed placeholder "${text}" — a placeholder is written {{name}}, with double braces on both sides.`,
  }),
  tableNotAlone: (name: string): Text => ({
    fr: `${name} : {{factures}} doit être seul dans son paragraphe (il y est remplacé par le tableau des factures).`,
    en: `${name}: {{factures}} must be alone in its paragraph (it is replaced by the table of invoices).`,
  }),
  invoiceOutsideRow: (name: string, placeholder: string): Text => ({
    fr: `${name} : {{${placeholder}}} doit être dans une ligne de tableau, répétée pour chaque facture.`,
    en: `${name}: {{${placeholder}}} must be in a table row, repeated for each invoice.`,
  }),
} as const;
