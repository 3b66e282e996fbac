import { connectRuntime } from "./host";
import { officeRuntimeHost } from "./office-host";
import { FunctionRuntime } from "./runtime";

/**
 * The one runtime Excel's shared runtime uses: Excel calls the CGV functions as globals
 * (functions.ts), so they reach it here. The task pane, on the same page and webpack runtime, gets
 * this instance through its provider and updates it when it restores a workbook's stored terms;
 * nothing else writes it. The command line and the tests make their own instances.
 */
export const SHARED_RUNTIME = new FunctionRuntime();

/**
 * Connects the shared runtime to Excel once Office is ready (display language, 1904 probe,
 * recalculation after a change). Outside Excel (the preview, the tests) it stays as created.
 */
export function startSharedRuntime(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    connectRuntime(SHARED_RUNTIME, officeRuntimeHost(), (error) =>
      console.warn("Échéance: recalculating the CGV cells failed", error),
    );
  });
}
