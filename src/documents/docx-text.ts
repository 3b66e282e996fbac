import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from "fflate";
import mammoth from "mammoth";
import type { Text } from "../engine";

/**
 * The text of a Word document (.docx), for the terms-of-sale import. A .docx is a zip: before any
 * part is inflated its central directory is read and the declared sizes checked against bounds, so a
 * zip bomb is refused without inflating it; then the parts are inflated as a stream, counting the
 * bytes each really yields (a header can lie), in small pieces, so memory stays bounded; only then
 * does mammoth read the document's text. Works on bytes, in Node and in the pane alike.
 */

export interface DocxLimits {
  /** The largest .docx file read. */
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  /** The most all parts may inflate to, together. */
  readonly maxTotalBytes: number;
  /** The most one part may inflate to. */
  readonly maxEntryBytes: number;
  /** Inflated ÷ compressed, beyond which a part over 1 MB is a bomb (XML compresses about 10 ×). */
  readonly maxRatio: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxRatio: 200,
};

export type DocxText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: Text };

const MB = (n: number) => `${Math.round(n / (1024 * 1024))}`;
const t = (en: string, fr: string): Text => ({ en, fr });

const MESSAGES = {
  tooLarge: (max: number) =>
    t(
      `The .docx file is larger than ${MB(max)} MB, the most the import reads.`,
      `Le fichier .docx dépasse ${MB(max)} Mo, la taille la plus grande que l'import lit.`,
    ),
  notZip: t(
    "This file is not a .docx (a Word document is a zip archive, this one is not): save it from Word as .docx, or open it as .txt.",
    "Ce fichier n'est pas un .docx (un document Word est une archive zip, celui-ci n'en est pas une) : enregistrez-le depuis Word au format .docx, ou ouvrez-le en .txt.",
  ),
  oldWord: t(
    "This is an old Word document (.doc): save it from Word as .docx, then open it again.",
    "C'est un ancien document Word (.doc) : enregistrez-le depuis Word au format .docx, puis ouvrez-le à nouveau.",
  ),
  brokenZip: (why: string) =>
    t(
      `This .docx cannot be read (${why}): is it damaged?`,
      `Ce .docx ne peut pas être lu (${why}) : est-il endommagé ?`,
    ),
  notWord: t(
    "This zip archive is not a Word document (it has no word/document.xml): open the terms of sale as .docx or .txt.",
    "Cette archive zip n'est pas un document Word (elle n'a pas de word/document.xml) : ouvrez les conditions générales en .docx ou en .txt.",
  ),
  bomb: (what: string) =>
    t(
      `This .docx would inflate beyond what a document holds (${what}): it is refused without being read.`,
      `Ce .docx se décompresserait bien au-delà de ce que contient un document (${what}) : il est refusé sans être lu.`,
    ),
  unreadable: (why: string) =>
    t(
      `Word's text could not be read from this .docx (${why}).`,
      `Le texte de ce .docx n'a pas pu être lu (${why}).`,
    ),
};

interface Entry {
  readonly name: string;
  readonly size: number;
  readonly originalSize: number;
}

/** The central directory's entries, read without inflating anything. */
function declaredEntries(bytes: Uint8Array, limits: DocxLimits): Entry[] | Text {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        if (entries.length > limits.maxEntries) throw new Error(`more than ${limits.maxEntries} parts`);
        return false; // nothing is inflated here
      },
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return /more than/.test(why) ? MESSAGES.bomb(why) : MESSAGES.brokenZip(why);
  }
  return entries;
}

function checkDeclared(entries: readonly Entry[], limits: DocxLimits): Text | undefined {
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    // 0xFFFFFFFF: a ZIP64 size, beyond any document.
    if (e.originalSize >= 0xffffffff || e.originalSize > limits.maxEntryBytes)
      return MESSAGES.bomb(`${e.name}: ${MB(e.originalSize)} Mo`);
    if (e.originalSize > 1024 * 1024 && e.originalSize > limits.maxRatio * Math.max(1, e.size))
      return MESSAGES.bomb(`${e.name}: ${Math.round(e.originalSize / Math.max(1, e.size))} ×`);
  }
  if (total > limits.maxTotalBytes) return MESSAGES.bomb(`${MB(total)} Mo`);
  return undefined;
}

/** Inflates every part as a stream, in 4 KB pieces, counting what each really yields; stops at the first excess. */
function checkInflated(bytes: Uint8Array, declared: readonly Entry[], limits: DocxLimits): Text | undefined {
  const sizes = new Map(declared.map((e) => [e.name, e.originalSize]));
  let total = 0;
  let problem: Text | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    let yielded = 0;
    const allowed = Math.min(limits.maxEntryBytes, sizes.get(file.name) ?? 0);
    file.ondata = (err, chunk) => {
      if (problem) return;
      if (err) {
        problem = MESSAGES.brokenZip(err.message);
        return;
      }
      yielded += chunk.length;
      total += chunk.length;
      if (yielded > allowed || total > limits.maxTotalBytes) {
        problem = MESSAGES.bomb(`${file.name}: ${MB(yielded)} Mo`);
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const PIECE = 4096;
  try {
    for (let at = 0; at < bytes.length && !problem; at += PIECE)
      unzip.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
  } catch (e) {
    if (!problem) problem = MESSAGES.brokenZip(e instanceof Error ? e.message : String(e));
  }
  return problem;
}

/** The text of a .docx given as bytes, or why it cannot be read. */
export async function docxText(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<DocxText> {
  if (bytes.length > limits.maxFileBytes)
    return { ok: false, message: MESSAGES.tooLarge(limits.maxFileBytes) };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, message: MESSAGES.oldWord };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, message: MESSAGES.notZip };
  const entries = declaredEntries(bytes, limits);
  if (!Array.isArray(entries)) return { ok: false, message: entries };
  if (!entries.some((e) => e.name === "word/document.xml")) return { ok: false, message: MESSAGES.notWord };
  const declared = checkDeclared(entries, limits);
  if (declared) return { ok: false, message: declared };
  const inflated = checkInflated(bytes, entries, limits);
  if (inflated) return { ok: false, message: inflated };
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: both are given the same bytes.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<
      typeof mammoth.extractRawText
    >[0];
    const result = await mammoth.extractRawText(input);
    return { ok: true, text: result.value };
  } catch (e) {
    return { ok: false, message: MESSAGES.unreadable(e instanceof Error ? e.message : String(e)) };
  }
}
