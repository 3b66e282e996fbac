import type { Language } from "../../../engine";

/** The timeline of the coming deadlines, and the same deadlines as a table. */
export const TIMELINE_STRINGS = {
  fr: {
    label: (n: number, first: string, last: string) =>
      n === 0
        ? "Frise des prochaines échéances : aucune"
        : `Frise des ${n} prochaine(s) échéance(s), du ${first} au ${last}`,
    table: "Prochaines échéances (tableau)",
    date: "Date",
    inColumn: "Dans",
    row: "Ligne",
    inDays: (n: number) => (n === 0 ? "aujourd'hui" : `${n} j`),
  },
  en: {
    label: (n: number, first: string, last: string) =>
      n === 0
        ? "Timeline of the next deadlines: none"
        : `Timeline of the next ${n} deadline(s), ${first} to ${last}`,
    table: "Next deadlines (table)",
    date: "Date",
    inColumn: "In",
    row: "Row",
    inDays: (n: number) => (n === 0 ? "today" : `${n} d`),
  },
} as const satisfies Record<Language, Record<string, unknown>>;
