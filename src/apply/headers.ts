import type { Text } from "../engine";
import { OUTPUT_COLUMNS } from "./columns";
import type {
  CellValue,
  ColumnMapping,
  FieldId,
  FieldInfo,
  HeaderRecognition,
  MappingProblem,
  RegisterMode,
} from "./types";

/**
 * Header recognition: French and English column titles, insensitive to accents, case, spacing,
 * punctuation and small words ("Date de la facture" = "date facture"), with synonyms per field.
 */

const t = (en: string, fr: string): Text => ({ en, fr });

export const FIELDS: readonly FieldInfo[] = [
  { id: "vendor", label: t("Vendor", "Fournisseur"), modes: ["invoices", "subscriptions"], kind: "text" },
  { id: "reference", label: t("Reference", "Référence"), modes: ["invoices", "subscriptions"], kind: "text" },
  { id: "client", label: t("Client", "Client"), modes: ["invoices", "subscriptions"], kind: "text" },
  {
    id: "clientType",
    label: t("Client type", "Type client"),
    modes: ["invoices", "subscriptions"],
    kind: "text",
  },
  { id: "invoiceDate", label: t("Invoice date", "Date facture"), modes: ["invoices"], kind: "date" },
  { id: "amount", label: t("Amount", "Montant TTC"), modes: ["invoices"], kind: "money" },
  { id: "dueDate", label: t("Due date", "Échéance"), modes: ["invoices"], kind: "date" },
  { id: "paidDate", label: t("Paid date", "Date de paiement"), modes: ["invoices"], kind: "date" },
  { id: "amountPaid", label: t("Amount paid", "Montant payé"), modes: ["invoices"], kind: "money" },
  { id: "invoiceKind", label: t("Invoice kind", "Type de facture"), modes: ["invoices"], kind: "text" },
  {
    id: "recoveryCosts",
    label: t("Recovery costs", "Frais de recouvrement"),
    modes: ["invoices"],
    kind: "money",
  },
  // A payment term may count from receipt, delivery or the order (docs/vendor-import.md).
  { id: "receiptDate", label: t("Receipt date", "Date de réception"), modes: ["invoices"], kind: "date" },
  { id: "deliveryDate", label: t("Delivery date", "Date de livraison"), modes: ["invoices"], kind: "date" },
  { id: "orderDate", label: t("Order date", "Date de commande"), modes: ["invoices"], kind: "date" },
  { id: "address", label: t("Client address", "Adresse"), modes: ["invoices"], kind: "text" },
  {
    id: "comment",
    label: t("Comment / collection status", "Commentaire / suivi"),
    modes: ["invoices"],
    kind: "text",
  },
  { id: "disputed", label: t("Disputed", "Litige"), modes: ["invoices"], kind: "text" },
  {
    id: "collectiveProceedings",
    label: t("Collective proceedings", "Procédure collective"),
    modes: ["invoices"],
    kind: "text",
  },
  { id: "lastReminder", label: t("Last reminder", "Dernière relance"), modes: ["invoices"], kind: "text" },
  { id: "startDate", label: t("Start date", "Date de début"), modes: ["subscriptions"], kind: "date" },
  { id: "plan", label: t("Plan", "Formule"), modes: ["subscriptions"], kind: "text" },
  {
    id: "lastAddition",
    label: t("Last module added", "Dernier ajout de module"),
    modes: ["subscriptions"],
    kind: "date",
  },
  { id: "noticeDate", label: t("Notice date", "Date de préavis"), modes: ["subscriptions"], kind: "date" },
  { id: "monthlyFee", label: t("Monthly fee", "Mensualité"), modes: ["subscriptions"], kind: "money" },
];

const FIELD_BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldInfo(id: FieldId): FieldInfo {
  const f = FIELD_BY_ID.get(id);
  if (!f) throw new Error(`Unknown field ${id}`);
  return f;
}

const STOP_WORDS = new Set([
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "d",
  "l",
  "of",
  "the",
  "en",
  "a",
  "au",
  "eur",
  "euro",
  "euros",
]);

/** "Date d'Échéance (€)" → "date echeance": accents, case, punctuation and small words removed. */
export function normalizeHeader(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/n°|nº/g, "no ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && !STOP_WORDS.has(w))
    .join(" ");
}

/** Synonyms per field. `weak` ones are used only when no strong synonym of that field is present. */
const SYNONYMS: Record<FieldId, { strong: readonly string[]; weak?: readonly string[] }> = {
  vendor: { strong: ["Fournisseur", "Vendor", "Supplier", "Prestataire", "Éditeur", "Vendeur"] },
  reference: {
    strong: [
      "Réf",
      "Référence",
      "N° facture",
      "Numéro de facture",
      "No facture",
      "Num facture",
      "Invoice number",
      "Invoice no",
      "Ref",
      "Reference",
      "N° contrat",
      "Contrat",
      "Contract",
      "Numéro",
    ],
    weak: ["Facture", "Invoice", "N°", "Id"],
  },
  client: {
    strong: [
      "Client",
      "Customer",
      "Nom client",
      "Nom du client",
      "Raison sociale",
      "Customer name",
      "Client name",
    ],
  },
  clientType: {
    strong: [
      "Type client",
      "Type de client",
      "Client type",
      "Catégorie client",
      "Customer type",
      "Pro / particulier",
    ],
  },
  invoiceDate: {
    strong: [
      "Date facture",
      "Date de facture",
      "Date de la facture",
      "Invoice date",
      "Date d'émission",
      "Date émission",
      "Issue date",
      "Date de facturation",
      "Billing date",
    ],
    weak: ["Date"],
  },
  amount: {
    strong: [
      "Montant TTC",
      "Montant",
      "Amount",
      "Total TTC",
      "Montant facture",
      "Montant de la facture",
      "Invoice amount",
      "Amount incl VAT",
      "Total",
      "TTC",
    ],
    weak: ["Montant HT", "Total HT", "Amount excl VAT", "HT"],
  },
  dueDate: {
    strong: [
      "Échéance",
      "Date d'échéance",
      "Date échéance",
      "Due date",
      "Payment due date",
      "Date limite de paiement",
      "Due",
    ],
  },
  paidDate: {
    strong: [
      "Date de paiement",
      "Payé le",
      "Paid date",
      "Date de règlement",
      "Réglé le",
      "Payment date",
      "Paid on",
      "Date d'encaissement",
      "Encaissé le",
      "Paiement",
      "Date paiement",
    ],
  },
  amountPaid: {
    strong: ["Montant payé", "Montant réglé", "Amount paid", "Paid amount", "Déjà payé", "Montant encaissé"],
  },
  invoiceKind: {
    strong: [
      "Type de facture",
      "Type facture",
      "Invoice kind",
      "Invoice type",
      "Nature de la facture",
      "Nature facture",
    ],
    weak: ["Type", "Nature"],
  },
  recoveryCosts: {
    strong: [
      "Frais de recouvrement",
      "Frais recouvrement",
      "Recovery costs",
      "Frais de recouvrement justifiés",
      "Justified recovery costs",
    ],
  },
  receiptDate: {
    strong: [
      "Date de réception",
      "Date réception",
      "Date de réception de la facture",
      "Date de réception des marchandises",
      "Reçu le",
      "Reçue le",
      "Réceptionné le",
      "Receipt date",
      "Received date",
      "Date received",
      "Received on",
    ],
  },
  deliveryDate: {
    strong: [
      "Date de livraison",
      "Date livraison",
      "Livré le",
      "Livrée le",
      "Date d'exécution",
      "Date exécution",
      "Date de la prestation",
      "Date de prestation",
      "Delivery date",
      "Delivered on",
      "Date delivered",
      "Service date",
    ],
  },
  orderDate: {
    strong: [
      "Date de commande",
      "Date commande",
      "Date de la commande",
      "Date du bon de commande",
      "Commandé le",
      "Commandée le",
      "Order date",
      "Ordered on",
      "Date ordered",
    ],
  },
  // Recovery's columns. « Statut » is not among them: it is the header of Apply's own status column
  // (rewritten in place at each run); a collection status goes in « Commentaire » or « Suivi ».
  address: {
    strong: [
      "Adresse",
      "Adresse client",
      "Adresse du client",
      "Adresse de facturation",
      "Adresse postale",
      "Address",
      "Client address",
      "Customer address",
      "Billing address",
    ],
  },
  comment: {
    strong: [
      "Commentaire",
      "Commentaires",
      "Remarque",
      "Remarques",
      "Suivi",
      "Suivi du recouvrement",
      "Statut de recouvrement",
      "Statut du recouvrement",
      "Comment",
      "Comments",
      "Collection status",
    ],
  },
  disputed: {
    strong: ["Litige", "En litige", "Litigieuse", "Contestée", "Contestation", "Disputed", "Dispute"],
  },
  collectiveProceedings: {
    strong: [
      "Procédure collective",
      "Procédures collectives",
      "Redressement ou liquidation",
      "Collective proceedings",
      "Insolvency",
    ],
  },
  lastReminder: {
    strong: [
      "Dernière relance",
      "Dernier rappel",
      "Dernière relance envoyée",
      "Relance envoyée",
      "Niveau de relance",
      "Last reminder",
      "Last reminder sent",
      "Reminder sent",
    ],
  },
  startDate: {
    strong: [
      "Date de début",
      "Start date",
      "Début",
      "Date de souscription",
      "Subscription date",
      "Début abonnement",
      "Date début abonnement",
      "Date de début d'abonnement",
      "Start",
    ],
  },
  plan: { strong: ["Formule", "Plan", "Abonnement", "Offre", "Subscription plan"] },
  lastAddition: {
    strong: [
      "Dernier ajout de module",
      "Dernier ajout",
      "Date dernier ajout",
      "Date du dernier ajout",
      "Ajout de module",
      "Last module added",
      "Last addition",
      "Module added",
      "Date d'ajout",
    ],
  },
  noticeDate: {
    strong: [
      "Date de préavis",
      "Préavis reçu le",
      "Notice date",
      "Notice received",
      "Préavis",
      "Date de résiliation",
      "Notice",
    ],
  },
  monthlyFee: {
    strong: [
      "Mensualité",
      "Monthly fee",
      "Redevance mensuelle",
      "Prix mensuel",
      "Tarif mensuel",
      "Montant mensuel",
    ],
  },
};

const INDEX = new Map<string, { field: FieldId; strong: boolean }>();
for (const [field, { strong, weak = [] }] of Object.entries(SYNONYMS) as [
  FieldId,
  (typeof SYNONYMS)[FieldId],
][]) {
  for (const s of strong) INDEX.set(normalizeHeader(s), { field, strong: true });
  for (const s of weak)
    if (!INDEX.has(normalizeHeader(s))) INDEX.set(normalizeHeader(s), { field, strong: false });
}

/** The field a header names, if any. */
export function fieldForHeader(header: CellValue): { field: FieldId; strong: boolean } | undefined {
  return INDEX.get(normalizeHeader(header));
}

const OUTPUT_HEADERS = new Set(
  OUTPUT_COLUMNS.flatMap((c) => [normalizeHeader(c.header.fr), normalizeHeader(c.header.en)]),
);

/** Fields that point to one mode or the other. */
const INVOICE_MARKERS: readonly FieldId[] = [
  "invoiceDate",
  "amount",
  "dueDate",
  "paidDate",
  "amountPaid",
  "invoiceKind",
];
const SUBSCRIPTION_MARKERS: readonly FieldId[] = [
  "startDate",
  "plan",
  "lastAddition",
  "noticeDate",
  "monthlyFee",
];

/**
 * Recognises a register's header row: returns the field → column mapping, the mode the fields point
 * to (or the one given), the columns nobody recognised, and the problems (missing or doubled fields).
 * @example recognizeHeaders(["N° facture", "Date facture", "Montant TTC", "Payé le"]).mapping
 *   // → { reference: 0, invoiceDate: 1, amount: 2, paidDate: 3 }
 */
export function recognizeHeaders(
  headers: readonly CellValue[],
  options: { mode?: RegisterMode } = {},
): HeaderRecognition {
  const candidates = new Map<FieldId, { index: number; strong: boolean }[]>();
  const unrecognized: { index: number; header: string }[] = [];
  const previousOutputs: number[] = [];
  headers.forEach((h, index) => {
    const norm = normalizeHeader(h);
    if (norm === "") return;
    const hit = INDEX.get(norm);
    if (hit) {
      const list = candidates.get(hit.field) ?? [];
      list.push({ index, strong: hit.strong });
      candidates.set(hit.field, list);
    } else if (OUTPUT_HEADERS.has(norm)) previousOutputs.push(index);
    else unrecognized.push({ index, header: String(h).trim() });
  });

  const found = (f: FieldId): boolean => candidates.has(f);
  let mode = options.mode;
  if (mode === undefined) {
    const inv = INVOICE_MARKERS.filter(found).length;
    const sub = SUBSCRIPTION_MARKERS.filter(found).length;
    if (found("startDate") && !found("invoiceDate") && !found("amount")) mode = "subscriptions";
    else if (inv > 0 && inv >= sub) mode = "invoices";
    else if (sub > 0) mode = "subscriptions";
  }

  const mapping: ColumnMapping = {};
  const problems: MappingProblem[] = [];
  for (const [field, list] of candidates) {
    const info = fieldInfo(field);
    if (mode !== undefined && !info.modes.includes(mode)) {
      for (const c of list)
        unrecognized.push({ index: c.index, header: String(headers[c.index] ?? "").trim() });
      continue;
    }
    const strong = list.filter((c) => c.strong);
    const pool = strong.length > 0 ? strong : list;
    const first = pool[0];
    if (!first) continue;
    mapping[field] = first.index;
    // Weak synonyms left aside (a "Montant HT" beside a "Montant TTC") are kept as plain columns.
    for (const c of list)
      if (!pool.includes(c))
        unrecognized.push({ index: c.index, header: String(headers[c.index] ?? "").trim() });
    if (pool.length > 1) {
      const names = pool.map((c) => `« ${String(headers[c.index] ?? "").trim()} »`).join(", ");
      const namesEn = pool.map((c) => `"${String(headers[c.index] ?? "").trim()}"`).join(", ");
      problems.push({
        kind: "duplicate",
        field,
        columns: pool.map((c) => c.index),
        message: t(
          `Columns ${namesEn} all look like "${info.label.en}": the first one is used; change the mapping if needed.`,
          `Les colonnes ${names} ressemblent toutes à « ${info.label.fr} » : la première est retenue ; modifiez la correspondance au besoin.`,
        ),
      });
    }
  }
  unrecognized.sort((a, b) => a.index - b.index);
  if (mode === undefined) {
    problems.push({
      kind: "mode-unknown",
      message: t(
        "No invoice column (invoice date, amount…) nor subscription column (start date, plan…) was recognised.",
        "Aucune colonne de facture (date facture, montant…) ni d'abonnement (date de début, formule…) n'a été reconnue.",
      ),
    });
  } else problems.push(...checkMapping(mapping, mode, headers.length));
  return { mode, mapping, unrecognized, previousOutputs, problems };
}

/**
 * The problems of a mapping for a mode (missing required fields, indexes out of the range): run it
 * again after the user edits the mapping. Required: invoices need an amount and an invoice date or a
 * due date; subscriptions need a start date.
 */
export function checkMapping(mapping: ColumnMapping, mode: RegisterMode, width?: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const miss = (field: FieldId, en: string, fr: string): void => {
    problems.push({ kind: "missing", field, message: t(en, fr) });
  };
  if (mode === "invoices") {
    if (mapping.amount === undefined)
      miss(
        "amount",
        'No "Amount" column (Montant TTC, Amount…).',
        "Pas de colonne « Montant » (Montant TTC, Amount…).",
      );
    if (mapping.invoiceDate === undefined && mapping.dueDate === undefined) {
      miss(
        "invoiceDate",
        'No "Invoice date" column nor "Due date" column.',
        "Pas de colonne « Date facture » ni « Échéance ».",
      );
    }
  } else if (mapping.startDate === undefined) {
    miss(
      "startDate",
      'No "Start date" column (Date de début, Start date…).',
      "Pas de colonne « Date de début » (Date de début, Start date…).",
    );
  }
  const byColumn = new Map<number, FieldId[]>();
  for (const [field, index] of Object.entries(mapping) as [FieldId, number | undefined][]) {
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || (width !== undefined && index >= width)) {
      problems.push({
        kind: "out-of-range",
        field,
        columns: [index],
        message: t(
          `"${fieldInfo(field).label.en}" points outside the range.`,
          `« ${fieldInfo(field).label.fr} » désigne une colonne hors de la plage.`,
        ),
      });
    }
    byColumn.set(index, [...(byColumn.get(index) ?? []), field]);
  }
  for (const [index, fields] of byColumn) {
    if (fields.length > 1) {
      problems.push({
        kind: "duplicate",
        columns: [index],
        message: t(
          `One column is mapped to several fields: ${fields.map((f) => fieldInfo(f).label.en).join(", ")}.`,
          `Une même colonne est associée à plusieurs champs : ${fields.map((f) => fieldInfo(f).label.fr).join(", ")}.`,
        ),
      });
    }
  }
  return problems;
}
