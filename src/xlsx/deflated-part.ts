import { promises as fs } from "node:fs";
import { Worker } from "node:worker_threads";
import { STREAMED_PART_LIMIT, tooLarge } from "./zip";

/**
 * The rewritten sheet, deflated in a worker thread while the main thread reads, computes and rewrites
 * the next rows: the main thread only encodes its text to UTF-8 and hands the bytes over; the worker
 * keeps the CRC-32 and the sizes, deflates, and holds the compressed bytes (spilled to a file past
 * `memoryLimit`). At most `IN_FLIGHT_LIMIT` bytes wait for the worker: a slower deflate holds the
 * reader back, so memory stays bounded whatever the pace.
 *
 * The worker's code is the string below, run with `new Worker(code, { eval: true })`: it needs no file
 * of its own, so it works the same from the TypeScript sources (ts-jest) and from the one-file
 * command-line bundle (webpack), and it only requires Node's built-ins.
 *
 * Each batch is deflated on its own and ended with a sync flush (an empty stored block, byte
 * aligned), with the previous batch's last 32 KiB as the dictionary: the batches laid end to end are
 * one raw deflate stream — what pigz does — as small as one deflate over the whole text, and finished
 * by a final empty block.
 */

/**
 * The deflate level of the rewritten sheet: zlib's fastest. Measured on a 1,000,000-row register's
 * sheet (573 MiB of XML, 7 December 2026): level 1 gave 91.6 MiB for about 3.3 s of CPU, level 2
 * 88.4 MiB (3.6–5.6 s), level 3 83.3 MiB (5.3 s), level 4 79.8 MiB (5.1 s), level 6 — zlib's default,
 * and the untouched parts' — 73.7 MiB (11 s): a file about a quarter larger, for a deflate three times
 * faster, the deflate being what a long register waits on once the rows are computed.
 */
export const SHEET_DEFLATE_LEVEL = 1;
/** Bytes handed to the worker and not deflated yet, past which a write waits. */
const IN_FLIGHT_LIMIT = 8 * 2 ** 20;
/** Characters encoded at a time: a long text (a sheet's head or tail) is never copied whole into bytes. */
const SLICE = 2 ** 20;
/** Bytes of a batch: the texts put are encoded into it, and it goes to the worker once full. */
const BATCH = 2 ** 20;
/** Characters past which an ASCII text goes through the encoder like any other. */
const ASCII_PIECE = 256;
/** Batches kept for reuse: as many as can be in flight, and one being filled. */
const SPARE_BATCHES = IN_FLIGHT_LIMIT / BATCH + 1;

const WORKER_SOURCE = `
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const fs = require("node:fs");
const { level, spillPath, memoryLimit } = workerData;
const WINDOW = 32768;
let crc = 0;
let size = 0;
let compressed = 0;
let dictionary;
const chunks = [];
let fd;
function writeAll(bytes) {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}
function keep(bytes) {
  compressed += bytes.length;
  if (fd === undefined && compressed > memoryLimit) {
    fd = fs.openSync(spillPath, "w");
    for (const c of chunks.splice(0)) writeAll(c);
  }
  if (fd !== undefined) writeAll(bytes);
  else chunks.push(bytes);
}
parentPort.on("message", (m) => {
  try {
    if (m.type === "data") {
      const input = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
      crc = zlib.crc32(input, crc);
      size += input.length;
      const options = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH };
      if (dictionary) options.dictionary = dictionary;
      keep(zlib.deflateRawSync(input, options));
      const tail = input.subarray(Math.max(0, input.length - WINDOW));
      dictionary = dictionary && tail.length < WINDOW
        ? Buffer.concat([dictionary, tail]).subarray(-WINDOW)
        : Buffer.from(tail);
      // A batch's memory goes back to be filled again (the dictionary above is a copy).
      if (m.batch) parentPort.postMessage({ type: "taken", length: input.length, batch: m.bytes.buffer }, [m.bytes.buffer]);
      else parentPort.postMessage({ type: "taken", length: input.length });
    } else if (m.type === "end") {
      keep(zlib.deflateRawSync(Buffer.alloc(0), { level }));
      if (fd !== undefined) fs.closeSync(fd);
      parentPort.postMessage({
        type: "done",
        crc: crc >>> 0,
        size,
        compressedSize: compressed,
        spilled: fd !== undefined,
        chunks: fd === undefined ? chunks : [],
      });
    }
  } catch (e) {
    parentPort.postMessage({ type: "failed", message: e && e.message ? e.message : String(e) });
  }
});
`;

interface Done {
  readonly type: "done";
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly spilled: boolean;
  readonly chunks: readonly Uint8Array[];
}

type FromWorker =
  { type: "taken"; length: number; batch?: ArrayBuffer } | Done | { type: "failed"; message: string };

/** Where a long text may be cut without splitting a surrogate pair. */
function cutAt(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** Text deflated as it is produced, with what the zip records about it (CRC, sizes). */
export class DeflatedPart {
  private readonly worker: Worker;
  private inFlight = 0;
  private size = 0;
  private waiting: (() => void) | undefined;
  private result: Done | undefined;
  private finished: Promise<Done> | undefined;
  private failure: Error | undefined;
  private settle: { resolve: (d: Done) => void; reject: (e: Error) => void } | undefined;
  private terminated = false;
  /** The batch being filled, and how many of its bytes are. */
  private batch = Buffer.allocUnsafeSlow(BATCH);
  private filled = 0;
  /** Batches the worker has deflated, given back to be filled again (no new memory per batch). */
  private readonly spare: ArrayBuffer[] = [];

  /**
   * @param spillPath where the compressed bytes go once they pass `memoryLimit` (a sheet compresses
   *   about sixfold: a 1,000,000-row register's sheet is held on disk, not in memory)
   */
  constructor(
    private readonly spillPath: string,
    private readonly memoryLimit = 8 * 2 ** 20,
    level = SHEET_DEFLATE_LEVEL,
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { level, spillPath, memoryLimit },
      // The worker holds at most a batch and the compressed bytes kept in memory.
      resourceLimits: { maxOldGenerationSizeMb: 48 + Math.ceil(memoryLimit / 2 ** 20) },
    });
    // The worker keeps the process alive only while it has work: a part left behind by an error
    // (never ended nor disposed) does not hold the command line open.
    this.worker.unref();
    this.worker.on("message", (m: FromWorker) => this.heard(m));
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (!this.terminated && !this.result) this.fail(new Error(`the deflate worker stopped (exit ${code})`));
    });
  }

  private heard(m: FromWorker): void {
    if (m.type === "taken") {
      this.inFlight -= m.length;
      if (m.batch && this.spare.length < SPARE_BATCHES) this.spare.push(m.batch);
      if (this.inFlight === 0 && !this.finished) this.worker.unref();
      if (this.inFlight <= IN_FLIGHT_LIMIT) this.wake();
    } else if (m.type === "done") {
      this.result = m;
      this.settle?.resolve(m);
    } else this.fail(new Error(m.message));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake();
    this.settle?.reject(this.failure);
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  /** Adds text; resolves at once unless the worker is behind by more than IN_FLIGHT_LIMIT bytes. */
  async write(text: string): Promise<void> {
    this.put(text);
    await this.drained();
  }

  /**
   * Adds text without waiting: it is encoded straight into the batch being filled (no joined string,
   * no intermediate buffer), and the batch goes to the worker once full. A caller that puts much
   * calls `drained` now and then (when `behind`) so that memory stays bounded.
   */
  put(text: string): void {
    if (text.length === 0) return;
    if (this.failure) throw this.failure;
    if (text.length > SLICE / 4) {
      // A long text (a sheet's head or tail, a long row) goes in slices of its own.
      this.sendBatch();
      for (let from = 0; from < text.length;) {
        const to = text.length - from <= SLICE ? text.length : cutAt(text, from + SLICE);
        this.send(Buffer.from(from === 0 && to === text.length ? text : text.slice(from, to), "utf8"));
        from = to;
      }
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.batch.length - this.filled < text.length * 3) this.sendBatch();
    this.filled += this.batch.write(text, this.filled);
  }

  /**
   * Adds a short text the caller knows is ASCII (markup, cell references, digits): its bytes are its
   * character codes, written one by one — no call into the encoder for a few characters.
   */
  putAscii(text: string): void {
    const length = text.length;
    if (length > ASCII_PIECE) return this.put(text);
    if (this.batch.length - this.filled < length) this.sendBatch();
    const batch = this.batch;
    let at = this.filled;
    for (let i = 0; i < length; i++) batch[at++] = text.charCodeAt(i);
    this.filled = at;
  }

  /**
   * Adds a number as a cell's `<v>` writes it (`String`, and "0" for what is not finite): a whole
   * number's digits straight into the batch, any other through its text.
   */
  putNumber(n: number): void {
    if (!Number.isFinite(n)) return this.putAscii("0");
    if (!Number.isSafeInteger(n) || n < 0) return this.putAscii(String(n));
    if (this.batch.length - this.filled < 16) this.sendBatch();
    const batch = this.batch;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
    let at = this.filled + digits;
    this.filled = at;
    let rest = n;
    do {
      batch[--at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** More bytes wait for the worker than IN_FLIGHT_LIMIT: the caller should await `drained`. */
  get behind(): boolean {
    return this.inFlight > IN_FLIGHT_LIMIT;
  }

  /** Resolves once the worker is no more than IN_FLIGHT_LIMIT bytes behind. */
  async drained(): Promise<void> {
    while (this.inFlight > IN_FLIGHT_LIMIT && !this.failure)
      await new Promise<void>((resolve) => (this.waiting = resolve));
    if (this.failure) throw this.failure;
  }

  /** The batch filled so far goes to the worker (its memory moved, not copied); a new one is begun. */
  private sendBatch(): void {
    if (this.filled === 0) return;
    const full = this.batch.subarray(0, this.filled);
    const spare = this.spare.pop();
    this.batch = spare ? Buffer.from(spare) : Buffer.allocUnsafeSlow(BATCH);
    this.filled = 0;
    this.send(full, true);
  }

  /** `owned`: the bytes are the only view of their memory (a batch), which is moved, not copied. */
  private send(bytes: Buffer, owned = false): void {
    if (bytes.length === 0) return;
    if (this.failure) throw this.failure;
    this.size += bytes.length;
    if (this.size > STREAMED_PART_LIMIT) throw tooLarge("(copie)", STREAMED_PART_LIMIT);
    if (this.inFlight === 0) this.worker.ref();
    this.inFlight += bytes.length;
    // A buffer that owns its memory (a batch, or a long text's own bytes) is moved to the worker, not
    // copied; a pooled one is copied.
    const own = owned || (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length);
    this.worker.postMessage({ type: "data", bytes, batch: owned }, own ? [bytes.buffer as ArrayBuffer] : []);
  }

  async end(): Promise<{ crc: number; size: number; compressedSize: number }> {
    if (!this.finished) {
      this.sendBatch();
      this.finished = new Promise<Done>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        this.settle = { resolve, reject };
        this.worker.ref();
        this.worker.postMessage({ type: "end" });
      });
    }
    const done = await this.finished;
    await this.stopWorker();
    return { crc: done.crc, size: done.size, compressedSize: done.compressedSize };
  }

  /** The compressed bytes, in order (from memory, or read back from the spill file). */
  async *compressedChunks(): AsyncGenerator<Buffer> {
    const done = this.result;
    if (!done) throw new Error("compressedChunks before end");
    if (!done.spilled) {
      for (const c of done.chunks) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
      return;
    }
    const handle = await fs.open(this.spillPath, "r");
    try {
      for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false }))
        yield chunk as Buffer;
    } finally {
      await handle.close();
    }
  }

  private async stopWorker(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await this.worker.terminate();
  }

  async dispose(): Promise<void> {
    await this.stopWorker();
    this.result = undefined;
    await fs.rm(this.spillPath, { force: true });
  }
}
