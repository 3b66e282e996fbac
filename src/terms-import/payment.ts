import {
  describePaymentTerm,
  scanTermPhrases,
  type Citation,
  type PaymentTerm,
  type PhraseMatch,
  type Text,
} from "../engine";
import {
  citationOf,
  previous,
  sentences,
  sourceOf,
  titlesOf,
  uniqueCitations,
  type ImportContext,
  type Located,
} from "./context";
import { KIND_LABELS, MESSAGES, type KindId } from "./messages";
import type { NotFound, Proposal, Question, Source } from "./report";
import { normaliseFrench } from "../engine";

/**
 * Payment terms, per kind of invoice where the text distinguishes them (deposit, balance,
 * subscription, first order…): every sentence that speaks of paying is scanned with the engine's
 * phrase table; the kind comes from the words around the term, then the sentence before, then the
 * article's titles. A ceiling (« ne pourra dépasser 45 jours fin de mois ») applies to every
 * « fin de mois » term. Sentences about late payment, termination, disputes or formal notices are
 * not read for terms: their delays are not payment terms.
 */

export interface FoundKind {
  readonly id: KindId;
  readonly label: Text;
  readonly term: PaymentTerm;
  readonly clause: readonly Citation[];
  readonly sources: readonly Source[];
  /** Nothing stated: the legal default. */
  readonly legalDefault: boolean;
}

export interface PaymentFindings {
  readonly kinds: readonly FoundKind[];
  readonly defaultKind: KindId;
  readonly proposals: readonly Proposal[];
  readonly notFound: readonly NotFound[];
  readonly questions: readonly Question[];
}

const PAYMENT =
  /(?:^|[^a-z])(?:paiements?|payables?|payer|payee?s?|regl\w*|verse\w*|acquitt\w*|echeances?|comptant|mandat sepa|prelevements?|acomptes?|soldes?)(?![a-z])/;
/** Sentences whose delays are not payment terms. « sans escompte » is removed before this test. */
const NOT_A_TERM =
  /en cas de paiement|paiement anticipe|reglement anticipe|retard|penalit|interets? de|indemnite|recouvrement|mise en demeure|resili|suspen|contest|reclamation|escompte|rembours|avoirs?(?![a-z])|impaye|non paiement|defaut de paiement|denonc|derog|amiable|litiges?(?![a-z])|differend|mediation|(?:sont|est|sera|seront) (?:emises?|etablies?|adressees?|envoyees?)/;
const NO_DISCOUNT = /(?:sans|aucun|pas d) escompte/g;
/** Articles about paying: where a subscription with no term of its own gets the legal default. */
const PAYMENT_ARTICLE = /paiement|facturation|prix|tarif|financ|reglement|modalites de paiement/;

/** The kinds a sentence names, strongest first: what the invoice is, then what it is for. */
const WHAT: readonly (readonly [KindId, RegExp])[] = [
  ["deposit", /(?:^|[^a-z])acomptes?(?![a-z])/],
  ["subscription", /(?:^|[^a-z])(?:abonnements?|redevances?)(?![a-z])/],
  ["first-order", /premiere commande|nouveaux? clients?/],
  ["export", /(?:^|[^a-z])export/],
];
const FOR_WHAT: readonly (readonly [KindId, RegExp])[] = [
  ["study", /(?:^|[^a-z])etudes?(?![a-z])|a la carte/],
  ["training", /(?:^|[^a-z])formations?(?![a-z])/],
  ["consulting", /(?:^|[^a-z])conseil|accompagnement/],
  ["setup", /mise en place|mise en production|mise en service|(?:^|[^a-z])developpement|set ?up/],
  ["annex", /maintenance|(?:^|[^a-z])support|prestations? annexes?/],
];
const BALANCE = /(?:^|[^a-z])soldes?(?![a-z])/;

function firstHit(list: readonly (readonly [KindId, RegExp])[], text: string): KindId | undefined {
  return list.find(([, re]) => re.test(text))?.[0];
}

/**
 * A sentence that goes on from the one before (« Le paiement interviendra le 5 du mois suivant »,
 * « Elles sont payables à réception »), or a short line of a flattened table: the sentence before
 * may say what it is about. A sentence with a subject of its own does not look back.
 */
const GOES_ON =
  /^(?:[-•*–]\s*)?(?:le paiement|le reglement|les paiements|elles?|ils?|celle ci|celui ci|ceux ci|cette facture|la facture|le prelevement|le solde|ce montant|cette redevance|leur paiement|leur reglement|payables?|paiement)(?![a-z])/;

/** The kind of invoice a term is for, from its clause, the sentence before, then the titles. */
function kindOf(clause: string, at: Located): KindId {
  const plain = at.sentence.plain;
  const looksBack = GOES_ON.test(plain) || plain.split(" ").length <= 6;
  const before = looksBack ? (previous(at)?.sentence.plain ?? "") : "";
  const titles = titlesOf(at.article, normaliseFrench);
  // What the clause says it is, then what it is for (the clause, the sentence before, the titles),
  // then « solde » in the clause, then what the sentence before says it is (« La redevance sera
  // facturée le 25. Le paiement interviendra le 5 du mois suivant. »).
  return (
    firstHit(WHAT, clause) ??
    firstHit(FOR_WHAT, clause) ??
    firstHit(FOR_WHAT, before) ??
    firstHit(FOR_WHAT, titles) ??
    (BALANCE.test(clause) ? "balance" : undefined) ??
    firstHit(WHAT.slice(1), before) ??
    "invoice"
  );
}

interface Hit {
  readonly kind: KindId;
  readonly term: PaymentTerm;
  readonly at: Located;
}

/** An article about paying: a line of a flattened table there (« Commandes suivantes 30 jours… ») is read too. */
const PAYMENT_TITLE = /paiement|reglement|echeance/;

const sameTerm = (a: PaymentTerm | undefined, b: PaymentTerm | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);
const firstTerm = (m: PhraseMatch) => (m.reading.type === "term" ? m.reading.candidates[0]?.term : undefined);

function termsIn(at: Located): { hits: Hit[]; ceiling?: number } {
  const plain = at.sentence.plain;
  const title = normaliseFrench(at.article.title);
  const aboutPaying = PAYMENT.test(plain) || (PAYMENT_TITLE.test(title) && !NOT_A_TERM.test(title));
  if (!aboutPaying || NOT_A_TERM.test(plain.replace(NO_DISCOUNT, ""))) return { hits: [] };
  // « payables comptant à la commande »: two phrases, one term — read once.
  const matches = scanTermPhrases(plain).filter((m, i, all) => {
    const before = all[i - 1];
    return !(
      before &&
      m.reading.type === "term" &&
      before.reading.type === "term" &&
      sameTerm(firstTerm(m), firstTerm(before))
    );
  });
  const hits: Hit[] = [];
  let ceiling: number | undefined;
  matches.forEach((m: PhraseMatch, i) => {
    if (m.reading.type === "ceiling") {
      if (m.reading.endOfMonth) ceiling = m.reading.days;
      return;
    }
    const term = firstTerm(m);
    if (!term) return;
    // The words between the previous term and the next one say what this term is for.
    const clause = plain.slice(matches[i - 1]?.end ?? 0, matches[i + 1]?.start ?? plain.length);
    hits.push({ kind: kindOf(clause, at), term, at });
  });
  return { hits, ...(ceiling !== undefined ? { ceiling } : {}) };
}

/** Places cited for one rule, at most (a profile's rule holds up to 20 citations). */
const MAX_PLACES = 5;

interface Building {
  id: KindId;
  term: PaymentTerm;
  at: Located[];
  others: Hit[];
}

export function extractPayment(ctx: ImportContext): PaymentFindings {
  const byKind = new Map<KindId, Building>();
  let ceiling: { days: number; at: Located } | undefined;
  let subscriptionMentioned: Located | undefined;
  for (const at of sentences(ctx)) {
    const found = termsIn(at);
    if (found.ceiling !== undefined && !ceiling) ceiling = { days: found.ceiling, at };
    for (const hit of found.hits) {
      const b = byKind.get(hit.kind);
      if (!b) byKind.set(hit.kind, { id: hit.kind, term: hit.term, at: [hit.at], others: [] });
      else if (sameTerm(b.term, hit.term)) b.at.push(hit.at);
      else b.others.push(hit);
    }
    const titles = titlesOf(at.article, normaliseFrench);
    if (!subscriptionMentioned && PAYMENT_ARTICLE.test(titles) && WHAT[1]?.[1].test(at.sentence.plain))
      subscriptionMentioned = at;
  }
  const proposals: Proposal[] = [];
  const notFound: NotFound[] = [];
  const questions: Question[] = [];
  const kinds: FoundKind[] = [];
  for (const b of byKind.values()) {
    const capped = ceiling && b.term.kind === "days-end-of-month" ? ceiling : undefined;
    const term =
      capped && b.term.kind === "days-end-of-month" ? { ...b.term, capDaysEndOfMonth: capped.days } : b.term;
    // A term a text repeats in many articles: the first few places are enough to check it.
    const at = capped ? [...b.at.slice(0, MAX_PLACES - 1), capped.at] : b.at.slice(0, MAX_PLACES);
    const sources = at.map(sourceOf);
    const label = KIND_LABELS[b.id];
    kinds.push({
      id: b.id,
      label,
      term,
      clause: uniqueCitations(at.map((a) => citationOf(ctx, a))),
      sources,
      legalDefault: false,
    });
    proposals.push({
      id: `payment:${b.id}`,
      topic: "payment",
      label: MESSAGES.paymentLabel(label),
      value: MESSAGES.termValue(describePaymentTerm(term), term),
      sources,
      term,
    });
    if (b.others.length > 0)
      questions.push(
        MESSAGES.twoTerms(
          b.id,
          label,
          b.term,
          b.others.map((o) => ({ term: o.term, source: sourceOf(o.at) })),
          sourceOf(b.at[0] as Located),
        ),
      );
  }
  const eom = kinds.filter((k) => k.term.kind === "days-end-of-month" && k.term.days > 0);
  if (eom.length > 0) questions.push(MESSAGES.endOfMonthMethod(eom.flatMap((k) => k.sources.slice(0, 1))));
  // A subscription billed with no term of its own and no general term: the legal default.
  if (subscriptionMentioned && !byKind.has("subscription") && !byKind.has("invoice")) {
    kinds.push({
      id: "subscription",
      label: KIND_LABELS.subscription,
      term: { kind: "legal-default" },
      clause: [citationOf(ctx, subscriptionMentioned)],
      sources: [sourceOf(subscriptionMentioned)],
      legalDefault: true,
    });
    notFound.push(
      MESSAGES.noTermFor("subscription", KIND_LABELS.subscription, [sourceOf(subscriptionMentioned)]),
    );
  }
  if (kinds.length === 0) {
    kinds.push({
      id: "invoice",
      label: KIND_LABELS.invoice,
      term: { kind: "legal-default" },
      clause: [],
      sources: [],
      legalDefault: true,
    });
    notFound.push(MESSAGES.noPaymentTerm);
  }
  return { kinds, defaultKind: defaultKind(kinds), proposals, notFound, questions };
}

/** The ordinary invoice: the general term, else the balance, else the first that is not a deposit. */
function defaultKind(kinds: readonly FoundKind[]): KindId {
  for (const id of ["invoice", "balance"] as const) if (kinds.some((k) => k.id === id)) return id;
  return (kinds.find((k) => k.id !== "deposit") ?? kinds[0])?.id ?? "invoice";
}
