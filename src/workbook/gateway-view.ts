import type { ApplyPlan } from "../write";
import type { SheetLayout } from "../reports";
import type {
  CellRef,
  MatrixCell,
  MatrixWritten,
  RegisterAt,
  RegisterAtAnswer,
  Replaced,
  SinkOptions,
  SourceBlock,
  SourceKind,
  WorkbookGateway,
  WorkbookSink,
} from "./gateway";

/**
 * The same gateway under a new identity. The pane's views read the workbook when their gateway
 * changes (the register at mount, the active sheet watched): handing them a new view of the same
 * gateway has them read again — when the pane is shown after being hidden, its register may be
 * stale (src/office/pane-host.ts). Every call goes to the gateway itself.
 */
export class GatewayView implements WorkbookGateway {
  constructor(private readonly gateway: WorkbookGateway) {}

  get host(): "excel" | "memory" {
    return this.gateway.host;
  }

  readSource(kind: SourceKind): Promise<SourceBlock> {
    return this.gateway.readSource(kind);
  }

  readRegisterAt(at: RegisterAt): Promise<RegisterAtAnswer> {
    return this.gateway.readRegisterAt(at);
  }

  countReplaced(
    source: SourceBlock,
    plan: Pick<ApplyPlan, "columns" | "extraHeaderCells">,
  ): Promise<Replaced> {
    return this.gateway.countReplaced(source, plan);
  }

  applySink(source: SourceBlock, options?: SinkOptions): WorkbookSink {
    return this.gateway.applySink(source, options);
  }

  activeCell(): Promise<CellRef> {
    return this.gateway.activeCell();
  }

  addSheet(name: string): Promise<string> {
    return this.gateway.addSheet(name);
  }

  writeMatrix(
    sheet: string,
    matrix: readonly (readonly MatrixCell[])[],
    layout?: SheetLayout,
  ): Promise<MatrixWritten> {
    return this.gateway.writeMatrix(sheet, matrix, layout);
  }

  watchActiveSheet(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    return this.gateway.watchActiveSheet(onChange);
  }
}
