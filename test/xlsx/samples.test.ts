/**
 * The one xlsx path end to end on the samples: openXlsxRegister + applyToSheet + the copy's sink.
 * Each output is read back by another reader (exceljs) and its new cells compared with what src/apply
 * computes from the input read by that same other reader; every part the copy has no reason to touch
 * is the input's, byte for byte.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyRegisterSync, recognizeHeaders, type CellValue, type OutputValue } from "../../src/apply";
import { applyFile } from "./apply-file";
import { sheetCells } from "../portable/xlsx-cells";
import { columnLetters } from "../../src/cells";

const SAMPLES = path.resolve(__dirname, "../../samples");
const MS_PER_DAY = 86400000;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-xlsx-samples-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A cell as Excel's range.values gives it, from exceljs (dates as 1900 serials, formulas as their result). */
function value(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + 25569;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return value((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    return String(v);
  }
  return v;
}

async function sheetRows(file: string, sheet?: string): Promise<CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  const rows: CellValue[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (values[c - 1] = value(cell.value)));
    rows[n - 1] = Array.from(values, (v) => v ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

/** What src/apply computes for a register read by exceljs (header on row 1, as the samples are). */
function expected(rows: CellValue[][], vendor: string): readonly (readonly OutputValue[])[] {
  const headers = rows[0] ?? [];
  const rec = recognizeHeaders(headers);
  return applyRegisterSync(rows.slice(1), {
    mode: rec.mode as "invoices",
    mapping: rec.mapping,
    headers,
    vendor,
    asOf: "2026-06-30",
    lang: "fr",
    firstRowNumber: 2,
  }).rows;
}

const SAMPLE_FILES = [
  ["omi-factures.xlsx", "omi"],
  ["sillage-factures.xlsx", "sillage"],
  ["xiahdeh-factures.xlsx", "xiahdeh"],
  ["injenius-factures.xlsx", "injenius"],
  ["digitalli-factures.xlsx", "digitalli"],
  ["omi-abonnements.xlsx", "omi"],
  ["sillage-abonnements.xlsx", "sillage"],
  ["injenius-abonnements.xlsx", "injenius"],
] as const;

describe.each(["values", "formulas", "portable"] as const)("the samples through the copy (%s)", (write) => {
  test.each(SAMPLE_FILES)("%s (%s): the new cells are src/apply's figures", async (file, vendor) => {
    const input = path.join(SAMPLES, file);
    const output = path.join(dir, `${write}-${file}`);
    const r = await applyFile(input, output, { vendor, write });
    expect(r.error).toBeUndefined();
    const before = await sheetRows(input);
    const after = await sheetRows(output);
    // The new cells read raw (exceljs reads a formula's cached 0 as no result).
    const raw = await sheetCells(output, 1);
    const width = (before[0] ?? []).length;
    const want = expected(before, vendor);
    expect(want.length).toBeGreaterThan(10);
    const got = want.map((w, i) =>
      w.map((_, j) => raw.get(`${columnLetters(width + j)}${i + 2}`)?.value ?? ""),
    );
    if (write !== "values")
      expect(raw.get(`${columnLetters(width)}2`)?.formula).toMatch(
        write === "formulas" ? /^CGV\.(DUEDATE|RENEWALDATE)\(/ : /^[A-Z]/,
      );
    const differing = want
      .map((w, i) => [i + 2, w, got[i]] as const)
      .filter(([, w, g]) =>
        w.some((v, j) => {
          const h = g?.[j] ?? "";
          return typeof v === "number" ? typeof h !== "number" || Math.abs(h - v) > 1e-9 : h !== v;
        }),
      );
    expect(differing.slice(0, 3)).toEqual([]);
    // The register's own cells are the input's.
    expect(after.slice(0, before.length).map((row) => row.slice(0, width))).toEqual(
      before.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? "")),
    );
    expect(r.outcome?.rowsWritten).toBe(want.length);
  });
});

test("every part but the register sheet, the styles, the workbook and the package lists is copied byte for byte", async () => {
  const input = path.join(SAMPLES, "omi-factures.xlsx");
  const output = path.join(dir, "identical.xlsx");
  expect((await applyFile(input, output, { vendor: "omi" })).error).toBeUndefined();
  const before = await JSZip.loadAsync(await fs.readFile(input));
  const after = await JSZip.loadAsync(await fs.readFile(output));
  const rewritten = [
    "xl/worksheets/sheet1.xml",
    "xl/styles.xml",
    "xl/workbook.xml",
    "[Content_Types].xml",
    "xl/worksheets/_rels/sheet1.xml.rels",
  ];
  const names = Object.keys(before.files).filter((n) => !before.files[n]?.dir);
  expect(names.length).toBeGreaterThan(rewritten.length);
  for (const name of names.filter((n) => !rewritten.includes(n))) {
    const a = await before.file(name)?.async("nodebuffer");
    const b = await after.file(name)?.async("nodebuffer");
    expect([name, b?.equals(a as Buffer)]).toEqual([name, true]);
  }
  // Copied compressed as they were: the same compressed size for an untouched part.
  const raw = (zip: JSZip, name: string) =>
    (zip.file(name) as unknown as { _data: { compressedSize: number } })._data.compressedSize;
  expect(raw(after, "xl/theme/theme1.xml")).toBe(raw(before, "xl/theme/theme1.xml"));
});

test("applied again to its own output, the copy rewrites its columns in place: no column is appended", async () => {
  const input = path.join(SAMPLES, "omi-factures.xlsx");
  const first = path.join(dir, "first.xlsx");
  const second = path.join(dir, "second.xlsx");
  expect((await applyFile(input, first, { vendor: "omi" })).error).toBeUndefined();
  // English this time: the headers of the earlier run (French) are recognised and rewritten.
  const again = await applyFile(first, second, { vendor: "omi", asOf: "2026-09-30", lang: "en" });
  expect(again.error).toBeUndefined();
  expect(again.outcome?.columns.every((c) => c.existing)).toBe(true);
  const rows1 = await sheetRows(first);
  const rows2 = await sheetRows(second);
  expect((rows2[0] ?? []).length).toBe((rows1[0] ?? []).length);
  // J..O: Due date, Days late, …, Status in English; data rows recomputed as of 30/09/2026.
  expect(rows2[0]?.slice(9)).toEqual([
    "Due date (terms)",
    "Days late",
    "Late interest",
    "Recovery fee",
    "Total penalties",
    "Status",
  ]);
  const notes = await JSZip.loadAsync(await fs.readFile(second));
  const comments = (await notes.file("xl/comments1.xml")?.async("string")) ?? "";
  expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(["J1"]);
  expect(comments).toContain("computed on 2026-12-03");
});

test("the register sheet prints landscape, one page wide, with its header row repeated; headers fit their columns", async () => {
  const output = path.join(dir, "print.xlsx");
  expect(
    (await applyFile(path.join(SAMPLES, "omi-factures.xlsx"), output, { vendor: "omi" })).error,
  ).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printTitlesRow).toBe("1:1");
  // « Indemnité de recouvrement » (25 characters, bold) needs a column of at least 25 + 10 % + 2 = 30.
  expect(ws.getColumn("M").width).toBeGreaterThanOrEqual(30);
  expect(ws.getColumn("K").width).toBeGreaterThanOrEqual("Jours de retard".length);
  expect(ws.getCell("L2").numFmt).toBe('#,##0.00 "€"');
  expect(ws.getCell("J2").numFmt).toBe("dd/mm/yyyy");
});

test("highlighting: overdue and coming due dates as conditional formats with fills; applied again, replaced, not doubled", async () => {
  const first = path.join(dir, "hl1.xlsx");
  const second = path.join(dir, "hl2.xlsx");
  const input = path.join(SAMPLES, "omi-factures.xlsx");
  expect((await applyFile(input, first, { vendor: "omi", highlightDays: 30 })).outcome?.highlight).toBe(
    "added",
  );
  expect((await applyFile(first, second, { vendor: "omi", highlightDays: 30 })).outcome?.highlight).toBe(
    "added",
  );
  for (const file of [first, second]) {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const rules = [...sheet.matchAll(/<cfRule\b[^>]*dxfId="(\d+)"[^>]*>\s*<formula>([^<]*)<\/formula>/g)];
    // 30/06/2026 is serial 46203: overdue up to 46202, due soon 46203…46233, unpaid (F, Payé le, empty).
    expect(rules.map((m) => m[2])).toEqual([
      'AND(ISNUMBER($J2),$J2&lt;=46202,$F2="")',
      'AND(ISNUMBER($J2),$J2&gt;=46203,$J2&lt;=46233,$F2="")',
    ]);
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    expect(styles).toContain('<fgColor rgb="FFF8D7DA"/>');
  }
});
