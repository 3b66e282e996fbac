import {
  type Decimal,
  invoiceStatement,
  isEngineError,
  prescriptionCheck,
  ZERO,
  type Day,
  type Settings,
  type VendorProfile,
} from "../engine";
import { foldText } from "../input/recovery-cells";
import { exclusionOf } from "./classify";
import { mostAdvanced } from "./levels";
import { EXCLUSION_TEXT } from "./messages";
import type {
  ClaimedInvoice,
  ClientFile,
  ClientTotals,
  ExcludedInvoice,
  RecoveryBook,
  RecoveryInvoice,
} from "./types";

/**
 * From a register's invoices to what each client owes on a date: one statement per late invoice
 * (the engine's, so each total is CGV.LATEFEE), grouped per client with totals, and every invoice
 * left out listed with its reason. One pass over the invoices; memory is the invoices and their
 * statements.
 */

export interface RecoveryOptions {
  readonly profile: VendorProfile;
  readonly settings: Settings;
  /** The date d'arrêté. */
  readonly asOf: Day;
  /** Only this client (its name, compared without case, accents or extra spaces). */
  readonly client?: string | undefined;
}

/** The grouping key of a client's name: « Hôtel  Bellevue » and « hotel bellevue » are one client. */
export function clientKey(name: string): string {
  return foldText(name);
}

function claimOf(invoice: RecoveryInvoice, options: RecoveryOptions): ClaimedInvoice | "not-late" {
  const formalNotice =
    invoice.lastReminder?.level === "mise-en-demeure" ? invoice.lastReminder.date : undefined;
  const statement = invoiceStatement(
    options.profile,
    {
      amount: invoice.amount,
      dueDate: invoice.dueDate,
      asOf: options.asOf,
      payments: invoice.payments,
      client: invoice.clientType,
      recoveryCosts: invoice.recoveryCosts,
      formalNotice,
    },
    options.settings,
  );
  if (statement.daysLate === 0) return "not-late";
  const unpaid = statement.outstanding.gt(0);
  if (!unpaid && statement.total.isZero() && !statement.missingRate) return "not-late";
  return {
    invoice,
    statement,
    state: unpaid ? "unpaid" : "paid-late",
    prescription: prescriptionCheck(invoice.dueDate, invoice.clientType, options.asOf),
  };
}

/** The totals of some claimed invoices. */
export function totalsOf(invoices: readonly ClaimedInvoice[]): ClientTotals {
  let principal = ZERO;
  let interest = ZERO;
  let fees = ZERO;
  for (const c of invoices) {
    principal = principal.plus(c.statement.outstanding);
    interest = interest.plus(c.statement.interest);
    fees = fees.plus(c.statement.fee);
  }
  const penalties = interest.plus(fees);
  return { principal, interest, fees, penalties, claimed: principal.plus(penalties) };
}

/** The claims of a register as of a date, per client, in the order clients first appear. */
export function buildRecovery(invoices: readonly RecoveryInvoice[], options: RecoveryOptions): RecoveryBook {
  const wanted = options.client === undefined ? undefined : clientKey(options.client);
  const excluded: ExcludedInvoice[] = [];
  const byClient = new Map<string, { name: string; claims: ClaimedInvoice[] }>();
  let notLate = 0;
  const notLateClients = new Map<string, string>();
  for (const invoice of invoices) {
    const key = clientKey(invoice.client);
    if (wanted !== undefined && key !== wanted) continue;
    const exclusion = exclusionOf(invoice);
    if (exclusion) {
      excluded.push(exclusion);
      continue;
    }
    let claim: ClaimedInvoice | "not-late";
    try {
      claim = claimOf(invoice, options);
    } catch (e) {
      if (!isEngineError(e)) throw e;
      excluded.push({ invoice, reason: "invalid", text: EXCLUSION_TEXT.invalid(invoice, e.text) });
      continue;
    }
    if (claim === "not-late") {
      notLate += 1;
      if (!notLateClients.has(key)) notLateClients.set(key, invoice.client.trim());
      continue;
    }
    let group = byClient.get(key);
    if (!group) byClient.set(key, (group = { name: invoice.client.trim(), claims: [] }));
    group.claims.push(claim);
  }
  const clients: ClientFile[] = [];
  for (const [key, group] of byClient) {
    const claims = group.claims;
    const address = claims
      .map((c) => c.invoice.clientAddress?.trim())
      .find((a) => a !== undefined && a !== "");
    clients.push({
      name: group.name,
      key,
      address,
      clientType: (claims[0] as ClaimedInvoice).invoice.clientType,
      invoices: claims,
      totals: totalsOf(claims),
      lastReminder: mostAdvanced(claims.map((c) => c.invoice.lastReminder)),
    });
  }
  const nothingLate = [...notLateClients].filter(([key]) => !byClient.has(key)).map(([, name]) => name);
  return { asOf: options.asOf, clients, excluded, notLate, nothingLate };
}

/** Σ of a field over the clients of a book (the grand total line). */
export function bookTotals(book: RecoveryBook): ClientTotals {
  const sum = (pick: (t: ClientTotals) => Decimal) =>
    book.clients.reduce((s, c) => s.plus(pick(c.totals)), ZERO);
  return {
    principal: sum((t) => t.principal),
    interest: sum((t) => t.interest),
    fees: sum((t) => t.fees),
    penalties: sum((t) => t.penalties),
    claimed: sum((t) => t.claimed),
  };
}
