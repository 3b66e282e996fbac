/**
 * Zip bombs made from the OMI sample register: one part given a long run of whitespace (about 1 GiB
 * inflating from about 1 MB), without ever holding the run in memory. The run is one deflated MiB of
 * spaces (ended by a sync flush, so byte aligned) repeated: raw deflate blocks laid end to end are one
 * stream. The part's CRC-32 is computed over the whole text, so the file is a valid zip (unless the
 * variant makes its sizes lie on purpose).
 */
import { promises as fs } from "node:fs";
import * as zlib from "node:zlib";
import { unzipSync, Zip, type ZipInputFile } from "fflate";

export const SAMPLE_PARTS = {
  sheet: "xl/worksheets/sheet1.xml",
  otherSheet: "xl/worksheets/sheet2.xml",
  sharedStrings: "xl/sharedStrings.xml",
  styles: "xl/styles.xml",
} as const;

const MiB = 2 ** 20;

/** One part: its text before the run, the run's length in MiB (of `fill`), the text after it. */
export interface BombPart {
  readonly before: string;
  readonly runMiB: number;
  readonly after: string;
  /** The run's repeated text (default a space; "\r\n\t " mixes whitespace). */
  readonly fill?: string;
}

export interface BombOptions {
  /** The uncompressed size written in the zip records instead of the true one. */
  readonly declaredSize?: number;
}

interface RawEntry {
  readonly name: string;
  readonly crc: number;
  readonly size: number;
  readonly chunks: readonly Uint8Array[];
}

const syncFlush = (bytes: Buffer): Buffer =>
  zlib.deflateRawSync(bytes, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });

function bombEntry(name: string, part: BombPart, options: BombOptions): RawEntry {
  const unit = Buffer.alloc(MiB, part.fill ?? " ");
  const before = Buffer.from(part.before, "utf8");
  const after = Buffer.from(part.after, "utf8");
  const unitDeflated = syncFlush(unit);
  let crc = zlib.crc32(before);
  for (let i = 0; i < part.runMiB; i++) crc = zlib.crc32(unit, crc);
  crc = zlib.crc32(after, crc);
  const chunks: Uint8Array[] = [syncFlush(before)];
  for (let i = 0; i < part.runMiB; i++) chunks.push(unitDeflated);
  chunks.push(zlib.deflateRawSync(after, { level: 9 }));
  const size = before.length + part.runMiB * MiB + after.length;
  return { name, crc: crc >>> 0, size: options.declaredSize ?? size, chunks };
}

function plainEntry(name: string, bytes: Uint8Array): RawEntry {
  return { name, crc: zlib.crc32(bytes) >>> 0, size: bytes.length, chunks: [zlib.deflateRawSync(bytes)] };
}

/** Writes entries already deflated with fflate's streaming Zip (method 8, the CRC and size given). */
async function writeZip(file: string, entries: readonly RawEntry[]): Promise<void> {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const e of entries) {
    const input: ZipInputFile & { ondata?: (err: Error | null, chunk: Uint8Array, final: boolean) => void } =
      {
        filename: e.name,
        compression: 8,
        crc: e.crc,
        size: e.size,
        mtime: new Date(2026, 11, 7),
      };
    zip.add(input);
    const push = input.ondata as (err: Error | null, chunk: Uint8Array, final: boolean) => void;
    for (const c of e.chunks) push(null, c, false);
    push(null, new Uint8Array(0), true);
  }
  zip.end();
  await fs.writeFile(file, Buffer.concat(out));
}

/** The sample's part as text. */
export async function sampleText(sample: string, part: string): Promise<string> {
  const files = unzipSync(new Uint8Array(await fs.readFile(sample)));
  return Buffer.from(files[part] as Uint8Array).toString("utf8");
}

/**
 * Writes the sample with `parts` replaced by bombs (other parts as they are, plus `extra` new parts):
 * returns the zipped size.
 */
export async function writeBomb(
  sample: string,
  file: string,
  parts: Readonly<Record<string, BombPart>>,
  options: BombOptions = {},
): Promise<number> {
  const files = unzipSync(new Uint8Array(await fs.readFile(sample)));
  const names = [...new Set([...Object.keys(files), ...Object.keys(parts)])];
  const entries = names.map((name) => {
    const bomb = parts[name];
    return bomb ? bombEntry(name, bomb, options) : plainEntry(name, files[name] as Uint8Array);
  });
  await writeZip(file, entries);
  return (await fs.stat(file)).size;
}

/** Cuts `text` in two at the first match of `at` (kept after the cut, or before it with `keep: "before"`). */
export function cut(text: string, at: string | RegExp, keep: "after" | "before" = "after"): [string, string] {
  const m = typeof at === "string" ? { index: text.indexOf(at), length: at.length } : at.exec(text);
  const index = m ? (m as { index: number }).index : -1;
  if (index < 0) throw new Error(`no ${String(at)} in the part`);
  const length = typeof at === "string" ? at.length : (m as RegExpExecArray)[0].length;
  const split = keep === "after" ? index : index + length;
  return [text.slice(0, split), text.slice(split)];
}
