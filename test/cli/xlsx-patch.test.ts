/**
 * The large-file path of `echeance apply` (src/cli/xlsx): the register sheet's rows are rewritten in
 * a byte-for-byte copy of the workbook. Checked against the in-memory path (exceljs reads and writes
 * the whole workbook), which has its own tests of every figure: both must write the same cells.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runApplyCommand } from "./run-main";
import { decodeXml, escapeXml, parseCells, parseSharedStrings } from "../../src/cli/xlsx/sheet-xml";
import { addStyles, patchRegister, UnsupportedXlsx } from "../../src/cli/xlsx/patch";
import { addComment, addNoteShape } from "../../src/cli/xlsx/note";
import type { StreamHandler } from "../../src/cli/register-io";
import type { CellValue } from "../../src/apply";
import { recalculateWithLibreOffice, SOFFICE } from "../support/libreoffice";

const SAMPLES = path.resolve(__dirname, "../../samples");

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-patch-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * Every non-empty cell of the first sheet: value, number format, bold. "General" is no format, and the
 * header row's formats are left out: the in-memory copy formats whole columns, headers included.
 */
async function sheetCells(file: string, sheet?: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, string>();
  (sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet))?.eachRow(
    { includeEmpty: false },
    (row, n) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const format = n === 1 || cell.numFmt === "General" ? null : (cell.numFmt ?? null);
        cells.set(cell.address, JSON.stringify([cell.value, format, cell.font?.bold === true]));
      }),
  );
  return cells;
}

async function applyBoth(input: string, vendor: string, extra: readonly string[] = []) {
  const outs: Record<"memory" | "stream", { code: number; stdout: string; stderr: string; file: string }> =
    {} as never;
  for (const via of ["memory", "stream"] as const) {
    const file = path.join(dir, `${path.basename(input, ".xlsx")}-${via}.xlsx`);
    const r = await runApplyCommand([
      input,
      "--vendor",
      vendor,
      "--as-of",
      "2026-06-30",
      "-o",
      file,
      via === "stream" ? "--stream" : "--no-stream",
      ...extra,
    ]);
    outs[via] = { ...r, file };
  }
  return outs;
}

function expectSameCells(a: Map<string, string>, b: Map<string, string>): void {
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
  expect(differing.slice(0, 5).map((k) => [k, a.get(k), b.get(k)])).toEqual([]);
  expect(a.size).toBeGreaterThan(0);
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

describe("the streamed copy writes the cells the in-memory copy writes", () => {
  test.each(SAMPLE_FILES)("%s, values (%s)", async (file, vendor) => {
    const r = await applyBoth(path.join(SAMPLES, file), vendor);
    expect([r.memory.code, r.stream.code]).toEqual([r.memory.code, r.memory.code]);
    const said = (out: string, file: string) =>
      out.replace(/.*(streaming|en continu).*\n/, "").replace(file, "OUT");
    expect(said(r.stream.stdout, r.stream.file)).toBe(said(r.memory.stdout, r.memory.file));
    expectSameCells(await sheetCells(r.stream.file), await sheetCells(r.memory.file));
  });

  test.each(SAMPLE_FILES)("%s, live formulas (%s)", async (file, vendor) => {
    const r = await applyBoth(path.join(SAMPLES, file), vendor, ["--output", "formulas"]);
    expectSameCells(await sheetCells(r.stream.file), await sheetCells(r.memory.file));
  });
});

describe("portable formulas in the streamed copy", () => {
  const REFERENCE = "Échéance - taux et fériés";

  test.each(SAMPLE_FILES.slice(0, 6))(
    "%s: the register and the reference sheet as in memory (%s)",
    async (file, vendor) => {
      const r = await applyBoth(path.join(SAMPLES, file), vendor, ["--output", "portable"]);
      expect([r.memory.code, r.stream.code]).toEqual([0, 0]);
      expectSameCells(await sheetCells(r.stream.file), await sheetCells(r.memory.file));
      expectSameCells(await sheetCells(r.stream.file, REFERENCE), await sheetCells(r.memory.file, REFERENCE));
    },
  );

  test("applied again, the output keeps one reference sheet, rewritten, and asks for a full recalculation", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const common = ["--vendor", "omi", "--as-of", "2026-06-30", "--output", "portable"];
    expect(
      (await runApplyCommand([path.join(SAMPLES, "omi-factures.xlsx"), ...common, "-o", first])).code,
    ).toBe(0);
    expect((await runApplyCommand([first, ...common, "-o", second])).code).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(second));
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    expect([...workbook.matchAll(/<sheet\b[^>]*\sname="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "Factures",
      "Notes",
      REFERENCE,
    ]);
    expect(workbook).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.getWorksheet(REFERENCE)?.getCell("A5").value).toBe("2015-H1");
  });
});

describe("what the streamed copy keeps", () => {
  test("every part but the register sheet, the styles, the content types and the sheet's relationships is copied byte for byte", async () => {
    const input = path.join(SAMPLES, "omi-factures.xlsx");
    const r = await applyBoth(input, "omi");
    const before = await JSZip.loadAsync(await fs.readFile(input));
    const after = await JSZip.loadAsync(await fs.readFile(r.stream.file));
    const rewritten = [
      "xl/worksheets/sheet1.xml",
      "xl/styles.xml",
      "[Content_Types].xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ];
    const names = Object.keys(before.files).filter((n) => !before.files[n]?.dir);
    expect(names).toEqual(expect.arrayContaining(rewritten.slice(0, 3)));
    for (const name of names.filter((n) => !rewritten.includes(n))) {
      const a = await before.file(name)?.async("nodebuffer");
      const b = await after.file(name)?.async("nodebuffer");
      expect([name, b?.equals(a as Buffer)]).toEqual([name, true]);
    }
    // The provenance note: a comments part and its drawing, where Excel looks for them.
    const sheet = (await after.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    expect(sheet).toMatch(/<legacyDrawing [^>]*r:id="rId\d+"\/><\/worksheet>$/);
    const comments = Object.keys(after.files).filter((n) => /^xl\/comments\d+\.xml$/.test(n));
    expect(comments).toHaveLength(1);
    expect(await after.file(comments[0] as string)?.async("string")).toContain(
      "Échéance — valeurs calculées le",
    );
  });

  test("a sheet that already has notes keeps them and gains the provenance note; a second run adds its own, one shape per note", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Factures");
    ws.addRow(["Réf", "Client", "Date facture", "Montant TTC", "Payé le"]);
    ws.addRow(["F-1", "Acme", new Date(Date.UTC(2025, 0, 1)), 2500, new Date(Date.UTC(2025, 2, 2))]);
    ws.getCell("B2").note = "Client suivi par Claire";
    const input = path.join(dir, "notes.xlsx");
    await wb.xlsx.writeFile(input);
    const r = await applyBoth(input, "omi");
    expect(r.stream.code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(r.stream.file);
    const sheet = out.worksheets[0] as ExcelJS.Worksheet;
    expect(JSON.stringify(sheet.getCell("B2").note)).toContain("Client suivi par Claire");
    expect(JSON.stringify(sheet.getCell("F1").note)).toContain("Échéance — valeurs calculées le");
    // OMI: 2 500 € due 31/01/2025, paid 02/03/2025: 30 days, 22.87 € + 40 € (docs/conventions.md#worked-examples).
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([30, 22.87, 40, 62.87]));

    // The output applied again (its result columns are now part of the register, as in memory):
    // one note per cell, one shape per note, the first run's provenance note still one.
    const again = path.join(dir, "again.xlsx");
    expect((await runApplyCommand([r.stream.file, "--vendor", "omi", "-o", again])).code).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(again));
    const comments = (await zip.file("xl/comments1.xml")?.async("string")) as string;
    const refs = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(["B2", "F1", "L1"]);
    expect([...comments.matchAll(/<author>/g)]).toHaveLength(2); // exceljs's "Author" and "Échéance"
    const vml = (await zip.file("xl/drawings/vmlDrawing1.vml")?.async("string")) as string;
    expect([...vml.matchAll(/ObjectType="Note"/g)]).toHaveLength(3);
    expect(new Set([...vml.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1])).size).toBe(3);
  });

  test("parts exceljs does not know (here a custom XML part) come through the default copy of a small file", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(SAMPLES, "omi-factures.xlsx")));
    zip.file("customXml/item1.xml", '<?xml version="1.0"?><dossier client="Acme">2025</dossier>');
    const input = path.join(dir, "custom.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(dir, "custom-out.xlsx");
    const r = await runApplyCommand([input, "--vendor", "omi", "--as-of", "2026-06-30", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("en continu");
    const after = await JSZip.loadAsync(await fs.readFile(out));
    expect(await after.file("customXml/item1.xml")?.async("string")).toContain('<dossier client="Acme">');
    // exceljs in memory (--no-stream) rebuilds the package from what it understands.
    const mem = path.join(dir, "custom-mem.xlsx");
    await runApplyCommand([input, "--vendor", "omi", "--as-of", "2026-06-30", "-o", mem, "--no-stream"]);
    expect((await JSZip.loadAsync(await fs.readFile(mem))).file("customXml/item1.xml")).toBeNull();
  });

  test("notes on another sheet are kept, and the new note's drawing takes shape ids they do not use", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Factures");
    ws.addRow(["Réf", "Client", "Date facture", "Montant TTC", "Payé le"]);
    ws.addRow(["F-1", "Acme", new Date(Date.UTC(2025, 0, 1)), 2500, new Date(Date.UTC(2025, 2, 2))]);
    const other = wb.addWorksheet("Suivi").getCell("A1");
    other.value = "Acme";
    other.note = "Relancer en mars";
    const input = path.join(dir, "notes-ailleurs.xlsx");
    await wb.xlsx.writeFile(input);
    const r = await applyBoth(input, "omi");
    expect(r.stream.stderr).not.toContain("déjà des notes");
    const zip = await JSZip.loadAsync(await fs.readFile(r.stream.file));
    const vml = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.endsWith(".vml"))
        .sort()
        .map(async (n) =>
          /data="(\d+)"[\s\S]*id="_x0000_s(\d+)"/.exec((await zip.file(n)?.async("string")) ?? "")?.slice(1),
        ),
    );
    // exceljs gave the other sheet's drawing block 1 (ids 1025…); the new one is block 2 (ids 2049…).
    expect(vml.sort()).toEqual([
      ["1", "1025"],
      ["2", "2049"],
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(r.stream.file);
    expect(JSON.stringify(out.getWorksheet("Suivi")?.getCell("A1").note)).toContain("Relancer en mars");
    expect(JSON.stringify(out.getWorksheet("Factures")?.getCell("F1").note)).toContain(
      "Échéance — valeurs calculées le",
    );
  });

  test("a 1904-date-system workbook goes through the exceljs stream, which says what its copy drops", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Factures");
    ws.addRow(["Réf", "Client", "Date facture", "Montant TTC", "Payé le"]);
    ws.addRow(["F-1", "Acme", new Date(Date.UTC(2025, 0, 1)), 2500, new Date(Date.UTC(2025, 2, 2))]);
    const input = path.join(dir, "cal1904.xlsx");
    await wb.xlsx.writeFile(input);
    const r = await runApplyCommand([input, "--vendor", "omi", "-o", path.join(dir, "o.xlsx"), "--stream"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Attention : calendrier depuis 1904 : le fichier est recopié feuille par feuille",
    );
  });
});

describe("a register saved by another spreadsheet program", () => {
  const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;
  describeLo("LibreOffice (shared strings after the sheet, its own styles and row attributes)", () => {
    test("the streamed copy of a LibreOffice file gives the in-memory copy's cells, and LibreOffice reads it back", async () => {
      const lo = path.join(dir, "lo");
      await fs.mkdir(lo);
      await recalculateWithLibreOffice(
        [path.join(SAMPLES, "omi-factures.xlsx")],
        lo,
        path.join(dir, "profile"),
        120_000,
      );
      const input = path.join(lo, "omi-factures.xlsx");
      const r = await applyBoth(input, "omi");
      expect(r.stream.code).toBe(r.memory.code);
      const streamed = await sheetCells(r.stream.file);
      expectSameCells(streamed, await sheetCells(r.memory.file));
      // LibreOffice opens the streamed copy and keeps its values: read back after a save by it.
      const back = path.join(dir, "back");
      await fs.mkdir(back);
      await recalculateWithLibreOffice([r.stream.file], back, path.join(dir, "profile"), 120_000);
      const reread = await sheetCells(path.join(back, path.basename(r.stream.file)));
      const values = (cells: Map<string, string>) =>
        [...cells].filter(([k]) => /^[J-O]\d+$/.test(k)).map(([k, v]) => [k, JSON.parse(v)[0]]);
      expect(values(reread)).toEqual(values(streamed));
    }, 240_000);
  });
});

// ---- the pieces ---------------------------------------------------------------------------------

describe("SpreadsheetML text", () => {
  test("shared strings: plain, rich text runs joined, phonetic runs left out, escapes decoded", () => {
    const xml =
      '<sst count="4"><si><t>Acme &amp; fils</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Payé </t></r><r><t>le</t></r></si>' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>ligne_x000D_</t></si><si/></sst>';
    expect(parseSharedStrings(xml)).toEqual(["Acme & fils", "Payé le", "東京", "ligne\r", ""]);
  });

  test("cells: shared, inline, formula text, boolean, error, number, date; a cell without r follows the previous one", () => {
    const shared = ["Réf"];
    const row =
      '<c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>F-1 &lt;b&gt;</t></is></c>' +
      '<c r="C2" t="str"><f>A2&amp;"x"</f><v>Réfx</v></c><c t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c>' +
      '<c r="G2" s="3"><v>45658</v></c><c r="H2" s="2"/><c r="I2" t="d"><v>2025-01-01</v></c><c r="AA2"><v>-1.5E-3</v></c>';
    expect(parseCells(row, shared).map((c) => [c.column, c.value])).toEqual([
      [0, "Réf"],
      [1, "F-1 <b>"],
      [2, "Réfx"],
      [3, true],
      [5, "#N/A"],
      [6, 45658],
      [7, ""],
      [8, 45658],
      [26, -0.0015],
    ]);
  });

  test("text written into the file is escaped, control characters as Excel's _xHHHH_", () => {
    expect(escapeXml('a < b & "c" > d\u0001_x0041_')).toBe(
      "a &lt; b &amp; &quot;c&quot; &gt; d_x0001__x005F_x0041_",
    );
    expect(decodeXml(escapeXml('a < b & "c" > d\u0001_x0041_'))).toBe('a < b & "c" > d\u0001_x0041_');
  });

  test("styles gain one bold font and the three formats, with the counts kept right", () => {
    const styles =
      '<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%"/></numFmts>' +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill/></fills>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="0"/></cellXfs></styleSheet>';
    const { xml, ids } = addStyles(styles);
    expect(ids).toEqual({ bold: 2, date: 3, money: 4, integer: 5, boldDate: 6, percent: 7, text: 8 });
    expect(xml).toContain('<numFmts count="4">');
    expect(xml).toContain('<numFmt numFmtId="171" formatCode="dd/mm/yyyy"/>');
    expect(xml).toContain('<numFmt numFmtId="172" formatCode="#,##0.00 &quot;€&quot;"/>');
    expect(xml).toContain(
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>',
    );
    expect(xml).toContain('<cellXfs count="9">');
    expect(xml).toContain(
      '<xf numFmtId="171" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
  });
});

describe("notes", () => {
  test("a comment joins the sheet's comments under the Échéance author, replacing one on the same cell", () => {
    const xml =
      '<comments xmlns="x"><authors><author>Claire</author></authors><commentList>' +
      '<comment ref="B2" authorId="0"><text><t>suivi</t></text></comment>' +
      '<comment ref="F1" authorId="0"><text><t>ancienne</t></text></comment></commentList></comments>';
    expect(addComment(xml, "F1", "valeurs & <sources>")).toBe(
      '<comments xmlns="x"><authors><author>Claire</author><author>Échéance</author></authors><commentList>' +
        '<comment ref="B2" authorId="0"><text><t>suivi</t></text></comment>' +
        '<comment ref="F1" authorId="1"><text><r><t xml:space="preserve">valeurs &amp; &lt;sources&gt;</t></r></text></comment></commentList></comments>',
    );
  });

  test("a note shape takes the next id of the drawing's block, or a spare block added to its id map when the block is full", () => {
    const drawing = (ids: number[], data: string) =>
      `<xml xmlns:v="v" xmlns:o="o" xmlns:x="x"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>` +
      ids
        .map(
          (id) =>
            `<v:shape id="_x0000_s${id}"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>`,
        )
        .join("") +
      "</xml>";
    const next = addNoteShape(drawing([1025], "1"), 0, 5, 3);
    expect([...next.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1])).toEqual(["1025", "1026"]);
    expect(next).toContain("<x:Row>0</x:Row><x:Column>5</x:Column>");
    expect(next).toContain('id="_x0000_t202"'); // the note shape type, which this drawing lacked
    // 2047 is the last id of block 1: the next shape goes to spare block 3 (ids 3073…).
    const full = addNoteShape(drawing([2047], "1"), 0, 5, 3);
    expect(full).toContain('data="1,3"');
    expect(full).toContain('id="_x0000_s3073"');
    // A shape already on that cell (an earlier run's) is kept as it is.
    expect(addNoteShape(drawing([1025], "1"), 1, 1, 3)).toBe(drawing([1025], "1"));
  });
});

/** A minimal package shaped like Excel's own files: shared strings after the sheet, spans, x14ac. */
async function excelLikeFile(sheetXml: string, extra: Record<string, string> = {}): Promise<string> {
  const zip = new JSZip();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><workbookPr defaultThemeVersion="164011"/><sheets><sheet name="Factures" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId4" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0"?><styleSheet ${ns}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0"?><sst ${ns} count="5" uniqueCount="5"><si><t>N° facture</t></si><si><t>Date facture</t></si><si><t>Montant TTC</t></si><si><t>Payé le</t></si><si><r><t>F-</t></r><r><rPr><b/></rPr><t>1</t></r></si></sst>`,
  );
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  const file = path.join(dir, "excel-like.xlsx");
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:D4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="14.7109375" customWidth="1"/></cols>';

describe("an Excel-shaped file through patchRegister", () => {
  /** Records what the handler is given and returns one text cell and one number cell per row. */
  function recorder(): {
    handler: StreamHandler;
    seen: { headers?: CellValue[]; rows: [number, CellValue[]][] };
  } {
    const seen: { headers?: CellValue[]; rows: [number, CellValue[]][] } = { rows: [] };
    const handler: StreamHandler = {
      begin: (t) => {
        seen.headers = t.headers;
        return {
          columns: [
            { header: { en: "Status", fr: "Statut" }, format: "text" } as never,
            { header: { en: "Due", fr: "Échéance" }, format: "date" } as never,
          ],
        };
      },
      row: (values, index) => {
        seen.rows.push([index, values]);
        return values.length === 0 ? ["", ""] : [`ligne ${index + 1} & <ok>`, 45688];
      },
    };
    return { handler, seen };
  }

  test("blank lines, self-closing rows and cells beyond the header are read as Excel shows them; new cells land in column order", async () => {
    const sheet =
      SHEET_HEAD +
      '<sheetData><row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45658</v></c><c r="C2"><v>2500</v></c><c r="F2"><v>99</v></c><c r="H2" t="inlineStr"><is><t>garde</t></is></c></row>' +
      '<row r="4" spans="1:4" hidden="1"><c r="A4" t="inlineStr"><is><t>F-3</t></is></c><extLst><ext uri="{x}"/></extLst></row><row r="5" customHeight="1" ht="30"/>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    const input = await excelLikeFile(sheet);
    const { handler, seen } = recorder();
    const out = path.join(dir, "out.xlsx");
    const r = await patchRegister(input, out, undefined, handler, "fr");
    expect(r.dataRows).toBe(3);
    expect(seen.headers).toEqual(["N° facture", "Date facture", "Montant TTC", "Payé le"]);
    // Row 3 is absent from the file (a blank line); row 5, an empty self-closing row after the last
    // row with values, is no data row (as exceljs's eachRow skips it in the in-memory path).
    expect(seen.rows).toEqual([
      [0, ["F-1", 45658, 2500, ""]],
      [1, []],
      [2, ["F-3"]],
    ]);
    const xml = (await (
      await JSZip.loadAsync(await fs.readFile(out))
    )
      .file("xl/worksheets/sheet1.xml")
      ?.async("string")) as string;
    // Row 2: the cells up to D kept, the new E (text) and F (date) replace the stray F2, H2 kept after them.
    expect(xml).toContain(
      '<row r="2" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45658</v></c><c r="C2"><v>2500</v></c><c r="E2" t="inlineStr"><is><t>ligne 1 &amp; &lt;ok&gt;</t></is></c><c r="F2" s="3"><v>45688</v></c><c r="H2" t="inlineStr"><is><t>garde</t></is></c></row>',
    );
    // Row 4's extension list stays after its cells, the new ones included.
    expect(xml).toMatch(
      /<row r="4" hidden="1"><c r="A4" t="inlineStr"><is><t>F-3<\/t><\/is><\/c><c r="E4" t="inlineStr">.*?<c r="F4" s="3"><v>45688<\/v><\/c><extLst><ext uri="\{x\}"\/><\/extLst><\/row>/,
    );
    expect(xml).toContain('<row r="5" customHeight="1" ht="30"/>');
    expect(xml).toContain('<dimension ref="A1:F4"/>');
    expect(xml).toContain(
      '<col min="5" max="5" width="48" customWidth="1"/><col min="6" max="6" width="16" customWidth="1"/></cols>',
    );
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells>');
    // Opened by exceljs: the header gained its bold titles, the date its dd/mm/yyyy format.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect([ws.getCell("E1").value, ws.getCell("E1").font?.bold, ws.getCell("F1").value]).toEqual([
      "Statut",
      true,
      "Échéance",
    ]);
    expect([ws.getCell("F2").numFmt, (ws.getCell("F2").value as Date).toISOString().slice(0, 10)]).toEqual([
      "dd/mm/yyyy",
      "2025-01-31",
    ]);
    expect(ws.getRow(4).hidden).toBe(true);
  });

  test("a file that is not a zip is refused before anything is written, for the caller to read it another way", async () => {
    const junk = path.join(dir, "junk.xlsx");
    await fs.writeFile(junk, "not a zip at all");
    const out = path.join(dir, "never.xlsx");
    await expect(patchRegister(junk, out, undefined, recorder().handler, "en")).rejects.toBeInstanceOf(
      UnsupportedXlsx,
    );
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test("a sheet name the workbook does not have is no register, and nothing is written", async () => {
    const input = await excelLikeFile(`${SHEET_HEAD}<sheetData/></worksheet>`);
    const out = path.join(dir, "never.xlsx");
    await expect(patchRegister(input, out, "Abonnements", recorder().handler, "en")).resolves.toEqual({
      dataRows: undefined,
    });
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test("an empty sheet has no register: nothing is asked of the handler", async () => {
    const input = await excelLikeFile(
      `${SHEET_HEAD}<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    );
    const { handler, seen } = recorder();
    const r = await patchRegister(input, path.join(dir, "out.xlsx"), undefined, handler, "fr");
    expect(r.dataRows).toBeUndefined();
    expect(seen.headers).toBeUndefined();
  });
});
