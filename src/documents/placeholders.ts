/**
 * Placeholders in WordprocessingML text. Word splits what a user typed as one word across several
 * runs (`<w:t>{{cli</w:t></w:r><w:proofErr/><w:r><w:t>ent}}</w:t>`) whenever spelling, formatting or
 * revision marks touch it. `gatherPlaceholders` moves each placeholder's characters into the text
 * node where it starts (that node's formatting wins), without changing the paragraph's text, so that
 * every placeholder then lies whole inside one `<w:t>`. One pass over the XML; a placeholder never
 * spans two paragraphs.
 */

/** `{{ name }}`: a placeholder as written, with its name. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A paragraph boundary, or a text node with its opening tag, text and closing tag. */
const TOKEN = /<w:p(?=[\s>/])[^>]*>|<\/w:p>|(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g;

interface TextNode {
  /** Where the node's text starts and ends in the XML. */
  readonly start: number;
  readonly end: number;
  text: string;
}

/** Moves the characters of [from, to) of the group's joined text into the node where `from` lies. */
function gather(nodes: TextNode[], from: number, to: number): void {
  let offset = 0;
  let first = -1;
  let firstOffset = 0;
  const texts = nodes.map((n) => n.text);
  let moved = "";
  for (let i = 0; i < nodes.length; i++) {
    const t = texts[i] as string;
    const a = offset;
    const b = offset + t.length;
    offset = b;
    if (b <= from || a >= to) continue;
    const s = Math.max(from, a) - a;
    const e = Math.min(to, b) - a;
    if (first < 0) {
      first = i;
      firstOffset = s;
    }
    moved += t.slice(s, e);
    if (i !== first) (nodes[i] as TextNode).text = t.slice(0, s) + t.slice(e);
  }
  if (first < 0) return;
  const f = nodes[first] as TextNode;
  const own = texts[first] as string;
  const ownEnd = Math.min(own.length, firstOffset + (to - from));
  f.text = own.slice(0, firstOffset) + moved + own.slice(ownEnd);
}

function gatherGroup(nodes: TextNode[]): void {
  if (nodes.length < 2) return;
  const joined = nodes.map((n) => n.text).join("");
  if (!joined.includes("{")) return;
  for (const m of joined.matchAll(PLACEHOLDER)) gather(nodes, m.index ?? 0, (m.index ?? 0) + m[0].length);
}

/** The XML with every placeholder whole inside one text node. */
export function gatherPlaceholders(xml: string): string {
  const edits: TextNode[] = [];
  let group: TextNode[] = [];
  const flush = () => {
    gatherGroup(group);
    edits.push(...group);
    group = [];
  };
  for (const m of xml.matchAll(TOKEN)) {
    if (m[1] === undefined) {
      flush();
      continue;
    }
    const start = (m.index ?? 0) + m[1].length;
    group.push({ start, end: start + (m[2] as string).length, text: m[2] as string });
  }
  flush();
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** The text of each paragraph of a part (after gathering), for checks that look at whole paragraphs. */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const m of xml.matchAll(TOKEN)) {
    if (m[1] === undefined) {
      if (current !== "") out.push(current);
      current = "";
    } else current += m[2] as string;
  }
  if (current !== "") out.push(current);
  return out;
}
