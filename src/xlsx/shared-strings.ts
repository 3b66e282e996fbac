import { StringDecoder } from "node:string_decoder";
import { stringItemText } from "./cells";
import { XlsxError } from "./errors";
import type { ZipEntry, ZipSource } from "./zip";

/**
 * The shared strings table (sharedStrings.xml, §18.4) read as it inflates: its `<si>` items one by
 * one, the text between them never kept, so a part inflating to a long run of whitespace costs time,
 * not memory. What the table itself holds is bounded: one item, all the items' text, their number.
 */

/** The longest `<si>` item read (Excel's cell holds at most 32,767 characters; runs add markup). */
export const SHARED_STRING_ITEM_LIMIT = 4 * 2 ** 20;
/** The most text the table may hold, all items together (characters). */
export const SHARED_STRINGS_TEXT_LIMIT = 48 * 2 ** 20;
/** The most items the table may hold (a 1,048,576-row register with three columns of distinct text). */
export const SHARED_STRINGS_COUNT_LIMIT = 3_200_000;

const mebibytes = (n: number): { en: string; fr: string } => ({
  en: `${n / 2 ** 20} MiB`,
  fr: `${n / 2 ** 20} Mio`,
});

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The items of a shared strings table, text pushed in as it inflates. */
export class SharedStringsScanner {
  readonly items: string[] = [];
  private buf = "";
  private pos = 0;
  /** Inside `<si>`: its content is kept, in pieces. */
  private inItem = false;
  /** After `<si` and whitespace: `/>` makes an empty item. */
  private inEmptyTag = false;
  private pieces: string[] = [];
  private piecesLength = 0;
  private textLength = 0;

  constructor(private readonly part: string) {}

  private refuse(what: { en: string; fr: string }, limit: { en: string; fr: string }): XlsxError {
    return new XlsxError(
      {
        en: `${this.part}: ${what.en} past ${limit.en}, the most this copy holds: nothing written. Check the file (open it in Excel and save it again).`,
        fr: `${this.part} : ${what.fr} au-delà de ${limit.fr}, le plus que cette copie garde : rien n'est écrit. Vérifiez le fichier (ouvrez-le dans Excel et enregistrez-le à nouveau).`,
      },
      "too-large",
    );
  }

  private keep(to: number): void {
    if (to <= this.pos) return;
    this.pieces.push(this.buf.slice(this.pos, to));
    this.piecesLength += to - this.pos;
    this.pos = to;
    if (this.piecesLength > SHARED_STRING_ITEM_LIMIT)
      throw this.refuse(
        { en: "a shared string runs", fr: "une chaîne partagée se prolonge" },
        mebibytes(SHARED_STRING_ITEM_LIMIT),
      );
  }

  private add(text: string): void {
    this.items.push(text);
    this.textLength += text.length;
    if (this.textLength > SHARED_STRINGS_TEXT_LIMIT)
      throw this.refuse(
        { en: "the shared strings' text runs", fr: "le texte des chaînes partagées se prolonge" },
        mebibytes(SHARED_STRINGS_TEXT_LIMIT),
      );
    if (this.items.length > SHARED_STRINGS_COUNT_LIMIT)
      throw this.refuse(
        { en: "the shared strings run", fr: "les chaînes partagées se prolongent" },
        {
          en: `${SHARED_STRINGS_COUNT_LIMIT.toLocaleString("en-US")} items`,
          fr: `${SHARED_STRINGS_COUNT_LIMIT.toLocaleString("fr-FR")} éléments`,
        },
      );
  }

  push(text: string): void {
    this.buf = this.pos >= this.buf.length ? text : this.buf.slice(this.pos) + text;
    this.pos = 0;
    for (;;) {
      if (this.inItem) {
        const end = this.buf.indexOf("</si>", this.pos);
        if (end < 0) {
          this.keep(Math.max(this.pos, this.buf.length - 4));
          return;
        }
        this.keep(end);
        const inner = this.pieces.join("");
        this.pieces = [];
        this.piecesLength = 0;
        this.pos = end + 5;
        this.inItem = false;
        this.add(stringItemText(inner));
        continue;
      }
      if (this.inEmptyTag) {
        while (this.pos < this.buf.length && isSpace(this.buf.charCodeAt(this.pos))) this.pos += 1;
        if (this.buf.length - this.pos < 2) return;
        this.inEmptyTag = false;
        if (this.buf.startsWith("/>", this.pos)) {
          this.pos += 2;
          this.add("");
        }
        continue;
      }
      const at = this.buf.indexOf("<si", this.pos);
      if (at < 0 || at + 3 >= this.buf.length) {
        // Keep only what could start "<si".
        this.pos = at < 0 ? Math.max(this.pos, this.buf.length - 2) : at;
        return;
      }
      const next = this.buf.charCodeAt(at + 3);
      this.pos = at + 3;
      if (next === 0x3e /* > */) {
        this.pos += 1;
        this.inItem = true;
      } else if (next === 0x2f /* / */ || isSpace(next)) this.inEmptyTag = true;
    }
  }
}

/** The shared strings table's items from its whole text. */
export function parseSharedStrings(xml: string): string[] {
  const scanner = new SharedStringsScanner("sharedStrings.xml");
  scanner.push(xml);
  return scanner.items;
}

/** The shared strings table of a workbook, in order. */
export async function readSharedStrings(zip: ZipSource, entry: ZipEntry): Promise<string[]> {
  const scanner = new SharedStringsScanner(entry.name);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of zip.inflated(entry)) scanner.push(decoder.write(chunk));
  scanner.push(decoder.end());
  return scanner.items;
}
