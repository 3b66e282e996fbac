/**
 * Every pass over a part is linear in its size. The scanner this replaces searched the accumulated
 * text again on every chunk: a 1 MB register whose sheet inflated to a long run of whitespace never
 * finished (8 MB of XML 3.6 s, 16 MB 13 s, 32 MB 50 s). Here the work is counted (characters
 * searched), which does not depend on the machine; the times are printed, not asserted.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SheetScanner, type SheetEvents } from "../../src/xlsx/scanner";
import { ZipSource } from "../../src/xlsx/zip";
import { openXlsxRegister, XlsxError } from "../../src/xlsx";
import { applyFile } from "./apply-file";

const SAMPLE = path.resolve(__dirname, "../../samples/omi-factures.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";
const MB = 2 ** 20;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-scanner-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Where = "between rows" | "inside a row" | "before the rows";

/** The OMI sample whose sheet XML holds `size` bytes of whitespace at `where` (compressed: about 1 MB per 1 GB). */
async function inflatedRegister(size: number, where: Where): Promise<{ file: string; xmlLength: number }> {
  const files = unzipSync(new Uint8Array(await fs.readFile(SAMPLE)));
  const xml = strFromU8(files[SHEET] as Uint8Array);
  const blank = " ".repeat(size);
  const edited =
    where === "between rows"
      ? xml.replace('<row r="30"', `${blank}<row r="30"`)
      : where === "inside a row"
        ? xml.replace(/(<row r="30"[^>]*>)/, `$1${blank}`)
        : xml.replace("<sheetData>", `${blank}<sheetData>`);
  files[SHEET] = strToU8(edited);
  const file = path.join(dir, `blank-${where.replace(/ /g, "-")}-${size}.xlsx`);
  await fs.writeFile(file, zipSync(files, { level: 9 }));
  return { file, xmlLength: edited.length };
}

describe.each<Where>(["between rows", "inside a row", "before the rows"])("whitespace %s", (where) => {
  test("a sheet inflating to 8 MB, then 32 MB, is read and copied with work in proportion to its size", async () => {
    const runs: { size: number; ms: number; work: number; xml: number; compressed: number }[] = [];
    for (const size of [8 * MB, 32 * MB]) {
      const { file, xmlLength } = await inflatedRegister(size, where);
      const out = path.join(dir, `out-${size}.xlsx`);
      const t0 = process.hrtime.bigint();
      const r = await applyFile(file, out, { vendor: "omi" });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      expect(r.error).toBeUndefined();
      expect(r.outcome?.summary.rows).toBe(50);
      runs.push({
        size,
        ms,
        work: r.book?.scanWork ?? 0,
        xml: xmlLength,
        compressed: (await fs.stat(file)).size,
      });
      // Every character of the sheet is searched a bounded number of times (here at most twice).
      expect(r.book?.scanWork).toBeLessThanOrEqual(2 * xmlLength);
      // The whitespace came through where it was (a data row is rewritten from its cells: its own
      // whitespace between cells is not kept).
      const copied = strFromU8(unzipSync(new Uint8Array(await fs.readFile(out)))[SHEET] as Uint8Array);
      if (where === "inside a row") expect(copied.length).toBeLessThan(size);
      else expect(copied.length).toBeGreaterThan(size);
    }
    const [small, large] = runs as [(typeof runs)[0], (typeof runs)[0]];
    // Four times the XML, about four times the work (a quadratic pass would be sixteen times).
    expect(large.work / small.work).toBeLessThan(4.5);
    console.log(
      `whitespace ${where}: ` +
        runs
          .map(
            (r) =>
              `${r.size / MB} MB of XML (${Math.round(r.compressed / 1024)} KB zipped): ${Math.round(r.ms)} ms, ${(r.work / r.xml).toFixed(2)} chars searched per char`,
          )
          .join("; ") +
        `; time ratio ${(large.ms / small.ms).toFixed(2)}`,
    );
  }, 120_000);
});

test("the scanner gives the same rows, head and tail whatever the chunk boundaries", () => {
  const xml =
    '<?xml version="1.0"?>\n<worksheet xmlns="x"><cols><col min="1" max="1"/></cols><sheetData>  <row r="1"><c r="A1"><v>1</v></c></row>\n' +
    '<!-- a comment > with a bracket --><row r="2" spans="1:2"/><row r="3">   <c r="A3" t="inlineStr"><is><t>a &lt; b</t></is></c>   </row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
  const read = (chunk: number) => {
    const seen: string[] = [];
    const events: SheetEvents = {
      head: (h, empty) => seen.push(`head ${h} ${empty}`),
      row: (open, inner) => seen.push(`row ${open} ${inner}`),
      between: (t) => seen.push(`between ${t}`),
      endRows: () => seen.push("end"),
    };
    const s = new SheetScanner("sheet1.xml", events);
    for (let i = 0; i < xml.length; i += chunk) s.push(xml.slice(i, i + chunk));
    seen.push(`tail ${s.finish()}`);
    // Text between rows may come in several pieces: joined, it is the same.
    return seen.join("\n").replace(/\nbetween /g, "");
  };
  const whole = read(xml.length);
  expect(whole).toContain('row <row r="3">    <c r="A3" t="inlineStr"><is><t>a &lt; b</t></is></c>   ');
  expect(whole).toContain('row <row r="2" spans="1:2"/> ');
  expect(whole).toContain('tail <mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>');
  for (const chunk of [1, 2, 3, 5, 7, 11, 64]) expect([chunk, read(chunk)]).toEqual([chunk, whole]);
});

test("a part inflating past the stated limit is refused with a message naming the part and the limit", async () => {
  const zip = await ZipSource.open(SAMPLE);
  try {
    const entry = zip.entry(SHEET);
    if (!entry) throw new Error("no sheet");
    const read = async () => {
      for await (const chunk of zip.inflated(entry, 4 * MB)) void chunk;
    };
    await expect(read()).resolves.toBeUndefined();
    // The sample's sheet inflates to about 12 KB: a 4 KB limit refuses it.
    const refused = async () => {
      for await (const chunk of zip.inflated(entry, 4096)) void chunk;
    };
    await expect(refused()).rejects.toThrow(XlsxError);
    await expect(refused()).rejects.toMatchObject({
      kind: "too-large",
      text: { fr: expect.stringMatching(/^la partie xl\/worksheets\/sheet1\.xml du fichier dépasse 0 Mio/) },
    });
  } finally {
    zip.close();
  }
});

test("the limits are stated: 2 GiB for a streamed sheet, 32 MiB for a part read whole, 36 MiB for an element held", async () => {
  // Memory stays under 300 MB (test/xlsx/bombs.test.ts): what is held whole is held a few times over.
  const { STREAMED_PART_LIMIT, WHOLE_PART_LIMIT, HELD_XML_LIMIT } = await import("../../src/xlsx");
  expect([STREAMED_PART_LIMIT, WHOLE_PART_LIMIT, HELD_XML_LIMIT]).toEqual([2 * 2 ** 30, 32 * MB, 36 * MB]);
  // A file that is not a zip is refused before anything is written, saying what to do.
  const junk = path.join(dir, "junk.xlsx");
  await fs.writeFile(junk, "not a zip at all");
  await expect(openXlsxRegister(junk)).rejects.toMatchObject({
    kind: "unreadable",
    text: {
      fr: expect.stringContaining("enregistrez-le au format Classeur Excel (.xlsx) sans mot de passe"),
    },
  });
});
