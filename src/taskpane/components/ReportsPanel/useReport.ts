import * as React from "react";
import type { ColumnMapping } from "../../../apply";
import type { Day, Language, Settings, VendorRegistry } from "../../../engine";
import { parseIsoDay } from "../../../engine";
import type { SourceBlock, WorkbookGateway } from "../../../workbook/gateway";
import {
  AGING_LAYOUT,
  agingSheet,
  DELAY_TABLE_LAYOUT,
  delayTableSheet,
  findExcludedColumn,
  reportFromRegister,
  reportSheetNames,
  wrappedRowHeights,
  type RegisterReport,
  type ReportKind,
  type SheetLayout,
  type SheetMatrix,
} from "../../../reports";
import { describeError } from "../../apply-adapter";
import { matrixCells } from "../../report-adapter";
import { todayIso } from "../AsOfPicker/useAsOf";

/** No excluded column, even when a header looks like one (the core falls back to recognition on undefined). */
export const NO_EXCLUDED_COLUMN = -1;

export type ReportRun =
  | { readonly phase: "idle" }
  | { readonly phase: "writing" }
  | {
      readonly phase: "done";
      readonly sheets: readonly string[];
      readonly skipped: number;
      /** False where Excel could not take the print setup (before ExcelApi 1.9): the user sets it. */
      readonly printSetup: boolean;
    }
  | { readonly phase: "error"; readonly message: string };

export interface ReportState {
  readonly closingText: string;
  readonly setClosingText: (text: string) => void;
  readonly closingIso: string | undefined;
  readonly kind: ReportKind;
  readonly setKind: (kind: ReportKind) => void;
  readonly yearTotalText: string;
  readonly setYearTotalText: (text: string) => void;
  /** The excluded (disputed) column, zero-based in the source; NO_EXCLUDED_COLUMN for none. */
  readonly excludedColumn: number;
  readonly setExcludedColumn: (column: number) => void;
  readonly withAging: boolean;
  readonly setWithAging: (on: boolean) => void;
  /** The report as it stands (recomputed when an input changes), or why it cannot be built. */
  readonly report: RegisterReport | undefined;
  readonly problem: string | undefined;
  readonly run: ReportRun;
  readonly build: () => Promise<void>;
}

/** The last closing date before today: 31 December of last year. */
function lastYearEnd(): string {
  return `${Number(todayIso().slice(0, 4)) - 1}-12-31`;
}

/** The Reports view's state: its inputs, the live report, and writing it to new sheets. */
export function useReport(args: {
  gateway: WorkbookGateway;
  source: SourceBlock | undefined;
  mapping: ColumnMapping;
  vendor: string | undefined;
  lang: Language;
  /** Computed only while the Reports view is shown (a large register costs a pass over every row). */
  active: boolean;
  /** The workbook's vendors and settings (stored terms restored). */
  registry?: VendorRegistry;
  settings?: Settings;
}): ReportState {
  const { gateway, source, mapping, vendor, lang, active, registry, settings } = args;
  const [closingText, setClosingText] = React.useState(lastYearEnd);
  const [kind, setKind] = React.useState<ReportKind>("received");
  const [yearTotalText, setYearTotalText] = React.useState("");
  const [excludedColumn, setExcludedColumn] = React.useState(NO_EXCLUDED_COLUMN);
  const [withAging, setWithAging] = React.useState(true);
  const [run, setRun] = React.useState<ReportRun>({ phase: "idle" });
  const closingIso = parseIsoDay(closingText) === undefined ? undefined : closingText;

  // A new register: the disputed column is recognised again from its headers (and stays editable).
  const headers = source?.headers;
  React.useEffect(() => {
    setExcludedColumn(headers ? (findExcludedColumn(headers) ?? NO_EXCLUDED_COLUMN) : NO_EXCLUDED_COLUMN);
  }, [headers]);

  const computed = React.useMemo((): { report?: RegisterReport; problem?: string } => {
    if (!active || !source || closingIso === undefined) return {};
    try {
      return {
        report: reportFromRegister([source.headers, ...source.rows], {
          kind,
          closing: closingIso,
          ...(yearTotalText.trim() !== "" ? { yearTotalExclVat: yearTotalText } : {}),
          ...(vendor !== undefined ? { vendor } : {}),
          mapping,
          excludedColumn,
          lang,
          firstRowNumber: source.startRow + 2,
          ...(registry ? { registry } : {}),
          ...(settings ? { settings } : {}),
        }),
      };
    } catch (e) {
      return { problem: describeError(e, lang) };
    }
  }, [
    active,
    source,
    closingIso,
    kind,
    yearTotalText,
    vendor,
    mapping,
    excludedColumn,
    lang,
    registry,
    settings,
  ]);

  const report = computed.report;
  const build = React.useCallback(async () => {
    if (!report || closingIso === undefined) return;
    setRun({ phase: "writing" });
    try {
      // « D441-6 31-12-2025 », « Balance âgée 31-12-2025 »: the names `echeance report` gives them.
      const names = reportSheetNames(parseIsoDay(closingIso) as Day, lang);
      const sheets: string[] = [];
      // The layouts `echeance report` gives its sheets: widths, wrapped headings, A4 landscape, one
      // page wide (the D441-6 table one page tall too), the aging's headings repeated.
      // Rows of wrapped headings get their height, as `echeance report` gives them (wrappedRowHeights).
      const laidOut = (matrix: SheetMatrix, layout: SheetLayout): SheetLayout => ({
        ...layout,
        rowHeights: wrappedRowHeights(matrix, layout),
      });
      const table = await gateway.addSheet(names.table);
      const delays = delayTableSheet(report);
      const written = [
        await gateway.writeMatrix(table, matrixCells(delays), laidOut(delays, DELAY_TABLE_LAYOUT)),
      ];
      sheets.push(table);
      if (withAging) {
        const aging = await gateway.addSheet(names.aging);
        const rows = agingSheet(report, lang);
        written.push(await gateway.writeMatrix(aging, matrixCells(rows), laidOut(rows, AGING_LAYOUT)));
        sheets.push(aging);
      }
      setRun({
        phase: "done",
        sheets,
        skipped: report.errors.length,
        printSetup: written.every((w) => w.printSetup),
      });
    } catch (e) {
      setRun({ phase: "error", message: describeError(e, lang) });
    }
  }, [report, closingIso, lang, gateway, withAging]);

  return {
    closingText,
    setClosingText,
    closingIso,
    kind,
    setKind,
    yearTotalText,
    setYearTotalText,
    excludedColumn,
    setExcludedColumn,
    withAging,
    setWithAging,
    report,
    problem: computed.problem,
    run,
    build,
  };
}
