import type { Citation, PaymentTerm, Text } from "../engine";

/**
 * What an import found, as data: every rule it proposes with the article and the sentence it came
 * from, what it did not find with the rule that applies instead, and the questions an ambiguous
 * clause raises. The pane shows it beside the draft in the vendor form; the command line prints it
 * (render.ts). Nothing here is saved: the draft becomes a profile only when the user saves it.
 */

/** Where a proposal comes from: the article as the text numbers it, and the sentence quoted. */
export interface Source {
  /** "7.2.1", "Annexe 3", "" for the text before the first article. */
  readonly article: string;
  /** The article's title, when it has one. */
  readonly title: string;
  /** The title of a later set of articles (« Conditions particulières… »), when not the first. */
  readonly part: string;
  /** The sentence as written (spaces collapsed). */
  readonly sentence: string;
}

/** The part of the profile a finding is about, for grouping and for the pane's fields. */
export type Topic = "names" | "clients" | "payment" | "late-payment" | "discount" | "subscription";

export interface Proposal {
  /** Stable id: "payment:balance", "late:rate", "subscription:notice"… */
  readonly id: string;
  readonly topic: Topic;
  /** What the rule is about: « Délai de paiement — solde ». */
  readonly label: Text;
  /** What the text says it is: « 30 jours fin de mois ». */
  readonly value: Text;
  readonly sources: readonly Source[];
  /** The payment term proposed, for payment proposals (the pane fills its term field from it). */
  readonly term?: PaymentTerm;
}

export interface NotFound {
  readonly id: string;
  readonly topic: Topic;
  readonly label: Text;
  /** The rule that applies instead, and what the draft holds. */
  readonly instead: Text;
  /** The law that rule comes from, when it is the law's. */
  readonly law: readonly Citation[];
  /** Sentences that speak of it but that the import could not read (OMI's module-addition rule). */
  readonly unread: readonly Source[];
}

export interface QuestionChoice {
  readonly id: string;
  readonly text: Text;
}

export interface Question {
  readonly id: string;
  readonly topic: Topic;
  readonly text: Text;
  readonly choices: readonly QuestionChoice[];
  /** The choice the draft holds until the user answers: the client-favourable or usual reading. */
  readonly chosen: string;
  readonly sources: readonly Source[];
}

export interface ImportReport {
  /** The document's title as found (or the usual « Conditions générales de vente »). */
  readonly title: string;
  readonly characters: number;
  readonly articles: number;
  /** What the reading of the text itself noticed (a text pasted six times, page furniture dropped). */
  readonly notes: readonly Text[];
  readonly proposals: readonly Proposal[];
  readonly notFound: readonly NotFound[];
  readonly questions: readonly Question[];
}
