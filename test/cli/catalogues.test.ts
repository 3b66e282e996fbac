/**
 * The recovery commands' text lives in catalogues (src/cli/report/messages.ts, usage.ts,
 * src/cli/letters/messages.ts, usage.ts, src/cli/recovery/messages.ts): no file of `echeance report`,
 * `echeance letters` or their shared recovery input picks its words with a `lang === "fr" ? … : …` of
 * its own, and every catalogue says the same things in both languages.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const CLI = path.resolve(__dirname, "../../src/cli");
const FOLDERS = ["report", "letters", "recovery"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const SOURCES = [
  ...FOLDERS.flatMap((f) => filesUnder(path.join(CLI, f))),
  path.join(CLI, "printer.ts"),
].filter((f) => f.endsWith(".ts"));

/** The same check as the pane's (test/taskpane/catalogues.test.ts): comparisons with "fr"/"en", a `fr ?`. */
function languageChoices(text: string): number[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/\/\/.*$/gm, "");
  const patterns = [
    /(===|!==|==|!=)\s*["'](fr|en)["']/g,
    /["'](fr|en)["']\s*(===|!==|==|!=)/g,
    /\bcase\s+["'](fr|en)["']\s*:/g,
    /\bfr\s*\?(?![.?])/g,
  ];
  const lines: number[] = [];
  for (const pattern of patterns)
    for (const m of code.matchAll(pattern)) lines.push(code.slice(0, m.index).split("\n").length);
  return lines.sort((a, b) => a - b);
}

/** An entry's shape: a string, a function of so many arguments, or an object's shape. */
function shape(value: unknown): unknown {
  if (typeof value === "function") return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return typeof value;
}

describe("the recovery commands' text catalogues", () => {
  test("the check finds a language ternary across lines, and not in a comment", () => {
    expect(languageChoices('const fr = lang === "fr";\nconst t = fr\n  ? "Oui"\n  : "Yes";')).toEqual([1, 2]);
    expect(languageChoices('// lang === "fr" ? … : …\nconst t = TEXT.yes[lang];')).toEqual([]);
  });

  test("no file of src/cli/report, src/cli/letters, src/cli/recovery or printer.ts picks its words itself", () => {
    expect(SOURCES.length).toBeGreaterThan(15);
    const found = SOURCES.flatMap((file) =>
      languageChoices(readFileSync(file, "utf8")).map((line) => `${path.relative(CLI, file)}:${line}`),
    );
    expect(found).toEqual([]);
  });

  test.each([
    ["report/messages.ts", ["REPORT_TEXT", "D441_TEXT"]],
    ["letters/messages.ts", ["LETTERS_TEXT"]],
    ["recovery/messages.ts", ["RECOVERY_CLI_TEXT"]],
  ])("%s: every entry has a French and an English text, of the same shape", async (file, names) => {
    const module = (await import(path.join(CLI, file))) as Record<string, Record<string, unknown>>;
    for (const name of names) {
      const catalogue = module[name] as Record<string, unknown>;
      expect(Object.keys(catalogue).length).toBeGreaterThan(3);
      for (const [key, entry] of Object.entries(catalogue)) {
        if (typeof entry === "function") {
          // A sentence built from its arguments: its body returns both languages.
          const body = String(entry);
          expect([key, /\bfr:/.test(body), /\ben:/.test(body)]).toEqual([key, true, true]);
          continue;
        }
        expect([key, Object.keys(entry as object).sort()]).toEqual([key, ["en", "fr"]]);
        const { fr, en } = entry as { fr: unknown; en: unknown };
        expect([key, shape(fr)]).toEqual([key, shape(en)]);
      }
    }
  });
});
