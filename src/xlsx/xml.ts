/**
 * XML text as the xlsx parts hold it (ECMA-376 part 1): entities, the `_xHHHH_` escapes of
 * ST_Xstring (§22.9.2.19), attributes. The parts are read and written as text: only element and
 * attribute shapes the schema allows are matched.
 */
import { escapeMarkup } from "../cells";

const ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** XML character references and entities, then the `_xHHHH_` escapes of ST_Xstring. */
export function decodeXml(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : (ENTITIES.get(e) as string),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// eslint-disable-next-line no-control-regex -- the characters escapeXml writes as escapes
const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Text for an element or attribute: markup escaped; characters XML 1.0 forbids (control characters)
 * written as ST_Xstring escapes, as Excel does, so a stray one in a message cannot break the file.
 */
export function escapeXml(text: string): string {
  // Most texts (a row's status) have nothing to escape: one search instead of three replaces.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeMarkup(text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")).replace(
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/** An attribute's decoded value in a start tag's attribute text (`name` may carry a prefix: "r:id"). */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

/** The value of the attribute of a given local name whatever its prefix (r:id, x:id). */
export function prefixedAttr(attrs: string, local: string): string | undefined {
  const m = new RegExp(`\\s[\\w.-]+:${escapeRegExp(local)}\\s*=\\s*"([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1] as string) : undefined;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
