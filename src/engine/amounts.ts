import { addMonths, formatIsoDay, wholeMonthsBetween, type Day } from "./date";
import { frenchDate, frenchNumber, frenchOf } from "./format";
import { invalidInput } from "./errors";
import type { Trace } from "./explanation";
import { Decimal, roundToCent } from "./money";
import type { AmountClause, VendorProfile } from "./profile";

export function findAmountClause(profile: VendorProfile, clauseId: string): AmountClause {
  const id = clauseId.trim().toLowerCase();
  const clause = profile.amounts.find((a) => a.id === id);
  if (!clause) {
    const known = profile.amounts.map((a) => a.id).join(", ") || "(none)";
    throw invalidInput(
      "clause",
      `clause "${clauseId}" is not one of ${profile.name}'s amount clauses: ${known}.`,
      `clause « ${clauseId} » n'est pas une clause de montant ${frenchOf(profile.name)} : ${known}.`,
    );
  }
  return clause;
}

/**
 * An amount clause applied to a base amount (CLAUSEAMOUNT): a plain percentage (Xiahdeh 10.2
 * cancellation 30 %), or a percentage per completed period counted from `from` to `to` (Xiahdeh 6.3:
 * content supplied late, +5 % per completed 3-month tranche; supplied within the first period is on time).
 */
export function clauseAmount(
  profile: VendorProfile,
  clauseId: string,
  base: Decimal,
  dates: { from?: Day | undefined; to?: Day | undefined },
  trace?: Trace,
): Decimal {
  const clause = findAmountClause(profile, clauseId);
  if (base.isNeg())
    throw invalidInput("amount", "amount must not be negative.", "amount ne doit pas être négatif.");
  if (clause.kind === "percent") {
    const result = roundToCent(base.times(clause.percent).div(100));
    trace?.step(
      `${clause.label.en}: ${clause.percent} % of ${clause.of.en}: ${base.toFixed(2)} × ${clause.percent} % = ${result.toFixed(2)}.`,
      `${clause.label.fr} : ${frenchNumber(clause.percent)} % ${clause.of.fr} : ${frenchNumber(base, 2)} × ${frenchNumber(clause.percent)} % = ${frenchNumber(result, 2)}.`,
      ...clause.clause,
    );
    return result;
  }
  const { from, to } = dates;
  if (from === undefined)
    throw invalidInput(
      "fromDate",
      `fromDate is required for ${clause.id}.`,
      `fromDate est obligatoire pour ${clause.id}.`,
    );
  if (to === undefined)
    throw invalidInput(
      "toDate",
      `toDate is required for ${clause.id}.`,
      `toDate est obligatoire pour ${clause.id}.`,
    );
  if (to < from)
    throw invalidInput("toDate", "toDate is before fromDate.", "toDate est antérieure à fromDate.");
  const onTime = to <= addMonths(from, clause.periodMonths);
  const periods = onTime ? 0 : Math.floor(wholeMonthsBetween(from, to) / clause.periodMonths);
  const pct = new Decimal(clause.percent).times(periods);
  const result = roundToCent(base.times(pct).div(100));
  trace?.step(
    `${clause.label.en}: from ${formatIsoDay(from)} to ${formatIsoDay(to)}, ${periods} completed ${clause.periodMonths}-month period(s)${onTime ? " (within the first period: on time)" : ""}; ${periods} × ${clause.percent} % = ${pct.toString()} % of ${clause.of.en}: ${result.toFixed(2)}.`,
    `${clause.label.fr} : du ${frenchDate(from)} au ${frenchDate(to)}, ${periods} tranche(s) complète(s) de ${clause.periodMonths} mois${onTime ? " (dans la première tranche : à temps)" : ""} ; ${periods} × ${frenchNumber(clause.percent)} % = ${frenchNumber(pct)} % ${clause.of.fr} : ${frenchNumber(result, 2)}.`,
    ...clause.clause,
  );
  return result;
}
