import { promises as fs } from "node:fs";
import * as zlib from "node:zlib";
import JSZip from "jszip";
import { convertWithLibreOffice, FRENCH_LOCALE } from "./libreoffice";

/**
 * Printing workbooks to PDF with LibreOffice Calc headless, one sheet at a time, and reading the PDF:
 * its pages' sizes without a PDF library (here), their text items and pictures with pdf.js in
 * Chromium (test/support/pdf-reader.ts). Calc prints every visible sheet of a workbook, so a sheet is
 * printed from a copy where the others are hidden and it is the active one.
 */

// ---------------------------------------------------------------------------------------------------
// The PDF, read without a PDF library: LibreOffice writes plain objects; object streams (PDF 1.5) are
// inflated and read too, so a page object inside one is still counted.

export interface PdfPage {
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
export function pdfPages(pdf: Buffer): PdfPage[] {
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
export async function onlySheet(workbook: string, sheet: string, copy: string): Promise<void> {
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
 * Prints the workbooks to PDF with LibreOffice (one call, a fresh profile in the French locale, as a
 * French accountant's office suite is: number formats such as `#,##0.00 "€"` take their separators
 * from it — « 1 088,25 € », not « 1,088.25 € »), into `outdir`.
 */
export function printToPdf(files: readonly string[], outdir: string, profileDir: string): Promise<void> {
  return convertWithLibreOffice(files, {
    to: "pdf",
    outdir,
    profileDir,
    profile: FRENCH_LOCALE,
    timeoutMs: 180_000,
  });
}
