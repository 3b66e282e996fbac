import type { Language } from "../../../engine";

/** The coming deadlines exported as an iCalendar file. */
export const CALENDAR_EXPORT_STRINGS = {
  fr: {
    export: "Exporter les échéances (.ics)",
    alarmDays: "Rappel (jours avant)",
    alarmDaysInvalid: "Un nombre de jours, de 0 à 999.",
    calendarName: "Échéances",
    exported: (n: number) =>
      `${n} échéance(s) à venir exportée(s) : ouvrez le fichier avec Outlook ou votre agenda.`,
    asText: (n: number) => `${n} échéance(s) à venir, dans le calendrier ci-dessous.`,
  },
  en: {
    export: "Export the deadlines (.ics)",
    alarmDays: "Reminder (days before)",
    alarmDaysInvalid: "A number of days, 0 to 999.",
    calendarName: "Deadlines",
    exported: (n: number) => `${n} coming deadline(s) exported: open the file with Outlook or your calendar.`,
    asText: (n: number) => `${n} coming deadline(s), in the calendar below.`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
