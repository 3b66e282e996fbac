import { promises as fs } from "node:fs";
import { inflateRawSync } from "node:zlib";

/**
 * Reads the cells of one worksheet straight from an xlsx file (zip central directory + regex over
 * the sheet XML), so a formula's recalculated 0 is not confused with a blank: exceljs drops a
 * formula result of 0 when it reads a file.
 */

async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const buf = await fs.readFile(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

export interface RawCell {
  /** Number, text, "#N/A"-style error text, or "" for an empty result. */
  readonly value: number | string;
  readonly formula?: string;
}

/** The cells of the `index`-th worksheet (1-based, as xl/worksheets/sheetN.xml), by address. */
export async function sheetCells(file: string, index = 1): Promise<Map<string, RawCell>> {
  const zip = await zipEntries(file);
  const shared: string[] = [];
  const sst = zip.get("xl/sharedStrings.xml")?.toString("utf8") ?? "";
  for (const si of sst.match(/<si>[\s\S]*?<\/si>/g) ?? [])
    shared.push(
      unescape((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("")),
    );
  const xml = zip.get(`xl/worksheets/sheet${index}.xml`)?.toString("utf8");
  if (xml === undefined) throw new Error(`${file}: no sheet ${index}`);
  const cells = new Map<string, RawCell>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address, attrs = "", body = ""] = m;
    const type = /t="(\w+)"/.exec(attrs)?.[1] ?? "n";
    const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? "";
    const is = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    let value: number | string;
    if (type === "s") value = shared[Number(v)] ?? "";
    else if (type === "str" || type === "e") value = unescape(v);
    else if (type === "inlineStr") value = unescape(is ?? "");
    else if (type === "b") value = v === "1" ? 1 : 0;
    else value = v === "" ? "" : Number(v);
    cells.set(address as string, f === undefined ? { value } : { value, formula: unescape(f) });
  }
  return cells;
}
