import { dayToSerial } from "../adapter/cell-values";
import { evaluate, type ExcelErrorCode, type FunctionValue } from "./catalog";
import { getFunctionContext, setFunctionContext } from "./context";

/**
 * The bridge from a catalog Outcome to what Excel accepts from a custom function: a serial number for
 * a date, a number, a string, a matrix for a spilled table; a thrown CustomFunctions.Error otherwise.
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

export function excelValue(value: FunctionValue): ExcelValue {
  switch (value.type) {
    case "date":
      return dayToSerial(value.day) + value.fraction;
    case "number":
      return value.value;
    case "text":
      return value.value;
    case "table":
      return value.rows.map((row) => [...row]);
  }
}

let languageChecked = false;

/** French Excel gets French messages: read once, from the host, when Office is there. */
function adoptDisplayLanguage(): void {
  if (languageChecked) return;
  languageChecked = true;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const display = office?.context?.displayLanguage;
  if (
    typeof display === "string" &&
    display.toLowerCase().startsWith("fr") &&
    getFunctionContext().lang !== "fr"
  ) {
    setFunctionContext({ lang: "fr" });
  }
}

/** Evaluates a CGV function for Excel: returns the cell value or throws the CustomFunctions.Error. */
export function toExcel(name: string, args: readonly unknown[]): ExcelValue {
  adoptDisplayLanguage();
  const outcome = evaluate(name, args);
  if (!outcome.ok) throw errorFor(outcome.code, outcome.message);
  return excelValue(outcome.value);
}
