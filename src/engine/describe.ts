import type { PaymentTerm, PenaltyRate, TermStart, VendorProfile } from "./profile";
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

/** What a term counts from, after its days: "à compter de la réception" (nothing for the invoice date). */
const COUNTED_FROM: Readonly<Record<TermStart, Text>> = {
  receipt: t("from receipt", "à compter de la réception"),
  delivery: t("from delivery", "à compter de la livraison"),
  order: t("from the order", "à compter de la commande"),
};

/** A term due on the day itself: "à la livraison". */
const DUE_ON: Readonly<Record<TermStart, Text>> = {
  receipt: t("on the date of receipt", "à la date de réception"),
  delivery: t("on delivery", "à la livraison"),
  order: t("on the order date", "à la date de commande"),
};

/** The month after what: "le 10 du mois suivant la livraison". */
const MONTH_AFTER: Readonly<Record<TermStart | "invoice", Text>> = {
  invoice: t("the invoice", "la facture"),
  receipt: t("receipt", "la réception"),
  delivery: t("delivery", "la livraison"),
  order: t("the order", "la commande"),
};

function countedFrom(from: TermStart | undefined): Text {
  if (from === undefined) return t("", "");
  const c = COUNTED_FROM[from];
  return t(` ${c.en}`, ` ${c.fr}`);
}

/** The date a term counts from, as the explanation names it. */
export function describeTermStart(from: TermStart | undefined): Text {
  switch (from) {
    case undefined:
      return t("the invoice date", "la date de facture");
    case "receipt":
      return t("the date of receipt", "la date de réception");
    case "delivery":
      return t("the date of delivery or performance", "la date de livraison ou d'exécution");
    case "order":
      return t("the order date", "la date de commande");
  }
}

export function describePaymentTerm(term: PaymentTerm): Text {
  switch (term.kind) {
    case "on-invoice":
      return term.from === undefined
        ? t("on receipt of the invoice", "à réception de la facture")
        : DUE_ON[term.from];
    case "days": {
      const from = countedFrom(term.from);
      return term.from === undefined
        ? t(`${term.days} days from the invoice date`, `${term.days} jours date de facture`)
        : t(`${term.days} days${from.en}`, `${term.days} jours${from.fr}`);
    }
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
      const from = countedFrom(term.from);
      return t(
        `${term.days} days end of month${day}${from.en}${cap.en}`,
        `${term.days} jours fin de mois${jour}${from.fr}${cap.fr}`,
      );
    }
    case "day-of-month": {
      const what = MONTH_AFTER[term.from ?? "invoice"];
      return term.monthsAfter === 1
        ? t(
            `on the ${ordinal(term.day)} of the month after ${what.en}`,
            `le ${term.day} du mois suivant ${what.fr}`,
          )
        : t(
            `on the ${ordinal(term.day)} of the month ${term.monthsAfter} months after ${what.en}`,
            `le ${term.day} du ${term.monthsAfter}e mois suivant ${what.fr}`,
          );
    }
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
