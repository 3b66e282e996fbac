/**
 * The part of a worksheet after its rows (`</sheetData>` to `</worksheet>`): merges, conditional
 * formats, page setup, drawings… Only its top-level elements count here, so an `<extLst>` inside a
 * conditional format's rule or a filter is not taken for the worksheet's own (§18.3.1.99, CT_Worksheet).
 */

/** Top-level elements that come after <legacyDrawing> in CT_Worksheet's sequence. */
const AFTER_LEGACY_DRAWING = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * A tag with its attributes read quote-aware (a ">" is legal inside an attribute value), or a
 * comment, CDATA section or processing instruction, which are passed over (no name captured).
 */
const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/**
 * The note's legacy drawing: the relationship id of the sheet's own `<legacyDrawing>` when it has one
 * (a header/footer picture's `<legacyDrawingHF>` is another drawing), or the tail with a new one
 * inserted where the schema puts it.
 */
export function legacyDrawingOf(
  tail: string,
  newRelId: string,
): { readonly tail: string; readonly relId: string; readonly added: boolean } {
  let depth = 0;
  let insertAt: number | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(tail); m; m = TAG.exec(tail)) {
    const [whole, closing, name, attrs = "", selfClosing] = m;
    if (name === undefined) continue;
    const local = name.slice(name.indexOf(":") + 1);
    if (closing) {
      if (depth === 0 && local === "worksheet") insertAt ??= m.index;
      depth -= 1;
      continue;
    }
    if (depth === 0) {
      if (local === "legacyDrawing") {
        const id = /\s[\w]+:id="([^"]*)"/.exec(attrs)?.[1];
        if (id !== undefined) return { tail, relId: id, added: false };
      }
      // Excel wraps <controls> and <oleObjects> in mc:AlternateContent: the wrapper takes their place.
      const wrapped =
        local === "AlternateContent" &&
        /<(?:[\w]+:)?(?:controls|oleObjects)\b/.test(
          tail.slice(m.index, tail.indexOf("AlternateContent>", m.index + whole.length)),
        );
      if (insertAt === undefined && (AFTER_LEGACY_DRAWING.has(local) || wrapped)) insertAt = m.index;
    }
    if (!selfClosing) depth += 1;
  }
  // Without a top-level </worksheet> found (a tail this scanner misreads), the root's end tag.
  const at = insertAt ?? Math.max(0, tail.lastIndexOf("</"));
  const drawing = `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${newRelId}"/>`;
  return { tail: tail.slice(0, at) + drawing + tail.slice(at), relId: newRelId, added: true };
}
