// Types of scripts/functions-fr.js for the tests (the build helper itself stays plain CommonJS).
import type { FunctionSignature } from "../src/functions/signatures";

export interface CustomFunctionsMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters?: { name: string; description?: string }[];
  }[];
}

export function loadSignatures(file: string): readonly FunctionSignature[];
/** A copy of the English metadata with French names and descriptions; throws when they disagree. */
export function localizeMetadata<M extends CustomFunctionsMetadata>(
  english: M,
  signatures: readonly FunctionSignature[],
): M;
export class FunctionsFrPlugin {
  constructor(options: { signatures: string; source?: string; output?: string });
  apply(compiler: unknown): void;
}
