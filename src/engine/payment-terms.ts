import {
  addDays,
  addMonths,
  dayFromYmd,
  daysInMonth,
  endOfMonth,
  formatIsoDay,
  startOfMonth,
  ymdFromDay,
  type Day,
} from "./date";
import { invalidInput } from "./errors";
import { describeTermStart } from "./describe";
import { frenchDate, frenchOf } from "./format";
import type { Trace } from "./explanation";
import type { InvoiceKind, PaymentTerm, TermStart, VendorProfile } from "./profile";
import type { EndOfMonthMethod, Settings } from "./settings";
import { cite, LAW } from "./text";

/** Legal default when no term is stated: 30 days (Code de commerce L441-10 I). */
export const LEGAL_DEFAULT_DAYS = 30;

export function findInvoiceKind(profile: VendorProfile, kindId: string | undefined): InvoiceKind {
  const id = (kindId ?? profile.defaultInvoiceKind).trim().toLowerCase();
  const kind = profile.invoiceKinds.find((k) => k.id === id);
  if (!kind) {
    const known = profile.invoiceKinds.map((k) => k.id).join(", ");
    throw invalidInput(
      "invoiceKind",
      `invoiceKind "${kindId ?? ""}" is not one of ${profile.name}'s invoice kinds: ${known}.`,
      `invoiceKind « ${kindId ?? ""} » n'est pas un type de facture ${frenchOf(profile.name)} : ${known}.`,
    );
  }
  return kind;
}

/** Day K of the month `monthsAfter` months after the month of `day`, clamped to that month's length. */
function dayOfMonthAfter(day: Day, k: number, monthsAfter: number): Day {
  const { y, m } = ymdFromDay(addMonths(startOfMonth(day), monthsAfter));
  return dayFromYmd(y, m, Math.min(k, daysInMonth(y, m)));
}

/** "N days end of month" by the chosen method, then "le K" when the term names a day of the month. */
function daysEndOfMonth(invoiceDate: Day, days: number, method: EndOfMonthMethod, dayOfMonth?: number): Day {
  const due =
    method === "days-then-eom"
      ? endOfMonth(addDays(invoiceDate, days))
      : addDays(endOfMonth(invoiceDate), days);
  if (dayOfMonth === undefined) return due;
  // "45 jours fin de mois le 10": the first 10th on or after that date.
  const sameMonth = dayOfMonthAfter(due, dayOfMonth, 0);
  return sameMonth >= due ? sameMonth : dayOfMonthAfter(due, dayOfMonth, 1);
}

function capDate(term: PaymentTerm, invoiceDate: Day, method: EndOfMonthMethod): Day | undefined {
  return term.kind === "days-end-of-month" && term.capDaysEndOfMonth !== undefined
    ? daysEndOfMonth(invoiceDate, term.capDaysEndOfMonth, method)
    : undefined;
}

/**
 * The date a term counts from when it is not the invoice date: its `from`, and for the legal default
 * the delivery of the goods or the performance of the service (Code de commerce L441-10 I: « le
 * trentième jour suivant la date de réception des marchandises ou d'exécution de la prestation »).
 * Undefined: the invoice date. A register's matching column gives that date (src/apply).
 */
export function termStart(term: PaymentTerm): TermStart | undefined {
  return term.kind === "legal-default" ? "delivery" : term.from;
}

/**
 * Which date a caller gave as the invoice date of `dueDate`, when it knows: the term's own start (a
 * register's « Date de réception »), or the invoice date standing in for it (no such column, or a
 * blank cell). Undefined: not known (a CGV.DUEDATE cell), and the explanation says so generally.
 */
export type CountedFrom = TermStart | "invoice";

/** The due date of one payment term, without explanation: the hot path of bulk work. */
export function applyPaymentTerm(term: PaymentTerm, invoiceDate: Day, method: EndOfMonthMethod): Day {
  switch (term.kind) {
    case "on-invoice":
      return invoiceDate;
    case "days":
      return addDays(invoiceDate, term.days);
    case "legal-default":
      return addDays(invoiceDate, LEGAL_DEFAULT_DAYS);
    case "day-of-month":
      return dayOfMonthAfter(invoiceDate, term.day, term.monthsAfter);
    case "days-end-of-month": {
      const due = daysEndOfMonth(invoiceDate, term.days, method, term.dayOfMonth);
      const cap = capDate(term, invoiceDate, method);
      return cap !== undefined && cap < due ? cap : due;
    }
  }
}

/**
 * The payment due date of an invoice of the given kind (default: the vendor's ordinary invoice).
 * A due date on a weekend or holiday is not moved: no rule says so (docs/terms.md#due-dates-on-weekends-and-holidays).
 */
export function dueDate(
  profile: VendorProfile,
  invoiceDate: Day,
  kindId: string | undefined,
  settings: Settings,
  trace?: Trace,
  countedFrom?: CountedFrom,
): Day {
  const kind = findInvoiceKind(profile, kindId);
  const term = kind.term;
  const due = applyPaymentTerm(term, invoiceDate, settings.endOfMonthMethod);
  if (trace) explainDueDate(trace, profile, kind, invoiceDate, due, settings.endOfMonthMethod, countedFrom);
  return due;
}

/** Which date a term from receipt, delivery or order was counted from: the one given, or the invoice date. */
function explainStart(
  trace: Trace,
  kind: InvoiceKind,
  wanted: TermStart,
  countedFrom: CountedFrom | undefined,
  date: Day,
): void {
  const start = describeTermStart(wanted);
  const inv = formatIsoDay(date);
  const datee = frenchDate(date);
  if (countedFrom === undefined)
    trace.step(
      `This term counts from ${start.en}: it is counted from the date given, ${inv} (${start.en} when known, else the invoice date).`,
      `Ce délai court à compter de ${start.fr} : il est compté de la date donnée, le ${datee} (${start.fr} si elle est connue, sinon la date de facture).`,
      ...kind.clause,
    );
  else if (countedFrom === "invoice")
    trace.step(
      `This term counts from ${start.en}, which the register does not give: the invoice date, ${inv}, stands in for it.`,
      `Ce délai court à compter de ${start.fr}, que le registre ne donne pas : la date de facture, le ${datee}, en tient lieu.`,
      ...kind.clause,
    );
  else
    trace.step(
      `This term counts from ${start.en}: ${inv}, as the register gives it.`,
      `Ce délai court à compter de ${start.fr} : le ${datee}, telle que le registre la donne.`,
      ...kind.clause,
    );
}

function explainDueDate(
  trace: Trace,
  profile: VendorProfile,
  kind: InvoiceKind,
  invoiceDate: Day,
  due: Day,
  method: EndOfMonthMethod,
  countedFrom: CountedFrom | undefined,
): void {
  const term = kind.term;
  const inv = formatIsoDay(invoiceDate);
  const d = formatIsoDay(due);
  const datee = frenchDate(invoiceDate);
  const echeance = frenchDate(due);
  // The date given is the receipt's, the delivery's or the order's when the caller says so.
  const given = countedFrom !== undefined && countedFrom !== "invoice";
  trace.step(
    given
      ? `Invoice kind "${kind.id}" (${kind.label.en}) of ${profile.name}.`
      : `Invoice kind "${kind.id}" (${kind.label.en}) of ${profile.name}, invoice dated ${inv}.`,
    given
      ? `Facture de type « ${kind.label.fr} » ${frenchOf(profile.name)}.`
      : `Facture de type « ${kind.label.fr} » ${frenchOf(profile.name)}, datée du ${datee}.`,
    ...kind.clause,
  );
  // The engine counts from the date it is given; a term from receipt, delivery or order says so,
  // and which date it was when the caller knows (a register's column, or the invoice date instead).
  const wanted = term.kind === "legal-default" ? undefined : term.from;
  const from = countedFrom === "invoice" ? undefined : wanted;
  const start = describeTermStart(from);
  if (wanted !== undefined) explainStart(trace, kind, wanted, countedFrom, invoiceDate);
  switch (term.kind) {
    case "on-invoice":
      trace.step(
        from === undefined
          ? `Payable at once: due on the invoice date, ${d}.`
          : `Payable at once: due on ${start.en}, ${d}.`,
        from === undefined
          ? `Payable immédiatement : échéance à la date de facture, ${echeance}.`
          : `Payable immédiatement : échéance à ${start.fr}, ${echeance}.`,
        ...kind.clause,
      );
      break;
    case "days":
      trace.step(
        `${term.days} calendar days after ${start.en}: ${d}.`,
        `${term.days} jours calendaires après ${start.fr} : ${echeance}.`,
        ...kind.clause,
      );
      break;
    case "legal-default":
      trace.step(
        countedFrom === "delivery"
          ? `The terms state no payment term for this invoice: legal default of ${LEGAL_DEFAULT_DAYS} days after the date of delivery or performance given, ${inv}: ${d}.`
          : `The terms state no payment term for this invoice: legal default of ${LEGAL_DEFAULT_DAYS} days, counted from the invoice date as a proxy for the date of performance: ${d}.`,
        countedFrom === "delivery"
          ? `Les conditions ne fixent aucun délai pour cette facture : délai légal supplétif de ${LEGAL_DEFAULT_DAYS} jours après la date de livraison ou d'exécution donnée, le ${datee} : ${echeance}.`
          : `Les conditions ne fixent aucun délai pour cette facture : délai légal supplétif de ${LEGAL_DEFAULT_DAYS} jours, compté de la date de facture (à défaut de la date d'exécution) : ${echeance}.`,
        cite(LAW.commerce, "L441-10 I"),
      );
      break;
    case "day-of-month":
      trace.step(
        `Payable on day ${term.day} of the month ${term.monthsAfter} month(s) after ${from === undefined ? "the invoice month" : `the month of ${start.en}`}: ${d}.`,
        `Payable le ${term.day} du ${term.monthsAfter === 1 ? "mois suivant" : `${term.monthsAfter}e mois suivant`} ${from === undefined ? "le mois de facture" : `le mois de ${start.fr}`} : ${echeance}.`,
        ...kind.clause,
      );
      break;
    case "days-end-of-month": {
      const how =
        method === "days-then-eom"
          ? {
              en: `${from === undefined ? "invoice date" : start.en} + ${term.days} days, then end of that month`,
              fr: `${from === undefined ? "date de facture" : start.fr} + ${term.days} jours, puis fin de ce mois`,
            }
          : {
              en: `${from === undefined ? "end of the invoice month" : `end of the month of ${start.en}`}, then + ${term.days} days`,
              fr: `${from === undefined ? "fin du mois de facture" : `fin du mois de ${start.fr}`}, puis + ${term.days} jours`,
            };
      trace.step(
        `${term.days} days end of month, computed as ${how.en} (method "${method}"; both methods are accepted by the DGCCRF and the CEPC): ${d}.`,
        `${term.days} jours fin de mois, calculés ainsi : ${how.fr} (méthode « ${method} » ; les deux méthodes sont admises par la DGCCRF et la CEPC) : ${echeance}.`,
        ...kind.clause,
        cite(LAW.commerce, "L441-10 I"),
      );
      const cap = capDate(term, invoiceDate, method);
      if (cap !== undefined) {
        const binds = cap === due;
        trace.step(
          `Never beyond ${term.capDaysEndOfMonth} days end of month (${formatIsoDay(cap)}): ${binds ? "the ceiling applies" : "the ceiling does not move this date"}.`,
          `Jamais au-delà de ${term.capDaysEndOfMonth} jours fin de mois (${frenchDate(cap)}) : ${binds ? "le plafond s'applique" : "ce plafond ne modifie pas la date"}.`,
          ...kind.clause,
        );
      }
      break;
    }
  }
  trace.step(
    "A due date falling on a weekend or a public holiday is not moved: no clause says so.",
    "Une échéance tombant un week-end ou un jour férié n'est pas reportée : aucune clause ne le prévoit.",
  );
}
