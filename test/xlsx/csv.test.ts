/**
 * A CSV register written as xlsx goes through the same copy as any workbook: its rows become a
 * minimal package (src/xlsx/table-package.ts), read and copied like an xlsx file.
 */
import { applyRequest } from "../support/apply";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readCsvRows } from "../../src/cli/register-io";
import { openTableAsXlsx } from "../../src/xlsx";
import { recognizeHeaders } from "../../src/apply";
import { iso } from "../../src/engine";
import { sheetCells } from "../portable/xlsx-cells";

test("a CSV register with a title line becomes an xlsx through the one copy, the header found below the title", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-csv-"));
  try {
    const csv = path.join(dir, "registre.csv");
    await fs.writeFile(
      csv,
      "\ufeffRegistre 2025;;;;\r\nN° facture;Client;Date facture;Montant TTC;Payé le\r\nF-1;Acme;01/01/2025;2 500,00;02/03/2025\r\n",
    );
    const { sheetName, rows } = await readCsvRows(csv);
    const book = await openTableAsXlsx(sheetName, rows);
    expect(book.location).toMatchObject({ sheet: "registre", headerRow: 2 });
    const rec = recognizeHeaders(book.headers);
    const out = path.join(dir, "registre.xlsx");
    const outcome = await applyRequest(
      {
        options: {
          mode: "invoices",
          mapping: rec.mapping,
          headers: book.headers,
          vendor: "omi",
          asOf: "2025-06-30",
          lang: "fr",
          firstRowNumber: 3,
        },
        write: "values",
        today: iso("2026-12-03"),
        previousOutputs: [],
      },
      book.rows,
      book.copyTo(out),
    );
    expect(outcome.summary.computed).toBe(1);
    // OMI, docs/conventions.md#worked-examples: due 31/01/2025 (45688), 30 days late, 22.87 € + 40 € = 62.87 €.
    const cells = await sheetCells(out, 1);
    expect(["F3", "G3", "H3", "I3", "J3"].map((a) => cells.get(a)?.value)).toEqual([
      45688, 30, 22.87, 40, 62.87,
    ]);
    // The CSV's cells stay text, as typed.
    expect(cells.get("D3")?.value).toBe("2 500,00");
    expect(cells.get("A1")?.value).toBe("Registre 2025");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
