import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";

/**
 * The layers of src/ hold (issue 20, « Layers you can see »): the import graph has no cycle and every
 * import stays within its layer's bounds (scripts/check-imports.js), a wrong import fails the lint
 * (eslint.config.mjs, drawn from the same table, scripts/layers.js), and docs/architecture.md names
 * every layer with what it may import.
 */

const ROOT = path.resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the scripts are CommonJS, shared with eslint.config.mjs
const { checkImports } = require("../scripts/check-imports.js") as {
  checkImports: (root?: string) => { files: number; problems: string[] };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAYERS } = require("../scripts/layers.js") as {
  LAYERS: { name: string; imports: string[] }[];
};

describe("the import graph of src/", () => {
  test("has no cycle and no import outside a layer's bounds", () => {
    const { files, problems } = checkImports();
    expect(files).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  });

  test("every folder of src/ is a layer, and a layer imports only layers listed before it (no cycle between layers)", () => {
    const names = LAYERS.map((l) => l.name);
    LAYERS.forEach((layer, i) => {
      for (const imported of layer.imports) expect(names.slice(0, i)).toContain(imported);
    });
  });

  test("the check finds a cycle through three files and an import across a boundary", () => {
    // A miniature src/: engine/a → engine/b → engine/c → engine/a, and engine/d importing the cli.
    const root = path.join(mkdtempSync(path.join(tmpdir(), "layers-")), "src");
    mkdirSync(path.join(root, "engine"), { recursive: true });
    mkdirSync(path.join(root, "cli"), { recursive: true });
    writeFileSync(path.join(root, "engine/a.ts"), 'import { b } from "./b";\nexport const a = b;\n');
    writeFileSync(
      path.join(root, "engine/b.ts"),
      'import type { C } from "./c";\nexport const b = 1 as unknown as C;\n',
    );
    writeFileSync(path.join(root, "engine/c.ts"), 'import { a } from "./a";\nexport type C = typeof a;\n');
    writeFileSync(path.join(root, "engine/d.ts"), 'export { run } from "../cli/run";\n');
    writeFileSync(path.join(root, "cli/run.ts"), "export const run = 1;\n");
    const { problems } = checkImports(root);
    expect(problems).toEqual([
      "src/engine/d.ts imports src/cli/run.ts: src/engine may not import src/cli",
      "import cycle: src/engine/a.ts → src/engine/b.ts → src/engine/c.ts",
    ]);
  });
});

describe("the lint boundaries", () => {
  // Each case: a text linted as a file of src/, and the messages expected.
  const CASES: { name: string; file: string; text: string; expected: (string | RegExp)[] }[] = [
    {
      name: "an import of a layer not listed beside the importing layer fails",
      file: "src/write/wrong.ts",
      text: 'export { XlsxError } from "../xlsx";\n',
      expected: [/^no-restricted-imports: .*src\/write may import only .*\(docs\/architecture\.md\)/],
    },
    {
      name: "the same from a sub-folder, climbing two levels",
      file: "src/cli/apply/wrong.ts",
      text: 'export { App } from "../../taskpane/components/App/App";\n',
      expected: [/^no-restricted-imports: .*src\/cli may import only/],
    },
    {
      name: "an allowed import passes",
      file: "src/write/right.ts",
      text: 'export { prepareApply } from "../apply";\n',
      expected: [],
    },
    {
      name: "a library a layer does not own fails",
      file: "src/apply/wrong.ts",
      text: 'import { readFile } from "node:fs";\nexport const r = readFile;\n',
      expected: [/^no-restricted-imports: .*src\/apply does not use this library/],
    },
    {
      name: "Office outside src/office fails",
      file: "src/workbook/wrong.ts",
      text: "export const host = Office.context;\n",
      expected: [/^no-restricted-globals: .*Only src\/office talks to Office/],
    },
    {
      name: "Office inside src/office passes",
      file: "src/office/right.ts",
      text: "export const host = Office.context;\n",
      expected: [],
    },
    {
      name: "the engine uses day numbers, never Date",
      file: "src/engine/wrong.ts",
      text: "export const now = new Date();\n",
      expected: [/^no-restricted-globals: .*day numbers, never Date/],
    },
  ];
  let results: string[][] = [];

  beforeAll(() => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "test/support/lint-texts.mjs")], {
      cwd: ROOT,
      input: JSON.stringify(CASES.map((c) => ({ file: path.join(ROOT, c.file), text: c.text }))),
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(run.stderr);
    results = JSON.parse(run.stdout) as string[][];
  });

  test.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_name, i) => {
    const expected = (CASES[i] as (typeof CASES)[number]).expected.map((e) =>
      typeof e === "string" ? e : expect.stringMatching(e),
    );
    expect(results[i]).toEqual(expected);
  });
});

describe("docs/architecture.md", () => {
  const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");

  test("names every layer with exactly the layers it may import, as scripts/layers.js says", () => {
    for (const layer of LAYERS) {
      const rows = doc.split("\n").filter((line) => line.startsWith("|"));
      const cells = rows
        .map((line) => line.split("|").map((c) => c.trim()))
        .find((c) => c[1] === `\`${layer.name}\``);
      expect({ layer: layer.name, found: cells !== undefined }).toEqual({ layer: layer.name, found: true });
      const listed = (cells?.[3] ?? "")
        .split(",")
        .map((c) => c.replace(/`/g, "").trim())
        .filter((c) => c !== "" && c !== "—");
      expect({ layer: layer.name, imports: listed }).toEqual({ layer: layer.name, imports: layer.imports });
    }
  });
});

describe("files a newcomer can hold in mind (issue 20)", () => {
  // The function definitions table is one entry per CGV function, kept together on purpose: the
  // functions' metadata is generated from it.
  const TABLES = new Set(["src/functions/definitions.ts"]);

  test("no source file of src/ is over 600 lines, except the function definitions table", () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    })(path.join(ROOT, "src"));
    const sources = files.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(300);
    const long = sources
      .map((f) => ({ file: path.relative(ROOT, f), lines: readFileSync(f, "utf8").split("\n").length }))
      .filter((f) => f.lines > 600 && !TABLES.has(f.file));
    expect(long).toEqual([]);
  });
});
