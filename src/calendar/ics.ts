import { formatIsoDay, addDays, type Day } from "../engine";

/**
 * iCalendar (RFC 5545) text for all-day events with a display alarm. Pure: the DTSTAMP is passed in,
 * the clock is never read.
 */

export interface CalendarEvent {
  /** Globally unique and stable across exports of the same deadline (calendars update, not duplicate). */
  readonly uid: string;
  /** The all-day date of the deadline. */
  readonly date: Day;
  readonly summary: string;
  readonly description: string;
  /** Optional CATEGORIES value (e.g. "Échéance"). */
  readonly category?: string;
}

export interface IcsOptions {
  /** DTSTAMP, a UTC date-time: "20261123T101500Z" (see `icsTimestamp`). */
  readonly dtstamp: string;
  /** Days before the event for the alarm (TRIGGER:-PnD); none when undefined. */
  readonly alarmDaysBefore?: number;
  /** X-WR-CALNAME, shown by Outlook, Google and Apple calendars. */
  readonly calendarName?: string;
  /** The alarm's text (default: the event's summary). */
  readonly alarmText?: string;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Octets of one code point in UTF-8. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1): CRLF then one space before
 * each continuation. Never cuts inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A UTC DTSTAMP from its parts (month 1–12). */
export function icsTimestamp(y: number, m: number, d: number, h = 0, mi = 0, s = 0): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, "0");
  return `${p(y, 4)}${p(m)}${p(d)}T${p(h)}${p(mi)}${p(s)}Z`;
}

function icsDate(day: Day): string {
  return formatIsoDay(day).replace(/-/g, "");
}

/** The whole calendar: VCALENDAR with one VEVENT (and one VALARM) per event, CRLF line endings. */
export function buildIcs(events: readonly CalendarEvent[], options: IcsOptions): string {
  if (!/^\d{8}T\d{6}Z$/.test(options.dtstamp)) throw new Error(`DTSTAMP must be UTC, e.g. 20261123T101500Z`);
  const alarm = options.alarmDaysBefore;
  if (alarm !== undefined && (!Number.isInteger(alarm) || alarm < 0))
    throw new Error(`alarm days must be a whole number ≥ 0 (got ${alarm})`);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Echeance//Echeance CGV deadlines//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.calendarName !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${options.dtstamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      "TRANSP:TRANSPARENT",
    );
    if (e.category !== undefined) lines.push(`CATEGORIES:${escapeText(e.category)}`);
    if (alarm !== undefined) {
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${escapeText(options.alarmText ?? e.summary)}`,
        `TRIGGER:-P${alarm}D`,
        "END:VALARM",
      );
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
