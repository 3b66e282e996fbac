import type { SelfTestStep } from "../step";
import { dateSystemStep } from "./date-system";
import { editStep } from "./edit";
import { formulasStep, frenchFormulasStep } from "./formulas";
import { highlightStep } from "./highlight";
import { functionsStartStep, paneVisibilityStep } from "./host-start";
import { noteStep } from "./note";
import { portableStep } from "./portable";
import { readStep } from "./read";
import { sheetStep } from "./sheet";
import { sizesStep } from "./sizes";
import { termsStep } from "./terms";
import { usedRangeStep } from "./used-range";
import { valuesStep } from "./values";

/**
 * The self-test's steps: each gateway operation the add-in uses, run on a scratch sheet of its own
 * and checked against what it should give (worked by hand in fixtures.ts, or what the use case handed
 * the gateway). Expectations follow the requirement sets the host claims, as the gateway degrades on
 * them: a host that claims a set and lacks its objects (issue 14) fails the step that needs them.
 * One file per step (or per family: the two live-formula steps); this is the one list.
 */

export { SELF_TEST_TERMS_PLACE } from "./terms";

/** Every step, in the order run: the sheet and the date system first (a 1904 workbook skips the register steps). */
export const SELF_TEST_STEPS: readonly SelfTestStep[] = [
  sheetStep,
  dateSystemStep,
  readStep,
  usedRangeStep,
  valuesStep,
  noteStep,
  highlightStep,
  formulasStep,
  frenchFormulasStep,
  portableStep,
  editStep,
  sizesStep,
  termsStep,
  functionsStartStep,
  paneVisibilityStep,
];
