import { describePaymentTerm } from "./describe";
import type { PaymentTerm, TermStart } from "./profile";
import type { EndOfMonthMethod } from "./settings";
import { t, type Text } from "./text";

/**
 * The payment-term phrases of French terms of sale, as a table: each phrase is a pattern over the
 * plain form of the text (`normaliseFrench`: lower case, no accents, numbers in digits) and what it
 * reads. `scanTermPhrases` finds every phrase in a sentence — the terms-of-sale import reads whole
 * articles with it — and `parsePaymentTermText` (terms-text.ts) accepts a typed term when one phrase
 * covers it and the other words change nothing. Each pattern is tried once over the text with no
 * nested repetition: the scan is linear in the text's length.
 */

/** One way of reading a payment-term text. */
export interface TermCandidate {
  readonly term: PaymentTerm;
  /**
   * For "fin de mois" terms: the end-of-month method this reading implies. Set on both candidates of
   * an ambiguous "N jours fin de mois", and on the single candidate of an explicit "fin de mois + N jours".
   */
  readonly method?: EndOfMonthMethod;
  /** What the text was understood as, shown back to the user. */
  readonly understood: Text;
}

/** What one phrase says: a payment term, or a ceiling on terms ("ne pourra dépasser 45 jours fin de mois"). */
export type PhraseReading =
  | { readonly type: "term"; readonly candidates: readonly TermCandidate[] }
  | { readonly type: "ceiling"; readonly days: number; readonly endOfMonth: boolean };

export interface PhraseMatch {
  /** The phrase's id in the table. */
  readonly phrase: string;
  /** Offsets in the plain text the scan was given. */
  readonly start: number;
  readonly end: number;
  /** The plain text matched. */
  readonly text: string;
  readonly reading: PhraseReading;
}

const METHOD_TEXT: Record<EndOfMonthMethod, Text> = {
  "days-then-eom": t(
    "invoice date + N days, then the end of that month",
    "date de facture + N jours, puis fin de ce mois",
  ),
  "eom-then-days": t("end of the invoice month, then + N days", "fin du mois de facture, puis + N jours"),
};

export function plainCandidate(term: PaymentTerm): TermCandidate {
  return { term, understood: describePaymentTerm(term) };
}

export function methodCandidate(
  term: Extract<PaymentTerm, { kind: "days-end-of-month" }>,
  method: EndOfMonthMethod,
): TermCandidate {
  const d = describePaymentTerm(term);
  const m = METHOD_TEXT[method];
  const days = String(term.days);
  return {
    term,
    method,
    understood: t(
      `${d.en}, computed as ${m.en.replace("N", days)}`,
      `${d.fr}, calculé ainsi : ${m.fr.replace("N", days)}`,
    ),
  };
}

/** "N jours fin de mois": two lawful methods, the usual one first (docs/terms.md#fin-de-mois-payment-terms). */
export function endOfMonthCandidates(
  term: Extract<PaymentTerm, { kind: "days-end-of-month" }>,
): TermCandidate[] {
  if (term.days === 0) return [methodCandidate(term, "days-then-eom")];
  return [methodCandidate(term, "days-then-eom"), methodCandidate(term, "eom-then-days")];
}

// ---------------------------------------------------------------------------------------------
// The patterns' pieces, on the plain form: words separated by one space.

/** Start of a word: the start of the text, or a character that is no letter or digit (matched: no lookbehind in Safari 14). */
const B = String.raw`(?:^|[^a-z0-9])`;
const E = String.raw`(?![a-z0-9])`;
const N = String.raw`(?<n>\d{1,3})`;
/** Calendar days; « jours ouvrés » are not a payment term this reader knows: left unread. */
const DAYS = String.raw`(?:jours?|jrs?|j)${E}(?: (?:calendaires?|civils?|francs?))?(?! ouvr)`;
const ANY_DAYS = String.raw`(?:jours?|jrs?|j|days?|d)${E}(?: (?:calendaires?|civils?))?`;
const EOM = String.raw`(?:fin de mois|fin du mois|fdm|fm)`;
const QUALIFIER = String.raw`(?: (?:nets?|maximum|max|au plus tard|au maximum|fermes?))?`;

const CONNECT = String.raw`(?:(?:a compter|a partir|a dater) (?:de la |de l |du |des |de |d )|(?:apres|suivant|des|de|sur) (?:la |l |le |les )?|)`;
const ORDER = String.raw`(?:reception (?:de la |de )?)?confirmation (?:de la |de )?commande|(?:date (?:de la |de )?)?commande|(?:signature|acceptation) (?:du |de la |de l )?(?:devis|commande|bon de commande|contrat)`;
const RECEIPT = String.raw`(?:date (?:de la |de )?)?reception(?: (?:de la |de l |des |du |de )(?:facture|marchandises?|produits?|biens|prestations?|colis|travaux|livraison|materiel))?`;
const DELIVERY = String.raw`(?:date (?:de la |de )?)?livraison(?: (?:de la |de l |des |du |de )(?:marchandises?|produits?|biens|commande|materiel|travaux))?|(?:date (?:de la |de l |d )?)?(?:execution|realisation|achevement|fin) (?:de la |de l |des |du |de )(?:prestations?|travaux|services?|mission)`;
const INVOICE = String.raw`(?:date (?:de la |de l |de |d )?)?(?:facture|facturation|emission)(?: (?:de la |de sa |de )facture)?(?: correspondante)?|emission (?:de la |de )facture(?: correspondante)?`;
/** What a term counts from, after its days: « date de réception », « à compter de la livraison »… */
const START = String.raw`${CONNECT}(?:jour (?:de la |de l |de |d |du ))?(?:(?<order>${ORDER})|(?<receipt>${RECEIPT})|(?<delivery>${DELIVERY})|(?<invoice>${INVOICE}))${E}`;
const EN_START = String.raw`(?:from|after) (?:the )?(?:(?<invoice>invoice(?: date)?)|(?<receipt>receipt)|(?<delivery>delivery)|(?<order>order))${E}`;

type Groups = Readonly<Record<string, string | undefined>>;

function startOf(g: Groups): { from?: TermStart } {
  if (g.order !== undefined) return { from: "order" };
  if (g.receipt !== undefined) return { from: "receipt" };
  if (g.delivery !== undefined) return { from: "delivery" };
  return {};
}

function dayOfMonthStart(word: string | undefined): { from?: TermStart } {
  if (word === undefined) return {};
  if (/^(?:livraison|delivery)$/.test(word)) return { from: "delivery" };
  if (/^(?:reception|receipt)$/.test(word)) return { from: "receipt" };
  return { from: "order" };
}

const term = (candidates: readonly TermCandidate[]): PhraseReading => ({ type: "term", candidates });
const onInvoice = (from?: TermStart): PhraseReading =>
  term([plainCandidate(from === undefined ? { kind: "on-invoice" } : { kind: "on-invoice", from })]);

function days(g: Groups): PhraseReading | undefined {
  const n = Number(g.n);
  return n > 366 ? undefined : term([plainCandidate({ kind: "days", days: n, ...startOf(g) })]);
}

function endOfMonth(g: Groups): PhraseReading | undefined {
  const n = Number(g.n);
  const dom = g.dom === undefined ? undefined : Number(g.dom);
  if (n > 366 || (dom !== undefined && (dom < 1 || dom > 31))) return undefined;
  return term(
    endOfMonthCandidates({
      kind: "days-end-of-month",
      days: n,
      ...(dom !== undefined ? { dayOfMonth: dom } : {}),
      ...startOf(g),
    }),
  );
}

function dayOfMonth(g: Groups): PhraseReading | undefined {
  const day = Number(g.day);
  const monthsAfter = Number(g.m ?? 1);
  if (day < 1 || day > 31 || monthsAfter < 1 || monthsAfter > 12) return undefined;
  return term([plainCandidate({ kind: "day-of-month", day, monthsAfter, ...dayOfMonthStart(g.dstart) })]);
}

interface Phrase {
  readonly id: string;
  readonly pattern: RegExp;
  readonly read: (g: Groups) => PhraseReading | undefined;
  /** Words that, just before the phrase, make it no term (checked on the text before: no lookbehind). */
  readonly notAfter?: RegExp;
}

const phrase = (id: string, source: string, read: Phrase["read"], notAfter?: RegExp): Phrase => ({
  id,
  pattern: new RegExp(`${B}(?:${source})${E}`, "g"),
  read,
  ...(notAfter ? { notAfter } : {}),
});

/** The phrases, each with what it reads. Overlapping matches keep the earliest, then the longest. */
export const TERM_PHRASES: readonly Phrase[] = [
  // « ne pourra dépasser 45 jours fin de mois », « jamais au-delà de 45 jours fin de mois »
  phrase(
    "ceiling",
    String.raw`(?:jamais au dela de|sans (?:pouvoir )?(?:depasser|exceder)|ne (?:pourra|pourront|peut|peuvent|saurait|sauraient|doit|doivent)(?: pas| en aucun cas| jamais)? (?:depasser|exceder)|dans la limite de|never beyond|not beyond|at most)(?: de| a)? ${N} ${ANY_DAYS}(?<eom> (?:${EOM}|end of (?:the )?month))?`,
    (g) => ({ type: "ceiling", days: Number(g.n), endOfMonth: g.eom !== undefined }),
  ),
  // « 30 jours fin de mois », « 45 jours fin de mois le 10 », « 45 jours fin de mois à compter de la date d'émission »
  phrase(
    "days-end-of-month",
    String.raw`${N} ${DAYS}(?: nets?)?(?: date de facture| de)? ${EOM}(?: le (?<dom>\d{1,2})(?: du mois(?: suivant)?)?)?${QUALIFIER}(?: ${START})?`,
    endOfMonth,
  ),
  // « fin de mois + 45 jours »: the end of the month first, said by the text itself.
  phrase("end-of-month-then-days", String.raw`${EOM}(?: \+| plus| puis| et)? ${N} ${DAYS}`, (g) => {
    const n = Number(g.n);
    return n > 366
      ? undefined
      : term([methodCandidate({ kind: "days-end-of-month", days: n }, "eom-then-days")]);
  }),
  // « fin de mois », « fin de mois le 10 »
  phrase("end-of-month", String.raw`${EOM}(?: le (?<dom>\d{1,2}))?`, (g) => endOfMonth({ ...g, n: "0" })),
  // « 30 jours », « à 30 jours date de facture », « sous 15 jours », « dans un délai de 30 jours », « 30 jours nets »,
  // « 30 jours date de réception », « 30 jours à compter de la livraison »
  phrase("days", String.raw`${N} ${DAYS}${QUALIFIER}(?: ${START})?`, days),
  // « sous huitaine », « sous quinzaine »
  phrase("huitaine", String.raw`(?<w>huitaine|quinzaine)`, (g) =>
    days({ n: g.w === "huitaine" ? "8" : "15" }),
  ),
  // « le 10 du mois suivant », « au plus tard le 15 du mois suivant la facture », « le 10 du 2e mois suivant »
  phrase(
    "day-of-month",
    String.raw`le (?<day>\d{1,2}) (?:du|de chaque) (?:(?<m>\d{1,2}) )?mois (?:suivant|qui suit)(?: (?:la |le |l )?(?:(?<dstart>livraison|reception|commande)|facture|date de (?:la )?facture|mois de (?:la )?(?:facture|facturation)|emission de (?:la )?facture))?`,
    dayOfMonth,
  ),
  // « comptant », « paiement comptant à réception »
  phrase(
    "cash",
    String.raw`(?:au )?comptant(?: (?:a|des) (?:la )?reception(?: (?:de la |de )facture)?)?`,
    () => onInvoice(),
  ),
  // « à réception des marchandises », « à la date de réception »: due on the day of receipt.
  phrase(
    "on-receipt-of-goods",
    String.raw`(?:(?:a|des|lors de) (?:la )?reception (?:des|de la|du|de l|de) (?:marchandises?|produits?|biens|colis|travaux|prestations?|materiel|livraison)|a la date de reception)`,
    () => onInvoice("receipt"),
  ),
  // « à réception (de la facture) », « dès réception »: the invoice date (the invoice is received when issued).
  phrase(
    "on-receipt",
    // Not « à réception du devis »: the receipt of something else than the invoice is no payment term.
    String.raw`(?:a|des|lors de) (?:la )?reception(?: (?:de la |de sa |de )facture|(?! (?:du|des|de|d)(?![a-z])))`,
    () => onInvoice(),
  ),
  // « à la livraison »
  phrase(
    "on-delivery",
    String.raw`(?:a|lors de|des) (?:la )?livraison(?: (?:des|de la|du|de) (?:marchandises?|produits?|biens|commande|materiel))?`,
    () => onInvoice("delivery"),
  ),
  phrase("on-order-date", String.raw`a la date (?:de la |de )commande`, () => onInvoice("order")),
  // « à la commande », « à la signature du devis », « à la confirmation de commande », « avant la livraison »
  phrase(
    "at-order",
    // Not « à la commande d'un client » (nor, by notAfter, « les délais indiqués à la commande »).
    String.raw`(?:a|lors de|des) (?:la |l )?(?:commande(?! (?:d|de|du|des)(?![a-z]))|signature(?: (?:du |de la |de l )?(?:devis|commande|bon de commande|contrat|convention))?|confirmation de (?:la )?commande|emission de (?:la )?facture)|avant (?:la |le |l )?(?:livraison|mise en (?:production|service|ligne)|debut (?:de la |des )(?:prestation|travaux|mission)|realisation|execution|session|formation)|paiement immediat|(?:payables?|reglee?s?|regles|exigibles?|payees?) immediatement`,
    () => onInvoice(),
    /(?:indiques?|indiquees?|prevus?|prevues?|precises?|mentionnes?|figurant|stipules?|appliquees?|appliques?) $/,
  ),
  // English, as the form has always accepted it.
  phrase(
    "en-days-end-of-month",
    String.raw`${N} (?:days?|d) (?:end of (?:the )?month|eom)(?: on the (?<dom>\d{1,2}))?(?: ${EN_START})?`,
    endOfMonth,
  ),
  phrase(
    "en-end-of-month-then-days",
    String.raw`(?:end of (?:the )?month|eom)(?: \+| plus| then)? ${N} (?:days?|d)`,
    (g) => term([methodCandidate({ kind: "days-end-of-month", days: Number(g.n) }, "eom-then-days")]),
  ),
  phrase("en-end-of-month", String.raw`(?:end of (?:the )?month|eom)(?: on the (?<dom>\d{1,2}))?`, (g) =>
    endOfMonth({ ...g, n: "0" }),
  ),
  phrase("en-days", String.raw`${N} (?:days?|d)(?: net)?(?: ${EN_START})?`, days),
  phrase("en-net", String.raw`net ${N}`, days),
  phrase(
    "en-day-of-month",
    String.raw`on the (?<day>\d{1,2}) of the (?:(?:following|next) month|month (?:(?<m>\d{1,2}) months )?after (?:the )?(?:invoice(?: month)?|(?<dstart>receipt|delivery|order)))`,
    dayOfMonth,
  ),
  phrase("en-on-delivery", String.raw`on delivery`, () => onInvoice("delivery")),
  phrase("en-on-receipt-date", String.raw`on the date of receipt`, () => onInvoice("receipt")),
  phrase("en-on-order-date", String.raw`on the order date`, () => onInvoice("order")),
  phrase(
    "en-on-receipt",
    String.raw`(?:due )?(?:on|upon) receipt(?: of (?:the )?invoice)?|cash|immediate|at order|on signature`,
    () => onInvoice(),
  ),
];

const MAY_HOLD_A_TERM =
  /\d|comptant|reception|livraison|commande|signature|immediat|fin d|fdm|huitaine|quinzaine|avant|emission|receipt|delivery|cash|order|month|eom/;

/**
 * Every payment-term phrase in a plain text (`normaliseFrench`), left to right; where phrases overlap,
 * the one that starts first wins, then the longest.
 */
export function scanTermPhrases(plain: string): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  // Every phrase has a figure or one of these words: a sentence with none is skipped at once.
  if (!MAY_HOLD_A_TERM.test(plain)) return found;
  for (const p of TERM_PHRASES) {
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(plain); m !== null; m = p.pattern.exec(plain)) {
      // The pattern matched the character before the word too (no lookbehind): the phrase starts after it.
      const skip = /^[a-z0-9]/.test(m[0]) ? 0 : 1;
      const start = m.index + skip;
      const refused = p.notAfter?.test(plain.slice(Math.max(0, start - 20), start)) === true;
      const reading = refused ? undefined : p.read(m.groups ?? {});
      if (reading)
        found.push({ phrase: p.id, start, end: m.index + m[0].length, text: m[0].slice(skip), reading });
      if (m[0].length === 0) p.pattern.lastIndex += 1;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch[] = [];
  let reached = 0;
  for (const m of found) {
    if (m.start < reached) continue;
    kept.push(m);
    reached = m.end;
  }
  return kept;
}
