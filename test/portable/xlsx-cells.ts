import { promises as fs } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";

/**
 * Reads the cells of one worksheet straight from an xlsx file (fflate's unzip + a regex over the
 * sheet XML), so a formula's recalculated 0 is not confused with a blank: exceljs drops a formula
 * result of 0 when it reads a file.
 */

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
  const sheetPart = `xl/worksheets/sheet${index}.xml`;
  const zip = unzipSync(new Uint8Array(await fs.readFile(file)), {
    filter: (f) => f.name === sheetPart || f.name === "xl/sharedStrings.xml",
  });
  const text = (name: string): string | undefined => {
    const bytes = zip[name];
    return bytes && strFromU8(bytes);
  };
  const shared: string[] = [];
  for (const si of text("xl/sharedStrings.xml")?.match(/<si>[\s\S]*?<\/si>/g) ?? [])
    shared.push(
      unescape((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("")),
    );
  const xml = text(sheetPart);
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
