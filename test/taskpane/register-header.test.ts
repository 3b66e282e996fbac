import { MemoryGateway } from "../../src/workbook/memory-gateway";
import type { SourceBlock } from "../../src/workbook/gateway";
import { withHeaderRow } from "../../src/taskpane/register-header";
import { demoWorkbook, DEMO_VENDOR_SHEETS } from "../../src/taskpane/demo/demo-register";

const HEADERS = ["N° facture", "Type", "Date facture", "Montant TTC", "Date de paiement"];

/** A region read as the gateway reads it: its first row taken as the header row. */
function region(lines: (string | number | null)[][], startRow = 0): SourceBlock {
  const width = Math.max(...lines.map((l) => l.length));
  const pad = (l: (string | number | null)[]) => [...l, ...Array<null>(width - l.length).fill(null)];
  return {
    kind: "region",
    sheet: "Registre",
    address: "Registre!A1",
    startRow,
    startColumn: 0,
    headers: pad(lines[0] ?? []).map((v) => (v === null ? "" : String(v))),
    rows: lines.slice(1).map(pad),
  };
}

describe("the pane finds the register's header row as the command line does (src/apply/locate.ts)", () => {
  test("a merged title and a line of notes above the headers: the header row is sheet row 3, the block cut there", () => {
    const { block, header } = withHeaderRow(
      region([
        ["Registre des factures fournisseurs 2025", null, null, null, null, null, null],
        ["Montants TTC", null, null, null, null, null, null],
        HEADERS,
        ["F-1", "Solde", 45663, 1200, null],
        ["F-2", "Solde", 45670, 800, 45700],
      ]),
    );
    // Rows 1 and 2 (title, notes) are left out; sheet row 3 (0-based 2) holds the headers.
    expect(header).toEqual({ kind: "moved", row: 3 });
    expect(block.startRow).toBe(2);
    expect(block.headers).toEqual(HEADERS);
    // The title's two extra empty columns F..G are not the register's: Apply writes from F.
    expect(block.address).toBe("Registre!A3:E5");
    expect(block.rows).toEqual([
      ["F-1", "Solde", 45663, 1200, null],
      ["F-2", "Solde", 45670, 800, 45700],
    ]);
  });

  test("a register at A1 is read as it is", () => {
    const raw = region([HEADERS, ["F-1", "Solde", 45663, 1200, null]]);
    expect(withHeaderRow(raw)).toEqual({ block: raw, header: { kind: "first" } });
  });

  test("no row with recognised headers: the refusal names the sheet rows looked at, and the first row stays the header", () => {
    const raw = region(
      [
        ["Notes", "Divers"],
        ["a", "b"],
        ["c", "d"],
      ],
      4,
    );
    // Sheet rows 5 to 7 (0-based 4..6) were looked at.
    expect(withHeaderRow(raw)).toEqual({ block: raw, header: { kind: "missing", firstRow: 5, lastRow: 7 } });
  });

  test("the demo's OMI register, below its merged title, is found from its first cell's region", async () => {
    const wb = demoWorkbook();
    const sheet = DEMO_VENDOR_SHEETS.get("omi") ?? "";
    wb.select(sheet, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    const { block, header } = withHeaderRow(await new MemoryGateway(wb).readSource("region"));
    // Title on row 1, notes on row 2, headers on row 3, twelve invoices on rows 4..15.
    expect(header).toEqual({ kind: "moved", row: 3 });
    expect(block.address).toBe(`'${sheet}'!A3:F15`);
    expect(block.rows).toHaveLength(12);
  });
});
