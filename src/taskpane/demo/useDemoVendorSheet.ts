import * as React from "react";
import type { MemoryWorkbook } from "../../workbook/memory-workbook";
import { demoVendorOfSheet, DEMO_VENDOR_SHEETS } from "./demo-register";

/**
 * Preview mode: each vendor has its register in the demo workbook. Picking a vendor activates its
 * register's sheet and reads it (so no vendor previews another vendor's invoices, all in error);
 * activating a vendor's register sheet picks that vendor. Outside the preview this does nothing.
 * Returns the handler for a sheet activated in the demo workbook.
 */
export function useDemoVendorSheet(
  workbook: MemoryWorkbook | undefined,
  vendorId: string | undefined,
  setVendorId: (id: string) => void,
  read: () => Promise<void>,
): (sheet: string) => void {
  const shown = React.useRef(vendorId);
  React.useEffect(() => {
    if (!workbook || vendorId === undefined || shown.current === vendorId) return;
    shown.current = vendorId;
    const sheet = DEMO_VENDOR_SHEETS.get(vendorId);
    if (sheet === undefined || workbook.activeSheet === sheet) return;
    workbook.select(sheet, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    void read();
  }, [workbook, vendorId, read]);
  return React.useCallback(
    (sheet: string) => {
      const vendor = demoVendorOfSheet(sheet);
      if (vendor !== undefined) {
        shown.current = vendor;
        setVendorId(vendor);
      }
      void read();
    },
    [setVendorId, read],
  );
}
