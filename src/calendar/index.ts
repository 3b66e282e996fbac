/**
 * Calendar export: the coming deadlines of a register (unpaid invoices' due dates, subscriptions'
 * notice deadlines or end dates) as an iCalendar file (RFC 5545) that Outlook, Google, Apple and
 * Thunderbird calendars import. Pure: no Office.js, no React, no Node I/O, no clock.
 *
 *   const applier = prepareApply(options);                       // src/apply, as for applyRegister
 *   const events = registerEvents(applier, rows, { source: "Registre factures.xlsx" });
 *   // → [{ uid, date, summary, description, kind: "due-date" | "notice-deadline" | "contract-end", row }]
 *   const text = buildIcs(events, {
 *     dtstamp: icsTimestamp(2026, 11, 23, 10, 15, 0),            // now, in UTC: the caller reads the clock
 *     alarmDaysBefore: 7,                                        // VALARM TRIGGER:-P7D; omit for none
 *     calendarName: "Échéances — Registre factures",
 *   });
 *   // save `text` as a .ics file (UTF-8, CRLF line endings already in the text)
 *
 * One all-day VEVENT per deadline (DTSTART;VALUE=DATE, DTEND the next day), SUMMARY "Échéance de
 * paiement — F-2025-001 (OMI)", DESCRIPTION with the vendor, the reference, the client, the clause,
 * the amount and the status; UIDs are stable (source, vendor, kind, reference), so importing a later
 * export updates the events rather than duplicating them. Lines are folded at 75 octets and texts
 * escaped (\\ ; , newline).
 */
export { buildIcs, escapeText, foldLine, icsTimestamp, type CalendarEvent, type IcsOptions } from "./ics";
export {
  registerEvents,
  eventDateIso,
  type DeadlineKind,
  type RegisterEvent,
  type RegisterEventOptions,
} from "./register";
