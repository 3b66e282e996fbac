import type { StorageIssue } from "./state";

/**
 * The small XML helpers the stored document's parts share: escaping an attribute value for writing,
 * and reading the tree fast-xml-parser gives (own properties only, so a `__proto__` element stays an
 * inert key).
 */

/** An attribute value escaped, characters XML cannot hold dropped or replaced (src/cells/xml.ts). */
export { xmlAttribute as attr } from "../cells";

export const issue = (where: string, en: string, fr: string): StorageIssue => ({ where, text: { en, fr } });

export const localName = (name: string) => name.slice(name.indexOf(":") + 1);

export type XmlNode = Record<string, unknown>;

export function own(o: XmlNode, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const v = own(node, `@_${name}`);
  return typeof v === "string" ? v : undefined;
}

export function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (typeof node === "object" && node !== null) {
    const t = own(node as XmlNode, "#text");
    return typeof t === "string" ? t : "";
  }
  return "";
}

/** Elements of a node by local name (a prefix such as ns0: added by a host is accepted). */
export function children(root: XmlNode, name: string, prefix: string): unknown[] {
  const v = own(root, prefix ? `${prefix}:${name}` : name);
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** A node as an object to read attributes from (anything else reads as an empty element). */
export function asNode(node: unknown): XmlNode {
  return typeof node === "object" && node !== null && !Array.isArray(node) ? (node as XmlNode) : {};
}
