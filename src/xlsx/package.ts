import * as path from "node:path/posix";
import { escapeMarkup } from "../cells";
import { unsupported, XlsxError } from "./errors";
import { attr, escapeRegExp, prefixedAttr } from "./xml";
import type { ZipSource } from "./zip";

/**
 * The package around the register sheet (OPC, ECMA-376 part 2): relationships, content types and the
 * workbook part, read once; and the edits a copy makes to them, kept as one list applied when the
 * copy is written.
 */

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
export const CONTENT_TYPES = "[Content_Types].xml";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part's name in the zip, resolved against the source part's folder. */
  readonly part: string;
}

export function relsPartOf(part: string): string {
  return path.join(path.dirname(part), "_rels", `${path.basename(part)}.rels`);
}

/** The internal relationships of a .rels part (external targets, such as hyperlinks, left out). */
export function relationships(xml: string | undefined, source: string): Relationship[] {
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
    return [{ id, type, part: decodeURIComponentSafe(part) }];
  });
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Relationship ids not used in a .rels part: every Id counts, external ones (hyperlinks) included,
 * since Ids are unique within the part (OPC §6.5.3.4).
 */
export function unusedRelIds(xml: string | undefined, count: number): string[] {
  const used = new Set([...(xml ?? "").matchAll(/<Relationship\b[^>]*?\sId="([^"]*)"/g)].map((m) => m[1]));
  const free: string[] = [];
  for (let n = 1; free.length < count; n++) if (!used.has(`rId${n}`)) free.push(`rId${n}`);
  return free;
}

/** A part's relationships with the new ones added (targets relative to the part's folder). */
export function relsWith(xml: string | undefined, source: string, added: readonly Relationship[]): string {
  const from = path.dirname(source);
  const text = added
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${path.relative(from, r.part)}"/>`)
    .join("");
  if (xml !== undefined && xml.includes("</Relationships>"))
    return xml.replace("</Relationships>", `${text}</Relationships>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${text}</Relationships>`;
}

export function unusedName(taken: (name: string) => boolean, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(pattern(n))) return pattern(n);
}

export interface SheetEntry {
  readonly name: string;
  readonly relId: string;
  /** 0-based position among the workbook's sheets (a defined name's localSheetId). */
  readonly index: number;
  /** The worksheet part, or undefined for a chart sheet, dialog sheet… */
  readonly part: string | undefined;
}

/** The workbook and the parts around it, read through the package relationships. */
export interface Package {
  readonly zip: ZipSource;
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRels: readonly Relationship[];
  readonly workbookRelsXml: string | undefined;
  readonly contentTypes: string;
  readonly sheets: readonly SheetEntry[];
  readonly stylesPart: string | undefined;
  readonly sharedStringsPart: string | undefined;
  readonly date1904: boolean;
}

export async function readPackage(zip: ZipSource): Promise<Package> {
  const contentTypes = await zip.text(CONTENT_TYPES);
  const main = relationships(await zip.text("_rels/.rels"), "").find((r) =>
    r.type.endsWith("/officeDocument"),
  );
  const workbookXml = main && (await zip.text(main.part));
  if (!main || workbookXml === undefined || contentTypes === undefined)
    throw new XlsxError(
      {
        en: "the file is a zip but not a workbook (no workbook part)",
        fr: "le fichier est une archive zip mais pas un classeur (pas de partie classeur)",
      },
      "unreadable",
    );
  if (workbookXml.includes(STRICT) || main.type.startsWith("http://purl.oclc.org/"))
    throw unsupported({
      en: "the workbook is in Strict Open XML format",
      fr: "le classeur est au format Open XML strict",
    });
  const workbookRelsXml = await zip.text(relsPartOf(main.part));
  const rels = relationships(workbookRelsXml, main.part);
  const sheets = [...workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m, index) => {
    const a = m[1] as string;
    const relId = prefixedAttr(a, "id") ?? "";
    const rel = rels.find((r) => r.id === relId);
    const part = rel && rel.type.endsWith("/worksheet") && zip.has(rel.part) ? rel.part : undefined;
    return { name: attr(a, "name") ?? "", relId, index, part };
  });
  if (sheets.length === 0)
    throw new XlsxError(
      { en: "no sheet found in the workbook part", fr: "aucune feuille trouvée dans le classeur" },
      "unsupported",
    );
  const part = (type: string): string | undefined => {
    const r = rels.find((x) => x.type.endsWith(type));
    return r && zip.has(r.part) ? r.part : undefined;
  };
  return {
    zip,
    workbookPart: main.part,
    workbookXml,
    workbookRels: rels,
    workbookRelsXml,
    contentTypes,
    sheets,
    stylesPart: part("/styles"),
    sharedStringsPart: part("/sharedStrings"),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml),
  };
}

/** What a copy changes besides the register sheet: parts whose text is edited, new parts, removed parts. */
export class PackageEdits {
  private readonly edits = new Map<string, ((xml: string) => string)[]>();
  private readonly news = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(private readonly pkg: Package) {}

  edit(part: string, fn: (xml: string) => string): void {
    this.edits.set(part, [...(this.edits.get(part) ?? []), fn]);
  }

  add(part: string, xml: string, contentType?: string): void {
    this.news.set(part, xml);
    if (contentType !== undefined)
      this.edit(CONTENT_TYPES, (types) =>
        types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`),
      );
  }

  /** Leaves the part out of the copy, with its content-type override if it has one. */
  remove(part: string): void {
    this.removed.add(part);
    this.edit(CONTENT_TYPES, (xml) =>
      xml.replace(new RegExp(`<Override\\b[^>]*?PartName="/${escapeRegExp(part)}"[^>]*?/>`), ""),
    );
  }

  /** Takes a relationship out of a .rels part. */
  removeRelationship(relsPart: string, id: string): void {
    this.edit(relsPart, (xml) =>
      xml.replace(new RegExp(`<Relationship\\b[^>]*?\\sId="${escapeRegExp(id)}"[^>]*?/>`), ""),
    );
  }

  /** Edits the part, or adds it as the edit of nothing when the file has none. */
  editOrAdd(part: string, fn: (xml: string | undefined) => string): void {
    if (this.pkg.zip.has(part)) this.edit(part, fn);
    else this.add(part, fn(this.news.get(part)));
  }

  isRemoved(part: string): boolean {
    return this.removed.has(part);
  }

  isTaken(part: string): boolean {
    return (this.pkg.zip.has(part) && !this.removed.has(part)) || this.news.has(part);
  }

  editOf(part: string): ((xml: string) => string) | undefined {
    const fns = this.edits.get(part);
    return fns && ((xml) => fns.reduce((text, fn) => fn(text), xml));
  }

  added(): [string, string][] {
    return [...this.news];
  }
}

/** The workbook part's content type each file extension goes with, and whether it holds macros. */
const MAIN_TYPES = new Map([
  [
    "xlsx",
    { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", macros: false },
  ],
  ["xlsm", { type: "application/vnd.ms-excel.sheet.macroEnabled.main+xml", macros: true }],
  [
    "xltx",
    { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml", macros: false },
  ],
  ["xltm", { type: "application/vnd.ms-excel.template.macroEnabled.main+xml", macros: true }],
]);

/**
 * Excel opens a file only when its extension matches its workbook's content type: the copy takes the
 * type its name says, as Save As does. A macro-enabled workbook (or template) saved as .xlsx loses
 * its VBA project, as in Excel; returns true when it had one.
 */
export async function matchWorkbookTypeToName(
  pkg: Package,
  edits: PackageEdits,
  output: string,
): Promise<boolean> {
  const override = new RegExp(`<Override\\b[^>]*?PartName="/${escapeRegExp(pkg.workbookPart)}"[^>]*?/>`).exec(
    pkg.contentTypes,
  )?.[0];
  const current = override && /ContentType="([^"]*)"/.exec(override)?.[1];
  const kind = MAIN_TYPES.get(/\.(\w+)$/.exec(output)?.[1]?.toLowerCase() ?? "") ?? MAIN_TYPES.get("xlsx");
  if (!kind) return false;
  if (override && current !== kind.type)
    edits.edit(CONTENT_TYPES, (xml) =>
      xml.replace(override, override.replace(`"${current}"`, `"${kind.type}"`)),
    );
  if (kind.macros) return false;
  const vba = pkg.workbookRels.filter((r) => r.type.endsWith("/vbaProject"));
  for (const rel of vba) {
    const related = relationships(await pkg.zip.text(relsPartOf(rel.part)), rel.part);
    for (const part of [rel.part, relsPartOf(rel.part), ...related.map((r) => r.part)])
      if (pkg.zip.has(part)) edits.remove(part);
    edits.removeRelationship(relsPartOf(pkg.workbookPart), rel.id);
  }
  return vba.length > 0;
}

/** Removes the calculation chain (optional, §18.6; Excel rebuilds it): its part, relationship and type. */
export function dropCalcChain(pkg: Package, edits: PackageEdits): void {
  const chain = pkg.workbookRels.find((r) => r.type.endsWith("/calcChain"));
  if (!chain || !pkg.zip.has(chain.part)) return;
  edits.remove(chain.part);
  edits.removeRelationship(relsPartOf(pkg.workbookPart), chain.id);
}

/** [Content_Types].xml declaring the VML extension of legacy drawings. */
export function withVmlDefault(xml: string): string {
  if (/<Default\b[^>]*Extension="vml"/i.test(xml)) return xml;
  return xml.replace(
    "</Types>",
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>',
  );
}

/** Elements that follow <definedNames> in a workbook (CT_Workbook's sequence, §18.2.27). */
const AFTER_DEFINED_NAMES =
  /<(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/;

/**
 * workbook.xml with the header row repeated on every printed page of a sheet (`_xlnm.Print_Titles`),
 * unless the sheet already has print titles (the user's choice is kept).
 */
export function workbookWithPrintTitles(xml: string, sheet: SheetEntry, headerRow1: number): string {
  const existing = new RegExp(
    `<definedName\\b[^>]*name="_xlnm\\.Print_Titles"[^>]*localSheetId="${sheet.index}"`,
  );
  const existing2 = new RegExp(
    `<definedName\\b[^>]*localSheetId="${sheet.index}"[^>]*name="_xlnm\\.Print_Titles"`,
  );
  if (existing.test(xml) || existing2.test(xml)) return xml;
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  const name = `<definedName name="_xlnm.Print_Titles" localSheetId="${sheet.index}">${escapeMarkup(quoted)}!$${headerRow1}:$${headerRow1}</definedName>`;
  if (/<definedNames\s*\/>/.test(xml))
    return xml.replace(/<definedNames\s*\/>/, `<definedNames>${name}</definedNames>`);
  if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", `${name}</definedNames>`);
  const at = AFTER_DEFINED_NAMES.exec(xml);
  return at ? `${xml.slice(0, at.index)}<definedNames>${name}</definedNames>${xml.slice(at.index)}` : xml;
}
