import { FunctionRuntime } from "./runtime";

/**
 * The one runtime Excel's shared runtime uses: Excel calls the CGV functions as globals
 * (functions.ts), so they reach it here. The task pane, on the same page and webpack runtime, gets
 * this instance through its provider and updates it when it restores a workbook's stored terms;
 * nothing else writes it. The command line and the tests make their own instances. Connecting it to
 * Excel is src/office/shared-runtime.ts's job.
 */
export const SHARED_RUNTIME = new FunctionRuntime();
