import * as React from "react";
import type { ApplyOptions } from "../../../apply";
import {
  parseIsoDay,
  type Day,
  type Language,
  type RateRow,
  type Settings,
  type VendorRegistry,
} from "../../../engine";
import {
  columnsContiguous,
  DEFAULT_HIGHLIGHT_DAYS,
  planColumns,
  type PlannedColumn,
  type WriteMode,
} from "../../../write";
import { registerPlace, type WorkbookGateway } from "../../../workbook/gateway";
import { buildApplyOptions, layoutNotices, registerKey } from "../../apply-adapter";
import { useApplyRun, type ApplyRun } from "../ApplyPanel/useApplyRun";
import { todayIso, type AsOf } from "../AsOfPicker/useAsOf";
import { useHighlighting, type Highlighting } from "../HighlightSettings/HighlightSettings";
import { usePreviewRows, type Preview } from "../PreviewTable/usePreviewRows";
import { useRecalculation, type Recalculation } from "../Recalculate/useRecalculation";
import type { RegisterSource } from "../SourcePanel/useRegisterSource";
import type { WorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import type { VendorChoice } from "../VendorPicker/useVendorChoice";

export interface ApplyViewState {
  /** The core's options from the pane's choices; undefined until a vendor, a register and a date are there. */
  readonly options: ApplyOptions | undefined;
  readonly preview: Preview;
  readonly writeMode: WriteMode;
  readonly setWriteMode: (mode: WriteMode) => void;
  /** Formulas read the result columns by position: allowed only when they sit side by side. */
  readonly formulasAllowed: boolean;
  /** The result columns Apply would write, where (the register's own earlier columns rewritten in place). */
  readonly plannedColumns: readonly PlannedColumn[];
  /** Sentences about what the register's cells do not show (hidden rows, filters, merges). */
  readonly notices: readonly string[];
  readonly canApply: boolean;
  readonly highlighting: Highlighting;
  readonly run: ApplyRun;
  readonly recalc: Recalculation;
  readonly onApply: () => void;
  /** Stores rate rows from a run's offer, then runs Apply (or « Tout recalculer ») again. */
  readonly saveRatesThen: (what: "apply" | "recalc") => (rows: readonly RateRow[]) => Promise<void>;
}

/**
 * The « Appliquer » view's state, kept by the pane whichever view is shown (a run goes on, and its
 * outcome stays, while the user looks at another tab): the options, the preview, how results are
 * written, the run and « Tout recalculer », and what the workbook remembers after a run.
 */
export function useApplyView(args: {
  readonly gateway: WorkbookGateway;
  readonly terms: WorkbookTerms;
  readonly vendor: VendorChoice;
  readonly asOf: AsOf;
  readonly source: RegisterSource;
  readonly lang: Language;
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  readonly chunkRows: number;
  /** After a write: the pane reads the register again and redraws the demo workbook. */
  readonly onWritten: () => void;
}): ApplyViewState {
  const { gateway, terms, vendor, asOf, source, lang, registry, settings, chunkRows, onWritten } = args;
  const [writeMode, setWriteMode] = React.useState<WriteMode>("values");
  const highlighting = useHighlighting(DEFAULT_HIGHLIGHT_DAYS);
  const run = useApplyRun(gateway, { chunkRows, onWritten });
  useOutcomeOfItsRegister(gateway, run, source);

  const { block, mode, mapping, recognition } = source;
  const options = React.useMemo(
    () =>
      block && mode && asOf.iso && vendor.spec
        ? buildApplyOptions({
            source: block,
            mode,
            mapping,
            vendor: vendor.spec,
            asOf: asOf.iso,
            lang,
            defaults: vendor.defaults,
            registry,
            settings,
          })
        : undefined,
    [block, mode, mapping, vendor.spec, vendor.defaults, asOf.iso, lang, registry, settings],
  );
  const preview = usePreviewRows(block, options);
  // Formulas read the result columns by position: side by side, as the core would place them.
  const plannedColumns = React.useMemo(
    () =>
      block && mode
        ? planColumns(registerPlace(block), block.headers, mode, lang, recognition?.previousOutputs ?? [])
        : [],
    [block, mode, lang, recognition],
  );
  const formulasAllowed = columnsContiguous(plannedColumns);
  const notices = React.useMemo(() => layoutNotices(block?.layout, lang), [block, lang]);
  const blocking = source.problems.some((p) => p.kind !== "duplicate");

  useRememberedAfterRun(run, terms, vendor.profile?.id);

  const recalc = useRecalculation({
    gateway,
    terms,
    lang,
    registry,
    settings,
    chunkRows,
    highlightDays: highlighting.days,
    onWritten,
  });

  const onApply = () => {
    if (!block || !options) return;
    run.start({
      source: block,
      recognition,
      options,
      writeMode: formulasAllowed ? writeMode : "values",
      lang,
      today: parseIsoDay(todayIso()) as Day,
      asOfKind: asOf.kind,
      ...(highlighting.days !== undefined ? { highlightDays: highlighting.days } : {}),
    });
  };

  // Rates added from a run's offer: the run is made again once the new table is in the settings.
  const again = React.useRef<"apply" | "recalc" | undefined>(undefined);
  const saveRatesThen = (what: "apply" | "recalc") => async (rows: readonly RateRow[]) => {
    again.current = what;
    await terms.saveRateRows(rows);
  };
  React.useEffect(() => {
    const what = again.current;
    again.current = undefined;
    if (what === "apply") onApply();
    else if (what === "recalc") recalc.start();
    // Runs when the settings (their rate table) changed.
  }, [settings]);

  return {
    options,
    preview,
    writeMode: formulasAllowed ? writeMode : "values",
    setWriteMode,
    formulasAllowed,
    plannedColumns,
    notices,
    canApply: options !== undefined && !blocking && preview?.error === undefined && !recalc.busy,
    highlighting,
    run,
    recalc,
    onApply,
    saveRatesThen,
  };
}

/**
 * A run's outcome belongs to the register it describes: forgotten when another register is read, or
 * when another sheet is activated.
 */
function useOutcomeOfItsRegister(gateway: WorkbookGateway, run: ApplyRun, source: RegisterSource): void {
  const { reset } = run;
  const ended = run.state.phase === "done" || run.state.phase === "error";
  const shown = ended ? run.state.register : undefined;
  const current = source.block ? registerKey(source.block) : undefined;
  React.useEffect(() => {
    if (shown !== undefined && current !== undefined && shown !== current) reset();
  }, [shown, current, reset]);
  const shownSheet = ended ? source.block?.sheet : undefined;
  React.useEffect(() => {
    if (shownSheet === undefined) return;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    void gateway
      .watchActiveSheet((sheet) => {
        if (sheet !== shownSheet) reset();
      })
      .then((unwatch) => {
        if (gone) void unwatch();
        else stop = unwatch;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      void stop?.();
    };
  }, [gateway, shownSheet, reset]);
}

/**
 * After a run, the workbook keeps a copy of the shipped vendor it was computed with (the sharing
 * issue) and remembers the register Apply wrote, for « Tout recalculer » (issue 13).
 */
function useRememberedAfterRun(run: ApplyRun, terms: WorkbookTerms, vendorId: string | undefined): void {
  const appliedVendor = run.state.phase === "done" ? vendorId : undefined;
  const { rememberVendor, rememberRegisters } = terms;
  React.useEffect(() => {
    if (appliedVendor !== undefined) void rememberVendor(appliedVendor).catch(() => undefined);
  }, [appliedVendor, rememberVendor]);
  const appliedRegister = run.state.phase === "done" ? run.state.remember : undefined;
  React.useEffect(() => {
    if (appliedRegister !== undefined)
      void rememberRegisters([{ register: appliedRegister }]).catch(() => undefined);
    // Once per run outcome (`terms` is a new object at every render).
  }, [appliedRegister]);
}
