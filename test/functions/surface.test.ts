import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SHIPPED_VENDORS } from "../../src/engine";
import { fnUsage, functionHelp } from "../../src/cli/fn";
import { FUNCTION_DEFINITIONS } from "../../src/functions/definitions";
import { FunctionRuntime } from "../../src/functions/runtime";
import { functionsSource } from "../../scripts/functions-build";

/**
 * The CGV function surface is written once, in src/functions/definitions.ts; the JSDoc file the
 * metadata plugin reads, the command line's list and usage, and EXPLAIN's list are derived from it.
 */

const ROOT = path.resolve(__dirname, "../..");
const exec = promisify(execFile);
const BUILD = path.join(ROOT, "scripts/functions-build.js");

describe("src/office/functions.ts is generated from the table", () => {
  test("the committed file is what the generator writes", async () => {
    // Exit 0 means equal; the script formats with the repository's Prettier settings.
    await expect(exec(process.execPath, [BUILD, "--check"], { cwd: ROOT })).resolves.toMatchObject({
      stderr: "",
    });
  });

  test("a hand edit of the JSDoc is caught", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "functions-"));
    const copy = path.join(dir, "functions.ts");
    copyFileSync(path.join(ROOT, "src/office/functions.ts"), copy);
    writeFileSync(copy, readFileSync(copy, "utf8").replace("@param [invoiceKind]", "@param invoiceKind"));
    const failed = await exec(process.execPath, [BUILD, "--check", "--output", copy], { cwd: ROOT }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is not what src\/functions\/definitions\.ts gives/),
    });
  });

  test("each function has its JSDoc tags and a wrapper passing its parameters in the table's order", () => {
    const text = functionsSource(FUNCTION_DEFINITIONS);
    for (const def of FUNCTION_DEFINITIONS) {
      expect(text).toContain(` * @customfunction ${def.name}\n`);
      for (const p of def.params) {
        expect(text).toContain(` * @param ${p.optional ? `[${p.name}]` : p.name} ${p.description.en}\n`);
      }
      // Each answers with a promise: the first answers wait for the workbook's stored terms.
      const result = { date: "number", number: "number", text: "string", table: "string[][]" }[def.result];
      expect(text).toContain(
        `answer(SHARED_RUNTIME, "${def.name}", [${def.params.map((p) => p.name).join(", ")}]) as Promise<${result}>`,
      );
      expect(text).toMatch(
        new RegExp(`export function ${def.js}\\([^)]*\\): Promise<${result.replace(/[[\]]/g, "\\$&")}> \\{`),
      );
      expect(def.js.toUpperCase()).toBe(def.name);
    }
  });
});

describe("derived texts", () => {
  const ids = SHIPPED_VENDORS.map((v) => v.id).join(", ");

  test("the vendor parameter lists the shipped vendors and the law (loi), in both languages", () => {
    const duedate = FUNCTION_DEFINITIONS.find((d) => d.name === "DUEDATE")!;
    expect(duedate.params[0]?.description.en).toContain(`${ids}, loi (statutory terms) or a workbook vendor`);
    expect(duedate.params[0]?.description.fr).toContain(
      `${ids}, loi (conditions légales) ou un fournisseur du classeur`,
    );
  });

  test("no file of src/functions or the fn command writes the vendor list by hand", () => {
    const dir = path.join(ROOT, "src/functions");
    const files = [
      ...readdirSync(dir)
        .filter((f) => f !== "functions.ts")
        .map((f) => path.join(dir, f)),
      path.join(ROOT, "src/cli/fn.ts"),
    ];
    for (const file of files) {
      expect({ file, listed: readFileSync(file, "utf8").includes(ids) }).toEqual({ file, listed: false });
    }
  });

  test("the command line's usage lists every function with its French name and parameters", () => {
    expect(fnUsage("en")).toContain("DUEDATE (DATEECHEANCE) vendor invoiceDate [invoiceKind]");
    for (const def of FUNCTION_DEFINITIONS) expect(fnUsage("fr")).toContain(`${def.fr} (${def.name})`);
  });

  test("a function's help in French gives its French name, parameters and descriptions", () => {
    const duedate = FUNCTION_DEFINITIONS.find((d) => d.name === "DUEDATE")!;
    expect(functionHelp(duedate, "fr").split("\n").slice(0, 2)).toEqual([
      "DATEECHEANCE — Date d'échéance de paiement d'une facture selon les conditions du fournisseur.",
      "Utilisation : echeance fn DATEECHEANCE fournisseur dateFacture [typeFacture]",
    ]);
  });

  test("EXPLAIN lists the functions it explains: every function of a vendor's terms", () => {
    const out = new FunctionRuntime().evaluate("EXPLAIN", ["SUM", "omi"]);
    const vendorFunctions = FUNCTION_DEFINITIONS.filter((d) => d.usesVendor).map((d) => d.name);
    expect(out).toEqual({
      ok: false,
      code: "#VALUE!",
      message: `functionName "SUM" is not one of ${vendorFunctions.join(", ")}.`,
    });
    expect(vendorFunctions).not.toContain("EXPLAIN");
    expect(vendorFunctions).not.toContain("VENDORS");
  });
});
