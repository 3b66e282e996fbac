import { randomUUID } from "node:crypto";
import { relsPartOf, relsWith, unusedName, unusedRelIds, type Package, type PackageEdits } from "./package";
import { ZipSource } from "./zip";

/**
 * A custom XML part (ECMA-376 Part 1 §22.5): how Office.js's `workbook.customXmlParts` keep a document
 * in the file — customXml/itemN.xml, its properties part customXml/itemPropsN.xml (an id and the schema
 * it holds), the item's relationship to its properties, and the workbook's relationship to the item.
 * Échéance's stored terms live in one, namespace urn:echeance:terms:v1.
 */

const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const ITEM = /^customXml\/item(\d+)\.xml$/i;
/** A custom part larger than this is not a stored-terms document (its reader caps them at 2 million characters). */
const CUSTOM_PART_LIMIT = 4_000_000;

/** The custom XML parts whose document's root is in `namespace`: their part names and texts. */
export async function customXmlPartsIn(
  zip: ZipSource,
  namespace: string,
): Promise<{ readonly part: string; readonly xml: string }[]> {
  const out: { part: string; xml: string }[] = [];
  for (const entry of zip.entries) {
    // A stored-terms document is small (its reader caps it at 2 million characters).
    if (!ITEM.test(entry.name) || entry.size > CUSTOM_PART_LIMIT) continue;
    const text = await zip.text(entry.name, CUSTOM_PART_LIMIT);
    if (text !== undefined && text.includes(namespace)) out.push({ part: entry.name, xml: text });
  }
  return out;
}

/**
 * Writes `xml` as the custom XML part of `namespace`: replaces the parts holding that namespace (the
 * first one gets the new document, the others — an interrupted replace — are left as they are: the
 * reader keeps the highest revision), or adds a new part with its properties and relationships.
 */
export async function putCustomXmlPart(
  zip: ZipSource,
  pkg: Package,
  edits: PackageEdits,
  namespace: string,
  xml: string,
): Promise<void> {
  const existing = await customXmlPartsIn(zip, namespace);
  const first = existing[0];
  if (first) {
    edits.edit(first.part, () => xml);
    return;
  }
  const n = Number(
    /(\d+)/.exec(
      unusedName(
        (name) => edits.isTaken(name),
        (k) => `customXml/item${k}.xml`,
      ),
    )?.[1] ?? "1",
  );
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  edits.add(item, xml);
  edits.add(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs></ds:datastoreItem>`,
    CUSTOM_XML_PROPS_TYPE,
  );
  edits.add(
    relsPartOf(item),
    relsWith(undefined, item, [{ id: "rId1", type: CUSTOM_XML_PROPS_REL, part: props }]),
  );
  // The item is XML: the package must say so for the .xml extension (Excel's own files always do).
  edits.edit("[Content_Types].xml", (types) =>
    /<Default\b[^>]*\bExtension="xml"/i.test(types)
      ? types
      : types.replace(/(<Types\b[^>]*>)/, '$1<Default Extension="xml" ContentType="application/xml"/>'),
  );
  // The id is chosen from the relationships as edited so far: the reference sheet may have taken one.
  edits.editOrAdd(relsPartOf(pkg.workbookPart), (xml0) => {
    const [id = "rId1"] = unusedRelIds(xml0, 1);
    return relsWith(xml0, pkg.workbookPart, [{ id, type: CUSTOM_XML_REL, part: item }]);
  });
}

/** The custom XML parts' texts of an xlsx file, read without looking for a register (`--all`). */
export async function readCustomXmlParts(file: string): Promise<string[]> {
  const zip = await ZipSource.open(file);
  try {
    return await customXmlTexts(zip);
  } finally {
    zip.close();
  }
}

/** The texts of the package's custom XML parts (customXml/itemN.xml), a BOM left out. */
export async function customXmlTexts(zip: ZipSource): Promise<string[]> {
  const out: string[] = [];
  for (const entry of zip.entries) {
    // A custom part is small; one that is not is not ours (the stored terms' reader caps them too).
    if (!ITEM.test(entry.name) || entry.size > CUSTOM_PART_LIMIT) continue;
    const text = await zip.text(entry.name, CUSTOM_PART_LIMIT);
    if (text !== undefined) out.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }
  return out;
}
