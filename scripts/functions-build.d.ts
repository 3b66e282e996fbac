// Types of scripts/functions-build.js for the tests (the build helper itself stays plain CommonJS).
import type { FunctionDefinition, FunctionSignature } from "../src/functions/definitions";

export interface CustomFunctionsMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters?: { name: string; description?: string }[];
  }[];
}

/** The table of src/functions/definitions.ts, loaded without the application's bundle. */
export function loadSignatures(file?: string): readonly FunctionDefinition[];
/** A copy of the English metadata with French names and descriptions; throws when they disagree. */
export function localizeMetadata<M extends CustomFunctionsMetadata>(
  english: M,
  signatures?: readonly FunctionSignature[],
): M;
/** The text of src/functions/functions.ts for the table, before formatting. */
export function functionsSource(definitions: readonly FunctionDefinition[]): string;
/** The same, formatted as the repository is (Prettier). */
export function formattedFunctionsSource(
  definitions: readonly FunctionDefinition[],
  file?: string,
): Promise<string>;
/** Writes src/functions/functions.ts when it differs from what the table gives; true when written. */
export function writeFunctionsSource(definitionsFile?: string, file?: string): Promise<boolean>;
export class FunctionsSourcePlugin {
  constructor(options?: { definitions?: string; output?: string });
  apply(compiler: unknown): void;
}
export class FunctionsFrPlugin {
  constructor(options?: { signatures?: string; source?: string; output?: string });
  apply(compiler: unknown): void;
}
