/**
 * XML text, written once for every writer of XML (the xlsx parts, the workbook's stored terms):
 * markup escaped, and what an attribute value needs besides. The xlsx strings add Excel's own
 * `_xHHHH_` escapes on top (src/xlsx/xml.ts).
 */

const MARKUP: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

/** Markup characters as entities: `&`, `<`, `>`, and `"` (harmless in text, needed in attributes). */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (c) => MARKUP[c] as string);
}

/** Characters XML 1.0 does not allow at all: C0 controls other than tab, LF, CR; U+FFFE, U+FFFF. */
export function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 0xfffe && code !== 0xffff);
}

/**
 * A lone surrogate (half of a pair) is not a character XML can hold: it becomes U+FFFD. Iterating a
 * string yields a valid pair as one two-unit element and a lone surrogate as a one-unit element, so
 * no regex lookbehind is needed (Safari before 16.4 cannot parse one, and the pane would not load).
 */
function replaceLoneSurrogate(ch: string): string {
  return ch.length === 1 && ch >= "\ud800" && ch <= "\udfff" ? "\ufffd" : ch;
}

/**
 * An attribute value: characters XML forbids dropped, lone surrogates replaced, markup escaped, and
 * tab, line feed and carriage return as character references (a parser turns them into spaces
 * otherwise, XML 1.0 §3.3.3), so the value reads back exactly.
 */
export function xmlAttribute(value: string): string {
  return escapeMarkup(
    [...value]
      .filter((ch) => isXmlChar(ch.codePointAt(0) ?? 0))
      .map(replaceLoneSurrogate)
      .join(""),
  )
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
