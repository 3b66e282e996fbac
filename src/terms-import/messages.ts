import {
  cite,
  describePaymentTerm,
  frenchNumber,
  LAW,
  type Citation,
  type ClientType,
  type PaymentTerm,
  type Text,
} from "../engine";
import type { NotFound, Proposal, Question, Source } from "./report";

/**
 * Every sentence the terms-of-sale import shows, in French and English (the layer's catalogue): what
 * the import accepts, payment terms, names and clients here; late payment in late-messages.ts,
 * subscriptions in subscription-messages.ts.
 */

export const t = (en: string, fr: string): Text => ({ en, fr });
const mb = (chars: number) => frenchNumber((chars / 1_000_000).toFixed(1));
const en1 = (chars: number) => (chars / 1_000_000).toFixed(1);
export const L441_10_I = cite(LAW.commerce, "L441-10 I");
export const L441_10_II = cite(LAW.commerce, "L441-10 II");
export const D441_5 = cite(LAW.commerce, "D441-5");

/** The invoice kinds the import names, with the ids the shipped vendors use for the same things. */
export const KIND_LABELS = {
  invoice: t("Invoice", "Facture"),
  deposit: t("Deposit", "Acompte"),
  balance: t("Balance", "Solde"),
  subscription: t("Subscription", "Abonnement"),
  "first-order": t("First order of a new client", "Première commande d'un nouveau client"),
  export: t("Export order", "Commande à l'exportation"),
  study: t("Study", "Étude"),
  training: t("Training", "Formation"),
  consulting: t("Consulting", "Conseil"),
  setup: t("Set-up", "Mise en place"),
  annex: t("Annex services, maintenance, support", "Prestations annexes, maintenance, support"),
} as const;

export type KindId = keyof typeof KIND_LABELS;

const START_COLUMN: Readonly<Record<string, Text>> = {
  receipt: t(
    "counted from receipt: the register's « Date de réception » column when it has one, else the invoice date",
    "compté de la réception : la colonne « Date de réception » du registre s'il en a une, sinon la date de facture",
  ),
  delivery: t(
    "counted from delivery: the register's « Date de livraison » column when it has one, else the invoice date",
    "compté de la livraison : la colonne « Date de livraison » du registre s'il en a une, sinon la date de facture",
  ),
  order: t(
    "counted from the order: the register's « Date de commande » column when it has one, else the invoice date",
    "compté de la commande : la colonne « Date de commande » du registre s'il en a une, sinon la date de facture",
  ),
};

export const monthsText = (n: number): Text =>
  n % 12 === 0
    ? t(`${n / 12} year${n === 12 ? "" : "s"}`, `${n / 12} an${n === 12 ? "" : "s"}`)
    : t(`${n} month${n === 1 ? "" : "s"}`, `${n} mois`);

export const proposal = (
  id: string,
  topic: Proposal["topic"],
  label: Text,
  value: Text,
  sources: readonly Source[],
  term?: PaymentTerm,
): Proposal => ({
  id,
  topic,
  label,
  value,
  sources,
  ...(term ? { term } : {}),
});

export const notFound = (
  id: string,
  topic: NotFound["topic"],
  label: Text,
  instead: Text,
  law: readonly Citation[] = [],
  unread: readonly Source[] = [],
): NotFound => ({
  id,
  topic,
  label,
  instead,
  law,
  unread,
});

export const MESSAGES = {
  // --- what the import accepts
  tooLong: (chars: number, max: number) =>
    t(
      `The text is ${en1(chars)} million characters long; the import reads at most ${en1(max)} million (terms of sale rarely exceed 300 000). Paste the terms of sale alone.`,
      `Le texte compte ${mb(chars)} millions de caractères ; l'import en lit au plus ${mb(max)} millions (des conditions générales dépassent rarement 300 000). Collez les seules conditions générales.`,
    ),
  fileTooLarge: (max: number) =>
    t(
      `The file is larger than ${en1(max)} MB, the most the import reads as a text file.`,
      `Le fichier dépasse ${mb(max)} Mo, la taille la plus grande que l'import lit comme fichier texte.`,
    ),
  empty: t(
    "The text is empty: paste the terms of sale, or open a .txt or .docx file.",
    "Le texte est vide : collez les conditions générales, ou ouvrez un fichier .txt ou .docx.",
  ),
  binary: t(
    "This is not text (the file holds binary data): open the terms of sale as a .txt or .docx file, or paste their text.",
    "Ce n'est pas du texte (le fichier contient des données binaires) : ouvrez les conditions générales en .txt ou en .docx, ou collez leur texte.",
  ),
  zipNotText: t(
    "This file is a zip archive (a .docx, .xlsx…), not a text file: open a .docx as such.",
    "Ce fichier est une archive zip (un .docx, un .xlsx…), pas un fichier texte : ouvrez un .docx en tant que tel.",
  ),
  pdf: t(
    "This file is a PDF: the import reads text. Copy the text from the PDF and paste it, or save the terms as .txt or .docx.",
    "Ce fichier est un PDF : l'import lit du texte. Copiez le texte du PDF et collez-le, ou enregistrez les conditions en .txt ou en .docx.",
  ),
  windows1252: t(
    "The file was read as Windows-1252 text (it is not UTF-8).",
    "Le fichier a été lu comme du texte Windows-1252 (il n'est pas en UTF-8).",
  ),
  noArticles: t(
    "No payment clause was found in this text: is it terms of sale? Nothing was imported.",
    "Aucune clause de paiement n'a été trouvée dans ce texte : s'agit-il de conditions générales ? Rien n'a été importé.",
  ),
  repeated: (copies: number) =>
    t(
      `The text holds the same articles ${copies} times over: read once.`,
      `Le texte contient ${copies} fois les mêmes articles : lu une fois.`,
    ),
  furniture: (lines: number) =>
    t(
      `${lines} line(s) of page layout (page numbers, running headers and footers) set aside.`,
      `${lines} ligne(s) de mise en page (numéros de page, en-têtes et pieds de page) écartée(s).`,
    ),
  defaultTitle: "Conditions générales de vente",

  // --- payment terms
  paymentLabel: (label: Text) =>
    t(`Payment term — ${label.en.toLowerCase()}`, `Délai de paiement — ${label.fr.toLowerCase()}`),
  termValue: (described: Text, term: PaymentTerm): Text => {
    const from = term.kind === "legal-default" ? undefined : term.from;
    const column = from === undefined ? undefined : START_COLUMN[from];
    return column ? t(`${described.en} (${column.en})`, `${described.fr} (${column.fr})`) : described;
  },
  endOfMonthMethod: (sources: readonly Source[]): Question => ({
    id: "end-of-month-method",
    topic: "payment",
    text: t(
      'How does the contract compute "N days end of month"? Both methods are lawful (DGCCRF, CEPC).',
      "Comment le contrat calcule-t-il « N jours fin de mois » ? Les deux méthodes sont admises (DGCCRF, CEPC).",
    ),
    choices: [
      {
        id: "days-then-eom",
        text: t(
          "invoice date + N days, then the end of that month (the usual reading)",
          "date de facture + N jours, puis fin de ce mois (lecture usuelle)",
        ),
      },
      {
        id: "eom-then-days",
        text: t(
          'end of the invoice month, then + N days (the option "+eom-then-days")',
          "fin du mois de facture, puis + N jours (l'option « +eom-then-days »)",
        ),
      },
    ],
    chosen: "days-then-eom",
    sources,
  }),
  twoTerms: (
    id: string,
    label: Text,
    kept: PaymentTerm,
    others: readonly { term: PaymentTerm; source: Source }[],
    first: Source,
  ): Question => ({
    id: `two-terms-${id}`,
    topic: "payment",
    text: t(
      `The text gives more than one term for "${label.en}": which applies?`,
      `Le texte donne plus d'un délai pour « ${label.fr} » : lequel s'applique ?`,
    ),
    choices: [kept, ...others.map((o) => o.term)].map((term, i) => ({
      id: String(i + 1),
      text: describePaymentTerm(term),
    })),
    chosen: "1",
    sources: [first, ...others.map((o) => o.source)],
  }),
  noTermFor: (id: string, label: Text, unread: readonly Source[]) =>
    notFound(
      `payment:${id}`,
      "payment",
      t(`Payment term — ${label.en.toLowerCase()}`, `Délai de paiement — ${label.fr.toLowerCase()}`),
      t(
        "none stated: the legal default, 30 days after receipt of the goods or performance of the service (Code de commerce L441-10 I), counted from the invoice date",
        "aucun délai stipulé : le délai supplétif légal, 30 jours après la réception des marchandises ou l'exécution de la prestation (Code de commerce L441-10 I), comptés de la date de facture",
      ),
      [L441_10_I],
      unread,
    ),
  noPaymentTerm: notFound(
    "payment:invoice",
    "payment",
    t("Payment term", "Délai de paiement"),
    t(
      "none found: the legal default, 30 days after receipt of the goods or performance of the service (Code de commerce L441-10 I), counted from the invoice date",
      "aucun trouvé : le délai supplétif légal, 30 jours après la réception des marchandises ou l'exécution de la prestation (Code de commerce L441-10 I), comptés de la date de facture",
    ),
    [L441_10_I],
  ),

  // --- names and clients
  namesProposal: (
    name: string,
    legalName: string,
    invoiceNames: readonly string[],
    sources: readonly Source[],
  ) =>
    proposal(
      "names",
      "names",
      t("Vendor", "Fournisseur"),
      t(
        `${name} (${legalName}); names on its invoices: ${invoiceNames.map((n) => `"${n}"`).join(", ")}`,
        `${name} (${legalName}) ; noms sur ses factures : ${invoiceNames.map((n) => `« ${n} »`).join(", ")}`,
      ),
      sources,
    ),
  clientsProposal: (clients: readonly ClientType[], sources: readonly Source[]) =>
    proposal(
      "clients",
      "clients",
      t("Clients", "Clients"),
      clients.includes("consumer")
        ? t(
            "professionals and consumers (the text gives consumers a withdrawal right)",
            "professionnels et consommateurs (le texte prévoit un droit de rétractation)",
          )
        : t("professionals", "professionnels"),
      sources,
    ),
  clauseDeadlines: t(
    "Clause deadlines (formal notices, claims, confidentiality…) and amount clauses other than a discount are not read: add them in the vendor form.",
    "Les délais de clause (mises en demeure, réclamations, confidentialité…) et les clauses de montant autres que l'escompte ne sont pas lus : ajoutez-les dans le formulaire fournisseur.",
  ),
  business: t("Imported from its terms of sale", "Importé de ses conditions générales"),
};
