import { formatIsoDay, formatDate, formatNumber, type Day, type Explanation, type Language } from "../engine";

/** A function's value before it is handed to Excel or printed. */
export type FunctionValue =
  | { readonly type: "date"; readonly day: Day; readonly fraction: number }
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "text"; readonly value: string }
  | { readonly type: "table"; readonly rows: readonly (readonly (string | number)[])[] };

export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!";

export type Outcome =
  | { readonly ok: true; readonly value: FunctionValue; readonly explanation?: Explanation }
  | { readonly ok: false; readonly code: ExcelErrorCode; readonly message: string };

function timeOfDay(fraction: number): string {
  const minutes = Math.round(fraction * 1440);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The value as the command line prints it: a date as YYYY-MM-DD, a number with a dot, text as is. */
export function formatValue(value: FunctionValue): string {
  switch (value.type) {
    case "date":
      return value.fraction <= 0
        ? formatIsoDay(value.day)
        : `${formatIsoDay(value.day)} ${timeOfDay(value.fraction)}`;
    case "number":
      return String(value.value);
    case "text":
      return value.value;
    case "table":
      return value.rows.map((r) => r.join("\t")).join("\n");
  }
}

/** The value in a sentence of the given language (EXPLAIN's first line): 09/04/2025, 62,87 in French. */
export function valueText(value: FunctionValue, lang: Language): string {
  switch (value.type) {
    case "date":
      return value.fraction <= 0
        ? formatDate(value.day, lang)
        : `${formatDate(value.day, lang)} ${timeOfDay(value.fraction)}`;
    case "number":
      return formatNumber(String(value.value), lang);
    default:
      return formatValue(value);
  }
}
