import { cellRef } from "../cells";
import { REFERENCE_NUMBER_FORMATS, xlsxFormula, type ReferenceSheet } from "../portable";
import type { StyleBook } from "./styles";
import { escapeXml } from "./xml";

/**
 * The portable formulas' reference sheet (rates per half-year, public holidays) as a worksheet part,
 * and the workbook edits that list it: the title and the headings in bold, the headings wrapped in a
 * row as tall as they need, number formats below them.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function styleFor(sheet: ReferenceSheet, row: number, column: number, styles: StyleBook): number | undefined {
  if (row === 0) return styles.cell(undefined, true);
  if (row === sheet.headerRow) return styles.cell(undefined, true, true);
  if (row < sheet.headerRow) return undefined;
  const format = sheet.columnFormats[column];
  return format === undefined ? undefined : styles.cell(REFERENCE_NUMBER_FORMATS[format]);
}

export function referenceSheetXml(sheet: ReferenceSheet, styles: StyleBook): string {
  const cols = sheet.columnWidths
    .map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const rows = sheet.rows.map((values, i) => {
    const cells = values.map((v, j) => {
      if (v === null) return "";
      const ref = cellRef(j, i + 1);
      const style = styleFor(sheet, i, j, styles);
      const s = style === undefined ? "" : ` s="${style}"`;
      if (typeof v === "string")
        return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
      return `<c r="${ref}"${s}><f>${escapeXml(xlsxFormula(v.formula))}</f><v>${v.result}</v></c>`;
    });
    const height = i === sheet.headerRow ? ` ht="${sheet.headerHeight}" customHeight="1"` : "";
    return `<row r="${i + 1}"${height}>${cells.join("")}</row>`;
  });
  // Printed as the register and the reports are: A4 landscape, fitted to one page wide, as many
  // pages tall as the holidays need (CT_Worksheet order: sheetPr first, pageMargins then pageSetup last).
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

/** Elements that follow <calcPr> in a workbook (CT_Workbook's sequence, §18.2.27). */
const AFTER_CALC_PR =
  /<(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/;

/**
 * workbook.xml with the reference sheet listed last (when it is new) and a full recalculation on
 * opening, so that Excel and LibreOffice compute the formulas instead of trusting their cached values.
 */
export function workbookWithReference(
  xml: string,
  sheet: { name: string; relId: string } | undefined,
): string {
  let out = xml;
  if (sheet) {
    const ids = [...out.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const entry = `<sheet name="${escapeXml(sheet.name)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${sheet.relId}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>`;
    out = out.replace("</sheets>", `${entry}</sheets>`);
  }
  if (/<calcPr\b/.test(out))
    return out.replace(/<calcPr\b([^>]*?)(\/?)>/, (_, attrs: string, close: string) => {
      const rest = attrs.replace(/\s+fullCalcOnLoad="[^"]*"/, "");
      return `<calcPr${rest} fullCalcOnLoad="1"${close}>`;
    });
  const at = AFTER_CALC_PR.exec(out);
  return at ? `${out.slice(0, at.index)}<calcPr fullCalcOnLoad="1"/>${out.slice(at.index)}` : out;
}
