/**
 * The command line's text lives in catalogues (issue 20; the recovery commands' in
 * src/cli/report/messages.ts, usage.ts, src/cli/letters/messages.ts, usage.ts,
 * src/cli/recovery/messages.ts): no file of src/cli picks its words with a `lang === "fr" ? … : …`
 * of its own, and every catalogue says the same things in both languages.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { filesUnder, languageChoices, shape } from "../support/catalogues";

const CLI = path.resolve(__dirname, "../../src/cli");
/** args.ts reads `--lang` from the arguments: it compares with "en" to know the language, not to word anything. */
const READS_THE_LANGUAGE = new Set(["args.ts"]);

const SOURCES = filesUnder(CLI).filter(
  (f) => f.endsWith(".ts") && !READS_THE_LANGUAGE.has(path.relative(CLI, f)),
);

describe("the recovery commands' text catalogues", () => {
  test("the check finds a language ternary across lines, and not in a comment", () => {
    expect(languageChoices('const fr = lang === "fr";\nconst t = fr\n  ? "Oui"\n  : "Yes";')).toEqual([1, 2]);
    expect(languageChoices('// lang === "fr" ? … : …\nconst t = TEXT.yes[lang];')).toEqual([]);
  });

  test("no file of the command line (src/cli) picks its words itself", () => {
    expect(SOURCES.length).toBeGreaterThan(40);
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
