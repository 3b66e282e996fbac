import {
  addDays,
  addMonths,
  dayFromYmd,
  daysInMonth,
  endOfMonth,
  holidaysOf,
  iso,
  ymdFromDay,
  type Day,
} from "../../src/engine";
import { rng } from "../../samples/rng";

export { rng };

/**
 * Deterministic, varied registers for the portable-formula tests: month ends, 29 February, public
 * holidays, half-year boundaries, partial payments, typed due dates, justified costs, consumer
 * clients, every invoice kind and plan (ids and French words), vendor options per row.
 */

export const serial = (day: Day): number => day + 25569;

type Cell = string | number | null;

interface Gen {
  readonly r: () => number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

function gen(seed: number): Gen {
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  return {
    r,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T,
    chance: (p: number) => r() < p,
  };
}

/** A "remarkable" day between two dates: month ends, 29 Feb, holidays, half-year edges, or any day. */
function interestingDay(g: Gen, from: Day, to: Day): Day {
  const any = (from + g.int(0, to - from)) as Day;
  const { y, m } = ymdFromDay(any);
  let d: Day;
  switch (g.int(0, 9)) {
    case 0:
      d = endOfMonth(any);
      break;
    case 1:
      d = dayFromYmd(y, m, Math.min(daysInMonth(y, m), g.pick([28, 29, 30, 31])));
      break;
    case 2:
      d = g.pick([dayFromYmd(y, 2, 28), dayFromYmd(y, 2, daysInMonth(y, 2)), dayFromYmd(y, 3, 1)]);
      break;
    case 3:
      d = g.pick(holidaysOf(y, "metropole")).day;
      break;
    case 4:
      d = g.pick([dayFromYmd(y, 6, 30), dayFromYmd(y, 7, 1), dayFromYmd(y, 12, 31), dayFromYmd(y, 1, 1)]);
      break;
    case 5:
      d = dayFromYmd(y, m, 1);
      break;
    default:
      d = any;
  }
  return (d < from ? from : d > to ? to : d) as Day;
}

export interface VendorInvoiceSpec {
  readonly vendor: string;
  /** Vendor cell texts used per row (ids with options, or names). */
  readonly vendorCells: readonly string[];
  readonly kinds: readonly (string | null)[];
  readonly clients: readonly (string | null)[];
  readonly asOf: string;
}

export const INVOICE_SPECS: readonly VendorInvoiceSpec[] = [
  {
    vendor: "omi",
    vendorCells: ["omi", "OMI SAS"],
    kinds: [null, "invoice", "subscription", "Abonnement", "Facture"],
    clients: [null, "pro"],
    asOf: "2026-03-01",
  },
  {
    vendor: "sillage",
    vendorCells: ["sillage", "Sillage.ai", "sillage+alsace-moselle"],
    kinds: [null, "consulting", "training", "deposit", "setup", "subscription", "Formation", "Acompte"],
    clients: [null, "pro"],
    asOf: "2025-12-31",
  },
  {
    vendor: "xiahdeh",
    vendorCells: ["xiahdeh", "xiahdeh+flat"],
    kinds: [null, "balance", "deposit", "annex", "Maintenance"],
    clients: [null, "pro", "particulier", "consumer"],
    asOf: "2026-06-30",
  },
  {
    vendor: "injenius",
    vendorCells: ["injenius"],
    kinds: [null, "subscription", "study", "Étude"],
    clients: [null, "pro", "particulier"],
    asOf: "2024-02-29",
  },
  {
    vendor: "digitalli",
    vendorCells: ["digitalli", "digitalli+eom-then-days", "DIGITALLI SAS"],
    kinds: [null, "balance", "deposit", "first-order", "export", "Solde"],
    clients: [null, "pro"],
    asOf: "2025-07-01",
  },
];

export const INVOICE_HEADERS = [
  "Référence",
  "Fournisseur",
  "Date facture",
  "Type de facture",
  "Montant TTC",
  "Échéance",
  "Date de paiement",
  "Montant payé",
  "Frais de recouvrement",
  "Type client",
];

/** `count` invoice rows for a vendor; every date lies where the shipped rate table knows the rates. */
export function invoiceRows(spec: VendorInvoiceSpec, count: number, seed: number): Cell[][] {
  const g = gen(seed);
  const first = iso("2015-01-01");
  const lastRate = iso("2026-06-30");
  const asOf = iso(spec.asOf);
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const invoice = interestingDay(g, first, (asOf - 20) as Day);
    const amount = g.chance(0.1) ? g.int(1, 99) : g.int(100, 20_000_000) / 100;
    const typedDue = g.chance(0.08) ? addDays(invoice, g.pick([0, 10, 45, 60])) : null;
    const approxDue = typedDue ?? addDays(invoice, 30);
    let paid: Day | null = null;
    switch (g.int(0, 5)) {
      case 0:
      case 1:
        paid = null;
        break;
      case 2:
        paid = addDays(approxDue, g.int(-20, 5));
        break;
      case 3:
        paid = interestingDay(g, approxDue, lastRate);
        break;
      default:
        paid = addDays(approxDue, g.int(1, 400));
    }
    if (paid !== null && paid > lastRate) paid = lastRate;
    if (paid !== null && paid < invoice) paid = invoice;
    let amountPaid: number | null = null;
    if (g.chance(0.25)) {
      const k = g.int(0, 5);
      amountPaid =
        k === 0 ? 0 : k === 1 ? amount : k === 2 ? amount + 10 : Math.round(amount * g.r() * 100) / 100;
      if (amountPaid > 0 && paid === null) paid = interestingDay(g, invoice, lastRate);
    }
    const costs = g.chance(0.12) ? g.pick([0, 25, 40, 40.01, 85.5, 150]) : null;
    rows.push([
      `F-${spec.vendor.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(5, "0")}`,
      g.pick(spec.vendorCells),
      serial(invoice),
      g.pick(spec.kinds),
      amount,
      typedDue === null ? null : serial(typedDue),
      paid === null ? null : serial(paid),
      amountPaid,
      costs,
      g.pick(spec.clients),
    ]);
  }
  return rows;
}

export interface VendorSubscriptionSpec {
  readonly vendor: string;
  readonly plans: readonly (string | null)[];
  readonly asOf: string;
  /** Period in months, to aim notices and additions near renewals. */
  readonly every: number;
}

export const SUBSCRIPTION_SPECS: readonly VendorSubscriptionSpec[] = [
  { vendor: "omi", plans: [null, "standard"], asOf: "2025-05-31", every: 12 },
  { vendor: "sillage", plans: [null, "subscription"], asOf: "2026-02-28", every: 1 },
  {
    vendor: "injenius",
    plans: [
      null,
      "no-commitment",
      "commitment-monthly",
      "commitment-annual",
      "Sans engagement",
      "Engagement annuel",
    ],
    asOf: "2024-12-31",
    every: 12,
  },
];

export const SUBSCRIPTION_HEADERS = [
  "Référence",
  "Fournisseur",
  "Date de début",
  "Formule",
  "Dernier ajout de module",
  "Date de préavis",
];

export function subscriptionRows(spec: VendorSubscriptionSpec, count: number, seed: number): Cell[][] {
  const g = gen(seed);
  const asOf = iso(spec.asOf);
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const start = interestingDay(g, iso("2016-01-01"), addDays(asOf, 60));
    // A notice near a deadline (month ends included), or none.
    let notice: Day | null = null;
    if (g.chance(0.35)) {
      const months = g.int(0, 40);
      const around = addMonths(start, months);
      notice = g.chance(0.3) ? endOfMonth(around) : addDays(around, g.int(-70, 5));
      if (notice < start) notice = start;
    }
    let addition: Day | null = null;
    if (spec.vendor === "omi" && g.chance(0.4)) {
      const limit = notice !== null && notice < asOf ? notice : asOf;
      if (limit >= start) {
        // Often in the 3 months before an anniversary (the re-anchoring window), at its edges too.
        const k = g.int(1, 12);
        const renewal = addMonths(start, 12 * k);
        const candidate = g.chance(0.6)
          ? addDays(addMonths(renewal, -3), g.int(-2, 92))
          : interestingDay(g, start, limit);
        addition = candidate < start ? start : candidate > limit ? limit : candidate;
      }
    }
    rows.push([
      `A-${spec.vendor.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(5, "0")}`,
      spec.vendor,
      serial(start),
      g.pick(spec.plans),
      addition === null ? null : serial(addition),
      notice === null ? null : serial(notice),
    ]);
  }
  return rows;
}
