// The JavaScript syntax the task pane may ship, and the build check that holds it there (issue 14).
//
// Target: Safari 14 — the WKWebView of macOS 11 Big Sur, the oldest webview Excel for Mac add-ins are
// expected to meet here — checked as ES2020 syntax. Excel on Windows (WebView2) and on the web
// (evergreen browsers) parse more; Internet Explorer and EdgeHTML are out (React 18 and Fluent UI v9
// do not run there). What this target rules out, with the Safari version that first parses it:
//   class static blocks `static { }` (16.4), regex lookbehind `(?<=` `(?<!` (16.4), the regex `d`
//   flag (15) and `v` flag (17), private methods `#m()` and `#x in o` (15), top-level await (15).
// Acorn's ES2020 level also refuses logical assignment (`??=`, ES2021), which Safari 14 does parse:
// stricter by one feature, and the downlevel loader below rewrites it anyway. Named capture groups
// (Safari 11.1) and `\p{…}` escapes (11.1) are allowed. Acorn checks syntax, not regex features, so
// regex patterns are scanned for lookbehind here; run-time APIs (Array.prototype.at…) are not checked.
"use strict";

const acorn = require("acorn");

const TARGET = Object.freeze({
  name: "Safari 14 (macOS 11 WKWebView)",
  ecmaVersion: 2020,
});

/** True when `pattern` (a regex source) has a lookbehind group outside a character class. */
function hasLookbehind(pattern) {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++; // an escaped character, whatever it is
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(" && pattern.startsWith("?<", i + 1) && "=!".includes(pattern[i + 3] ?? "")) {
      return true;
    }
  }
  return false;
}

const LOOKBEHIND_TEXT = /\(\?<[=!]/;
const FLAGS_BEYOND_TARGET = new Map([
  ["d", "the regex d flag (match indices, Safari 15)"],
  ["v", "the regex v flag (Safari 17)"],
]);

/**
 * What in a script the target cannot parse: a syntax error at its ECMAScript level, a regex with
 * lookbehind or a flag it lacks, or a string holding a lookbehind pattern (for `new RegExp`).
 * Returns one finding per problem, with its line and column; empty when the script is fine.
 */
function webviewSyntaxFindings(source, file = "<script>", target = TARGET) {
  const findings = [];
  const at = (loc) => `${file}:${loc.line}:${loc.column + 1}`;
  const tokens = [];
  try {
    acorn.parse(source, {
      ecmaVersion: target.ecmaVersion,
      sourceType: "script",
      locations: true,
      allowHashBang: true,
      onToken: tokens,
    });
  } catch (error) {
    const loc = error.loc ?? { line: 0, column: 0 };
    const near = source.slice(Math.max(0, (error.pos ?? 0) - 40), (error.pos ?? 0) + 40).replace(/\s+/g, " ");
    findings.push(
      `${at(loc)}: syntax beyond ES${target.ecmaVersion} (${target.name}): ${error.message} — near «${near}»`,
    );
    return findings;
  }
  for (const token of tokens) {
    const label = token.type.label;
    if (label === "regexp") {
      const { pattern, flags } = token.value;
      if (hasLookbehind(pattern))
        findings.push(
          `${at(token.loc.start)}: regex lookbehind /${pattern}/ (Safari 16.4; ${target.name} fails to parse the whole file)`,
        );
      for (const flag of flags)
        if (FLAGS_BEYOND_TARGET.has(flag))
          findings.push(`${at(token.loc.start)}: ${FLAGS_BEYOND_TARGET.get(flag)} in /${pattern}/${flags}`);
    } else if ((label === "string" || label === "template") && typeof token.value === "string") {
      if (LOOKBEHIND_TEXT.test(token.value) && hasLookbehind(token.value))
        findings.push(
          `${at(token.loc.start)}: a string holding a regex lookbehind (new RegExp would fail on ${target.name})`,
        );
    }
  }
  return findings;
}

/** webpack plugin: fails the build when an emitted .js file has syntax the target webviews cannot parse. */
class WebviewSyntaxPlugin {
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("WebviewSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minification: the check reads what ships.
        { name: "WebviewSyntaxPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const [name, asset] of Object.entries(assets)) {
            if (!name.endsWith(".js")) continue;
            for (const finding of webviewSyntaxFindings(asset.source().toString(), name)) {
              compilation.errors.push(new WebpackError(`[webview syntax] ${finding}`));
            }
          }
        },
      );
    });
  }
}

module.exports = { TARGET, hasLookbehind, webviewSyntaxFindings, WebviewSyntaxPlugin };
