import type { Text } from "../engine";
import { MESSAGES } from "./messages";

/**
 * What the import accepts before it reads a word: text, not too long, not binary. Bytes (a .txt
 * file) are decoded here: UTF-8, UTF-16 with its byte-order mark, or Windows-1252 (a .txt saved by
 * an older Windows editor); anything with NUL bytes or control characters is refused as binary.
 */

/**
 * The longest text read: 2 million characters. Terms of sale run from 20 000 to 300 000 characters
 * (the longest seed, OMI's text six times over, is 275 000); a paste beyond this is not terms of sale.
 */
export const MAX_TERMS_CHARS = 2_000_000;

/** The largest .txt file read: 4 bytes per character at worst in UTF-8. */
export const MAX_TERMS_BYTES = 4 * MAX_TERMS_CHARS;

export type TextInput = { readonly ok: true; readonly text: string; readonly note?: Text } | Refusal;
export interface Refusal {
  readonly ok: false;
  readonly message: Text;
}

const refuse = (message: Text): Refusal => ({ ok: false, message });

/** Control characters that do not occur in text (tab, line feed, form feed and carriage return do). */
// eslint-disable-next-line no-control-regex -- control characters are what binary content is made of
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function controlShare(text: string): number {
  let n = 0;
  CONTROL.lastIndex = 0;
  while (CONTROL.exec(text) !== null) n += 1;
  return text.length === 0 ? 0 : n / text.length;
}

/** Text given as such (a paste, stdin): checked for size, emptiness and binary content. */
export function checkTermsText(text: string, maxChars = MAX_TERMS_CHARS): TextInput {
  if (text.length > maxChars) return refuse(MESSAGES.tooLong(text.length, maxChars));
  if (text.trim() === "") return refuse(MESSAGES.empty);
  // A few stray control characters happen in pasted text; binary content is full of them.
  if (text.includes("\u0000") || controlShare(text) > 0.005) return refuse(MESSAGES.binary);
  return { ok: true, text: text.replace(/^\ufeff/, "") };
}

function decode(bytes: Uint8Array, encoding: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A text file's bytes as text, or why not. */
export function decodeTermsBytes(bytes: Uint8Array, maxChars = MAX_TERMS_CHARS): TextInput {
  if (bytes.length > 4 * maxChars) return refuse(MESSAGES.fileTooLarge(4 * maxChars));
  if (bytes.length === 0) return refuse(MESSAGES.empty);
  const [b0, b1] = [bytes[0], bytes[1]];
  if (b0 === 0xff && b1 === 0xfe)
    return checkTermsText(decode(bytes.subarray(2), "utf-16le", false) ?? "", maxChars);
  if (b0 === 0xfe && b1 === 0xff)
    return checkTermsText(decode(bytes.subarray(2), "utf-16be", false) ?? "", maxChars);
  // A zip (a .docx, a .xlsx) or a PDF is not text: say what it is.
  if (b0 === 0x50 && b1 === 0x4b) return refuse(MESSAGES.zipNotText);
  if (b0 === 0x25 && b1 === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return refuse(MESSAGES.pdf);
  if (bytes.includes(0)) return refuse(MESSAGES.binary);
  const utf8 = decode(bytes, "utf-8", true);
  if (utf8 !== undefined) return checkTermsText(utf8, maxChars);
  const latin = decode(bytes, "windows-1252", false);
  if (latin === undefined) return refuse(MESSAGES.binary);
  const checked = checkTermsText(latin, maxChars);
  return checked.ok ? { ...checked, note: MESSAGES.windows1252 } : checked;
}
