import { applyRequest } from "../support/apply";
import { promises as fs } from "node:fs";
import { formatSummary, recognizeHeaders, type RegisterMode } from "../../src/apply";
import { ApplyRefusal, type ApplyOutcome, type ApplyRequest } from "../../src/write";
import { isEngineError, iso, type Day, type Language } from "../../src/engine";
import { openXlsxRegister, XlsxError, type XlsxCopySink, type XlsxRegisterBook } from "../../src/xlsx";

/**
 * What a face does with an xlsx register (the command line's driver, in a few lines): open it (the
 * sheet and header row found once), recognise its headers, apply through the copy's sink.
 */

export interface ApplyFileOptions {
  readonly vendor?: string;
  readonly asOf?: string;
  readonly write?: ApplyRequest["write"];
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly mode?: RegisterMode;
  readonly lang?: Language;
  readonly highlightDays?: number;
  readonly today?: Day;
  readonly chunkRows?: number;
}

export interface AppliedFile {
  readonly outcome?: ApplyOutcome;
  readonly book?: XlsxRegisterBook;
  readonly sink?: XlsxCopySink;
  /** The summary line(s) as the command line prints them. */
  readonly summary: string;
  /** The book's warnings in the run's language. */
  readonly warnings: readonly string[];
  /** What the header recognition said (duplicate columns…), in the run's language. */
  readonly recognition?: readonly string[];
  /** A refusal (XlsxError, ApplyRefusal, the engine's), in the run's language. */
  readonly error?: string;
  readonly errorKind?: string;
}

export async function applyFile(
  input: string,
  output: string,
  o: ApplyFileOptions = {},
): Promise<AppliedFile> {
  const lang = o.lang ?? "fr";
  let book: XlsxRegisterBook | undefined;
  try {
    book = await openXlsxRegister(input, {
      ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
      ...(o.headerRow !== undefined ? { headerRow: o.headerRow } : {}),
      ...(o.mode !== undefined ? { mode: o.mode } : {}),
    });
    const rec = recognizeHeaders(book.headers, o.mode ? { mode: o.mode } : {});
    if (rec.mode === undefined) throw new Error(`no mode: ${JSON.stringify(rec.problems)}`);
    const sink = book.copyTo(output, { lang });
    const outcome = await applyRequest(
      {
        options: {
          mode: rec.mode,
          mapping: rec.mapping,
          headers: book.headers,
          asOf: o.asOf ?? "2026-06-30",
          lang,
          firstRowNumber: book.location.headerRow + 1,
          ...(o.vendor !== undefined ? { vendor: o.vendor } : {}),
        },
        write: o.write ?? "values",
        today: o.today ?? iso("2026-12-03"),
        previousOutputs: rec.previousOutputs,
        ...(o.highlightDays !== undefined ? { highlightDays: o.highlightDays } : {}),
      },
      book.rows,
      sink,
      { yieldFn: async () => undefined, ...(o.chunkRows !== undefined ? { chunkRows: o.chunkRows } : {}) },
    );
    return {
      outcome,
      book,
      sink,
      summary: formatSummary(outcome.summary, lang),
      warnings: book.warnings().map((w) => w[lang]),
      recognition: rec.problems.map((p) => p.message[lang]),
    };
  } catch (e) {
    book?.close();
    if (e instanceof XlsxError)
      return {
        summary: "",
        warnings: book?.warnings().map((w) => w[lang]) ?? [],
        error: e.text[lang],
        errorKind: e.kind,
      };
    if (e instanceof ApplyRefusal)
      return { summary: "", warnings: [], error: e.text[lang], errorKind: "apply" };
    if (isEngineError(e)) return { summary: "", warnings: [], error: e.text[lang], errorKind: "engine" };
    throw e;
  }
}

export const exists = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    () => true,
    () => false,
  );
