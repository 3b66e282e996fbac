import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import JSZip from "jszip";
import { runMain } from "../cli/run-main";
import { convertWithLibreOffice, FRENCH_LOCALE, SOFFICE } from "../support/libreoffice";
import { CHROMIUM, launchChromium } from "../support/browser";

/**
 * Issue 15, « sheets that print »: the result workbooks of `echeance apply` and `echeance report` are
 * printed to PDF by LibreOffice Calc headless, each sheet on its own, and the pages are counted and
 * measured; pdf.js (in Chromium) reads each page's text and draws the first page into out/ to be
 * looked at. Calc prints every visible sheet of a workbook, so each sheet is printed from a copy where
 * the others are hidden and it is the active one (a hidden active sheet is shown again on load).
 */

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "out");
const PDFJS = path.join(ROOT, "node_modules/pdfjs-dist/build");

if (!SOFFICE && !process.env.CI) {
  console.warn(
    "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n" +
      "!! RESULT SHEETS NOT PRINTED: LibreOffice (soffice) is not installed.                  !!\n" +
      "!! Install it: apt-get install -y libreoffice-calc-nogui — under CI this test fails.   !!\n" +
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n",
  );
}
const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;
const testInBrowser = existsSync(CHROMIUM) || process.env.CI ? test : test.skip;

// ---------------------------------------------------------------------------------------------------
// The PDF, read without a PDF library: LibreOffice writes plain objects; object streams (PDF 1.5) are
// inflated and read too, so a page object inside one is still counted.

interface PdfPage {
  /** Width and height in points (1/72 in), from the page's MediaBox or the one it inherits. */
  readonly width: number;
  readonly height: number;
}

interface PdfObject {
  readonly id: number;
  readonly dict: string;
}

function pdfObjects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString("latin1");
  const objects: PdfObject[] = [];
  const objRe = /(\d+)\s+\d+\s+obj\b([\s\S]*?)endobj/g;
  for (let m = objRe.exec(text); m; m = objRe.exec(text)) {
    const id = Number(m[1]);
    const body = m[2] as string;
    const streamAt = body.indexOf("stream");
    const dict = streamAt >= 0 ? body.slice(0, streamAt) : body;
    objects.push({ id, dict });
    if (/\/Type\s*\/ObjStm\b/.test(dict) && streamAt >= 0) {
      // The objects compressed in the stream: "id offset" pairs, then their bodies from /First on.
      const start = m.index + m[0].indexOf("stream") + "stream".length;
      const dataStart = text[start] === "\r" ? start + 2 : start + 1;
      const dataEnd = text.lastIndexOf("endstream", m.index + m[0].length);
      if (!/\/FlateDecode\b/.test(dict)) throw new Error(`object stream ${id} is not FlateDecode`);
      const inflated = zlib.inflateSync(pdf.subarray(dataStart, dataEnd)).toString("latin1");
      const n = Number(/\/N\s+(\d+)/.exec(dict)?.[1]);
      const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1]);
      const pairs = inflated.slice(0, first).trim().split(/\s+/).map(Number);
      for (let k = 0; k < n; k++) {
        const from = first + (pairs[2 * k + 1] as number);
        const to = k + 1 < n ? first + (pairs[2 * k + 3] as number) : inflated.length;
        objects.push({ id: pairs[2 * k] as number, dict: inflated.slice(from, to) });
      }
    }
  }
  return objects;
}

/** The pages of a PDF, in no particular order, checked against the page tree's own /Count. */
function pdfPages(pdf: Buffer): PdfPage[] {
  const objects = pdfObjects(pdf);
  const byId = new Map(objects.map((o) => [o.id, o.dict]));
  // "/Type /Page" and not "/Type /Pages" (the page tree's nodes).
  const isPage = (dict: string): boolean => /\/Type\s*\/Page(?![A-Za-z])/.test(dict);
  const mediaBox = (dict: string): number[] | undefined => {
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(dict);
    if (box) return (box[1] as string).trim().split(/\s+/).map(Number);
    const parent = /\/Parent\s+(\d+)\s+\d+\s+R/.exec(dict);
    const up = parent ? byId.get(Number(parent[1])) : undefined;
    return up === undefined ? undefined : mediaBox(up);
  };
  const pages = objects
    .filter((o) => isPage(o.dict))
    .map((o) => {
      const box = mediaBox(o.dict);
      if (!box || box.length !== 4) throw new Error(`page object ${o.id} has no MediaBox`);
      const [x0, y0, x1, y1] = box as [number, number, number, number];
      return { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
    });
  // The root of the page tree is the /Pages node without a /Parent: its /Count is every page.
  const root = objects.find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict));
  const count = Number(root ? /\/Count\s+(\d+)/.exec(root.dict)?.[1] : NaN);
  if (count !== pages.length)
    throw new Error(`the PDF's page tree counts ${count} pages, ${pages.length} page objects found`);
  return pages;
}

// ---------------------------------------------------------------------------------------------------
// One sheet of a workbook, printed alone.

/** A copy of `workbook` where only `sheet` is visible, and active (the others hidden). */
async function onlySheet(workbook: string, sheet: string, copy: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(workbook));
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error(`${workbook} has no xl/workbook.xml`);
  let xml = await part.async("string");
  const sheets = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const nameOf = (tag: string): string =>
    (/\bname="([^"]*)"/.exec(tag)?.[1] ?? "").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const active = sheets.findIndex((tag) => nameOf(tag) === sheet);
  if (active < 0) throw new Error(`${workbook} has no sheet « ${sheet} »: ${sheets.map(nameOf).join(", ")}`);
  for (const tag of sheets) {
    const plain = tag.replace(/\s+state="[^"]*"/, "");
    xml = xml.replace(
      tag,
      nameOf(tag) === sheet ? plain : plain.replace("<sheet ", '<sheet state="hidden" '),
    );
  }
  // bookViews sits between workbookPr and sheets (CT_Workbook's sequence).
  xml = xml.replace(/<bookViews>[\s\S]*?<\/bookViews>|<bookViews\/>/, "");
  xml = xml.replace("<sheets>", `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>`);
  zip.file("xl/workbook.xml", xml);
  await fs.writeFile(copy, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/**
 * A profile set to the French locale, as a French accountant's office suite is: number formats such
 * as `#,##0.00 "€"` take their separators from it (« 1 088,25 € », not « 1,088.25 € »).
 */
/** Prints the workbooks to PDF with LibreOffice (one call, a fresh French profile), into `outdir`. */
function printToPdf(files: readonly string[], outdir: string, profileDir: string): Promise<void> {
  return convertWithLibreOffice(files, {
    to: "pdf",
    outdir,
    profileDir,
    profile: FRENCH_LOCALE,
    timeoutMs: 180_000,
  });
}

/** A page that loads pdf.js as a module (the test's own code is CommonJS) and leaves it on window. */
const PDFJS_PAGE = `<!doctype html><script type="module">
import * as pdfjsLib from "/pdf.min.mjs";
pdfjsLib.GlobalWorkerOptions.workerSrc = "/pdf.worker.min.mjs";
window.pdfjsLib = pdfjsLib;
</script>`;

const pdfOf = (dir: string, xlsx: string): string => path.join(dir, path.basename(xlsx, ".xlsx") + ".pdf");

// A4 is 297 × 210 mm = 841.89 × 595.28 pt; Letter would be 792 × 612.
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

function expectA4Landscape(pages: readonly PdfPage[]): void {
  for (const page of pages) {
    expect(page.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
    expect(page.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
  }
}

describeLo("result sheets printed by LibreOffice", () => {
  let dir = "";
  const sheets = {
    register: "",
    notes: "",
    delays: "",
    aging: "",
  };
  const pdfs = { omi: "", report: "" };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-print-"));
    const omi = path.join(dir, "omi.xlsx");
    const report = path.join(dir, "d441-6.xlsx");
    const sample = path.join(ROOT, "samples/omi-factures.xlsx");
    const applied = await runMain("apply", sample, "--vendor", "omi", "--as-of", "2026-06-30", "-o", omi);
    expect(applied).toMatchObject({ code: 0 });
    const reported = await runMain(
      "report",
      sample,
      "--vendor",
      "omi",
      "--closing",
      "2025-12-31",
      "--kind",
      "received",
      "-o",
      report,
    );
    expect(reported).toMatchObject({ code: 0 });
    sheets.register = path.join(dir, "omi-Factures.xlsx");
    sheets.notes = path.join(dir, "omi-Notes.xlsx");
    sheets.delays = path.join(dir, "d441-6-table.xlsx");
    sheets.aging = path.join(dir, "d441-6-aging.xlsx");
    await onlySheet(omi, "Factures", sheets.register);
    await onlySheet(omi, "Notes", sheets.notes);
    await onlySheet(report, "Délais de paiement D441-6", sheets.delays);
    await onlySheet(report, "Balance âgée", sheets.aging);
    await printToPdf([omi, report, ...Object.values(sheets)], dir, path.join(dir, "profile"));
    pdfs.omi = pdfOf(dir, omi);
    pdfs.report = pdfOf(dir, report);
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the 50-row OMI register prints on one A4 landscape page, all its columns on it", async () => {
    // The copy's page setup: A4 landscape, fitted to one page wide, as many tall as needed, row 1
    // repeated; the sample's margins 0.7 in left and right, 0.75 in top and bottom.
    // Width: its 15 columns are 12+12+14+17+13+12+14+23+13+18+19+22+30+19+40 = 278 characters; a
    // column of w characters is 7w + 5 px of Calibri 11 (5 px of padding), so 278·7 + 15·5 = 2,021 px
    // = 1,516 pt at 96 px per inch. The printable width is 841.9 − 2·50.4 = 741 pt: the scale that
    // fits one page wide is 741 / 1,516 = 48.9 %, 48 % in whole percents.
    // Height: the header and 50 rows of 15 pt are 51 · 15 = 765 pt, 367 pt at 48 %; the printable
    // height is 595.3 − 2·54 = 487 pt (67 rows of 15 pt at 48 %). One page, then — where the copy
    // printed as it was (portrait, 100 %) it took 11 pages, columns spilling onto pages of their own.
    const pages = pdfPages(await fs.readFile(pdfOf(dir, sheets.register)));
    expect(pages).toHaveLength(1);
    expectA4Landscape(pages);
  });

  test("the D441-6 table prints on exactly one A4 landscape page", async () => {
    // Fitted to one page wide and one page tall (it is published as one table): one page whatever
    // its rows, landscape A4 as the report writes it (paperSize 9).
    const pages = pdfPages(await fs.readFile(pdfOf(dir, sheets.delays)));
    expect(pages).toHaveLength(1);
    expectA4Landscape(pages);
  });

  test("the aging of the OMI sample prints on one A4 landscape page", async () => {
    // Columns 30 + 6 · 15 = 120 characters = 120·7 + 7·5 = 875 px = 656 pt: under the 741 pt of
    // width, so 100 %; 3 title rows and a few vendor/total rows of 15 pt are well under 487 pt.
    const pages = pdfPages(await fs.readFile(pdfOf(dir, sheets.aging)));
    expect(pages).toHaveLength(1);
    expectA4Landscape(pages);
  });

  test("each workbook prints as the sum of its sheets: nothing spills a page wide", async () => {
    const sum = async (...files: string[]): Promise<number> => {
      let n = 0;
      for (const f of files) n += pdfPages(await fs.readFile(pdfOf(dir, f))).length;
      return n;
    };
    const omi = pdfPages(await fs.readFile(pdfs.omi));
    expect(omi).toHaveLength(await sum(sheets.register, sheets.notes));
    const report = pdfPages(await fs.readFile(pdfs.report));
    // The report workbook is its two sheets, one page each.
    expect(report).toHaveLength(2);
    expect(report).toHaveLength(await sum(sheets.delays, sheets.aging));
  });

  testInBrowser(
    "pdf.js reads the printed pages: headers, French money, and draws the first pages into out/",
    async () => {
      const browser = await launchChromium({ width: 1800, height: 1300 });
      try {
        const { page } = browser;
        const files = new Map<string, string>([
          ["/pdf.min.mjs", path.join(PDFJS, "pdf.min.mjs")],
          ["/pdf.worker.min.mjs", path.join(PDFJS, "pdf.worker.min.mjs")],
          ["/register.pdf", pdfOf(dir, sheets.register)],
          ["/delays.pdf", pdfOf(dir, sheets.delays)],
        ]);
        // Every request is answered here: nothing reaches the network (pdf.test does not resolve).
        await page.route("http://pdf.test/**", async (route) => {
          const url = new URL(route.request().url());
          const file = files.get(url.pathname);
          if (url.pathname === "/") return route.fulfill({ contentType: "text/html", body: PDFJS_PAGE });
          if (!file) return route.fulfill({ status: 404, body: "" });
          const contentType = file.endsWith(".pdf") ? "application/pdf" : "text/javascript";
          return route.fulfill({ contentType, body: await fs.readFile(file) });
        });
        await page.goto("http://pdf.test/");
        await page.waitForFunction(() => "pdfjsLib" in window);
        const read = async (
          name: string,
        ): Promise<{
          pages: number;
          texts: string[];
          lines: { x: number; y: number; height: number; str: string }[];
          png: string;
          width: number;
          height: number;
        }> =>
          page.evaluate(async (url) => {
            interface PdfDocument {
              numPages: number;
              getPage: (n: number) => Promise<PdfPageProxy>;
            }
            interface PdfPageProxy {
              getViewport: (o: { scale: number }) => { width: number; height: number };
              getTextContent: () => Promise<{
                items: { str?: string; hasEOL?: boolean; transform?: number[]; height?: number }[];
              }>;
              render: (o: { canvas: HTMLCanvasElement; viewport: unknown }) => { promise: Promise<void> };
            }
            const pdfjs = (
              window as unknown as {
                pdfjsLib: { getDocument: (src: string) => { promise: Promise<PdfDocument> } };
              }
            ).pdfjsLib;
            const doc = await pdfjs.getDocument(url).promise;
            const texts: string[] = [];
            const lines: { x: number; y: number; height: number; str: string }[] = [];
            for (let n = 1; n <= doc.numPages; n++) {
              const content = await (await doc.getPage(n)).getTextContent();
              texts.push(content.items.map((i) => (i.str ?? "") + (i.hasEOL ? "\n" : " ")).join(""));
              if (n === 1)
                for (const i of content.items)
                  if (i.str?.trim() && i.transform)
                    lines.push({
                      x: i.transform[4] ?? 0,
                      y: i.transform[5] ?? 0,
                      height: i.height ?? 0,
                      str: i.str,
                    });
            }
            const first = await doc.getPage(1);
            const viewport = first.getViewport({ scale: 2 });
            const canvas = document.createElement("canvas");
            canvas.width = Math.ceil(viewport.width);
            canvas.height = Math.ceil(viewport.height);
            const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
            ctx.fillStyle = "white";
            ctx.fillRect(0, 0, canvas.width, canvas.height);
            await first.render({ canvas, viewport }).promise;
            return {
              pages: doc.numPages,
              texts,
              lines,
              png: canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, ""),
              width: canvas.width,
              height: canvas.height,
            };
          }, `http://pdf.test/${name}.pdf`);

        await fs.mkdir(OUT, { recursive: true });
        const register = await read("register");
        await fs.writeFile(path.join(OUT, "print-omi-register.png"), Buffer.from(register.png, "base64"));
        const delays = await read("delays");
        await fs.writeFile(path.join(OUT, "print-d441-6.png"), Buffer.from(delays.png, "base64"));

        // pdf.js agrees with the page count read from the file; the drawing is landscape.
        expect(register.pages).toBe(1);
        expect(register.width).toBeGreaterThan(register.height);
        const registerText = (register.texts[0] ?? "").replace(/\s+/g, " ");
        // Every column is on the page: the register's first and last headers, the results' last one.
        expect(registerText).toContain("N° facture");
        expect(registerText).toContain("Commentaire");
        expect(registerText).toContain("Statut");
        // The first and the last invoice of the sample are on it (all 50 rows on the one page).
        expect(registerText).toContain("OMI-2024-0001");
        expect(registerText).toContain("OMI-2026-0050");
        // Money as a French accountant reads it: the first invoice's amount, 11166.4 in E2 of the
        // sample, as « 11 166,40 € » (a space, no-break or narrow no-break, between thousands).
        expect(registerText).toMatch(/11[\s\u00a0\u202f]166,40[\s\u00a0\u202f]€/);

        expect(delays.pages).toBe(1);
        expect(delays.width).toBeGreaterThan(delays.height);
        const delaysText = (delays.texts[0] ?? "").replace(/\s+/g, " ");
        expect(delaysText).toContain("91 jours et plus");
        // Its amounts in French: thousands spaced, a decimal comma, the euro sign after.
        expect(delaysText).toMatch(/\d{1,3}(?:[\s\u00a0\u202f]\d{3})+,\d{2}[\s\u00a0\u202f]€/);
        expect(delaysText).not.toMatch(/\d,\d{3}\.\d{2}/);
        // The first column's wrapped headings and notes print line under line, none over the next
        // row: the lines starting at the left margin are at least a line's height apart.
        const left = Math.min(...delays.lines.map((l) => l.x));
        const column = delays.lines.filter((l) => Math.abs(l.x - left) < 1).sort((a, b) => b.y - a.y);
        const overlaps = column.slice(1).filter((l, k) => {
          const above = column[k] as { y: number; height: number; str: string };
          return above.y - l.y < 0.9 * Math.min(above.height, l.height);
        });
        expect(overlaps.map((l) => l.str)).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
