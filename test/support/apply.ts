import {
  applyToSheet,
  planApply,
  type ApplyControl,
  type ApplyOutcome,
  type ApplyRequest,
  type ApplySink,
  type RegisterRows,
} from "../../src/write";

/** A face's two steps in one, for tests: plan the request for the register, then apply the plan. */
export function applyRequest(
  request: ApplyRequest,
  register: RegisterRows,
  sink: ApplySink,
  control?: ApplyControl,
): Promise<ApplyOutcome> {
  return applyToSheet(planApply(request, register.place, register.headers), register, sink, control);
}
