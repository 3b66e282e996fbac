import * as React from "react";
import {
  applyRegister,
  formatSummary,
  type ApplyOptions,
  type ApplySummary,
  type HeaderRecognition,
} from "../../../apply";
import { serialToDay } from "../../../adapter/cell-values";
import { resolveVendor, type Day, type Language } from "../../../engine";
import { provenanceNote } from "../../../portable";
import { sheetAddress } from "../../../cells";
import type { SourceBlock, WorkbookGateway } from "../../../excel/gateway";
import {
  describeError,
  gatewayColumns,
  outputPlacements,
  portableColumns,
  referenceMatrix,
  type WriteMode,
} from "../../apply-adapter";
import { highlightRules } from "../../highlight";
import type { Strings } from "../../i18n/strings";

export type RunState =
  | { readonly phase: "idle" }
  | { readonly phase: "counting" }
  | { readonly phase: "confirm"; readonly count: number; readonly address: string }
  | { readonly phase: "computing" | "values" | "formats"; readonly done: number; readonly total: number }
  | {
      readonly phase: "done";
      readonly rows: number;
      readonly columns: number;
      readonly added: number;
      readonly cancelled: boolean;
      readonly errors: number;
      readonly summary: string;
      /** The core's summary (absent when cancelled before writing). */
      readonly figures?: ApplySummary;
      /** Conditional formats: added, not supported by this Excel, or not asked for. */
      readonly highlight: "added" | "unsupported" | "off";
      /** The register cell someone edited while Apply wrote (the write stopped before its next chunk). */
      readonly editedCell?: string;
      /** Portable mode: the reference sheet written, and what went in as values rather than formulas. */
      readonly portable?: { readonly sheet: string; readonly fallbacks: readonly string[] };
    }
  | { readonly phase: "error"; readonly message: string };

export interface RunRequest {
  readonly source: SourceBlock;
  readonly recognition: HeaderRecognition | undefined;
  readonly options: ApplyOptions;
  readonly writeMode: WriteMode;
  readonly lang: Language;
  /** Today, for the reference sheet's "generated on" line (the pane reads the clock, the core never does). */
  readonly today: Day;
  /** Highlight overdue rows and deadlines within this many days of the as-of date; undefined: none. */
  readonly highlightDays?: number;
}

/** The provenance note of a values run (vendor, profile version, dates); undefined without a resolvable vendor. */
function provenance(
  options: ApplyOptions,
  today: Day,
  asOfSerial: number,
  lang: Language,
): string | undefined {
  if (options.vendor === undefined || options.vendor.trim() === "") return undefined;
  try {
    const { profile } = resolveVendor(options.vendor, options.registry, options.settings);
    return provenanceNote(
      [{ profile, spec: options.vendor }],
      today,
      serialToDay(asOfSerial),
      lang,
      options.mapping.vendor !== undefined,
    );
  } catch {
    return undefined;
  }
}

export interface ApplyRun {
  readonly state: RunState;
  readonly busy: boolean;
  readonly start: (request: RunRequest) => void;
  readonly confirm: () => void;
  readonly decline: () => void;
  readonly cancel: () => void;
}

/**
 * Apply, step by step: count the non-empty target cells (and ask before replacing any), compute in
 * chunks, write values then formats in chunks, select the result. Progress and cancel at every chunk;
 * any failure ends in an "error" state with a sentence, never an exception.
 */
export function useApplyRun(
  gateway: WorkbookGateway,
  strings: Strings,
  config: { readonly chunkRows: number; readonly onWritten?: () => void },
): ApplyRun {
  const [state, setState] = React.useState<RunState>({ phase: "idle" });
  const pending = React.useRef<RunRequest | undefined>(undefined);
  const abort = React.useRef<AbortController | undefined>(undefined);
  const { chunkRows, onWritten } = config;

  const write = React.useCallback(
    async (req: RunRequest) => {
      const controller = new AbortController();
      abort.current = controller;
      const { source, options, lang } = req;
      try {
        const placements = outputPlacements(source, options.mode, lang, req.recognition);
        const total = source.rows.length;
        setState({ phase: "computing", done: 0, total });
        const result = await applyRegister(source.rows, options, {
          chunkSize: chunkRows,
          signal: controller.signal,
          onProgress: ({ done }) => setState({ phase: "computing", done, total }),
        });
        if (result.cancelled) {
          setState({
            phase: "done",
            rows: 0,
            columns: 0,
            added: 0,
            cancelled: true,
            errors: 0,
            summary: strings.cancelledBeforeWrite,
            highlight: "off",
          });
          return;
        }
        let columns;
        let portable: { sheet: string; fallbacks: readonly string[] } | undefined;
        if (req.writeMode === "portable") {
          const out = portableColumns(source, result, options, lang, placements, req.today);
          // The formulas name the reference sheet: it is written first, under that exact name.
          await gateway.resetSheet(out.reference.name);
          await gateway.writeMatrix(out.reference.name, referenceMatrix(out.reference));
          columns = out.columns;
          portable = { sheet: out.reference.name, fallbacks: out.fallbacks };
        } else columns = gatewayColumns(source, result, options, lang, placements, req.writeMode);
        const outcome = await gateway.writeColumns(source, placements, columns, {
          mode: req.writeMode === "values" ? "values" : "formulas",
          chunkRows,
          signal: controller.signal,
          onProgress: (p) => setState({ phase: p.phase, done: p.rowsDone, total: p.rowsTotal }),
        });
        let highlight: "added" | "unsupported" | "off" = "off";
        if (!outcome.cancelled) {
          if (req.highlightDays !== undefined) {
            const rules = highlightRules({
              source,
              placements,
              mode: options.mode,
              mapping: options.mapping,
              asOf: result.summary.asOf,
              days: req.highlightDays,
            });
            highlight = (await gateway.addConditionalFormats(rules)) ? "added" : "unsupported";
          }
          if (req.writeMode === "values") {
            // Values do not follow later edits: the header says which terms computed them, and when.
            const note = provenance(options, req.today, result.summary.asOf, lang);
            const first = placements[0];
            if (note !== undefined && first)
              await gateway.addNote(source.sheet, source.startRow, first.column, note);
          }
          await gateway.selectColumns(source, placements);
        }
        setState({
          phase: "done",
          rows: outcome.rowsWritten,
          columns: placements.length,
          added: placements.filter((p) => !p.existing).length,
          cancelled: outcome.cancelled,
          errors: result.summary.errors,
          summary: formatSummary(result.summary, lang),
          figures: result.summary,
          highlight,
          ...(portable ? { portable } : {}),
          ...(outcome.editedCell !== undefined ? { editedCell: outcome.editedCell } : {}),
        });
        onWritten?.();
      } catch (e) {
        setState({ phase: "error", message: describeError(e, strings, lang) });
        onWritten?.();
      } finally {
        abort.current = undefined;
      }
    },
    [gateway, strings, chunkRows, onWritten],
  );

  const start = React.useCallback(
    (req: RunRequest) => {
      void (async () => {
        setState({ phase: "counting" });
        try {
          const placements = outputPlacements(req.source, req.options.mode, req.lang, req.recognition);
          const count = await gateway.countNonEmpty(req.source, placements);
          if (count > 0) {
            pending.current = req;
            const cols = placements.map((p) => p.column);
            const first = Math.min(...cols);
            const address = sheetAddress(
              req.source.sheet,
              req.source.startRow,
              first,
              req.source.rows.length + 1,
              Math.max(...cols) - first + 1,
            );
            setState({ phase: "confirm", count, address });
            return;
          }
          await write(req);
        } catch (e) {
          setState({ phase: "error", message: describeError(e, strings, req.lang) });
        }
      })();
    },
    [gateway, strings, write],
  );

  const confirm = React.useCallback(() => {
    const req = pending.current;
    pending.current = undefined;
    if (req) void write(req);
  }, [write]);

  const decline = React.useCallback(() => {
    pending.current = undefined;
    setState({ phase: "idle" });
  }, []);

  const cancel = React.useCallback(() => abort.current?.abort(), []);
  const busy =
    state.phase === "counting" ||
    state.phase === "computing" ||
    state.phase === "values" ||
    state.phase === "formats";
  return { state, busy, start, confirm, decline, cancel };
}
