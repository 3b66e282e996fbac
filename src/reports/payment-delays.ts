import { Decimal, ZERO, type Day } from "../engine";

/**
 * The statutory payment-delay table (Code de commerce L441-14, D441-6 I; model table of the arrêté of
 * 20 March 2017, annexe 4-1 to A.441-2): invoices unpaid at the closing date, by how long they are past
 * due. Pure: invoices in, counts and decimal amounts out.
 */

export type DelayBandId = "0" | "1-30" | "31-60" | "61-90" | "91+";

export interface DelayBand {
  readonly id: DelayBandId;
  /** Days past due at closing, inclusive bounds. */
  readonly min: number;
  readonly max: number;
  /** The column heading of the model table. */
  readonly heading: string;
}

/** The model table's columns. "0 jour (indicatif)" holds invoices not yet due; it is outside the total. */
export const DELAY_BANDS: readonly DelayBand[] = [
  { id: "0", min: Number.NEGATIVE_INFINITY, max: 0, heading: "0 jour (indicatif)" },
  { id: "1-30", min: 1, max: 30, heading: "1 à 30 jours" },
  { id: "31-60", min: 31, max: 60, heading: "31 à 60 jours" },
  { id: "61-90", min: 61, max: 90, heading: "61 à 90 jours" },
  { id: "91+", min: 91, max: Number.POSITIVE_INFINITY, heading: "91 jours et plus" },
];

export const TOTAL_HEADING = "Total (1 jour et plus)";

/** One invoice as the table needs it: what was still unpaid at closing, and when it fell due. */
export interface DelayInvoice {
  /** Sheet row, for messages and for the aging detail. */
  readonly row: number;
  readonly vendor: string;
  /** Amount still unpaid at closing (credit notes negative: they are netted in their band). */
  readonly outstanding: Decimal;
  readonly dueDate: Day;
  /** Disputed or not booked: goes to section (B), not to the bands. */
  readonly excluded: boolean;
}

export function daysPastDue(invoice: Pick<DelayInvoice, "dueDate">, closing: Day): number {
  return closing - invoice.dueDate;
}

export function bandOf(days: number): DelayBandId {
  const band = DELAY_BANDS.find((b) => days >= b.min && days <= b.max);
  // The bands cover every integer: the last one is open-ended.
  return (band ?? DELAY_BANDS[DELAY_BANDS.length - 1]!).id;
}

export interface BandFigures {
  readonly count: number;
  readonly amount: Decimal;
  /** amount / the year's total, as a fraction; undefined when no total was given. */
  readonly share: Decimal | undefined;
}

export interface DelayTable {
  readonly closing: Day;
  readonly bands: Readonly<Record<DelayBandId, BandFigures>>;
  /** Bands 1-30 to 91+ together ("Total (1 jour et plus)"). */
  readonly total: BandFigures;
  /** Section (B): disputed or unbooked invoices unpaid at closing. */
  readonly excluded: { readonly count: number; readonly amount: Decimal };
  readonly yearTotal: Decimal | undefined;
}

function figures(items: readonly DelayInvoice[], yearTotal: Decimal | undefined): BandFigures {
  const amount = items.reduce((sum, i) => sum.plus(i.outstanding), ZERO);
  return {
    count: items.length,
    amount,
    share: yearTotal === undefined || yearTotal.isZero() ? undefined : amount.div(yearTotal),
  };
}

/** Builds table I of D441-6 from the invoices unpaid at closing. */
export function paymentDelayTable(
  invoices: readonly DelayInvoice[],
  closing: Day,
  yearTotal?: Decimal,
): DelayTable {
  const counted = invoices.filter((i) => !i.excluded && !i.outstanding.isZero());
  const byBand = new Map<DelayBandId, DelayInvoice[]>(DELAY_BANDS.map((b) => [b.id, []]));
  for (const invoice of counted) byBand.get(bandOf(daysPastDue(invoice, closing)))!.push(invoice);
  const bands = Object.fromEntries(
    DELAY_BANDS.map((b) => [b.id, figures(byBand.get(b.id) ?? [], yearTotal)]),
  ) as Record<DelayBandId, BandFigures>;
  const late = counted.filter((i) => daysPastDue(i, closing) >= 1);
  const excluded = invoices.filter((i) => i.excluded && !i.outstanding.isZero());
  return {
    closing,
    bands,
    total: figures(late, yearTotal),
    excluded: { count: excluded.length, amount: excluded.reduce((s, i) => s.plus(i.outstanding), ZERO) },
    yearTotal,
  };
}

export interface AgingRow {
  readonly vendor: string;
  readonly bands: Readonly<Record<DelayBandId, Decimal>>;
  /** Past due (1 day and more). */
  readonly pastDue: Decimal;
}

/** Amounts unpaid at closing by vendor and band (disputed invoices left out, as in the table). */
export function agingByVendor(invoices: readonly DelayInvoice[], closing: Day): AgingRow[] {
  const rows = new Map<string, Record<DelayBandId, Decimal>>();
  for (const invoice of invoices) {
    if (invoice.excluded || invoice.outstanding.isZero()) continue;
    let row = rows.get(invoice.vendor);
    if (!row) {
      row = Object.fromEntries(DELAY_BANDS.map((b) => [b.id, ZERO])) as Record<DelayBandId, Decimal>;
      rows.set(invoice.vendor, row);
    }
    const band = bandOf(daysPastDue(invoice, closing));
    row[band] = row[band].plus(invoice.outstanding);
  }
  return [...rows.entries()]
    .map(([vendor, bands]) => ({
      vendor,
      bands,
      pastDue: DELAY_BANDS.filter((b) => b.id !== "0").reduce((s, b) => s.plus(bands[b.id]), new Decimal(0)),
    }))
    .sort((a, b) => b.pastDue.comparedTo(a.pastDue) || a.vendor.localeCompare(b.vendor));
}
