import type { Language } from "../../../engine";

/** The as-of date and how the workbook remembers it. */
export const AS_OF_STRINGS = {
  fr: {
    label: "Date d'arrêté",
    hint: "Les retards et les préavis sont calculés à cette date.",
    kindLabel: "Date d'arrêté mémorisée pour « Tout recalculer »",
    today: "aujourd'hui (suit la date du jour)",
    /** How the options' one-line summary says it: « arrêté mémorisé : aujourd'hui ». */
    remembered: (kind: "today" | "fixed") =>
      `arrêté mémorisé : ${kind === "today" ? "aujourd'hui" : "date fixe"}`,
    fixed: "date fixe",
  },
  en: {
    label: "As-of date",
    hint: "Lateness and notices are computed as of this date.",
    kindLabel: 'As-of date remembered for "Recalculate all"',
    today: "today (follows the current date)",
    remembered: (kind: "today" | "fixed") => `as-of date remembered: ${kind === "today" ? "today" : "fixed"}`,
    fixed: "fixed date",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
