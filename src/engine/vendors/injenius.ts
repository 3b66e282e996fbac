import type { Plan, VendorProfile } from "../profile";
import { cite } from "../text";

const DOC = "Injenius CG SaaS";
const c = (article: string) => cite(DOC, article);

const seriousBreachOnly = {
  kind: "not-priced",
  reason: {
    en: "Injenius's terms allow early termination of a commitment only for serious breach, with up to 10 days' notice, and set no indemnity (art. 16).",
    fr: "Les conditions d'Injenius ne permettent de rompre un engagement que pour manquement grave, avec un préavis de 10 jours au plus, sans indemnité chiffrée (art. 16).",
  },
  clause: [c("16")],
} as const;

// A notice received before the renewal date stops it; the contract ends at the end of the calendar
// month containing the later of the notice date and the last day of the current period (art. 4, 11).
const commitmentPlan = (id: string, en: string, fr: string, fee: string) =>
  ({
    id,
    label: { en, fr },
    schedule: { anchor: "start-date", initialMonths: 12, renewalMonths: 12 },
    notice: { amount: 1, unit: "days" },
    end: "end-of-calendar-month",
    earlyTermination: seriousBreachOnly,
    monthlyFeeExclVat: fee,
    clause: [c("4"), c("11"), c("16")],
  }) as const satisfies Plan;

/** THE LANDSKAPERS AND CO, software INJENIUS: SaaS plans and "à la carte" studies (seed 003, docs/terms.md#the-five-vendors). */
export const injenius = {
  id: "injenius",
  name: "Injenius",
  legalName: "THE LANDSKAPERS AND CO (INJENIUS)",
  // The names its invoices and a register's « Fournisseur » column use (seed text, docs/terms.md).
  invoiceNames: ["INJENIUS", "THE LANDSKAPERS AND CO"],
  business: {
    en: 'SaaS subscription plans and "à la carte" studies',
    fr: "Abonnements SaaS et études « à la carte »",
  },
  document: {
    title: "Conditions générales SaaS du logiciel d'application INJENIUS",
    short: DOC,
    seed: "003_74085667897c81b6.txt",
    version: "undated (as collected)",
  },
  profileVersion: "1.1.0",
  clients: ["pro", "consumer"],
  defaultInvoiceKind: "subscription",
  invoiceKinds: [
    {
      id: "subscription",
      label: {
        en: "Subscription: invoiced on the 25th, SEPA debit on the 5th of the next month",
        fr: "Abonnement : facturé le 25, prélèvement SEPA le 5 du mois suivant",
      },
      term: { kind: "day-of-month", day: 5, monthsAfter: 1 },
      clause: [c("11")],
    },
    {
      id: "study",
      label: {
        en: '"À la carte" study: debit on the 10th of the month after the invoice',
        fr: "Étude « à la carte » : prélèvement le 10 du mois suivant la facture",
      },
      term: { kind: "day-of-month", day: 10, monthsAfter: 1 },
      clause: [cite("Injenius CPV", "5")],
    },
  ],
  latePayment: {
    rate: { kind: "ecb-plus", points: "10" },
    floor: "none",
    base: "sum-due",
    recoveryFee: { amount: "40", justifiedCostsAbove: true, clause: [c("11")] },
    clause: [c("11")],
  },
  subscription: {
    kind: "plans",
    defaultPlan: "commitment-monthly",
    plans: [
      {
        id: "no-commitment",
        label: { en: "No commitment (79 € HT/month)", fr: "Sans engagement (79 € HT/mois)" },
        schedule: { anchor: "calendar-month", initialMonths: 1, renewalMonths: 1 },
        notice: { amount: 1, unit: "days" },
        end: "end-of-calendar-month",
        earlyTermination: {
          kind: "none",
          reason: {
            en: "Without commitment the contract ends at the end of the calendar month of the notice: only that month is billed, no indemnity.",
            fr: "Sans engagement, le contrat prend fin à la fin du mois civil du préavis : seul ce mois est facturé, sans indemnité.",
          },
          clause: [c("4"), c("11")],
        },
        monthlyFeeExclVat: "79",
        clause: [c("4"), c("11")],
      },
      commitmentPlan(
        "commitment-monthly",
        "12-month commitment, billed monthly (59 € HT/month)",
        "Engagement 12 mois, facturé mensuellement (59 € HT/mois)",
        "59",
      ),
      commitmentPlan(
        "commitment-annual",
        "12-month commitment, paid yearly (648 € HT once, 54 € HT/month)",
        "Engagement 12 mois, payé annuellement (648 € HT en une fois, 54 € HT/mois)",
        "54",
      ),
    ],
  },
  deadlines: [
    {
      id: "security-alert-notice",
      label: { en: "Notice of a security alert", fr: "Notification d'une alerte de sécurité" },
      from: { en: "the discovery of the incident", fr: "la découverte de l'incident" },
      period: { amount: 12, unit: "hours" },
      direction: "after",
      clause: [c("8")],
    },
    {
      id: "ip-claim-notice",
      label: {
        en: "Notice of an intellectual-property claim",
        fr: "Notification d'une action en contrefaçon",
      },
      from: { en: "knowledge of the claim", fr: "la connaissance de l'action" },
      period: { amount: 8, unit: "calendar-days" },
      direction: "after",
      clause: [c("12")],
    },
    {
      id: "suspension-after-notice",
      label: {
        en: "Suspension of access after formal notice",
        fr: "Suspension de l'accès après mise en demeure",
      },
      from: { en: "the formal notice", fr: "la mise en demeure" },
      period: { amount: 8, unit: "calendar-days" },
      direction: "after",
      clause: [c("11")],
    },
    {
      id: "termination-after-second-notice",
      label: {
        en: "Termination after a second formal notice",
        fr: "Résiliation après une seconde mise en demeure",
      },
      from: { en: "the second formal notice", fr: "la seconde mise en demeure" },
      period: { amount: 30, unit: "calendar-days" },
      direction: "after",
      clause: [c("11"), c("15")],
    },
    {
      id: "consumer-withdrawal",
      label: { en: "Consumer withdrawal period", fr: "Délai de rétractation du consommateur" },
      from: { en: "receipt of the order", fr: "la réception de la commande" },
      period: { amount: 14, unit: "calendar-days" },
      direction: "after",
      extendToNextWorkingDay: true,
      clause: [c("21")],
    },
    {
      id: "confidentiality-end",
      label: { en: "End of the confidentiality obligation", fr: "Fin de l'obligation de confidentialité" },
      from: { en: "the end of the contract", fr: "la fin du contrat" },
      period: { amount: 3, unit: "years" },
      direction: "after",
      clause: [c("14")],
    },
    ...(
      [
        ["fix-blocking", 2, "blocking", "bloquante"],
        ["fix-major", 3, "major", "majeure"],
        ["fix-minor", 5, "minor", "mineure"],
      ] as const
    ).map(([id, days, en, fr]) => ({
      id,
      label: {
        en: `Fix of a ${en} anomaly (intervention, workaround and final fix)`,
        fr: `Correction d'une anomalie ${fr} (intervention, contournement et correction définitive)`,
      },
      from: { en: "the report of the anomaly", fr: "le signalement de l'anomalie" },
      period: { amount: days, unit: "jours-ouvrables" as const },
      direction: "after" as const,
      clause: [cite(DOC, "Annexe 3")],
    })),
    {
      id: "url-change-notice",
      label: {
        en: "Notice of a change of the service's address",
        fr: "Préavis de changement d'adresse du service",
      },
      from: { en: "the day the old address stops", fr: "le jour où l'ancienne adresse cesse" },
      period: { amount: 14, unit: "calendar-days" },
      direction: "before",
      clause: [c("6.1")],
    },
  ],
  amounts: [
    {
      id: "sla-credit",
      kind: "percent",
      label: {
        en: "SLA credit for a month over 1 % unavailability outside maintenance",
        fr: "Avoir SLA pour un mois à plus de 1 % d'indisponibilité hors maintenance",
      },
      percent: "30",
      of: { en: "the monthly fee", fr: "de la redevance mensuelle" },
      clause: [c("6.3")],
    },
  ],
  interpretations: [
    {
      id: "injenius-penalty-rate",
      clause: [c("11")],
      text: {
        en: "The clause restates the statutory default (ECB + 10 points): it is read as the default, which the 3 × legal rate floor does not limit (client-favourable).",
        fr: "La clause reprend le taux supplétif légal (BCE + 10 points) : elle est lue comme ce taux par défaut, que le plancher de 3 fois le taux légal ne limite pas (lecture favorable au client).",
      },
    },
    {
      id: "injenius-penalty-start",
      clause: [c("11")],
      text: {
        en: '"À compter de ladite date d\'échéance": interest is counted from the day after the due date, as the statute does.',
        fr: "« À compter de ladite date d'échéance » : les intérêts courent à compter du lendemain de l'échéance, comme le prévoit la loi.",
      },
    },
  ],
  contradictions: [
    {
      id: "injenius-free-trial",
      clause: [c("4"), c("11")],
      text: {
        en: "Free trial: art. 4 says 4 months, art. 11 says 6 months or 3 orders. The profile uses 4 months.",
        fr: "Essai gratuit : l'art. 4 indique 4 mois, l'art. 11 indique 6 mois ou 3 commandes. Le profil retient 4 mois.",
      },
    },
  ],
} as const satisfies VendorProfile;
