import { XlsxError } from "./errors";

/**
 * A worksheet's XML cut into what a register pass needs, as it inflates: the head (everything up to
 * and including `<sheetData>`), the rows one by one, the text between rows, and the tail (after
 * `</sheetData>`). Every character is searched a bounded number of times, whatever the chunking:
 * text not yet matched is kept as pieces (joined once, when its element ends) and a search resumes
 * where the last one stopped, so a sheet inflating to a long run of whitespace costs time in
 * proportion to its size (the scanner this replaces searched the accumulated text again on every
 * chunk: 8 MB of XML took 3.6 s, 32 MB 50 s).
 */

/**
 * The most the head, one row or the tail may hold: they are kept whole to be edited (a few copies at
 * once), so this bounds memory; a row of Excel's is far shorter (16,384 cells of at most 32,767
 * characters are possible, but a register's row is a few hundred bytes).
 */
export const HELD_XML_LIMIT = 36 * 2 ** 20;
/** The longest start tag of a row. */
const OPEN_TAG_LIMIT = 2 ** 20;

export interface SheetEvents {
  /** The sheet's start up to and including the `<sheetData…>` start tag (`<sheetData/>`: `empty`). */
  head(xml: string, empty: boolean): void;
  /** A `<row>` element: its start tag and its content ("" for `<row …/>`). */
  row(open: string, inner: string): void;
  /** Text between rows (whitespace, comments), to copy as it is. */
  between(xml: string): void;
  /** `</sheetData>` (or `<sheetData/>`): no more rows. */
  endRows(): void;
}

type Phase = "head" | "rows" | "tail";

export class SheetScanner {
  /** Characters searched so far: proportional to the XML's length (the linearity test reads it). */
  work = 0;
  /** Characters received so far. */
  received = 0;
  private phase: Phase = "head";
  private buf = "";
  private pos = 0;
  /** Where the pending search resumes in `buf`. */
  private searchFrom = 0;
  /** Pieces of the element being read (head, a row's content, the tail), joined once. */
  private pieces: string[] = [];
  private piecesLength = 0;
  private rowOpen: string | undefined;
  /** A tag (between rows, or `<sheetData …>`) has started at `pos` and its end is searched. */
  private tagPending = false;
  /** The head, not kept, had a namespace-prefixed `sheetData`. */
  private prefixed = false;

  /**
   * @param valuesOnly true when only the rows' values are wanted (finding the register reads the
   *   first rows): the text before the rows is searched, not kept, however long it is, and a piece of
   *   a row that is whitespace only (a run of 4,096 characters or more, cut where the part's chunks
   *   are cut) is kept as one space — the same values, unless a cell's text holds such a run
   */
  constructor(
    private readonly part: string,
    private readonly events: SheetEvents,
    private readonly valuesOnly = false,
  ) {}

  private tooLong(what: { en: string; fr: string }, limit: number): XlsxError {
    const mib = Math.round(limit / 2 ** 20);
    return new XlsxError(
      {
        en: `${this.part}: ${what.en} is longer than ${mib} MiB, the most this copy holds: nothing written. Check the file (open it in Excel and save it again).`,
        fr: `${this.part} : ${what.fr} dépasse ${mib} Mio, le plus que cette copie garde : rien n'est écrit. Vérifiez le fichier (ouvrez-le dans Excel et enregistrez-le à nouveau).`,
      },
      "too-large",
    );
  }

  /** Keeps `buf[pos, to)` aside as a piece of the element being read. */
  private keep(to: number, limit: number, what: { en: string; fr: string }): void {
    if (to <= this.pos) return;
    const piece = this.buf.slice(this.pos, to);
    this.pieces.push(this.valuesOnly && piece.length >= 4096 && !/\S/.test(piece) ? " " : piece);
    this.piecesLength += to - this.pos;
    this.pos = to;
    if (this.piecesLength > limit) throw this.tooLong(what, limit);
  }

  private takePieces(to: number): string {
    const text = this.pieces.join("") + this.buf.slice(this.pos, to);
    this.pieces = [];
    this.piecesLength = 0;
    return text;
  }

  /** Searches `needle` from the pending position; counts the characters looked at. */
  private find(needle: string): number {
    const from = Math.max(this.pos, this.searchFrom);
    const at = this.buf.indexOf(needle, from);
    const end = at < 0 ? this.buf.length : at + needle.length;
    this.work += Math.max(0, end - from);
    // Not found: the next search starts where a match could still begin.
    this.searchFrom = at < 0 ? Math.max(this.pos, this.buf.length - needle.length + 1) : at;
    return at;
  }

  push(text: string): void {
    this.received += text.length;
    this.buf = this.pos >= this.buf.length ? text : this.buf.slice(this.pos) + text;
    this.searchFrom = Math.max(0, this.searchFrom - this.pos);
    this.pos = 0;
    this.consume(false);
  }

  /** The end of the part: returns the tail (after `</sheetData>`). */
  finish(): string {
    this.consume(true);
    if (this.phase === "head") {
      const head = this.takePieces(this.buf.length);
      throw new XlsxError(
        this.prefixed || /:sheetData\b/.test(head)
          ? {
              en: `${this.part}: the worksheet's elements carry a namespace prefix, which this copy does not read`,
              fr: `${this.part} : les éléments de la feuille portent un préfixe d'espace de noms, que cette copie ne lit pas`,
            }
          : {
              en: `${this.part}: no cell data in the sheet`,
              fr: `${this.part} : pas de données de cellules dans la feuille`,
            },
        "unsupported",
      );
    }
    if (this.phase === "rows")
      throw new XlsxError(
        {
          en: `${this.part}: the sheet's XML ends inside its rows`,
          fr: `${this.part} : le XML de la feuille s'arrête au milieu de ses lignes`,
        },
        "unreadable",
      );
    return this.takePieces(this.buf.length);
  }

  private consume(final: boolean): void {
    for (;;) {
      if (this.phase === "head") {
        if (!this.readHead(final)) return;
      } else if (this.phase === "rows") {
        if (!this.readRows(final)) return;
      } else {
        this.keep(this.buf.length, HELD_XML_LIMIT, {
          en: "the part after the rows",
          fr: "la partie après les lignes",
        });
        return;
      }
    }
  }

  private readHead(final: boolean): boolean {
    const what = {
      en: "the sheet's start (before its rows)",
      fr: "le début de la feuille (avant ses lignes)",
    };
    const keep = (to: number): void => {
      if (!this.valuesOnly) this.keep(to, HELD_XML_LIMIT, what);
      else {
        // Not kept, but looked at for the one thing its end needs to say (finish).
        if (to > this.pos && this.buf.slice(this.pos, to + 10).includes(":sheetData")) this.prefixed = true;
        this.pos = Math.max(this.pos, to);
      }
    };
    for (;;) {
      if (this.tagPending) {
        // The <sheetData …> start tag: its end searched where the last search stopped.
        const close = this.find(">");
        if (close < 0) {
          if (this.buf.length - this.pos > OPEN_TAG_LIMIT)
            throw this.tooLong({ en: "the <sheetData> tag", fr: "la balise <sheetData>" }, OPEN_TAG_LIMIT);
          return false;
        }
        this.tagPending = false;
        const empty = this.buf[close - 1] === "/";
        const head = this.valuesOnly ? "" : this.takePieces(empty ? this.pos : close + 1);
        this.pos = close + 1;
        this.searchFrom = this.pos;
        this.events.head(head, empty);
        if (empty) {
          this.events.endRows();
          this.phase = "tail";
        } else this.phase = "rows";
        return true;
      }
      const at = this.find("<sheetData");
      if (at < 0) {
        // Keep all but what could be the start of "<sheetData".
        if (!final) keep(Math.max(this.pos, this.buf.length - 10));
        return false;
      }
      const next = this.buf[at + 10];
      if (next === undefined && !final) {
        keep(at);
        return false;
      }
      if (next !== undefined && !/[\s/>]/.test(next)) {
        this.searchFrom = at + 1;
        continue;
      }
      keep(at);
      this.tagPending = true;
      this.searchFrom = at;
    }
  }

  private readRows(final: boolean): boolean {
    const rowWhat = { en: "a row", fr: "une ligne" };
    for (;;) {
      if (this.rowOpen !== undefined) {
        const end = this.find("</row>");
        if (end < 0) {
          if (!final) this.keep(Math.max(this.pos, this.buf.length - 5), HELD_XML_LIMIT, rowWhat);
          return false;
        }
        const inner = this.takePieces(end);
        const open = this.rowOpen;
        this.rowOpen = undefined;
        this.pos = end + 6;
        this.searchFrom = this.pos;
        this.events.row(open, inner);
        continue;
      }
      if (this.tagPending) {
        const close = this.find(">");
        if (close < 0) {
          if (this.buf.length - this.pos > OPEN_TAG_LIMIT)
            throw this.tooLong({ en: "a row's start tag", fr: "la balise d'une ligne" }, OPEN_TAG_LIMIT);
          return false;
        }
        this.tagPending = false;
        const tag = this.buf.slice(this.pos, close + 1);
        this.pos = close + 1;
        this.searchFrom = this.pos;
        if (/^<row[\s/>]/.test(tag)) {
          if (tag.endsWith("/>")) this.events.row(tag, "");
          else this.rowOpen = tag;
        } else {
          // A comment or processing instruction between rows: copied as it is. (A comment holding ">"
          // is cut there; both halves are copied in order, so the text comes through unchanged.)
          this.events.between(tag);
        }
        continue;
      }
      const lt = this.find("<");
      if (lt < 0) {
        if (this.buf.length > this.pos) this.events.between(this.buf.slice(this.pos));
        this.pos = this.buf.length;
        return false;
      }
      if (lt > this.pos) {
        this.events.between(this.buf.slice(this.pos, lt));
        this.pos = lt;
      }
      // Enough text to tell what starts here.
      if (this.buf.length - lt < 12 && !final) return false;
      if (this.buf.startsWith("</sheetData>", lt)) {
        this.pos = lt + 12;
        this.searchFrom = this.pos;
        this.events.endRows();
        this.phase = "tail";
        return true;
      }
      this.tagPending = true;
      this.searchFrom = lt;
    }
  }
}
