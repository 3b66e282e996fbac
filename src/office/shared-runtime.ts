import { connectRuntime } from "../functions/host";
import { SHARED_RUNTIME } from "../functions/shared-runtime";
import { officeRuntimeHost } from "./runtime-host";

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
