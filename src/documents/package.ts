import { Document, Packer } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { SECTION_PROPERTIES } from "./page";

/**
 * The Office Open XML package around the body: content types, relationships, styles (Calibri
 * 10.5 pt), settings, fonts and document properties, as the `docx` package writes them — made once
 * per process and reused — with the body's document.xml swapped in for each document.
 */

const BODY_SIZE = 21; // half-points: 10.5 pt

interface Skeleton {
  readonly parts: ReadonlyMap<string, Uint8Array>;
  /** The document part's text before the body's content, and after it. */
  readonly head: string;
  readonly tail: string;
}

let skeleton: Promise<Skeleton> | undefined;

async function makeSkeleton(): Promise<Skeleton> {
  const doc = new Document({
    creator: "Échéance",
    styles: { default: { document: { run: { font: "Calibri", size: BODY_SIZE } } } },
    sections: [{ children: [] }],
  });
  const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
  const parts = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(files)) if (!name.endsWith("/")) parts.set(name, bytes);
  const documentXml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
  const open = documentXml.indexOf("<w:body>");
  if (open < 0) throw new Error("the docx package wrote no <w:body>");
  return {
    parts,
    head: documentXml.slice(0, open + "<w:body>".length),
    tail: `${SECTION_PROPERTIES}</w:body></w:document>`,
  };
}

/** A .docx whose body is `bodyXml` (paragraphs and tables, without the final section properties). */
export async function packDocx(bodyXml: string): Promise<Uint8Array> {
  const s = await (skeleton ??= makeSkeleton());
  const zippable: Zippable = {};
  for (const [name, bytes] of s.parts)
    zippable[name] = name === "word/document.xml" ? strToU8(`${s.head}${bodyXml}${s.tail}`) : bytes;
  return zipSync(zippable, { level: 6 });
}
