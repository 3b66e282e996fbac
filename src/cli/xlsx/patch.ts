import { promises as fs } from "node:fs";
import * as path from "node:path/posix";
import { StringDecoder } from "node:string_decoder";
import { NUMBER_FORMATS, type CellValue, type OutputColumn } from "../../apply";
import type { Language } from "../../engine";
import { xlsxFormula, type ReferenceSheet } from "../../portable";
import { referenceSheetXml, workbookWithReference } from "./reference-part";
import { colsWithNewColumns } from "./columns";
import { columnIndex } from "../../cells";
import { trimTrailing, type OutputCell, type StreamHandler } from "../register-io";
import {
  cellRef,
  decodeXml,
  escapeXml,
  lastRowWithValues,
  nextRow,
  rowNumberOf,
  parseCells,
  parseSharedStrings,
  type SheetCell,
} from "./sheet-xml";
import { legacyDrawingOf } from "./worksheet-tail";
import { addComment, addNoteShape, newComments, newNoteDrawing, shapeBlocks } from "./note";
import { deflate, entryChunks, entryText, readZip, ZipWriter, type ZipEntry } from "./zip";

/**
 * The fast path of `echeance apply` for large xlsx registers: the workbook is copied part by part,
 * byte for byte, except the register sheet, whose rows are rewritten one by one with the new cells
 * appended (and the styles part, which gains their formats). Everything else in the file — other
 * sheets, charts, merges, filters, hidden rows, column widths, conditional formats, comments,
 * defined names — comes through untouched, which the exceljs streaming copy cannot promise, and at
 * a fraction of its cost: no cell object is built for the cells that are only copied.
 *
 * Files this path does not read (zip64, encrypted, Strict OOXML, the 1904 date system, a sheet that
 * is not a worksheet) raise `UnsupportedXlsx`, and the caller falls back to the exceljs stream.
 */

export class UnsupportedXlsx extends Error {
  constructor(
    en: string,
    readonly fr: string,
  ) {
    super(en);
  }
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part's name in the zip, resolved against the source part's folder. */
  readonly part: string;
}

function relsPartOf(part: string): string {
  return path.join(path.dirname(part), "_rels", `${path.basename(part)}.rels`);
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1] as string) : undefined;
}

/**
 * Relationship ids not used in a .rels part: every Id counts, external ones (hyperlinks) included,
 * since Ids are unique within the part (OPC, ECMA-376-2 §6.5.3.4).
 */
function unusedRelIds(xml: string | undefined, count: number): string[] {
  const used = new Set([...(xml ?? "").matchAll(/<Relationship\b[^>]*?\sId="([^"]*)"/g)].map((m) => m[1]));
  const free: string[] = [];
  for (let n = 1; free.length < count; n++) if (!used.has(`rId${n}`)) free.push(`rId${n}`);
  return free;
}

/** Removes the calculation chain: its part, the workbook's relationship to it and its content type. */
function dropCalcChain(pkg: Package, edits: PackageEdits): void {
  const chain = pkg.workbookRels.find((r) => r.type.endsWith("/calcChain"));
  if (!chain) return;
  edits.remove(chain.part);
  edits.removeRelationship(relsPartOf(pkg.workbookPart), chain.id);
}

function relationships(xml: string | undefined, source: string): Relationship[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].flatMap((m) => {
    const a = m[1] as string;
    const id = attr(a, "Id");
    const type = attr(a, "Type");
    const target = attr(a, "Target");
    if (
      id === undefined ||
      type === undefined ||
      target === undefined ||
      attr(a, "TargetMode") === "External"
    )
      return [];
    const part = target.startsWith("/") ? target.slice(1) : path.join(path.dirname(source), target);
    return [{ id, type, part }];
  });
}

/** The workbook's register sheet and the parts around it, found through the package relationships. */
interface Package {
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
  readonly sheetName: string;
  readonly sheetPart: string;
  readonly stylesPart: string;
  readonly shared: readonly string[];
  readonly workbookPart: string;
  readonly workbookRels: readonly Relationship[];
  readonly sheets: readonly { readonly name: string; readonly relId: string }[];
}

function openPackage(buf: Buffer, sheet: string | undefined): Package | undefined {
  let entries: ZipEntry[];
  try {
    entries = readZip(buf);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UnsupportedXlsx(`zip: ${why}`, `zip : ${why}`);
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (part: string): string | undefined => {
    const e = byName.get(part);
    return e ? entryText(e) : undefined;
  };
  const main = relationships(text("_rels/.rels"), "").find((r) => r.type.endsWith("/officeDocument"));
  const workbookXml = main && text(main.part);
  if (!main || workbookXml === undefined)
    throw new UnsupportedXlsx("no workbook part", "pas de classeur dans le fichier");
  if (workbookXml.includes(STRICT))
    throw new UnsupportedXlsx("Strict Open XML workbook", "classeur au format Open XML strict");
  if (/<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml))
    throw new UnsupportedXlsx("1904 date system", "calendrier depuis 1904");
  const rels = relationships(text(relsPartOf(main.part)), main.part);
  const sheets = [...workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => {
    const a = m[1] as string;
    return { name: attr(a, "name") ?? "", relId: /\s[\w]+:id="([^"]*)"/.exec(a)?.[1] ?? "" };
  });
  if (sheets.length === 0)
    throw new UnsupportedXlsx(
      "no sheet found in the workbook part",
      "aucune feuille trouvée dans le classeur",
    );
  const isWorksheet = (s: { relId: string }): boolean =>
    rels.some((r) => r.id === s.relId && r.type.endsWith("/worksheet"));
  // Without a name, the first worksheet (a chart sheet may come first), as exceljs's worksheets[0].
  const chosen =
    sheet === undefined
      ? sheets.find(isWorksheet)
      : sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (!chosen) return undefined;
  const rel = rels.find((r) => r.id === chosen.relId);
  if (!rel || !rel.type.endsWith("/worksheet") || !byName.has(rel.part))
    throw new UnsupportedXlsx(
      `sheet "${chosen.name}" is not a worksheet`,
      `la feuille « ${chosen.name} » n'est pas une feuille de calcul`,
    );
  const styles = rels.find((r) => r.type.endsWith("/styles"));
  if (!styles || !byName.has(styles.part))
    throw new UnsupportedXlsx("no styles part", "pas de styles dans le classeur");
  const sharedPart = rels.find((r) => r.type.endsWith("/sharedStrings"))?.part;
  const sharedXml = sharedPart === undefined ? undefined : text(sharedPart);
  return {
    entries,
    byName,
    sheetName: chosen.name,
    sheetPart: rel.part,
    stylesPart: styles.part,
    shared: sharedXml === undefined ? [] : parseSharedStrings(sharedXml),
    workbookPart: main.part,
    workbookRels: rels,
    sheets,
  };
}

// ---- styles -----------------------------------------------------------------------------------

/** Style indexes (cellXfs) of the new cells. */
export interface NewStyles {
  readonly bold: number;
  readonly date: number;
  readonly money: number;
  readonly integer: number;
  /** The as-of date in the header row. */
  readonly boldDate: number;
  /** The portable formulas' reference sheet: rates (built-in 10, "0.00%") and text (built-in 49, "@"). */
  readonly percent: number;
  readonly text: number;
}

/** Adds a bold font and the three number formats to styles.xml, as new cellXfs entries. */
export function addStyles(xml: string): { xml: string; ids: NewStyles } {
  const formats = [NUMBER_FORMATS.date, NUMBER_FORMATS.money, NUMBER_FORMATS.integer];
  const ids = new Map<string, number>();
  let maxId = 163; // custom formats start at 164 (§18.8.30)
  // Ids are taken past every numFmt (differential formats' too); a code is reused only from the
  // workbook's own list, since a dxf's number format is not defined for cells (§18.8.17).
  const own = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml)?.[1] ?? "";
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] as string, "numFmtId"));
    if (Number.isFinite(id)) maxId = Math.max(maxId, id);
  }
  for (const m of own.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] as string, "numFmtId"));
    const code = attr(m[1] as string, "formatCode");
    if (code !== undefined && Number.isFinite(id) && !ids.has(code)) ids.set(code, id);
  }
  // Built-in 14 is a short date in the user's locale, not dd/mm/yyyy: the formats are always custom.
  const added = formats.filter((f) => !ids.has(f));
  added.forEach((f) => ids.set(f, ++maxId));
  const numFmtXml = added
    .map((f) => `<numFmt numFmtId="${ids.get(f)}" formatCode="${escapeXml(f)}"/>`)
    .join("");
  let out = xml;
  if (added.length > 0) {
    if (/<numFmts\b[^>]*\/>/.test(out))
      out = out.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${numFmtXml}</numFmts>`);
    else if (/<\/numFmts>/.test(out)) out = out.replace("</numFmts>", `${numFmtXml}</numFmts>`);
    else out = out.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts>${numFmtXml}</numFmts>`);
    out = recount(out, "numFmts", "numFmt");
  }
  const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(out);
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(out);
  if (!fonts || !cellXfs)
    throw new UnsupportedXlsx(
      "styles part without fonts or cell formats",
      "styles sans polices ni formats de cellule",
    );
  // The bold font is the workbook's default font (the first) made bold, so headers keep its face and size.
  const first = /<font\b[^>]*\/>|<font\b[^>]*>[\s\S]*?<\/font>/.exec(fonts[1] as string)?.[0] ?? "<font/>";
  const bold = first.endsWith("/>")
    ? `${first.slice(0, -2)}><b/></font>`
    : first.replace(/<b\s*\/>|<b\s+val="[^"]*"\s*\/>/, "").replace(/^(<font\b[^>]*>)/, "$1<b/>");
  const boldFont = count(fonts[1] as string, "font");
  out = recount(out.replace("</fonts>", `${bold}</fonts>`), "fonts", "font");
  const firstXf = count(
    (/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(out) as RegExpExecArray)[1] as string,
    "xf",
  );
  const xf = (numFmtId: number, fontId: number): string =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}/>`;
  const xfs = [
    xf(0, boldFont),
    xf(ids.get(NUMBER_FORMATS.date) as number, 0),
    xf(ids.get(NUMBER_FORMATS.money) as number, 0),
    xf(ids.get(NUMBER_FORMATS.integer) as number, 0),
    xf(ids.get(NUMBER_FORMATS.date) as number, boldFont),
    xf(10, 0),
    xf(49, 0),
  ].join("");
  out = recount(out.replace("</cellXfs>", `${xfs}</cellXfs>`), "cellXfs", "xf");
  return {
    xml: out,
    ids: {
      bold: firstXf,
      date: firstXf + 1,
      money: firstXf + 2,
      integer: firstXf + 3,
      boldDate: firstXf + 4,
      percent: firstXf + 5,
      text: firstXf + 6,
    },
  };
}

function count(inner: string, element: string): number {
  return (inner.match(new RegExp(`<${element}\\b`, "g")) ?? []).length;
}

/** Sets a collection's count attribute to the number of its children. */
function recount(xml: string, collection: string, element: string): string {
  return xml.replace(
    new RegExp(`<${collection}\\b([^>]*)>([\\s\\S]*?)</${collection}>`),
    (_, attrs: string, inner: string) => {
      const n = count(inner, element);
      const rest = attrs.replace(/\s+count="[^"]*"/, "");
      return `<${collection} count="${n}"${rest}>${inner}</${collection}>`;
    },
  );
}

// ---- new cells --------------------------------------------------------------------------------

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

function textCell(ref: string, text: string, style: number | undefined): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function styleOf(format: OutputColumn["format"], styles: NewStyles): number | undefined {
  return format === "text" ? undefined : styles[format];
}

/** A new cell's XML; "" for an empty one. Dates are 1900-system serials (1904 workbooks do not come here). */
function outputCellXml(
  ref: string,
  v: OutputCell,
  format: OutputColumn["format"],
  styles: NewStyles,
): string {
  const style = styleOf(format, styles);
  const s = style ? ` s="${style}"` : "";
  if (typeof v === "object") {
    const f = `<f>${escapeXml(xlsxFormula(v.formula))}</f>`;
    if (v.result === "") return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof v.result === "number") return `<c r="${ref}"${s}>${f}<v>${numberText(v.result)}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(v.result)}</v></c>`;
  }
  if (v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${numberText(v)}</v></c>`;
  return textCell(ref, v, style);
}

/** Zero-based columns a row's new cells take; the file's cells there are replaced. */
interface ColumnRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A row with new cells: the row's own cells kept as they are, except those in the columns the new
 * cells take (an earlier run's values there are replaced, even by an empty cell, as the in-memory path
 * does), in column order. `spans` is dropped: it is an optional hint (§18.3.1.73) the new cells would
 * contradict. Says whether a formula cell of the file was replaced.
 */
function rowWithCells(
  open: string,
  cells: readonly SheetCell[],
  inner: string,
  added: readonly { column: number; xml: string }[],
  range?: ColumnRange,
): { xml: string; droppedFormula: boolean } {
  const dropped = range ? cells.filter((c) => c.column >= range.from && c.column <= range.to) : [];
  if (!range || (added.length === 0 && dropped.length === 0))
    return { xml: open.endsWith("/>") ? open : `${open}${inner}</row>`, droppedFormula: false };
  for (const c of dropped) refuseSharedFormulaReachingOut(c, range);
  const tag = open.replace(/\s+spans="[^"]*"/, "").replace(/\s*\/>$/, ">");
  const addedXml = added.map((a) => a.xml).join("");
  // A row's extension list, if any, comes after its cells (CT_Row); a cell may have its own inside it.
  const last = cells[cells.length - 1];
  const ext = inner.indexOf("<extLst", last ? inner.lastIndexOf(last.xml) + last.xml.length : 0);
  const extLst = ext >= 0 ? inner.slice(ext) : "";
  const droppedFormula = dropped.some((c) => c.xml.includes("<f"));
  if (!last || last.column < range.from)
    return {
      xml: `${tag}${ext >= 0 ? inner.slice(0, ext) : inner}${addedXml}${extLst}</row>`,
      droppedFormula,
    };
  const before = cells.filter((c) => c.column < range.from).map((c) => c.xml);
  const after = cells.filter((c) => c.column > range.to).map((c) => c.xml);
  return { xml: `${tag}${before.join("")}${addedXml}${after.join("")}${extLst}</row>`, droppedFormula };
}

/**
 * A shared formula's master cell holds the formula its other cells reuse (§18.3.1.40): replacing the
 * master where those cells lie outside the new columns would leave them without a formula.
 */
function refuseSharedFormulaReachingOut(cell: SheetCell, range: ColumnRange): void {
  const ref = /<f\b[^>]*\bt="shared"[^>]*\bref="([A-Z]+)\d+(?::([A-Z]+)\d+)?"/.exec(cell.xml);
  if (!ref) return;
  const first = columnIndex(ref[1] as string);
  const last = columnIndex(ref[2] ?? (ref[1] as string));
  if (first >= range.from && last <= range.to) return;
  const at = /\br="([A-Z]+\d+)"/.exec(cell.xml)?.[1] ?? "";
  throw new UnsupportedXlsx(
    `cell ${at} holds a formula shared with cells outside the new columns: move it, or the cells right of the register, and run again`,
    `la cellule ${at} porte une formule partagée avec des cellules hors des nouvelles colonnes : déplacez-la, ou les cellules à droite du registre, et relancez`,
  );
}

// ---- the register sheet -----------------------------------------------------------------------

interface SheetPass {
  dataRows: number | undefined;
  note: string | undefined;
  /** Zero-based first new column and how many, once the header row is known. */
  firstColumn: number;
  columnCount: number;
  columnFormats: OutputColumn["format"][];
  /** The header row's number, for the note's anchor. */
  headerRow: number;
  /** The relationship id of the sheet's legacy drawing, and whether the pass added the element. */
  drawingRelId: string | undefined;
  drawingAdded: boolean;
  /** A formula cell of the file was replaced by a new cell: the calculation chain names it. */
  droppedFormula: boolean;
}

function rowValuesOf(cells: readonly SheetCell[]): CellValue[] {
  const values: CellValue[] = [];
  for (const c of cells) values[c.column] = c.value;
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = "";
  return values;
}

/** The sheet's head (before its rows) with the dimension and column widths of the new columns. */
function headWithColumns(head: string, pass: SheetPass): string {
  if (pass.columnCount === 0) return head;
  const lastColumn = pass.firstColumn + pass.columnCount - 1;
  const out = head.replace(
    /<dimension\b([^>]*?)ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/,
    (m, a: string, c1: string, r1: string, c2?: string, r2?: string) => {
      const end = c2 ?? c1;
      const endIndex = Math.max(columnIndex(end), lastColumn);
      return `<dimension${a}ref="${c1}${r1}:${cellRef(endIndex, Number(r2 ?? r1))}"`;
    },
  );
  const existing = /<cols>([\s\S]*?)<\/cols>|<cols\s*\/>/.exec(out);
  const cols = colsWithNewColumns(existing?.[1], pass.firstColumn + 1, pass.columnFormats);
  // <cols> comes right before <sheetData> (CT_Worksheet).
  return existing ? out.replace(existing[0], cols) : out.replace(/<sheetData\b/, `${cols}<sheetData`);
}

interface SheetRewrite {
  readonly shared: readonly string[];
  readonly sheetName: string;
  readonly handler: StreamHandler;
  readonly lang: Language;
  readonly styles: NewStyles;
  /** What the pass finds, for the parts written after it. */
  readonly pass: SheetPass;
  /** The relationship id a new legacy drawing for the note takes. */
  readonly newDrawingRelId: string;
  readonly lastValueRow: number;
  readonly onRows: ((rows: number) => void) | undefined;
}

/** The register sheet's XML, row by row, with the new cells (see `patchRegister`). */
async function* rewriteSheet(
  chunks: AsyncIterable<Buffer>,
  { shared, sheetName, handler, lang, styles, pass, newDrawingRelId, lastValueRow, onRows }: SheetRewrite,
): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let text = "";
  let pos = 0;
  // Widened on purpose: the closures below move it on, which control-flow narrowing does not see.
  let phase = "head" as "head" | "rows" | "tail";
  let head = "";
  const held: string[] = []; // rows before the header row is known
  let out: string[] = [];
  let outLength = 0;
  let rowNumber = 0;
  let headerRow = 0;
  let width = 0;
  let columns: readonly OutputColumn[] = [];
  let count = 0;
  const emit = (s: string): void => {
    if (headerRow === 0 && phase !== "tail") held.push(s);
    else {
      out.push(s);
      outLength += s.length;
    }
  };

  function headerCells(begun: ReturnType<StreamHandler["begin"]>): { column: number; xml: string }[] {
    const cells = begun.columns.map((c, j) => ({
      column: width + j,
      xml: textCell(cellRef(width + j, headerRow), c.header[lang], styles.bold),
    }));
    (begun.after ?? []).forEach((v, k) => {
      const column = width + begun.columns.length + k;
      const ref = cellRef(column, headerRow);
      cells.push({
        column,
        xml:
          typeof v === "number"
            ? `<c r="${ref}" s="${styles.boldDate}"><v>${numberText(v)}</v></c>`
            : textCell(ref, v, styles.bold),
      });
    });
    return cells;
  }

  let dataRange: ColumnRange = { from: 0, to: -1 };

  function emitRow(
    open: string,
    cells: readonly SheetCell[],
    inner: string,
    added: readonly { column: number; xml: string }[],
    range?: ColumnRange,
  ): void {
    const row = rowWithCells(open, cells, inner, added, range);
    if (row.droppedFormula) pass.droppedFormula = true;
    emit(row.xml);
  }

  function processRow(open: string, inner: string): void {
    rowNumber = rowNumberOf(open, rowNumber);
    // Rows after the last one with a value are formatting only: no data rows (as in the in-memory
    // path, where exceljs's eachRow skips them), copied as they are.
    if (headerRow !== 0 && rowNumber > lastValueRow) return emitRow(open, [], inner, []);
    const cells = inner === "" ? [] : parseCells(inner, shared);
    const values = rowValuesOf(cells);
    const blank = !values.some((v) => v !== "");
    if (headerRow === 0) {
      if (blank) return emitRow(open, cells, inner, []);
      headerRow = rowNumber;
      const headers = trimTrailing(values);
      width = headers.length;
      const begun = handler.begin({ sheetName, headerRow, headers });
      columns = begun.columns;
      pass.headerRow = headerRow;
      pass.firstColumn = width;
      pass.columnCount = begun.columns.length + (begun.after?.length ?? 0);
      pass.columnFormats = [
        ...begun.columns.map((c) => c.format),
        ...(begun.after ?? []).map(() => "date" as const),
      ];
      pass.note = begun.note;
      dataRange = { from: width, to: width + columns.length - 1 };
      const heldRows = held.splice(0);
      out.push(headWithColumns(head, pass), ...heldRows);
      emitRow(open, cells, inner, headerCells(begun), { from: width, to: width + pass.columnCount - 1 });
      return;
    }
    // Blank lines absent from the file count as blank rows, as in the in-memory path.
    for (let gap = headerRow + 1 + count; gap < rowNumber; gap++, count++) {
      const added = newCells(handler.row([], gap - headerRow - 1), gap);
      if (added.length > 0) emitRow(`<row r="${gap}">`, [], "", added, dataRange);
    }
    const index = rowNumber - headerRow - 1;
    const added = newCells(handler.row(blank ? [] : values.slice(0, width), index), rowNumber);
    emitRow(open, cells, inner, added, dataRange);
    count += 1;
    if (onRows && count % 5000 === 0) onRows(count);
  }

  function newCells(values: readonly OutputCell[], row: number): { column: number; xml: string }[] {
    const cells: { column: number; xml: string }[] = [];
    values.forEach((v, j) => {
      const xml = outputCellXml(cellRef(width + j, row), v, columns[j]?.format ?? "text", styles);
      if (xml !== "") cells.push({ column: width + j, xml });
    });
    return cells;
  }

  const consume = (final: boolean): void => {
    for (;;) {
      if (phase === "head") {
        const m = /<sheetData\b[^>]*?(\/?)>/.exec(text.slice(pos));
        if (!m) {
          if (text.length - pos > 1 << 20)
            throw new UnsupportedXlsx(
              "no cell data in the sheet",
              "pas de données de cellules dans la feuille",
            );
          return;
        }
        const end = pos + m.index + m[0].length;
        if (m[1] === "/") {
          // An empty sheet: no rows, no header.
          head += text.slice(pos, pos + m.index);
          phase = "tail";
          out.push(head, "<sheetData/>");
          pos = end;
          continue;
        }
        head += text.slice(pos, end);
        pos = end;
        phase = "rows";
        continue;
      }
      if (phase === "rows") {
        const rowAt = text.indexOf("<row", pos);
        const endAt = text.indexOf("</sheetData>", pos);
        if (endAt >= 0 && (rowAt < 0 || endAt < rowAt)) {
          if (headerRow === 0) out.push(head, ...held.splice(0));
          out.push("</sheetData>");
          pos = endAt + "</sheetData>".length;
          phase = "tail";
          continue;
        }
        const row = rowAt < 0 ? undefined : nextRow(text, rowAt);
        if (!row) return;
        processRow(row.open, row.inner);
        pos = row.end;
        continue;
      }
      // The tail is kept whole (merges, filters, formats: small), to place the note's drawing in it.
      if (!final) return;
      let tail = text.slice(pos);
      pos = text.length;
      if (pass.note !== undefined) {
        const drawing = legacyDrawingOf(tail, newDrawingRelId);
        tail = drawing.tail;
        pass.drawingRelId = drawing.relId;
        pass.drawingAdded = drawing.added;
      }
      out.push(tail);
      return;
    }
  };

  for await (const chunk of chunks) {
    text = text.slice(pos) + decoder.write(chunk);
    pos = 0;
    consume(false);
    if (outLength > 1 << 16) {
      yield out.join("");
      out = [];
      outLength = 0;
    }
  }
  text = text.slice(pos) + decoder.end();
  pos = 0;
  consume(true);
  if (phase !== "tail")
    throw new UnsupportedXlsx(
      "the sheet's XML ends inside its rows",
      "le XML de la feuille s'arrête au milieu de ses lignes",
    );
  pass.dataRows = headerRow === 0 ? undefined : count;
  yield out.join("");
}

// ---- the note (provenance) --------------------------------------------------------------------

/** The first id block of 1,024 shape ids that no legacy drawing of the workbook uses. */
function freeShapeBlock(pkg: Package): number {
  let max = 0;
  for (const e of pkg.entries) if (e.name.endsWith(".vml")) max = Math.max(max, ...shapeBlocks(entryText(e)));
  return max + 1;
}

function unusedName(byName: ReadonlyMap<string, unknown>, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!byName.has(pattern(n))) return pattern(n);
}

// ---- the whole file ---------------------------------------------------------------------------

export interface PatchOutcome {
  /** Data rows seen, or undefined when the register sheet was not found or empty. */
  readonly dataRows: number | undefined;
  /** The input was macro-enabled and the output is an .xlsx: its VBA project was left out. */
  readonly macrosDropped?: boolean;
}

/**
 * Writes `output`: `input` with the register sheet's rows given their new cells by `handler`.
 * Throws UnsupportedXlsx (before writing anything) for a file this path does not read.
 */
export async function patchRegister(
  input: string,
  output: string,
  sheet: string | undefined,
  handler: StreamHandler,
  lang: Language,
  onRows?: (rows: number) => void,
  reference?: () => ReferenceSheet | undefined,
): Promise<PatchOutcome> {
  const buf = await fs.readFile(input);
  const pkg = openPackage(buf, sheet);
  if (!pkg) return { dataRows: undefined };
  const sheetEntry = pkg.byName.get(pkg.sheetPart) as ZipEntry;
  const stylesEntry = pkg.byName.get(pkg.stylesPart) as ZipEntry;
  const styles = addStyles(entryText(stylesEntry));

  // The note goes into the sheet's comments and legacy drawing, which are made where missing.
  const sheetRelsPart = relsPartOf(pkg.sheetPart);
  const sheetRelsXml = pkg.byName.has(sheetRelsPart)
    ? entryText(pkg.byName.get(sheetRelsPart) as ZipEntry)
    : undefined;
  const sheetRels = relationships(sheetRelsXml, pkg.sheetPart);
  const freeIds = unusedRelIds(sheetRelsXml, 2);
  const pass: SheetPass = {
    dataRows: undefined,
    note: undefined,
    firstColumn: 0,
    columnCount: 0,
    columnFormats: [],
    headerRow: 0,
    drawingRelId: undefined,
    drawingAdded: false,
    droppedFormula: false,
  };
  const sheetData = await deflate(
    rewriteSheet(entryChunks(sheetEntry), {
      shared: pkg.shared,
      sheetName: pkg.sheetName,
      handler,
      lang,
      styles: styles.ids,
      pass,
      newDrawingRelId: freeIds[1] as string,
      lastValueRow: await lastRowWithValues(entryChunks(sheetEntry)),
      onRows,
    }),
  );
  const edits = new PackageEdits(pkg);
  edits.edit(pkg.stylesPart, () => styles.xml);
  const macrosDropped = matchWorkbookTypeToName(pkg, edits, output);
  // A replaced formula cell would stay in the calculation chain, which Excel then repairs: the chain
  // is optional (§18.6) and Excel rebuilds it.
  if (pass.droppedFormula) dropCalcChain(pkg, edits);
  const note = pass.dataRows === undefined ? undefined : pass.note;
  if (note !== undefined) {
    const noteRow = pass.headerRow - 1;
    const noteRef = cellRef(pass.firstColumn, pass.headerRow);
    const newRels: Relationship[] = [];
    const existingComments = sheetRels.find((r) => r.type.endsWith("/comments") && pkg.byName.has(r.part));
    if (existingComments) edits.edit(existingComments.part, (xml) => addComment(xml, noteRef, note));
    else {
      const part = unusedName(pkg.byName, (k) => `xl/comments${k}.xml`);
      newRels.push({ id: freeIds[0] as string, type: `${REL}/comments`, part });
      edits.add(part, newComments(noteRef, note));
      edits.contentType(part, COMMENTS_TYPE);
    }
    const existingDrawing = pass.drawingAdded
      ? undefined
      : sheetRels.find((r) => r.id === pass.drawingRelId && pkg.byName.has(r.part));
    if (existingDrawing)
      edits.edit(existingDrawing.part, (xml) =>
        addNoteShape(xml, noteRow, pass.firstColumn, freeShapeBlock(pkg)),
      );
    else {
      const part = unusedName(pkg.byName, (k) => `xl/drawings/vmlDrawing${k}.vml`);
      newRels.push({ id: pass.drawingRelId ?? (freeIds[1] as string), type: `${REL}/vmlDrawing`, part });
      edits.add(part, newNoteDrawing(noteRow, pass.firstColumn, freeShapeBlock(pkg)));
      edits.edit("[Content_Types].xml", withVmlDefault);
    }
    if (newRels.length > 0) edits.editOrAdd(sheetRelsPart, (xml) => relsWith(xml, pkg.sheetPart, newRels));
  }
  const ref = pass.dataRows === undefined ? undefined : reference?.();
  if (ref) addReferenceSheet(pkg, edits, ref, styles.ids);

  const file = await fs.open(output, "w");
  try {
    const zip = new ZipWriter(file);
    for (const entry of pkg.entries) {
      const edit = edits.editOf(entry.name);
      if (edits.isRemoved(entry.name)) continue;
      if (entry === sheetEntry) await zip.add(entry.name, sheetData);
      else if (edit) await zip.add(entry.name, await deflate([edit(entryText(entry))]));
      else await zip.copy(entry);
    }
    for (const [name, xml] of edits.added()) await zip.add(name, await deflate([xml]));
    await zip.close();
  } finally {
    await file.close();
  }
  return { dataRows: pass.dataRows, ...(macrosDropped ? { macrosDropped } : {}) };
}

/** The workbook part's content type each file extension goes with, and whether it holds macros. */
const MAIN_TYPES: Record<string, { readonly type: string; readonly macros: boolean }> = {
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", macros: false },
  xlsm: { type: "application/vnd.ms-excel.sheet.macroEnabled.main+xml", macros: true },
  xltx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    macros: false,
  },
  xltm: { type: "application/vnd.ms-excel.template.macroEnabled.main+xml", macros: true },
};

/**
 * Excel opens a file only when its extension matches its workbook's content type: the copy takes the
 * type its name says, as Save As does. A macro-enabled workbook (or template) saved as .xlsx loses
 * its VBA project, as in Excel; true when it had one.
 */
function matchWorkbookTypeToName(pkg: Package, edits: PackageEdits, output: string): boolean {
  const types = entryText(pkg.byName.get("[Content_Types].xml") as ZipEntry);
  const override = new RegExp(`<Override\\b[^>]*?PartName="/${escapeRegExp(pkg.workbookPart)}"[^>]*?/>`).exec(
    types,
  )?.[0];
  const current = override && /ContentType="([^"]*)"/.exec(override)?.[1];
  const kind =
    MAIN_TYPES[/\.(\w+)$/.exec(output)?.[1]?.toLowerCase() ?? ""] ??
    (MAIN_TYPES.xlsx as { type: string; macros: boolean });
  const wanted = kind.type;
  const macro = kind.macros;
  if (override && current !== wanted)
    edits.edit("[Content_Types].xml", (xml) =>
      xml.replace(override, override.replace(`"${current}"`, `"${wanted}"`)),
    );
  if (macro) return false;
  const vba = pkg.workbookRels.filter((r) => r.type.endsWith("/vbaProject"));
  for (const rel of vba) {
    const related = relationships(
      pkg.byName.has(relsPartOf(rel.part))
        ? entryText(pkg.byName.get(relsPartOf(rel.part)) as ZipEntry)
        : undefined,
      rel.part,
    );
    for (const part of [rel.part, relsPartOf(rel.part), ...related.map((r) => r.part)]) edits.remove(part);
    edits.removeRelationship(relsPartOf(pkg.workbookPart), rel.id);
  }
  return vba.length > 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** What the copy changes besides the register sheet: parts whose text is edited, and new parts. */
class PackageEdits {
  private readonly edits = new Map<string, ((xml: string) => string)[]>();
  private readonly news = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(private readonly pkg: Package) {}

  edit(part: string, fn: (xml: string) => string): void {
    this.edits.set(part, [...(this.edits.get(part) ?? []), fn]);
  }

  add(part: string, xml: string): void {
    this.news.set(part, xml);
  }

  /** Leaves the part out of the copy, with its content-type override if it has one. */
  remove(part: string): void {
    this.removed.add(part);
    this.edit("[Content_Types].xml", (xml) =>
      xml.replace(new RegExp(`<Override\\b[^>]*?PartName="/${escapeRegExp(part)}"[^>]*?/>`), ""),
    );
  }

  /** Takes a relationship out of a .rels part. */
  removeRelationship(relsPart: string, id: string): void {
    this.edit(relsPart, (xml) =>
      xml.replace(new RegExp(`<Relationship\\b[^>]*?\\sId="${escapeRegExp(id)}"[^>]*?/>`), ""),
    );
  }

  isRemoved(part: string): boolean {
    return this.removed.has(part);
  }

  /** Edits the part, or adds it as the edit of nothing when the file has none. */
  editOrAdd(part: string, fn: (xml: string | undefined) => string): void {
    if (this.pkg.byName.has(part)) this.edit(part, fn);
    else this.add(part, fn(undefined));
  }

  contentType(part: string, type: string): void {
    this.edit("[Content_Types].xml", (xml) =>
      xml.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`),
    );
  }

  editOf(part: string): ((xml: string) => string) | undefined {
    const fns = this.edits.get(part);
    return fns && ((xml) => fns.reduce((text, fn) => fn(text), xml));
  }

  added(): [string, string][] {
    return [...this.news];
  }
}

/**
 * The portable formulas' reference sheet: an earlier run's (same name) gets the new content in its
 * own part; otherwise a new worksheet part, listed last in the workbook. Either way the workbook asks
 * for a full recalculation on opening.
 */
function addReferenceSheet(
  pkg: Package,
  edits: PackageEdits,
  sheet: ReferenceSheet,
  styles: NewStyles,
): void {
  const xml = referenceSheetXml(sheet, styles);
  const earlier = pkg.sheets.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
  const earlierPart =
    earlier && pkg.workbookRels.find((r) => r.id === earlier.relId && r.type.endsWith("/worksheet"));
  if (earlierPart && pkg.byName.has(earlierPart.part)) {
    edits.edit(earlierPart.part, () => xml);
    edits.edit(pkg.workbookPart, (text) => workbookWithReference(text, undefined));
    return;
  }
  // The formulas name the sheet: another kind of sheet (a chart) under that name cannot stay beside it.
  if (earlier)
    throw new UnsupportedXlsx(
      `the workbook has a sheet named "${earlier.name}" that is not a worksheet: rename it, since the portable formulas read a sheet of that name`,
      `le classeur a une feuille « ${earlier.name} » qui n'est pas une feuille de calcul : renommez-la, les formules portables lisent une feuille de ce nom`,
    );
  const part = unusedName(pkg.byName, (k) => `xl/worksheets/sheet${k}.xml`);
  const workbookRels = pkg.byName.get(relsPartOf(pkg.workbookPart));
  const [id] = unusedRelIds(workbookRels ? entryText(workbookRels) : undefined, 1);
  const rel: Relationship = { id: id as string, type: `${REL}/worksheet`, part };
  edits.add(part, xml);
  edits.contentType(part, WORKSHEET_TYPE);
  edits.editOrAdd(relsPartOf(pkg.workbookPart), (text) => relsWith(text, pkg.workbookPart, [rel]));
  edits.edit(pkg.workbookPart, (text) => workbookWithReference(text, { name: sheet.name, relId: rel.id }));
}

/** [Content_Types].xml declaring the VML extension of legacy drawings. */
function withVmlDefault(xml: string): string {
  if (/<Default\b[^>]*Extension="vml"/i.test(xml)) return xml;
  return xml.replace(
    "</Types>",
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>',
  );
}

/** A part's relationships with the new ones added (targets relative to the part's folder). */
function relsWith(xml: string | undefined, source: string, added: readonly Relationship[]): string {
  const from = path.dirname(source);
  const text = added
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${path.relative(from, r.part)}"/>`)
    .join("");
  if (xml !== undefined && xml.includes("</Relationships>"))
    return xml.replace("</Relationships>", `${text}</Relationships>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${text}</Relationships>`;
}
