import type { DocumentHead, LetterBlock } from "../recovery";
import { paragraphOfRuns, paragraphXml, runsXml, tableXml, type ParagraphStyle } from "./wordml";

/**
 * One page of a letter or a penalty note as WordprocessingML: the sender's block at the top left, the
 * recipient's where a window envelope shows it (95 mm from the left margin), the date line, the title
 * and registered-letter line of a formal notice, the subject, the blocks, the signature. A4 with 2 cm
 * margins; Calibri 10.5 pt, tables 8 pt.
 */

/** The parts of a letter or a note that make a page. */
export interface Page extends DocumentHead {
  readonly registered?: string | undefined;
  readonly salutation?: string | undefined;
  readonly blocks: readonly LetterBlock[];
  readonly closing?: string | undefined;
  readonly signature: readonly string[];
  readonly legalBasis?: string | undefined;
}

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297), margin: mm(20) } as const;
/** The width of the text between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const RECIPIENT_INDENT = mm(95);
const SMALL = 16; // 8 pt
const QUOTE_INDENT = mm(8);

/** The section properties every page shares: A4 portrait, 2 cm margins. */
export const SECTION_PROPERTIES = `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/><w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`;

/** A block; a paragraph that introduces a table (`keepNext`) stays on the table's page. */
function blockXml(block: LetterBlock, keepNext: boolean): string {
  switch (block.kind) {
    case "paragraph":
      return paragraphXml(block.text, { align: "both", keepNext, ...(block.bold ? { bold: true } : {}) });
    case "small":
      return paragraphXml(block.text, { align: "both", size: SMALL });
    case "quote":
      return (
        paragraphXml(`« ${block.text} »`, {
          italics: true,
          size: 19,
          indent: QUOTE_INDENT,
          rightIndent: QUOTE_INDENT,
          leftRule: true,
          align: "both",
          after: 40,
        }) + paragraphXml(`(${block.source})`, { size: SMALL, indent: QUOTE_INDENT })
      );
    case "table":
      return tableXml(block, TEXT_WIDTH) + paragraphXml("", { after: 80 });
  }
}

/**
 * A block of lines (an address) as one paragraph per line, the last one spaced after: readers that
 * drop line breaks (text extraction, screen readers) keep the lines apart.
 */
function lines(texts: readonly string[], last: ParagraphStyle, first: ParagraphStyle = {}): string[] {
  return texts.map((t, i) =>
    paragraphXml(t, {
      ...(i === texts.length - 1 ? last : { ...last, after: 0 }),
      ...(i === 0 ? first : {}),
    }),
  );
}

/** The page's body XML; `first` is false for every page after the first of a document. */
export function pageXml(page: Page, first: boolean): string {
  const parts = [
    ...lines(
      [page.sender.name, ...page.sender.lines],
      { after: 240 },
      first ? {} : { pageBreakBefore: true },
    ),
    paragraphOfRuns(runsXml(page.recipient.name, { bold: true }), { indent: RECIPIENT_INDENT, after: 0 }),
    ...lines(page.recipient.lines, { indent: RECIPIENT_INDENT, after: 360 }),
    paragraphXml(page.dateLine, { indent: RECIPIENT_INDENT, after: 240 }),
  ];
  if (page.registered) parts.push(paragraphXml(page.registered, { bold: true, after: 120 }));
  if (page.title) parts.push(paragraphXml(page.title, { bold: true, size: 28, align: "center", after: 240 }));
  parts.push(paragraphXml(page.subject, { bold: true, after: 240 }));
  if (page.salutation) parts.push(paragraphXml(page.salutation));
  page.blocks.forEach((b, i) => parts.push(blockXml(b, page.blocks[i + 1]?.kind === "table")));
  if (page.closing) parts.push(paragraphXml(page.closing, { after: 360, keepNext: true }));
  parts.push(...lines(page.signature, { indent: RECIPIENT_INDENT, after: 480 }));
  if (page.legalBasis) parts.push(paragraphXml(page.legalBasis, { size: SMALL }));
  return parts.join("");
}
