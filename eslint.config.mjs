import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

/**
 * The engine is pure (docs/conventions.md#one-way-layers): no Office.js, React, DOM or Node I/O, no Date, and no
 * import from outside src/engine — checked per folder depth, since "../" leaves the engine from its
 * root but not from src/engine/vendors/.
 */
function engineGuards() {
  const libraries = [
    {
      group: ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "exceljs", "fflate"],
      message: "The engine is pure: no UI, Office or file libraries.",
    },
    { group: ["fs", "node:*", "path", "child_process", "http", "https"], message: "The engine does no I/O." },
  ];
  const outside = (group) => ({ group, message: "The engine imports nothing from outside src/engine." });
  const globals = [
    "error",
    { name: "Date", message: "The engine uses day numbers, never Date (no time zone may leak in)." },
    "Office",
    "Excel",
    "window",
    "document",
  ];
  return [
    {
      files: ["src/engine/*.ts"],
      rules: {
        "no-restricted-imports": ["error", { patterns: [...libraries, outside(["../*"])] }],
        "no-restricted-globals": globals,
      },
    },
    {
      files: ["src/engine/*/**/*.ts"],
      rules: {
        "no-restricted-imports": ["error", { patterns: [...libraries, outside(["../../*"])] }],
        "no-restricted-globals": globals,
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "out/**",
      "test-output/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "office-addins/no-office-initialize": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/load-object-before-read": "error",
    },
  },
  ...engineGuards(),
  {
    // The pane runs in Safari 14's webview, which cannot parse a regex lookbehind: found here, in the
    // code the pane bundles, before scripts/webview-syntax.js finds it in the build.
    files: ["src/engine/**/*.ts", "src/terms-import/**/*.ts", "src/documents/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "Literal[regex.pattern=/\\(\\?<[=!]/]",
          "Literal[value=/\\(\\?<[=!]/]",
          "TemplateElement[value.raw=/\\(\\?<[=!]/]",
        ].map((selector) => ({
          selector,
          message: "No regex lookbehind: Safari 14 (macOS 11's webview) cannot parse it.",
        })),
      ],
    },
  },
  {
    // The terms-of-sale import is pure too, and reads only the engine: the pane and the command line share it.
    files: ["src/terms-import/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@fluentui/*", "exceljs", "fflate", "mammoth"],
              message: "The import is pure.",
            },
            { group: ["fs", "node:*", "path", "child_process"], message: "The import does no I/O." },
            { group: ["../*", "!../engine"], message: "The import reads only the engine." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document"],
    },
  },
  {
    // The metadata plugin accepts only plain types (number, string, any, any[][]) in signatures:
    // cells arrive untyped and the catalog parses them.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
