import { addDays, addMonths, formatIsoDay, type Day } from "./date";
import { invalidInput, notApplicable } from "./errors";
import { frenchDate, frenchNumber, frenchOf } from "./format";
import type { Trace } from "./explanation";
import { holidayName } from "./holidays";
import type { DeadlineRule, PeriodUnit, VendorProfile } from "./profile";
import type { Settings } from "./settings";
import { cite, LAW, type Text } from "./text";
import { addWorkingDays, nextWorkingDayOnOrAfter } from "./working-days";

export function findDeadline(profile: VendorProfile, eventId: string): DeadlineRule {
  const id = eventId.trim().toLowerCase();
  const rule = profile.deadlines.find((d) => d.id === id);
  const amount = profile.amounts.find((a) => a.id === id);
  if (!rule && amount) {
    throw notApplicable(
      `"${id}" is an amount clause of ${profile.name} (${amount.percent} % ${amount.of.en}), not a date: use CGV.CLAUSEAMOUNT.`,
      `« ${id} » est une clause de montant ${frenchOf(profile.name)} (${frenchNumber(amount.percent)} % ${amount.of.fr}), pas une date : utilisez CGV.MONTANTCLAUSE.`,
      amount.clause,
      "event",
    );
  }
  if (!rule) {
    const known = profile.deadlines.map((d) => d.id).join(", ");
    throw invalidInput(
      "event",
      `event "${eventId}" is not one of ${profile.name}'s named deadlines: ${known}.`,
      `event « ${eventId} » n'est pas un délai nommé ${frenchOf(profile.name)} : ${known}.`,
    );
  }
  return rule;
}

const UNIT_TEXT: Record<PeriodUnit, Text> = {
  "calendar-days": { en: "calendar day(s)", fr: "jour(s) calendaire(s)" },
  "jours-ouvres": {
    en: "jour(s) ouvré(s) (Monday–Friday, public holidays excluded)",
    fr: "jour(s) ouvré(s)",
  },
  "jours-ouvrables": {
    en: "jour(s) ouvrable(s) (Monday–Saturday, public holidays excluded)",
    fr: "jour(s) ouvrable(s)",
  },
  weeks: { en: "week(s)", fr: "semaine(s)" },
  months: { en: "month(s), date to date", fr: "mois, de date à date" },
  years: { en: "year(s), date to date", fr: "an(s), de date à date" },
  hours: { en: "hour(s)", fr: "heure(s)" },
};

/** `from` moved by `months` date to date; backwards, the latest N with N + months ≤ from. */
function monthsFrom(from: Day, months: number, direction: "after" | "before"): Day {
  if (direction === "after") return addMonths(from, months);
  let n = addMonths(from, -months);
  while (addMonths(addDays(n, 1), months) <= from) n = addDays(n, 1);
  return n;
}

/**
 * A named clause deadline (DEADLINE). `from` is a day number, with a fraction for the time of day
 * when the period is in hours (48 h after signing the delivery note); the result has a fraction only
 * then. A deadline in calendar days is never moved; only rules that say so move to the next working day.
 */
export function deadline(
  profile: VendorProfile,
  eventId: string,
  from: number,
  settings: Settings,
  trace?: Trace,
): number {
  const rule = findDeadline(profile, eventId);
  const { amount, unit } = rule.period;
  const sign = rule.direction === "after" ? 1 : -1;
  if (unit === "hours") {
    const result = from + (sign * amount) / 24;
    trace?.step(
      `${rule.label.en}: ${amount} ${UNIT_TEXT.hours.en} ${rule.direction} ${rule.from.en}.`,
      `${rule.label.fr} : ${amount} ${UNIT_TEXT.hours.fr} ${rule.direction === "after" ? "après" : "avant"} ${rule.from.fr}.`,
      ...rule.clause,
    );
    return result;
  }
  const day = Math.floor(from) as Day;
  let result: Day;
  switch (unit) {
    case "calendar-days":
      result = addDays(day, sign * amount);
      break;
    case "weeks":
      result = addDays(day, sign * 7 * amount);
      break;
    case "months":
      result = monthsFrom(day, amount, rule.direction);
      break;
    case "years":
      result = monthsFrom(day, 12 * amount, rule.direction);
      break;
    case "jours-ouvres":
    case "jours-ouvrables":
      result = addWorkingDays(day, sign * amount, unit, settings.holidays);
      break;
  }
  if (trace) {
    trace.step(
      `${rule.label.en}: ${amount} ${UNIT_TEXT[unit].en} ${rule.direction} ${rule.from.en} (${formatIsoDay(day)}), the start day not counted: ${formatIsoDay(result)}.`,
      `${rule.label.fr} : ${amount} ${UNIT_TEXT[unit].fr} ${rule.direction === "after" ? "après" : "avant"} ${rule.from.fr} (${frenchDate(day)}), le jour de départ non compté : ${frenchDate(result)}.`,
      ...rule.clause,
    );
    if (unit === "jours-ouvres" || unit === "jours-ouvrables") {
      const skipped: string[] = [];
      const sautes: string[] = [];
      for (let d = Math.min(day, result) + 1; d < Math.max(day, result); d++) {
        const name = holidayName(d as Day, settings.holidays);
        if (name) {
          skipped.push(`${formatIsoDay(d as Day)} (${name.en})`);
          sautes.push(`${frenchDate(d as Day)} (${name.fr})`);
        }
      }
      trace.step(
        `Public holiday calendar "${settings.holidays}"${skipped.length ? `; holidays skipped: ${skipped.join(", ")}` : ""}.`,
        `Calendrier des jours fériés ${settings.holidays === "alsace-moselle" ? "d'Alsace-Moselle" : "de métropole"}${sautes.length ? ` ; jours fériés sautés : ${sautes.join(", ")}` : ""}.`,
        cite(LAW.travail, "L3133-1"),
      );
    }
  }
  if (rule.extendToNextWorkingDay) {
    const moved = nextWorkingDayOnOrAfter(result, "jours-ouvres", settings.holidays);
    trace?.step(
      moved === result
        ? `${formatIsoDay(result)} is a working day: no extension.`
        : `${formatIsoDay(result)} is a Saturday, Sunday or public holiday: extended to the next working day, ${formatIsoDay(moved)}.`,
      moved === result
        ? `${frenchDate(result)} est un jour ouvré : pas de prorogation.`
        : `${frenchDate(result)} est un samedi, un dimanche ou un jour férié : délai prorogé au premier jour ouvrable suivant, ${frenchDate(moved)}.`,
      ...rule.clause,
      cite(LAW.consommation, "L221-19"),
    );
    result = moved;
  }
  if (rule.note) trace?.step(rule.note.en, rule.note.fr, ...rule.clause);
  return result;
}
