import { promises as fs } from "node:fs";
import { cellRef } from "../../cells";
import { isEngineError, type SentReminder, type VendorProfile } from "../../engine";
import {
  serializeState,
  STORAGE_NAMESPACE,
  withCompany,
  withPenaltyNotes,
  type StoredCompany,
  type StoredPenaltyNote,
  type StoredRegister,
} from "../../storage";
import {
  applyToSheet,
  ApplyRefusal,
  planApply,
  registerToRemember,
  type ApplyOutcome,
  type ApplyPlan,
  type AsOfKind,
  type RegisterPlace,
  type WriteMode,
} from "../../write";
import { XlsxError, type StoredTermsWriter } from "../../xlsx";
import { openRegisterFile, type Opened } from "../apply/open";
import { todayDay } from "../clock";
import { isCsvFile } from "../messages";
import { Stop, type Printer } from "../printer";
import { fileProblem } from "../register-file";
import { storedTermsAfter } from "../stored-terms";
import type { RecoveryInput } from "../recovery/input";
import { temporaryName } from "../recovery/files";

/**
 * The register's copy a recovery run writes — never the input: the one Apply (`planApply`,
 * `applyToSheet`) into a copy of the register, as `echeance apply` writes it, with the letters this run
 * records (`ApplyOptions.recorded`: « Dernière relance » written in place or added, « Prochaine
 * action » beside it), and in its stored terms the penalty notes issued (the series continues there)
 * and « Mon entreprise » when it came from --company. Written under a temporary name, then renamed.
 */

export interface CopyRequest {
  readonly out: string;
  readonly asOfKind: AsOfKind;
  /** Data row index → the letter recorded for it. */
  readonly recorded?: ReadonlyMap<number, SentReminder>;
  /** Notes issued by this run, added to the stored series. */
  readonly notes?: readonly StoredPenaltyNote[];
  /** « Mon entreprise » given by --company, stored with the terms. */
  readonly company?: StoredCompany;
}

/** The write mode the workbook remembers for the register at this place (a formulas register stays formulas). */
function rememberedWrite(registers: readonly StoredRegister[], place: RegisterPlace): WriteMode {
  const corner = cellRef(place.firstColumn, place.headerRow + 1);
  const here = registers.find(
    (r) =>
      r.table === undefined &&
      r.sheet.toLowerCase() === place.sheet.toLowerCase() &&
      (r.range ?? "").split(":")[0]?.replace(/\$/g, "").toUpperCase() === corner,
  );
  return here?.write ?? "values";
}

function planCopy(
  input: RecoveryInput,
  request: CopyRequest,
  opened: Opened,
  out: string,
  p: Printer,
): ApplyPlan {
  const stored = input.inForce.stored?.registers ?? [];
  const write = isCsvFile(out) ? "values" : rememberedWrite(stored, opened.rows.place);
  try {
    return planApply(
      {
        options: { ...input.options, ...(request.recorded ? { recorded: request.recorded } : {}) },
        write,
        today: todayDay(),
        previousOutputs: input.recognition.previousOutputs,
        ...(isCsvFile(out) ? {} : { highlightDays: 30 }),
      },
      opened.rows.place,
      opened.headers,
    );
  } catch (e) {
    if (e instanceof ApplyRefusal || isEngineError(e)) throw p.fail(e.text, 2);
    throw e;
  }
}

async function applyCopy(
  input: RecoveryInput,
  request: CopyRequest,
  out: string,
  p: Printer,
): Promise<ApplyOutcome> {
  const where = {
    sheet: input.register.sheet,
    headerRow: input.register.headerRow,
    mode: "invoices" as const,
  };
  let opened: Opened;
  try {
    opened = await openRegisterFile(input.file, where, out, p, false);
  } catch (e) {
    throw p.fail(e instanceof XlsxError ? e.text : fileProblem(e, input.file), 1);
  }
  try {
    const planned = planCopy(input, request, opened, out, p);
    let vendors: readonly VendorProfile[] = [];
    let rows = 0;
    const storedTerms: StoredTermsWriter = {
      namespace: STORAGE_NAMESPACE,
      xml: () => {
        let state = storedTermsAfter(
          input.inForce,
          vendors,
          registerToRemember({
            plan: planned,
            rows,
            recognized: input.recognition.mapping,
            asOf: request.asOfKind,
            today: planned.request.today,
          }),
        );
        if (request.company) state = withCompany(state, request.company);
        if (request.notes && request.notes.length > 0) state = withPenaltyNotes(state, request.notes);
        return serializeState(state);
      },
    };
    return await applyToSheet(planned, opened.rows, opened.sink(planned.request.options, storedTerms), {
      chunkRows: 5000,
      yieldFn: () => new Promise((resolve) => setImmediate(resolve)),
      onProgress: (x) => void (rows = x.done),
      beforeFinish: (used) => void (vendors = used.map((v) => v.profile)),
    });
  } finally {
    opened.close();
  }
}

/** Writes the register's copy; on failure nothing is left at `request.out`, and the run stops. */
export async function writeRegisterCopy(
  input: RecoveryInput,
  request: CopyRequest,
  p: Printer,
): Promise<ApplyOutcome> {
  const tmp = temporaryName(request.out);
  try {
    const outcome = await applyCopy(input, request, tmp, p);
    await fs.rename(tmp, request.out);
    return outcome;
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof Stop) throw e;
    if (e instanceof XlsxError) throw p.fail(e.text, 1);
    if (isEngineError(e)) throw p.fail(e.text, 2);
    if (e instanceof Error && "code" in e) throw p.fail(fileProblem(e, request.out), 1);
    throw e;
  }
}
