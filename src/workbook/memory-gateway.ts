import { MemorySheetIO } from "./memory-io";
import type { MemoryWorkbook } from "./memory-workbook";
import { SheetGateway, type GatewayOptions } from "./sheet-gateway";
import type { HostFeature } from "./sheet-io";

export interface MemoryGatewayOptions extends GatewayOptions {
  /** Features the in-memory host should act as missing (tests of the degraded paths). */
  readonly missing?: readonly HostFeature[];
}

/**
 * The gateway on an in-memory workbook (the pane's preview outside Excel, tests, the benchmark): the
 * one policy (SheetGateway) over the in-memory workbook as a sheet I/O port (memory-io.ts).
 */
export class MemoryGateway extends SheetGateway {
  constructor(
    readonly workbook: MemoryWorkbook,
    options: MemoryGatewayOptions = {},
  ) {
    super(new MemorySheetIO(workbook, options.missing ?? []), options);
  }
}
