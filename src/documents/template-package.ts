import { strFromU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { Text } from "../engine";
import { TEMPLATE_TEXT } from "./messages";

/**
 * A user's .docx template opened as a package, refusing what is not one before anything is read:
 * a file too large, a Word 97-2003 .doc, a PDF or RTF, a zip that is not a Word document, a
 * macro-enabled .docm or a .dotx template, a zip bomb (the declared sizes are bounded, and fflate
 * inflates an entry into a buffer of its declared size, never past it).
 */

export const MAX_TEMPLATE_BYTES = 10 * 2 ** 20;
const MAX_ENTRIES = 2000;
const MAX_ENTRY_BYTES = 32 * 2 ** 20;
const MAX_TOTAL_BYTES = 64 * 2 ** 20;

const MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const MACRO_DOCUMENT = "application/vnd.ms-word.document.macroEnabled.main+xml";
const TEMPLATE_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

export interface TemplatePackage {
  readonly parts: ReadonlyMap<string, Uint8Array>;
  /** The main document part's name (word/document.xml). */
  readonly main: string;
  /** The parts whose text may hold placeholders: the main document, headers and footers. */
  readonly textParts: readonly string[];
}

export type Opened =
  { readonly ok: true; readonly pkg: TemplatePackage } | { readonly ok: false; readonly error: Text };

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b);

function notZip(bytes: Uint8Array, name: string): Text {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return TEMPLATE_TEXT.oldWord(name);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return TEMPLATE_TEXT.pdf(name);
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return TEMPLATE_TEXT.rtf(name);
  return TEMPLATE_TEXT.notDocx(name);
}

/** The content type of the main document, and its part name, from [Content_Types].xml. */
function mainPart(contentTypes: string): { type: string; part: string } | undefined {
  for (const m of contentTypes.matchAll(/<Override\b[^>]*>/g)) {
    const tag = m[0];
    const type = /ContentType="([^"]*)"/.exec(tag)?.[1];
    const part = /PartName="\/?([^"]*)"/.exec(tag)?.[1];
    if (type && part && (type === MAIN_DOCUMENT || type === MACRO_DOCUMENT || type === TEMPLATE_DOCUMENT))
      return { type, part };
  }
  return undefined;
}

/** Opens a template's bytes as a Word package, or says why it is not one. */
export function openTemplatePackage(bytes: unknown, name: string): Opened {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0)
    return { ok: false, error: TEMPLATE_TEXT.empty(name) };
  if (bytes.length > MAX_TEMPLATE_BYTES)
    return { ok: false, error: TEMPLATE_TEXT.tooLarge(name, MAX_TEMPLATE_BYTES) };
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, error: notZip(bytes, name) };
  let entries = 0;
  let total = 0;
  let bomb = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        entries += 1;
        total += f.originalSize;
        if (entries > MAX_ENTRIES || f.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) bomb = true;
        return !bomb;
      },
    });
  } catch {
    return { ok: false, error: TEMPLATE_TEXT.damaged(name) };
  }
  if (bomb) return { ok: false, error: TEMPLATE_TEXT.tooLarge(name, MAX_TOTAL_BYTES) };
  const parts = new Map<string, Uint8Array>();
  for (const [n, b] of Object.entries(files)) if (!n.endsWith("/")) parts.set(n, b);
  const types = parts.get("[Content_Types].xml");
  const main = types ? mainPart(strFromU8(types)) : undefined;
  if (!main || !parts.has(main.part)) return { ok: false, error: TEMPLATE_TEXT.notDocx(name) };
  if (main.type === MACRO_DOCUMENT) return { ok: false, error: TEMPLATE_TEXT.macro(name) };
  if (main.type === TEMPLATE_DOCUMENT) return { ok: false, error: TEMPLATE_TEXT.dotx(name) };
  const folder = main.part.slice(0, main.part.lastIndexOf("/") + 1);
  const textParts = [
    main.part,
    ...[...parts.keys()]
      .filter((n) => n.startsWith(folder) && /^(header|footer)\d*\.xml$/.test(n.slice(folder.length)))
      .sort(),
  ];
  return { ok: true, pkg: { parts, main: main.part, textParts } };
}

/** The package with some parts' text replaced, zipped again. */
export function zipPackage(pkg: TemplatePackage, replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  // [Content_Types].xml first, as Office writes it; then the parts in their order.
  const names = [...pkg.parts.keys()].sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0,
  );
  for (const n of names) zippable[n] = replaced.get(n) ?? (pkg.parts.get(n) as Uint8Array);
  return zipSync(zippable, { level: 6 });
}
