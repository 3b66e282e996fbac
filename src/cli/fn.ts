import { dayToSerial, parseDateText } from "../adapter/cell-values";
import { type Explanation, type Language } from "../engine";
import { evaluate, formatValue, type FunctionValue } from "../functions/catalog";
import { getFunctionContext, setFunctionContext } from "../functions/context";
import { findSignature } from "../functions/signatures";
import { UsageError, type CliIo } from "./io";

/**
 * `echeance fn FUNCTION ARG…`: one CGV function evaluated through the same catalog Excel uses.
 * Arguments are turned into what Excel would hand over: an ISO date becomes a date serial, a number
 * a number, "" a blank, `[…]` a range (JSON rows), anything else text.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function cellFromJson(value: unknown): unknown {
  if (typeof value === "string" && ISO_DATE.test(value)) return dateSerial(value) ?? value;
  return value;
}

function dateSerial(text: string): number | undefined {
  const day = parseDateText(text);
  return typeof day === "number" ? dayToSerial(day) : undefined;
}

/** One command-line argument as the cell value Excel would pass. */
export function argumentValue(arg: string, position: number): unknown {
  if (arg.trim() === "") return null;
  if (ISO_DATE.test(arg)) return dateSerial(arg) ?? arg; // an impossible date stays text: the catalog names it
  if (NUMBER.test(arg)) return Number(arg);
  if (arg.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(arg);
    } catch {
      throw new UsageError(`Argument ${position} starts with "[" but is not a JSON array of rows: ${arg}`);
    }
    if (!Array.isArray(parsed))
      throw new UsageError(`Argument ${position} is not a JSON array of rows: ${arg}`);
    const rows = parsed.every(Array.isArray) ? (parsed as unknown[][]) : [parsed as unknown[]];
    return rows.map((row) => row.map(cellFromJson));
  }
  return arg;
}

/** Plain decimal with a dot, never an exponent: what a spreadsheet user can paste back. */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

function printable(value: FunctionValue): string {
  return value.type === "number" ? plainNumber(value.value) : formatValue(value);
}

function jsonExplanation(e: Explanation, lang: Language) {
  return {
    steps: e.steps.map((s) => ({
      text: s.text[lang],
      cite: s.cite.map((c) => `${c.document} ${c.article}`),
    })),
    interpretations: e.interpretations.map((n) => ({
      id: n.id,
      text: n.text[lang],
      alternative: n.alternative?.[lang],
    })),
    segments: e.segments.map((s) => ({
      halfYear: s.halfYear,
      days: s.days,
      balance: s.balance.toString(),
      contractualRate: s.contractualRate.toString(),
      floorRate: s.floorRate?.toString() ?? null,
      appliedRate: s.appliedRate.toString(),
      floorBound: s.floorBound,
      interest: s.interest.toString(),
    })),
  };
}

function jsonValue(value: FunctionValue): unknown {
  switch (value.type) {
    case "date":
      return { value: formatValue(value), type: "date", serial: dayToSerial(value.day) + value.fraction };
    case "number":
      return { value: value.value, type: "number" };
    case "text":
      return { value: value.value, type: "text" };
    case "table":
      return { value: value.rows, type: "table" };
  }
}

export const FN_USAGE = `Usage: echeance fn FUNCTION [ARG…] [--json] [--lang en|fr]
  FUNCTION  a CGV function, English or French name (DUEDATE, PENALITESRETARD…)
  ARG       YYYY-MM-DD is a date, a number is a number, "" is a blank,
            [[…],…] is a range given as JSON rows, anything else is text.
Example: echeance fn LATEFEE omi 2500 2025-01-31 2025-03-02   → 62.87`;

export function runFn(argv: readonly string[], io: CliIo): number {
  let json = false;
  let lang: Language = getFunctionContext().lang;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--lang") {
      const next = argv[(i += 1)];
      if (next !== "en" && next !== "fr")
        throw new UsageError(`--lang takes en or fr, not ${next ?? "nothing"}.`);
      lang = next;
    } else if (arg === "--help" || arg === "-h") {
      io.stdout.write(`${FN_USAGE}\n`);
      return 0;
    } else positional.push(arg);
  }
  const [name, ...rest] = positional;
  if (name === undefined) throw new UsageError("fn needs a function name.");
  if (!findSignature(name))
    throw new UsageError(`There is no function CGV.${name}. Run "echeance fn VENDORS" or see the README.`);
  setFunctionContext({ lang });
  const args = rest.map((a, i) => argumentValue(a, i + 1));
  const outcome = evaluate(name, args, getFunctionContext(), { explain: json });
  if (json) {
    const body = outcome.ok
      ? {
          ok: true,
          ...(jsonValue(outcome.value) as object),
          explanation: outcome.explanation ? jsonExplanation(outcome.explanation, lang) : null,
        }
      : { ok: false, error: outcome.code, message: outcome.message };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return outcome.ok ? 0 : 1;
  }
  if (!outcome.ok) {
    io.stdout.write(`${outcome.code} ${oneLine(outcome.message)}\n`);
    return 1;
  }
  // Text is printed as is (EXPLAIN spans several lines); a table as tab-separated rows.
  io.stdout.write(`${printable(outcome.value)}\n`);
  return 0;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
