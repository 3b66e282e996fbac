import { FUNCTION_DEFINITIONS, type FunctionDefinition, type FunctionSignature } from "./definitions";

/**
 * The public interface of the CGV.* functions (names, parameters, descriptions), as read from the one
 * table in definitions.ts: what the metadata, the command line and the documentation show.
 */

export type { FunctionSignature, ParamSignature, ParamType } from "./definitions";

export const FUNCTION_SIGNATURES: readonly FunctionSignature[] = FUNCTION_DEFINITIONS;

const BY_NAME = new Map<string, FunctionDefinition>(
  FUNCTION_DEFINITIONS.flatMap((f) => [
    [f.name, f],
    [f.fr, f],
  ]),
);

/** The function an English or French name gives, in any case, with or without "CGV.". */
export function findDefinition(name: string): FunctionDefinition | undefined {
  // Fast path: Excel passes the canonical name on every recalculation.
  const exact = BY_NAME.get(name);
  if (exact) return exact;
  const n = name
    .trim()
    .toUpperCase()
    .replace(/^CGV\./, "");
  return BY_NAME.get(n);
}

export function findSignature(name: string): FunctionSignature | undefined {
  return findDefinition(name);
}
