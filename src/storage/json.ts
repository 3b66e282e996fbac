import { sha256OfText } from "./sha256";

/**
 * JSON from outside (workbook parts, imported files) is untrusted: it is parsed with `JSON.parse`
 * only (no evaluation), checked for size, depth and node count before any validation walks it, and
 * every consumer copies known fields into fresh objects (never `Object.assign` or a spread of the
 * raw value), so a `__proto__` or `constructor` key stays an inert own property of a discarded object.
 */

export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_NODES = 50_000;

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: { en: string; fr: string } };

/** Parses JSON text with a length, depth and size limit. Never throws. */
export function parseUntrustedJson(text: unknown, maxChars: number): JsonParse {
  if (typeof text !== "string")
    return { ok: false, message: { en: "expected JSON text", fr: "texte JSON attendu" } };
  if (text.length > maxChars)
    return {
      ok: false,
      message: {
        en: `too large (${text.length} characters, at most ${maxChars})`,
        fr: `trop volumineux (${text.length} caractères, au plus ${maxChars})`,
      },
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, message: { en: `not valid JSON: ${why}`, fr: `JSON non valide : ${why}` } };
  }
  const shape = checkShape(value);
  return shape ? { ok: false, message: shape } : { ok: true, value };
}

/** Depth and node-count limits, walked iteratively (a deep value cannot overflow the stack here). */
function checkShape(value: unknown): { en: string; fr: string } | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > MAX_JSON_NODES)
      return {
        en: `too many values (more than ${MAX_JSON_NODES})`,
        fr: `trop de valeurs (plus de ${MAX_JSON_NODES})`,
      };
    if (typeof v !== "object" || v === null) continue;
    if (depth > MAX_JSON_DEPTH)
      return {
        en: `nested too deeply (more than ${MAX_JSON_DEPTH} levels)`,
        fr: `imbrication trop profonde (plus de ${MAX_JSON_DEPTH} niveaux)`,
      };
    const children = Array.isArray(v) ? v : Object.keys(v).map((k) => (v as Record<string, unknown>)[k]);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members left out, so
 * two equal profiles give the same text (and hash) whatever the order their keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return "null";
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
}

/** The content hash of a value: "sha256:" and the SHA-256 of its canonical JSON in UTF-8. */
export function contentHash(value: unknown): string {
  return `sha256:${sha256OfText(canonicalJson(value))}`;
}

/**
 * JSON safe to place in a CDATA section or an XML text node: "<", ">" and "&" (which only occur
 * inside JSON strings) are written as \u escapes, so "]]>" can never appear and no markup survives.
 */
export function xmlSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
