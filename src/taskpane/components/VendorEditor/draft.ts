import {
  checkProfile,
  describePaymentTerm,
  parsePaymentTermText,
  type Citation,
  type PaymentTerm,
  type PeriodUnit,
  type TermTextReading,
  type VendorProfile,
} from "../../../engine";
import { schemaMessage, type DraftIssue } from "./issues";
import { idFrom } from "../../../terms-import";

/**
 * The custom-vendor form's model: plain strings as the user types them, turned into a profile by
 * the engine's schema (`checkProfile`), never trusted on their own. Pure: tested without a DOM.
 */

export interface KindDraft {
  id: string;
  labelFr: string;
  labelEn: string;
  /** The payment term as the terms of sale write it: "30 jours fin de mois". */
  termText: string;
  /** Which reading of an ambiguous term the user chose (index into the parser's candidates). */
  reading: number | undefined;
  clause: string;
}

export interface PlanDraft {
  id: string;
  label: string;
  initialMonths: string;
  renewalMonths: string;
  noticeAmount: string;
  noticeUnit: "months" | "days";
  end: "day-before-renewal" | "end-of-calendar-month";
  anchor: "start-date" | "calendar-month";
  clause: string;
}

export interface DeadlineDraft {
  id: string;
  label: string;
  from: string;
  amount: string;
  unit: PeriodUnit;
  direction: "after" | "before";
  clause: string;
}

export interface VendorDraft {
  id: string;
  name: string;
  legalName: string;
  /** The names the vendor's invoices use in a register (« Plateforme OMI ; OMI SAS »), separated by « ; ». */
  invoiceNames: string;
  documentTitle: string;
  /** Short name used in citations ("ACME CGV"). */
  documentShort: string;
  profileVersion: string;
  pro: boolean;
  consumer: boolean;
  kinds: KindDraft[];
  defaultKind: string;
  rateKind: "legal-multiple" | "ecb-plus" | "fixed";
  /** Factor, points or annual percent depending on `rateKind`. */
  rateValue: string;
  base: "invoice-amount" | "amount-incl-vat" | "sum-due";
  feeAmount: string;
  justifiedCostsAbove: boolean;
  lateClause: string;
  plans: PlanDraft[];
  defaultPlan: string;
  deadlines: DeadlineDraft[];
}

/**
 * New items' ids are French, as the registers they are typed in: « facture » in a « Type de facture »
 * column is read as the kind « facture » (the register reads ids as they are written).
 */
export const emptyKind = (id = "facture"): KindDraft => ({
  id,
  labelFr: "Facture",
  labelEn: "Invoice",
  termText: "30 jours date de facture",
  reading: undefined,
  clause: "",
});

export const emptyPlan = (id = "abonnement"): PlanDraft => ({
  id,
  label: "Abonnement",
  initialMonths: "12",
  renewalMonths: "12",
  noticeAmount: "1",
  noticeUnit: "months",
  end: "day-before-renewal",
  anchor: "start-date",
  clause: "",
});

export const emptyDeadline = (id = "delai-1"): DeadlineDraft => ({
  id,
  label: "",
  from: "",
  amount: "8",
  unit: "calendar-days",
  direction: "after",
  clause: "",
});

export function emptyDraft(): VendorDraft {
  return {
    id: "",
    name: "",
    legalName: "",
    invoiceNames: "",
    documentTitle: "Conditions générales de vente",
    documentShort: "CGV",
    profileVersion: "1.0.0",
    pro: true,
    consumer: false,
    kinds: [emptyKind()],
    defaultKind: "facture",
    rateKind: "legal-multiple",
    rateValue: "3",
    base: "invoice-amount",
    feeAmount: "40",
    justifiedCostsAbove: true,
    lateClause: "",
    plans: [],
    defaultPlan: "",
    deadlines: [],
  };
}

/** "7.2; 7.3" → citations of the vendor's document. */
export function citations(text: string, document: string): Citation[] {
  return text
    .split(/[;\n]/)
    .map((a) => a.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((article) => ({ document, article }));
}

const articles = (list: readonly Citation[]) => list.map((c) => c.article).join("; ");

/** The text a payment term is shown as in the form, in French as contracts write it. */
export function termToText(term: PaymentTerm): string {
  if (term.kind === "on-invoice")
    return term.from === undefined ? "à réception de facture" : describePaymentTerm(term).fr;
  if (term.kind === "legal-default") return "";
  return describePaymentTerm(term).fr;
}

/** The profile reads « fin de mois » terms of this kind end of month first (its interpretation says so). */
function eomThenDays(p: VendorProfile, kindId: string): boolean {
  return p.interpretations.some((i) => i.id === `eom-method-${kindId}`.slice(0, 40));
}

/**
 * Which reading of the term's text the profile holds, when the text has several (« 45 jours fin de
 * mois »: either method): a stored or imported profile has already chosen, so the form does not ask again.
 */
function readingOf(term: PaymentTerm, text: string, eomFirst: boolean): number | undefined {
  const candidates = parsePaymentTermText(text).candidates;
  if (candidates.length < 2) return undefined;
  const wanted = eomFirst ? "eom-then-days" : "days-then-eom";
  const same = (a: PaymentTerm) => JSON.stringify(a) === JSON.stringify(term);
  const i = candidates.findIndex((c) => c.method === wanted && same(c.term));
  return i < 0 ? undefined : i;
}

/** An empty draft with the vendor's name, and an id made from it (« Menuiserie Roux » → menuiserie-roux). */
export function emptyDraftNamed(name: string | undefined): VendorDraft {
  const draft = emptyDraft();
  if (name === undefined || name.trim() === "") return draft;
  return { ...draft, name: name.trim(), id: idFrom(name) };
}

export function draftFromProfile(p: VendorProfile): VendorDraft {
  const rate = p.latePayment.rate;
  return {
    id: p.id,
    name: p.name,
    legalName: p.legalName,
    invoiceNames: (p.invoiceNames ?? []).join(INVOICE_NAMES_SEPARATOR),
    documentTitle: p.document.title,
    documentShort: p.document.short,
    profileVersion: p.profileVersion,
    pro: p.clients.includes("pro"),
    consumer: p.clients.includes("consumer"),
    kinds: p.invoiceKinds.map((k) => ({
      id: k.id,
      labelFr: k.label.fr,
      labelEn: k.label.en,
      termText: termToText(k.term),
      reading: readingOf(k.term, termToText(k.term), eomThenDays(p, k.id)),
      clause: articles(k.clause),
    })),
    defaultKind: p.defaultInvoiceKind,
    rateKind: rate.kind,
    rateValue:
      rate.kind === "legal-multiple"
        ? String(rate.factor)
        : rate.kind === "ecb-plus"
          ? rate.points
          : rate.annualPercent,
    base: p.latePayment.base,
    feeAmount: p.latePayment.recoveryFee.amount,
    justifiedCostsAbove: p.latePayment.recoveryFee.justifiedCostsAbove,
    lateClause: articles(p.latePayment.clause),
    plans:
      p.subscription.kind === "plans"
        ? p.subscription.plans.map((pl) => ({
            id: pl.id,
            label: pl.label.fr,
            initialMonths: String(pl.schedule.initialMonths),
            renewalMonths: String(pl.schedule.renewalMonths),
            noticeAmount: String(pl.notice.amount),
            noticeUnit: pl.notice.unit,
            end: pl.end,
            anchor: pl.schedule.anchor,
            clause: articles(pl.clause),
          }))
        : [],
    defaultPlan: p.subscription.kind === "plans" ? p.subscription.defaultPlan : "",
    deadlines: p.deadlines.map((d) => ({
      id: d.id,
      label: d.label.fr,
      from: d.from.fr,
      amount: String(d.period.amount),
      unit: d.period.unit,
      direction: d.direction,
      clause: articles(d.clause),
    })),
  };
}

export interface KindReading {
  readonly kindId: string;
  readonly reading: TermTextReading;
  /** The chosen candidate (the only one, or the user's choice), if any. */
  readonly chosen: number | undefined;
}

export interface DraftResult {
  readonly profile: VendorProfile | undefined;
  /** What keeps the draft from being a profile, in both languages, at the profile's JSON paths. */
  readonly issues: readonly DraftIssue[];
  readonly readings: readonly KindReading[];
}

function basePlan(base: VendorProfile | undefined, id: string) {
  return base?.subscription.kind === "plans"
    ? base.subscription.plans.find((p) => p.id === id.trim())
    : undefined;
}

/** A whole number as typed, or the text itself so the schema reports it with its path. */
function num(text: string): number | string {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : t;
}

const REQUIRED = { en: "required.", fr: "à remplir." };
/** An ambiguous « fin de mois » term waits for the user's choice of method. */
export const CHOOSE_METHOD = {
  en: "choose how the end of month is computed.",
  fr: "choisissez comment la fin de mois se calcule.",
};

/** How the form writes a vendor's invoice names on one line. */
export const INVOICE_NAMES_SEPARATOR = " ; ";

/** The invoice names a draft lists (« ; » between them), or none: the profile then has no `invoiceNames`. */
function invoiceNamesOf(text: string): { invoiceNames?: string[] } {
  const names = text
    .split(";")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return names.length === 0 ? {} : { invoiceNames: names };
}

const bilingual = (fr: string, en?: string) => ({ fr, en: en && en.trim() ? en : fr });

/**
 * The profile a draft describes, validated by the engine's schema, with every payment-term text
 * parsed. An ambiguous term with no chosen reading, or one not understood, is an issue at its path.
 * `base` is the profile being edited: what the form does not show (amount clauses, contradictions,
 * other interpretations, early-termination rules, an addition rule, a flat alternative, notes) is kept.
 */
export function profileFromDraft(d: VendorDraft, base?: VendorProfile): DraftResult {
  const doc = d.documentShort.trim() || "CGV";
  const issues: DraftIssue[] = [];
  const readings: KindReading[] = [];
  const interpretations: unknown[] = [];
  const kinds = d.kinds.map((k, i) => {
    const reading = parsePaymentTermText(k.termText);
    const n = reading.candidates.length;
    const chosen = n === 1 ? 0 : k.reading !== undefined && k.reading < n ? k.reading : undefined;
    readings.push({ kindId: k.id, reading, chosen });
    if (n === 0)
      issues.push({
        path: `$.invoiceKinds[${i}].term`,
        message: reading.question ?? { en: "not understood.", fr: "délai non compris." },
      });
    else if (chosen === undefined) issues.push({ path: `$.invoiceKinds[${i}].term`, message: CHOOSE_METHOD });
    const candidate = chosen === undefined ? undefined : reading.candidates[chosen];
    if (candidate?.method === "eom-then-days")
      interpretations.push({
        id: `eom-method-${k.id}`.slice(0, 40),
        clause: citations(k.clause, doc),
        text: {
          en: `"${k.termText}" is computed as end of the invoice month, then the days: use the option "${d.id}+eom-then-days".`,
          fr: `« ${k.termText} » se calcule fin du mois de facture, puis les jours : utilisez l'option « ${d.id}+eom-then-days ».`,
        },
      });
    return {
      id: k.id.trim(),
      label: bilingual(k.labelFr, k.labelEn),
      term: candidate?.term ?? { kind: "legal-default" },
      clause: citations(k.clause, doc),
    };
  });
  const rateValue = d.rateValue.trim().replace(",", ".");
  const rate =
    d.rateKind === "legal-multiple"
      ? { kind: d.rateKind, factor: num(rateValue) }
      : d.rateKind === "ecb-plus"
        ? { kind: d.rateKind, points: rateValue }
        : { kind: d.rateKind, annualPercent: rateValue };
  const lateClause = citations(d.lateClause, doc);
  const input = {
    id: d.id.trim(),
    name: d.name.trim(),
    legalName: d.legalName.trim() || d.name.trim(),
    ...invoiceNamesOf(d.invoiceNames),
    business: base?.business ?? "",
    document: { title: d.documentTitle.trim(), short: doc, seed: "", version: "" },
    profileVersion: d.profileVersion.trim() || "1.0.0",
    clients: [...(d.pro ? ["pro"] : []), ...(d.consumer ? ["consumer"] : [])],
    defaultInvoiceKind: d.defaultKind.trim() || kinds[0]?.id,
    invoiceKinds: kinds,
    latePayment: {
      rate,
      // A rate the contract sets is floored by law between professionals; BCE + 10 restates the default.
      floor: d.rateKind === "ecb-plus" && Number(rateValue) >= 10 ? "none" : "statutory",
      base: d.base,
      recoveryFee: {
        amount: d.feeAmount.trim().replace(",", ".") || "0",
        justifiedCostsAbove: d.justifiedCostsAbove,
        clause: lateClause,
      },
      clause: lateClause,
      ...(base?.latePayment.flatAlternative ? { flatAlternative: base.latePayment.flatAlternative } : {}),
      ...(base?.latePayment.note ? { note: base.latePayment.note } : {}),
    },
    subscription:
      d.plans.length === 0
        ? {
            kind: "none",
            reason: bilingual("Pas d'abonnement dans ces conditions.", "No subscription in these terms."),
            clause: [],
          }
        : {
            kind: "plans",
            defaultPlan: d.defaultPlan.trim() || d.plans[0]?.id,
            plans: d.plans.map((p) => ({
              id: p.id.trim(),
              label: bilingual(p.label),
              schedule: {
                anchor: p.anchor,
                initialMonths: num(p.initialMonths),
                renewalMonths: num(p.renewalMonths),
              },
              notice: { amount: num(p.noticeAmount), unit: p.noticeUnit },
              end: p.end,
              earlyTermination: basePlan(base, p.id)?.earlyTermination ?? {
                kind: "not-priced",
                reason: bilingual(
                  "Les conditions ne chiffrent pas la résiliation anticipée.",
                  "The terms set no price for early termination.",
                ),
                clause: [],
              },
              clause: citations(p.clause, doc),
              ...(basePlan(base, p.id)?.monthlyFeeExclVat !== undefined
                ? { monthlyFeeExclVat: basePlan(base, p.id)?.monthlyFeeExclVat }
                : {}),
            })),
            ...(base?.subscription.kind === "plans" && base.subscription.additionRule
              ? { additionRule: base.subscription.additionRule }
              : {}),
          },
    deadlines: d.deadlines.map((x) => ({
      id: x.id.trim(),
      label: bilingual(x.label),
      from: bilingual(x.from),
      period: { amount: num(x.amount), unit: x.unit },
      direction: x.direction,
      clause: citations(x.clause, doc),
    })),
    amounts: base?.amounts ?? [],
    interpretations: [
      ...(base?.interpretations ?? []).filter((i) => !i.id.startsWith("eom-method-")),
      ...interpretations,
    ],
    contradictions: base?.contradictions ?? [],
  };
  // The form marks these required; the schema accepts an empty text (a JSON profile may leave them so).
  if (d.name.trim() === "") issues.unshift({ path: "$.name", message: REQUIRED });
  if (d.documentTitle.trim() === "") issues.push({ path: "$.document.title", message: REQUIRED });
  const checked = checkProfile(input);
  if (!checked.ok)
    return {
      profile: undefined,
      issues: [
        ...issues,
        ...checked.issues.map((i) => ({ path: i.path, message: schemaMessage(i.message) })),
      ],
      readings,
    };
  return { profile: issues.length === 0 ? checked.profile : undefined, issues, readings };
}
