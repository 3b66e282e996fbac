import { normaliseFrench } from "./french-text";
import type { PaymentTerm } from "./profile";
import {
  methodCandidate,
  plainCandidate,
  scanTermPhrases,
  type PhraseMatch,
  type TermCandidate,
} from "./term-phrases";
import { t, type Text } from "./text";

/**
 * A payment term typed as French terms of sale write it ("30 jours fin de mois", "trente (30) jours
 * date de réception", "payable le 10 du mois suivant", "à la livraison", "comptant"), read into the
 * engine's `PaymentTerm` for the custom-vendor form. The phrases are those of term-phrases.ts; the
 * text is accepted when one phrase covers it and every other word changes nothing ("paiement",
 * "sans escompte", "net"…). Legal limits are checked in legal-checks.ts.
 */

export type { TermCandidate } from "./term-phrases";

export interface TermTextReading {
  readonly input: string;
  /** No candidate: the text was not understood. Several: the user must choose (see `question`). */
  readonly candidates: readonly TermCandidate[];
  /** Set when the text was not understood or has several readings. */
  readonly question?: Text;
}

const MAX_TERM_TEXT = 200;

/**
 * Words around a term that change nothing: « paiement », « payable », « sous », « dans un délai de »,
 * « sans escompte », « net », « au plus tard », « par virement »… (on the plain form).
 */
const NEUTRAL_WORDS = new Set(
  (
    "a au aux de du des d l la le les un une en et sous dans delai delais sans escompte net nets acompte " +
    "maximum max plus tard paiement paiements reglement reglements payable payables regler payer " +
    "paye payee acquitter acquitte verse verser solde soldes facture factures client clients est sont " +
    "doit doivent devra devront etre sera seront effectue effectuee effectues par virement cheque " +
    "prelevement carte bancaire conditions condition echeance terme " +
    "payment payments due within terms of the is are invoice invoices"
  ).split(" "),
);

const LEGAL_DEFAULT =
  /^(?:|aucun(?: delai)?(?: stipule)?(?: delai legal de 30 jours)?|non precise|non stipule|none|not stated|no term stated(?: legal default of 30 days)?|delai legal|legal default)$/;

const NOT_UNDERSTOOD = t(
  'Payment term not understood. Write it as in the terms of sale, e.g. "30 jours fin de mois", "45 jours fin de mois le 10", "60 jours date de facture", "30 jours date de réception", "le 10 du mois suivant", "à réception de facture", "comptant".',
  "Délai de paiement non compris. Écrivez-le comme dans les CGV, par ex. « 30 jours fin de mois », « 45 jours fin de mois le 10 », « 60 jours date de facture », « 30 jours date de réception », « le 10 du mois suivant », « à réception de facture », « comptant ».",
);

const WHICH_METHOD = t(
  'Which end-of-month method does the contract use? Both are lawful; "invoice date + N days, then end of month" is the usual reading.',
  "Quelle méthode de fin de mois le contrat retient-il ? Les deux sont admises ; « date de facture + N jours, puis fin de mois » est la lecture usuelle.",
);

/** The words of `plain` outside the matched phrases. */
function wordsLeft(plain: string, matches: readonly PhraseMatch[]): string[] {
  let rest = "";
  let at = 0;
  for (const m of matches) {
    rest += ` ${plain.slice(at, m.start)}`;
    at = m.end;
  }
  rest += ` ${plain.slice(at)}`;
  return rest.split(" ").filter((w) => w !== "");
}

/** A ceiling only makes sense on a "fin de mois" term; on any other, the text is not understood. */
function withCeiling(c: TermCandidate, days: number): TermCandidate | undefined {
  if (c.term.kind !== "days-end-of-month" || days > 366) return undefined;
  const term = { ...c.term, capDaysEndOfMonth: days };
  return c.method === undefined ? plainCandidate(term) : methodCandidate(term, c.method);
}

function termDaysInRange(term: PaymentTerm): boolean {
  return !("days" in term) || (term.days >= 0 && term.days <= 366);
}

/** The candidates a typed text reads as: one term phrase, at most one ceiling, nothing else that matters. */
function candidatesOf(plain: string): TermCandidate[] {
  const matches = scanTermPhrases(plain);
  if (wordsLeft(plain, matches).some((w) => !NEUTRAL_WORDS.has(w))) return [];
  const terms = matches.filter((m) => m.reading.type === "term");
  const ceilings = matches.filter((m) => m.reading.type === "ceiling");
  const only = terms[0]?.reading;
  if (terms.length !== 1 || only?.type !== "term" || ceilings.length > 1) return [];
  const ceiling = ceilings[0]?.reading;
  const candidates =
    ceiling?.type === "ceiling"
      ? ceiling.endOfMonth
        ? only.candidates.map((c) => withCeiling(c, ceiling.days))
        : []
      : only.candidates;
  return candidates.filter((c): c is TermCandidate => c !== undefined && termDaysInRange(c.term));
}

/**
 * Reads a payment term typed as a French (or English) contract writes it. "N jours fin de mois" has
 * two lawful readings (docs/terms.md#fin-de-mois-payment-terms: both methods are accepted by the
 * DGCCRF and the CEPC): both are returned, default method first, with a question for the user.
 *
 * @example parsePaymentTermText("quarante-cinq jours fin de mois le 10").candidates[0].term
 * // { kind: "days-end-of-month", days: 45, dayOfMonth: 10 }, method "days-then-eom"
 */
export function parsePaymentTermText(input: string): TermTextReading {
  const plain = normaliseFrench((typeof input === "string" ? input : "").slice(0, MAX_TERM_TEXT));
  if (LEGAL_DEFAULT.test(plain)) return { input, candidates: [plainCandidate({ kind: "legal-default" })] };
  const candidates = candidatesOf(plain);
  if (candidates.length === 0) return { input, candidates, question: NOT_UNDERSTOOD };
  if (candidates.length > 1) return { input, candidates, question: WHICH_METHOD };
  return { input, candidates };
}
