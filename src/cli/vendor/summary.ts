import {
  COLON,
  describePaymentTerm,
  describePenaltyRate,
  formatCitation,
  LAW,
  type Citation,
  type Language,
  type Plan,
  type Text,
  type VendorProfile,
} from "../../engine";

/**
 * `echeance vendor show`: a vendor's terms summed up, line by line with their clauses — the facts the
 * pane's vendor summary shows (payment terms per kind, late payment, subscriptions, readings,
 * contradictions), and the names its invoices use.
 */

const t = (en: string, fr: string): Text => ({ en, fr });

const HEADS = {
  payment: t("Payment terms", "Délais de paiement"),
  late: t("Late payment", "Retard de paiement"),
  subscriptions: t("Subscriptions", "Abonnements"),
  readings: t("Readings", "Lectures retenues"),
  contradictions: t("Contradictions", "Contradictions"),
  names: t("Names on its invoices", "Noms sur ses factures"),
  byDefault: t("default", "par défaut"),
  interest: t("Interest", "Intérêts"),
  fee: t("Recovery fee", "Indemnité de recouvrement"),
  notApplicable: t("Not applicable", "Sans objet"),
  reading: t("Reading", "Lecture retenue"),
};

const BASE: Readonly<Record<VendorProfile["latePayment"]["base"], Text>> = {
  "invoice-amount": t("on the invoice amount", "sur le montant de la facture"),
  "amount-incl-vat": t("on the amount including VAT", "sur le montant TTC"),
  "sum-due": t("on the sums due", "sur les sommes dues"),
};

const FLOOR: Readonly<Record<VendorProfile["latePayment"]["floor"], Text>> = {
  statutory: t(
    ", never below 3 × the legal rate between professionals",
    ", jamais moins de 3 fois le taux légal entre professionnels",
  ),
  contractual: t(
    ", never below 3 × the legal rate (the contract's own floor)",
    ", jamais moins de 3 fois le taux légal (clause du contrat)",
  ),
  none: t("", ""),
};

function line(label: string, text: string, cites: readonly Citation[], lang: Language, id?: string): string {
  const refs = cites.length > 0 ? ` — ${cites.map(formatCitation).join("; ")}` : "";
  return `  • ${label}${id ? ` [${id}]` : ""}${COLON[lang]} ${text}${refs}`;
}

function planText(plan: Plan, lang: Language): string {
  const s = plan.schedule;
  const unit = plan.notice.unit === "months" ? t("month(s)", "mois") : t("day(s)", "jour(s)");
  const period =
    s.initialMonths === s.renewalMonths
      ? t(
          `${s.initialMonths}-month periods renewed tacitly`,
          `Périodes de ${s.initialMonths} mois reconduites tacitement`,
        )
      : t(
          `Initial term of ${s.initialMonths} months, then renewed for ${s.renewalMonths}-month periods`,
          `Engagement initial de ${s.initialMonths} mois, puis reconduction par périodes de ${s.renewalMonths} mois`,
        );
  const notice = t(
    `notice received at least ${plan.notice.amount} ${unit.en} before the renewal`,
    `préavis reçu au moins ${plan.notice.amount} ${unit.fr} avant le renouvellement`,
  );
  const end =
    plan.end === "end-of-calendar-month"
      ? t("ends at the end of the calendar month", "fin à la fin du mois civil")
      : t("ends the day before the renewal", "fin la veille du renouvellement");
  return `${[period[lang], notice[lang], end[lang]].join(lang === "fr" ? " ; " : "; ")}.`;
}

export function vendorSummaryText(profile: VendorProfile, lang: Language): string {
  const x = (text: Text) => text[lang];
  const lp = profile.latePayment;
  const lines = [
    `${profile.name} (${profile.id}) — ${x(profile.business)}`,
    `${profile.document.title} (${profile.legalName})`,
    "",
  ];
  lines.push(x(HEADS.payment));
  for (const k of profile.invoiceKinds) {
    const id = k.id === profile.defaultInvoiceKind ? `${k.id}, ${x(HEADS.byDefault)}` : k.id;
    const cites =
      k.term.kind === "legal-default"
        ? [...k.clause, { document: LAW.commerce, article: "L441-10 I" }]
        : k.clause;
    lines.push(line(x(k.label), x(describePaymentTerm(k.term)), cites, lang, id));
  }
  lines.push(x(HEADS.late));
  const rate = describePenaltyRate(lp.rate);
  lines.push(line(x(HEADS.interest), `${x(rate)} ${x(BASE[lp.base])}${x(FLOOR[lp.floor])}`, lp.clause, lang));
  const fee = lp.recoveryFee;
  const feeText = fee.justifiedCostsAbove
    ? t(
        `${fee.amount} € per late invoice, or justified costs when higher`,
        `${fee.amount} € par facture payée en retard, ou les frais justifiés s'ils sont supérieurs`,
      )
    : t(`${fee.amount} € per late invoice`, `${fee.amount} € par facture payée en retard`);
  lines.push(
    line(x(HEADS.fee), x(feeText), [...fee.clause, { document: LAW.commerce, article: "D441-5" }], lang),
  );
  lines.push(x(HEADS.subscriptions));
  const sub = profile.subscription;
  if (sub.kind === "none") lines.push(line(x(HEADS.notApplicable), x(sub.reason), sub.clause, lang));
  else
    for (const plan of sub.plans) {
      const id = plan.id === sub.defaultPlan ? `${plan.id}, ${x(HEADS.byDefault)}` : plan.id;
      lines.push(line(x(plan.label), planText(plan, lang), plan.clause, lang, id));
    }
  if (profile.interpretations.length > 0) {
    lines.push(x(HEADS.readings));
    for (const i of profile.interpretations) lines.push(line(x(HEADS.reading), x(i.text), i.clause, lang));
  }
  if (profile.contradictions.length > 0) {
    lines.push(x(HEADS.contradictions));
    for (const c of profile.contradictions) lines.push(line("Contradiction", x(c.text), c.clause, lang));
  }
  const names = [...new Set([profile.name, profile.legalName, ...(profile.invoiceNames ?? [])])];
  lines.push(`${x(HEADS.names)}${COLON[lang]} ${names.join(", ")}`);
  return lines.join("\n");
}
