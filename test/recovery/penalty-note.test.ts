import { iso } from "../../src/engine";
import { nextNoteNumbers, noteNumber, penaltyNoteSheet, planPenaltyNotes } from "../../src/recovery";
import type { StoredPenaltyNote } from "../../src/storage";
import { book, COMPANY, invoices, MARTIN } from "./fixtures";

const note = (number: string, extra: Partial<StoredPenaltyNote> = {}): StoredPenaltyNote => ({
  number,
  date: "2026-01-15",
  client: "X",
  total: "40.00",
  lines: [{ invoice: "F", interest: "0.00", fee: "40.00" }],
  ...extra,
});

describe("the series ND-YYYY-NNN", () => {
  test("numbers continue after the highest of the year, never reusing a cancelled or damaged one", () => {
    expect(noteNumber(2026, 7)).toBe("ND-2026-007");
    expect(nextNoteNumbers([], 2026, 2)).toEqual(["ND-2026-001", "ND-2026-002"]);
    const series = [
      note("ND-2026-001"),
      note("ND-2026-002", { cancelled: true }),
      note("ND-2026-004", { damaged: true, client: "", lines: [] }),
      note("ND-2025-017"),
    ];
    expect(nextNoteNumbers(series, 2026, 2)).toEqual(["ND-2026-005", "ND-2026-006"]);
    // A new year starts its own series.
    expect(nextNoteNumbers(series, 2027, 1)).toEqual(["ND-2027-001"]);
    expect(noteNumber(2026, 1000)).toBe("ND-2026-1000");
  });
});

describe("the hand-worked client's penalty note", () => {
  const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));

  test("lists per invoice the interest and the 40 € fee, outside the scope of VAT, numbered in the series", () => {
    const run = planPenaltyNotes(b, { profile, company: COMPANY, series: [note("ND-2026-003")] });
    const n = run.notes[0]!;
    expect(n.number).toBe("ND-2026-004");
    expect(n.title).toBe("NOTE DE DÉBIT N° ND-2026-004");
    expect(n.lines.map((l) => [l.claim.invoice.reference, l.interest.toFixed(2), l.fee.toFixed(2)])).toEqual([
      ["OMI-2025-101", "63.38", "40.00"],
      ["OMI-2025-115", "95.52", "40.00"],
      ["OMI-2026-007", "20.13", "40.00"],
    ]);
    expect(n.total.toFixed(2)).toBe("299.03");
    const texts = n.blocks.map((b) => ("text" in b ? b.text : ""));
    expect(texts).toContain("Hors champ d'application de la TVA");
    expect(texts.join(" ")).not.toMatch(/TVA \d|TVA à \d/);
    expect(texts.join(" ")).toContain("BOI-TVA-BASE-10-10-10");
    expect(texts.join(" ")).toContain("7631");
    expect(run.stored).toEqual([
      {
        number: "ND-2026-004",
        date: "2026-06-30",
        client: "Boulangerie Martin",
        total: "299.03",
        lines: [
          { invoice: "OMI-2025-101", interest: "63.38", fee: "40.00" },
          { invoice: "OMI-2025-115", interest: "95.52", fee: "40.00" },
          { invoice: "OMI-2026-007", interest: "20.13", fee: "40.00" },
        ],
      },
    ]);
  });

  test("a later note claims only the interest accrued since, never the 40 € twice", () => {
    // As of 31/03/2026, OMI-2025-101 (1 200 €, due 31/10/2025) had 61 d at 8,28 % + 90 d at 7,86 %:
    // (6 060,96 + 1200 × 7,86 % × 90) / 365 = (6 060,96 + 8 488,80) / 365 = 39,8623 → 39,86; a note took it
    // with the 40 €. On 30/06/2026 its interest is 63,38: the new note claims 63,38 − 39,86 = 23,52 and no fee.
    const first = planPenaltyNotes(book("omi", "2026-03-31", invoices(MARTIN[0]!)).book, {
      profile,
      company: COMPANY,
      series: [],
    });
    expect(first.stored[0]?.lines).toEqual([{ invoice: "OMI-2025-101", interest: "39.86", fee: "40.00" }]);
    const again = planPenaltyNotes(book("omi", "2026-06-30", invoices(MARTIN[0]!)).book, {
      profile,
      company: COMPANY,
      series: first.stored,
      date: iso("2026-07-01"),
    });
    const n = again.notes[0]!;
    expect(n.number).toBe("ND-2026-002");
    expect(n.lines.map((l) => [l.interest.toFixed(2), l.fee.toFixed(2)])).toEqual([["23.52", "0.00"]]);
    expect(n.blocks.map((b) => ("text" in b ? b.text : "")).join(" ")).toContain(
      "déjà facturés par ND-2026-001",
    );
    // Nothing new on the same day: no note, and the run says so.
    const none = planPenaltyNotes(book("omi", "2026-06-30", invoices(MARTIN[0]!)).book, {
      profile,
      company: COMPANY,
      series: [...first.stored, ...again.stored],
    });
    expect(none.notes).toEqual([]);
    expect(none.notices[0]?.text.fr).toContain("rien de plus à facturer");
  });

  test("the « Notes de débit » sheet has a line per note, in number order", () => {
    const rows = penaltyNoteSheet(
      [note("ND-2026-002", { cancelled: true }), note("ND-2026-001", { client: "Boulangerie Martin" })],
      "fr",
    );
    expect(rows.map((r) => r.map((c) => c.value))).toEqual([
      ["N° note", "Date", "Client", "Factures", "Intérêts", "Indemnités", "Total", "État"],
      ["ND-2026-001", 46037, "Boulangerie Martin", "F", 0, 40, 40, "émise"],
      ["ND-2026-002", 46037, "X", "F", 0, 40, 40, "annulée"],
    ]);
  });
});
