/**
 * A catalogue of bad registers (moved from test/robustness to the src/xlsx API: one xlsx path, the
 * byte-for-byte copy): each one is built with exceljs, applied through openXlsxRegister +
 * applyToSheet + the copy's sink, and must give a clear message, sound figures, and leave the input
 * file's bytes unchanged.
 *
 * Reference figures (OMI, 30 days from the invoice date, Code de commerce L441-10 at 3 × the legal
 * rate, 40 € recovery fee; docs/conventions.md#worked-examples): a 2 500 € invoice of 01/01/2025 is due 31/01/2025; paid
 * 02/03/2025 it is 30 days late: 2 500 × 3 × 3.71 % × 30 / 365 = 22.87 €, + 40 € = 62.87 €.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { applyFile, exists, type ApplyFileOptions } from "./apply-file";

const sha = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A date cell read back by exceljs (a Date in the workbook's own date system) as YYYY-MM-DD. */
function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return `not a date: ${JSON.stringify(v)}`;
}

const HEADERS = ["Réf", "Client", "Date facture", "Montant TTC", "Payé le"];
/** Invoice F-1: the docs/conventions.md#worked-examples case, 62.87 € of penalties. */
const F1 = ["F-1", "Acme", utc(2025, 1, 1), 2500, utc(2025, 3, 2)];
/** Invoice F-2: 1 000 € of 10/03/2025, unpaid: due 09/04/2025 (+30 days). */
const F2 = ["F-2", "Beta", utc(2025, 3, 10), 1000, null];

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-bad-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function build(
  name: string,
  fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Factures");
  await fill(ws, wb);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

interface Applied {
  code: number;
  /** The refusal and the warnings, as the command line prints them on stderr. */
  stderr: string;
  /** The summary, as printed on stdout. */
  stdout: string;
  out: string;
  rows: unknown[][];
  wb?: ExcelJS.Workbook;
}

/** Applies OMI's terms to `input` (as of 30/06/2025) and checks the input is byte for byte what it was. */
async function apply(input: string, extra: ApplyFileOptions = {}): Promise<Applied> {
  const before = await sha(input);
  const out = path.join(dir, "out.xlsx");
  const applied = await applyFile(input, out, { vendor: "omi", asOf: "2025-06-30", ...extra });
  const r = {
    code: applied.error === undefined ? 0 : applied.errorKind === "date-system" ? 2 : 1,
    stderr: [applied.error ?? "", ...applied.warnings, ...(applied.recognition ?? [])].join("\n"),
    stdout: applied.summary,
  };
  expect(await sha(input)).toBe(before);
  const rows: unknown[][] = [];
  let wb: ExcelJS.Workbook | undefined;
  try {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
  } catch {
    wb = undefined;
  }
  return { ...r, out, rows, ...(wb ? { wb } : {}) };
}

describe("a bad register through the copy", () => {
  test("a protected sheet is refused with a clear message, and no output file is written", async () => {
    const input = await build("protegee", async (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(F1);
      await ws.protect("secret", {});
    });
    const r = await apply(input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("la feuille « Factures » est protégée : rien n'est écrit");
    expect(r.stderr).toContain("Ôter la protection");
    expect(await exists(r.out)).toBe(false);
  });

  test("the protected-sheet refusal is in English with --lang en", async () => {
    const input = await build("protected", async (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(F1);
      await ws.protect("", {});
    });
    const r = await apply(input, { lang: "en" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the sheet "Factures" is protected: nothing written');
  });

  test("merged cells: the merge is named, a merged-away date reads blank (as in Excel) and that row says so", async () => {
    const input = await build("fusion", (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(F1);
      ws.addRow(["F-1b", "Acme", null, 300, null]);
      ws.addRow(F2);
      // C2:C3 merged: Excel shows 01/01/2025 across both rows but only C2 holds it.
      ws.mergeCells("C2:C3");
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("cellules fusionnées (C2:C3)");
    expect(r.stderr).toContain("les autres sont lues vides");
    expect(r.wb?.worksheets[0]?.getCell("C3").isMerged).toBe(true);
    // F-1 computed from C2; F-1b (sheet row 3) has no invoice date of its own: an error naming row 3.
    expect(r.rows[1]?.slice(6, 10)).toEqual([30, 22.87, 40, 62.87]);
    expect(String(r.rows[2]?.[10])).toMatch(/^Ligne 3, colonne « Date facture »/);
    expect(r.stdout).toContain("3 ligne(s) de factures : 2 calculée(s), 1 en erreur.");
  });

  test("hidden rows are computed like the others, and the message says how many and which", async () => {
    const input = await build("masquee", (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(F1);
      ws.addRow(F2);
      ws.getRow(2).hidden = true;
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 ligne(s) masquée(s) (2) : elles sont calculées comme les autres");
    expect(r.rows[1]?.slice(6, 11)).toEqual([30, 22.87, 40, 62.87, "Payée avec 30 jours de retard"]);
    // F-2 unpaid on 30/06/2025: 09/04 → 30/06 = 21 + 31 + 30 = 82 days late.
    expect(r.rows[2]?.[6]).toBe(82);
  });

  test("a filtered table: every row is computed, filtered out or not, and the filter is named", async () => {
    const input = await build("filtre", (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(F1);
      ws.addRow(F2);
      ws.autoFilter = "A1:E3";
      ws.getRow(3).hidden = true; // what Excel does to a row the filter leaves out
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("filtre automatique sur la feuille : toutes les lignes sont calculées");
    expect(r.stdout).toContain("2 ligne(s) de factures : 2 calculée(s), 0 en erreur.");
    expect(r.rows[2]?.[6]).toBe(82);
  });

  test("dates typed as text, ISO and French, give the same figures as real dates", async () => {
    const input = await build("dates-texte", (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(["F-1", "Acme", "2025-01-01", 2500, "2025-03-02"]);
      ws.addRow(["F-1fr", "Acme", "01/01/2025", 2500, "02/03/2025"]);
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    for (const row of [r.rows[1], r.rows[2]]) {
      expect(iso(row?.[5])).toBe("2025-01-31");
      expect(row?.slice(6, 10)).toEqual([30, 22.87, 40, 62.87]);
    }
    // The text cells themselves are left as typed.
    expect(r.rows[2]?.[2]).toBe("01/01/2025");
  });

  test("amounts with currency signs and French separators are read as amounts", async () => {
    const input = await build("montants", (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(["F-1", "Acme", utc(2025, 1, 1), "2 500,00 €", utc(2025, 3, 2)]);
      // Narrow no-break space as thousands separator and a no-break space before €, as Excel writes them.
      ws.addRow(["F-2", "Beta", utc(2025, 1, 1), "1\u202f234,56\u00a0€", utc(2025, 3, 2)]);
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.rows[1]?.slice(6, 10)).toEqual([30, 22.87, 40, 62.87]);
    // 1 234.56 × 11.13 % × 30 / 365 = 11.2936… → 11.29 €; + 40 € = 51.29 €.
    expect(r.rows[2]?.slice(6, 10)).toEqual([30, 11.29, 40, 51.29]);
  });

  test("blank lines in the middle are skipped and counted, and the rows after them are computed", async () => {
    const input = await build("lignes-vides", (ws) => {
      ws.addRow(HEADERS);
      ws.addRow(F1);
      ws.addRow([]);
      ws.addRow([]);
      ws.addRow(F2);
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 ligne(s) de factures : 2 calculée(s), 0 en erreur, 2 vide(s) ignorée(s).");
    // F-2 stays on sheet row 5 with its own figures; rows 3 and 4 get nothing.
    expect(r.rows[4]?.[0]).toBe("F-2");
    expect(r.rows[4]?.[6]).toBe(82);
    expect((r.rows[2] ?? []).filter((v) => v !== null && v !== undefined)).toEqual([]);
  });

  test("duplicate headers: the warning names them and the first column is used", async () => {
    const input = await build("entetes-doubles", (ws) => {
      ws.addRow(["Réf", "Date facture", "Date facture", "Montant TTC", "Payé le"]);
      // The second "Date facture" (05/01/2025) would give a due date of 04/02/2025; the first gives 31/01.
      ws.addRow(["F-1", utc(2025, 1, 1), utc(2025, 1, 5), 2500, utc(2025, 3, 2)]);
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Les colonnes « Date facture », « Date facture » ressemblent toutes à « Date facture » : la première est retenue",
    );
    expect(iso(r.rows[1]?.[5])).toBe("2025-01-31");
  });

  test("a 1904-date-system workbook: dates are read and written right (not 4 years off), and it is said", async () => {
    const input = await build("calendrier-1904", (ws, wb) => {
      wb.properties.date1904 = true;
      ws.addRow(HEADERS);
      ws.addRow(F1);
      ws.addRow(F2);
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("calendrier depuis 1904");
    // Read back in the output's own date system: the due dates are 31/01/2025 and 09/04/2025
    // (a 1900 serial written into a 1904 workbook would show 01/02/2029 and 10/04/2029).
    expect(iso(r.rows[1]?.[5])).toBe("2025-01-31");
    expect(iso(r.rows[2]?.[5])).toBe("2025-04-09");
    expect(iso(r.rows[1]?.[2])).toBe("2025-01-01");
    expect(r.rows[1]?.slice(6, 10)).toEqual([30, 22.87, 40, 62.87]);
  });

  test("a 1904-date-system workbook refuses live formulas (CGV.* read 1900 dates) and writes nothing", async () => {
    const input = await build("calendrier-1904-formules", (ws, wb) => {
      wb.properties.date1904 = true;
      ws.addRow(HEADERS);
      ws.addRow(F1);
    });
    const r = await apply(input, { write: "formulas" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("calendrier depuis 1904");
    expect(r.stderr).toContain("--output values");
    expect(await exists(r.out)).toBe(false);
  });
});

test("the copy keeps the 1904 date system, the merges, the filter and the hidden rows", async () => {
  const input = await build("garde", (ws, wb) => {
    wb.properties.date1904 = true;
    ws.addRow(HEADERS);
    ws.addRow(F1);
    ws.addRow(F2);
    ws.mergeCells("B2:B3");
    ws.autoFilter = "A1:E3";
    ws.getRow(3).hidden = true;
  });
  const r = await apply(input);
  expect(r.code).toBe(0);
  const ws = r.wb?.worksheets[0];
  expect(r.wb?.properties.date1904).toBe(true);
  expect(ws?.getCell("B3").isMerged).toBe(true);
  expect(ws?.autoFilter).toBe("A1:E3");
  expect(ws?.getRow(3).hidden).toBe(true);
});

test("the copy keeps the merges, the filter, the hidden rows and the column widths", async () => {
  const input = await build("garde-flux", (ws) => {
    ws.addRow(HEADERS);
    ws.addRow(F1);
    ws.addRow(F2);
    ws.mergeCells("B2:B3");
    ws.autoFilter = "A1:E3";
    ws.getRow(3).hidden = true;
    ws.getColumn(2).width = 33;
  });
  const r = await apply(input);
  expect(r.code).toBe(0);
  const ws = r.wb?.worksheets[0];
  expect(ws?.getCell("B3").isMerged).toBe(true);
  expect(ws?.autoFilter).toBe("A1:E3");
  expect(ws?.getRow(3).hidden).toBe(true);
  expect(ws?.getColumn(2).width).toBe(33);
  expect(r.rows[1]?.slice(6, 10)).toEqual([30, 22.87, 40, 62.87]);
});
