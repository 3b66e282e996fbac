import { COLON } from "./format";
import type { Decimal } from "./money";
import type { VendorProfile } from "./profile";
import { formatCitation, type Citation, type Language, type Text } from "./text";

/** One step of a computation, with the clause or law it applies. */
export interface Step {
  readonly text: Text;
  readonly cite: readonly Citation[];
}

/** An interpretation decided in docs/terms.md#decisions-where-a-text-is-ambiguous that this result depends on. */
export interface InterpretationNote {
  readonly id: string;
  readonly text: Text;
  readonly alternative?: Text;
}

/** A late-payment segment: consecutive late days with one rate and one outstanding balance. */
export interface RateSegment {
  readonly from: number; // Day, first late day of the segment
  readonly to: number; // Day, last late day (inclusive)
  readonly days: number;
  readonly halfYear: string;
  readonly balance: Decimal;
  /** The rate the contract (or the statutory default) gives, before any floor. */
  readonly contractualRate: Decimal;
  /** 3 × the legal rate, when a floor applies to this rate. */
  readonly floorRate: Decimal | undefined;
  readonly appliedRate: Decimal;
  readonly floorBound: boolean;
  /** Exact, unrounded interest of the segment. */
  readonly interest: Decimal;
}

/**
 * Collects the explanation of one computation. Engine functions take an optional trace and call
 * `trace?.step(...)`: with no trace the arguments are never even built (optional-call short-circuit),
 * so explanations cost nothing in bulk work.
 */
export class Trace {
  readonly steps: Step[] = [];
  readonly interpretations: InterpretationNote[] = [];
  readonly segments: RateSegment[] = [];

  step(en: string, fr: string, ...cite: Citation[]): void {
    this.steps.push({ text: { en, fr }, cite });
  }

  interpretation(note: InterpretationNote): void {
    if (!this.interpretations.some((n) => n.id === note.id)) this.interpretations.push(note);
  }

  segment(s: RateSegment): void {
    this.segments.push(s);
  }
}

/**
 * Records the profile's interpretation notes that bear on a rule, matched by the clauses they cite
 * (docs/terms.md#the-ambiguity-rule: "the explanation of every result computed under an ambiguous clause says so").
 */
export function noteInterpretations(
  trace: Trace,
  profile: VendorProfile,
  clauses: readonly Citation[],
): void {
  for (const i of profile.interpretations) {
    if (!i.clause.some((c) => clauses.some((k) => k.document === c.document && k.article === c.article)))
      continue;
    trace.interpretation({
      id: i.id,
      text: i.text,
      ...(i.alternative ? { alternative: i.alternative } : {}),
    });
  }
}

export interface Explanation {
  readonly steps: readonly Step[];
  readonly interpretations: readonly InterpretationNote[];
  readonly segments: readonly RateSegment[];
}

/** How an explanation names an interpretation and its other reading. */
const INTERPRETATION = {
  head: { en: "Interpretation", fr: "Interprétation" },
  other: { en: "Other reading", fr: "Autre lecture" },
} as const;

/** The explanation as plain text, one step per line, each with its citations. */
export function renderExplanation(e: Explanation, lang: Language): string {
  const lines = e.steps.map((s, i) => {
    const refs = s.cite.length > 0 ? ` [${s.cite.map(formatCitation).join("; ")}]` : "";
    return `${i + 1}. ${s.text[lang]}${refs}`;
  });
  const colon = COLON[lang];
  for (const note of e.interpretations) {
    const alt = note.alternative ? ` ${INTERPRETATION.other[lang]}${colon} ${note.alternative[lang]}` : "";
    lines.push(`${INTERPRETATION.head[lang]} (${note.id})${colon} ${note.text[lang]}${alt}`);
  }
  return lines.join("\n");
}
