import { Decimal, iso, resolveVendor, type ClientType } from "../../src/engine";
import type { StoredCompany } from "../../src/storage";
import { buildRecovery, type RecoveryInvoice, type ReminderLevel } from "../../src/recovery";

/** Test invoices written as an accountant would list them; ISO dates, amounts as text. */
export interface InvoiceSpec {
  readonly ref: string;
  readonly client: string;
  readonly amount: string;
  readonly due: string;
  readonly issued?: string;
  readonly paid?: readonly (readonly [string, string])[];
  readonly address?: string;
  readonly type?: ClientType;
  readonly status?: string;
  readonly disputed?: boolean;
  readonly collective?: boolean;
  readonly last?: readonly [ReminderLevel, string];
}

export function invoice(spec: InvoiceSpec, row = 2): RecoveryInvoice {
  return {
    row,
    reference: spec.ref,
    client: spec.client,
    clientAddress: spec.address,
    clientType: spec.type ?? "pro",
    invoiceDate: spec.issued === undefined ? undefined : iso(spec.issued),
    dueDate: iso(spec.due),
    amount: new Decimal(spec.amount),
    payments: (spec.paid ?? []).map(([date, amount]) => ({ date: iso(date), amount: new Decimal(amount) })),
    status: spec.status,
    disputed: spec.disputed,
    collectiveProceedings: spec.collective,
    lastReminder: spec.last ? { level: spec.last[0], date: iso(spec.last[1]) } : undefined,
  };
}

export const invoices = (...specs: InvoiceSpec[]): RecoveryInvoice[] =>
  specs.map((s, i) => invoice(s, i + 2));

export function book(spec: string, asOf: string, list: readonly RecoveryInvoice[], client?: string) {
  const { profile, settings } = resolveVendor(spec);
  return { profile, settings, book: buildRecovery(list, { profile, settings, asOf: iso(asOf), client }) };
}

/**
 * The hand-worked client: three OMI invoices of Boulangerie Martin (CGA 6.3: 3 × the legal rate, floor
 * 3 × the legal rate, 40 € per invoice), statement made up to 30/06/2026. Legal rates (professional):
 * 2025-H2 2,76 % → 8,28 %; 2026-H1 2,62 % → 7,86 %.
 *
 * OMI-2025-101, 1 200,00 €, due 31/10/2025, unpaid:
 *   01/11–31/12/2025  61 d × 1200 × 8,28 % / 365 = 16,6054 → 16,61
 *   01/01–30/06/2026 181 d × 1200 × 7,86 % / 365 = 46,7724 → 46,77
 *   interest 23 132,88 / 365 = 63,3778 → 63,38; fee 40; total 103,38
 * OMI-2025-115, 3 000,00 €, due 15/12/2025, 1 000,00 € paid 31/01/2026 (applied to the principal):
 *   16/12–31/12/2025  16 d × 3000 × 8,28 % / 365 = 10,8888 → 10,89
 *   01/01–31/01/2026  31 d × 3000 × 7,86 % / 365 = 20,0268 → 20,03
 *   01/02–30/06/2026 150 d × 2000 × 7,86 % / 365 = 64,6027 → 64,60
 *   interest 34 864,20 / 365 = 95,5184 → 95,52; fee 40; total 135,52
 * OMI-2026-007, 850,00 €, due 12/03/2026, unpaid:
 *   13/03–30/06/2026 110 d × 850 × 7,86 % / 365 = 20,1345 → 20,13; fee 40; total 60,13
 * Client: principal 1 200 + 2 000 + 850 = 4 050,00; interest 63,38 + 95,52 + 20,13 = 179,03;
 * fees 120,00; penalties 299,03; claimed 4 349,03.
 */
export const MARTIN: InvoiceSpec[] = [
  {
    ref: "OMI-2025-101",
    client: "Boulangerie Martin",
    amount: "1200",
    issued: "2025-10-01",
    due: "2025-10-31",
    address: "4 place du Marché\n69003 Lyon",
  },
  {
    ref: "OMI-2025-115",
    client: "Boulangerie Martin",
    amount: "3000",
    issued: "2025-11-15",
    due: "2025-12-15",
    paid: [["2026-01-31", "1000"]],
    address: "4 place du Marché\n69003 Lyon",
  },
  {
    ref: "OMI-2026-007",
    client: "boulangerie  MARTIN",
    amount: "850",
    issued: "2026-02-10",
    due: "2026-03-12",
  },
];

// 732 829 320: a SIREN whose Luhn key holds; FR76 3000 6000 0112 3456 7890 189: a valid IBAN (mod 97).
export const COMPANY: StoredCompany = {
  name: "OMI SAS",
  legalForm: "SAS au capital de 50 000 €",
  address: "18 rue des Lilas\n75011 Paris",
  siren: "732829320",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
  email: "facturation@omi.example",
  place: "Paris",
};
