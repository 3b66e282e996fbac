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
} from "../engine";

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
  const fr = lang === "fr";
  const rate = describePenaltyRate(rule.rate)[lang];
  const base =
    rule.base === "amount-incl-vat"
      ? fr
        ? "sur le montant TTC"
        : "on the amount including VAT"
      : rule.base === "sum-due"
        ? fr
          ? "sur les sommes dues"
          : "on the sums due"
        : fr
          ? "sur le montant de la facture"
          : "on the invoice amount";
  const floor =
    rule.floor === "statutory"
      ? fr
        ? ", jamais moins de 3 fois le taux légal entre professionnels"
        : ", never below 3 × the legal rate between professionals"
      : rule.floor === "contractual"
        ? fr
          ? ", jamais moins de 3 fois le taux légal (clause du contrat)"
          : ", never below 3 × the legal rate (the contract's own floor)"
        : "";
  return fr
    ? `Intérêts de ${rate} ${base}${floor}, par jour de retard.`
    : `Interest at ${rate} ${base}${floor}, per day late.`;
}

function describePlan(plan: Plan, lang: Language): string {
  const fr = lang === "fr";
  const s = plan.schedule;
  const period =
    s.initialMonths === s.renewalMonths
      ? fr
        ? `Périodes de ${s.initialMonths} mois reconduites tacitement`
        : `${s.initialMonths}-month periods renewed tacitly`
      : fr
        ? `Engagement initial de ${s.initialMonths} mois, puis reconduction par périodes de ${s.renewalMonths} mois`
        : `Initial term of ${s.initialMonths} months, then renewed for ${s.renewalMonths}-month periods`;
  const unit = plan.notice.unit === "months" ? (fr ? "mois" : "month(s)") : fr ? "jour(s)" : "day(s)";
  const notice = fr
    ? `préavis reçu au moins ${plan.notice.amount} ${unit} avant le renouvellement`
    : `notice received at least ${plan.notice.amount} ${unit} before the renewal`;
  const end =
    plan.end === "end-of-calendar-month"
      ? fr
        ? "fin à la fin du mois civil"
        : "ends at the end of the calendar month"
      : fr
        ? "fin la veille du renouvellement"
        : "ends the day before the renewal";
  const fee = plan.monthlyFeeExclVat
    ? fr
      ? ` ${plan.monthlyFeeExclVat} € HT/mois.`
      : ` €${plan.monthlyFeeExclVat} excl. VAT/month.`
    : "";
  return `${[period, notice, end].join(fr ? " ; " : "; ")}.${fee}`;
}

export function describeVendor(profile: VendorProfile, lang: Language): VendorSummary {
  const fr = lang === "fr";
  const lp = profile.latePayment;
  const fee = lp.recoveryFee;
  const latePayment: SummaryLine[] = [
    { label: fr ? "Intérêts" : "Interest", text: describeRate(lp, lang), cites: cites(lp.clause) },
    {
      label: fr ? "Indemnité de recouvrement" : "Recovery fee",
      text: fr
        ? `${fee.amount} € par facture payée en retard${fee.justifiedCostsAbove ? ", ou les frais justifiés s'ils sont supérieurs" : ""}.`
        : `€${fee.amount} per late invoice${fee.justifiedCostsAbove ? ", or justified costs when higher" : ""}.`,
      cites: [...cites(fee.clause), formatCitation({ document: LAW.commerce, article: "D441-5" })],
    },
  ];
  if (lp.flatAlternative) {
    const alt = lp.flatAlternative;
    latePayment.push({
      label: fr ? `Option « ${alt.option} »` : `Option "${alt.option}"`,
      text: fr
        ? `forfait unique de ${alt.percent} % du montant de la facture.`
        : `a one-off ${alt.percent} % of the invoice amount.`,
      cites: cites(alt.clause),
    });
  }
  const sub = profile.subscription;
  const subscriptions: SummaryLine[] =
    sub.kind === "none"
      ? [{ label: fr ? "Sans objet" : "Not applicable", text: sub.reason[lang], cites: cites(sub.clause) }]
      : sub.plans.map((plan) => ({
          label: plan.label[lang],
          id: plan.id,
          text: describePlan(plan, lang),
          cites: cites(plan.clause),
          isDefault: plan.id === sub.defaultPlan,
        }));
  if (sub.kind === "plans" && sub.additionRule) {
    const a = sub.additionRule;
    subscriptions.push({
      label: fr ? "Ajout de module" : "Module added",
      text: fr
        ? `un ajout dans les ${a.windowMonths} mois précédant le renouvellement reconduit le contrat pour ${a.renewalMonths} mois à compter de l'ajout.`
        : `an addition in the ${a.windowMonths} months before the renewal renews the contract for ${a.renewalMonths} months from the addition.`,
      cites: cites(a.clause),
    });
  }
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
    latePayment,
    subscriptions,
    interpretations: profile.interpretations.map((i) => ({
      label: i.option
        ? fr
          ? `Lecture par défaut (option « ${i.option} » pour l'autre)`
          : `Default reading (option "${i.option}" for the other)`
        : fr
          ? "Lecture retenue"
          : "Reading",
      text: i.text[lang],
      cites: cites(i.clause),
    })),
    contradictions: profile.contradictions.map((c) => ({
      label: "Contradiction", // the same word in both languages
      text: c.text[lang],
      cites: cites(c.clause),
    })),
  };
}

/** Whether a vendor has a "days end of month" term, where the end-of-month method option matters. */
export function usesEndOfMonth(profile: VendorProfile): boolean {
  return profile.invoiceKinds.some((k) => k.term.kind === "days-end-of-month");
}
