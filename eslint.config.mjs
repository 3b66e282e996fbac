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

/**
 * The recovery core is pure (no I/O, no UI) and sits on the engine, the cell values and the stored
 * state; the documents layer turns its models into bytes and reaches no file system either.
 */
function recoveryGuards() {
  const noIo = {
    group: ["fs", "node:*", "path", "child_process", "http", "https"],
    message: "No I/O here: bytes in, bytes out.",
  };
  const noUi = {
    group: ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "exceljs"],
    message: "No UI or Office here.",
  };
  const above = (allowed) => ({
    group: [
      "../*",
      "!../engine",
      "!../cells",
      "!../storage",
      "!../storage/*",
      ...allowed.map((a) => `!${a}`),
    ],
    message: "src/recovery imports only the engine, cells and storage; src/documents also recovery.",
  });
  return [
    {
      files: ["src/recovery/*.ts"],
      rules: { "no-restricted-imports": ["error", { patterns: [noIo, noUi, above([])] }] },
    },
    {
      files: ["src/documents/*.ts"],
      rules: { "no-restricted-imports": ["error", { patterns: [noIo, noUi, above(["../recovery"])] }] },
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
  ...recoveryGuards(),
  {
    // The metadata plugin accepts only plain types (number, string, any, any[][]) in signatures:
    // cells arrive untyped and the catalog parses them.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
