import type { Text } from "../engine";
import { isCollectiveStatus, isDisputedStatus } from "../input/recovery-cells";
import { EXCLUSION_TEXT } from "./messages";
import type { ExcludedInvoice, RecoveryInvoice } from "./types";

/**
 * Which invoices recovery must leave alone, before any figure is computed:
 * - a disputed invoice (« litige », « contesté » in its status, or a dispute mark): chasing it would
 *   ignore the client's objection, and a court would ask about it first;
 * - a credit note (a negative amount): it bears no penalties;
 * - a client in collective proceedings (sauvegarde, redressement, liquidation): interest stops at the
 *   opening judgment (Code de commerce L622-28), the claim is declared to the mandataire (L622-24),
 *   not chased by letter.
 */

export { foldText, isCollectiveStatus, isDisputedStatus } from "../input/recovery-cells";

/** Why an invoice is left out, or undefined when recovery may consider it. */
export function exclusionOf(invoice: RecoveryInvoice): ExcludedInvoice | undefined {
  const out = (reason: ExcludedInvoice["reason"], text: Text): ExcludedInvoice => ({ invoice, reason, text });
  if (invoice.collectiveProceedings || isCollectiveStatus(invoice.status))
    return out("collective-proceedings", EXCLUSION_TEXT.collective(invoice));
  if (invoice.amount.isNeg()) return out("credit-note", EXCLUSION_TEXT.creditNote(invoice));
  if (invoice.disputed || isDisputedStatus(invoice.status))
    return out("disputed", EXCLUSION_TEXT.disputed(invoice));
  return undefined;
}
