/**
 * Registers written by other programs (test/fixtures/xlsx, made by make-fixtures.py: openpyxl,
 * XlsxWriter, LibreOffice), each read and copied with nothing lost: the parts the copy has no reason
 * to touch are the input's byte for byte, the rest still holds what it held.
 *
 * Each register has the invoice of docs/conventions.md#worked-examples (OMI, 30 days): 2 500 € dated 01/01/2025, paid
 * 02/03/2025, due 31/01/2025 (serial 45688), 30 days late: 2 500 × 11.13 % × 30 / 365 = 22.87 € of
 * interest (3 × the legal rate 3.71 %), + 40 € = 62.87 €.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import { columnLetters } from "../../src/cells";
import { openXlsxRegister } from "../../src/xlsx";
import { sheetCells } from "../portable/xlsx-cells";
import { applyFile } from "./apply-file";

const FIXTURES = path.resolve(__dirname, "../fixtures/xlsx");
const fixture = (name: string): string => path.join(FIXTURES, name);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-corpus-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function parts(file: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await fs.readFile(file)));
}

/** Parts of `after` that differ from `before`'s, and parts gone. */
async function changedParts(before: string, after: string): Promise<{ changed: string[]; gone: string[] }> {
  const a = await parts(before);
  const b = await parts(after);
  const changed: string[] = [];
  const gone: string[] = [];
  for (const [name, bytes] of Object.entries(a)) {
    const other = b[name];
    if (!other) gone.push(name);
    else if (Buffer.compare(Buffer.from(bytes), Buffer.from(other)) !== 0) changed.push(name);
  }
  return { changed: changed.sort(), gone };
}

/** The F-1 figures on a sheet row, from column `first` (due date, days, interest, fee, total). */
async function f1(
  file: string,
  sheetIndex: number,
  row: number,
  first: number,
): Promise<(string | number)[]> {
  const cells = await sheetCells(file, sheetIndex);
  return [0, 1, 2, 3, 4].map((j) => cells.get(`${columnLetters(first + j)}${row}`)?.value ?? "");
}

const F1 = [45688, 30, 22.87, 40, 62.87];

test("openpyxl: the note joins the file's own, and its VML (ns0/ns1 prefixes) stays well-formed XML", async () => {
  const input = fixture("openpyxl-notes.xlsx");
  const out = path.join(dir, "openpyxl.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.error).toBeUndefined();
  expect(await f1(out, 1, 2, 5)).toEqual(F1);
  const p = await parts(out);
  const vml = strFromU8(p["xl/drawings/commentsDrawing1.vml"] as Uint8Array);
  expect(vml).toContain("<ns0:shapelayout");
  // Well-formed: every prefix bound (the added shape declares its own v, o, x).
  expect(XMLValidator.validate(vml)).toBe(true);
  expect([...vml.matchAll(/ObjectType="Note"/g)]).toHaveLength(2);
  const comments = strFromU8(p["xl/comments/comment1.xml"] as Uint8Array);
  expect(comments).toContain("Client suivi par Claire");
  expect(comments).toContain('<comment ref="F1"');
  const { changed, gone } = await changedParts(input, out);
  expect(gone).toEqual([]);
  expect(changed).toEqual([
    "xl/comments/comment1.xml",
    "xl/drawings/commentsDrawing1.vml",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
  ]);
});

test("a merged title row and a blank line above the header: the header row 4 is found, the register read below it", async () => {
  const input = fixture("titre-ligne-4.xlsx");
  const book = await openXlsxRegister(input);
  expect(book.location).toEqual({ sheet: "Registre", headerRow: 4, auto: true, headerRowGiven: false });
  book.close();
  const out = path.join(dir, "titre.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.error).toBeUndefined();
  expect(r.outcome?.summary.rows).toBe(3);
  expect(await f1(out, 1, 5, 5)).toEqual(F1);
  // The title's merge (A1:E1) is not where the columns go: kept, and said.
  expect(r.warnings.join("\n")).toContain("cellules fusionnées (A1:E1)");
  const sheet = strFromU8((await parts(out))["xl/worksheets/sheet1.xml"] as Uint8Array);
  expect(sheet).toMatch(/<mergeCell ref="A1:E1" ?\/>/);
  // The header row repeats on printed pages: row 4.
  expect(strFromU8((await parts(out))["xl/workbook.xml"] as Uint8Array)).toContain("'Registre'!$4:$4");
});

test("XlsxWriter: the register on the second sheet after « Lisez-moi » is found; the chart, the note, the filter are kept", async () => {
  const input = fixture("xlsxwriter-lisez-moi.xlsx");
  const out = path.join(dir, "xlsxwriter.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.error).toBeUndefined();
  expect(r.book?.location).toMatchObject({ sheet: "Factures", headerRow: 1, auto: true });
  expect(await f1(out, 2, 2, 5)).toEqual(F1);
  expect(r.warnings.join("\n")).toContain("filtre automatique sur la feuille");
  const { changed, gone } = await changedParts(input, out);
  expect(gone).toEqual([]);
  // The chart, its drawing, the other sheets, the content types (no new part): untouched.
  expect(changed).toEqual([
    "xl/comments1.xml",
    "xl/drawings/vmlDrawing1.vml",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet2.xml",
  ]);
});

test("without the sheet named, a register on no sheet is refused naming the sheets and rows looked at", async () => {
  const book = openXlsxRegister(fixture("xlsxwriter-lisez-moi.xlsx"), { sheet: "Lisez-moi" });
  await expect(book).rejects.toMatchObject({
    kind: "no-register",
    text: {
      fr: expect.stringContaining(
        "aucun registre trouvé dans la feuille « Lisez-moi » : aucune de ses 30 premières lignes",
      ),
    },
  });
  await expect(
    openXlsxRegister(fixture("xlsxwriter-lisez-moi.xlsx"), { sheet: "Graphique", headerRow: 3 }),
  ).rejects.toMatchObject({
    text: {
      fr: "la ligne 3 de la feuille « Graphique » n'est pas une ligne d'en-têtes de registre (ni date facture et montant, ni date de début reconnus).",
    },
  });
});

test("XlsxWriter, 1904 date system: dates read and written in it; the chart on another sheet and the note are kept", async () => {
  const input = fixture("xlsxwriter-1904.xlsx");
  const out = path.join(dir, "x1904.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.error).toBeUndefined();
  expect(r.warnings.join("\n")).toContain("classeur au calendrier depuis 1904");
  // 31/01/2025 is 45688 in the 1900 system, 45688 − 1462 = 44226 in the 1904 system.
  expect(await f1(out, 2, 2, 5)).toEqual([44226, 30, 22.87, 40, 62.87]);
  const p = await parts(out);
  expect(p["xl/charts/chart1.xml"]).toBeDefined();
  expect(strFromU8(p["xl/comments1.xml"] as Uint8Array)).toContain("Client suivi par Claire");
  const { gone, changed } = await changedParts(input, out);
  expect(gone).toEqual([]);
  expect(changed).not.toContain("xl/charts/chart1.xml");
  expect(strFromU8(p["xl/workbook.xml"] as Uint8Array)).toMatch(/date1904="1"/);
});

test("a 1904 workbook refuses live and portable formulas, and leaves no file", async () => {
  for (const write of ["formulas", "portable"] as const) {
    const out = path.join(dir, `x1904-${write}.xlsx`);
    const r = await applyFile(fixture("xlsxwriter-1904.xlsx"), out, { vendor: "omi", write });
    expect(r.errorKind).toBe("date-system");
    expect(r.error).toContain("ce classeur utilise le calendrier depuis 1904");
    expect(r.error).toContain("--output values");
    await expect(fs.stat(out)).rejects.toThrow();
  }
});

test("LibreOffice: shared strings after the sheet, its own styles; the copy gives the sample's figures", async () => {
  const input = fixture("libreoffice-omi.xlsx");
  const out = path.join(dir, "lo.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.error).toBeUndefined();
  expect(r.outcome?.summary.rows).toBe(50);
  const original = path.join(dir, "sample.xlsx");
  await applyFile(path.resolve(__dirname, "../../samples/omi-factures.xlsx"), original, { vendor: "omi" });
  const a = await sheetCells(out, 1);
  const b = await sheetCells(original, 1);
  const outputs = (cells: Map<string, { value: string | number }>) =>
    [...cells]
      .filter(([k]) => /^[J-O]\d+$/.test(k))
      .map(([k, v]) => [k, v.value])
      .sort();
  expect(outputs(a)).toEqual(outputs(b));
  expect(outputs(a).length).toBeGreaterThan(250);
});

test("a Fournisseur column naming vendors by name (« Sillage.ai », « HORIZON SAAS ») computes every row", async () => {
  const out = path.join(dir, "noms.xlsx");
  const r = await applyFile(fixture("fournisseurs-noms.xlsx"), out, { asOf: "2025-07-01" });
  expect(r.error).toBeUndefined();
  expect(r.outcome?.summary.computed).toBe(3);
  expect(r.outcome?.vendors.map((v) => v.spec)).toEqual(["omi", "sillage"]);
  // A consulting balance at 15 days (Sillage 7.2.1): 20/06/2025 → 05/07/2025, serial 45843.
  const cells = await sheetCells(out, 1);
  expect([cells.get("G3")?.value, cells.get("G4")?.value]).toEqual([45843, 45843]);
  expect(cells.get("G2")?.value).toBe(45688);
});

test("a package with zip64 records (Info-ZIP zip -fz) is read and copied, its parts byte for byte", async () => {
  const input = fixture("zip64-omi.xlsx");
  const out = path.join(dir, "zip64.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.error).toBeUndefined();
  expect(r.outcome?.summary.rows).toBe(50);
  const { gone, changed } = await changedParts(input, out);
  expect(gone).toEqual([]);
  expect(changed).toEqual([
    "[Content_Types].xml",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
  ]);
});

test("a Strict Open XML workbook is refused, saying how to save it", async () => {
  const files = await parts(fixture("openpyxl-notes.xlsx"));
  const { strToU8, zipSync } = await import("fflate");
  const workbook = strFromU8(files["xl/workbook.xml"] as Uint8Array).replace(
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  );
  files["xl/workbook.xml"] = strToU8(workbook);
  const input = path.join(dir, "strict.xlsx");
  await fs.writeFile(input, zipSync(files));
  await expect(openXlsxRegister(input)).rejects.toMatchObject({
    kind: "unsupported",
    text: {
      fr: "le classeur est au format Open XML strict : ouvrez-le dans Excel et enregistrez-le au format Classeur Excel (.xlsx), puis relancez.",
    },
  });
});

test("merged cells where the new columns go are refused, naming them, and no file is left", async () => {
  const files = await parts(fixture("openpyxl-notes.xlsx"));
  const { strToU8, zipSync } = await import("fflate");
  // F2:G3 lies where the copy writes the due date and the days late (F, G) of rows 2 and 3.
  files["xl/worksheets/sheet1.xml"] = strToU8(
    strFromU8(files["xl/worksheets/sheet1.xml"] as Uint8Array).replace(
      /<\/sheetData>/,
      '</sheetData><mergeCells count="1"><mergeCell ref="F2:G3"/></mergeCells>',
    ),
  );
  const input = path.join(dir, "fusion.xlsx");
  await fs.writeFile(input, zipSync(files));
  const out = path.join(dir, "fusion-out.xlsx");
  const r = await applyFile(input, out, { vendor: "omi" });
  expect(r.errorKind).toBe("refused");
  expect(r.error).toContain("les cellules fusionnées F2:G3 recouvrent des cellules des nouvelles colonnes");
  await expect(fs.stat(out)).rejects.toThrow();
  expect((await fs.readdir(dir)).filter((f) => f.includes("fusion-out"))).toEqual([]);
});
