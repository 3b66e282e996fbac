/**
 * The rewritten sheet's deflate, run here from the TypeScript sources (ts-jest): the worker's code is
 * a string evaluated by `new Worker(code, { eval: true })`, the same string the command-line bundle
 * runs (test/xlsx/bombs.test.ts runs the bundle). Batches deflated one by one with the previous one's
 * last 32 KiB as dictionary must inflate, laid end to end, to the text given, with the zip's CRC-32.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { DeflatedPart, SHEET_DEFLATE_LEVEL } from "../../src/xlsx/deflated-part";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-deflate-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Rows of a register sheet, as the rewriter writes them, `count` of them. */
function rows(from: number, count: number): string {
  let xml = "";
  for (let r = from; r < from + count; r++)
    xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>OMI-${r} — « impayée » 😀</t></is></c><c r="K${r}" s="4"><v>${r % 400}</v></c></row>`;
  return xml;
}

async function deflated(
  part: DeflatedPart,
): Promise<{ bytes: Buffer; crc: number; size: number; compressedSize: number }> {
  const meta = await part.end();
  const chunks: Buffer[] = [];
  for await (const c of part.compressedChunks()) chunks.push(c);
  await part.dispose();
  return { bytes: Buffer.concat(chunks), ...meta };
}

test("batches written one after the other inflate to the whole text, with its CRC-32 and sizes", async () => {
  const part = new DeflatedPart(path.join(dir, "a.tmp"));
  const batches = [rows(1, 3000), "", rows(3001, 1), rows(3002, 5000), "</sheetData></worksheet>"];
  for (const b of batches) await part.write(b);
  const text = Buffer.from(batches.join(""), "utf8");
  const out = await deflated(part);
  expect(zlib.inflateRawSync(out.bytes).equals(text)).toBe(true);
  expect(out.crc).toBe(zlib.crc32(text) >>> 0);
  expect(out.size).toBe(text.length);
  expect(out.compressedSize).toBe(out.bytes.length);
  // The dictionary carries the last batch's text: about as small as one deflate of the whole text.
  expect(out.bytes.length).toBeLessThan(
    1.1 * zlib.deflateRawSync(text, { level: SHEET_DEFLATE_LEVEL }).length,
  );
});

test("a text longer than a batch is cut between characters, never inside a surrogate pair", async () => {
  const part = new DeflatedPart(path.join(dir, "b.tmp"));
  // 2^20 characters per slice: an emoji (two UTF-16 units) straddles every boundary.
  const text = `x${"😀".repeat(3 * 2 ** 19 + 7)}`;
  await part.write(text);
  const out = await deflated(part);
  expect(zlib.inflateRawSync(out.bytes).toString("utf8")).toBe(text);
});

test("past its memory limit the compressed bytes go to the spill file, read back in order, then removed", async () => {
  const spill = path.join(dir, "c.tmp");
  const part = new DeflatedPart(spill, 64 * 1024);
  let text = "";
  for (let k = 0; k < 20; k++) {
    const batch = rows(k * 2000 + 1, 2000);
    text += batch;
    await part.write(batch);
  }
  const meta = await part.end();
  expect(meta.compressedSize).toBeGreaterThan(64 * 1024);
  await expect(fs.stat(spill)).resolves.toBeDefined();
  const chunks: Buffer[] = [];
  for await (const c of part.compressedChunks()) chunks.push(c);
  expect(zlib.inflateRawSync(Buffer.concat(chunks)).toString("utf8")).toBe(text);
  await part.dispose();
  await expect(fs.stat(spill)).rejects.toThrow();
});

test("an empty part is a valid deflate stream of nothing", async () => {
  const out = await deflated(new DeflatedPart(path.join(dir, "d.tmp")));
  expect(zlib.inflateRawSync(out.bytes).length).toBe(0);
  expect([out.size, out.crc]).toEqual([0, 0]);
});

test("pieces put one by one fill batches that are given back and filled again: the text comes out whole, in order", async () => {
  const part = new DeflatedPart(path.join(dir, "e.tmp"));
  const pieces: string[] = [];
  // About 19 MB of short pieces (more than the batches in flight and the spares: each batch's memory
  // is filled several times), a long text between them, multi-byte characters at every size.
  for (let r = 1; r <= 200_000; r++) {
    pieces.push(`<row r="${r}">`, `<c r="A${r}" t="inlineStr"><is><t>Société ${r} — 😀</t></is></c>`);
    pieces.push(r % 50_000 === 0 ? `<!--${"é".repeat(300_000)}-->` : "", "</row>");
  }
  for (const p of pieces) {
    part.put(p);
    if (part.behind) await part.drained();
  }
  const text = pieces.join("");
  const out = await deflated(part);
  const inflated = zlib.inflateRawSync(out.bytes);
  expect(inflated.toString("utf8")).toBe(text);
  expect(out.size).toBe(Buffer.byteLength(text, "utf8"));
  expect(out.crc).toBe(zlib.crc32(inflated) >>> 0);
});

test("what is put and what is written keep their order (the tail written after rows put)", async () => {
  const part = new DeflatedPart(path.join(dir, "f.tmp"));
  part.put("<sheetData>");
  part.put(rows(1, 10));
  await part.write("</sheetData>");
  part.put("<pageMargins/>");
  const out = await deflated(part);
  expect(zlib.inflateRawSync(out.bytes).toString("utf8")).toBe(
    `<sheetData>${rows(1, 10)}</sheetData><pageMargins/>`,
  );
});
