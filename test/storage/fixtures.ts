import { SHIPPED_VENDORS, validateProfile, type VendorProfile } from "../../src/engine";

/** A custom vendor as a user would write it in the form or a JSON file (plain data, untyped). */
export function acmeJson(): Record<string, unknown> {
  return {
    id: "acme",
    name: "ACME Logiciels",
    legalName: "ACME Logiciels SARL",
    business: { en: "Accounting software", fr: "Logiciel comptable" },
    document: {
      title: "Conditions générales de vente ACME",
      short: "ACME CGV",
      seed: "",
      version: "2025-01",
    },
    profileVersion: "1.0.0",
    clients: ["pro"],
    defaultInvoiceKind: "invoice",
    invoiceKinds: [
      {
        id: "invoice",
        label: { en: "Invoice", fr: "Facture" },
        term: { kind: "days-end-of-month", days: 30 },
        clause: [{ document: "ACME CGV", article: "7" }],
      },
    ],
    latePayment: {
      rate: { kind: "legal-multiple", factor: 3 },
      floor: "statutory",
      base: "invoice-amount",
      recoveryFee: {
        amount: "40",
        justifiedCostsAbove: true,
        clause: [{ document: "ACME CGV", article: "7.2" }],
      },
      clause: [{ document: "ACME CGV", article: "7.2" }],
    },
    subscription: {
      kind: "plans",
      defaultPlan: "annual",
      plans: [
        {
          id: "annual",
          label: { en: "Annual", fr: "Annuel" },
          schedule: { anchor: "start-date", initialMonths: 12, renewalMonths: 12 },
          notice: { amount: 3, unit: "months" },
          end: "day-before-renewal",
          earlyTermination: {
            kind: "not-priced",
            reason: { en: "Not priced", fr: "Non chiffré" },
            clause: [],
          },
          clause: [{ document: "ACME CGV", article: "9" }],
        },
      ],
    },
    deadlines: [
      {
        id: "invoice-contest",
        label: { en: "Invoice contest", fr: "Contestation de facture" },
        from: { en: "receipt of the invoice", fr: "réception de la facture" },
        period: { amount: 8, unit: "calendar-days" },
        direction: "after",
        clause: [{ document: "ACME CGV", article: "7.4" }],
      },
    ],
    amounts: [],
    interpretations: [],
    contradictions: [],
  };
}

export function acme(): VendorProfile {
  return validateProfile(acmeJson());
}

export function shipped(id: string): VendorProfile {
  const p = SHIPPED_VENDORS.find((v) => v.id === id);
  if (!p) throw new Error(id);
  return p;
}

/** Object.prototype's own keys, to check that nothing was added to it. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
