import { promises as fs } from "node:fs";
import type { Text } from "../../engine";
import { docxText, DOCX_LIMITS } from "../../documents/docx-text";
import { checkTermsText, decodeTermsBytes, MAX_TERMS_BYTES, type TextInput } from "../../terms-import";
import type { CliIo } from "../io";
import { fileProblem } from "../register-file";
import { MESSAGES } from "./messages";

/**
 * The terms of sale to import: a .docx, a text file, or standard input (« - »). Sizes are checked
 * before anything is read into memory: a file by its size on disk, standard input by counting what
 * arrives and stopping one byte past the limit.
 */

const refuse = (message: Text): TextInput => ({ ok: false, message });

async function readStdin(io: CliIo, max: number): Promise<Uint8Array | Text> {
  if (!io.stdin) return MESSAGES.noStdin;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > max) break; // decodeTermsBytes says the text is too large
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

export async function readTermsInput(file: string, io: CliIo): Promise<TextInput> {
  if (file === "-") {
    const bytes = await readStdin(io, MAX_TERMS_BYTES);
    return bytes instanceof Uint8Array ? decodeTermsBytes(bytes) : refuse(bytes);
  }
  const docx = /\.docx$/i.test(file);
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return refuse(fileProblem({ code: "EISDIR" }, file));
    // One byte past the limit is enough for the readers to refuse with their own sentence.
    const max = docx ? DOCX_LIMITS.maxFileBytes : MAX_TERMS_BYTES;
    const handle = await fs.open(file, "r");
    let bytes: Uint8Array;
    try {
      const buffer = new Uint8Array(Math.min(stat.size, max + 1));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    if (!docx) return decodeTermsBytes(bytes);
    const text = await docxText(bytes);
    return text.ok ? checkTermsText(text.text) : refuse(text.message);
  } catch (e) {
    return refuse(fileProblem(e, file));
  }
}
