import {
  addDays,
  addMonths,
  endOfMonth,
  formatIsoDay,
  startOfMonth,
  wholeMonthsBetween,
  type Day,
} from "./date";
import { frenchDate, frenchMoney, frenchOf } from "./format";
import { invalidInput, notApplicable } from "./errors";
import { noteInterpretations, type Trace } from "./explanation";
import { roundToCent, ZERO, type Decimal } from "./money";
import type { Plan, SubscriptionTerms, TermSchedule, VendorProfile } from "./profile";

type PlanTerms = Extract<SubscriptionTerms, { kind: "plans" }>;

/** A schedule laid on the calendar: renewal k (k ≥ 0) falls on anchor + (first + k × every) months. */
interface Timeline {
  readonly anchor: Day;
  readonly firstMonths: number;
  readonly everyMonths: number;
  /** Set when an OMI-style addition re-anchored the contract. */
  readonly reanchoredBy?: Day;
}

export interface SubscriptionQuery {
  readonly start: Day;
  readonly planId?: string | undefined;
  readonly lastAddition?: Day | undefined;
}

function subscriptionTerms(profile: VendorProfile): PlanTerms {
  const s = profile.subscription;
  if (s.kind === "none") throw notApplicable(s.reason.en, s.reason.fr, s.clause);
  return s;
}

export function findPlan(
  profile: VendorProfile,
  planId: string | undefined,
): { terms: PlanTerms; plan: Plan } {
  const terms = subscriptionTerms(profile);
  const id = (planId ?? terms.defaultPlan).trim().toLowerCase();
  const plan = terms.plans.find((p) => p.id === id);
  if (!plan) {
    const known = terms.plans.map((p) => p.id).join(", ");
    throw invalidInput(
      "plan",
      `plan "${planId ?? ""}" is not one of ${profile.name}'s plans: ${known}.`,
      `plan « ${planId ?? ""} » n'est pas une formule ${frenchOf(profile.name)} : ${known}.`,
    );
  }
  return { terms, plan };
}

function baseTimeline(schedule: TermSchedule, start: Day): Timeline {
  return {
    anchor: schedule.anchor === "calendar-month" ? startOfMonth(start) : start,
    firstMonths: schedule.initialMonths,
    everyMonths: schedule.renewalMonths,
  };
}

function renewalAt(t: Timeline, k: number): Day {
  return addMonths(t.anchor, t.firstMonths + k * t.everyMonths);
}

/** Index of the first renewal on or after `day` (strictly after when `strict`). */
function firstRenewalIndex(t: Timeline, day: Day, strict: boolean): number {
  const passes = (r: Day): boolean => (strict ? r > day : r >= day);
  const months = wholeMonthsBetween(t.anchor, day) - t.firstMonths;
  let k = Math.max(0, Math.floor(months / t.everyMonths));
  while (k > 0 && passes(renewalAt(t, k - 1))) k -= 1;
  while (!passes(renewalAt(t, k))) k += 1;
  return k;
}

function checkDates(query: SubscriptionQuery, reference: Day, referenceName: string): void {
  const add = query.lastAddition;
  if (add === undefined) return;
  if (add < query.start) {
    throw invalidInput(
      "lastAdditionDate",
      `lastAdditionDate ${formatIsoDay(add)} is before startDate ${formatIsoDay(query.start)}.`,
      `lastAdditionDate ${frenchDate(add)} est antérieure à startDate ${frenchDate(query.start)}.`,
    );
  }
  if (add > reference) {
    throw invalidInput(
      "lastAdditionDate",
      `lastAdditionDate ${formatIsoDay(add)} is after ${referenceName} ${formatIsoDay(reference)}: only additions already made count.`,
      `lastAdditionDate ${frenchDate(add)} est postérieure à ${referenceName} ${frenchDate(reference)} : seuls les ajouts déjà faits comptent.`,
    );
  }
}

/**
 * The contract's timeline, re-anchored by the addition rule where it applies (OMI CGA 6.2, 7.2: a
 * product added during the 3 months before the renewal date renews the contract for one year from
 * the day of the addition). The window is read date to date and inclusive: an addition exactly
 * 3 months before the renewal is inside it.
 */
function timeline(
  profile: VendorProfile,
  terms: PlanTerms,
  plan: Plan,
  query: SubscriptionQuery,
  trace?: Trace,
): Timeline {
  const base = baseTimeline(plan.schedule, query.start);
  const add = query.lastAddition;
  if (add === undefined) return base;
  const rule = terms.additionRule;
  if (!rule) {
    throw notApplicable(
      `${profile.name}'s terms have no rule on products added during the contract: leave lastAdditionDate blank.`,
      `Les conditions ${frenchOf(profile.name)} ne prévoient pas de règle d'ajout de produits : laissez lastAdditionDate vide.`,
      [],
      "lastAdditionDate",
    );
  }
  if (trace) noteInterpretations(trace, profile, rule.clause);
  const pending = renewalAt(base, firstRenewalIndex(base, add, true));
  const windowStart = addMonths(pending, -rule.windowMonths);
  if (add < windowStart) {
    trace?.step(
      `Product added on ${formatIsoDay(add)}, before the ${rule.windowMonths}-month window (${formatIsoDay(windowStart)} to ${formatIsoDay(addDays(pending, -1))}) before the ${formatIsoDay(pending)} renewal: the renewal dates do not move.`,
      `Produit ajouté le ${frenchDate(add)}, avant la fenêtre de ${rule.windowMonths} mois (du ${frenchDate(windowStart)} au ${frenchDate(addDays(pending, -1))}) précédant le renouvellement du ${frenchDate(pending)} : les dates de renouvellement ne changent pas.`,
      ...rule.clause,
    );
    return base;
  }
  trace?.step(
    `Product added on ${formatIsoDay(add)}, within the ${rule.windowMonths} months before the ${formatIsoDay(pending)} renewal: the contract renews for ${rule.renewalMonths} months from the day of the addition.`,
    `Produit ajouté le ${frenchDate(add)}, dans les ${rule.windowMonths} mois précédant le renouvellement du ${frenchDate(pending)} : le contrat est renouvelé pour ${rule.renewalMonths} mois à compter du jour de l'ajout.`,
    ...rule.clause,
  );
  return { anchor: add, firstMonths: rule.renewalMonths, everyMonths: rule.renewalMonths, reanchoredBy: add };
}

function describePlan(trace: Trace, profile: VendorProfile, plan: Plan, start: Day): void {
  const s = plan.schedule;
  const from =
    s.anchor === "calendar-month"
      ? { en: "calendar months", fr: "mois civils" }
      : {
          en: `periods from ${formatIsoDay(start)}, date to date`,
          fr: `périodes courant de date à date depuis le ${frenchDate(start)}`,
        };
  trace.step(
    `${profile.name}, plan "${plan.id}" (${plan.label.en}): first term ${s.initialMonths} month(s), then tacit renewal every ${s.renewalMonths} month(s); ${from.en}.`,
    `${profile.name}, formule « ${plan.id} » (${plan.label.fr}) : durée initiale ${s.initialMonths} mois, puis reconduction tacite tous les ${s.renewalMonths} mois ; ${from.fr}.`,
    ...plan.clause,
  );
}

/** The latest day N with N + notice ≤ renewal (date to date: for 30 June and 1 month, 31 May). */
export function noticeDeadlineFor(plan: Plan, renewal: Day): Day {
  const { amount, unit } = plan.notice;
  if (unit === "days") return addDays(renewal, -amount);
  let n = addMonths(renewal, -amount);
  while (addMonths(addDays(n, 1), amount) <= renewal) n = addDays(n, 1);
  return n;
}

function noticeEnd(plan: Plan, notice: Day): Day {
  return plan.notice.unit === "days"
    ? addDays(notice, plan.notice.amount)
    : addMonths(notice, plan.notice.amount);
}

function noticeText(plan: Plan): { en: string; fr: string } {
  const { amount, unit } = plan.notice;
  if (unit === "days" && amount === 1)
    return { en: "received before the renewal date", fr: "reçu avant la date de renouvellement" };
  return unit === "months"
    ? {
        en: `at least ${amount} month(s) before the renewal, date to date`,
        fr: `au moins ${amount} mois avant le renouvellement, de date à date`,
      }
    : {
        en: `at least ${amount} day(s) before the renewal`,
        fr: `au moins ${amount} jour(s) avant le renouvellement`,
      };
}

/** The first renewal date after `asOf` (RENEWALDATE). */
export function renewalDate(profile: VendorProfile, query: SubscriptionQuery, asOf: Day, trace?: Trace): Day {
  const { terms, plan } = findPlan(profile, query.planId);
  checkDates(query, asOf, "asOf");
  if (trace) describePlan(trace, profile, plan, query.start);
  const t = timeline(profile, terms, plan, query, trace);
  const r = renewalAt(t, firstRenewalIndex(t, asOf, true));
  trace?.step(
    `First renewal date after ${formatIsoDay(asOf)}: ${formatIsoDay(r)}.`,
    `Première date de renouvellement après le ${frenchDate(asOf)} : ${frenchDate(r)}.`,
    ...plan.clause,
  );
  return r;
}

/**
 * The earliest notice deadline on or after `asOf` (NOTICEDEADLINE): the last day a notice may be
 * received and still stop a renewal. A deadline already passed gives way to the next renewal's.
 */
export function noticeDeadline(
  profile: VendorProfile,
  query: SubscriptionQuery,
  asOf: Day,
  trace?: Trace,
): { deadline: Day; renewal: Day } {
  const { terms, plan } = findPlan(profile, query.planId);
  checkDates(query, asOf, "asOf");
  if (trace) describePlan(trace, profile, plan, query.start);
  const t = timeline(profile, terms, plan, query, trace);
  const n = noticeText(plan);
  for (let k = firstRenewalIndex(t, asOf, true); ; k++) {
    const renewal = renewalAt(t, k);
    const deadline = noticeDeadlineFor(plan, renewal);
    if (deadline >= asOf) {
      trace?.step(
        `A notice must be ${n.en}: for the ${formatIsoDay(renewal)} renewal, the last day it may be received is ${formatIsoDay(deadline)}.`,
        `Le préavis doit être ${n.fr} : pour le renouvellement du ${frenchDate(renewal)}, il doit être reçu au plus tard le ${frenchDate(deadline)}.`,
        ...plan.clause,
      );
      return { deadline, renewal };
    }
    trace?.step(
      `The deadline for the ${formatIsoDay(renewal)} renewal (${formatIsoDay(deadline)}) is before ${formatIsoDay(asOf)}: the next renewal's deadline applies.`,
      `Le délai pour le renouvellement du ${frenchDate(renewal)} (${frenchDate(deadline)}) est antérieur au ${frenchDate(asOf)} : celui du renouvellement suivant s'applique.`,
      ...plan.clause,
    );
  }
}

/** The last day bound and billed for a notice received on `notice` (ENDDATE). */
export function endDate(
  profile: VendorProfile,
  query: SubscriptionQuery,
  notice: Day,
  trace?: Trace,
): { end: Day; stoppedRenewal: Day } {
  const { terms, plan } = findPlan(profile, query.planId);
  checkDates(query, notice, "noticeDate");
  if (trace) describePlan(trace, profile, plan, query.start);
  const t = timeline(profile, terms, plan, query, trace);
  const earliest = noticeEnd(plan, notice);
  const renewal = renewalAt(t, firstRenewalIndex(t, earliest, false));
  const n = noticeText(plan);
  trace?.step(
    `A notice must be ${n.en}; received on ${formatIsoDay(notice)}, it stops the ${formatIsoDay(renewal)} renewal, the first on or after ${formatIsoDay(earliest)}.`,
    `Le préavis doit être ${n.fr} ; reçu le ${frenchDate(notice)}, il arrête le renouvellement du ${frenchDate(renewal)}, le premier à partir du ${frenchDate(earliest)}.`,
    ...plan.clause,
  );
  const lastOfPeriod = addDays(renewal, -1);
  if (plan.end === "end-of-calendar-month") {
    const end = endOfMonth(lastOfPeriod);
    trace?.step(
      `The contract ends at the end of the calendar month containing the later of the notice date and the last day of the current period (${formatIsoDay(lastOfPeriod)}): ${formatIsoDay(end)}.`,
      `Le contrat prend fin à la fin du mois civil contenant la plus tardive de la date du préavis et du dernier jour de la période en cours (${frenchDate(lastOfPeriod)}) : ${frenchDate(end)}.`,
      ...plan.clause,
    );
    return { end, stoppedRenewal: renewal };
  }
  trace?.step(
    `Bound and billed up to the day before that renewal: ${formatIsoDay(lastOfPeriod)}.`,
    `Engagé et facturé jusqu'à la veille de ce renouvellement : ${frenchDate(lastOfPeriod)}.`,
    ...plan.clause,
  );
  return { end: lastOfPeriod, stoppedRenewal: renewal };
}

/**
 * The early termination indemnity (TERMINATIONFEE): the monthly fees of the months that start after
 * the current, already billed month, up to the end of the current period (OMI 8.3) or of the
 * commitment (Sillage 19.2). Monthly billing dates are start + n months, counted from the start.
 */
export function terminationFee(
  profile: VendorProfile,
  query: Omit<SubscriptionQuery, "lastAddition">,
  termination: Day,
  monthlyFee: Decimal,
  trace?: Trace,
): { fee: Decimal; months: number } {
  const { plan } = findPlan(profile, query.planId);
  const rule = plan.earlyTermination;
  if (rule.kind === "not-priced") throw notApplicable(rule.reason.en, rule.reason.fr, rule.clause);
  if (termination < query.start) {
    throw invalidInput(
      "terminationDate",
      `terminationDate ${formatIsoDay(termination)} is before startDate ${formatIsoDay(query.start)}.`,
      `terminationDate ${frenchDate(termination)} est antérieure à startDate ${frenchDate(query.start)}.`,
    );
  }
  if (monthlyFee.isNeg())
    throw invalidInput(
      "monthlyFee",
      "monthlyFee must not be negative.",
      "monthlyFee ne doit pas être négatif.",
    );
  if (rule.kind === "none") {
    trace?.step(rule.reason.en, rule.reason.fr, ...rule.clause);
    return { fee: ZERO, months: 0 };
  }
  if (trace) describePlan(trace, profile, plan, query.start);
  const t = baseTimeline(plan.schedule, query.start);
  const periodEnd =
    rule.until === "initial-term-end"
      ? renewalAt(t, 0)
      : renewalAt(t, firstRenewalIndex(t, termination, true));
  if (periodEnd <= termination) {
    trace?.step(
      `Terminated on ${formatIsoDay(termination)}, after the commitment ended on ${formatIsoDay(periodEnd)}: no indemnity, only the notice applies.`,
      `Résiliation le ${frenchDate(termination)}, après la fin de l'engagement le ${frenchDate(periodEnd)} : pas d'indemnité, seul le préavis s'applique.`,
      ...rule.clause,
    );
    return { fee: ZERO, months: 0 };
  }
  const remaining: Day[] = [];
  for (let n = wholeMonthsBetween(query.start, termination) + 1; ; n++) {
    const billing = addMonths(query.start, n);
    if (billing >= periodEnd) break;
    if (billing > termination) remaining.push(billing);
  }
  const fee = roundToCent(monthlyFee.times(remaining.length));
  trace?.step(
    `The month in progress on ${formatIsoDay(termination)} is already due. Months still to start before ${formatIsoDay(periodEnd)}: ${remaining.length}${remaining.length ? ` (${remaining.map(formatIsoDay).join(", ")})` : ""}; ${remaining.length} × ${monthlyFee.toFixed(2)} € = ${fee.toFixed(2)} €.`,
    `Le mois en cours le ${frenchDate(termination)} est déjà dû. Mois restant à courir avant le ${frenchDate(periodEnd)} : ${remaining.length}${remaining.length ? ` (${remaining.map(frenchDate).join(", ")})` : ""} ; ${remaining.length} × ${frenchMoney(monthlyFee)} = ${frenchMoney(fee)}.`,
    ...rule.clause,
  );
  return { fee, months: remaining.length };
}
