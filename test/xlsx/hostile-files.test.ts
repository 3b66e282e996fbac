/**
 * Workbooks shaped the way real producers write them, each of which once made the byte-for-byte copy
 * write a file Excel would repair or refuse, or lose content (moved from test/cli to the src/xlsx
 * API). Each starts from the OMI sample register (50 invoices, header row 1, columns A–I, new columns
 * from J) with one part changed.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { colsWithWidths, WorksheetTail } from "../../src/xlsx/worksheet";
import { openXlsxRegister, readXlsxRegister } from "../../src/xlsx";
import { applyFile, type ApplyFileOptions } from "./apply-file";

const SAMPLE = path.resolve(__dirname, "../../samples/omi-factures.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (body: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-hostile-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The sample with some parts edited or added, written as `name`. */
async function variant(name: string, change: (zip: JSZip) => Promise<void> | void): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
  await change(zip);
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

async function editPart(zip: JSZip, part: string, edit: (xml: string) => string): Promise<void> {
  zip.file(part, edit((await zip.file(part)?.async("string")) as string));
}

const editSheet = (zip: JSZip, edit: (xml: string) => string): Promise<void> => editPart(zip, SHEET, edit);

/** Adds a relationship to the workbook part. */
const relateToWorkbook = (zip: JSZip, relationship: string): Promise<void> =>
  editPart(zip, "xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace("</Relationships>", `${relationship}</Relationships>`),
  );

/** Adds a chart sheet named `name`, listed first or last among the sheets. */
async function addChartSheet(zip: JSZip, name: string, where: "first" | "last"): Promise<void> {
  const entry = `<sheet name="${name}" sheetId="9" r:id="rId97"/>`;
  await editPart(zip, "xl/workbook.xml", (xml) =>
    where === "first"
      ? xml.replace("<sheets>", `<sheets>${entry}`)
      : xml.replace("</sheets>", `${entry}</sheets>`),
  );
  await relateToWorkbook(
    zip,
    `<Relationship Id="rId97" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>`,
  );
  zip.file(
    "xl/chartsheets/sheet1.xml",
    '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  );
}

async function apply(input: string, extra: ApplyFileOptions = {}, out = path.join(dir, "out.xlsx")) {
  const r = await applyFile(input, out, { vendor: "omi", asOf: "2026-06-30", ...extra });
  const code = r.error === undefined ? 0 : 1;
  const zip = code === 0 ? await JSZip.loadAsync(await fs.readFile(out), { checkCRC32: true }) : undefined;
  const text = async (part: string) => (await zip?.file(part)?.async("string")) ?? "";
  return { ...r, code, stderr: [r.error ?? "", ...r.warnings].join("\n"), out, zip, text };
}

/** The worksheet tail with the note's drawing where the copy puts it: the sheet's own, or a new one. */
function legacyDrawingOf(tail: string, newRelId: string): { tail: string; relId: string; added: boolean } {
  const t = new WorksheetTail(tail);
  const own = t.find("legacyDrawing");
  const id = own === undefined ? undefined : /\s[\w.-]+:id="([^"]*)"/.exec(own)?.[1];
  if (id !== undefined) return { tail, relId: id, added: false };
  t.set(
    "legacyDrawing",
    `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${newRelId}"/>`,
  );
  return { tail: t.render(), relId: newRelId, added: true };
}

test("the note's relationship takes an Id no hyperlink of the sheet uses, external ones included", async () => {
  const input = await variant("liens.xlsx", async (zip) => {
    await editSheet(zip, (xml) =>
      xml.replace("</sheetData>", '</sheetData><hyperlinks><hyperlink ref="A2" r:id="rId1"/></hyperlinks>'),
    );
    zip.file(
      SHEET_RELS,
      rels(
        `<Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.com/F-1.pdf" TargetMode="External"/>`,
      ),
    );
  });
  const r = await apply(input);
  expect(r.code).toBe(0);
  const ids = [...(await r.text(SHEET_RELS)).matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids).toHaveLength(3);
  expect(new Set(ids).size).toBe(3);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.out);
  expect(JSON.stringify(wb.worksheets[0]?.getCell("A2").value)).toContain("F-1.pdf");
  expect(JSON.stringify(wb.worksheets[0]?.getCell("J1").note)).toContain("Échéance — valeurs calculées le");
});

describe("the note's drawing in the worksheet's tail", () => {
  test("goes among the worksheet's own children, not into a data bar rule's extension list", () => {
    const tail =
      '<conditionalFormatting sqref="E2:E51"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
      '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"><x14:id>{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst></worksheet>';
    const r = legacyDrawingOf(tail, "rId9");
    expect(r.added).toBe(true);
    expect(r.tail).toContain('footer="0.3"/><legacyDrawing xmlns:r=');
    expect(r.tail).toMatch(/r:id="rId9"\/><extLst><ext uri="\{78C0D931/);
    expect(r.tail).toContain("</dataBar><extLst>");
  });

  test("controls wrapped in mc:AlternateContent come after it; a sheet's own drawing is found, a header picture's is not", () => {
    const controls =
      '<pageMargins left="0.7"/><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="x14"><controls><control r:id="rId3"/></controls></mc:Choice></mc:AlternateContent></worksheet>';
    expect(legacyDrawingOf(controls, "rId9").tail).toContain('<pageMargins left="0.7"/><legacyDrawing');
    expect(legacyDrawingOf('<legacyDrawing r:id="rId4"/></worksheet>', "rId9")).toMatchObject({
      relId: "rId4",
      added: false,
    });
    // A ">" inside an attribute value, and a commented-out drawing, are read for what they are.
    const tooltip = legacyDrawingOf(
      '<hyperlinks><hyperlink ref="A2" r:id="rId1" tooltip="montant > 1000"/></hyperlinks><!-- <legacyDrawing r:id="rId7"/> --><pageMargins left="0.7"/></worksheet>',
      "rId9",
    );
    expect(tooltip).toMatchObject({ relId: "rId9", added: true });
    expect(tooltip.tail).toMatch(
      /<pageMargins left="0.7"\/><legacyDrawing [^>]*r:id="rId9"\/><\/worksheet>$/,
    );
    const hf = legacyDrawingOf(
      '<headerFooter><oddHeader>&amp;G</oddHeader></headerFooter><legacyDrawingHF r:id="rId1"/></worksheet>',
      "rId2",
    );
    expect(hf).toMatchObject({ relId: "rId2", added: true });
    expect(hf.tail).toContain('</headerFooter><legacyDrawing xmlns:r="');
  });

  test("a header picture's drawing is left alone: the note gets a drawing of its own", async () => {
    const input = await variant("entete.xlsx", async (zip) => {
      await editSheet(zip, (xml) =>
        xml.replace(
          "</worksheet>",
          '<headerFooter><oddHeader>&amp;G</oddHeader></headerFooter><legacyDrawingHF r:id="rId1"/></worksheet>',
        ),
      );
      zip.file(
        SHEET_RELS,
        rels(`<Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawingHF1.vml"/>`),
      );
      zip.file(
        "xl/drawings/vmlDrawingHF1.vml",
        '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="LH"/></xml>',
      );
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(await r.text("xl/drawings/vmlDrawingHF1.vml")).toBe(
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="LH"/></xml>',
    );
    const sheet = await r.text(SHEET);
    const own = /<legacyDrawing [^>]*r:id="(rId\d+)"/.exec(sheet)?.[1];
    expect(own).toBeDefined();
    expect(own).not.toBe("rId1");
    expect(await r.text(SHEET_RELS)).toMatch(
      new RegExp(`Id="${own}" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing\\d.vml"`),
    );
  });
});

test("pre-formatted empty rows after the data are no rows: nothing is written there, not counted", async () => {
  const input = await variant("lignes-vides.xlsx", (zip) =>
    editSheet(zip, (xml) =>
      xml.replace(
        "</sheetData>",
        '<row r="60" ht="30" customHeight="1"/><row r="1048576" ht="30" customHeight="1"/></sheetData>',
      ),
    ),
  );
  const streamed = await apply(input, { write: "formulas" });
  expect(streamed.code).toBe(0);
  // The sample's 50 invoices, no blank row counted (rows 60 and 1048576 are formatting).
  expect(streamed.summary).toContain("50 ligne(s) de factures");
  expect(streamed.outcome?.summary.blank).toBe(0);
  const sheet = await streamed.text(SHEET);
  expect(sheet).toContain(
    '<row r="60" ht="30" customHeight="1"/><row r="1048576" ht="30" customHeight="1"/></sheetData>',
  );
  expect((await fs.stat(streamed.out)).size).toBeLessThan(200_000);
});

describe("cells the new columns replace", () => {
  test("a formula replaced there takes the calculation chain with it (Excel rebuilds it)", async () => {
    const input = await variant("chaine.xlsx", async (zip) => {
      await editSheet(zip, (xml) =>
        xml.replace(/(<row r="2"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="K2"><f>E2*2</f><v>1</v></c></row>'),
      );
      zip.file(
        "xl/calcChain.xml",
        '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="K2" i="1"/></calcChain>',
      );
      await relateToWorkbook(
        zip,
        `<Relationship Id="rId99" Type="${REL}/calcChain" Target="calcChain.xml"/>`,
      );
      await editPart(zip, "[Content_Types].xml", (xml) =>
        xml.replace(
          "</Types>",
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
      );
    });
    const r = await apply(input);
    expect(r.code).toBe(0);
    expect(r.zip?.file("xl/calcChain.xml")).toBeNull();
    expect(await r.text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(await r.text("[Content_Types].xml")).not.toContain("calcChain");
    // K2 is the new "Jours de retard" cell of row 2, no longer the formula.
    expect(await r.text(SHEET)).not.toContain("<f>E2*2</f>");
  });

  test("a shared formula reaching outside the new columns is refused with the cell named, and no file is left", async () => {
    const input = await variant("partagee.xlsx", (zip) =>
      editSheet(zip, (xml) =>
        xml.replace(
          /(<row r="2"[^>]*>[\s\S]*?)<\/row>/,
          '$1<c r="O2"><f t="shared" ref="O2:Q2" si="0">E2*2</f><v>1</v></c></row>',
        ),
      ),
    );
    const r = await apply(input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "la cellule O2 porte une formule partagée avec des cellules hors des nouvelles colonnes",
    );
    await expect(fs.stat(r.out)).rejects.toThrow();
  });
});

test("a number format a conditional format defines is not taken for the cells' own", async () => {
  // The sample's own list has dd/mm/yyyy and the money format, not "0" (days late): a dxf has it.
  const input = await variant("dxf.xlsx", async (zip) => {
    const styles = (await zip.file("xl/styles.xml")?.async("string")) as string;
    expect(styles).not.toMatch(/<numFmts\b[^>]*>[\s\S]*formatCode="0"[\s\S]*<\/numFmts>/);
    zip.file(
      "xl/styles.xml",
      styles.replace(
        /<dxfs\b[^>]*\/>|<dxfs\b[^>]*>[\s\S]*?<\/dxfs>|(?=<tableStyles)/,
        '<dxfs count="1"><dxf><numFmt numFmtId="300" formatCode="0"/></dxf></dxfs>',
      ),
    );
  });
  const r = await apply(input);
  expect(r.code).toBe(0);
  const styles = await r.text("xl/styles.xml");
  const own = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(styles)?.[1] ?? "";
  expect(own).toContain('<numFmt numFmtId="301" formatCode="0"/>');
  expect(styles).toContain('<dxf><numFmt numFmtId="300" formatCode="0"/></dxf>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.out);
  expect(wb.worksheets[0]?.getCell("K2").numFmt).toBe("0");
});

test("column ranges covering the new columns (hidden to the end) are split around them, in order", () => {
  expect(
    colsWithWidths(
      '<col min="1" max="4" width="12" customWidth="1"/><col min="5" max="16384" width="9" hidden="1"/>',
      new Map([
        [6, 16],
        [7, 48],
      ]),
    ),
  ).toBe(
    '<cols><col min="1" max="4" width="12" customWidth="1"/><col min="5" max="5" width="9" hidden="1"/>' +
      '<col min="6" max="6" width="16" customWidth="1"/><col min="7" max="7" width="48" customWidth="1"/>' +
      '<col min="8" max="16384" width="9" hidden="1"/></cols>',
  );
  expect(colsWithWidths('<col min="10" max="10" width="5"/>', new Map([[5, 16]]))).toBe(
    '<cols><col min="5" max="5" width="16" customWidth="1"/><col min="10" max="10" width="5"/></cols>',
  );
});

test("zip entry names are copied as stored, UTF-8 without the flag included", async () => {
  const input = await variant("image.xlsx", (zip) => {
    zip.file("xl/media/imagé.png", Buffer.from([137, 80, 78, 71]));
  });
  // JSZip writes the flag; clear it, as Info-ZIP and others write UTF-8 names.
  const buf = await fs.readFile(input);
  const name = Buffer.from("xl/media/imagé.png", "utf8");
  for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 1)) {
    const central = buf.readUInt32LE(i - 46) === 0x02014b50;
    const at = central ? i - 46 + 8 : i - 30 + 6;
    buf.writeUInt16LE(buf.readUInt16LE(at) & ~0x0800, at);
  }
  await fs.writeFile(input, buf);
  const r = await apply(input);
  expect(r.code).toBe(0);
  expect(Buffer.from(await fs.readFile(r.out)).indexOf(name)).toBeGreaterThan(0);
  expect(r.zip?.file("xl/media/imagé.png")).not.toBeNull();
});

test("every copied or written part's CRC-32 is right (JSZip checks each one)", async () => {
  const r = await apply(SAMPLE, { write: "portable" });
  expect(r.code).toBe(0);
  const zip = await JSZip.loadAsync(await fs.readFile(r.out), { checkCRC32: true });
  for (const name of Object.keys(zip.files)) await zip.file(name)?.async("nodebuffer");
  expect(Object.keys(zip.files).length).toBeGreaterThan(10);
});

describe("macro-enabled workbooks", () => {
  async function xlsm(): Promise<string> {
    return variant("registre.xlsm", async (zip) => {
      await editPart(zip, "[Content_Types].xml", (xml) =>
        xml
          .replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
          )
          .replace(
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
          ),
      );
      zip.file("xl/vbaProject.bin", Buffer.from("vba"));
      await relateToWorkbook(
        zip,
        `<Relationship Id="rId98" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
      );
    });
  }

  test("an .xlsm copy is macro-enabled, with its macros", async () => {
    const input = await xlsm();
    const out = path.join(dir, "registre.echeance.xlsm");
    const r = await apply(input, {}, out);
    expect(r.code).toBe(0);
    expect(r.sink?.outcome?.macrosDropped).toBe(false);
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    expect(await zip.file("xl/vbaProject.bin")?.async("string")).toBe("vba");
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain("macroEnabled.main+xml");
  });

  test("an .xlsm register is read (for --explain, report) and nothing is written", async () => {
    const input = await xlsm();
    const read = await readXlsxRegister(input);
    expect(read.rows).toHaveLength(50);
    expect(read.rows[2]?.[0]).toBe("OMI-2024-0003");
    expect((await fs.readdir(dir)).sort()).toEqual(["registre.xlsm"]);
  });

  test("an .xlsx copy is a plain workbook without the macros, and says so", async () => {
    const r = await apply(await xlsm());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("les macros du classeur ne sont pas gardées dans une copie .xlsx");
    expect(r.zip?.file("xl/vbaProject.bin")).toBeNull();
    expect(await r.text("[Content_Types].xml")).toContain("spreadsheetml.sheet.main+xml");
    expect(await r.text("xl/_rels/workbook.xml.rels")).not.toContain("vbaProject");
  });
});

test("without --sheet, a chart sheet in first place is passed over for the first worksheet", async () => {
  const input = await variant("graphique.xlsx", (zip) => addChartSheet(zip, "Graphique", "first"));
  const r = await apply(input);
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain("recopié feuille par feuille");
  expect(await r.text("xl/chartsheets/sheet1.xml")).toContain("<chartsheet");
  expect(await r.text(SHEET)).toContain("Échéance (CGV)");
});

test("a workbook part whose elements carry a namespace prefix is refused, not read as sheetless", async () => {
  const input = await variant("prefixe.xlsx", async (zip) => {
    const wb = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    zip.file(
      "xl/workbook.xml",
      wb
        .replace(
          /<(\/?)(workbook|sheets|sheet|workbookPr|bookViews|workbookView|calcPr|definedNames|definedName)\b/g,
          "<$1x:$2",
        )
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        ),
    );
  });
  await expect(openXlsxRegister(input)).rejects.toMatchObject({
    text: { fr: "aucune feuille trouvée dans le classeur" },
  });
});

test("thousands of formatted empty rows after the data are copied unchanged, none taken for a data row, in bounded memory", async () => {
  const empty = Array.from({ length: 9 }, (_, j) => `<c r="${"ABCDEFGHI"[j]}ROW" s="1"/>`).join("");
  const rows = Array.from(
    { length: 50_000 },
    (_, i) => `<row r="${i + 100}">${empty.replace(/ROW/g, String(i + 100))}</row>`,
  );
  const input = await variant("formatees.xlsx", (zip) =>
    editSheet(zip, (xml) => xml.replace("</sheetData>", `${rows.join("")}</sheetData>`)),
  );
  const before = process.memoryUsage().rss;
  const r = await apply(input, { write: "formulas" });
  expect(r.code).toBe(0);
  expect(r.summary).toContain("50 ligne(s) de factures");
  // The rows come through unchanged (no new cells, no formulas), the last one included.
  const sheet = await r.text(SHEET);
  expect(sheet).toContain(`<row r="50099">${empty.replace(/ROW/g, "50099")}</row></sheetData>`);
  expect(sheet).not.toMatch(/<c r="J100"/);
  expect(process.memoryUsage().rss - before).toBeLessThan(400 * 2 ** 20);
});

test("a cell's own extension list is not taken for its row's: new cells go after the cell", async () => {
  const input = await variant("ext-cellule.xlsx", (zip) =>
    editSheet(zip, (xml) =>
      xml.replace('<c r="H2" s="2"/>', '<c r="H2" s="2"><v>7</v><extLst><ext uri="{c}"/></extLst></c>'),
    ),
  );
  const r = await apply(input);
  expect(r.code).toBe(0);
  expect(await r.text(SHEET)).toMatch(
    /<c r="H2" s="2"><v>7<\/v><extLst><ext uri="\{c\}"\/><\/extLst><\/c><c r="J2"/,
  );
});

test("portable formulas refuse a workbook whose chart sheet has the reference sheet's name, and write nothing", async () => {
  const input = await variant("nom-pris.xlsx", (zip) =>
    addChartSheet(zip, "Échéance - taux et fériés", "last"),
  );
  const r = await apply(input, { write: "portable" });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(
    "le classeur a une feuille « Échéance - taux et fériés » qui n'est pas une feuille de calcul",
  );
  await expect(fs.stat(r.out)).rejects.toThrow();
});

test("a template output (.xltx) gets the template content type", async () => {
  const r = await apply(SAMPLE, {}, path.join(dir, "modele.xltx"));
  expect(r.code).toBe(0);
  expect(await r.text("[Content_Types].xml")).toContain("spreadsheetml.template.main+xml");
});
