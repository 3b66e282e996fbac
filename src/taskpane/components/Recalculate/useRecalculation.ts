import * as React from "react";
import { parseIsoDay, type Day, type Language, type Settings, type VendorRegistry } from "../../../engine";
import type { WorkbookGateway } from "../../../workbook/gateway";
import type { StoredRegister } from "../../../storage";
import { todayIso } from "../AsOfPicker/useAsOf";
import type { WorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import { recalculateAll, type RecalcLine, type RecalcProgress } from "./recalculate";

export type RecalcState =
  | { readonly phase: "idle" }
  | { readonly phase: "running"; readonly progress: RecalcProgress | undefined }
  | { readonly phase: "done"; readonly lines: readonly RecalcLine[]; readonly cancelled: boolean };

export interface Recalculation {
  readonly state: RecalcState;
  readonly busy: boolean;
  /** The registers the workbook remembers. */
  readonly registers: readonly StoredRegister[];
  readonly start: () => void;
  readonly cancel: () => void;
}

/**
 * « Tout recalculer » as the pane drives it: progress, cancel, a line per register; the registers
 * applied are remembered again (their rows and the day they were applied) in the workbook's terms.
 */
export function useRecalculation(args: {
  readonly gateway: WorkbookGateway;
  readonly terms: WorkbookTerms;
  readonly lang: Language;
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  readonly chunkRows: number;
  readonly highlightDays: number | undefined;
  /** After the run wrote anything: the pane reads its register again and redraws the preview. */
  readonly onWritten?: () => void;
}): Recalculation {
  const { gateway, terms, lang, registry, settings, chunkRows, highlightDays, onWritten } = args;
  const [state, setState] = React.useState<RecalcState>({ phase: "idle" });
  const abort = React.useRef<AbortController | undefined>(undefined);
  const registers = terms.state.registers;
  const { rememberRegisters } = terms;

  const start = React.useCallback(() => {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "running", progress: undefined });
    void (async () => {
      const lines = await recalculateAll({
        gateway,
        registers,
        today: parseIsoDay(todayIso()) as Day,
        lang,
        registry,
        settings,
        chunkRows,
        ...(highlightDays !== undefined ? { highlightDays } : {}),
        signal: controller.signal,
        onProgress: (progress) => setState({ phase: "running", progress }),
      });
      abort.current = undefined;
      const applied = lines.flatMap((l) =>
        l.outcome.kind === "applied" ? [{ register: l.outcome.remembered, replaces: l.register }] : [],
      );
      setState({ phase: "done", lines, cancelled: controller.signal.aborted });
      if (applied.length > 0) {
        await rememberRegisters(applied).catch(() => undefined);
        onWritten?.();
      }
    })();
  }, [gateway, registers, lang, registry, settings, chunkRows, highlightDays, rememberRegisters, onWritten]);

  const cancel = React.useCallback(() => abort.current?.abort(), []);
  return { state, busy: state.phase === "running", registers, start, cancel };
}
