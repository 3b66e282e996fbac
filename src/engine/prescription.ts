import { addMonths, addYears, type Day } from "./date";
import { formatDate } from "./format";
import type { ClientType } from "./profile";
import { cite, LAW, type Citation, type Text } from "./text";

/**
 * How long a vendor may sue for an invoice: 5 years between businesses (Code de commerce L110-4),
 * 2 years for a professional's claim against a consumer (Code de la consommation L218-2).
 *
 * The start is debated — the completion of the service (Cass. com. 26 February 2020, n° 18-25.036),
 * elsewhere the invoice date — so the start used here is a named policy: the due date, the one date
 * every register has. Since the period may have started earlier, the warning comes
 * `PRESCRIPTION_WARNING_MONTHS` before the end and says so. Only an acknowledgement by the debtor, a
 * court action or an enforcement measure interrupts it (Code civil 2240, 2241, 2244); a formal notice
 * does not (Cass. com. 18 May 2022, n° 20-23.204).
 */

export const PRESCRIPTION_YEARS: Readonly<Record<ClientType, number>> = { pro: 5, consumer: 2 };
export const PRESCRIPTION_START = "due-date" as const;
export const PRESCRIPTION_WARNING_MONTHS = 6;

export type PrescriptionState = "running" | "near" | "past";

export interface PrescriptionCheck {
  readonly state: PrescriptionState;
  readonly years: number;
  /** The last day an action interrupts it: the due date + the period, date to date (Code civil 2228-2229). */
  readonly lastDay: Day;
  /** From this day on the invoice is flagged. */
  readonly warnFrom: Day;
  readonly citation: Citation;
  /** What to tell the user when `state` is not "running". */
  readonly text: Text | undefined;
}

const INTERRUPTION: Text = {
  fr: "seuls une reconnaissance de dette du client, une action en justice ou une mesure d'exécution l'interrompent (Code civil 2240, 2241, 2244) ; une mise en demeure ne l'interrompt pas",
  en: "only an acknowledgement by the client, a court action or an enforcement measure interrupts it (Code civil 2240, 2241, 2244); a formal notice does not",
};

const EARLIER: Text = {
  fr: "le délai a pu commencer plus tôt (à l'achèvement de la prestation ou à la date de facture)",
  en: "the period may have started earlier (on completion of the service or on the invoice date)",
};

/** Whether an invoice due on `dueDate` is near or past prescription on `asOf`, and what to say. */
export function prescriptionCheck(dueDate: Day, client: ClientType, asOf: Day): PrescriptionCheck {
  const years = PRESCRIPTION_YEARS[client];
  const citation = client === "pro" ? cite(LAW.commerce, "L110-4") : cite(LAW.consommation, "L218-2");
  const lastDay = addYears(dueDate, years);
  const warnFrom = addMonths(lastDay, -PRESCRIPTION_WARNING_MONTHS);
  const state: PrescriptionState = asOf > lastDay ? "past" : asOf >= warnFrom ? "near" : "running";
  const law = client === "pro" ? "Code de commerce L110-4" : "Code de la consommation L218-2";
  const counted = {
    fr: `${years} ans comptés de l'échéance du ${formatDate(dueDate, "fr")}, ${law}`,
    en: `${years} years counted from the due date ${formatDate(dueDate, "en")}, ${law}`,
  };
  let text: Text | undefined;
  if (state === "near")
    text = {
      fr: `Prescription proche : l'action en paiement se prescrit le ${formatDate(lastDay, "fr")} (${counted.fr}) ; ${EARLIER.fr} ; ${INTERRUPTION.fr}.`,
      en: `Prescription near: the claim is time-barred after ${formatDate(lastDay, "en")} (${counted.en}); ${EARLIER.en}; ${INTERRUPTION.en}.`,
    };
  else if (state === "past")
    text = {
      fr: `Prescription probablement acquise : le délai a expiré le ${formatDate(lastDay, "fr")} (${counted.fr}), sauf interruption ; ${INTERRUPTION.fr}.`,
      en: `Probably time-barred: the period ended on ${formatDate(lastDay, "en")} (${counted.en}), unless interrupted; ${INTERRUPTION.en}.`,
    };
  return { state, years, lastDay, warnFrom, citation, text };
}
