/**
 * The public interface of the CGV.* custom functions: names (English and French), parameters and
 * descriptions. functions.ts carries the same in JSDoc for the metadata plugin; the French
 * metadata (functions-fr.json) is generated from this table at build time, and a test checks that
 * the generated English metadata and this table agree.
 */

export type ParamType = "vendor" | "date" | "amount" | "text" | "range" | "number";

export interface ParamSignature {
  readonly name: string;
  readonly fr: string;
  readonly type: ParamType;
  readonly optional: boolean;
  readonly description: { readonly en: string; readonly fr: string };
}

export interface FunctionSignature {
  readonly name: string;
  readonly fr: string;
  readonly result: "date" | "number" | "text" | "table";
  readonly description: { readonly en: string; readonly fr: string };
  readonly params: readonly ParamSignature[];
}

const p = (
  name: string,
  fr: string,
  type: ParamType,
  optional: boolean,
  en: string,
  frDesc: string,
): ParamSignature => ({
  name,
  fr,
  type,
  optional,
  description: { en, fr: frDesc },
});

const VENDOR = p(
  "vendor",
  "fournisseur",
  "vendor",
  false,
  'Vendor id: omi, sillage, xiahdeh, injenius, digitalli or a workbook vendor; options after "+", e.g. "xiahdeh+flat".',
  "Identifiant du fournisseur : omi, sillage, xiahdeh, injenius, digitalli ou un fournisseur du classeur ; options après « + », par ex. « xiahdeh+flat ».",
);
const CLIENT = p(
  "clientType",
  "typeClient",
  "text",
  true,
  "pro (default) or consumer.",
  "pro (par défaut) ou consumer (consommateur).",
);
const PAYMENTS = p(
  "payments",
  "paiements",
  "range",
  true,
  "Two-column range of partial payments: date, amount.",
  "Plage de deux colonnes des paiements partiels : date, montant.",
);
const PLAN = p(
  "plan",
  "formule",
  "text",
  true,
  "Plan id (blank: the vendor's default plan).",
  "Identifiant de formule (vide : la formule par défaut).",
);
const ADDITION = p(
  "lastAdditionDate",
  "dateDernierAjout",
  "date",
  true,
  "Date a product or module was last added (OMI).",
  "Date du dernier ajout de produit ou module (OMI).",
);
const START = p(
  "startDate",
  "dateDebut",
  "date",
  false,
  "Subscription start date.",
  "Date de début de l'abonnement.",
);
const AS_OF = p(
  "asOf",
  "dateReference",
  "date",
  false,
  'The "as of" date: put it in one cell rather than calling TODAY() in each formula.',
  "La date de référence : placez-la dans une cellule plutôt que d'appeler AUJOURDHUI() dans chaque formule.",
);

export const FUNCTION_SIGNATURES: readonly FunctionSignature[] = [
  {
    name: "DUEDATE",
    fr: "DATEECHEANCE",
    result: "date",
    description: {
      en: "Payment due date of an invoice under the vendor's terms.",
      fr: "Date d'échéance de paiement d'une facture selon les conditions du fournisseur.",
    },
    params: [
      VENDOR,
      p("invoiceDate", "dateFacture", "date", false, "Invoice date.", "Date de la facture."),
      p(
        "invoiceKind",
        "typeFacture",
        "text",
        true,
        "Invoice kind id (blank: the vendor's ordinary invoice).",
        "Type de facture (vide : la facture ordinaire du fournisseur).",
      ),
    ],
  },
  {
    name: "LATEFEE",
    fr: "PENALITESRETARD",
    result: "number",
    description: {
      en: "Late-payment interest plus the recovery fee, in euros, rounded to the cent.",
      fr: "Intérêts de retard plus l'indemnité de recouvrement, en euros, arrondis au centime.",
    },
    params: [
      VENDOR,
      p("amount", "montant", "amount", false, "Invoice amount in euros.", "Montant de la facture en euros."),
      p("dueDate", "dateEcheance", "date", false, "Payment due date.", "Date d'échéance."),
      p(
        "paidDate",
        "datePaiement",
        "date",
        false,
        'Payment date, or the "as of" date for an unpaid invoice.',
        "Date du paiement, ou date de référence pour une facture impayée.",
      ),
      PAYMENTS,
      p(
        "recoveryCosts",
        "fraisRecouvrement",
        "amount",
        true,
        "Justified recovery costs, replacing the 40 € fee when higher.",
        "Frais de recouvrement justifiés, remplaçant les 40 € s'ils sont supérieurs.",
      ),
      CLIENT,
    ],
  },
  {
    name: "LATEINTEREST",
    fr: "INTERETSRETARD",
    result: "number",
    description: {
      en: "Late-payment interest alone, in euros, rounded to the cent.",
      fr: "Intérêts de retard seuls, en euros, arrondis au centime.",
    },
    params: [
      VENDOR,
      p("amount", "montant", "amount", false, "Invoice amount in euros.", "Montant de la facture en euros."),
      p("dueDate", "dateEcheance", "date", false, "Payment due date.", "Date d'échéance."),
      p(
        "paidDate",
        "datePaiement",
        "date",
        false,
        'Payment date, or the "as of" date for an unpaid invoice.',
        "Date du paiement, ou date de référence pour une facture impayée.",
      ),
      PAYMENTS,
      CLIENT,
    ],
  },
  {
    name: "RECOVERYFEE",
    fr: "INDEMNITERECOUVREMENT",
    result: "number",
    description: {
      en: "The recovery fee alone (0 when not late).",
      fr: "L'indemnité de recouvrement seule (0 sans retard).",
    },
    params: [
      VENDOR,
      p("dueDate", "dateEcheance", "date", false, "Payment due date.", "Date d'échéance."),
      p(
        "paidDate",
        "datePaiement",
        "date",
        false,
        'Payment date, or the "as of" date.',
        "Date du paiement, ou date de référence.",
      ),
      p(
        "recoveryCosts",
        "fraisRecouvrement",
        "amount",
        true,
        "Justified recovery costs, replacing the 40 € fee when higher.",
        "Frais de recouvrement justifiés, remplaçant les 40 € s'ils sont supérieurs.",
      ),
      CLIENT,
    ],
  },
  {
    name: "PENALTYRATE",
    fr: "TAUXPENALITES",
    result: "number",
    description: {
      en: "Annual late-payment rate for a late day on a date, after the statutory floor (0.1215 = 12.15 %).",
      fr: "Taux annuel des pénalités pour un jour de retard à une date, après plancher légal (0,1215 = 12,15 %).",
    },
    params: [VENDOR, p("date", "date", "date", false, "A late day.", "Un jour de retard."), CLIENT],
  },
  {
    name: "RENEWALDATE",
    fr: "DATERENOUVELLEMENT",
    result: "date",
    description: {
      en: "Next renewal date of a subscription after the as-of date.",
      fr: "Prochaine date de renouvellement d'un abonnement après la date de référence.",
    },
    params: [VENDOR, START, AS_OF, PLAN, ADDITION],
  },
  {
    name: "NOTICEDEADLINE",
    fr: "DATELIMITEPREAVIS",
    result: "date",
    description: {
      en: "Last day a notice may be received to stop the next renewal (earliest deadline on or after the as-of date).",
      fr: "Dernier jour de réception d'un préavis pour arrêter le prochain renouvellement (premier délai à partir de la date de référence).",
    },
    params: [VENDOR, START, AS_OF, PLAN, ADDITION],
  },
  {
    name: "ENDDATE",
    fr: "DATEFIN",
    result: "date",
    description: {
      en: "Last day bound and billed for a notice received on a date.",
      fr: "Dernier jour engagé et facturé pour un préavis reçu à une date.",
    },
    params: [
      VENDOR,
      START,
      p(
        "noticeDate",
        "datePreavis",
        "date",
        false,
        "Date the notice is received.",
        "Date de réception du préavis.",
      ),
      PLAN,
      ADDITION,
    ],
  },
  {
    name: "TERMINATIONFEE",
    fr: "INDEMNITERESILIATION",
    result: "number",
    description: {
      en: "Early termination indemnity, in euros.",
      fr: "Indemnité de résiliation anticipée, en euros.",
    },
    params: [
      VENDOR,
      START,
      p("terminationDate", "dateResiliation", "date", false, "Termination date.", "Date de résiliation."),
      p(
        "monthlyFee",
        "redevanceMensuelle",
        "amount",
        false,
        "Monthly fee in euros.",
        "Redevance mensuelle en euros.",
      ),
      PLAN,
    ],
  },
  {
    name: "DEADLINE",
    fr: "DELAICLAUSE",
    result: "date",
    description: {
      en: "A named clause deadline of the vendor's terms.",
      fr: "Un délai nommé des conditions du fournisseur.",
    },
    params: [
      VENDOR,
      p(
        "event",
        "evenement",
        "text",
        false,
        "Event id, e.g. breach-cure (see CGV.VENDORS).",
        "Identifiant d'événement, par ex. breach-cure (voir CGV.FOURNISSEURS).",
      ),
      p(
        "fromDate",
        "dateDepart",
        "date",
        false,
        "The date the deadline counts from (or back from).",
        "La date à partir de laquelle (ou avant laquelle) le délai se compte.",
      ),
    ],
  },
  {
    name: "CLAUSEAMOUNT",
    fr: "MONTANTCLAUSE",
    result: "number",
    description: {
      en: "An amount clause of the vendor's terms applied to an amount (surcharge, cancellation fee…).",
      fr: "Une clause de montant des conditions du fournisseur appliquée à un montant (majoration, frais d'annulation…).",
    },
    params: [
      VENDOR,
      p(
        "clause",
        "clause",
        "text",
        false,
        "Amount clause id, e.g. content-late-surcharge.",
        "Identifiant de la clause, par ex. content-late-surcharge.",
      ),
      p(
        "amount",
        "montant",
        "amount",
        false,
        "The amount the clause applies to, in euros.",
        "Le montant auquel la clause s'applique, en euros.",
      ),
      p(
        "fromDate",
        "dateDepart",
        "date",
        true,
        "Start of the period, for clauses counted in periods.",
        "Début de la période, pour les clauses comptées par périodes.",
      ),
      p("toDate", "dateFin", "date", true, "End of the period.", "Fin de la période."),
    ],
  },
  {
    name: "EXPLAIN",
    fr: "EXPLIQUER",
    result: "text",
    description: {
      en: "Explanation of a CGV function's result, with clause citations.",
      fr: "Explication du résultat d'une fonction CGV, avec les clauses citées.",
    },
    params: [
      p(
        "functionName",
        "nomFonction",
        "text",
        false,
        "Name of the function to explain, e.g. LATEFEE.",
        "Nom de la fonction à expliquer, par ex. PENALITESRETARD.",
      ),
      VENDOR,
      ...[1, 2, 3, 4, 5, 6].map((i) =>
        p(
          `arg${i}`,
          `arg${i}`,
          "text",
          true,
          `Argument ${i + 1} of that function.`,
          `Argument ${i + 1} de cette fonction.`,
        ),
      ),
    ],
  },
  {
    name: "VENDORS",
    fr: "FOURNISSEURS",
    result: "table",
    description: {
      en: "Table of the vendors with their invoice kinds, plans, events and options.",
      fr: "Tableau des fournisseurs avec leurs types de facture, formules, événements et options.",
    },
    params: [],
  },
];

const BY_NAME = new Map<string, FunctionSignature>(
  FUNCTION_SIGNATURES.flatMap((f) => [
    [f.name, f],
    [f.fr, f],
  ]),
);

export function findSignature(name: string): FunctionSignature | undefined {
  // Fast path: Excel passes the canonical name on every recalculation.
  const exact = BY_NAME.get(name);
  if (exact) return exact;
  const n = name
    .trim()
    .toUpperCase()
    .replace(/^CGV\./, "");
  return BY_NAME.get(n);
}
