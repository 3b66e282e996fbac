import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { runMain } from "../cli/run-main";
import { SOFFICE } from "../support/libreoffice";
import { CHROMIUM } from "../support/browser";
import { onlySheet, pdfPages, printToPdf, type PdfPage } from "../support/printing";
import { readPdfs, type ReadPdf } from "../support/pdf-reader";
import { printedCells } from "../support/printed-cells";
import { printProblems } from "../support/printed-text";

/**
 * Issues 15 and 21, « sheets that print » and « what an auditor sees on paper »: the result workbooks
 * of `echeance apply` (an invoice register and a subscription register) and of `echeance report` are
 * printed to PDF by LibreOffice Calc headless under a French locale, each sheet on its own. The pages
 * are counted and measured; pdf.js (in Chromium) reads every text item of every page with its box,
 * and each sheet's print is checked against its cells: every cell's text printed whole, none cut by
 * the next cell or run into it, no text box over another (test/support/printed-text.ts). Every page
 * is drawn into out/print-<sheet>-<page>.png to be looked at.
 */

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "out");

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

const pdfOf = (dir: string, xlsx: string): string => path.join(dir, path.basename(xlsx, ".xlsx") + ".pdf");

// A4 is 297 × 210 mm = 841.89 × 595.28 pt; Letter would be 792 × 612.
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

function expectA4Landscape(pages: readonly PdfPage[]): void {
  for (const page of pages) {
    expect(page.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
    expect(page.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
  }
}

/** The names of a workbook's sheets, in order. */
async function sheetNames(workbook: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(workbook));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    (m[1] as string).replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
  );
}

/** One printed sheet: the workbook it comes from, its name there, and its copy printed alone. */
interface PrintedSheet {
  readonly workbook: string;
  readonly sheet: string;
  readonly copy: string;
}

type SheetKey = "register" | "notes" | "subscriptions" | "delays" | "aging" | "reference";

describeLo("result sheets printed by LibreOffice", () => {
  let dir = "";
  const sheets = {} as Record<SheetKey, PrintedSheet>;
  const pdfs = { omi: "", report: "" };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-print-"));
    const omi = path.join(dir, "omi.xlsx");
    const subscriptions = path.join(dir, "omi-abonnements.xlsx");
    const report = path.join(dir, "d441-6.xlsx");
    const portable = path.join(dir, "omi-portable.xlsx");
    const sample = path.join(ROOT, "samples/omi-factures.xlsx");
    const asOf = ["--vendor", "omi", "--as-of", "2026-06-30"];
    expect(await runMain("apply", sample, ...asOf, "-o", omi)).toMatchObject({ code: 0 });
    const subscriptionSample = path.join(ROOT, "samples/omi-abonnements.xlsx");
    expect(await runMain("apply", subscriptionSample, ...asOf, "-o", subscriptions)).toMatchObject({
      code: 0,
    });
    expect(await runMain("apply", sample, ...asOf, "--output", "portable", "-o", portable)).toMatchObject({
      code: 0,
    });
    // With the year's purchases (850 000 € excl. VAT), so that the percentages row is printed too.
    const reported = await runMain(
      "report",
      sample,
      "--vendor",
      "omi",
      "--closing",
      "2025-12-31",
      "--kind",
      "received",
      "--total-excl-vat",
      "850000",
      "-o",
      report,
    );
    expect(reported).toMatchObject({ code: 0 });
    const [table = "", aging = ""] = await sheetNames(report);
    const one = (key: SheetKey, workbook: string, sheet: string): void => {
      sheets[key] = { workbook, sheet, copy: path.join(dir, `${key}.xlsx`) };
    };
    one("register", omi, "Factures");
    one("notes", omi, "Notes");
    one("subscriptions", subscriptions, "Abonnements");
    one("delays", report, table);
    one("aging", report, aging);
    // The portable formulas' reference sheet, the last of the portable copy's sheets.
    one("reference", portable, (await sheetNames(portable)).at(-1) ?? "");
    for (const s of Object.values(sheets)) await onlySheet(s.workbook, s.sheet, s.copy);
    const copies = Object.values(sheets).map((s) => s.copy);
    await printToPdf([omi, report, portable, ...copies], dir, path.join(dir, "profile"));
    pdfs.omi = pdfOf(dir, omi);
    pdfs.report = pdfOf(dir, report);
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const pagesOf = async (key: SheetKey): Promise<PdfPage[]> =>
    pdfPages(await fs.readFile(pdfOf(dir, sheets[key].copy)));

  test("the 50-row OMI register prints on one A4 landscape page, all its columns on it", async () => {
    // The copy's page setup: A4 landscape, fitted to one page wide, as many tall as needed, row 1
    // repeated; the sample's margins 0.7 in left and right, 0.75 in top and bottom.
    // Width: its 15 columns (the sample's sized to their longest text, then Échéance's six) are
    // 15+28+14+17+13+12+14+23+28+18+19+22+30+19+40 = 312 characters; a column of w characters is
    // 7w + 5 px of Calibri 11 (5 px of padding), so 312·7 + 15·5 = 2,259 px = 1,694 pt at 96 px per
    // inch. The printable width is 841.9 − 2·50.4 = 741 pt: the scale that fits one page wide is
    // 741 / 1,694 = 43.7 %, 43 % in whole percents.
    // Height: the header and 50 rows of 15 pt are 51 · 15 = 765 pt, 329 pt at 43 %; the printable
    // height is 595.3 − 2·54 = 487 pt (75 rows of 15 pt at 43 %). One page, then — where the copy
    // printed as it was (portrait, 100 %) it took 11 pages, columns spilling onto pages of their own.
    const pages = await pagesOf("register");
    expect(pages).toHaveLength(1);
    expectA4Landscape(pages);
  });

  test("the D441-6 table prints on exactly one A4 landscape page", async () => {
    // Fitted to one page wide and one page tall (it is published as one table): one page whatever
    // its rows, landscape A4 as the report writes it (paperSize 9).
    const pages = await pagesOf("delays");
    expect(pages).toHaveLength(1);
    expectA4Landscape(pages);
  });

  test("the aging of the OMI sample prints on one A4 landscape page", async () => {
    // Columns 30 + 6 · 17 = 132 characters = 132·7 + 7·5 = 959 px = 719 pt: under the 741 pt of
    // width, so 100 %; 3 title rows and a few vendor/total rows of 15 pt are well under 487 pt.
    const pages = await pagesOf("aging");
    expect(pages).toHaveLength(1);
    expectA4Landscape(pages);
  });

  test("the portable reference sheet prints A4 landscape, one page wide", async () => {
    // Its columns (src/portable/reference.ts): the half-year and its dates (12 characters each), the
    // rates (16 each, one per vendor and client type after the legal ones), a gap of 3, then a date
    // (12) and a name (22) per holiday calendar — far wider than a page; fitted to one page wide, the
    // rows of rates and holidays run down as many pages as they need, never across.
    const pages = await pagesOf("reference");
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expectA4Landscape(pages);
    const read = pdfPages(await fs.readFile(pdfOf(dir, sheets.reference.workbook)));
    // The portable copy prints as the sum of its sheets: the reference sheet adds pages tall, no
    // page of columns cut off on their own.
    expect(read).toHaveLength(
      (await pagesOf("register")).length + (await pagesOf("notes")).length + pages.length,
    );
  });

  test("each workbook prints as the sum of its sheets: nothing spills a page wide", async () => {
    const omi = pdfPages(await fs.readFile(pdfs.omi));
    expect(omi).toHaveLength((await pagesOf("register")).length + (await pagesOf("notes")).length);
    const report = pdfPages(await fs.readFile(pdfs.report));
    // The report workbook is its two sheets, one page each.
    expect(report).toHaveLength(2);
    expect(report).toHaveLength((await pagesOf("delays")).length + (await pagesOf("aging")).length);
  });

  describe("what pdf.js reads on the printed pages", () => {
    const read = new Map<string, ReadPdf>();
    const readSheet = (key: SheetKey): ReadPdf => {
      const pdf = read.get(key);
      if (!pdf) throw new Error(`${key} was not read`);
      return pdf;
    };

    beforeAll(async () => {
      if (!(existsSync(CHROMIUM) || process.env.CI)) return;
      const files = new Map(Object.entries(sheets).map(([key, s]) => [key, pdfOf(dir, s.copy)]));
      for (const [key, pdf] of await readPdfs(files)) read.set(key, pdf);
      // Every page of every printed sheet, to be looked at.
      await fs.mkdir(OUT, { recursive: true });
      for (const [key, pdf] of read)
        for (const [n, png] of pdf.pngs.entries())
          await fs.writeFile(path.join(OUT, `print-${key}-${n + 1}.png`), png);
    }, 120_000);

    testInBrowser.each(["register", "notes", "subscriptions", "delays", "aging", "reference"] as const)(
      "%s: every cell's text is printed whole, none cut by the next cell or run into it, no text over another",
      async (key) => {
        const cells = await printedCells(sheets[key].copy, sheets[key].sheet);
        // The sheet holds text to check (a vacuous pass on an empty read would prove nothing).
        expect(cells.length).toBeGreaterThan(0);
        expect(readSheet(key).items.length).toBeGreaterThan(0);
        expect(printProblems(readSheet(key).items, cells)).toEqual([]);
      },
    );

    testInBrowser("the register's page: all its columns, the first and last invoices, French money", () => {
      const register = readSheet("register");
      // pdf.js agrees with the page count read from the file; the drawing is landscape.
      expect(register.pages).toBe(1);
      expect(register.width).toBeGreaterThan(register.height);
      const text = (register.texts[0] ?? "").replace(/\s+/g, " ");
      // Every column is on the page: the register's first and last headers, the results' last one.
      expect(text).toContain("N° facture");
      expect(text).toContain("Commentaire");
      expect(text).toContain("Statut");
      // The first and the last invoice of the sample are on it (all 50 rows on the one page).
      expect(text).toContain("OMI-2024-0001");
      expect(text).toContain("OMI-2026-0050");
      // Money as a French accountant reads it: the first invoice's amount, 11166.4 in E2 of the
      // sample, as « 11 166,40 € » (a space, no-break or narrow no-break, between thousands).
      expect(text).toMatch(/11[\s\u00a0\u202f]166,40[\s\u00a0\u202f]€/);
    });

    testInBrowser("the D441-6 table's page: its headings, French amounts and dates, no ISO date", () => {
      const delays = readSheet("delays");
      expect(delays.pages).toBe(1);
      expect(delays.width).toBeGreaterThan(delays.height);
      const text = (delays.texts[0] ?? "").replace(/\s+/g, " ");
      expect(text).toContain("91 jours et plus");
      // Its amounts in French: thousands spaced, a decimal comma, the euro sign after.
      expect(text).toMatch(/\d{1,3}(?:[\s\u00a0\u202f]\d{3})+,\d{2}[\s\u00a0\u202f]€/);
      expect(text).not.toMatch(/\d,\d{3}\.\d{2}/);
      // The closing date as a French accountant writes it, in the cell and in the note; the only
      // ISO-looking date left is the one quoted in a row error (« date Excel, 2025-03-31 ou
      // 31/03/2025 »: the forms a date may be typed in).
      expect(text).toContain("Calculé par Échéance au 31/12/2025 (date de clôture)");
      expect(text.replace("2025-03-31 ou 31/03/2025", "")).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      // The share of the year's purchases: 70 119,81 € of 850 000 € = 8,249… % → « 8,25 % ».
      expect(text).toMatch(/8,25[\s\u00a0\u202f]?%/);
    });

    testInBrowser("the aging's page: its title dated as a French accountant writes it", () => {
      const text = (readSheet("aging").texts[0] ?? "").replace(/\s+/g, " ");
      expect(text).toContain("Balance âgée au 31/12/2025");
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    });
  });
});
