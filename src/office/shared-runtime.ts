import { connectRuntime, START_WAIT_MS } from "../functions/host";
import { SHARED_RUNTIME } from "../functions/shared-runtime";
import { officeRuntimeHost } from "./runtime-host";

/**
 * Starts the shared runtime in Excel, outside React: Excel calls the CGV functions as soon as the
 * runtime starts, often with the pane never opened. From the moment this bundle runs, the functions'
 * answers wait (each wrapper returns a promise) until Office is ready and the runtime is connected:
 * display language, 1904 probe and the workbook's stored terms read (functions/host.ts), for at most
 * 30 s. Outside Excel (the preview, the tests) nothing waits once Office answers without a host.
 */
export function startSharedRuntime(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  const connected = new Promise<void>((resolve) => {
    void Office.onReady((info) => {
      if (info.host === Office.HostType.Excel)
        connectRuntime(SHARED_RUNTIME, officeRuntimeHost(), (error) =>
          console.warn("Échéance: recalculating the CGV cells failed", error),
        );
      resolve();
    });
  });
  SHARED_RUNTIME.start.hold(connected, START_WAIT_MS);
}
