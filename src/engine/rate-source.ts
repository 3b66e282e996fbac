import { formatDate, formatPercent } from "./format";
import type { Decimal } from "./money";
import type { LatePaymentRule } from "./profile";
import {
  ecbRate,
  halfYearStart,
  halfYearText,
  legalRateProfessional,
  type HalfYearKey,
  type RateTable,
} from "./rates";
import type { Language, Text } from "./text";

/**
 * Where a period's rate comes from, in words a judge can check against the published figures:
 * « 3 × taux légal 2e semestre 2025 (2,76 %) = 8,28 % », « BCE 2,15 % au 01/07/2025 + 10 points =
 * 12,15 % », and, when the statutory or contractual floor binds, what it raised the rate to
 * (Code de commerce L441-10 II). CPC 1407 asks for « le décompte des différents éléments de la
 * créance » with its basis: the base rate is named with its half-year, not only the result.
 */

/** The few figures of one half-year's rate, as `AppliedRate` and `RateSegment` both carry them. */
export interface RateFigures {
  readonly halfYear: HalfYearKey;
  readonly contractual: Decimal;
  readonly floor: Decimal | undefined;
  readonly applied: Decimal;
  readonly floorBound: boolean;
}

const pct = (d: Decimal, lang: Language) => formatPercent(d, lang);

function contractualWords(rule: LatePaymentRule, r: RateFigures, table: RateTable, lang: Language): string {
  const hy = halfYearText(r.halfYear, lang);
  switch (rule.rate.kind) {
    case "legal-multiple": {
      const legal = pct(legalRateProfessional(table, r.halfYear), lang);
      const factor = rule.rate.factor;
      return {
        fr: `${factor} × taux légal ${hy} (${legal}) = ${pct(r.contractual, lang)}`,
        en: `${factor} × legal rate ${hy} (${legal}) = ${pct(r.contractual, lang)}`,
      }[lang];
    }
    case "ecb-plus": {
      const ecb = pct(ecbRate(table, r.halfYear), lang);
      const on = formatDate(halfYearStart(r.halfYear), lang);
      return {
        fr: `BCE ${ecb} au ${on} + ${rule.rate.points} points = ${pct(r.contractual, lang)}`,
        en: `ECB ${ecb} on ${on} + ${rule.rate.points} points = ${pct(r.contractual, lang)}`,
      }[lang];
    }
    case "fixed":
      return {
        fr: `taux contractuel ${pct(r.contractual, lang)} l'an`,
        en: `contractual rate ${pct(r.contractual, lang)} a year`,
      }[lang];
  }
}

function floorWords(r: RateFigures, table: RateTable, lang: Language): string {
  if (!r.floorBound || r.floor === undefined) return "";
  const legal = pct(legalRateProfessional(table, r.halfYear), lang);
  const hy = halfYearText(r.halfYear, lang);
  return {
    fr: `, porté au plancher de 3 × taux légal ${hy} (${legal}) = ${pct(r.floor, lang)}`,
    en: `, raised to the floor of 3 × legal rate ${hy} (${legal}) = ${pct(r.floor, lang)}`,
  }[lang];
}

/** The source of a half-year's rate under a vendor's rule, in both languages. */
export function rateSource(rule: LatePaymentRule, r: RateFigures, table: RateTable): Text {
  return {
    fr: contractualWords(rule, r, table, "fr") + floorWords(r, table, "fr"),
    en: contractualWords(rule, r, table, "en") + floorWords(r, table, "en"),
  };
}

/**
 * The legal rate of the « autres cas » category (the creditor is a business), as Code civil 1231-6
 * applies it to a consumer debtor: « taux légal 1er semestre 2026 (autres cas) = 2,62 % ».
 */
export function legalRateSource(key: HalfYearKey, rate: Decimal): Text {
  return {
    fr: `taux légal ${halfYearText(key, "fr")} (autres cas) = ${pct(rate, "fr")}`,
    en: `legal rate ${halfYearText(key, "en")} (other cases) = ${pct(rate, "en")}`,
  };
}
