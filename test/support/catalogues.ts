import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The checks the text catalogue tests share (the pane's, test/taskpane/catalogues.test.ts, and the
 * command line's, test/cli/catalogues.test.ts): where a file picks its words by language itself, and
 * the shape of a catalogue entry, so that both languages of one entry can be compared.
 */

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * The lines where a text chooses its words by language itself: a comparison of a value with "fr" or
 * "en", a `switch` case on them, or a condition on a variable named `fr` — also across line breaks,
 * as Prettier writes long ternaries. Comments are left aside.
 */
export function languageChoices(text: string): number[] {
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
export function shape(value: unknown): unknown {
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
