#!/usr/bin/env node
// Rewrites citations of the specification files kept outside this repository (TERMS.md, RATES.md,
// EXAMPLES.md, OFFICE-NOTES.md, STYLE.md, D441-6.md) into citations of the project's own docs/ pages
// and sections, in code comments, test names and comments, scripts, configuration and README.md.
// Only citation text changes: no code behaviour. Idempotent: a replacement never contains a name it
// looks for, so a second run changes nothing. Prints each change as file:line, old → new, then runs
// Prettier on the files it changed (a longer test name may need re-wrapping).
//
//   node scripts/cite-docs.js          rewrite in place and list the changes
//   node scripts/cite-docs.js --check  change nothing; list what would change, exit 1 if anything would
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.join(__dirname, "..");
const SELF = path.resolve(__filename);

/** Where citations may be: these folders (recursively) and these root files. docs/ is never touched. */
const FOLDERS = ["src", "test", "scripts", "bench", "samples", "bin", ".ci"];
const ROOT_FILES = [
  "README.md",
  "webpack.config.js",
  "eslint.config.mjs",
  "jest.config.js",
  "tsconfig.json",
  "package.json",
  "manifest.xml",
];
const EXTENSIONS = new Set([".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".md", ".xml", ".sh", ""]);
const SKIP_DIRS = new Set(["node_modules", "dist", ".git", "coverage", "out", "test-output"]);

const T = "docs/terms.md";
const R = "docs/rates.md";
const C = "docs/conventions.md";
const O = "docs/office.md";

/**
 * [pattern, replacement, optional file test]. Specific rules first (a section for a known context),
 * then the general ones (a page for any remaining mention).
 */
const RULES = [
  // README.md: links to the shared folder become links to docs/.
  [
    /is \[\.\.\/shared\/TERMS\.md\]\(\.\.\/shared\/TERMS\.md\) in the(\s+)product repository; the rates and their sources are in RATES\.md beside it\./g,
    `is [${T}](${T}); the rates and their sources are$1in [${R}](${R}).`,
  ],
  [/where TERMS\.md(\s+)defines one/g, `where [${T}](${T}#decisions-where-a-text-is-ambiguous)$1defines one`],
  [/\(TERMS\.md: "next working day"\)/g, `([${T}](${T}#day-counts-and-holidays))`],
  // Paths to the shared folder.
  [/(?:\/work\/shared\/|\.\.\/shared\/)(TERMS|RATES|EXAMPLES|OFFICE-NOTES|STYLE|D441-6)\.md/g, "$1.md"],

  // TERMS.md, by context.
  [/TERMS\.md, conventions/g, `${T}#dates-and-periods-in-months`],
  [/TERMS\.md "(omi|sillage|xiahdeh|injenius|digitalli)"/g, `${T}#the-five-vendors`],
  [/in the order TERMS\.md lists them/g, `in the order ${T}#the-five-vendors lists them`],
  [/TERMS\.md(?=: "interest is rounded)/g, `${T}#the-statutory-frame`],
  [/TERMS\.md(?=: "the explanation of every result)/g, `${T}#the-ambiguity-rule`],
  [/TERMS\.md(?=: both methods are accepted)/g, `${T}#fin-de-mois-payment-terms`],
  [/(eom-then-days[^\n]*is the option )\(TERMS\.md\)/g, `$1(${T}#fin-de-mois-payment-terms)`],
  [/no rule says so \(TERMS\.md\)/g, `no rule says so (${T}#due-dates-on-weekends-and-holidays)`],
  [/(restated[\s\S]{0,120}?not flagged )\(TERMS\.md\)/g, `$1(${T}#the-statutory-floor)`],
  [/decided in TERMS\.md/g, `decided in ${T}#decisions-where-a-text-is-ambiguous`],
  [/TERMS\.md makes it a setting/g, `${T}#day-counts-and-holidays makes it a setting`],
  [/(≤ R )\(TERMS\.md\)/g, `$1(${T}#renewal-date-notice-deadline-end-date)`],
  [/(not 30 May )\(TERMS\.md\)/g, `$1(${T}#renewal-date-notice-deadline-end-date)`],
  [/TERMS\.md(?=: digitalli balance)/g, `${T}#payment-due-dates-per-invoice-kind`],
  [/give TERMS\.md's example dates/g, `give the example dates of ${T}`],
  [/TERMS\.md(?=: invoice 31 Jan 2025)/g, `${T}#fin-de-mois-payment-terms`],
  [/TERMS\.md(?=: floored per half-year)/g, `${T}#xiahdehs-penalty-clause`],
  [/every TERMS\.md deadline row exists/g, `every deadline row of ${T}#clause-deadlines exists`],
  [/the event ids of TERMS\.md/g, `the event ids of ${T}#clause-deadlines`],
  [/TERMS\.md's own example/g, `the fin de mois example of ${T}`],
  [/TERMS\.md(?=: Xiahdeh and Digitalli have none)/g, `${T}#xiahdeh-and-digitalli-no-subscription`],
  [
    /Invoice kinds per vendor \(TERMS\.md\)/g,
    `Invoice kinds per vendor (${T}#payment-due-dates-per-invoice-kind)`,
  ],
  [
    /\(TERMS\.md plan ids in parentheses\)/g,
    `(the plan ids of ${T}#payment-due-dates-per-invoice-kind in parentheses)`,
  ],

  // RATES.md, by context.
  [/RATES\.md, "Resulting figures, for checking[^"\n]*"/g, `${R}#resulting-figures-for-checking`],
  [/RATES\.md, legal rate table/g, `${R}#the-legal-interest-rate-table`],
  [/(4\.50 % )\(RATES\.md\)/g, `$1(${R}#resulting-figures-for-checking)`],
  [/RATES\.md's worked example/g, `the worked example of ${R}`],
  [/as RATES\.md's example/g, `as the example of ${R}#worked-public-examples`],
  [/worked examples of RATES\.md/g, `worked examples of ${R}#worked-public-examples`],

  // OFFICE-NOTES.md, by context.
  [/OFFICE-NOTES\.md(?=: async functions give #CALC!)/g, `${O}#conditional-formats`],
  [/host null \(OFFICE-NOTES\.md\)/g, `host null (${O}#outside-excel)`],
  [/OFFICE-NOTES\.md(?=: 5k–20k)/g, `${O}#bulk-work-in-the-task-pane`],
  [/never custom functions \(OFFICE-NOTES\.md\)/g, `never custom functions (${O}#conditional-formats)`],
  [/OFFICE-NOTES\.md, bulk work/g, `${O}#bulk-work-in-the-task-pane`],

  // STYLE.md, by context.
  [/STYLE\.md, "plain values"/g, `${C}#plain-values`],
  [/STYLE\.md, "UI components receive effects"/g, `${C}#effects-are-injected`],
  [/STYLE\.md, "terms as data"/g, `${C}#terms-as-data`],
  [/STYLE\.md, one-way layers/g, `${C}#one-way-layers`],
  [/injected effect \(STYLE\.md\)/g, `injected effect (${C}#effects-are-injected)`],
  [/never binary floating point \(STYLE\.md\)/g, `never binary floating point (${C}#decimal-money)`],

  // Anything else: the page.
  [/TERMS\.md/g, T],
  [/RATES\.md/g, R],
  [/EXAMPLES\.md/g, `${C}#worked-examples`],
  [/OFFICE-NOTES\.md/g, O],
  [/STYLE\.md/g, `${C}#conventions-of-the-code`],
  [/D441-6\.md/g, "docs/d441-6.md"],
];

function* files() {
  for (const f of ROOT_FILES) {
    const p = path.join(ROOT, f);
    if (fs.existsSync(p)) yield p;
  }
  const walk = function* (dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) yield* walk(p);
      } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name)) && path.resolve(p) !== SELF) {
        yield p;
      }
    }
  };
  for (const d of FOLDERS) {
    const p = path.join(ROOT, d);
    if (fs.existsSync(p)) yield* walk(p);
  }
}

function rewrite(text) {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** The changed lines of a file, old and new, for the listing. */
function changedLines(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  const lines = [];
  // Replacements never add or remove line breaks, so lines correspond one to one.
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) lines.push({ line: i + 1, before: (a[i] ?? "").trim(), after: (b[i] ?? "").trim() });
  }
  return lines;
}

function main() {
  const check = process.argv.includes("--check");
  const changedFiles = [];
  let changedCount = 0;
  for (const file of files()) {
    const before = fs.readFileSync(file, "utf8");
    const after = rewrite(before);
    if (after === before) continue;
    changedFiles.push(file);
    const rel = path.relative(ROOT, file);
    for (const c of changedLines(before, after)) {
      changedCount++;
      process.stdout.write(`${rel}:${c.line}\n  - ${c.before}\n  + ${c.after}\n`);
    }
    if (!check) fs.writeFileSync(file, after);
  }
  process.stdout.write(
    `${check ? "Would change" : "Changed"} ${changedCount} line(s) in ${changedFiles.length} file(s).\n`,
  );
  if (check) {
    if (changedFiles.length > 0) process.exitCode = 1;
    return;
  }
  if (changedFiles.length === 0) return;
  const prettier = path.join(ROOT, "node_modules", ".bin", "prettier");
  if (!fs.existsSync(prettier)) {
    process.stdout.write("Prettier is not installed: run `npx prettier --write` on the files above.\n");
    return;
  }
  const run = spawnSync(prettier, ["--write", ...changedFiles], { cwd: ROOT, encoding: "utf8" });
  process.stdout.write(run.status === 0 ? "Prettier: formatted.\n" : `Prettier failed:\n${run.stderr}`);
  if (run.status !== 0) process.exitCode = 1;
}

main();
