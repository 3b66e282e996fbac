/**
 * The custom-function metadata the build writes (dist/functions.json from the JSDoc of functions.ts,
 * itself written from the table of definitions.ts; dist/functions-fr.json derived from it) against
 * that table. The jest global setup builds dist/ first.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FUNCTION_SIGNATURES, type FunctionSignature } from "../../src/functions/signatures";
import { loadSignatures, localizeMetadata } from "../../scripts/functions-build";
import { EXCEL_BUILTINS_EN, EXCEL_BUILTINS_FR } from "./excel-builtins";

interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

const DIST = path.resolve(__dirname, "../../dist");
const read = (file: string) => JSON.parse(readFileSync(path.join(DIST, file), "utf8")) as Metadata;
const EN = read("functions.json");
const FR = read("functions-fr.json");

function find(metadata: Metadata, sig: FunctionSignature): MetadataFunction {
  const fn = metadata.functions.find((f) => f.id === sig.name);
  if (!fn) throw new Error(`${sig.name} is missing from the metadata`);
  return fn;
}

/** What Excel shows of a cell reference: A1 up to XFD1048576, or R1C1 style. */
function looksLikeCellReference(name: string): boolean {
  return /^[A-Z]{1,3}\d+$/i.test(name) || /^R\d*C\d*$/i.test(name);
}

describe("custom function metadata (dist/functions.json and dist/functions-fr.json)", () => {
  test("both files list exactly the functions of the signature table, under the same ids", () => {
    const ids = FUNCTION_SIGNATURES.map((s) => s.name).sort();
    expect(EN.functions.map((f) => f.id).sort()).toEqual(ids);
    expect(FR.functions.map((f) => f.id).sort()).toEqual(ids);
  });

  test("English names are the signature names and French names the French ones, e.g. DATEECHEANCE", () => {
    for (const sig of FUNCTION_SIGNATURES) {
      expect(find(EN, sig).name).toBe(sig.name);
      expect(find(FR, sig).name).toBe(sig.fr);
    }
    expect(FR.functions.find((f) => f.id === "DUEDATE")?.name).toBe("DATEECHEANCE");
  });

  test("parameters have the table's names in each language, in order, with the same optional flags", () => {
    for (const sig of FUNCTION_SIGNATURES) {
      const en = find(EN, sig).parameters;
      const fr = find(FR, sig).parameters;
      expect(en.map((p) => p.name)).toEqual(sig.params.map((p) => p.name));
      expect(fr.map((p) => p.name)).toEqual(sig.params.map((p) => p.fr));
      // Excel treats a missing "optional" as required.
      expect(en.map((p) => p.optional === true)).toEqual(sig.params.map((p) => p.optional));
      expect(fr.map((p) => p.optional === true)).toEqual(sig.params.map((p) => p.optional));
    }
  });

  test("the French file differs from the English one only in names and descriptions", () => {
    const strip = (m: Metadata) => ({
      ...m,
      functions: m.functions.map(({ name: _n, description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ name: _pn, description: _pd, ...p }) => p),
      })),
    });
    expect(strip(FR)).toEqual(strip(EN));
  });

  test("every function and parameter has the table's description in each language", () => {
    for (const sig of FUNCTION_SIGNATURES) {
      const en = find(EN, sig);
      const fr = find(FR, sig);
      expect(en.description).toBe(sig.description.en);
      expect(fr.description).toBe(sig.description.fr);
      sig.params.forEach((p, i) => {
        expect(en.parameters[i]?.description).toBe(p.description.en);
        expect(fr.parameters[i]?.description).toBe(p.description.fr);
      });
    }
    for (const fn of [...EN.functions, ...FR.functions]) {
      expect(fn.description?.trim()).toBeTruthy();
      for (const p of fn.parameters) expect(p.description?.trim()).toBeTruthy();
    }
  });

  test("every function has an https help URL", () => {
    for (const fn of [...EN.functions, ...FR.functions]) {
      expect(new URL(fn.helpUrl ?? "").protocol).toBe("https:");
    }
  });

  test("result types follow the table: dates and amounts as numbers, text as strings, VENDORS as a matrix", () => {
    for (const sig of FUNCTION_SIGNATURES) {
      const { result } = find(EN, sig);
      if (sig.result === "table") {
        expect(result.dimensionality).toBe("matrix");
      } else {
        // Dates are returned as serial numbers (a JS Date would arrive in the cell as text).
        expect(result.type).toBe(sig.result === "text" ? "string" : "number");
        expect(result.dimensionality ?? "scalar").toBe("scalar");
      }
    }
    expect(EN.functions.find((f) => f.id === "VENDORS")?.result.dimensionality).toBe("matrix");
  });

  test("range parameters take a matrix and every other parameter a single value", () => {
    for (const sig of FUNCTION_SIGNATURES) {
      const params = find(EN, sig).parameters;
      sig.params.forEach((p, i) => {
        expect({ fn: sig.name, p: p.name, dim: params[i]?.dimensionality ?? "scalar" }).toEqual({
          fn: sig.name,
          p: p.name,
          dim: p.type === "range" ? "matrix" : "scalar",
        });
      });
    }
  });

  test("names follow Excel's rules and collide with no built-in function or cell reference", () => {
    const builtins = new Set([...EXCEL_BUILTINS_EN, ...EXCEL_BUILTINS_FR]);
    for (const metadata of [EN, FR]) {
      const names = metadata.functions.map((f) => f.name.toUpperCase());
      expect(new Set(names).size).toBe(names.length);
      for (const fn of metadata.functions) {
        expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
        expect(fn.name).toMatch(/^\p{L}[\p{L}\d_.]{2,}$/u);
        expect({ name: fn.name, builtin: builtins.has(fn.name.toUpperCase()) }).toEqual({
          name: fn.name,
          builtin: false,
        });
        expect(looksLikeCellReference(fn.name)).toBe(false);
        const params = fn.parameters.map((p) => p.name);
        expect(new Set(params).size).toBe(params.length);
      }
    }
  });

  test("the build helper reads the same table from definitions.ts as the application", () => {
    const loaded = loadSignatures(path.resolve(__dirname, "../../src/functions/definitions.ts"));
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(JSON.parse(JSON.stringify(FUNCTION_SIGNATURES)));
  });

  test("French metadata is refused when functions.ts and the table disagree", () => {
    const english = JSON.parse(JSON.stringify(EN)) as Metadata;
    const lateFee = english.functions.find((f) => f.id === "LATEFEE")!;
    // A parameter renamed in the JSDoc only, and a function the table does not know.
    lateFee.parameters[1]!.name = "total";
    english.functions.push({ id: "EXTRA", name: "EXTRA", parameters: [], result: {} });
    expect(() => localizeMetadata(english, FUNCTION_SIGNATURES)).toThrow(
      /LATEFEE: parameters \(vendor, total, .*\) differ[\s\S]*EXTRA: in functions.json but not in FUNCTION_DEFINITIONS/,
    );
    // And a function of the table missing from functions.ts.
    const missing = { ...EN, functions: EN.functions.filter((f) => f.id !== "VENDORS") };
    expect(() => localizeMetadata(missing, FUNCTION_SIGNATURES)).toThrow(
      /VENDORS: in FUNCTION_DEFINITIONS but not/,
    );
  });
});
