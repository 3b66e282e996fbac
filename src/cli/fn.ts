import { dayToSerial, parseDateText } from "../adapter/cell-values";
import { type Explanation, type Language } from "../engine";
import type { FunctionSignature } from "../functions/definitions";
import { FunctionRuntime } from "../functions/runtime";
import { FUNCTION_SIGNATURES, findSignature } from "../functions/signatures";
import { formatValue, type FunctionValue } from "../functions/values";
import { UsageError, type CliIo } from "./io";

/**
 * `echeance fn FUNCTION ARG…`: one CGV function evaluated by a function runtime of its own, the same
 * code Excel runs.
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

/** One function as the usage lists it: DUEDATE (DATEECHEANCE) vendor invoiceDate [invoiceKind]. */
function usageLine(sig: FunctionSignature): string {
  const params = sig.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(" ");
  return `${sig.name} (${sig.fr})${params ? ` ${params}` : ""}`;
}

export const FN_USAGE = `Usage: echeance fn FUNCTION [ARG…] [--json] [--lang en|fr]
       echeance fn FUNCTION --help
  FUNCTION  a CGV function, by its English or French name:
${FUNCTION_SIGNATURES.map((sig) => `              ${usageLine(sig)}`).join("\n")}
  ARG       YYYY-MM-DD is a date, a number is a number, "" is a blank,
            [[…],…] is a range given as JSON rows, anything else is text.
  --json    the value, its type and the explanation (steps, clauses, rate segments)
  --lang    the language of messages and explanations (en by default)
Example: echeance fn LATEFEE omi 2500 2025-01-31 2025-03-02   → 62.87`;

/** `echeance fn DUEDATE --help`: the function's description and parameters, from the table. */
export function functionHelp(sig: FunctionSignature, lang: Language): string {
  const fr = lang === "fr";
  const named = (x: { name: string; fr: string }) => (fr ? x.fr : x.name);
  const shown = sig.params.map((p) => (p.optional ? `[${named(p)}]` : named(p)));
  const width = Math.max(0, ...sig.params.map((p) => named(p).length)) + 2;
  return [
    `${named(sig)} — ${sig.description[lang]}`,
    `${fr ? "Utilisation :" : "Usage:"} echeance fn ${[named(sig), ...shown].join(" ")}`,
    ...sig.params.map(
      (p) =>
        `  ${named(p).padEnd(width)}${p.description[lang]}${p.optional ? (fr ? " (facultatif)" : " (optional)") : ""}`,
    ),
  ].join("\n");
}

export function runFn(argv: readonly string[], io: CliIo): number {
  let json = false;
  let help = false;
  let lang: Language = "en";
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--lang") {
      const next = argv[(i += 1)];
      if (next !== "en" && next !== "fr")
        throw new UsageError(`--lang takes en or fr, not ${next ?? "nothing"}.`);
      lang = next;
    } else if (arg === "--help" || arg === "-h") help = true;
    else positional.push(arg);
  }
  const [name, ...rest] = positional;
  if (name === undefined) {
    if (help) {
      io.stdout.write(`${FN_USAGE}\n`);
      return 0;
    }
    throw new UsageError("fn needs a function name.");
  }
  const sig = findSignature(name);
  if (!sig)
    throw new UsageError(
      `There is no function CGV.${name}: the functions are ${FUNCTION_SIGNATURES.map((f) => f.name).join(", ")}.`,
    );
  if (help) {
    io.stdout.write(`${functionHelp(sig, lang)}\n`);
    return 0;
  }
  // The command line's own runtime: the shipped vendors and rates, messages in --lang.
  const runtime = new FunctionRuntime({ lang });
  const args = rest.map((a, i) => argumentValue(a, i + 1));
  const outcome = runtime.evaluate(name, args, { explain: json });
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
