import * as React from "react";
import { formatSummary, type ApplyOptions, type ApplySummary, type HeaderRecognition } from "../../../apply";
import {
  applyToSheet,
  planApply,
  portableNotes,
  registerToRemember,
  rowsInMemory,
  type ApplyPlan,
  type ApplyRequest,
  type AsOfKind,
  type WriteMode,
} from "../../../write";
import type { Day, Language } from "../../../engine";
import {
  registerPlace,
  type SinkReport,
  type SourceBlock,
  type WorkbookGateway,
} from "../../../workbook/gateway";
import { buildApplyRequest, describeError, registerKey } from "../../apply-adapter";
import type { StoredRegister } from "../../../storage";

export type RunState =
  | { readonly phase: "idle" }
  | { readonly phase: "counting" }
  | { readonly phase: "confirm"; readonly count: number; readonly address: string }
  | { readonly phase: "values" | "formats"; readonly done: number; readonly total: number }
  | {
      readonly phase: "done";
      /** The register the outcome describes (`registerKey`), and its address when applied. */
      readonly register: string;
      readonly address: string;
      readonly rows: number;
      readonly columns: number;
      readonly added: number;
      readonly cancelled: boolean;
      readonly errors: number;
      readonly summary: string;
      /** The core's summary. */
      readonly figures: ApplySummary;
      /** Conditional formats: added, not supported by this Excel, or not asked for. */
      readonly highlight: "added" | "unsupported" | "off";
      /** The register cell someone edited while Apply wrote (the write stopped before its next chunk). */
      readonly editedCell?: string;
      /** Portable mode: the reference sheet written, and what went in as values rather than formulas. */
      readonly portable?: { readonly heading: string; readonly lines: readonly string[] };
      /** Values mode: where the provenance note went (none: the host had neither notes nor comments). */
      readonly note?: "note" | "comment" | "none";
      /** Live formulas: the function names that worked in this Excel. */
      readonly formulaNames?: SinkReport["formulaNames"];
      /** Whether the register sheet was set to print (landscape, one page wide); false: this Excel could not. */
      readonly printSetup?: boolean;
      /** The register as the workbook remembers it, for « Tout recalculer » (issue 13). */
      readonly remember: StoredRegister;
    }
  | { readonly phase: "error"; readonly register: string; readonly message: string };

export interface RunRequest {
  readonly source: SourceBlock;
  readonly recognition: HeaderRecognition | undefined;
  readonly options: ApplyOptions;
  readonly writeMode: WriteMode;
  readonly lang: Language;
  /** Today, for the note's and the reference sheet's date (the pane reads the clock, the core never does). */
  readonly today: Day;
  /** Highlight overdue rows and deadlines within this many days of the as-of date; undefined: none. */
  readonly highlightDays?: number;
  /** How the workbook remembers the as-of date for « Tout recalculer »: today's, or this date, fixed. */
  readonly asOfKind: AsOfKind;
}

/** The use case's request for the pane's run. */
function request(req: RunRequest): ApplyRequest {
  return buildApplyRequest({
    options: req.options,
    write: req.writeMode,
    recognition: req.recognition,
    today: req.today,
    ...(req.highlightDays !== undefined ? { highlightDays: req.highlightDays } : {}),
  });
}

export interface ApplyRun {
  readonly state: RunState;
  readonly busy: boolean;
  readonly start: (request: RunRequest) => void;
  readonly confirm: () => void;
  readonly decline: () => void;
  readonly cancel: () => void;
  /** Forgets the outcome (another register was read, another sheet activated). */
  readonly reset: () => void;
}

/**
 * Apply as the pane drives it: progress, confirmation and cancel, nothing else. The use case
 * (`applyToSheet`, src/apply) decides every cell written and writes it through the gateway's sink;
 * before it runs, `planApply` gives the columns, and the gateway counts the other people's cells they
 * would replace (an earlier run's columns are the add-in's own, rewritten without asking). Any failure
 * ends in an "error" state with a sentence, never an exception.
 */
export function useApplyRun(
  gateway: WorkbookGateway,
  config: { readonly chunkRows: number; readonly onWritten?: () => void },
): ApplyRun {
  const [state, setState] = React.useState<RunState>({ phase: "idle" });
  const pending = React.useRef<{ req: RunRequest; plan: ApplyPlan } | undefined>(undefined);
  const abort = React.useRef<AbortController | undefined>(undefined);
  const { chunkRows, onWritten } = config;

  const write = React.useCallback(
    async (req: RunRequest, plan: ApplyPlan) => {
      const controller = new AbortController();
      abort.current = controller;
      const { source, lang } = req;
      const total = source.rows.length;
      setState({ phase: "values", done: 0, total });
      const sink = gateway.applySink(source, {
        onFormats: (done, all) => setState({ phase: "formats", done, total: all }),
      });
      try {
        const outcome = await applyToSheet(
          plan,
          rowsInMemory(plan.place, source.headers, source.rows),
          sink,
          {
            chunkRows,
            signal: controller.signal,
            onProgress: ({ done }) => setState({ phase: "values", done, total }),
          },
        );
        const report = sink.report();
        setState({
          phase: "done",
          register: registerKey(source),
          address: source.address,
          rows: outcome.rowsWritten,
          columns: outcome.columns.length,
          added: outcome.columns.filter((c) => !c.existing).length,
          cancelled: outcome.cancelled,
          errors: outcome.summary.errors,
          summary: formatSummary(outcome.summary, lang),
          figures: outcome.summary,
          highlight: outcome.highlight,
          ...withPortable(portableNotes(outcome, lang)),
          ...(outcome.editedCell !== undefined ? { editedCell: outcome.editedCell } : {}),
          ...(outcome.note ? { note: report.note ?? (outcome.note.added ? "note" : "none") } : {}),
          ...(report.formulaNames !== undefined ? { formulaNames: report.formulaNames } : {}),
          ...(report.printSetup !== undefined ? { printSetup: report.printSetup } : {}),
          remember: registerToRemember({
            plan,
            rows: source.rows.length,
            recognized: req.recognition?.mapping,
            asOf: req.asOfKind,
            today: req.today,
          }),
        });
      } catch (e) {
        setState({ phase: "error", register: registerKey(source), message: describeError(e, lang) });
      } finally {
        await sink.close();
        abort.current = undefined;
        onWritten?.();
      }
    },
    [gateway, chunkRows, onWritten],
  );

  const start = React.useCallback(
    (req: RunRequest) => {
      void (async () => {
        setState({ phase: "counting" });
        try {
          // The columns and where they go, decided by the core; refused here already when formulas
          // would need columns side by side that are not.
          const plan = planApply(request(req), registerPlace(req.source), req.source.headers);
          const replaced = await gateway.countReplaced(req.source, plan);
          if (replaced.count > 0) {
            pending.current = { req, plan };
            setState({ phase: "confirm", count: replaced.count, address: replaced.address });
            return;
          }
          await write(req, plan);
        } catch (e) {
          setState({
            phase: "error",
            register: registerKey(req.source),
            message: describeError(e, req.lang),
          });
        }
      })();
    },
    [gateway, write],
  );

  const confirm = React.useCallback(() => {
    const waiting = pending.current;
    pending.current = undefined;
    if (waiting) void write(waiting.req, waiting.plan);
  }, [write]);

  const decline = React.useCallback(() => {
    pending.current = undefined;
    setState({ phase: "idle" });
  }, []);

  const cancel = React.useCallback(() => abort.current?.abort(), []);
  const reset = React.useCallback(() => {
    setState((s) => (s.phase === "done" || s.phase === "error" ? { phase: "idle" } : s));
  }, []);
  const busy = state.phase === "counting" || state.phase === "values" || state.phase === "formats";
  return { state, busy, start, confirm, decline, cancel, reset };
}

/** The portable notes as the outcome's optional field (absent outside portable mode). */
function withPortable(notes: ReturnType<typeof portableNotes>): {
  portable?: { readonly heading: string; readonly lines: readonly string[] };
} {
  return notes ? { portable: notes } : {};
}
