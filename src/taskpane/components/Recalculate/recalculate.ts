import { type ApplySummary } from "../../../apply";
import {
  applyToSheet,
  checkRemembered,
  planApply,
  registerToRemember,
  rememberedAsOf,
  rememberedAsOfKind,
  rowsInMemory,
  type ApplyOutcome,
  type SkipReason,
} from "../../../write";
import type { Day, Language, Settings, VendorRegistry } from "../../../engine";
import { registerPlace, type WorkbookGateway } from "../../../workbook/gateway";
import type { StoredRegister } from "../../../storage";
import { buildApplyOptions, buildApplyRequest } from "../../apply-adapter";

/**
 * « Tout recalculer » (issue 13): every register the workbook remembers, applied again in one run
 * through the same use case and gateway as Apply — read at its remembered place, checked (sheet or
 * table still there, the same input columns, no one else's cells where its columns go), computed as
 * of today when its as-of date is « today », else at its fixed date. One line per register; a
 * register that cannot be applied is skipped with its reason and the others still run.
 */

export type RecalcOutcome =
  | {
      readonly kind: "applied";
      readonly rows: number;
      readonly asOfIso: string;
      readonly summary: ApplySummary;
      /** The register as remembered after this run (its rows and columns as written now). */
      readonly remembered: StoredRegister;
      readonly cancelled: boolean;
    }
  | { readonly kind: "skipped"; readonly reason: SkipReason }
  | { readonly kind: "failed"; readonly error: unknown }
  /** Not started: the run was cancelled before it. */
  | { readonly kind: "not-run" };

export interface RecalcLine {
  readonly register: StoredRegister;
  readonly outcome: RecalcOutcome;
}

export interface RecalcProgress {
  /** Zero-based index of the register being applied. */
  readonly index: number;
  readonly count: number;
  readonly register: StoredRegister;
  readonly done: number;
  readonly rows: number;
}

export interface RecalcRequest {
  readonly gateway: WorkbookGateway;
  readonly registers: readonly StoredRegister[];
  /** Today (the pane reads the clock): the as-of date of registers « as of today », and the note's date. */
  readonly today: Day;
  readonly lang: Language;
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  readonly highlightDays?: number;
  readonly chunkRows: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RecalcProgress) => void;
  /** Between chunks (the pane's macrotask; tests pass a resolved promise). */
  readonly yieldFn?: () => Promise<void>;
}

/** Applies one remembered register again; throws what Apply would throw (the caller makes it a line). */
async function recalculateOne(
  request: RecalcRequest,
  register: StoredRegister,
  index: number,
): Promise<RecalcOutcome> {
  const { gateway } = request;
  const answer = await gateway.readRegisterAt(register);
  if (!answer.found)
    return {
      kind: "skipped",
      reason:
        answer.reason === "no-sheet"
          ? { kind: "sheet-gone", sheet: register.sheet }
          : answer.reason === "no-table"
            ? { kind: "table-gone", table: register.table ?? "" }
            : { kind: "bad-range", range: register.range ?? "" },
    };
  const source = answer.source;
  const check = checkRemembered(register, source.headers);
  if (!check.ok) return { kind: "skipped", reason: check.reason };
  const asOf = rememberedAsOf(register, request.today);
  const options = buildApplyOptions({
    source,
    mode: check.mode,
    mapping: check.recognition.mapping,
    vendor: register.vendor,
    asOf,
    lang: request.lang,
    defaults: {
      ...(register.invoiceKind !== undefined ? { invoiceKind: register.invoiceKind } : {}),
      ...(register.plan !== undefined ? { plan: register.plan } : {}),
      ...(register.clientType !== undefined ? { clientType: register.clientType } : {}),
    },
    registry: request.registry,
    settings: request.settings,
  });
  const applyRequest = buildApplyRequest({
    options,
    write: register.write,
    recognition: check.recognition,
    today: request.today,
    ...(request.highlightDays !== undefined ? { highlightDays: request.highlightDays } : {}),
  });
  // The columns are the add-in's own (recognised by their headers): none of someone else's cells is
  // replaced without the confirmation Apply asks for, which a recalculation of many registers does not.
  const plan = planApply(applyRequest, registerPlace(source), source.headers);
  const replaced = await gateway.countReplaced(source, plan);
  if (replaced.count > 0)
    return {
      kind: "skipped",
      reason: { kind: "would-replace", count: replaced.count, address: replaced.address },
    };
  const total = source.rows.length;
  const sink = gateway.applySink(source);
  let outcome: ApplyOutcome;
  try {
    outcome = await applyToSheet(plan, rowsInMemory(plan.place, source.headers, source.rows), sink, {
      chunkRows: request.chunkRows,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.yieldFn ? { yieldFn: request.yieldFn } : {}),
      onProgress: ({ done }) =>
        request.onProgress?.({ index, count: request.registers.length, register, done, rows: total }),
    });
  } finally {
    await sink.close();
  }
  return {
    kind: "applied",
    rows: outcome.rowsWritten,
    asOfIso: asOf,
    summary: outcome.summary,
    cancelled: outcome.cancelled || outcome.editedCell !== undefined,
    remembered: registerToRemember({
      plan,
      rows: total,
      // A stored choice of columns that differs from what the headers give stays stored.
      recognized: check.recognized,
      asOf: rememberedAsOfKind(register),
      today: request.today,
    }),
  };
}

/** Every remembered register, one after the other; a line each, in the order remembered. */
export async function recalculateAll(request: RecalcRequest): Promise<RecalcLine[]> {
  const lines: RecalcLine[] = [];
  for (const [index, register] of request.registers.entries()) {
    if (request.signal?.aborted) {
      lines.push({ register, outcome: { kind: "not-run" } });
      continue;
    }
    request.onProgress?.({ index, count: request.registers.length, register, done: 0, rows: 0 });
    try {
      lines.push({ register, outcome: await recalculateOne(request, register, index) });
    } catch (error) {
      lines.push({ register, outcome: { kind: "failed", error } });
    }
  }
  return lines;
}
