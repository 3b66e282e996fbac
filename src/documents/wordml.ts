import type { LetterBlock, TableColumn } from "../recovery";

/**
 * WordprocessingML (ECMA-376 part 1, §17) written as text: paragraphs, runs and tables, for the body of
 * the letters and notes and for the invoice table a user's template asks for. Written by hand rather
 * than through the `docx` package's object tree, which took 60 ms a letter (30 s for 500 clients):
 * string building takes well under a millisecond. Elements are written in the order the schema's
 * sequences require (pPr: keepNext, pageBreakBefore, pBdr, spacing, ind, jc; rPr: b, i, sz).
 */

/** Text as XML character data: markup escaped, characters XML 1.0 cannot hold dropped. */
export function escapeXml(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff || (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)) continue;
    out += ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === '"' ? "&quot;" : ch;
  }
  return out;
}

export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  /** Half-points (21 = 10.5 pt). */
  readonly size?: number;
}

function runProperties(style: RunStyle): string {
  const parts = [
    style.bold ? "<w:b/><w:bCs/>" : "",
    style.italics ? "<w:i/><w:iCs/>" : "",
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : "",
  ].join("");
  return parts === "" ? "" : `<w:rPr>${parts}</w:rPr>`;
}

/** Runs of text, each line break a `<w:br/>`; tabs kept as tabs. */
export function runsXml(text: string, style: RunStyle = {}): string {
  const rPr = runProperties(style);
  return text
    .split("\n")
    .map((line, i) => {
      const parts = line.split("\t").map((t) => `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);
      return `<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}${parts.join("<w:tab/>")}</w:r>`;
    })
    .join("");
}

export interface ParagraphStyle extends RunStyle {
  /** Space after, in twips (1/20 pt). */
  readonly after?: number;
  /** Left (and right) indent, in twips. */
  readonly indent?: number;
  readonly rightIndent?: number;
  readonly align?: "left" | "center" | "right" | "both";
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
  /** A rule on the left, as for a quotation. */
  readonly leftRule?: boolean;
}

function paragraphProperties(p: ParagraphStyle): string {
  return [
    "<w:pPr>",
    p.keepNext ? "<w:keepNext/>" : "",
    p.pageBreakBefore ? "<w:pageBreakBefore/>" : "",
    p.leftRule ? '<w:pBdr><w:left w:val="single" w:sz="12" w:space="6" w:color="7F8C8D"/></w:pBdr>' : "",
    `<w:spacing w:before="0" w:after="${p.after ?? 120}"/>`,
    p.indent || p.rightIndent ? `<w:ind w:left="${p.indent ?? 0}" w:right="${p.rightIndent ?? 0}"/>` : "",
    p.align && p.align !== "left" ? `<w:jc w:val="${p.align}"/>` : "",
    "</w:pPr>",
  ].join("");
}

/** A paragraph of text (line breaks kept). */
export function paragraphXml(text: string, style: ParagraphStyle = {}): string {
  return `<w:p>${paragraphProperties(style)}${text === "" ? "" : runsXml(text, style)}</w:p>`;
}

/** A paragraph whose runs are given (several styles in one paragraph). */
export function paragraphOfRuns(runs: string, style: ParagraphStyle = {}): string {
  return `<w:p>${paragraphProperties(style)}${runs}</w:p>`;
}

export const TABLE_TEXT_SIZE = 16; // 8 pt
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="999999"';

function cellXml(
  text: string,
  column: TableColumn,
  width: number,
  bold: boolean,
  shade: boolean,
  keepNext: boolean,
): string {
  const shading = shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E8ECEF"/>' : "";
  const align = column.align === "right" ? "right" : "left";
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${paragraphXml(text, {
    after: 0,
    align,
    size: TABLE_TEXT_SIZE,
    bold,
    keepNext,
  })}</w:tc>`;
}

/**
 * A table of figures: a shaded header row repeated on each page, the rows, a bold total row; fixed
 * column widths sharing `width` twips by each column's share; rows never split across pages, and each
 * row kept with the next (Word's way of keeping a table together: a total never alone on a page).
 */
export function tableXml(block: Extract<LetterBlock, { kind: "table" }>, width: number): string {
  const share = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((width * c.width) / share));
  const last = block.rows.length + (block.total ? 1 : 0);
  const row = (values: readonly string[], bold: boolean, header: boolean, index: number) =>
    `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${block.columns
      .map((c, i) => cellXml(values[i] ?? "", c, widths[i] ?? 0, bold, header, index < last))
      .join("")}</w:tr>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((b) => `<w:${b} ${BORDER}/>`)
    .join("");
  return [
    "<w:tbl><w:tblPr>",
    `<w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>`,
    `<w:tblBorders>${borders}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    '<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>',
    "</w:tblPr><w:tblGrid>",
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join(""),
    "</w:tblGrid>",
    row(
      block.columns.map((c) => c.header),
      true,
      true,
      0,
    ),
    block.rows.map((r, i) => row(r, false, false, i + 1)).join(""),
    block.total ? row(block.total, true, false, last) : "",
    "</w:tbl>",
  ].join("");
}
