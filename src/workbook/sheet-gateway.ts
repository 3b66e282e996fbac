import type { ApplyPlan } from "../write";
import type { SheetLayout } from "../reports";
import { GatewaySink } from "./apply-sink";
import {
  uniqueSheetName,
  type CellRef,
  type MatrixCell,
  type MatrixWritten,
  type RegisterAt,
  type RegisterAtAnswer,
  type Replaced,
  type SinkOptions,
  type SourceBlock,
  type SourceKind,
  type WorkbookGateway,
  type WorkbookSink,
} from "./gateway";
import type { NameSettle } from "./function-names";
import { GridWriter } from "./grid-writer";
import { REQUEST_BUDGET_BYTES } from "./request-size";
import type { SheetIO } from "./sheet-io";
import { SourceReader } from "./source-reader";
import { countReplaced } from "./target-cells";

/**
 * The one gateway: the policy both hosts share, over a sheet I/O port (sheet-io.ts).
 * - Refusals before anything is written: a protected sheet, merged cells where the columns go (Excel
 *   refuses a write to part of a merge, and a refusal halfway would leave a half-written block), a
 *   selection of several areas, a 1904 workbook (target-cells.ts, source-reader.ts).
 * - Request sizes by serialized bytes (request-size.ts), every read and write, under 4 MB; a request
 *   the host refuses for its size is retried in halves.
 * - Apply's rows in the use case's chunks, values first and number formats at the end
 *   (docs/office.md#bulk-work-in-the-task-pane), calculation suspended while writing (ExcelApi 1.6)
 *   and one recalculation after (apply-sink.ts).
 * - Interruption: an edit of the register's input cells while Apply writes (worksheet onChanged,
 *   ExcelApi 1.7) stops the run before its next chunk, naming the cell.
 * - Degrading: each optional part of the API is used where the host has it (`SheetIO.supports`),
 *   and left out otherwise — the pane then says nothing (hidden rows, filters, merges) or says what
 *   it could not do (a note, the highlighting).
 * - Live formulas in a localized Excel: one written CGV.* cell is read back; on #NAME? the formulas
 *   are written again through `formulasLocal` with the French names (function-names.ts).
 * This class only puts the parts together: each file named above does one of these jobs.
 */

export interface GatewayOptions {
  /** A pause after each chunk of rows, so a progress bar can be seen in the preview (0 in tests). */
  readonly chunkDelayMs?: number;
  /** Bytes one request may carry (default 4 MB: Excel on the web refuses 5 MB). */
  readonly requestBytes?: number;
  /** How long a live formula's CGV.* cell is read again while #BUSY! or #NAME? (default 3 s). */
  readonly nameSettle?: NameSettle;
}

export class SheetGateway implements WorkbookGateway {
  readonly host: "excel" | "memory";
  readonly budget: number;
  private readonly reader: SourceReader;
  private readonly grid: GridWriter;

  constructor(
    readonly io: SheetIO,
    readonly options: GatewayOptions = {},
  ) {
    this.host = io.host;
    this.budget = options.requestBytes ?? REQUEST_BUDGET_BYTES;
    this.reader = new SourceReader(io, this.budget);
    this.grid = new GridWriter(io, this.budget);
  }

  readSource(kind: SourceKind): Promise<SourceBlock> {
    return this.reader.readSource(kind);
  }

  readRegisterAt(at: RegisterAt): Promise<RegisterAtAnswer> {
    return this.reader.readRegisterAt(at);
  }

  countReplaced(
    source: SourceBlock,
    plan: Pick<ApplyPlan, "columns" | "extraHeaderCells">,
  ): Promise<Replaced> {
    return countReplaced(this.io, this.reader, source, plan);
  }

  applySink(source: SourceBlock, options: SinkOptions = {}): WorkbookSink {
    const tools = {
      io: this.io,
      budget: this.budget,
      chunkDelayMs: this.options.chunkDelayMs ?? 0,
      grid: this.grid,
      nameSettle: this.options.nameSettle,
    };
    return new GatewaySink(tools, source, options);
  }

  writeMatrix(
    sheet: string,
    matrix: readonly (readonly MatrixCell[])[],
    layout?: SheetLayout,
  ): Promise<MatrixWritten> {
    return this.grid.writeMatrix(sheet, matrix, layout);
  }

  async addSheet(name: string): Promise<string> {
    const unique = uniqueSheetName(name, await this.io.sheetNames());
    await this.io.addSheet(unique);
    return unique;
  }

  activeCell(): Promise<CellRef> {
    return this.io.activeCell();
  }

  async watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    if (!this.io.supports("watchActiveSheet")) return async () => undefined;
    return this.io.watchActiveSheet(onChange);
  }
}
