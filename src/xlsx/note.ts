import { escapeXml } from "./xml";

/**
 * The provenance note on a header cell, as Excel stores a note: an entry in the sheet's comments
 * part (§18.7) and a shape in its legacy VML drawing, without which Excel does not show it. Where the
 * sheet already has notes, ours joins them (an earlier note on the same cell is replaced).
 *
 * A VML part's namespace prefixes are whatever its writer chose (Excel: v, o, x; openpyxl: ns0, ns1…):
 * they are read from the part, and what is added declares its own, so it is well-formed whichever
 * prefixes the part binds.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const AUTHOR = "Échéance";
const VML = "urn:schemas-microsoft-com:vml";
const OFFICE = "urn:schemas-microsoft-com:office:office";
const EXCEL = "urn:schemas-microsoft-com:office:excel";
/** Declarations carried by every element the copy adds to a drawing. */
const OWN_NS = `xmlns:v="${VML}" xmlns:o="${OFFICE}" xmlns:x="${EXCEL}"`;

function commentXml(ref: string, authorId: number, note: string): string {
  return `<comment ref="${ref}" authorId="${authorId}"><text><r><t xml:space="preserve">${escapeXml(note)}</t></r></text></comment>`;
}

/** A comments part holding only the note. */
export function newComments(ref: string, note: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>${AUTHOR}</author></authors><commentList>${commentXml(ref, 0, note)}</commentList></comments>`;
}

/** The sheet's comments part with the note added, or put in place of an earlier comment on that cell. */
export function addComment(xml: string, ref: string, note: string): string {
  let out = xml;
  const authors = [
    ...(/<authors>([\s\S]*?)<\/authors>/.exec(out)?.[1] ?? "").matchAll(/<author>([^<]*)<\/author>/g),
  ];
  let authorId = authors.findIndex((m) => m[1] === AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    out = /<authors\s*\/>/.test(out)
      ? out.replace(/<authors\s*\/>/, `<authors><author>${AUTHOR}</author></authors>`)
      : out.replace("</authors>", `<author>${AUTHOR}</author></authors>`);
  }
  // A comment element holds no nested <comment>, so the first </comment> after its start closes it.
  out = out.replace(new RegExp(`<comment ref="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</comment>)`), "");
  const added = commentXml(ref, authorId, note);
  return /<commentList\s*\/>/.test(out)
    ? out.replace(/<commentList\s*\/>/, `<commentList>${added}</commentList>`)
    : out.replace("</commentList>", `${added}</commentList>`);
}

const shapeType = (): string =>
  `<v:shapetype ${OWN_NS} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/** The note's hidden text box, anchored at its cell (zero-based row and column), as Excel writes it. */
function noteShape(id: number, row: number, column: number, declare: boolean): string {
  return `<v:shape ${declare ? `${OWN_NS} ` : ""}id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:240pt;height:120pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${column + 1}, 15, ${row}, 10, ${column + 5}, 15, ${row + 8}, 4</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`;
}

/**
 * A drawing holding only the note's shape. Each legacy drawing of a workbook owns blocks of 1,024
 * shape ids (its o:idmap); `block` is one no other drawing uses.
 */
export function newNoteDrawing(row: number, column: number, block: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xml ${OWN_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${shapeType().replace(` ${OWN_NS}`, "")}${noteShape(block * 1024 + 1, row, column, false)}</xml>`;
}

/** The id blocks a drawing uses (its idmap's data, whatever the prefix). */
export function shapeBlocks(vml: string): number[] {
  const blocks: number[] = [];
  for (const m of vml.matchAll(/<(?:[\w.-]+:)?idmap\b[^>]*\bdata="([\d,\s]*)"/g))
    for (const n of (m[1] as string).split(/[,\s]+/)) if (n !== "") blocks.push(Number(n));
  return blocks;
}

/**
 * The sheet's drawing with a note shape at the cell, unless one is there already (an earlier run's).
 * The new shape's id follows the drawing's highest; past the end of its blocks, the next free block
 * (`spareBlock`) is added to the drawing's id map.
 */
export function addNoteShape(vml: string, row: number, column: number, spareBlock: number): string {
  const shapes = [...vml.matchAll(/<([\w.-]+:)?shape\b[\s\S]*?<\/\1shape>/g)];
  const there = shapes.some(
    (m) =>
      /ObjectType="Note"/.test(m[0]) &&
      new RegExp(`<(?:[\\w.-]+:)?Row>\\s*${row}\\s*</(?:[\\w.-]+:)?Row>`).test(m[0]) &&
      new RegExp(`<(?:[\\w.-]+:)?Column>\\s*${column}\\s*</(?:[\\w.-]+:)?Column>`).test(m[0]),
  );
  if (there) return vml;
  const blocks = shapeBlocks(vml);
  // Form controls carry their shape id in o:spid as well.
  const ids = [...vml.matchAll(/\s(?:id|[\w.-]+:spid)="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  let id = Math.max(0, ...ids) + 1;
  let out = vml;
  if (!blocks.includes(Math.floor(id / 1024))) {
    id = spareBlock * 1024 + 1;
    out = /<(?:[\w.-]+:)?idmap\b/.test(out)
      ? out.replace(
          /(<(?:[\w.-]+:)?idmap\b[^>]*\bdata=")([\d,\s]*)"/,
          (_, head: string, data: string) => `${head}${data ? `${data},` : ""}${spareBlock}"`,
        )
      : out.replace(
          /(<(?:[\w.-]+:)?xml\b[^>]*>)/,
          `$1<o:shapelayout ${OWN_NS} v:ext="edit"><o:idmap v:ext="edit" data="${spareBlock}"/></o:shapelayout>`,
        );
  }
  const end = /<\/((?:[\w.-]+:)?xml)>\s*$/.exec(out);
  const at = end ? end.index : out.length;
  const type = /\sid="_x0000_t202"/.test(out) ? "" : shapeType();
  return `${out.slice(0, at)}${type}${noteShape(id, row, column, true)}${out.slice(at)}`;
}
