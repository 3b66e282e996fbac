import { NUMBER_FORMATS, type ExtraHeaderCell, type PlannedColumn } from "../../apply";
import type { Language } from "../../engine";
import type { ReferenceSheet } from "../../portable";
import { openXlsxRegister, XlsxError, type XlsxRegisterBook } from "../../xlsx";
import type { StreamHandler } from "../register-io";

/**
 * TRANSITIONAL — delete with the old src/cli/apply.ts. Its `patchRegister` entry point, kept so that
 * file compiles and runs until it calls src/xlsx itself (`openXlsxRegister` + `applyToSheet` with
 * `book.copyTo(...)`): the register is found and copied by src/xlsx, the rows computed by the
 * handler the old command passes.
 */

export class UnsupportedXlsx extends Error {
  constructor(
    en: string,
    readonly fr: string,
  ) {
    super(en);
  }
}

export interface PatchOutcome {
  readonly dataRows: number | undefined;
  readonly macrosDropped?: boolean;
}

export async function patchRegister(
  input: string,
  output: string,
  sheet: string | undefined,
  handler: StreamHandler,
  lang: Language,
  onRows?: (rows: number) => void,
  reference?: () => ReferenceSheet | undefined,
): Promise<PatchOutcome> {
  let book: XlsxRegisterBook;
  try {
    book = await openXlsxRegister(input, sheet !== undefined ? { sheet } : {});
  } catch (e) {
    if (e instanceof XlsxError) throw new UnsupportedXlsx(e.text.en, e.text.fr);
    throw e;
  }
  const begun = handler.begin({
    sheetName: book.location.sheet,
    headerRow: book.location.headerRow,
    headers: [...book.headers],
  });
  const first = book.place.firstColumn + book.place.width;
  const columns: PlannedColumn[] = begun.columns.map((c, j) => ({
    id: c.id,
    header: c.header[lang],
    format: c.format,
    numberFormat: NUMBER_FORMATS[c.format],
    column: first + j,
    existing: false,
  }));
  const extra: ExtraHeaderCell[] = (begun.after ?? []).map((value, k) => ({
    column: first + columns.length + k,
    value,
    ...(typeof value === "number" ? { numberFormat: NUMBER_FORMATS.date } : {}),
  }));
  const sink = book.copyTo(output, { lang });
  let index = 0;
  try {
    await sink.begin({
      place: book.place,
      columns,
      extraHeaderCells: extra,
      write: "values",
      rowCount: undefined,
    });
    const ref = reference?.();
    if (ref) await sink.addReferenceSheet(ref);
    for await (const chunk of book.rows.chunks(5000)) {
      const start = index;
      const cells = chunk.map((row) => handler.row([...row], index++));
      await sink.writeRows(start, cells);
      onRows?.(index);
    }
    if (begun.note !== undefined) await sink.addNote(book.place.headerRow, first, begun.note);
    await sink.finish(true);
  } catch (e) {
    await sink.finish(false);
    if (e instanceof XlsxError) throw new UnsupportedXlsx(e.text.en, e.text.fr);
    throw e;
  }
  return { dataRows: index, ...(sink.outcome?.macrosDropped ? { macrosDropped: true } : {}) };
}
