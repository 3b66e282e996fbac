import type { FileHandle } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";

/**
 * The zip container of an xlsx file, just enough of it (APPNOTE.TXT 4.3) to rewrite a few parts and
 * copy the others byte for byte: entries are read from the central directory, unchanged entries are
 * written back with their compressed bytes as they were, changed ones are deflated anew.
 * Zip64, encryption and methods other than stored (0) and deflate (8) are refused with
 * `UnsupportedZip`, so the caller can fall back to a slower reader.
 */

export class UnsupportedZip extends Error {}

export interface ZipEntry {
  readonly name: string;
  /** The name's bytes and UTF-8 flag as stored, so that a copied entry keeps its exact name. */
  readonly rawName: Buffer;
  readonly utf8: boolean;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** The compressed bytes (a view of the file's buffer). */
  readonly data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_NAMES = 0x0800;

/** The entries of a zip held in memory, in the central directory's order. */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsupportedZip("not a zip file (no end of central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new UnsupportedZip("zip64 archive");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
      throw new UnsupportedZip("damaged central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const rawName = buf.subarray(p + 46, p + 46 + nameLength);
    // Without the UTF-8 flag a name is CP437 by the letter of APPNOTE, but many writers put UTF-8 there
    // without the flag: the parts this code looks up are ASCII either way.
    const name = rawName.toString("utf8");
    if (flags & 0x0001) throw new UnsupportedZip(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new UnsupportedZip(`compression method ${method} (${name})`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      throw new UnsupportedZip("zip64 entry");
    if (buf.readUInt32LE(local) !== LOCAL) throw new UnsupportedZip(`damaged local header (${name})`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressedSize > buf.length) throw new UnsupportedZip(`truncated entry ${name}`);
    entries.push({
      name,
      rawName,
      utf8: (flags & UTF8_NAMES) !== 0,
      method,
      flags,
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      compressedSize,
      size,
      data: buf.subarray(start, start + compressedSize),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content, inflated in one piece (for the small parts: workbook, styles, relationships). */
export function entryText(entry: ZipEntry): string {
  return (entry.method === 0 ? entry.data : zlib.inflateRawSync(entry.data)).toString("utf8");
}

/** An entry's content as it inflates, chunk by chunk (for a sheet of any size, in flat memory). */
export function entryChunks(entry: ZipEntry): AsyncIterable<Buffer> {
  const source = Readable.from([entry.data]);
  return entry.method === 0 ? source : source.pipe(zlib.createInflateRaw());
}

/** CRC-32 (IEEE 802.3, as zip uses it), table-driven, for Node versions before zlib.crc32 (20.15). */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

export function crc32Table(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const crc32 = nativeCrc32 ?? crc32Table;

/** Text deflated, with what the zip records about it. */
export interface Deflated {
  readonly chunks: readonly Buffer[];
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
}

/**
 * Deflates text as it is produced. The compressed bytes are kept (a sheet compresses about tenfold),
 * so that the parts written before the sheet in the zip can depend on what the sheet pass found.
 */
export async function deflate(content: AsyncIterable<string> | Iterable<string>): Promise<Deflated> {
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  const chunks: Buffer[] = [];
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const text of content) {
      const b = Buffer.from(text, "utf8");
      crc = crc32(b, crc);
      size += b.length;
      yield b;
    }
  }
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      compressedSize += chunk.length;
      done();
    },
  });
  // Level 3: the sheet is most of the work; beyond it the size gain is small and the time is not.
  await pipeline(Readable.from(bytes()), zlib.createDeflateRaw({ level: 3 }), sink);
  if (size > 0xfffffffe || compressedSize > 0xfffffffe) throw new UnsupportedZip("a part over 4 GB");
  return { chunks, crc: crc >>> 0, size, compressedSize };
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** Writes a zip sequentially to an open file: copied entries, then the central directory on `close`. */
export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(private readonly file: FileHandle) {}

  private async write(buf: Buffer): Promise<void> {
    await this.file.write(buf);
    this.offset += buf.length;
  }

  private localHeader(w: Omit<Written, "offset">): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    writeEntryFields(h, 4, w);
    return Buffer.concat([h, w.name]);
  }

  /** Copies an entry of the input as it was: its compressed bytes are not touched. */
  async copy(entry: ZipEntry): Promise<void> {
    const w = {
      name: entry.rawName,
      method: entry.method,
      flags: entry.utf8 ? UTF8_NAMES : 0,
      time: entry.time,
      date: entry.date,
      crc: entry.crc,
      compressedSize: entry.compressedSize,
      size: entry.size,
    };
    const offset = this.offset;
    await this.write(this.localHeader(w));
    await this.write(entry.data);
    this.written.push({ ...w, offset });
  }

  /** Writes an entry compressed beforehand (`deflate`). */
  async add(name: string, content: Deflated): Promise<void> {
    const stamp = dosNow();
    const w = {
      name: Buffer.from(name, "utf8"),
      method: 8,
      flags: UTF8_NAMES,
      time: stamp.time,
      date: stamp.date,
      crc: content.crc,
      compressedSize: content.compressedSize,
      size: content.size,
    };
    const offset = this.offset;
    await this.write(this.localHeader(w));
    for (const chunk of content.chunks) await this.write(chunk);
    this.written.push({ ...w, offset });
  }

  /** Writes the central directory and the end record. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(20, 4); // version made by
      writeEntryFields(h, 6, w);
      h.writeUInt32LE(w.offset, 42);
      await this.write(Buffer.concat([h, w.name]));
    }
    if (this.written.length > 0xfffe || this.offset > 0xfffffffe)
      throw new UnsupportedZip("output needs zip64");
    const e = Buffer.alloc(22);
    e.writeUInt32LE(EOCD, 0);
    e.writeUInt16LE(this.written.length, 8);
    e.writeUInt16LE(this.written.length, 10);
    e.writeUInt32LE(this.offset - start, 12);
    e.writeUInt32LE(start, 16);
    await this.write(e);
  }
}

/**
 * The fields a local header and its central directory record share, in the same order (APPNOTE
 * 4.3.7, 4.3.12): version needed, flags, method, time, date, CRC, sizes, name length.
 */
function writeEntryFields(h: Buffer, at: number, w: Omit<Written, "offset">): void {
  h.writeUInt16LE(20, at);
  h.writeUInt16LE(w.flags, at + 2);
  h.writeUInt16LE(w.method, at + 4);
  h.writeUInt16LE(w.time, at + 6);
  h.writeUInt16LE(w.date, at + 8);
  h.writeUInt32LE(w.crc, at + 10);
  h.writeUInt32LE(w.compressedSize, at + 14);
  h.writeUInt32LE(w.size, at + 18);
  h.writeUInt16LE(w.name.length, at + 22);
}

/** The current local time in MS-DOS format, as zip entries date themselves. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
