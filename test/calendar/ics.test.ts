import ICAL from "ical.js";
import { prepareApply, type CellValue } from "../../src/apply";
import { buildIcs, foldLine, icsTimestamp, registerEvents, type CalendarEvent } from "../../src/calendar";
import { iso } from "../../src/engine";

const DTSTAMP = icsTimestamp(2026, 11, 23, 10, 15, 0);
const serial = (text: string): number => iso(text) + 25569;

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

const isoOf = (t: ICAL.Time): string =>
  `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;

describe("iCalendar text", () => {
  const tricky: CalendarEvent = {
    uid: "echeance-test-1@echeance.invalid",
    date: iso("2025-04-09"),
    summary: "Échéance de paiement — F-1, F-2; lot \\ B",
    description: "Fournisseur : OMI SAS\nClause : OMI CGA art. 6.3, art. 7.4; relance\nMontant : 1 234,56 €",
  };

  test("an event parses back with its date, texts, stamp and a display alarm 7 days before", () => {
    const text = buildIcs([tricky], { dtstamp: DTSTAMP, alarmDaysBefore: 7, calendarName: "Échéances" });
    const cal = parse(text);
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    const events = cal.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const e = new ICAL.Event(events[0]);
    expect(e.uid).toBe(tricky.uid);
    expect(e.startDate.isDate).toBe(true); // all-day
    expect(isoOf(e.startDate)).toBe("2025-04-09");
    expect(isoOf(e.endDate)).toBe("2025-04-10"); // DTEND is exclusive: the next day
    // Commas, semicolons, backslashes and newlines survive escaping.
    expect(e.summary).toBe(tricky.summary);
    expect(e.description).toBe(tricky.description);
    const stamp = events[0]?.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toString()).toBe("2026-11-23T10:15:00Z");
    const alarm = events[0]?.getFirstSubcomponent("valarm");
    expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
    const trigger = alarm?.getFirstPropertyValue("trigger") as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-7 * 86400); // 7 days before the start
  });

  test("commas and semicolons are escaped in the raw text and lines end with CRLF", () => {
    const text = buildIcs([tricky], { dtstamp: DTSTAMP });
    expect(text).toContain("SUMMARY:Échéance de paiement — F-1\\, F-2\\; lot \\\\ B");
    expect(text).toContain("\\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false); // no bare LF
    expect(text).not.toContain("VALARM"); // no alarm asked
  });

  test("long lines are folded at 75 octets without cutting a UTF-8 character, and unfold to the original", () => {
    const long = "Délai de préavis — é€😀 ".repeat(20);
    const folded = foldLine(`DESCRIPTION:${long}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").length).toBeGreaterThan(5);
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${long}`);
    expect(folded).not.toContain("\ufffd");
    const text = buildIcs([{ ...tricky, description: long }], { dtstamp: DTSTAMP, alarmDaysBefore: 0 });
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const e = new ICAL.Event(parse(text).getFirstSubcomponent("vevent") as ICAL.Component);
    expect(e.description).toBe(long);
  });

  test("a DTSTAMP that is not UTC and a negative alarm are refused", () => {
    expect(() => buildIcs([], { dtstamp: "2026-11-23" })).toThrow(/UTC/);
    expect(() => buildIcs([], { dtstamp: DTSTAMP, alarmDaysBefore: -1 })).toThrow(/alarm/);
  });
});

describe("a register's coming deadlines become events", () => {
  const HEADERS = ["Référence", "Client", "Date facture", "Montant TTC", "Date de paiement"];

  test("unpaid invoices due on or after the as-of date become events with vendor, reference and clause", () => {
    // OMI: invoice date + 30 days (CGA 6.3). As of 2025-04-01:
    //  F-A 2025-03-10 unpaid → due 2025-04-09 (after the as-of date): event;
    //  F-B 2025-03-10 paid 2025-03-20: nothing pending;
    //  F-C 2025-02-01 unpaid → due 2025-03-03, already late: not a coming deadline;
    //  F-D 2025-03-02 unpaid → due 2025-04-01, the as-of date itself: event.
    const rows: CellValue[][] = [
      ["F-A", "Dupont, Fils & Cie", serial("2025-03-10"), 1234.56, null],
      ["F-B", "Martin", serial("2025-03-10"), 500, serial("2025-03-20")],
      ["F-C", "Durand", serial("2025-02-01"), 800, null],
      ["F-D", "Bernard", serial("2025-03-02"), 90, null],
    ];
    const applier = prepareApply({
      mode: "invoices",
      mapping: { reference: 0, client: 1, invoiceDate: 2, amount: 3, paidDate: 4 },
      headers: HEADERS,
      vendor: "omi",
      asOf: "2025-04-01",
      lang: "fr",
    });
    const events = registerEvents(applier, rows, { source: "Registre.xlsx" });
    expect(events.map((e) => [e.row, e.kind])).toEqual([
      [2, "due-date"],
      [5, "due-date"],
    ]);
    const text = buildIcs(events, { dtstamp: DTSTAMP, alarmDaysBefore: 3 });
    const vevents = parse(text).getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(2);
    const [a, d] = vevents.map((v) => new ICAL.Event(v));
    expect(isoOf((a as ICAL.Event).startDate)).toBe("2025-04-09");
    expect(isoOf((d as ICAL.Event).startDate)).toBe("2025-04-01");
    expect(a?.summary).toBe("Échéance de paiement — F-A (OMI)");
    expect(a?.description).toContain("Fournisseur : OMI SAS (Plateforme OMI) (omi)");
    expect(a?.description).toContain("Référence : F-A");
    expect(a?.description).toContain("Client : Dupont, Fils & Cie");
    expect(a?.description).toContain("Clause : OMI CGA art. 6.3");
    expect(a?.description).toContain("1\u202f234,56 €");
    const trigger = vevents[0]
      ?.getFirstSubcomponent("valarm")
      ?.getFirstPropertyValue("trigger") as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-3 * 86400);
    // UIDs are distinct and stable from one export to the next.
    const again = registerEvents(applier, rows, { source: "Registre.xlsx" });
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  test("subscriptions give their notice deadline, or their end date once notice was received", () => {
    // OMI, started 2023-09-01, as of 2025-05-20: renewal 2025-09-01, notice at least 2 months before
    //   → deadline 2025-07-01 (1 Jul + 2 months = 1 Sep; docs/conventions.md#worked-examples).
    // OMI, same start, notice received 2025-07-01: it stops the 2025-09-01 renewal → ends 2025-08-31.
    // OMI, started 2023-06-01: deadline for 2025-06-01 was 2025-04-01 (passed) → 2026-04-01.
    const rows: CellValue[][] = [
      ["ABO-1", serial("2023-09-01"), null],
      ["ABO-2", serial("2023-09-01"), serial("2025-07-01")],
      ["ABO-3", serial("2023-06-01"), null],
    ];
    const applier = prepareApply({
      mode: "subscriptions",
      mapping: { reference: 0, startDate: 1, noticeDate: 2 },
      vendor: "omi",
      asOf: "2025-05-20",
      lang: "en",
    });
    const events = registerEvents(applier, rows);
    expect(events.map((e) => [e.kind, e.date])).toEqual([
      ["notice-deadline", iso("2025-07-01")],
      ["contract-end", iso("2025-08-31")],
      ["notice-deadline", iso("2026-04-01")],
    ]);
    const parsed = parse(buildIcs(events, { dtstamp: DTSTAMP, alarmDaysBefore: 14 }))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    expect(parsed.map((e) => isoOf(e.startDate))).toEqual(["2025-07-01", "2025-08-31", "2026-04-01"]);
    expect(parsed[0]?.summary).toBe("Notice deadline — ABO-1 (OMI)");
    expect(parsed[0]?.description).toContain("Clause: OMI CGA art. 7.1, OMI CGA art. 7.4");
    expect(parsed[1]?.summary).toBe("Contract ends — ABO-2 (OMI)");
  });
});
