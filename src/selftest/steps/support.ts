import type { StepContext } from "../step";

/** What the steps share: the requirement sets a host claims, and number formats as Excel gives them back. */

/** Whether the host claims ExcelApi `version` (the gateway degrades on the same answer). */
export const supports = (ctx: StepContext, version: string): boolean =>
  ctx.environment.supports("ExcelApi", version);

/** Number formats compared as Excel may give them back: without escapes, case or spaces. */
export function sameNumberFormat(expected: string, actual: string | undefined): boolean {
  const norm = (f: string) => f.replace(/\\/g, "").replace(/\s+/g, "").toLowerCase();
  return actual !== undefined && norm(actual) === norm(expected);
}
