import {
  describePaymentTerm,
  describePenaltyRate,
  formatCitation,
  LAW,
  type Citation,
  type Language,
  type LatePaymentRule,
  type Plan,
  type VendorProfile,
} from "../../../engine";
import { COMMON } from "../../i18n/common";
import { VENDOR_SUMMARY_STRINGS } from "./strings";

/**
 * A vendor's terms as short readable lines, each with its clause citations: what the pane shows when a
 * vendor is chosen. Pure: built from the profile data, never from a computation.
 */
export interface SummaryLine {
  readonly label: string;
  /**
   * The id the register or a formula uses for this line (an invoice kind typed in the « Type de
   * facture » column, a plan in « Formule »): kept out of the label, shown on demand.
   */
  readonly id?: string;
  readonly text: string;
  readonly cites: readonly string[];
  readonly isDefault?: boolean;
}

export interface VendorSummary {
  readonly title: string;
  readonly business: string;
  readonly document: string;
  readonly paymentTerms: readonly SummaryLine[];
  readonly latePayment: readonly SummaryLine[];
  /** One line per plan, or a single "not applicable" line with the clause that says why. */
  readonly subscriptions: readonly SummaryLine[];
  readonly interpretations: readonly SummaryLine[];
  readonly contradictions: readonly SummaryLine[];
}

const cites = (list: readonly Citation[]): string[] => list.map(formatCitation);

function describeRate(rule: LatePaymentRule, lang: Language): string {
  const s = VENDOR_SUMMARY_STRINGS[lang];
  const base =
    rule.base === "amount-incl-vat"
      ? s.onAmountInclVat
      : rule.base === "sum-due"
        ? s.onSumsDue
        : s.onInvoiceAmount;
  const floor =
    rule.floor === "statutory" ? s.statutoryFloor : rule.floor === "contractual" ? s.contractualFloor : "";
  return s.interestRule(describePenaltyRate(rule.rate)[lang], base, floor);
}

function describePlan(plan: Plan, lang: Language): string {
  const s = VENDOR_SUMMARY_STRINGS[lang];
  const { initialMonths, renewalMonths } = plan.schedule;
  const period =
    initialMonths === renewalMonths
      ? s.samePeriods(initialMonths)
      : s.initialThenPeriods(initialMonths, renewalMonths);
  const unit = plan.notice.unit === "months" ? s.noticeMonths : s.noticeDays;
  const end = plan.end === "end-of-calendar-month" ? s.endsAtMonthEnd : s.endsDayBefore;
  const fee = plan.monthlyFeeExclVat ? s.monthlyFee(plan.monthlyFeeExclVat) : "";
  return `${[period, s.notice(plan.notice.amount, unit), end].join(s.clauseSeparator)}.${fee}`;
}

function latePaymentLines(profile: VendorProfile, lang: Language): SummaryLine[] {
  const s = VENDOR_SUMMARY_STRINGS[lang];
  const lp = profile.latePayment;
  const fee = lp.recoveryFee;
  const lines: SummaryLine[] = [
    { label: s.interest, text: describeRate(lp, lang), cites: cites(lp.clause) },
    {
      label: s.recoveryFee,
      text: s.recoveryFeeRule(fee.amount, fee.justifiedCostsAbove),
      cites: [...cites(fee.clause), formatCitation({ document: LAW.commerce, article: "D441-5" })],
    },
  ];
  const alt = lp.flatAlternative;
  if (alt)
    lines.push({ label: s.flatOption(alt.option), text: s.flatRule(alt.percent), cites: cites(alt.clause) });
  return lines;
}

function subscriptionLines(profile: VendorProfile, lang: Language): SummaryLine[] {
  const s = VENDOR_SUMMARY_STRINGS[lang];
  const sub = profile.subscription;
  if (sub.kind === "none")
    return [{ label: s.notApplicable, text: sub.reason[lang], cites: cites(sub.clause) }];
  const lines: SummaryLine[] = sub.plans.map((plan) => ({
    label: plan.label[lang],
    id: plan.id,
    text: describePlan(plan, lang),
    cites: cites(plan.clause),
    isDefault: plan.id === sub.defaultPlan,
  }));
  const a = sub.additionRule;
  if (a)
    lines.push({
      label: s.moduleAdded,
      text: s.additionRule(a.windowMonths, a.renewalMonths),
      cites: cites(a.clause),
    });
  return lines;
}

export function describeVendor(profile: VendorProfile, lang: Language): VendorSummary {
  const s = VENDOR_SUMMARY_STRINGS[lang];
  return {
    title: profile.name,
    business: profile.business[lang],
    document: `${profile.document.title} (${profile.legalName})`,
    paymentTerms: profile.invoiceKinds.map((k) => ({
      label: k.label[lang],
      id: k.id,
      text: describePaymentTerm(k.term)[lang],
      cites:
        k.term.kind === "legal-default"
          ? [...cites(k.clause), formatCitation({ document: LAW.commerce, article: "L441-10 I" })]
          : cites(k.clause),
      isDefault: k.id === profile.defaultInvoiceKind,
    })),
    latePayment: latePaymentLines(profile, lang),
    subscriptions: subscriptionLines(profile, lang),
    interpretations: profile.interpretations.map((i) => ({
      label: i.option ? s.defaultReading(i.option) : s.reading,
      text: i.text[lang],
      cites: cites(i.clause),
    })),
    contradictions: profile.contradictions.map((c) => ({
      label: s.contradiction,
      text: c.text[lang],
      cites: cites(c.clause),
    })),
  };
}

/**
 * The vendor's terms in one line, for the pane's folded summary: the default invoice kind's payment
 * term, then the late-payment interest — « Solde de conseil : 15 jours date de facture ; Intérêts :
 * 3 fois le taux légal… ».
 */
export function termsHeadline(profile: VendorProfile, lang: Language): string {
  const s = VENDOR_SUMMARY_STRINGS[lang];
  const colon = COMMON[lang].colon;
  const kind =
    profile.invoiceKinds.find((k) => k.id === profile.defaultInvoiceKind) ?? profile.invoiceKinds[0];
  const parts = kind ? [`${kind.label[lang]}${colon}${describePaymentTerm(kind.term)[lang]}`] : [];
  parts.push(`${s.interest}${colon}${describePenaltyRate(profile.latePayment.rate)[lang]}`);
  return parts.join(s.clauseSeparator);
}

/** Whether a vendor has a "days end of month" term, where the end-of-month method option matters. */
export function usesEndOfMonth(profile: VendorProfile): boolean {
  return profile.invoiceKinds.some((k) => k.term.kind === "days-end-of-month");
}
