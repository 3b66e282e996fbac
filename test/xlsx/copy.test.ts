/**
 * The byte-for-byte copy's pieces and the workbooks around a register (moved from
 * test/cli/xlsx-patch.test.ts to the src/xlsx API): what is kept, notes, the reference sheet, an
 * Excel-shaped package driven through the sink by hand, and the text of SpreadsheetML parts.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue } from "../../src/apply";
import type { SinkPlan } from "../../src/write";
import { parseCells } from "../../src/xlsx/cells";
import { parseSharedStrings } from "../../src/xlsx/shared-strings";
import { addComment, addNoteShape } from "../../src/xlsx/note";
import { StyleBook } from "../../src/xlsx/styles";
import { decodeXml, escapeXml } from "../../src/xlsx/xml";
import { openXlsxRegister } from "../../src/xlsx";
import { recalculateWithLibreOffice, SOFFICE } from "../support/libreoffice";
import { applyFile, exists } from "./apply-file";

const SAMPLES = path.resolve(__dirname, "../../samples");
const REFERENCE = "Échéance - taux et fériés";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-copy-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("portable formulas in the copy", () => {
  test("applied again, the output keeps one reference sheet, rewritten, and asks for a full recalculation", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const common = { vendor: "omi", asOf: "2026-06-30", write: "portable" } as const;
    expect((await applyFile(path.join(SAMPLES, "omi-factures.xlsx"), first, common)).error).toBeUndefined();
    expect((await applyFile(first, second, common)).error).toBeUndefined();
    const zip = await JSZip.loadAsync(await fs.readFile(second), { checkCRC32: true });
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
    // The second run's formulas went into the first run's columns (no column appended).
    expect(wb.getWorksheet("Factures")?.getCell("J1").value).toBe("Échéance (CGV)");
    expect(wb.getWorksheet("Factures")?.getCell("P1").value).toBe("Date d'arrêté");
    expect(wb.getWorksheet("Factures")?.getCell("R1").value).toBeNull();
  });
});

describe("what the copy keeps", () => {
  test("the provenance note goes where Excel looks for it: a comments part, its drawing last among the sheet's children", async () => {
    const out = path.join(dir, "note.xlsx");
    expect(
      (await applyFile(path.join(SAMPLES, "omi-factures.xlsx"), out, { vendor: "omi" })).error,
    ).toBeUndefined();
    const after = await JSZip.loadAsync(await fs.readFile(out), { checkCRC32: true });
    const sheet = (await after.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    expect(sheet).toMatch(/<legacyDrawing [^>]*r:id="rId\d+"\/><\/worksheet>$/);
    const comments = Object.keys(after.files).filter((n) => /^xl\/comments\d+\.xml$/.test(n));
    expect(comments).toHaveLength(1);
    expect(await after.file(comments[0] as string)?.async("string")).toContain(
      "Échéance — valeurs calculées le",
    );
  });

  test("a sheet that already has notes keeps them and gains the provenance note; applied again, the note is replaced, one shape per note", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Factures");
    ws.addRow(["Réf", "Client", "Date facture", "Montant TTC", "Payé le"]);
    ws.addRow(["F-1", "Acme", new Date(Date.UTC(2025, 0, 1)), 2500, new Date(Date.UTC(2025, 2, 2))]);
    ws.getCell("B2").note = "Client suivi par Claire";
    const input = path.join(dir, "notes.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "notes-out.xlsx");
    expect((await applyFile(input, out, { vendor: "omi" })).error).toBeUndefined();
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    const sheet = read.worksheets[0] as ExcelJS.Worksheet;
    expect(JSON.stringify(sheet.getCell("B2").note)).toContain("Client suivi par Claire");
    expect(JSON.stringify(sheet.getCell("F1").note)).toContain("Échéance — valeurs calculées le");
    // OMI: 2 500 € due 31/01/2025, paid 02/03/2025: 30 days, 22.87 € + 40 € (docs/conventions.md#worked-examples).
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([30, 22.87, 40, 62.87]));

    // The output applied again: its result columns are rewritten in place, the note on F1 replaced.
    const again = path.join(dir, "again.xlsx");
    expect((await applyFile(out, again, { vendor: "omi" })).error).toBeUndefined();
    const zip = await JSZip.loadAsync(await fs.readFile(again));
    const comments = (await zip.file("xl/comments1.xml")?.async("string")) as string;
    const refs = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(["B2", "F1"]);
    expect([...comments.matchAll(/<author>/g)]).toHaveLength(2); // exceljs's "Author" and "Échéance"
    const vml = (await zip.file("xl/drawings/vmlDrawing1.vml")?.async("string")) as string;
    expect([...vml.matchAll(/ObjectType="Note"/g)]).toHaveLength(2);
    expect(new Set([...vml.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1])).size).toBe(2);
  });

  test("parts no spreadsheet program knows (here a custom XML part) come through", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(SAMPLES, "omi-factures.xlsx")));
    zip.file("customXml/item1.xml", '<?xml version="1.0"?><dossier client="Acme">2025</dossier>');
    const input = path.join(dir, "custom.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(dir, "custom-out.xlsx");
    expect((await applyFile(input, out, { vendor: "omi" })).error).toBeUndefined();
    const after = await JSZip.loadAsync(await fs.readFile(out));
    expect(await after.file("customXml/item1.xml")?.async("string")).toContain('<dossier client="Acme">');
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
    const out = path.join(dir, "notes-ailleurs-out.xlsx");
    expect((await applyFile(input, out, { vendor: "omi" })).error).toBeUndefined();
    const zip = await JSZip.loadAsync(await fs.readFile(out));
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
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    expect(JSON.stringify(read.getWorksheet("Suivi")?.getCell("A1").note)).toContain("Relancer en mars");
    expect(JSON.stringify(read.getWorksheet("Factures")?.getCell("F1").note)).toContain(
      "Échéance — valeurs calculées le",
    );
  });
});

describe("a register saved by another spreadsheet program", () => {
  const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;
  describeLo("LibreOffice", () => {
    test("LibreOffice opens the copy of a LibreOffice file and keeps its values", async () => {
      const lo = path.join(dir, "lo");
      await fs.mkdir(lo);
      await recalculateWithLibreOffice(
        [path.join(SAMPLES, "omi-factures.xlsx")],
        lo,
        path.join(dir, "profile"),
        120_000,
      );
      const out = path.join(dir, "copy.xlsx");
      expect(
        (await applyFile(path.join(lo, "omi-factures.xlsx"), out, { vendor: "omi" })).error,
      ).toBeUndefined();
      const back = path.join(dir, "back");
      await fs.mkdir(back);
      await recalculateWithLibreOffice([out], back, path.join(dir, "profile"), 120_000);
      const cells = async (file: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const values: [string, unknown][] = [];
        wb.worksheets[0]?.eachRow((row) =>
          row.eachCell((cell) => {
            if (/^[J-O]\d+$/.test(cell.address)) values.push([cell.address, cell.value]);
          }),
        );
        return values;
      };
      const written = await cells(out);
      expect(written.length).toBeGreaterThan(250);
      expect(await cells(path.join(back, "copy.xlsx"))).toEqual(written);
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
    const row =
      '<c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>F-1 &lt;b&gt;</t></is></c>' +
      '<c r="C2" t="str"><f>A2&amp;"x"</f><v>Réfx</v></c><c t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c>' +
      '<c r="G2" s="3"><v>45658</v></c><c r="H2" s="2"/><c r="I2" t="d"><v>2025-01-01</v></c><c r="AA2"><v>-1.5E-3</v></c>';
    const cells = parseCells(row, { shared: ["Réf"] });
    expect(cells.map((c) => [c.column, c.value])).toEqual([
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
    expect(cells.filter((c) => c.formula).map((c) => c.column)).toEqual([2]);
    // In a 1904 workbook, a number whose style is a date is given in the 1900 system: 44196 + 1462.
    expect(
      parseCells('<c r="G2" s="3"><v>44196</v></c><c r="H2"><v>44196</v></c>', {
        shared: [],
        dateStyles1904: new Set([3]),
      }).map((c) => c.value),
    ).toEqual([45658, 44196]);
  });

  test("cells read in place or cut out give the same values, and each cell's markup as the row has it", () => {
    const row =
      '<c r="A2"><v>12.5</v></c><c r="B2" t="str"><v>a &amp; b</v></c><c r="C2"><v>1</v><v>2</v></c>' +
      '<c r="D2" t="str"><f>B2</f><v>x</v></c><c r="E2" t="inlineStr"><v>9</v></c><c r="F2"><v></v></c><c r="G2"/>';
    const cells = parseCells(row, { shared: [] });
    expect(cells.map((c) => [c.column, c.value, c.formula])).toEqual([
      [0, 12.5, false],
      [1, "a & b", false],
      [2, 1, false],
      [3, "x", true],
      [4, "", false],
      [5, 0, false],
      [6, "", false],
    ]);
    expect(cells.map((c) => c.xml).join("")).toBe(row);
  });

  test("a long row is read in time linear in its length: cells without a type, cells never closed", () => {
    // Best of three per size; 8 times the cells take about 8 times as long (a search running on
    // through the rest of the row for each cell would take ~64 times).
    const time = (row: string, cells: number) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const t0 = process.hrtime.bigint();
        const parsed = parseCells(row, { shared: [] });
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
        expect(parsed.length).toBe(cells);
      }
      return best;
    };
    const numbers = (n: number) =>
      Array.from({ length: n }, (_, i) => `<c r="A1" s="1"><v>${i}</v></c>`).join("");
    // Unclosed cells are skipped; the self-closing one after each is read.
    const unclosed = (n: number) => Array.from({ length: n }, () => '<c r="A1"><v>1</v><c r="B1"/>').join("");
    parseCells(numbers(2_000), { shared: [] }); // warm-up
    const ratios = [
      time(numbers(160_000), 160_000) / time(numbers(20_000), 20_000),
      time(unclosed(160_000), 160_000) / time(unclosed(20_000), 20_000),
    ];
    console.log(
      `parseCells, 8 times the cells: ${ratios.map((r) => r.toFixed(1)).join(" and ")} times as long`,
    );
    for (const ratio of ratios) expect(ratio).toBeLessThan(24);
  });

  test("text written into the file is escaped, control characters as Excel's _xHHHH_", () => {
    expect(escapeXml('a < b & "c" > d\u0001_x0041_')).toBe(
      "a &lt; b &amp; &quot;c&quot; &gt; d_x0001__x005F_x0041_",
    );
    expect(decodeXml(escapeXml('a < b & "c" > d\u0001_x0041_'))).toBe('a < b & "c" > d\u0001_x0041_');
  });

  test("styles gain one bold font and the formats asked for, at the end of their lists, with the counts kept right", () => {
    const styles =
      '<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%"/></numFmts>' +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill/></fills>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="0"/></cellXfs></styleSheet>';
    const book = new StyleBook(styles);
    const ids = [
      book.cell(undefined, true),
      book.cell("dd/mm/yyyy"),
      book.cell('#,##0.00 "€"'),
      book.cell("0"),
      book.cell("dd/mm/yyyy", true),
      book.cell("0.00%"),
      book.cell("@"),
      book.cell("dd/mm/yyyy"),
      book.cell("0.0%"),
    ];
    // The file's two formats keep 0 and 1; the new ones follow, one per distinct format (reused when asked again).
    expect(ids).toEqual([2, 3, 4, 5, 6, 7, 8, 3, 9]);
    expect(book.fill("#F8D7DA")).toBe(0);
    const xml = book.render();
    expect(xml).toContain('<numFmts count="4">');
    expect(xml).toContain('<numFmt numFmtId="171" formatCode="dd/mm/yyyy"/>');
    expect(xml).toContain('<numFmt numFmtId="172" formatCode="#,##0.00 &quot;€&quot;"/>');
    expect(xml).toContain('<numFmt numFmtId="173" formatCode="0"/>');
    // The file's own "0.0%" (170) is reused; "0.00%" and "@" are built-in (10, 49).
    expect(xml).toContain(
      '<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    expect(xml).toContain('<xf numFmtId="10" ');
    expect(xml).toContain('<xf numFmtId="49" ');
    expect(xml).toContain(
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>',
    );
    expect(xml).toContain('<cellXfs count="10">');
    expect(xml).toContain(
      '<xf numFmtId="171" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    expect(xml).toContain(
      '<dxfs count="1"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFF8D7DA"/>',
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

  test("in a drawing whose prefixes are ns0/ns1/ns2 (openpyxl), the note's shape declares its own and finds the id map", () => {
    const vml =
      '<xml xmlns:ns0="urn:schemas-microsoft-com:office:office" xmlns:ns1="urn:schemas-microsoft-com:vml" xmlns:ns2="urn:schemas-microsoft-com:office:excel"><ns0:shapelayout ns1:ext="edit"><ns0:idmap ns1:ext="edit" data="1" /></ns0:shapelayout>' +
      '<ns1:shape id="_x0000_s1026" type="#_x0000_t202"><ns2:ClientData ObjectType="Note"><ns2:Row>1</ns2:Row><ns2:Column>1</ns2:Column></ns2:ClientData></ns1:shape></xml>';
    const out = addNoteShape(vml, 0, 5, 2);
    expect(out).toContain(
      '<v:shape xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" id="_x0000_s1027"',
    );
    // The existing note (row 1, column 1) under ns2 prefixes is recognised: no second shape there.
    expect(addNoteShape(vml, 1, 1, 2)).toBe(vml);
  });
});

/** A minimal package shaped like Excel's own files: shared strings after the sheet, spans, x14ac. */
async function excelLikeFile(sheetXml: string): Promise<string> {
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
  const file = path.join(dir, "excel-like.xlsx");
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:D4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="14.7109375" customWidth="1"/></cols>';

/** The register of an Excel-shaped file of this sheet, and the sink of its copy into `name`. */
async function copyOf(sheetXml: string, name: string) {
  const book = await openXlsxRegister(await excelLikeFile(sheetXml));
  const out = path.join(dir, name);
  return { book, out, sink: book.copyTo(out, { lang: "fr" }) };
}

describe("an Excel-shaped file through the sink, driven by hand", () => {
  test("a row whose cells are its whole content gets the new cells after them, as read; one with space between its cells, without the space", async () => {
    const sheet =
      SHEET_HEAD +
      '<sheetData><row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45658</v></c><c r="C2"><v>2500</v></c></row>' +
      '<row r="3">\n  <c r="A3" t="inlineStr"><is><t>F-2</t></is></c>\n  <c r="C3"><v>10</v></c>\n</row>' +
      "</sheetData></worksheet>";
    const { book, sink, out } = await copyOf(sheet, "out-fast.xlsx");
    await sink.begin({
      place: book.place,
      columns: [
        { id: "daysLate", header: "Jours", format: "integer", numberFormat: "0", column: 4, existing: false },
      ],
      extraHeaderCells: [],
      write: "values",
      rowCount: undefined,
    });
    let index = 0;
    for await (const chunk of book.rows.chunks(10)) {
      const start = index;
      index += chunk.length;
      await sink.writeRows(
        start,
        chunk.map((_, k) => [start + k + 7]),
      );
    }
    await sink.finish(true);
    const xml = (await (
      await JSZip.loadAsync(await fs.readFile(out))
    )
      .file("xl/worksheets/sheet1.xml")
      ?.async("string")) as string;
    expect(xml).toMatch(
      /<row r="2" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4<\/v><\/c><c r="B2" s="1"><v>45658<\/v><\/c><c r="C2"><v>2500<\/v><\/c><c r="E2" s="\d+"><v>7<\/v><\/c><\/row>/,
    );
    expect(xml).toMatch(
      /<row r="3"><c r="A3" t="inlineStr"><is><t>F-2<\/t><\/is><\/c><c r="C3"><v>10<\/v><\/c><c r="E3" s="\d+"><v>8<\/v><\/c><\/row>/,
    );
  });

  test("blank lines, self-closing rows and cells beyond the header are read as Excel shows them; new cells land in column order", async () => {
    const sheet =
      SHEET_HEAD +
      '<sheetData><row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45658</v></c><c r="C2"><v>2500</v></c><c r="F2"><v>99</v></c><c r="H2" t="inlineStr"><is><t>garde</t></is></c></row>' +
      '<row r="4" spans="1:4" hidden="1"><c r="A4" t="inlineStr"><is><t>F-3</t></is></c><extLst><ext uri="{x}"/></extLst></row><row r="5" customHeight="1" ht="30"/>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    const { book, sink, out } = await copyOf(sheet, "out.xlsx");
    expect(book.headers).toEqual(["N° facture", "Date facture", "Montant TTC", "Payé le"]);
    const plan: SinkPlan = {
      place: book.place,
      columns: [
        { id: "status", header: "Statut", format: "text", numberFormat: "@", column: 4, existing: false },
        {
          id: "dueDate",
          header: "Échéance",
          format: "date",
          numberFormat: "dd/mm/yyyy",
          column: 5,
          existing: false,
        },
      ],
      extraHeaderCells: [],
      write: "values",
      rowCount: undefined,
    };
    await sink.begin(plan);
    const seen: [number, readonly CellValue[]][] = [];
    let index = 0;
    for await (const chunk of book.rows.chunks(2)) {
      const start = index;
      const cells = chunk.map((row) => {
        seen.push([index, row]);
        const i = index++;
        return row.length === 0 ? ["", ""] : [`ligne ${i + 1} & <ok>`, 45688];
      });
      await sink.writeRows(start, cells);
    }
    await sink.finish(true);
    // Row 3 is absent from the file (a blank line); row 5, an empty self-closing row after the last
    // row with values, is no data row.
    expect(seen).toEqual([
      [0, ["F-1", 45658, 2500, ""]],
      [1, []],
      [2, ["F-3", "", "", ""]],
    ]);
    expect(book.features()).toMatchObject({ hiddenRows: [4], merges: ["A6:B6"], protected: false });
    const xml = (await (
      await JSZip.loadAsync(await fs.readFile(out))
    )
      .file("xl/worksheets/sheet1.xml")
      ?.async("string")) as string;
    // Row 2: the cells up to D kept, the new E (text) and F (date) replace the stray F2, H2 kept after them.
    expect(xml).toMatch(
      /<row r="2" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>4<\/v><\/c><c r="B2" s="1"><v>45658<\/v><\/c><c r="C2"><v>2500<\/v><\/c><c r="E2" s="\d+" t="inlineStr"><is><t>ligne 1 &amp; &lt;ok&gt;<\/t><\/is><\/c><c r="F2" s="\d+"><v>45688<\/v><\/c><c r="H2" t="inlineStr"><is><t>garde<\/t><\/is><\/c><\/row>/,
    );
    // Row 4's extension list stays after its cells, the new ones included.
    expect(xml).toMatch(
      /<row r="4" hidden="1"><c r="A4" t="inlineStr"><is><t>F-3<\/t><\/is><\/c><c r="E4" .*?<c r="F4" s="\d+"><v>45688<\/v><\/c><extLst><ext uri="\{x\}"\/><\/extLst><\/row>/,
    );
    expect(xml).toContain('<row r="5" customHeight="1" ht="30"/>');
    expect(xml).not.toContain('<row r="3"');
    expect(xml).toContain('<dimension ref="A1:F4"/>');
    expect(xml).toMatch(
      /<col min="5" max="5" width="40" customWidth="1"\/><col min="6" max="6" width="12" customWidth="1"\/><\/cols>/,
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

  test("a sheet name the workbook does not have is no register, named with the sheets there are, and nothing is written", async () => {
    const input = await excelLikeFile(`${SHEET_HEAD}<sheetData/></worksheet>`);
    await expect(openXlsxRegister(input, { sheet: "Abonnements" })).rejects.toMatchObject({
      kind: "no-register",
      text: { fr: "il n'y a pas de feuille « Abonnements » (feuilles : « Factures »)." },
    });
  });

  test("an empty sheet has no register: the refusal names it and the rows looked at", async () => {
    const input = await excelLikeFile(`${SHEET_HEAD}<sheetData/><pageMargins left="0.7"/></worksheet>`);
    const out = path.join(dir, "never.xlsx");
    const r = await applyFile(input, out, { vendor: "omi" });
    expect(r.errorKind).toBe("no-register");
    expect(r.error).toContain("aucune des 30 premières lignes des feuilles « Factures »");
    expect(await exists(out)).toBe(false);
  });
});
