import fc from "fast-check";
import { applyRegisterSync, recognizeHeaders, type CellValue } from "../../src/apply";

const INVOICE_HEADERS = [
  "Fournisseur",
  "Date facture",
  "Montant TTC",
  "Échéance",
  "Payé le",
  "Montant payé",
  "Type client",
];
const SUB_HEADERS = ["Fournisseur", "Date de début", "Formule", "Dernier ajout de module", "Date de préavis"];

/** Whatever a cell may hold: serials (including the phantom 29 Feb 1900), texts, amounts, booleans, blanks. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 44927, max: 46203 }), // 2023-01-01 … 2026-06-30
  fc.constantFrom(60, 0, -5, 3e6, 45000.75),
  fc.constantFrom(
    "2025-01-31",
    "31/01/2025",
    "31/02/2025",
    "1 234,56 €",
    "-10",
    "abc",
    "",
    "  ",
    "pro",
    "particulier",
  ),
  fc.constantFrom(
    "omi",
    "sillage",
    "xiahdeh+flat",
    "injenius",
    "digitalli",
    "Standard",
    "Sans engagement",
    "inconnu",
  ),
  fc.double({ min: -1e6, max: 1e7, noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);

function rowsOf(width: number) {
  return fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 20 });
}

describe("laws of a register application", () => {
  it("every row gets either finite figures or an error status, never NaN, and the input is left as it was", () => {
    const rec = recognizeHeaders(INVOICE_HEADERS);
    fc.assert(
      fc.property(rowsOf(INVOICE_HEADERS.length), (rows) => {
        const before = JSON.stringify(rows);
        const r = applyRegisterSync(rows, {
          mode: "invoices",
          mapping: rec.mapping,
          headers: INVOICE_HEADERS,
          vendor: "omi",
          asOf: "2026-06-30",
        });
        expect(JSON.stringify(rows)).toBe(before);
        expect(r.rows).toHaveLength(rows.length);
        r.results.forEach((res) => {
          expect(Object.keys(res.values)).toEqual(r.columns.map((c) => c.id));
          for (const v of Object.values(res.values))
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          if (res.state === "error") expect(res.status).toMatch(/^Ligne \d+/);
          else if (res.state !== "blank") {
            const { status: _status, ...figures } = res.values;
            expect(Object.values(figures).every((v) => typeof v === "number")).toBe(true);
          }
        });
        expect(r.summary.computed + r.summary.errors).toBe(r.summary.rows);
      }),
      { numRuns: 150 },
    );
  });

  it("subscription rows obey the same law, and a notice deadline is never after its renewal's end date", () => {
    const rec = recognizeHeaders(SUB_HEADERS);
    fc.assert(
      fc.property(rowsOf(SUB_HEADERS.length), (rows) => {
        const r = applyRegisterSync(rows, {
          mode: "subscriptions",
          mapping: rec.mapping,
          headers: SUB_HEADERS,
          vendor: "sillage",
          asOf: "2026-06-30",
        });
        r.results.forEach((res) => {
          for (const v of Object.values(res.values))
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          const { noticeDeadline: deadline, daysToNotice: daysLeft, endDate: end } = res.values;
          if (typeof deadline === "number" && typeof end === "number")
            expect(deadline).toBeLessThanOrEqual(end);
          if (typeof daysLeft === "number") expect(daysLeft).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 150 },
    );
  });
});
