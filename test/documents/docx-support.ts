import { strToU8, zipSync } from "fflate";
import mammoth from "mammoth";

/** The text of a .docx as mammoth reads it (paragraphs separated by blank lines, tables cell by cell). */
export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** The text of a .docx with each table row on one line, cells joined by " | " (through mammoth's HTML). */
export async function docxRows(bytes: Uint8Array): Promise<string[]> {
  const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  const rows: string[] = [];
  for (const tr of html.matchAll(/<tr>(.*?)<\/tr>/g))
    rows.push(
      [...(tr[1] as string).matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)]
        .map((c) =>
          (c[1] as string)
            .replace(/<[^>]+>/g, "")
            .replace(/&amp;/g, "&")
            .replace(/&#39;/g, "'"),
        )
        .join(" | "),
    );
  return rows;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="MAIN"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export const MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/** A minimal .docx whose body is `body` (WordprocessingML), as a user's template would be. */
export function docxWithBody(body: string, mainType = MAIN_TYPE): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/></w:sectPr></w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES.replace("MAIN", mainType)),
    "_rels/.rels": strToU8(RELS),
    "word/document.xml": strToU8(document),
  });
}

/** A paragraph whose text Word split into these runs (as spelling and formatting marks do). */
export function splitParagraph(...pieces: string[]): string {
  return `<w:p>${pieces
    .map(
      (p, i) =>
        `${i % 2 ? '<w:proofErr w:type="spellStart"/>' : ""}<w:r>${i % 2 ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${p}</w:t></w:r>`,
    )
    .join("")}</w:p>`;
}
