import { dayToSerial } from "../input/cell-values";
import { serialOffset, type DateSystem } from "../functions/arguments";
import type { FunctionRuntime } from "../functions/runtime";
import type { ExcelErrorCode, FunctionValue } from "../functions/values";

/**
 * The bridge from an Outcome to what Excel accepts from a custom function: a serial number for a date
 * (in the workbook's date system), a number, a string, a matrix for a spilled table; a thrown
 * CustomFunctions.Error otherwise.
 */

export type ExcelValue = number | string | (string | number)[][];

/** Excel shows the message of #VALUE! and #N/A in the cell's error tooltip; #NUM! carries none. */
function errorFor(code: ExcelErrorCode, message: string): CustomFunctions.Error {
  switch (code) {
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "#VALUE!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
}

export function excelValue(value: FunctionValue, dateSystem: DateSystem = 1900): ExcelValue {
  switch (value.type) {
    case "date":
      return dayToSerial(value.day) - serialOffset(dateSystem) + value.fraction;
    case "number":
      return value.value;
    case "text":
      return value.value;
    case "table":
      return value.rows.map((row) => [...row]);
  }
}

/** Evaluates a CGV function for Excel: returns the cell value or throws the CustomFunctions.Error. */
export function toExcel(runtime: FunctionRuntime, name: string, args: readonly unknown[]): ExcelValue {
  const outcome = runtime.evaluate(name, args);
  if (!outcome.ok) throw errorFor(outcome.code, outcome.message);
  return excelValue(outcome.value, runtime.dateSystem);
}

/**
 * A CGV function's answer to Excel, once the runtime's start lets it answer (the workbook's terms and
 * date system known, src/functions/start-gate.ts): the cell value, or a rejection with the
 * CustomFunctions.Error, which Excel shows as it shows a thrown one. Excel awaits a returned promise
 * (async custom functions), so the first answer is the right one.
 */
export function answer(
  runtime: FunctionRuntime,
  name: string,
  args: readonly unknown[],
): Promise<ExcelValue> {
  return runtime.start.whenOpen().then(() => {
    runtime.start.answered();
    return toExcel(runtime, name, args);
  });
}
