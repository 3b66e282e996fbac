import { promises as fs } from "node:fs";
import * as path from "node:path";
import { launchChromium } from "./browser";
import type { PrintedItem } from "./printed-text";

/**
 * PDF files read by pdf.js in Chromium (pdf.js is an ES module; the tests are CommonJS): every page's
 * text items with their boxes, and every page drawn to a PNG to be looked at. Nothing reaches the
 * network: each request of the page is answered from here (pdf.test does not resolve).
 */

const PDFJS = path.resolve(__dirname, "../../node_modules/pdfjs-dist/build");

/** A page that loads pdf.js as a module and leaves it on window. */
const PDFJS_PAGE = `<!doctype html><script type="module">
import * as pdfjsLib from "/pdf.min.mjs";
pdfjsLib.GlobalWorkerOptions.workerSrc = "/pdf.worker.min.mjs";
window.pdfjsLib = pdfjsLib;
</script>`;

export interface ReadPdf {
  readonly pages: number;
  /** Each page's text, items joined (a line break after an item that ends a line). */
  readonly texts: readonly string[];
  /** Every page's text items, in PDF units. */
  readonly items: readonly PrintedItem[];
  /** Each page drawn at twice its size, as PNG bytes. */
  readonly pngs: readonly Buffer[];
  /** The first page's drawing's size in pixels. */
  readonly width: number;
  readonly height: number;
}

interface InPage {
  pages: number;
  texts: string[];
  items: PrintedItem[];
  pngs: string[];
  width: number;
  height: number;
}

/** Reads the PDF files (name → path) in one Chromium session. */
export async function readPdfs(files: ReadonlyMap<string, string>): Promise<Map<string, ReadPdf>> {
  const browser = await launchChromium({ width: 1800, height: 1300 });
  try {
    const { page } = browser;
    const served = new Map<string, string>([
      ["/pdf.min.mjs", path.join(PDFJS, "pdf.min.mjs")],
      ["/pdf.worker.min.mjs", path.join(PDFJS, "pdf.worker.min.mjs")],
      ...[...files].map(([name, file]): [string, string] => [`/${name}.pdf`, file]),
    ]);
    await page.route("http://pdf.test/**", async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === "/") return route.fulfill({ contentType: "text/html", body: PDFJS_PAGE });
      const file = served.get(decodeURIComponent(url.pathname));
      if (!file) return route.fulfill({ status: 404, body: "" });
      const contentType = file.endsWith(".pdf") ? "application/pdf" : "text/javascript";
      return route.fulfill({ contentType, body: await fs.readFile(file) });
    });
    await page.goto("http://pdf.test/");
    await page.waitForFunction(() => "pdfjsLib" in window);
    const read = new Map<string, ReadPdf>();
    for (const name of files.keys()) {
      const r: InPage = await page.evaluate(readInPage, `http://pdf.test/${encodeURIComponent(name)}.pdf`);
      read.set(name, { ...r, pngs: r.pngs.map((png) => Buffer.from(png, "base64")) });
    }
    return read;
  } finally {
    await browser.close();
  }
}

/** Runs in the page: pdf.js's text content and drawing of every page. */
async function readInPage(url: string): Promise<InPage> {
  interface PdfPageProxy {
    getViewport: (o: { scale: number }) => { width: number; height: number };
    getTextContent: () => Promise<{
      items: { str?: string; hasEOL?: boolean; transform?: number[]; width?: number; height?: number }[];
    }>;
    render: (o: { canvas: HTMLCanvasElement; viewport: unknown }) => { promise: Promise<void> };
  }
  const pdfjs = (
    window as unknown as {
      pdfjsLib: {
        getDocument: (src: string) => {
          promise: Promise<{ numPages: number; getPage: (n: number) => Promise<PdfPageProxy> }>;
        };
      };
    }
  ).pdfjsLib;
  const doc = await pdfjs.getDocument(url).promise;
  const texts: string[] = [];
  const items: PrintedItem[] = [];
  const pngs: string[] = [];
  let size = { width: 0, height: 0 };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((i) => (i.str ?? "") + (i.hasEOL ? "\n" : " ")).join(""));
    for (const i of content.items)
      if (i.str !== undefined && i.transform)
        items.push({
          page: n,
          str: i.str,
          x: i.transform[4] ?? 0,
          y: i.transform[5] ?? 0,
          width: i.width ?? 0,
          height: i.height ?? 0,
        });
    const viewport = page.getViewport({ scale: 2 });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    if (n === 1) size = { width: canvas.width, height: canvas.height };
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, viewport }).promise;
    pngs.push(canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, ""));
  }
  return { pages: doc.numPages, texts, items, pngs, ...size };
}
