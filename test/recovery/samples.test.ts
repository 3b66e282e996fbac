import * as path from "node:path";
import ExcelJS from "exceljs";
import { readAmount, readDate } from "../../src/input/cell-values";
import { applyRegisterSync, recognizeHeaders, type CellValue } from "../../src/apply";
import { Decimal, iso, resolveVendor, type Day, type Payment } from "../../src/engine";
import { buildRecovery, type RecoveryInvoice } from "../../src/recovery";

/**
 * The demo registers as of 30/06/2026: each late invoice's statement total is the LATEFEE Apply writes
 * for its row (CGV.LATEFEE's computation). The rows are read with exceljs and mapped to recovery
 * records here, by the columns Apply recognises — the per-register adapter phase 2 writes for real.
 */

const SAMPLES = path.resolve(__dirname, "../../samples");
const SERIAL_1970 = 25569;

function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.getTime() / 86400000 + SERIAL_1970;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellValue(v.result as ExcelJS.CellValue);
    return String(v);
  }
  return v;
}

async function rowsOf(file: string): Promise<CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: CellValue[][] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row, n) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (values[c - 1] = cellValue(cell.value)));
    rows[n - 1] = Array.from(values, (v) => v ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

// The readers Apply uses for its cells: amounts « 6 917,96 € » or numbers, dates as serials or text.
const day = (v: CellValue | undefined): Day | undefined => readDate(v, "date");
const money = (v: CellValue | undefined): Decimal | undefined => readAmount(v, "amount");

describe.each([
  ["omi-factures.xlsx", "omi"],
  ["sillage-factures.xlsx", "sillage"],
])("%s as of 30/06/2026", (file, vendor) => {
  test("every late invoice's statement total equals the LATEFEE Apply writes for its row", async () => {
    const rows = await rowsOf(path.join(SAMPLES, file));
    const headers = rows[0] ?? [];
    const { mapping } = recognizeHeaders(headers);
    const data = rows.slice(1);
    const applied = applyRegisterSync(data, {
      mode: "invoices",
      mapping,
      headers,
      vendor,
      asOf: "2026-06-30",
      lang: "fr",
      firstRowNumber: 2,
    });
    const col = (id: string) => applied.columns.findIndex((c) => c.id === id);
    const comment = headers.findIndex((h) => String(h).toLowerCase().startsWith("commentaire"));
    const at = (row: readonly CellValue[], i: number | undefined) =>
      i === undefined || i < 0 ? undefined : row[i];
    const invoices: RecoveryInvoice[] = [];
    const expected = new Map<string, string>();
    data.forEach((row, i) => {
      // Rows Apply reports as errors (a bad amount or date, on purpose in the demos) are the adapter's to list.
      const state = applied.results[i]?.state;
      if (state === undefined || state === "error" || state === "blank") return;
      const amount = money(at(row, mapping.amount));
      const due = day(applied.rows[i]?.[col("dueDate")] as CellValue);
      if (amount === undefined || due === undefined) return;
      const paidOn = day(at(row, mapping.paidDate));
      const paid = money(at(row, mapping.amountPaid));
      const payments: Payment[] =
        paidOn === undefined
          ? []
          : [{ date: paidOn, amount: paid !== undefined && paid.lt(amount) ? paid : amount }];
      const reference = String(at(row, mapping.reference));
      invoices.push({
        row: i + 2,
        reference,
        client: String(at(row, mapping.client)),
        clientType: "pro",
        dueDate: due,
        amount,
        payments: payments.filter((p) => p.amount.gt(0)),
        recoveryCosts: money(at(row, mapping.recoveryCosts)),
        status: comment < 0 ? undefined : String(row[comment] ?? ""),
      });
      const total = applied.rows[i]?.[col("totalPenalty")];
      expected.set(reference, typeof total === "number" ? total.toFixed(2) : String(total));
    });
    const { profile, settings } = resolveVendor(vendor);
    const book = buildRecovery(invoices, { profile, settings, asOf: iso("2026-06-30") });
    const claimed = book.clients.flatMap((c) => c.invoices);
    expect(claimed.length).toBeGreaterThan(5);
    const differing = claimed
      .map((c) => [c.invoice.reference, c.statement.total.toFixed(2), expected.get(c.invoice.reference)])
      .filter(([, got, want]) => got !== want);
    expect(differing).toEqual([]);
    // A row with penalties is claimed, or left out with its reason (a disputed one, say): none is lost.
    const accounted = new Set([...claimed, ...book.excluded].map((c) => c.invoice.reference));
    const lost = [...expected].filter(([ref, total]) => Number(total) > 0 && !accounted.has(ref));
    expect(lost).toEqual([]);
    // Every client total is the sum of its invoices' LATEFEE.
    for (const c of book.clients)
      expect(c.totals.penalties.toFixed(2)).toBe(
        c.invoices
          .reduce((s, i) => s.plus(expected.get(i.invoice.reference) ?? "0"), new Decimal(0))
          .toFixed(2),
      );
  });
});
