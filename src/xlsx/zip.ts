import { createWriteStream, promises as fs, type WriteStream } from "node:fs";
import * as path from "node:path";
import type { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { StringDecoder } from "node:string_decoder";
import { Zip, type ZipInputFile } from "fflate";
import * as yauzl from "yauzl";
import { XlsxError } from "./errors";

/**
 * The zip container of an xlsx file, on two maintained libraries: yauzl reads (the central directory,
 * zip64 included, over a file descriptor, so a large file is never held whole; an entry's bytes raw or
 * inflated), fflate writes (its streaming `Zip` takes an entry whose bytes are already compressed,
 * with their CRC and sizes: an untouched part is copied as it was, never inflated nor deflated
 * again). Deflating and CRC-32 are Node's zlib (zlib.crc32: Node 20.15 or later).
 */

/**
 * Parts read whole (workbook, styles, relationships, comments, drawings) may not inflate past this: a
 * part read whole is held as text and edited, a few copies at once, and memory stays under 300 MB.
 */
export const WHOLE_PART_LIMIT = 32 * 2 ** 20;
/** Inflated chunks handed to the readers. */
const INFLATE_CHUNK = 256 * 2 ** 10;
/** A worksheet read as a stream may not inflate past this (the writer has no zip64: 4 GiB per part). */
export const STREAMED_PART_LIMIT = 2 * 2 ** 30;

const MiB = (n: number): string => `${Math.round(n / 2 ** 20)} Mio`;
const MiBen = (n: number): string => `${Math.round(n / 2 ** 20)} MiB`;

export function tooLarge(part: string, limit: number): XlsxError {
  return new XlsxError(
    {
      en: `the part ${part} of the file inflates past ${MiBen(limit)}, the most this copy reads: nothing written. A register this large does not fit in Excel either; check the file.`,
      fr: `la partie ${part} du fichier dépasse ${MiB(limit)} une fois décompressée, le plus que cette copie lit : rien n'est écrit. Un registre de cette taille ne tient pas non plus dans Excel ; vérifiez le fichier.`,
    },
    "too-large",
  );
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Bits 1–2 of the general purpose flag (the deflate level hint), kept on a copy. */
  readonly levelFlag: number;
  readonly mtime: Date;
  /** yauzl's entry, to open its data. */
  readonly raw: yauzl.Entry;
}

const FIRST_DOS_DAY = new Date(1980, 0, 1);

function damaged(why: string): XlsxError {
  return new XlsxError(
    {
      en: `the file is not a readable xlsx workbook (${why}). A workbook protected by a password, or saved as .xls, is not a zip: save it as "Excel Workbook (.xlsx)" without a password, then run again.`,
      fr: `le fichier n'est pas un classeur .xlsx lisible (${why}). Un classeur protégé par mot de passe, ou enregistré en .xls, n'est pas une archive zip : enregistrez-le au format Classeur Excel (.xlsx) sans mot de passe, puis relancez.`,
    },
    "unreadable",
  );
}

/** The entries of a zip file (or buffer), read through its central directory. */
export class ZipSource {
  private readonly byName: ReadonlyMap<string, ZipEntry>;

  private constructor(
    private readonly file: yauzl.ZipFile,
    readonly entries: readonly ZipEntry[],
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  static async open(source: string | Buffer): Promise<ZipSource> {
    const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
    let file: yauzl.ZipFile;
    try {
      file =
        typeof source === "string"
          ? await yauzl.openPromise(source, options)
          : await yauzl.fromBufferPromise(source, options);
    } catch (e) {
      if (isNotFound(e)) throw e;
      throw damaged(e instanceof Error ? e.message : String(e));
    }
    const entries: ZipEntry[] = [];
    try {
      for await (const entry of file.eachEntry()) {
        // Without the UTF-8 flag a name is CP437 by the letter of APPNOTE, but writers put UTF-8 there
        // without the flag: part names are URIs (ASCII or UTF-8, OPC §6.2.2), read as UTF-8.
        const name = (entry.fileNameRaw as Buffer).toString("utf8");
        if (entry.isEncrypted()) throw damaged(`encrypted entry ${name}`);
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
          throw damaged(`compression method ${entry.compressionMethod} (${name})`);
        const date = entry.getLastModDate({ forceDosFormat: true });
        entries.push({
          name,
          method: entry.compressionMethod,
          crc: entry.crc32,
          compressedSize: entry.compressedSize,
          size: entry.uncompressedSize,
          levelFlag: (entry.generalPurposeBitFlag >> 1) & 3,
          // A DOS date before 1980 (a zero field) cannot be written back: the first DOS day.
          mtime: Number.isFinite(date.getTime()) && date >= FIRST_DOS_DAY ? date : FIRST_DOS_DAY,
          raw: entry,
        });
      }
    } catch (e) {
      file.close();
      if (e instanceof XlsxError) throw e;
      throw damaged(e instanceof Error ? e.message : String(e));
    }
    return new ZipSource(file, entries);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The compressed bytes of an entry, as stored. */
  async rawStream(entry: ZipEntry): Promise<Readable> {
    return this.file.openReadStreamPromise(entry.raw, { decodeFileData: false });
  }

  /**
   * An entry's content as it inflates, chunk by chunk, refused past `limit` bytes, and refused as
   * damaged past the size its zip entry declares (a zip whose sizes lie is read no further than the
   * lie). Inflated here (zlib, off the main thread) in chunks of 256 KiB rather than yauzl's 16 KiB.
   */
  async *inflated(entry: ZipEntry, limit = STREAMED_PART_LIMIT): AsyncGenerator<Buffer> {
    if (entry.size > limit) throw tooLarge(entry.name, limit);
    let raw: Readable;
    try {
      raw = await this.file.openReadStreamPromise(entry.raw, { decodeFileData: false });
    } catch (e) {
      throw damaged(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const stream: Readable =
      entry.method === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK })) : raw;
    if (stream !== raw) raw.on("error", (e) => stream.destroy(e));
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw tooLarge(entry.name, limit);
        if (size > entry.size)
          throw damaged(`${entry.name}: inflates past the ${entry.size} bytes its entry declares`);
        yield chunk;
      }
      if (size !== entry.size)
        throw damaged(`${entry.name}: ${size} bytes where its entry declares ${entry.size}`);
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw damaged(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      stream.destroy();
      raw.destroy();
    }
  }

  /**
   * A small part's text, inflated whole (workbook, styles, relationships, comments…), refused past
   * `limit` bytes: decoded as it inflates, so the bytes and the text are not both held whole.
   */
  async text(name: string, limit = WHOLE_PART_LIMIT): Promise<string | undefined> {
    const entry = this.byName.get(name);
    if (!entry) return undefined;
    const pieces: string[] = [];
    for await (const piece of this.textPieces(entry, limit)) pieces.push(piece);
    return pieces.join("");
  }

  /** An entry's text as it inflates, piece by piece (UTF-8 sequences never cut). */
  async *textPieces(entry: ZipEntry, limit = STREAMED_PART_LIMIT): AsyncGenerator<string> {
    const decoder = new StringDecoder("utf8");
    for await (const chunk of this.inflated(entry, limit)) yield decoder.write(chunk);
    yield decoder.end();
  }

  close(): void {
    this.file.close();
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "ENOENT";
}

/** A part deflated beforehand: its zip record once ended, then its compressed bytes. */
export interface PrecompressedPart {
  end(): Promise<{ crc: number; size: number; compressedSize: number }>;
  compressedChunks(): AsyncIterable<Uint8Array>;
}

/** An entry given to fflate's Zip whose bytes are already compressed (or stored). */
interface PrecompressedFile extends ZipInputFile {
  ondata?: (err: Error | null, chunk: Uint8Array, final: boolean) => void;
}

/**
 * Writes a zip file sequentially with fflate's streaming Zip: entries copied as stored, or given as
 * text (deflated here) or as a DeflatedPart. The central directory is written on `close`.
 */
export class ZipOutput {
  private readonly out: WriteStream;
  private readonly zip: Zip;
  private failure: Error | undefined;
  private entries = 0;
  private written = 0;

  constructor(readonly file: string) {
    this.out = createWriteStream(file);
    this.out.on("error", (e) => (this.failure = e));
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure = err;
      else {
        this.written += chunk.length;
        this.out.write(chunk);
      }
    });
  }

  private async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain)
      await new Promise<void>((resolve) => this.out.once("drain", () => resolve()));
  }

  private async addCompressed(
    name: string,
    meta: { method: number; crc: number; size: number; levelFlag?: number; mtime?: Date },
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<void> {
    // fflate writes no zip64 records: a part or a file past 4 GiB, or 65,535 parts, cannot be written.
    if (meta.size > 0xfffffffe || this.written > 0xfffffffe || ++this.entries > 0xfffe)
      throw new XlsxError(
        {
          en: "the copy would need the zip64 format (a part or a file past 4 GiB, or more than 65,535 parts), which this writer does not have: nothing written.",
          fr: "la copie demanderait le format zip64 (une partie ou un fichier de plus de 4 Gio, ou plus de 65 535 parties), que cet outil n'écrit pas : rien n'est écrit.",
        },
        "too-large",
      );
    const file: PrecompressedFile = {
      filename: name,
      compression: meta.method,
      crc: meta.crc,
      size: meta.size,
      mtime: meta.mtime ?? new Date(),
      ...(meta.levelFlag ? { flag: meta.levelFlag } : {}),
    };
    this.zip.add(file);
    const push = file.ondata as (err: Error | null, chunk: Uint8Array, final: boolean) => void;
    for await (const chunk of chunks) {
      push(null, chunk, false);
      await this.drained();
    }
    push(null, new Uint8Array(0), true);
    await this.drained();
  }

  /** Copies an entry of `source` as it was: its compressed bytes, CRC, sizes and date. */
  async copy(source: ZipSource, entry: ZipEntry): Promise<void> {
    const stream = await source.rawStream(entry);
    await this.addCompressed(entry.name, entry, stream as AsyncIterable<Buffer>);
  }

  /** Adds a part from its text, deflated here. */
  async addText(name: string, text: string): Promise<void> {
    const bytes = Buffer.from(text, "utf8");
    const deflated = zlib.deflateRawSync(bytes, { level: 6 });
    await this.addCompressed(name, { method: 8, crc: zlib.crc32(bytes), size: bytes.length }, [deflated]);
  }

  /** Adds a part deflated beforehand (the rewritten sheet: deflated-part.ts). */
  async addDeflated(name: string, part: PrecompressedPart): Promise<void> {
    const meta = await part.end();
    await this.addCompressed(name, { method: 8, crc: meta.crc, size: meta.size }, part.compressedChunks());
  }

  async close(): Promise<void> {
    this.zip.end();
    await new Promise<void>((resolve, reject) =>
      this.out.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    if (this.failure) throw this.failure;
  }

  /** Stops writing and removes the file. */
  async abort(): Promise<void> {
    this.zip.terminate();
    this.out.destroy();
    await fs.rm(this.file, { force: true });
  }
}

/** A temporary file name beside `file` (same disk), for a part spilled or a file written then renamed. */
export function besides(file: string, tag: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tag}.tmp`);
}
