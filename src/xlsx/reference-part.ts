import { cellRef } from "../cells";
import { REFERENCE_NUMBER_FORMATS, xlsxFormula, type ReferenceSheet } from "../portable";
import type { StyleBook } from "./styles";
import { escapeXml } from "./xml";

/**
 * The portable formulas' reference sheet (rates per half-year, public holidays) as a worksheet part,
 * and the workbook edits that list it: rows 1 and 4 are headings in bold, number formats from row 5.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function styleFor(sheet: ReferenceSheet, row: number, column: number, styles: StyleBook): number | undefined {
  if (row === 0 || row === 3) return styles.cell(undefined, true);
  if (row < 4) return undefined;
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
      if (typeof v === "string") {
        const bold = i === 0 || i === 3 ? styles.cell(undefined, true) : undefined;
        return `<c r="${ref}"${bold !== undefined ? ` s="${bold}"` : ""} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      }
      const style = styleFor(sheet, i, j, styles);
      const s = style === undefined ? "" : ` s="${style}"`;
      if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
      return `<c r="${ref}"${s}><f>${escapeXml(xlsxFormula(v.formula))}</f><v>${v.result}</v></c>`;
    });
    return `<row r="${i + 1}">${cells.join("")}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData></worksheet>`;
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
