import {
  formatDate,
  formatMoney,
  type ApplyOptions,
  type HeaderRecognition,
  type OutputFormat,
  type OutputValue,
  type RegisterMode,
} from "../apply";
import { ApplyRefusal, layoutNotes, type ApplyRequest, type WriteMode } from "../write";
import { serialToDay } from "../input/cell-values";
import { isEngineError, type Day, type Language, type Settings, type VendorRegistry } from "../engine";
import { GatewayError, type SourceBlock, type SourceLayout } from "../workbook/gateway";
import { STRINGS } from "./i18n/strings";

/**
 * What is the pane's own around Apply (src/apply decides everything written, src/excel writes it):
 * the core's options from the pane's choices, errors and layout as sentences, values as the preview
 * shows them.
 */

/** An output value as the pane shows it in the preview. */
export function formatOutput(value: OutputValue | undefined, format: OutputFormat, lang: Language): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "string") return value;
  if (format === "date") return formatDate(serialToDay(value), lang);
  if (format === "money") return formatMoney(value, lang);
  return String(value);
}

/** Any failure as a sentence for the user: the engine's own bilingual message, a gateway code, or the raw text. */
export function describeError(error: unknown, lang: Language): string {
  if (isEngineError(error)) return error.text[lang];
  if (error instanceof ApplyRefusal) return error.text[lang];
  if (error instanceof GatewayError) {
    const strings = STRINGS[lang];
    switch (error.code) {
      case "no-table":
        return strings.noTable;
      case "empty-source":
        return strings.emptySource;
      case "too-large":
        return strings.tooLarge;
      case "no-selection":
        return strings.noSelection;
      case "multi-area":
        return strings.multiArea;
      case "protected":
        return strings.sheetProtected;
      case "date-1904":
        return strings.date1904;
      case "merged":
        return strings.mergedInOutput(error.detail ?? "");
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * What the register's values do not show, as sentences for the user (the same notes as the command
 * line's, src/write/notes.ts). None is an error: every row is computed. Empty when the host could not tell.
 */
export function layoutNotices(layout: SourceLayout | undefined, lang: Language): string[] {
  if (!layout) return [];
  return layoutNotes(layout).map((note) => capitalize(note[lang]));
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The core's options from the pane's choices. */
export function buildApplyOptions(args: {
  source: SourceBlock;
  mode: RegisterMode;
  mapping: ApplyOptions["mapping"];
  vendor: string;
  asOf: string;
  lang: Language;
  defaults: NonNullable<ApplyOptions["defaults"]>;
  /** The workbook's vendors and settings (stored terms restored); default: the shipped ones. */
  registry?: VendorRegistry;
  settings?: Settings;
}): ApplyOptions {
  return {
    ...(args.registry ? { registry: args.registry } : {}),
    ...(args.settings ? { settings: args.settings } : {}),
    mode: args.mode,
    mapping: args.mapping,
    vendor: args.vendor,
    asOf: args.asOf,
    lang: args.lang,
    defaults: args.defaults,
    headers: args.source.headers,
    // Sheet row number of the first data row: the header row is 0-based startRow.
    firstRowNumber: args.source.startRow + 2,
  };
}

/**
 * The use case's request from the pane's choices. The register's earlier outputs come from its
 * headers (`recognizeHeaders(…).previousOutputs`), so the pane recognises its own columns in a
 * workbook reopened later as in the session that wrote them.
 */
export function buildApplyRequest(args: {
  options: ApplyOptions;
  write: WriteMode;
  recognition: HeaderRecognition | undefined;
  /** Today (the pane reads the clock, the core never does): the note's and the reference sheet's date. */
  today: Day;
  highlightDays?: number;
}): ApplyRequest {
  return {
    options: args.options,
    write: args.write,
    today: args.today,
    previousOutputs: args.recognition?.previousOutputs ?? [],
    ...(args.highlightDays !== undefined ? { highlightDays: args.highlightDays } : {}),
  };
}

/**
 * A register's identity in its workbook: its sheet, header row and first column. It stays the same
 * when Apply's columns widen the block, and changes with another sheet or another register.
 */
export function registerKey(source: Pick<SourceBlock, "sheet" | "startRow" | "startColumn">): string {
  return `${source.sheet}\u0000${source.startRow}\u0000${source.startColumn}`;
}
