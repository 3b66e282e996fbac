import { check, fail, StepSkipped } from "../check";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";

const F = SELF_TEST_TEXT.functionsStart;
const V = SELF_TEST_TEXT.paneVisibility;

/**
 * The CGV functions' first answers came with the workbook's terms: the shared runtime read them at
 * start, before answering (src/functions/start-gate.ts), and no answer went without them. What the
 * runtime recorded since the page loaded is checked; outside Excel there is no shared runtime.
 */
export const functionsStartStep: SelfTestStep = {
  id: "functions-start",
  title: F.title,
  readsRegister: false,
  async run(ctx) {
    if (!ctx.host) throw new StepSkipped(F.outsideExcel);
    const start = ctx.host.functionsStart();
    check(start.held, F.notHeld);
    if (start.terms === "failed") throw fail(F.failed(start.failure));
    check(start.terms !== "loading", F.stillLoading);
    check(start.answersWithoutTerms === 0, F.answeredWithout(start.answersWithoutTerms, start.answers));
    return { detail: start.terms === "loaded" ? F.loaded(start.answers) : F.noneStored(start.answers) };
  },
};

/**
 * Office tells the pane when it is shown (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1),
 * so that a pane loaded hidden reads the register again: the handler was registered in this Excel.
 */
export const paneVisibilityStep: SelfTestStep = {
  id: "pane-visibility",
  title: V.title,
  readsRegister: false,
  async run(ctx) {
    if (!ctx.host) throw new StepSkipped(V.outsideExcel);
    const visibility = ctx.host.paneVisibility();
    if (!visibility.supported) throw new StepSkipped(V.unsupported);
    if (visibility.error !== undefined) throw fail(V.refused(visibility.error));
    check(visibility.registered, V.notRegistered);
    return { detail: V.registered(visibility.shown, visibility.hidden) };
  },
};
