import { putCustomXmlPart } from "./custom-xml";
import { promises as fs } from "node:fs";
import { cellRef, columnLetters } from "../cells";
import { highlightFormula } from "../write/plan";
import type { ApplySink, HighlightRule, OutputCell, SinkInterruption, SinkPlan } from "../write/sink";
import type { Language } from "../engine";
import type { ReferenceSheet } from "../portable";
import { DAYS_1904 } from "./cells";
import { XlsxError, unsupported } from "./errors";
import { addComment, addNoteShape, newComments, newNoteDrawing, shapeBlocks } from "./note";
import {
  COMMENTS_TYPE,
  CONTENT_TYPES,
  dropCalcChain,
  matchWorkbookTypeToName,
  PackageEdits,
  REL,
  relationships,
  relsPartOf,
  relsWith,
  unusedName,
  unusedRelIds,
  withVmlDefault,
  workbookWithPrintTitles,
  WORKSHEET_TYPE,
  type Relationship,
} from "./package";
import { referenceSheetXml, workbookWithReference } from "./reference-part";
import type { CopySource } from "./copy-source";
import { SheetRewriter } from "./sheet-rewriter";
import { StyleBook } from "./styles";
import { pageSetupXml, rangeBounds, type WorksheetTail } from "./worksheet";
import { DeflatedPart } from "./deflated-part";
import { besides, ZipOutput } from "./zip";

/**
 * Apply's sink for an xlsx file: a copy of the input in which only the register sheet (its rows as
 * Apply gives their cells, its column widths, print setup, note and highlighting), the styles, and
 * the package parts that list new parts are rewritten; every other part is copied byte for byte, as
 * compressed in the input. Nothing is written at `output` until the copy is complete (`finish(true)`);
 * a refusal, a cancel or an error leaves no file there.
 */

/** The stored-terms document to write into the copy (its custom XML part), made when the rows are done. */
export interface StoredTermsWriter {
  readonly namespace: string;
  xml(): string;
}

/** What the copy kept or dropped that the user should hear about. */
export interface CopyOutcome {
  /** The input was macro-enabled and the output an .xlsx: its VBA project was left out. */
  readonly macrosDropped: boolean;
  /** Data rows written. */
  readonly rows: number;
}

export class XlsxCopySink implements ApplySink {
  private plan: SinkPlan | undefined;
  private styles: StyleBook | undefined;
  private part: DeflatedPart | undefined;
  private rewriter: SheetRewriter | undefined;
  private reference: ReferenceSheet | undefined;
  private note: { row: number; column: number; text: string } | undefined;
  private rules: readonly HighlightRule[] = [];
  private ended = false;
  private result: CopyOutcome | undefined;

  constructor(
    private readonly internals: CopySource,
    readonly output: string,
    private readonly lang: Language,
    private readonly storedTerms?: StoredTermsWriter,
  ) {}

  /** Once finished: what the copy dropped or kept. */
  get outcome(): CopyOutcome | undefined {
    return this.result;
  }

  async begin(plan: SinkPlan): Promise<void> {
    const { pkg, date1904, place } = this.internals;
    if (plan.place.sheet !== place.sheet || plan.place.headerRow !== place.headerRow)
      throw new Error("the plan is for another register than this book's");
    if (date1904 && plan.write === "formulas")
      throw new XlsxError(
        {
          en: 'this workbook uses the 1904 date system; CGV.* formulas read dates in the 1900 system and would be 4 years off: nothing written. Use --output values, or untick "Use 1904 date system" in Excel (Options > Advanced).',
          fr: "ce classeur utilise le calendrier depuis 1904 ; les formules CGV.* lisent les dates du calendrier depuis 1900 et seraient décalées de 4 ans : rien n'est écrit. Utilisez --output values, ou décochez « Utiliser le calendrier depuis 1904 » dans Excel (Options > Options avancées).",
        },
        "date-system",
      );
    if (date1904 && plan.write === "portable")
      throw new XlsxError(
        {
          en: 'this workbook uses the 1904 date system; the portable formulas\' reference sheet uses the 1900 system: nothing written. Use --output values, or untick "Use 1904 date system" in Excel.',
          fr: "ce classeur utilise le calendrier depuis 1904 ; la feuille de référence des formules portables est au calendrier depuis 1900 : rien n'est écrit. Utilisez --output values, ou décochez « Utiliser le calendrier depuis 1904 » dans Excel.",
        },
        "date-system",
      );
    const stylesXml = pkg.stylesPart === undefined ? undefined : await pkg.zip.text(pkg.stylesPart);
    if (stylesXml === undefined)
      throw unsupported({
        en: "the workbook has no styles part",
        fr: "le classeur n'a pas de partie de styles",
      });
    this.plan = plan;
    this.styles = new StyleBook(stylesXml);
    this.part = new DeflatedPart(besides(this.output, "sheet"));
    this.rewriter = new SheetRewriter(this.part, {
      plan,
      styles: this.styles,
      date1904,
      sheetName: place.sheet,
    });
    this.internals.attach(this.rewriter, () => this.abort());
  }

  async addReferenceSheet(sheet: ReferenceSheet): Promise<void> {
    const { pkg } = this.internals;
    // The formulas name the sheet: another kind of sheet (a chart) under that name cannot stay beside it.
    const earlier = pkg.sheets.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (earlier && earlier.part === undefined) {
      await this.abort();
      throw new XlsxError(
        {
          en: `the workbook has a sheet named "${earlier.name}" that is not a worksheet: rename it, since the portable formulas read a sheet of that name`,
          fr: `le classeur a une feuille « ${earlier.name} » qui n'est pas une feuille de calcul : renommez-la, les formules portables lisent une feuille de ce nom`,
        },
        "refused",
      );
    }
    this.reference = sheet;
  }

  async writeRows(start: number, rows: readonly (readonly OutputCell[])[]): Promise<void> {
    const rewriter = this.rewriter;
    if (!rewriter) throw new Error("writeRows before begin");
    try {
      rewriter.fill(start, rows);
      await rewriter.flush();
    } catch (e) {
      // A refusal while writing (a shared formula in the way): nothing is left behind.
      await this.abort();
      throw e;
    }
  }

  interruption(): SinkInterruption | undefined {
    // A file being copied is not edited by anyone meanwhile (the input is only read).
    return undefined;
  }

  async addNote(row: number, column: number, text: string): Promise<boolean> {
    this.note = { row, column, text };
    return true;
  }

  async highlight(rules: readonly HighlightRule[]): Promise<boolean> {
    this.rules = rules;
    return true;
  }

  async finish(completed: boolean): Promise<void> {
    if (this.ended) return;
    if (!completed) {
      await this.abort();
      return;
    }
    try {
      await this.write();
    } catch (e) {
      await this.abort();
      throw e;
    } finally {
      this.ended = true;
      this.internals.close();
    }
  }

  /** Leaves nothing behind: no output file, no spilled part. */
  private async abort(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.part?.dispose();
    await fs.rm(besides(this.output, "write"), { force: true });
    await fs.rm(this.output, { force: true });
    this.internals.close();
  }

  private async write(): Promise<void> {
    const rewriter = this.rewriter;
    const part = this.part;
    const styles = this.styles;
    const plan = this.plan;
    const tail = rewriter?.worksheetTail;
    if (!rewriter || !part || !styles || !plan || !tail || rewriter.waiting > 0)
      throw new Error("finish before the register's rows were all read and written");
    const { zip, pkg, sheet, sheetEntry, place, date1904 } = this.internals;
    const edits = new PackageEdits(pkg);
    const sheetRelsPart = relsPartOf(sheetEntry.name);
    const sheetRelsXml = await zip.text(sheetRelsPart);

    // The sheet's tail: highlighting, page setup, the note's drawing.
    this.highlightInto(tail, styles, date1904);
    tail.set("pageSetup", pageSetupXml(tail.find("pageSetup")));
    if (this.note) await this.noteInto(tail, edits, sheetRelsXml);
    for (const text of tail.texts()) await part.write(text);

    edits.edit(pkg.workbookPart, (xml) => workbookWithPrintTitles(xml, sheet, place.headerRow + 1));
    const macrosDropped = await matchWorkbookTypeToName(pkg, edits, this.output);
    if (macrosDropped)
      this.internals.warn({
        en: "the workbook's macros are not kept in an .xlsx copy; name the output .xlsm (-o …xlsm) to keep them.",
        fr: "les macros du classeur ne sont pas gardées dans une copie .xlsx ; nommez la sortie en .xlsm (-o …xlsm) pour les garder.",
      });
    // A replaced formula cell would stay in the calculation chain, which Excel then repairs.
    if (rewriter.droppedFormula) dropCalcChain(pkg, edits);
    if (this.reference) await this.referenceInto(this.reference, edits, styles);
    // The workbook's stored terms, with what this run used and the register it wrote, travel with it.
    if (this.storedTerms)
      await putCustomXmlPart(zip, pkg, edits, this.storedTerms.namespace, this.storedTerms.xml());
    if (styles.changed && pkg.stylesPart) {
      const rendered = styles.render();
      edits.edit(pkg.stylesPart, () => rendered);
    }

    const temporary = besides(this.output, "write");
    const out = new ZipOutput(temporary);
    try {
      for (const entry of zip.entries) {
        if (edits.isRemoved(entry.name)) continue;
        const edit = edits.editOf(entry.name);
        if (entry === sheetEntry) await out.addDeflated(entry.name, part);
        else if (edit) await out.addText(entry.name, edit((await zip.text(entry.name)) ?? ""));
        else await out.copy(zip, entry);
      }
      for (const [name, xml] of edits.added()) await out.addText(name, xml);
      await out.close();
    } catch (e) {
      await out.abort();
      throw e;
    } finally {
      await part.dispose();
    }
    await fs.rename(temporary, this.output);
    this.result = { macrosDropped, rows: rewriter.rowsFilled };
  }

  /** Conditional formats (custom formulas, §18.3.1.10) on the rules' blocks, replacing an earlier run's. */
  private highlightInto(tail: WorksheetTail, styles: StyleBook, date1904: boolean): void {
    if (this.rules.length === 0) return;
    const blocks = this.rules.map(
      (r) => `${cellRef(r.column, r.row + 1)}:${cellRef(r.column + r.columnCount - 1, r.row + r.rowCount)}`,
    );
    const columns = new Set(
      this.rules.flatMap((r) => Array.from({ length: r.columnCount }, (_, k) => r.column + k)),
    );
    // An earlier run's: expression rules of this shape on blocks within the columns written.
    tail.remove((local, xml) => {
      if (local !== "conditionalFormatting") return true;
      const sqref = /\ssqref="([^"]*)"/.exec(xml)?.[1] ?? "";
      const within = sqref.split(/\s+/).every((ref) => {
        const b = rangeBounds(ref);
        if (!b) return false;
        for (let c = b.c1; c <= b.c2; c++) if (!columns.has(c)) return false;
        return true;
      });
      const ours = [...xml.matchAll(/<formula>([^<]*)<\/formula>/g)].every((m) =>
        /^AND\(ISNUMBER\(\$[A-Z]+\d+\)/.test(m[1] as string),
      );
      return !(within && ours);
    });
    // Every rule's priority, those in the extension list (x14 rules) included: they share one order.
    const priorities = tail
      .texts()
      .flatMap((xml) => [...xml.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1])));
    let priority = Math.max(0, ...priorities);
    this.rules.forEach((rule, i) => {
      const shifted = date1904
        ? {
            ...rule,
            ...(rule.from !== undefined ? { from: rule.from - DAYS_1904 } : {}),
            ...(rule.to !== undefined ? { to: rule.to - DAYS_1904 } : {}),
          }
        : rule;
      const formula = highlightFormula(shifted).replace(/^=/, "");
      tail.insert(
        "conditionalFormatting",
        `<conditionalFormatting sqref="${blocks[i]}"><cfRule type="expression" dxfId="${styles.fill(rule.fill)}" priority="${++priority}"><formula>${formula
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;")}</formula></cfRule></conditionalFormatting>`,
      );
    });
  }

  /** The note in the sheet's comments part and legacy drawing, each made where missing. */
  private async noteInto(
    tail: WorksheetTail,
    edits: PackageEdits,
    sheetRelsXml: string | undefined,
  ): Promise<void> {
    const note = this.note;
    if (!note) return;
    const { zip, sheetEntry } = this.internals;
    const sheetPart = sheetEntry.name;
    const sheetRels = relationships(sheetRelsXml, sheetPart);
    const [commentsId, drawingId] = unusedRelIds(sheetRelsXml, 2) as [string, string];
    const ref = cellRef(note.column, note.row + 1);
    const newRels: Relationship[] = [];
    const comments = sheetRels.find((r) => r.type.endsWith("/comments") && zip.has(r.part));
    if (comments) edits.edit(comments.part, (xml) => addComment(xml, ref, note.text));
    else {
      const part = unusedName(
        (n) => edits.isTaken(n),
        (k) => `xl/comments${k}.xml`,
      );
      newRels.push({ id: commentsId, type: `${REL}/comments`, part });
      edits.add(part, newComments(ref, note.text), COMMENTS_TYPE);
    }
    // The sheet's own legacy drawing (a header picture's <legacyDrawingHF> is another one).
    const drawingXml = tail.find("legacyDrawing");
    const drawingRelId =
      drawingXml === undefined ? undefined : /\s[\w.-]+:id="([^"]*)"/.exec(drawingXml)?.[1];
    const drawing =
      drawingRelId === undefined
        ? undefined
        : sheetRels.find((r) => r.id === drawingRelId && zip.has(r.part));
    const spare = await this.freeShapeBlock();
    if (drawing) edits.edit(drawing.part, (xml) => addNoteShape(xml, note.row, note.column, spare));
    else {
      const part = unusedName(
        (n) => edits.isTaken(n),
        (k) => `xl/drawings/vmlDrawing${k}.vml`,
      );
      newRels.push({ id: drawingId, type: `${REL}/vmlDrawing`, part });
      edits.add(part, newNoteDrawing(note.row, note.column, spare));
      edits.edit(CONTENT_TYPES, withVmlDefault);
      tail.set(
        "legacyDrawing",
        `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${drawingId}"/>`,
      );
    }
    if (newRels.length > 0)
      edits.editOrAdd(relsPartOf(sheetPart), (xml) => relsWith(xml, sheetPart, newRels));
  }

  /** The first block of 1,024 shape ids no legacy drawing of the workbook uses. */
  private async freeShapeBlock(): Promise<number> {
    let max = 0;
    const { zip } = this.internals;
    // Read as they inflate (a drawing of another sheet may be large): an id map is a short tag, so
    // the last characters of a piece are searched again with the next one.
    for (const e of zip.entries) {
      if (!e.name.endsWith(".vml")) continue;
      let carry = "";
      for await (const piece of zip.textPieces(e)) {
        const text = carry + piece;
        for (const block of shapeBlocks(text)) max = Math.max(max, block);
        carry = text.slice(-4096);
      }
    }
    return max + 1;
  }

  /**
   * The portable formulas' reference sheet: an earlier run's (same name) gets the new content in its
   * own part; otherwise a new worksheet part, listed last. Either way the workbook asks for a full
   * recalculation on opening.
   */
  private async referenceInto(sheet: ReferenceSheet, edits: PackageEdits, styles: StyleBook): Promise<void> {
    const { pkg } = this.internals;
    const xml = referenceSheetXml(sheet, styles);
    const earlier = pkg.sheets.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (earlier?.part !== undefined) {
      edits.edit(earlier.part, () => xml);
      edits.edit(pkg.workbookPart, (text) => workbookWithReference(text, undefined));
      return;
    }
    const part = unusedName(
      (n) => edits.isTaken(n),
      (k) => `xl/worksheets/sheet${k}.xml`,
    );
    const [id] = unusedRelIds(pkg.workbookRelsXml, 1) as [string];
    edits.add(part, xml, WORKSHEET_TYPE);
    edits.editOrAdd(relsPartOf(pkg.workbookPart), (text) =>
      relsWith(text, pkg.workbookPart, [{ id, type: `${REL}/worksheet`, part }]),
    );
    edits.edit(pkg.workbookPart, (text) => workbookWithReference(text, { name: sheet.name, relId: id }));
  }
}

export { columnLetters };
