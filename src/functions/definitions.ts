import {
  clauseAmount as computeClauseAmount,
  deadline as computeDeadline,
  dueDate as computeDueDate,
  endDate as computeEndDate,
  lateInterest as computeLateInterest,
  latePayment,
  noticeDeadline as computeNoticeDeadline,
  penaltyRate as computePenaltyRate,
  profileOptions,
  recoveryFee as computeRecoveryFee,
  renewalDate as computeRenewalDate,
  SHIPPED_VENDORS,
  LAW_VENDOR,
  terminationFee as computeTerminationFee,
  vendorOptions,
  type Day,
  type Language,
  type ResolvedVendor,
  type Text,
  type Trace,
  type VendorRegistry,
} from "../engine";
import type { ArgKind, ArgumentRead, OptionalValue, RequiredValue } from "./arguments";
import type { FunctionValue } from "./values";

/**
 * The CGV.* functions, each written once: its names in English and French, its description, its
 * parameters (names in both languages, how each is read, whether it may be left blank, descriptions)
 * and its implementation, which takes the arguments by name. Everything else is derived from this
 * table: src/office/functions.ts (the JSDoc the metadata plugin reads, written by
 * scripts/functions-build.js), functions-fr.json, the command line's list and usage, EXPLAIN's list.
 */

/** The type a parameter shows in the metadata and the documentation. */
export type ParamType = "vendor" | "date" | "amount" | "text" | "range" | "number";

export interface ParamSignature {
  readonly name: string;
  readonly fr: string;
  readonly type: ParamType;
  readonly optional: boolean;
  readonly description: Text;
}

export interface ParamDefinition<
  N extends string = string,
  K extends ArgKind = ArgKind,
  O extends boolean = boolean,
>
  extends ParamSignature, ArgumentRead {
  readonly name: N;
  readonly kind: K;
  readonly optional: O;
}

export type FunctionResult = "date" | "number" | "text" | "table";

export interface FunctionSignature {
  /** The English name, also the function's id in the metadata: DUEDATE. */
  readonly name: string;
  /** The French name: DATEECHEANCE. */
  readonly fr: string;
  /** The JavaScript function Excel calls (functions.ts): dueDate. */
  readonly js: string;
  readonly result: FunctionResult;
  readonly description: Text;
  /** What the function returns, for the metadata's @returns. */
  readonly returns: string;
  readonly params: readonly ParamSignature[];
}

/** The arguments an implementation receives, by name, each read into its kind's value. */
export type ArgsOf<P extends readonly ParamDefinition[]> = {
  readonly [D in P[number] as D["name"]]: D["optional"] extends true
    ? OptionalValue[D["kind"]]
    : RequiredValue[D["kind"]];
};

/** What the runtime offers the functions that are not about one vendor (VENDORS, EXPLAIN). */
export interface FunctionServices {
  readonly registry: VendorRegistry;
  readonly lang: Language;
  /** EXPLAIN: the result of `functionName` on `args` (the vendor first), with its explanation. */
  explain(functionName: string, args: readonly unknown[]): FunctionValue;
}

/** A function of one vendor's terms: the runtime resolves the vendor (its first parameter). */
export interface VendorFunctionDefinition extends FunctionSignature {
  readonly usesVendor: true;
  readonly params: readonly ParamDefinition[];
  // Method syntax: each implementation takes its own arguments' shape.
  implement(args: never, vendor: ResolvedVendor, trace: Trace | undefined): FunctionValue;
}

export interface ServiceFunctionDefinition extends FunctionSignature {
  readonly usesVendor: false;
  readonly params: readonly ParamDefinition[];
  implement(args: never, services: FunctionServices): FunctionValue;
}

export type FunctionDefinition = VendorFunctionDefinition | ServiceFunctionDefinition;

const TYPE_OF_KIND: Readonly<Record<ArgKind, ParamType>> = {
  vendor: "vendor",
  day: "date",
  dayTime: "date",
  amount: "amount",
  id: "text",
  client: "text",
  payments: "range",
  any: "text",
};

function param<const N extends string, const K extends ArgKind, const O extends boolean>(spec: {
  readonly name: N;
  readonly fr: string;
  readonly kind: K;
  readonly optional: O;
  readonly en: string;
  readonly frText: string;
  readonly expected?: Text;
  /** The type shown, when it is not the kind's (EXPLAIN's vendor, handed on as given). */
  readonly type?: ParamType;
}): ParamDefinition<N, K, O> {
  return {
    name: spec.name,
    fr: spec.fr,
    kind: spec.kind,
    type: spec.type ?? TYPE_OF_KIND[spec.kind],
    optional: spec.optional,
    description: { en: spec.en, fr: spec.frText },
    expected: spec.expected,
  };
}

const RETURNS: Readonly<Record<FunctionResult, string>> = {
  date: "The result as an Excel date serial number.",
  number: "The result as a number.",
  text: "The result as text.",
  table: "A table with one row per vendor.",
};

interface Header {
  readonly name: string;
  readonly fr: string;
  readonly js: string;
  readonly result: FunctionResult;
  readonly description: Text;
  readonly returns?: string;
}

function vendorFunction<const P extends readonly ParamDefinition[]>(
  spec: Header & {
    readonly params: P;
    readonly implement: (args: ArgsOf<P>, vendor: ResolvedVendor, trace: Trace | undefined) => FunctionValue;
  },
): VendorFunctionDefinition {
  return {
    ...spec,
    returns: spec.returns ?? RETURNS[spec.result],
    usesVendor: true,
    params: [VENDOR, ...spec.params],
    implement: spec.implement as VendorFunctionDefinition["implement"],
  };
}

function serviceFunction<const P extends readonly ParamDefinition[]>(
  spec: Header & {
    readonly params: P;
    readonly implement: (args: ArgsOf<P>, services: FunctionServices) => FunctionValue;
  },
): ServiceFunctionDefinition {
  return {
    ...spec,
    returns: spec.returns ?? RETURNS[spec.result],
    usesVendor: false,
    implement: spec.implement as ServiceFunctionDefinition["implement"],
  };
}

// The shipped vendors, and an option one of them takes, as the descriptions name them.
const SHIPPED_IDS = SHIPPED_VENDORS.map((v) => v.id);
const OPTION_EXAMPLE = (() => {
  for (const v of SHIPPED_VENDORS) {
    const option = profileOptions(v)[0];
    if (option) return `${v.id}+${option}`;
  }
  return `${SHIPPED_IDS[0] ?? "omi"}+alsace-moselle`;
})();

const VENDOR_SPEC = {
  name: "vendor",
  fr: "fournisseur",
  optional: false,
  type: "vendor",
  // The law as a vendor (loi, docs/vendor-import.md) is named too: a supplier whose terms are not entered.
  en: `Vendor id or name: ${SHIPPED_IDS.join(", ")}, ${LAW_VENDOR.id} (statutory terms) or a workbook vendor; options after "+", e.g. "${OPTION_EXAMPLE}".`,
  frText: `Identifiant ou nom du fournisseur : ${SHIPPED_IDS.join(", ")}, ${LAW_VENDOR.id} (conditions légales) ou un fournisseur du classeur ; options après « + », par ex. « ${OPTION_EXAMPLE} ».`,
} as const;
const VENDOR = param({ ...VENDOR_SPEC, kind: "vendor" });

/** EXPLAIN's arguments after the vendor: those of the function explained, in its order. */
function argumentText(i: number): { en: string; frText: string } {
  return { en: `Argument ${i + 1} of that function.`, frText: `Argument ${i + 1} de cette fonction.` };
}
const CLIENT = param({
  name: "clientType",
  fr: "typeClient",
  kind: "client",
  optional: true,
  en: "pro (default) or consumer.",
  frText: "pro (par défaut) ou consumer (consommateur).",
});
const PAYMENTS = param({
  name: "payments",
  fr: "paiements",
  kind: "payments",
  optional: true,
  en: "Two-column range of partial payments: date, amount.",
  frText: "Plage de deux colonnes des paiements partiels : date, montant.",
});
const PLAN = param({
  name: "plan",
  fr: "formule",
  kind: "id",
  optional: true,
  en: "Plan id (blank: the vendor's default plan).",
  frText: "Identifiant de formule (vide : la formule par défaut).",
});
const ADDITION = param({
  name: "lastAdditionDate",
  fr: "dateDernierAjout",
  kind: "day",
  optional: true,
  en: "Date a product or module was last added (OMI).",
  frText: "Date du dernier ajout de produit ou module (OMI).",
});
const START = param({
  name: "startDate",
  fr: "dateDebut",
  kind: "day",
  optional: false,
  en: "Subscription start date.",
  frText: "Date de début de l'abonnement.",
});
const AS_OF = param({
  name: "asOf",
  fr: "dateReference",
  kind: "day",
  optional: false,
  en: 'The "as of" date: put it in one cell rather than calling TODAY() in each formula.',
  frText:
    "La date de référence : placez-la dans une cellule plutôt que d'appeler AUJOURDHUI() dans chaque formule.",
});
const AMOUNT = param({
  name: "amount",
  fr: "montant",
  kind: "amount",
  optional: false,
  en: "Invoice amount in euros.",
  frText: "Montant de la facture en euros.",
});
const DUE = param({
  name: "dueDate",
  fr: "dateEcheance",
  kind: "day",
  optional: false,
  en: "Payment due date.",
  frText: "Date d'échéance.",
});
const PAID = param({
  name: "paidDate",
  fr: "datePaiement",
  kind: "day",
  optional: false,
  en: 'Payment date, or the "as of" date for an unpaid invoice.',
  frText: "Date du paiement, ou date de référence pour une facture impayée.",
});
const COSTS = param({
  name: "recoveryCosts",
  fr: "fraisRecouvrement",
  kind: "amount",
  optional: true,
  en: "Justified recovery costs, replacing the 40 € fee when higher.",
  frText: "Frais de recouvrement justifiés, remplaçant les 40 € s'ils sont supérieurs.",
});

const date = (day: Day, fraction = 0): FunctionValue => ({ type: "date", day, fraction });
const num = (d: { toNumber(): number }): FunctionValue => ({ type: "number", value: d.toNumber() });

export const FUNCTION_DEFINITIONS: readonly FunctionDefinition[] = [
  vendorFunction({
    name: "DUEDATE",
    fr: "DATEECHEANCE",
    js: "dueDate",
    result: "date",
    description: {
      en: "Payment due date of an invoice under the vendor's terms.",
      fr: "Date d'échéance de paiement d'une facture selon les conditions du fournisseur.",
    },
    params: [
      param({
        name: "invoiceDate",
        fr: "dateFacture",
        kind: "day",
        optional: false,
        en: "Invoice date.",
        frText: "Date de la facture.",
      }),
      param({
        name: "invoiceKind",
        fr: "typeFacture",
        kind: "id",
        optional: true,
        en: "Invoice kind id (blank: the vendor's ordinary invoice).",
        frText: "Type de facture (vide : la facture ordinaire du fournisseur).",
      }),
    ],
    implement: ({ invoiceDate, invoiceKind }, vendor, trace) =>
      date(computeDueDate(vendor.profile, invoiceDate, invoiceKind, vendor.settings, trace)),
  }),

  vendorFunction({
    name: "LATEFEE",
    fr: "PENALITESRETARD",
    js: "lateFee",
    result: "number",
    description: {
      en: "Late-payment interest plus the recovery fee, in euros, rounded to the cent.",
      fr: "Intérêts de retard plus l'indemnité de recouvrement, en euros, arrondis au centime.",
    },
    params: [AMOUNT, DUE, PAID, PAYMENTS, COSTS, CLIENT],
    implement: ({ amount, dueDate, paidDate, payments, recoveryCosts, clientType }, vendor, trace) =>
      num(
        latePayment(
          vendor.profile,
          { amount, dueDate, paidDate, payments, recoveryCosts, client: clientType },
          vendor.settings,
          trace,
        ).total,
      ),
  }),

  vendorFunction({
    name: "LATEINTEREST",
    fr: "INTERETSRETARD",
    js: "lateInterest",
    result: "number",
    description: {
      en: "Late-payment interest alone, in euros, rounded to the cent.",
      fr: "Intérêts de retard seuls, en euros, arrondis au centime.",
    },
    params: [AMOUNT, DUE, PAID, PAYMENTS, CLIENT],
    implement: ({ amount, dueDate, paidDate, payments, clientType }, vendor, trace) =>
      num(
        computeLateInterest(
          vendor.profile,
          { amount, dueDate, paidDate, payments, client: clientType },
          vendor.settings,
          trace,
        ).interest,
      ),
  }),

  vendorFunction({
    name: "RECOVERYFEE",
    fr: "INDEMNITERECOUVREMENT",
    js: "recoveryFee",
    result: "number",
    description: {
      en: "The recovery fee alone (0 when not late).",
      fr: "L'indemnité de recouvrement seule (0 sans retard).",
    },
    params: [
      DUE,
      param({
        name: "paidDate",
        fr: "datePaiement",
        kind: "day",
        optional: false,
        en: 'Payment date, or the "as of" date.',
        frText: "Date du paiement, ou date de référence.",
      }),
      COSTS,
      CLIENT,
    ],
    // The fee needs no rate (D441-5): it is computed whatever the rate table holds.
    implement: ({ dueDate, paidDate, recoveryCosts, clientType }, vendor, trace) =>
      num(
        computeRecoveryFee(vendor.profile, { dueDate, paidDate, recoveryCosts, client: clientType }, trace),
      ),
  }),

  vendorFunction({
    name: "PENALTYRATE",
    fr: "TAUXPENALITES",
    js: "penaltyRate",
    result: "number",
    description: {
      en: "Annual late-payment rate for a late day on a date, after the statutory floor (0.1215 = 12.15 %).",
      fr: "Taux annuel des pénalités pour un jour de retard à une date, après plancher légal (0,1215 = 12,15 %).",
    },
    params: [
      param({
        name: "date",
        fr: "date",
        kind: "day",
        optional: false,
        en: "A late day.",
        frText: "Un jour de retard.",
      }),
      CLIENT,
    ],
    implement: ({ date: day, clientType }, vendor, trace) =>
      num(computePenaltyRate(vendor.profile, day, clientType, vendor.settings, trace).applied),
  }),

  vendorFunction({
    name: "RENEWALDATE",
    fr: "DATERENOUVELLEMENT",
    js: "renewalDate",
    result: "date",
    description: {
      en: "Next renewal date of a subscription after the as-of date.",
      fr: "Prochaine date de renouvellement d'un abonnement après la date de référence.",
    },
    params: [START, AS_OF, PLAN, ADDITION],
    implement: ({ startDate, asOf, plan, lastAdditionDate }, vendor, trace) =>
      date(
        computeRenewalDate(
          vendor.profile,
          { start: startDate, planId: plan, lastAddition: lastAdditionDate },
          asOf,
          trace,
        ),
      ),
  }),

  vendorFunction({
    name: "NOTICEDEADLINE",
    fr: "DATELIMITEPREAVIS",
    js: "noticeDeadline",
    result: "date",
    description: {
      en: "Last day a notice may be received to stop the next renewal (earliest deadline on or after the as-of date).",
      fr: "Dernier jour de réception d'un préavis pour arrêter le prochain renouvellement (premier délai à partir de la date de référence).",
    },
    params: [START, AS_OF, PLAN, ADDITION],
    implement: ({ startDate, asOf, plan, lastAdditionDate }, vendor, trace) =>
      date(
        computeNoticeDeadline(
          vendor.profile,
          { start: startDate, planId: plan, lastAddition: lastAdditionDate },
          asOf,
          trace,
        ).deadline,
      ),
  }),

  vendorFunction({
    name: "ENDDATE",
    fr: "DATEFIN",
    js: "endDate",
    result: "date",
    description: {
      en: "Last day bound and billed for a notice received on a date.",
      fr: "Dernier jour engagé et facturé pour un préavis reçu à une date.",
    },
    params: [
      START,
      param({
        name: "noticeDate",
        fr: "datePreavis",
        kind: "day",
        optional: false,
        en: "Date the notice is received.",
        frText: "Date de réception du préavis.",
      }),
      PLAN,
      ADDITION,
    ],
    implement: ({ startDate, noticeDate, plan, lastAdditionDate }, vendor, trace) =>
      date(
        computeEndDate(
          vendor.profile,
          { start: startDate, planId: plan, lastAddition: lastAdditionDate },
          noticeDate,
          trace,
        ).end,
      ),
  }),

  vendorFunction({
    name: "TERMINATIONFEE",
    fr: "INDEMNITERESILIATION",
    js: "terminationFee",
    result: "number",
    description: {
      en: "Early termination indemnity, in euros.",
      fr: "Indemnité de résiliation anticipée, en euros.",
    },
    params: [
      START,
      param({
        name: "terminationDate",
        fr: "dateResiliation",
        kind: "day",
        optional: false,
        en: "Termination date.",
        frText: "Date de résiliation.",
      }),
      param({
        name: "monthlyFee",
        fr: "redevanceMensuelle",
        kind: "amount",
        optional: false,
        en: "Monthly fee in euros.",
        frText: "Redevance mensuelle en euros.",
      }),
      PLAN,
    ],
    implement: ({ startDate, terminationDate, monthlyFee, plan }, vendor, trace) =>
      num(
        computeTerminationFee(
          vendor.profile,
          { start: startDate, planId: plan },
          terminationDate,
          monthlyFee,
          trace,
        ).fee,
      ),
  }),

  vendorFunction({
    name: "DEADLINE",
    fr: "DELAICLAUSE",
    js: "deadline",
    result: "date",
    description: {
      en: "A named clause deadline of the vendor's terms.",
      fr: "Un délai nommé des conditions du fournisseur.",
    },
    params: [
      param({
        name: "event",
        fr: "evenement",
        kind: "id",
        optional: false,
        en: "Event id, e.g. breach-cure (see CGV.VENDORS).",
        frText: "Identifiant d'événement, par ex. breach-cure (voir CGV.FOURNISSEURS).",
        expected: { en: "an event id", fr: "un identifiant d'événement" },
      }),
      param({
        name: "fromDate",
        fr: "dateDepart",
        kind: "dayTime",
        optional: false,
        en: "The date the deadline counts from (or back from).",
        frText: "La date à partir de laquelle (ou avant laquelle) le délai se compte.",
      }),
    ],
    implement: ({ event, fromDate }, vendor, trace) => {
      const result = computeDeadline(
        vendor.profile,
        event,
        fromDate.day + fromDate.fraction,
        vendor.settings,
        trace,
      );
      const day = Math.floor(result) as Day;
      return date(day, result - day);
    },
  }),

  vendorFunction({
    name: "CLAUSEAMOUNT",
    fr: "MONTANTCLAUSE",
    js: "clauseAmount",
    result: "number",
    description: {
      en: "An amount clause of the vendor's terms applied to an amount (surcharge, cancellation fee…).",
      fr: "Une clause de montant des conditions du fournisseur appliquée à un montant (majoration, frais d'annulation…).",
    },
    params: [
      param({
        name: "clause",
        fr: "clause",
        kind: "id",
        optional: false,
        en: "Amount clause id, e.g. content-late-surcharge.",
        frText: "Identifiant de la clause, par ex. content-late-surcharge.",
        expected: { en: "an amount clause id", fr: "un identifiant de clause de montant" },
      }),
      param({
        name: "amount",
        fr: "montant",
        kind: "amount",
        optional: false,
        en: "The amount the clause applies to, in euros.",
        frText: "Le montant auquel la clause s'applique, en euros.",
      }),
      param({
        name: "fromDate",
        fr: "dateDepart",
        kind: "day",
        optional: true,
        en: "Start of the period, for clauses counted in periods.",
        frText: "Début de la période, pour les clauses comptées par périodes.",
      }),
      param({
        name: "toDate",
        fr: "dateFin",
        kind: "day",
        optional: true,
        en: "End of the period.",
        frText: "Fin de la période.",
      }),
    ],
    implement: ({ clause, amount, fromDate, toDate }, vendor, trace) =>
      num(computeClauseAmount(vendor.profile, clause, amount, { from: fromDate, to: toDate }, trace)),
  }),

  serviceFunction({
    name: "EXPLAIN",
    fr: "EXPLIQUER",
    js: "explain",
    result: "text",
    returns: "The explanation as text.",
    description: {
      en: "Explanation of a CGV function's result, with clause citations.",
      fr: "Explication du résultat d'une fonction CGV, avec les clauses citées.",
    },
    params: [
      param({
        name: "functionName",
        fr: "nomFonction",
        kind: "id",
        optional: false,
        en: "Name of the function to explain, e.g. LATEFEE.",
        frText: "Nom de la fonction à expliquer, par ex. PENALITESRETARD.",
        expected: {
          en: "a function name such as LATEFEE",
          fr: "un nom de fonction tel que PENALITESRETARD",
        },
      }),
      // The vendor is handed on as given: the explained function reads it like its own argument.
      param({ ...VENDOR_SPEC, kind: "any" }),
      param({ name: "arg1", fr: "arg1", kind: "any", optional: true, ...argumentText(1) }),
      param({ name: "arg2", fr: "arg2", kind: "any", optional: true, ...argumentText(2) }),
      param({ name: "arg3", fr: "arg3", kind: "any", optional: true, ...argumentText(3) }),
      param({ name: "arg4", fr: "arg4", kind: "any", optional: true, ...argumentText(4) }),
      param({ name: "arg5", fr: "arg5", kind: "any", optional: true, ...argumentText(5) }),
      param({ name: "arg6", fr: "arg6", kind: "any", optional: true, ...argumentText(6) }),
    ],
    implement: ({ functionName, vendor, arg1, arg2, arg3, arg4, arg5, arg6 }, services) =>
      services.explain(functionName, [vendor, arg1, arg2, arg3, arg4, arg5, arg6]),
  }),

  serviceFunction({
    name: "VENDORS",
    fr: "FOURNISSEURS",
    js: "vendors",
    result: "table",
    description: {
      en: "Table of the vendors with their invoice kinds, plans, events and options.",
      fr: "Tableau des fournisseurs avec leurs types de facture, formules, événements et options.",
    },
    params: [],
    implement: (_args, services) => vendorsTable(services),
  }),
];

/** CGV.VENDORS's headers and the mark of a default kind or plan. */
const VENDORS_TABLE_TEXT = {
  byDefault: { fr: "(par défaut)", en: "(default)" },
  header: {
    fr: [
      "identifiant",
      "nom",
      "raison sociale",
      "types de facture",
      "formules",
      "événements",
      "clauses de montant",
      "options",
    ],
    en: ["id", "name", "legal name", "invoice kinds", "plans", "events", "amount clauses", "options"],
  },
} as const;

/** CGV.VENDORS: one row per vendor in force, the default kind and plan marked; headers in the runtime's language. */
function vendorsTable(services: FunctionServices): FunctionValue {
  const byDefault = VENDORS_TABLE_TEXT.byDefault[services.lang];
  const header = [...VENDORS_TABLE_TEXT.header[services.lang]];
  const rows = services.registry.all().map((p) => {
    const s = p.subscription;
    return [
      p.id,
      p.name,
      p.legalName,
      p.invoiceKinds.map((k) => (k.id === p.defaultInvoiceKind ? `${k.id} ${byDefault}` : k.id)).join(", "),
      s.kind === "plans"
        ? s.plans.map((pl) => (pl.id === s.defaultPlan ? `${pl.id} ${byDefault}` : pl.id)).join(", ")
        : "",
      p.deadlines.map((d) => d.id).join(", "),
      p.amounts.map((a) => a.id).join(", "),
      vendorOptions(p).join(", "),
    ];
  });
  return { type: "table", rows: [header, ...rows] };
}
