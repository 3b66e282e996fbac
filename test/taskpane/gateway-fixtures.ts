import { applyRequest } from "../support/apply";
import { recognizeHeaders } from "../../src/apply";
import {
  rowsInMemory,
  type ApplyControl,
  type ApplyOutcome,
  type ApplyRequest,
  type WriteMode,
} from "../../src/write";
import type { CellValue } from "../../src/cells";
import { iso } from "../../src/engine";
import {
  registerPlace,
  type SinkReport,
  type SourceBlock,
  type WorkbookGateway,
} from "../../src/workbook/gateway";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

/**
 * A register of `rows` invoices at A1 of "Factures" (header + rows, 3 columns: A number, B date serial,
 * C amount), a note two columns right of the data (E1, outside the current region because D is empty),
 * and a table "Abos" of 4 rows at B2 of "Abonnements".
 */
export function sampleWorkbook(rows = 25): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const data: CellValue[][] = [["N° facture", "Date facture", "Montant TTC"]];
  for (let i = 1; i <= rows; i++) data.push([`F-${i}`, 45658 + i, 100 * i]);
  data[0]?.push(null, "Notes");
  wb.addSheet("Factures", data);
  wb.addSheet(
    "Abonnements",
    [
      ["Client", "Date de début", "Formule"],
      ["Alpha", 45292, "commitment-monthly"],
      ["Beta", 45323, "no-commitment"],
      ["Gamma", 45352, ""],
    ],
    { row: 1, column: 1 },
  );
  wb.addTable({
    name: "Abos",
    sheet: "Abonnements",
    startRow: 1,
    startColumn: 1,
    rowCount: 4,
    columnCount: 3,
  });
  wb.select("Factures", { row: 4, column: 1, rowCount: 1, columnCount: 1 });
  return wb;
}

/** Every cell address of the input block A1:C(rows+1) of "Factures". */
export function inputCells(rows: number): Set<string> {
  const cells = new Set<string>();
  for (let r = 1; r <= rows + 1; r++) for (const c of ["A", "B", "C"]) cells.add(`Factures!${c}${r}`);
  return cells;
}

/**
 * The use case's request for the fixture register: OMI's terms (an invoice is due 30 days after its
 * date, CGA 6.1), as of 01/01/2025, in French, with the register's earlier outputs from its headers.
 */
export function omiRequest(
  source: SourceBlock,
  write: WriteMode,
  extra: Partial<ApplyRequest> = {},
): ApplyRequest {
  const rec = recognizeHeaders(source.headers);
  return {
    options: {
      mode: "invoices",
      mapping: rec.mapping,
      headers: source.headers,
      vendor: "omi",
      asOf: "2025-01-01",
      lang: "fr",
      firstRowNumber: source.startRow + 2,
    },
    write,
    today: iso("2026-12-03"),
    previousOutputs: rec.previousOutputs,
    ...extra,
  };
}

/** Applies the fixture request to a source block through a gateway's sink, as the pane does. */
export async function applyThrough(
  gateway: WorkbookGateway,
  source: SourceBlock,
  write: WriteMode,
  control: ApplyControl & { readonly request?: Partial<ApplyRequest> } = {},
): Promise<{ outcome: ApplyOutcome; report: SinkReport }> {
  const sink = gateway.applySink(source);
  try {
    const outcome = await applyRequest(
      omiRequest(source, write, control.request),
      rowsInMemory(registerPlace(source), source.headers, source.rows),
      sink,
      { yieldFn: async () => undefined, ...control },
    );
    return { outcome, report: sink.report() };
  } finally {
    await sink.close();
  }
}
