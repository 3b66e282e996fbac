import { halfYearLabel, halfYearText, RATE_SOURCES, type HalfYearKey, type RateTable } from "./rates";
import type { Text } from "./text";

/**
 * The rate table as a user reads and keeps it (the pane's « Taux » view and `echeance rates`): one
 * line per half-year with its three figures and where each came from, how far each rate is known,
 * and where to find the official figure of a half-year to add. One view for every face.
 */

/** Where the official figures are published, and what to look for. */
export const OFFICIAL_RATE_SOURCES: {
  readonly legal: { readonly where: Text; readonly url: string };
  readonly ecb: { readonly where: Text; readonly url: string };
} = {
  legal: {
    where: {
      en: "the arrêté fixing the legal interest rate for the half-year, published in the Journal officiel in late June and late December (Légifrance: search « taux de l'intérêt légal »); the Banque de France and service-public.fr also list it",
      fr: "l'arrêté fixant le taux de l'intérêt légal du semestre, publié au Journal officiel fin juin et fin décembre (Légifrance : chercher « taux de l'intérêt légal ») ; la Banque de France et service-public.fr le reprennent",
    },
    url: "https://www.legifrance.gouv.fr/",
  },
  ecb: {
    where: {
      en: "the ECB's « Key ECB interest rates » page: the main refinancing operations rate in force on 1 January or 1 July (use the date « with effect from », not the announcement)",
      fr: "la page « Key ECB interest rates » de la BCE : le taux des opérations principales de refinancement en vigueur au 1er janvier ou au 1er juillet (date « with effect from », pas celle de l'annonce)",
    },
    url: "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html",
  },
};

export type RateOrigin = "shipped" | "user" | "user-changed-shipped" | "missing";

export interface RateLine {
  readonly key: HalfYearKey;
  /** "2026-H2". */
  readonly label: string;
  /** « 2e semestre 2026 », "2nd half of 2026". */
  readonly text: Text;
  /** Percentages per year as decimal strings ("2.62"), or undefined when not known. */
  readonly legalProfessional: string | undefined;
  readonly legalConsumer: string | undefined;
  readonly ecb: string | undefined;
  readonly origin: RateOrigin;
  /** The rates this half-year still lacks (a half-year can be known for one rate and not the other). */
  readonly missing: readonly ("legal" | "ecb")[];
  /** Where the figures come from: the arrêté of a shipped legal rate, the note of a user's row. */
  readonly source: string;
}

const pct = (d: { times(n: number): { toString(): string } } | undefined): string | undefined =>
  d === undefined ? undefined : d.times(100).toString();

/** The lines from `from` to `to` (inclusive): every half-year, known or not. */
export function rateLines(table: RateTable, from: HalfYearKey, to: HalfYearKey): RateLine[] {
  const out: RateLine[] = [];
  for (let key = from; key <= to; key++) {
    const r = table.byHalfYear.get(key);
    const known = r !== undefined && (r.legalProfessional !== undefined || r.ecb !== undefined);
    out.push({
      key,
      label: halfYearLabel(key),
      text: { en: halfYearText(key, "en"), fr: halfYearText(key, "fr") },
      legalProfessional: pct(r?.legalProfessional),
      legalConsumer: pct(r?.legalConsumer),
      ecb: pct(r?.ecb),
      missing: [
        ...(r?.legalProfessional === undefined ? (["legal"] as const) : []),
        ...(r?.ecb === undefined ? (["ecb"] as const) : []),
      ],
      origin: !known ? "missing" : r.changedShipped ? "user-changed-shipped" : r.user ? "user" : "shipped",
      source: [r?.legalOrder, r?.userNote]
        .filter((x): x is string => x !== undefined && x !== "")
        .join(" ; "),
    });
  }
  return out;
}

/** How far each rate is known, in words: « taux légal connu jusqu'au 1er semestre 2026 ». */
export function knownThrough(table: RateTable, lang: "en" | "fr"): string {
  const legal = table.legalKnownThrough;
  const ecb = table.ecbKnownThrough;
  const none = { fr: "aucun", en: "none" }[lang];
  const say = (k: HalfYearKey | undefined): string => (k === undefined ? none : halfYearText(k, lang));
  const checked = RATE_SOURCES.ecbKnownThrough;
  return {
    fr: `taux légal connu jusqu'au ${say(legal)} ; taux BCE connu jusqu'au ${say(ecb)} (table livrée vérifiée jusqu'au ${checked.split("-").reverse().join("/")})`,
    en: `legal rate known through the ${say(legal)}; ECB rate known through the ${say(ecb)} (shipped table checked through ${checked})`,
  }[lang];
}
