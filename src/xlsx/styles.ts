import { unsupported } from "./errors";
import { attr, escapeXml } from "./xml";

/**
 * The styles part (§18.8) of a copy: the cell formats the new cells need (a bold header, the columns'
 * number formats) and the differential formats of the highlighting, added as new entries at the end
 * of their lists (the indexes existing cells use never move), allocated as they are asked for and
 * written once when the copy ends.
 */

/** Number formats Excel knows by id (§18.8.30) that the copy uses without declaring them. */
const BUILT_IN = new Map([
  ["@", 49],
  ["0.00%", 10],
]);

/** Built-in number formats that are dates or times (§18.8.30), for reading a 1904 workbook's dates. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a format code shows a date: d, m or y outside quoted text, escapes and [colour] blocks. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "");
  return /[dmy]/i.test(bare) && !/^[#0.,\s%E+-]*$/.test(bare);
}

function count(inner: string, element: string): number {
  return (inner.match(new RegExp(`<${element}\\b`, "g")) ?? []).length;
}

/** Sets a collection's count attribute to the number of its children. */
function recount(xml: string, collection: string, element: string): string {
  return xml.replace(
    new RegExp(`<${collection}\\b([^>]*)>([\\s\\S]*?)</${collection}>`),
    (_, attrs: string, inner: string) => {
      const rest = attrs.replace(/\s+count="[^"]*"/, "");
      return `<${collection} count="${count(inner, element)}"${rest}>${inner}</${collection}>`;
    },
  );
}

export class StyleBook {
  private readonly formats = new Map<string, number>();
  private readonly newFormats: { id: number; code: string }[] = [];
  private nextFormatId: number;
  private readonly firstXf: number;
  private readonly xfs: string[] = [];
  private readonly xfIndex = new Map<string, number>();
  private readonly firstDxf: number;
  private readonly dxfs: string[] = [];
  private readonly dxfIndex = new Map<string, number>();
  private readonly boldFontXml: string;
  private readonly boldFont: number;
  private boldUsed = false;

  constructor(private readonly xml: string) {
    let maxId = 163; // custom formats start at 164 (§18.8.30)
    // Ids are taken past every numFmt (differential formats' too); a code is reused only from the
    // workbook's own list, since a dxf's number format is not defined for cells (§18.8.17).
    for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const id = Number(attr(m[1] as string, "numFmtId"));
      if (Number.isFinite(id)) maxId = Math.max(maxId, id);
    }
    const own = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml)?.[1] ?? "";
    for (const m of own.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const id = Number(attr(m[1] as string, "numFmtId"));
      const code = attr(m[1] as string, "formatCode");
      if (code !== undefined && Number.isFinite(id) && !this.formats.has(code)) this.formats.set(code, id);
    }
    this.nextFormatId = maxId + 1;
    const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml);
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    if (!fonts || !cellXfs)
      throw unsupported({
        en: "the styles part has no fonts or cell formats",
        fr: "la partie des styles n'a ni polices ni formats de cellule",
      });
    // The bold font is the workbook's default font (the first) made bold, so headers keep its face and size.
    const first = /<font\b[^>]*\/>|<font\b[^>]*>[\s\S]*?<\/font>/.exec(fonts[1] as string)?.[0] ?? "<font/>";
    this.boldFontXml = first.endsWith("/>")
      ? `${first.slice(0, -2)}><b/></font>`
      : first.replace(/<b\s*\/>|<b\s+val="[^"]*"\s*\/>/, "").replace(/^(<font\b[^>]*>)/, "$1<b/>");
    this.boldFont = count(fonts[1] as string, "font");
    this.firstXf = count(cellXfs[1] as string, "xf");
    const dxfs = /<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(xml);
    this.firstDxf = dxfs ? count(dxfs[1] as string, "dxf") : 0;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN.get(code);
    if (builtIn !== undefined) return builtIn;
    // Built-in 14 is a short date in the user's locale, not dd/mm/yyyy: other formats are custom.
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formats.set(code, id);
      this.newFormats.push({ id, code });
    }
    return id;
  }

  /** The cellXfs index of a new cell's format: a number format (or none), whether bold, whether wrapped. */
  cell(numberFormat: string | undefined, bold = false, wrap = false): number | undefined {
    if (numberFormat === undefined && !bold && !wrap) return undefined;
    const key = `${numberFormat ?? ""}\u0000${bold}\u0000${wrap}`;
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      const numFmtId = numberFormat === undefined ? 0 : this.formatId(numberFormat);
      const fontId = bold ? this.boldFont : 0;
      if (bold) this.boldUsed = true;
      index = this.firstXf + this.xfs.length;
      const alignment = wrap ? '<alignment vertical="top" wrapText="1"/>' : "";
      const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${wrap ? ' applyAlignment="1"' : ""}`;
      this.xfs.push(wrap ? `${open}>${alignment}</xf>` : `${open}/>`);
      this.xfIndex.set(key, index);
    }
    return index;
  }

  /** The dxfs index of a solid fill ("#RRGGBB"), for a conditional format. */
  fill(color: string): number {
    const rgb = `FF${color.replace(/^#/, "").toUpperCase()}`;
    let index = this.dxfIndex.get(rgb);
    if (index === undefined) {
      index = this.firstDxf + this.dxfs.length;
      this.dxfs.push(
        `<dxf><fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor rgb="${rgb}"/></patternFill></fill></dxf>`,
      );
      this.dxfIndex.set(rgb, index);
    }
    return index;
  }

  get changed(): boolean {
    return this.xfs.length > 0 || this.dxfs.length > 0;
  }

  /** The styles part with what was asked for. */
  render(): string {
    let out = this.xml;
    if (this.newFormats.length > 0) {
      const numFmtXml = this.newFormats
        .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)
        .join("");
      if (/<numFmts\b[^>]*\/>/.test(out))
        out = out.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${numFmtXml}</numFmts>`);
      else if (/<\/numFmts>/.test(out)) out = out.replace("</numFmts>", `${numFmtXml}</numFmts>`);
      else out = out.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts>${numFmtXml}</numFmts>`);
      out = recount(out, "numFmts", "numFmt");
    }
    if (this.boldUsed) out = recount(out.replace("</fonts>", `${this.boldFontXml}</fonts>`), "fonts", "font");
    if (this.xfs.length > 0)
      out = recount(out.replace("</cellXfs>", `${this.xfs.join("")}</cellXfs>`), "cellXfs", "xf");
    if (this.dxfs.length > 0) {
      const added = this.dxfs.join("");
      if (/<dxfs\b[^>]*\/>/.test(out)) out = out.replace(/<dxfs\b[^>]*\/>/, `<dxfs>${added}</dxfs>`);
      else if (out.includes("</dxfs>")) out = out.replace("</dxfs>", `${added}</dxfs>`);
      else {
        // <dxfs> follows <cellStyles> (or <cellXfs>) in CT_Stylesheet.
        const after = /<\/cellStyles>|<cellStyles\b[^>]*\/>/.exec(out) ?? /<\/cellXfs>/.exec(out);
        const at = after ? after.index + after[0].length : out.lastIndexOf("</styleSheet>");
        out = `${out.slice(0, at)}<dxfs>${added}</dxfs>${out.slice(at)}`;
      }
      out = recount(out, "dxfs", "dxf");
    }
    return out;
  }
}

/** The cellXfs indexes whose number format shows a date (a 1904 workbook's date cells). */
export function dateStyles(xml: string): Set<number> {
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] as string, "numFmtId"));
    const code = attr(m[1] as string, "formatCode");
    if (code !== undefined) codes.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const dates = new Set<number>();
  [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].forEach((m, index) => {
    const id = Number(attr(m[1] as string, "numFmtId") ?? 0);
    const code = codes.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id)) dates.add(index);
  });
  return dates;
}
