import { promises as fs } from "node:fs";
import * as path from "node:path";
import { formatSummary, prepareApply, type CellValue } from "../../apply";
import { isEngineError, type VendorProfile } from "../../engine";
import { serializeState, STORAGE_NAMESPACE } from "../../storage";
import {
  applyToSheet,
  ApplyRefusal,
  planApply,
  portableNotes,
  registerToRemember,
  type ApplyOutcome,
  type ApplyPlan,
} from "../../write";
import { XlsxError, type StoredTermsWriter } from "../../xlsx";
import { todayDay } from "../clock";
import { isCsvFile } from "../messages";
import { storedTermsAfter } from "../stored-terms";
import type { ApplyArgs } from "./args";
import {
  defaultOutput,
  describeLocation,
  fileProblem,
  readRegisterFile,
  registerOptions,
} from "../register-file";
import { writeIcs } from "./ics";
import { APPLY_TEXT } from "./messages";
import { openRegister, type Opened } from "./open";
import { applyOptions, terms } from "./options";
import type { Printer } from "./printer";

/** Rows computed and written at a time by the command line's Apply. */
const APPLY_CHUNK_ROWS = 1000;

/**
 * One register file applied: opened once, its terms and headers read, planned once (`planApply`), then
 * the one Apply (`applyToSheet`) into a copy, with progress, the summary, the portable notes, and the
 * register remembered in the copy's stored terms as the pane remembers it (`registerToRemember`).
 */

/** The exit code: 0 when a row was computed, 1 when none could be; a Stop carries 1 or 2. */
export async function applyFile(args: ApplyArgs, p: Printer): Promise<number> {
  const out = args.out ?? defaultOutput(args.input);
  if (path.resolve(out) === path.resolve(args.input)) throw p.fail(APPLY_TEXT.outputIsInput(out), 2);
  if (args.write !== "values" && isCsvFile(out))
    throw p.fail(APPLY_TEXT.formulasNeedWorkbook(args.write, out), 2);
  let opened: Opened;
  try {
    opened = await openRegister(args, out, p);
  } catch (e) {
    throw p.fail(
      e instanceof XlsxError ? e.text : fileProblem(e, args.input),
      e instanceof XlsxError && e.kind === "no-register" && args.sheet !== undefined ? 2 : 1,
    );
  }
  try {
    return await applyOpened(args, out, opened, p);
  } finally {
    opened.close();
  }
}

/** Plans once; a bad vendor or as-of date, or formulas over columns not side by side, stop with 2 before anything is read. */
function plan(
  args: ApplyArgs,
  out: string,
  opened: Opened,
  recognised: ReturnType<typeof applyOptions>,
  p: Printer,
): ApplyPlan {
  try {
    return planApply(
      {
        options: recognised.options,
        write: args.write,
        today: todayDay(),
        previousOutputs: recognised.recognition.previousOutputs,
        ...(args.highlightDays !== undefined && !isCsvFile(out) ? { highlightDays: args.highlightDays } : {}),
      },
      opened.rows.place,
      opened.headers,
    );
  } catch (e) {
    if (e instanceof ApplyRefusal || isEngineError(e)) throw p.fail(e.text, 2);
    throw e;
  }
}

async function applyOpened(args: ApplyArgs, out: string, opened: Opened, p: Printer): Promise<number> {
  const book = opened.book;
  const inForce = await terms(args, book ? () => book.customXmlParts() : undefined, p);
  const recognised = applyOptions(args, opened.headers, opened.headerRow, inForce, p);
  const planned = plan(args, out, opened, recognised, p);
  // Only the rows with a coming deadline are kept, for the calendar (a sparse array).
  const pending: (readonly CellValue[])[] = [];
  let vendors: readonly VendorProfile[] = [];
  let rowsDone = 0;
  const storedTerms: StoredTermsWriter = {
    namespace: STORAGE_NAMESPACE,
    xml: () =>
      serializeState(
        storedTermsAfter(
          inForce,
          vendors,
          registerToRemember({
            plan: planned,
            rows: rowsDone,
            recognized: recognised.recognized,
            asOf: args.asOfKind,
            today: planned.request.today,
          }),
          inForce.given,
        ),
      ),
  };
  let outcome: ApplyOutcome;
  try {
    const show = p.io.isTTY ? p.progress() : undefined;
    outcome = await applyToSheet(planned, opened.rows, opened.sink(recognised.options, storedTerms), {
      // Rows are held from their reading until their chunk is written: short chunks let them die
      // young, before the garbage collector promotes them (1,048,576 rows: about 260 MB at most
      // against 270–310 MB with chunks of 5,000, measured 7 December 2026).
      chunkRows: APPLY_CHUNK_ROWS,
      yieldFn: () => new Promise((resolve) => setImmediate(resolve)),
      onProgress: (x) => {
        rowsDone = x.done;
        show?.(x);
      },
      beforeFinish: (used) => void (vendors = used.map((v) => v.profile)),
      ...(args.ics !== undefined
        ? {
            onRow: (row: readonly CellValue[], i: number, r: { nextDeadline?: number }) =>
              void (r.nextDeadline !== undefined && (pending[i] = row)),
          }
        : {}),
    });
  } catch (e) {
    await fs.rm(out, { force: true }).catch(() => undefined);
    if (e instanceof XlsxError) throw p.fail(e.text, e.kind === "date-system" ? 2 : 1);
    if (isEngineError(e)) throw p.fail(e.text, 2);
    throw p.fail(fileProblem(e, out), 1);
  }
  if (p.io.isTTY) p.io.stderr.write("\n");
  for (const w of opened.book?.warnings() ?? []) p.caution(w);
  p.say(formatSummary(outcome.summary, p.lang));
  const unknown = outcome.summary.unknownVendors[0];
  if (unknown !== undefined)
    p.say(APPLY_TEXT.unknownVendorsOffer(unknown.name, outcome.summary.unknownVendorRowsByLaw > 0));
  const portable = portableNotes(outcome, p.lang);
  if (portable) {
    p.say(portable.heading);
    for (const line of portable.lines) p.say(`  ${line}`);
  }
  if (outcome.note && !outcome.note.added && !isCsvFile(out)) p.caution(APPLY_TEXT.noteNotAdded);
  p.say(APPLY_TEXT.writtenTo(out));
  if (args.ics !== undefined) await writeIcs(args, args.ics, planned.applier, pending, p);
  return outcome.summary.computed > 0 ? 0 : 1;
}

/** --explain ROW: the explanation of one sheet row, with its clauses; nothing is written. */
export async function explainRow(args: ApplyArgs, sheetRow: number, p: Printer): Promise<number> {
  let table: Awaited<ReturnType<typeof readRegisterFile>>;
  try {
    table = await readRegisterFile(args.input, registerOptions(args));
  } catch (e) {
    throw p.fail(fileProblem(e, args.input), 1);
  }
  p.say(describeLocation(table, args.input, p.lang));
  const { headers, rows, headerRow } = table;
  const stored = table.customXmlParts;
  const inForce = await terms(args, stored ? () => stored : undefined, p);
  const { options } = applyOptions(args, headers, headerRow, inForce, p);
  let applier: ReturnType<typeof prepareApply>;
  try {
    applier = prepareApply(options);
  } catch (e) {
    if (isEngineError(e)) throw p.fail(e.text, 2);
    throw e;
  }
  const index = sheetRow - headerRow - 1;
  const row = rows[index];
  if (index < 0 || row === undefined)
    throw p.fail(APPLY_TEXT.explainOutside(sheetRow, headerRow + 1, headerRow + rows.length), 2);
  p.say(applier.explainRow(row, index));
  return 0;
}
