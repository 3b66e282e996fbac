/**
 * The pane's text lives in catalogues, one `{ fr, en }` per view beside it (components/<View>/strings.ts),
 * the shared words in i18n/common.ts and the pane-wide ones in i18n/strings.ts (issue 20): no view
 * picks its words with a `lang === "fr" ? … : …` of its own, every catalogue says the same things in
 * both languages, and no file of the pane grows past the size a newcomer can hold in mind.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const PANE = path.resolve(__dirname, "../../src/taskpane");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const SOURCES = filesUnder(PANE).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const CATALOGUES = SOURCES.filter((f) => path.basename(f) === "strings.ts" || f.endsWith("i18n/common.ts"));

/**
 * Where a text chooses its words by language itself: a comparison of a value with "fr" or "en", a
 * `switch` case on them, or a condition on a variable named `fr` — also across line breaks, as
 * Prettier writes long ternaries. Comments are left aside.
 */
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

/** The shape of a catalogue entry: a string, a function of so many arguments, or an object's shape. */
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

describe("the pane's text catalogues", () => {
  test("the check finds a language ternary, on one line or across lines, and not in a comment", () => {
    expect(languageChoices('const t = lang === "fr" ? "Oui" : "Yes";')).toEqual([1]);
    expect(languageChoices('const t =\n  lang === "fr"\n    ? "Oui"\n    : "Yes";')).toEqual([2]);
    expect(languageChoices('const fr = lang === "fr";\nconst t = fr\n  ? "Oui"\n  : "Yes";')).toEqual([1, 2]);
    expect(languageChoices('switch (lang) {\n  case "en":\n    return "Yes";\n}')).toEqual([2]);
    expect(
      languageChoices('// lang === "fr" ? … : … is what the catalogues replace\nconst t = s.yes;'),
    ).toEqual([]);
    expect(languageChoices("const t = COMMON[lang].colon; const x = fr?.label;")).toEqual([]);
  });

  test("no file of src/taskpane chooses its words with a language ternary of its own", () => {
    const found = SOURCES.flatMap((file) =>
      languageChoices(readFileSync(file, "utf8")).map((line) => `${path.relative(PANE, file)}:${line}`),
    );
    expect(found).toEqual([]);
  });

  test("the catalogues are the views' own files, plus the shared words and the pane-wide text", () => {
    const names = CATALOGUES.map((f) => path.relative(PANE, f)).sort();
    expect(names).toEqual(expect.arrayContaining(["i18n/common.ts", "i18n/strings.ts"]));
    // Beside the views: Apply, the vendor editor, the rates, « Tout recalculer »… at least twenty of them.
    expect(names.filter((n) => n.startsWith("components/")).length).toBeGreaterThanOrEqual(20);
  });

  test.each(CATALOGUES.map((f) => [path.relative(PANE, f), f]))(
    "%s says the same things in French and in English",
    async (_name, file) => {
      const module = (await import(file)) as Record<string, unknown>;
      const catalogues = Object.entries(module).filter(
        (entry): entry is [string, { fr: unknown; en: unknown }] => {
          const v = entry[1];
          return typeof v === "object" && v !== null && "fr" in v && "en" in v;
        },
      );
      expect(catalogues.length).toBeGreaterThan(0);
      for (const [name, catalogue] of catalogues)
        expect({ name, en: shape(catalogue.en) }).toEqual({ name, en: shape(catalogue.fr) });
    },
  );

  test("no source file of the pane is over 600 lines", () => {
    const long = SOURCES.map((f) => ({
      file: path.relative(PANE, f),
      lines: readFileSync(f, "utf8").split("\n").length,
    })).filter((f) => f.lines > 600);
    expect(long).toEqual([]);
  });
});
