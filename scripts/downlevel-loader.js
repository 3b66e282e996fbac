// webpack loader for node_modules: a module whose syntax is beyond what the pane's webviews parse
// (scripts/webview-syntax.js: ES2020, Safari 14) is rewritten down to it with TypeScript's transpiler —
// tabster (under Fluent UI) ships class static blocks, which Safari before 16.4 cannot parse. A module
// already within the target (nearly all) is passed through untouched, so the cost is one parse each.
// Regex features (lookbehind) cannot be rewritten: the build check reports them instead.
"use strict";

const acorn = require("acorn");
const ts = require("typescript");
const { TARGET } = require("./webview-syntax");

function parses(source, sourceType) {
  try {
    acorn.parse(source, { ecmaVersion: TARGET.ecmaVersion, sourceType, allowHashBang: true });
    return true;
  } catch {
    return false;
  }
}

// docx's `findPatchKeys` (used by its patchDocument, which the pane never calls; the pane's letters are
// written by src/documents) finds `{{key}}` with a lookbehind, which Safari before 16.4 cannot parse.
// The same keys without it: match from the opening braces, then drop them.
const DOCX_PATCH_KEYS = String.raw`const pattern = /* @__PURE__ */ new RegExp("(?<=\\{\\{).+?(?=\\}\\})", "gs");
	return (_text$match = text.match(pattern)) !== null && _text$match !== void 0 ? _text$match : [];`;
const DOCX_PATCH_KEYS_DOWN = String.raw`const pattern = /\{\{.+?(?=\}\})/gs;
	return ((_text$match = text.match(pattern)) !== null && _text$match !== void 0 ? _text$match : []).map((m) => m.slice(2));`;

/** Rewrites of library code whose regex features no transpiler can lower, each checked to keep its results. */
function withoutLookbehind(source) {
  return source.includes(DOCX_PATCH_KEYS) ? source.replace(DOCX_PATCH_KEYS, DOCX_PATCH_KEYS_DOWN) : source;
}

module.exports = function downlevelLoader(input, map) {
  const source = withoutLookbehind(input);
  if (parses(source, "module") || parses(source, "script")) {
    this.callback(null, source, map);
    return;
  }
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath.replace(/\.(mjs|cjs)$/, ".js"),
    compilerOptions: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      // Keep every import as written: these are JavaScript modules, there are no types to elide.
      verbatimModuleSyntax: true,
      sourceMap: this.sourceMap === true,
    },
  });
  const code = out.outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  this.callback(null, code, out.sourceMapText ? JSON.parse(out.sourceMapText) : map);
};

module.exports.withoutLookbehind = withoutLookbehind;
