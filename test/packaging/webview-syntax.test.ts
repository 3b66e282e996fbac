/**
 * The scripts the pane ships parse in the oldest webview it supports: Safari 14 (macOS 11), held to
 * ES2020 syntax with no regex lookbehind and no `d`/`v` regex flags (scripts/webview-syntax.js says
 * why). The build runs the same check (WebviewSyntaxPlugin) and fails on a finding; this test reads
 * dist/ as built, and checks the checker and the downlevel loader on samples.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webviewSyntaxFindings, hasLookbehind, TARGET } = require("../../scripts/webview-syntax") as {
  webviewSyntaxFindings: (source: string, file?: string) => string[];
  hasLookbehind: (pattern: string) => boolean;
  TARGET: { name: string; ecmaVersion: number };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const downlevelLoader = require("../../scripts/downlevel-loader") as (
  this: unknown,
  source: string,
  map?: unknown,
) => void;

/** Runs the loader as webpack would, on one module's source; returns the code it hands on. */
function downlevel(source: string, resourcePath: string): string {
  let out: string | undefined;
  const context = {
    resourcePath,
    sourceMap: false,
    callback: (error: Error | null, code: string) => {
      if (error) throw error;
      out = code;
    },
  };
  downlevelLoader.call(context, source);
  if (out === undefined) throw new Error("the loader handed nothing on");
  return out;
}

describe("the syntax the pane's webviews parse", () => {
  test("the target is Safari 14, checked as ES2020", () => {
    expect(TARGET).toEqual({ name: "Safari 14 (macOS 11 WKWebView)", ecmaVersion: 2020 });
  });

  const builtScripts = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith(".js")) : [];
  const maybe = builtScripts.length > 0 ? test : test.skip;

  maybe("every script in dist/ parses as ES2020 with no lookbehind and no d or v regex flag", () => {
    // The pane, the functions, the webpack runtime and the shared chunks; office.js is no longer here.
    expect(builtScripts).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "runtime.js"]));
    expect(builtScripts).not.toContain("office.js");
    const findings = builtScripts.flatMap((f) =>
      webviewSyntaxFindings(readFileSync(path.join(DIST, f), "utf8"), f),
    );
    expect(findings).toEqual([]);
  });

  test("a regex with lookbehind is refused, as the storage writer's used to be", () => {
    // The pattern src/storage/document.ts had: Safari before 16.4 refuses the whole file for it.
    const old = String.raw`const s = t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");`;
    expect(webviewSyntaxFindings(old, "taskpane.js")).toEqual([
      expect.stringMatching(/^taskpane\.js:1:\d+: regex lookbehind/),
    ]);
    expect(webviewSyntaxFindings("const r = /(?<=€)\\d+/;")).toHaveLength(1);
    // A string handed to new RegExp is found too.
    expect(webviewSyntaxFindings('const r = new RegExp("(?<!a)b");')).toHaveLength(1);
  });

  test("syntax newer than ES2020 is refused with its place: class static blocks, the d and v flags", () => {
    const staticBlock = "class History {\n  static { this.DEPTH = 10; }\n}";
    expect(webviewSyntaxFindings(staticBlock, "859.js")).toEqual([
      expect.stringMatching(/^859\.js:2:\d+: syntax beyond ES2020/),
    ]);
    expect(webviewSyntaxFindings("const m = /a/d;")).toHaveLength(1);
    expect(webviewSyntaxFindings("const m = /[\\p{L}--a]/v;")).toHaveLength(1);
    expect(webviewSyntaxFindings("class A { #m() {} }")).toHaveLength(1);
  });

  test("what Safari 14 parses passes: named groups, lookahead, ?., ??, a parenthesis escaped or in a class", () => {
    const fine = [
      String.raw`const d = /(?<year>\d{4})-(?<month>\d{2})/.exec(s)?.groups ?? {};`,
      String.raw`const a = /x(?=y)|x(?!z)/;`,
      String.raw`const b = /\(?<=not a group/;`,
      String.raw`const c = /[(?<=]/;`,
      String.raw`const e = /\p{L}+/u;`,
      "const f = 10n ** 2n;",
    ];
    expect(fine.flatMap((src) => webviewSyntaxFindings(src))).toEqual([]);
    expect(hasLookbehind(String.raw`[(?<=]`)).toBe(false);
    expect(hasLookbehind(String.raw`a(?<!b)`)).toBe(true);
  });

  test("the downlevel loader rewrites tabster's class static blocks and leaves modules within ES2020 as they are", () => {
    const restorer = require.resolve("tabster/dist/esm/Restorer.js");
    const original = readFileSync(restorer, "utf8");
    expect(webviewSyntaxFindings(original)).not.toEqual([]);
    const rewritten = downlevel(original, restorer);
    // As a module it parses at ES2020 now (the findings above were its syntax, as a script or not).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as { parse(s: string, o: object): unknown };
    expect(() => acorn.parse(rewritten, { ecmaVersion: 2020, sourceType: "module" })).not.toThrow();
    expect(rewritten).toContain("DEPTH = 10");
    const plain = "export const x = a?.b ?? 1;\n";
    expect(downlevel(plain, "/node_modules/p/index.js")).toBe(plain);
  });

  test("the downlevel loader takes the lookbehind out of docx's findPatchKeys, which finds the same keys without it", () => {
    const docx = require.resolve("docx");
    const original = readFileSync(docx, "utf8");
    expect(webviewSyntaxFindings(original).some((f) => f.includes("lookbehind"))).toBe(true);
    const rewritten = downlevel(original, docx);
    expect(webviewSyntaxFindings(rewritten)).toEqual([]);
    // The function as rewritten, run on texts where the two patterns could part ways.
    const body = /var findPatchKeys = \(text\) => \{([\s\S]*?)\n\};/.exec(rewritten)?.[1] as string;
    const findPatchKeys = new Function("text", body) as (text: string) => string[];
    const withLookbehind = (text: string) => text.match(/(?<=\{\{).+?(?=\}\})/gs) ?? [];
    for (const text of ["{{a}}{{b}}", "x {{{a}}} {{ b c }}", "{{a\n}}", "{{}}}}", "{{ouvert", "rien"])
      expect(findPatchKeys(text)).toEqual(withLookbehind(text));
  });
});
