/**
 * The few CustomFunctions globals the Excel runtime provides, enough to call src/office/functions.ts
 * in Node exactly as Excel calls it.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeCustomFunctionsError,
  ErrorCode: ERROR_CODES,
};

/** Excel's serial number of a date (1900 system), computed independently of the adapter under test. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const s = Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
  // Serials before 1 March 1900 are one lower: Excel counts a 29 February 1900 that never was.
  return s < 61 ? s - 1 : s;
}

/**
 * Calls a custom function and returns the Excel error it gives as { code, message }: thrown, or the
 * rejection of the promise it returns (the wrappers answer with promises, as async custom functions).
 */
export async function excelError(call: () => unknown): Promise<{ code: string; message: string }> {
  let value: unknown;
  try {
    value = await call();
  } catch (e) {
    if (!(e instanceof FakeCustomFunctionsError)) throw e;
    return { code: e.code, message: e.message };
  }
  throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
}
