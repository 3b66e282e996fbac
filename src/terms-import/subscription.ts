import type { Plan, SubscriptionTerms } from "../engine";
import {
  citationOf,
  decimalText,
  previous,
  sentences,
  sourceOf,
  titlesOf,
  uniqueCitations,
  type ImportContext,
  type Located,
} from "./context";
import { SUBSCRIPTION_MESSAGES } from "./subscription-messages";
import type { NotFound, Proposal, Question, Source } from "./report";
import { normaliseFrench } from "../engine";

/**
 * Subscriptions: the initial term, tacit renewal and its period, the notice period and what it is
 * counted back from, how notice is given, when the contract then ends, early termination, and the
 * plans when the text prices several (« avec engagement de 12 mois à 59 € HT par mois », « sans
 * engagement à 79 € HT par mois »). Any other sentence about renewal (OMI's module-addition rule) is
 * listed as not read, never guessed.
 */

export interface SubscriptionFindings {
  readonly subscription: SubscriptionTerms;
  readonly proposals: readonly Proposal[];
  readonly notFound: readonly NotFound[];
  readonly questions: readonly Question[];
}

const PERIOD = String.raw`(\d{1,3}) (mois|ans?|annees?)(?![a-z])`;
const INITIAL = new RegExp(
  String.raw`(?:conclue?s?|souscrite?s?|engage|prend effet)[a-z ]{0,60}?(?:duree|periode)(?: initiale)?(?: ferme)?(?: d engagement)?(?: minimum)?(?: ferme)? (?:de |d )${PERIOD}`,
);
const COMMITMENT = new RegExp(
  String.raw`engagement (?:minimum |minimal |initial |ferme )?(?:de |d )${PERIOD}`,
);
const RENEWAL =
  /tacite reconduction|reconduite? tacitement|reconduite? automatiquement|renouvel\w* (?:automatiquement|tacitement|par tacite)|se renouvel\w*|se poursuit par tacite/;
const RENEWAL_PERIOD = new RegExp(
  String.raw`(?:periodes?|durees?)(?: successives?)?(?: identiques?)? (?:de |d )${PERIOD}`,
);
const RENEWAL_WORD = /reconduction (mensuelle|annuelle)|(de mois en mois|d annee en annee)/;
const NOT_RENEWABLE =
  /(?:n est pas|non|ne sont pas|pas) (?:reconductible|renouvelable)|sans (?:tacite )?reconduction/;
const NOTICE = new RegExp(
  String.raw`preavis (?:d au moins |d au minimum |minimum |de |d )?(?:de |d )?(\d{1,3}) (mois|jours?)(?![a-z])`,
);
const NOTICE_BEFORE = new RegExp(
  String.raw`(\d{1,3}) (mois|jours?) (?:au moins |au minimum )?(?:avant|precedant) (?:la |l )?(?:date d |fin de la |terme de la |date de )?(?:echeance|expiration|terme|anniversaire|renouvellement|fin)`,
);
const NOTICE_FROM =
  /(?:avant|precedant) (?:la |l )?(?:date d |date de |fin de la |terme de la )?(echeance|expiration|terme|anniversaire|renouvellement|fin de la periode)|a tout moment/;
const NOTICE_HOW =
  /lettre recommandee(?: avec (?:demande d )?(?:avis de reception|accuse de reception))?|(?:^|[^a-z])lrar(?![a-z])|notification ecrite|par ecrit|par (?:courrier|courriel|e ?mail)|via (?:les fonctionnalites de )?la plateforme|depuis (?:son|l) espace client/;
const CALENDAR_END = /fin du mois (?:civil|courant|en cours)|mois courant|mois civil|dernier jour du mois/;
const TERMINATION = /resili|denonc|preavis|prendr\w* fin|fin au contrat|effets du contrat/;
const EARLY =
  /resiliation anticipee|avant (?:le terme|la fin)|pendant la periode d engagement|durant la periode d engagement/;
const REMAINING =
  /(?:mensualites|redevances|sommes|echeances)[a-z ]{0,30}?(?:restant(?:es)? dues?|a echoir|restant a courir|restant a echoir)/;
const UNTIL_INITIAL =
  /terme initialement prevu|(?:terme|fin) de la periode (?:d engagement|initiale)|fin de l engagement/;
const SERIOUS = /motif legitime|manquement grave|faute grave/;
const PLAN = new RegExp(
  String.raw`abonnement[a-z0-9 .]{0,80}?(sans engagement|avec engagement)(?: (?:de |d )(\d{1,3}) mois)?[a-z ]{0,20}?(\d{1,5}(?:\.\d{1,2})?) ?(?:€|euros?) ?ht(?: par mois| mois|\/mois| mensuel)?(?:[a-z ]{0,30}?(annualise|mensualise|annuel|mensuel))?`,
);
const DURATION_TITLE = /duree|engagement|reconduction|renouvel/;
const SUBSCRIPTION_TITLE = /abonnement|resiliation|preavis|denonciation/;
/** A notice period is about ending the contract, not about a price change (« préavis de trois mois » in OMI 6.4). */
const ENDING = /resili|denonc|mettre fin|fin au contrat|non renouvel|ne pas renouveler|s opposer|terminer/;

const months = (n: string | undefined, unit: string | undefined) =>
  Number(n) * (/^an|^annee/.test(unit ?? "") ? 12 : 1);

interface Hit {
  readonly at: Located;
  readonly match: RegExpExecArray;
}

function firstIn(
  list: Iterable<Located>,
  re: RegExp,
  skip?: (at: Located, m: RegExpExecArray) => boolean,
): Hit | undefined {
  for (const at of list) {
    const match = re.exec(at.sentence.plain);
    if (match && !skip?.(at, match)) return { at, match };
  }
  return undefined;
}

/** Sentences in articles about duration first, then about subscriptions and termination, then the others. */
function ranked(all: readonly Located[]): Located[] {
  const tier = (at: Located) => {
    const titles = titlesOf(at.article, normaliseFrench);
    return DURATION_TITLE.test(titles) ? 0 : SUBSCRIPTION_TITLE.test(titles) ? 1 : 2;
  };
  const tiers: Located[][] = [[], [], []];
  for (const at of all) tiers[tier(at)]?.push(at);
  return tiers.flat();
}

export function extractSubscription(ctx: ImportContext): SubscriptionFindings {
  const all = [...sentences(ctx)];
  const order = ranked(all);
  const proposals: Proposal[] = [];
  const notFound: NotFound[] = [];
  const questions: Question[] = [];
  const cite = (h: Hit) => citationOf(ctx, h.at);
  const initial = firstIn(order, INITIAL) ?? firstIn(order, COMMITMENT);
  const renewal = firstIn(order, RENEWAL, (_, m) => NOT_RENEWABLE.test(m.input));
  if (!initial && !renewal) {
    const none = firstIn(all, NOT_RENEWABLE);
    return {
      subscription: SUBSCRIPTION_MESSAGES.noSubscription(none ? [cite(none)] : []),
      proposals: none ? [SUBSCRIPTION_MESSAGES.notRenewableProposal([sourceOf(none.at)])] : [],
      notFound: [],
      questions: [],
    };
  }
  const used = new Set<Located>();
  const initialMonths = initial ? months(initial.match[1], initial.match[2]) : 12;
  if (initial) {
    used.add(initial.at);
    proposals.push(SUBSCRIPTION_MESSAGES.initialProposal(initialMonths, [sourceOf(initial.at)]));
  } else notFound.push(SUBSCRIPTION_MESSAGES.noInitial);

  let renewalMonths = initialMonths;
  if (renewal) {
    used.add(renewal.at);
    const period = RENEWAL_PERIOD.exec(renewal.at.sentence.plain);
    const word = RENEWAL_WORD.exec(renewal.at.sentence.plain);
    if (period) renewalMonths = months(period[1], period[2]);
    else if (word) renewalMonths = /mensuelle|mois/.test(word[0]) ? 1 : 12;
    proposals.push(SUBSCRIPTION_MESSAGES.renewalProposal(renewalMonths, [sourceOf(renewal.at)]));
    if (!period && !word) notFound.push(SUBSCRIPTION_MESSAGES.noRenewalPeriod(renewalMonths));
  } else notFound.push(SUBSCRIPTION_MESSAGES.noRenewal(renewalMonths));

  // A notice « de 10 jours maximum » is a limit set on early termination, not the notice period.
  const notAboutEnding = (at: Located) => !ENDING.test(at.sentence.plain);
  const notice =
    firstIn(
      order,
      NOTICE,
      (at, m) => notAboutEnding(at) || /maximum/.test(m.input.slice(m.index, m.index + m[0].length + 12)),
    ) ?? firstIn(order, NOTICE_BEFORE, notAboutEnding);
  const noticePeriod = notice
    ? {
        amount: Number(notice.match[1]),
        unit: /mois/.test(notice.match[2] ?? "") ? ("months" as const) : ("days" as const),
      }
    : { amount: 1, unit: "days" as const };
  if (notice) {
    used.add(notice.at);
    proposals.push(SUBSCRIPTION_MESSAGES.noticeProposal(noticePeriod, [sourceOf(notice.at)]));
    const from = NOTICE_FROM.exec(notice.at.sentence.plain);
    if (from) proposals.push(SUBSCRIPTION_MESSAGES.noticeFromProposal(from[0], [sourceOf(notice.at)]));
  } else notFound.push(SUBSCRIPTION_MESSAGES.noNotice);

  const termination = order.filter((at) => TERMINATION.test(at.sentence.plain));
  const how = firstIn(termination, NOTICE_HOW);
  if (how) proposals.push(SUBSCRIPTION_MESSAGES.noticeHowProposal(how.at.sentence.text, [sourceOf(how.at)]));
  const calendar = firstIn(termination, CALENDAR_END);
  if (calendar) {
    used.add(calendar.at);
    proposals.push(SUBSCRIPTION_MESSAGES.calendarEndProposal([sourceOf(calendar.at)]));
  }
  const end: Plan["end"] = calendar ? "end-of-calendar-month" : "day-before-renewal";

  // Fees still to fall due, in a clause about early termination (the sentence, the one before, or the titles).
  const aboutEarly = (at: Located) =>
    EARLY.test(
      `${at.sentence.plain} ${previous(at)?.sentence.plain ?? ""} ${titlesOf(at.article, normaliseFrench)}`,
    ) || /anticip|torts/.test(at.sentence.plain);
  const early = firstIn(order, REMAINING, (at) => !aboutEarly(at));
  const serious = firstIn(
    order,
    SERIOUS,
    (at) => !/engagement/.test(`${at.sentence.plain} ${titlesOf(at.article, normaliseFrench)}`),
  );
  let earlyTermination: Plan["earlyTermination"];
  if (early) {
    used.add(early.at);
    const until = UNTIL_INITIAL.test(early.at.sentence.plain) ? "initial-term-end" : "current-period-end";
    earlyTermination = { kind: "remaining-monthly-fees", until, clause: [cite(early)] };
    proposals.push(SUBSCRIPTION_MESSAGES.earlyProposal(until, [sourceOf(early.at)]));
  } else if (serious) {
    earlyTermination = {
      kind: "not-priced",
      reason: SUBSCRIPTION_MESSAGES.seriousBreachOnly,
      clause: [cite(serious)],
    };
    proposals.push(SUBSCRIPTION_MESSAGES.seriousProposal([sourceOf(serious.at)]));
  } else {
    earlyTermination = { kind: "not-priced", reason: SUBSCRIPTION_MESSAGES.earlyNotPriced, clause: [] };
    notFound.push(SUBSCRIPTION_MESSAGES.noEarly);
  }

  const clause = uniqueCitations(
    [initial, renewal, notice, calendar].filter((h): h is Hit => h !== undefined).map(cite),
  );
  const note = how
    ? SUBSCRIPTION_MESSAGES.noticeHowNote(how.at.sentence.text, citationOf(ctx, how.at))
    : undefined;
  const base = {
    schedule: { anchor: "start-date" as const, initialMonths, renewalMonths },
    notice: noticePeriod,
    end,
    earlyTermination,
    clause,
    ...(note ? { note } : {}),
  };
  const plans = pricedPlans(ctx, order, base, used, proposals);
  const defaultPlan = chooseDefault(plans, order);
  for (const n of unreadRenewalRules(all, used)) notFound.push(n);
  return {
    subscription: { kind: "plans", defaultPlan, plans },
    proposals,
    notFound,
    questions,
  };
}

type PlanBase = Omit<Plan, "id" | "label">;

/** The plans the text prices, or one plan with what was found. */
function pricedPlans(
  ctx: ImportContext,
  order: readonly Located[],
  base: PlanBase,
  used: Set<Located>,
  proposals: Proposal[],
): Plan[] {
  const plans: Plan[] = [];
  for (const at of order) {
    const m = PLAN.exec(at.sentence.plain);
    if (!m) continue;
    const committed = m[1] === "avec engagement";
    const billing = m[4] ?? "";
    const id = !committed
      ? "no-commitment"
      : /annu/.test(billing)
        ? "commitment-annual"
        : "commitment-monthly";
    if (plans.some((p) => p.id === id)) continue;
    used.add(at);
    const fee = decimalText(m[3]);
    const commitment = m[2] === undefined ? base.schedule.initialMonths : Number(m[2]);
    const clause = uniqueCitations([citationOf(ctx, at), ...base.clause]);
    plans.push(
      committed
        ? {
            ...base,
            id,
            label: SUBSCRIPTION_MESSAGES.planLabel(id, fee),
            schedule: { ...base.schedule, initialMonths: commitment },
            monthlyFeeExclVat: fee,
            clause,
          }
        : {
            ...base,
            id,
            label: SUBSCRIPTION_MESSAGES.planLabel(id, fee),
            // Without commitment: month by month from the 1st, ending with the calendar month.
            schedule: { anchor: "calendar-month", initialMonths: 1, renewalMonths: 1 },
            end: "end-of-calendar-month",
            earlyTermination: { kind: "none", reason: SUBSCRIPTION_MESSAGES.noCommitmentEnd, clause },
            monthlyFeeExclVat: fee,
            clause,
          },
    );
    proposals.push(SUBSCRIPTION_MESSAGES.planProposal(id, fee, [sourceOf(at)]));
  }
  return plans.length > 0
    ? plans
    : [{ ...base, id: "subscription", label: SUBSCRIPTION_MESSAGES.subscriptionPlanLabel }];
}

/** The plan a sentence about the minimum commitment prices, else the first committed plan, else the first. */
function chooseDefault(plans: readonly Plan[], order: readonly Located[]): string {
  const fee = (p: Plan) =>
    new RegExp(String.raw`(?:^|[^\d.])${p.monthlyFeeExclVat ?? "-"}(?:\.0+)? ?(?:€|euros?)`);
  const commitments = order.filter((at) => /engagement minimum/.test(at.sentence.plain));
  const priced = plans.find(
    (p) => p.monthlyFeeExclVat !== undefined && commitments.some((at) => fee(p).test(at.sentence.plain)),
  );
  return (priced ?? plans.find((p) => p.id.startsWith("commitment")) ?? plans[0])?.id ?? "subscription";
}

/** Sentences about renewal no extractor used: listed, never guessed. */
function unreadRenewalRules(all: readonly Located[], used: ReadonlySet<Located>): NotFound[] {
  const unread: Source[] = [];
  for (const at of all) {
    const p = at.sentence.plain;
    if (used.has(at) || NOT_RENEWABLE.test(p)) continue;
    const rule = /\d+ (?:mois|jours?|ans?|annees?)(?![a-z])/.test(p);
    if (
      rule &&
      /renouvel|reconduct|reconduit|date anniversaire/.test(p) &&
      /contrat|abonnement|formule|periode/.test(p)
    ) {
      unread.push(sourceOf(at));
      if (unread.length >= 10) break; // enough to show what was not read
    }
  }
  return unread.length > 0 ? [SUBSCRIPTION_MESSAGES.unreadRenewal(unread)] : [];
}
