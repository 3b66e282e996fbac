import { recognizeHeaders } from "../../src/apply";
import type { CellValue } from "../../src/cells";
import { iso } from "../../src/engine";
import { dayToSerial } from "../../src/input/cell-values";
import type { SourceBlock } from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { RecoveryInput } from "../../src/taskpane/recovery-adapter";

/**
 * An OMI register in a workbook as the pane reads it, for the recovery views' tests: the hand-worked
 * Boulangerie Martin (test/recovery/fixtures.ts: three invoices, one partly paid, periods across two
 * half-years; claimed 4 349,03 € as of 30/06/2026), the Garage du Port without an address (one late
 * invoice, one disputed, one credit note) and a consumer, Mme Durand, whose row Apply refuses (OMI's
 * terms serve professionals only) and recovery keeps: 300,00 € claimed, no interest before a formal
 * notice (Code civil 1231-6), no 40 € fee.
 *
 * Garage du Port, OMI-2026-020, 500,00 € due 31/03/2026, as of 30/06/2026: 01/04–30/06 = 91 days at
 * 3 × 2,62 % = 7,86 % (1st half of 2026): 500 × 7,86 % × 91 / 365 = 9,7981 → 9,80 €; fee 40,00 €;
 * penalties 49,80 €; claimed 549,80 €.
 */

const d = (text: string): number => dayToSerial(iso(text));

export const REGISTER_SHEET = "Factures OMI";

export const HEADERS: CellValue[] = [
  "N° facture",
  "Client",
  "Adresse",
  "Type client",
  "Date facture",
  "Échéance",
  "Montant TTC",
  "Date de paiement",
  "Montant payé",
  "Commentaire",
];

const MARTIN_ADDRESS = "4 place du Marché ; 69003 Lyon";

export const ROWS: CellValue[][] = [
  [
    "OMI-2025-101",
    "Boulangerie Martin",
    MARTIN_ADDRESS,
    "",
    d("2025-10-01"),
    d("2025-10-31"),
    1200,
    null,
    null,
    "",
  ],
  [
    "OMI-2025-115",
    "Boulangerie Martin",
    MARTIN_ADDRESS,
    "",
    d("2025-11-15"),
    d("2025-12-15"),
    3000,
    d("2026-01-31"),
    1000,
    "",
  ],
  ["OMI-2026-007", "boulangerie  MARTIN", "", "", d("2026-02-10"), d("2026-03-12"), 850, null, null, ""],
  ["OMI-2026-020", "Garage du Port", "", "", d("2026-03-01"), d("2026-03-31"), 500, null, null, ""],
  [
    "OMI-2026-021",
    "Garage du Port",
    "",
    "",
    d("2026-03-05"),
    d("2026-04-04"),
    600,
    null,
    null,
    "Litige sur la livraison",
  ],
  ["AV-2026-003", "Garage du Port", "", "", d("2026-03-10"), d("2026-04-09"), -200, null, null, ""],
  [
    "OMI-2026-030",
    "Mme Durand",
    "3 rue des Écoles ; 75005 Paris",
    "particulier",
    d("2026-03-01"),
    d("2026-03-31"),
    300,
    null,
    null,
    "",
  ],
];

/** The workbook, the register selected, and a gateway on it. */
export function recoveryWorkbook(): { workbook: MemoryWorkbook; gateway: MemoryGateway } {
  const workbook = new MemoryWorkbook();
  workbook.addSheet(REGISTER_SHEET, [HEADERS, ...ROWS]);
  workbook.select(REGISTER_SHEET, { row: 1, column: 1, rowCount: 1, columnCount: 1 });
  return { workbook, gateway: new MemoryGateway(workbook) };
}

/** The register read as the pane reads it (current region), with its recognised mapping. */
export async function readRegister(gateway: MemoryGateway): Promise<{
  source: SourceBlock;
  input: (asOfIso: string, extra?: Partial<RecoveryInput>) => RecoveryInput;
}> {
  const source = await gateway.readSource("region");
  const recognition = recognizeHeaders(source.headers);
  return {
    source,
    input: (asOfIso, extra = {}) => ({
      source,
      mode: recognition.mode,
      mapping: recognition.mapping,
      vendor: "omi",
      asOfIso,
      lang: "fr",
      ...extra,
    }),
  };
}
