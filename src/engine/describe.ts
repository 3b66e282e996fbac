import type { PaymentTerm, PenaltyRate, VendorProfile } from "./profile";
import { formatCitation, t, type Text } from "./text";

/**
 * Terms as an accountant reads them ("30 jours fin de mois"), for summaries, reports and the pane.
 * The wording follows French commercial usage; the English is the usual translation.
 */

/** English ordinal: 1st, 2nd, 3rd, 5th, 11th, 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

export function describePaymentTerm(term: PaymentTerm): Text {
  switch (term.kind) {
    case "on-invoice":
      return t("on receipt of the invoice", "à réception de la facture");
    case "days":
      return t(`${term.days} days from the invoice date`, `${term.days} jours date de facture`);
    case "days-end-of-month": {
      const day = term.dayOfMonth === undefined ? "" : ` on the ${ordinal(term.dayOfMonth)}`;
      const jour = term.dayOfMonth === undefined ? "" : ` le ${term.dayOfMonth}`;
      const cap =
        term.capDaysEndOfMonth === undefined
          ? t("", "")
          : t(
              ` (never beyond ${term.capDaysEndOfMonth} days end of month)`,
              ` (jamais au-delà de ${term.capDaysEndOfMonth} jours fin de mois)`,
            );
      return t(
        `${term.days} days end of month${day}${cap.en}`,
        `${term.days} jours fin de mois${jour}${cap.fr}`,
      );
    }
    case "day-of-month":
      return term.monthsAfter === 1
        ? t(
            `on the ${ordinal(term.day)} of the month after the invoice`,
            `le ${term.day} du mois suivant la facture`,
          )
        : t(
            `on the ${ordinal(term.day)} of the month ${term.monthsAfter} months after the invoice`,
            `le ${term.day} du ${term.monthsAfter}e mois suivant la facture`,
          );
    case "legal-default":
      // The citation (L441-10 I) goes with the text wherever it is shown.
      return t("no term stated: legal default of 30 days", "aucun délai stipulé : délai légal de 30 jours");
  }
}

export function describePenaltyRate(rate: PenaltyRate): Text {
  switch (rate.kind) {
    case "legal-multiple":
      return t(`${rate.factor} × the legal interest rate`, `${rate.factor} fois le taux d'intérêt légal`);
    case "ecb-plus":
      return t(`ECB rate + ${rate.points} points`, `taux BCE majoré de ${rate.points} points`);
    case "fixed":
      return t(`${rate.annualPercent} % a year`, `${rate.annualPercent} % l'an`);
  }
}

/** "omi: 30 days from the invoice date (OMI CGA art. 6.3)", one line per invoice kind. */
export function describeInvoiceTerms(profile: VendorProfile): Text[] {
  return profile.invoiceKinds.map((kind) => {
    const term = describePaymentTerm(kind.term);
    const refs = kind.clause.map(formatCitation).join("; ");
    return t(`${kind.label.en}: ${term.en} (${refs})`, `${kind.label.fr} : ${term.fr} (${refs})`);
  });
}
