import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

import layers from "./scripts/layers.js";

const { LAYERS, COMMON_LIBRARIES, GUARDED_LIBRARIES } = layers;

/** Folder depths below a layer's root that get their own relative-import patterns. */
const DEPTHS = [0, 1, 2, 3, 4];

/**
 * The layers' boundaries (docs/architecture.md, from the one table of scripts/layers.js): a file of a
 * layer imports only the layers listed beside it and the libraries it owns. A relative import is
 * matched by how many "../" it climbs from the file's depth, so "../xlsx" from src/write/ and
 * "../../xlsx/sink" from src/write/x/ are both caught. The engine also uses no Date (day numbers only)
 * and no host globals; only src/office touches Office, Excel or CustomFunctions.
 */
function layerGuards() {
  const configs = [];
  for (const layer of LAYERS) {
    const allowed = new Set([layer.name, ...layer.imports]);
    const others = LAYERS.map((l) => l.name).filter((n) => !allowed.has(n));
    const own = new Set([...(layer.libraries ?? []), ...(layer.name === "engine" ? [] : COMMON_LIBRARIES)]);
    const libraries = GUARDED_LIBRARIES.filter(
      (lib) => !own.has(lib) && !(lib.startsWith("node:") && own.has("node:*")),
    );
    const globals = layer.office
      ? []
      : [
          { name: "Office", message: "Only src/office talks to Office (docs/architecture.md)." },
          { name: "Excel", message: "Only src/office talks to Excel (docs/architecture.md)." },
          { name: "CustomFunctions", message: "Only src/office talks to Excel (docs/architecture.md)." },
        ];
    if (layer.name === "engine")
      globals.push(
        { name: "Date", message: "The engine uses day numbers, never Date (no time zone may leak in)." },
        "window",
        "document",
      );
    for (const depth of DEPTHS) {
      const up = "../".repeat(depth + 1);
      const patterns = [];
      if (others.length > 0)
        patterns.push({
          group: others.flatMap((n) => [`${up}${n}`, `${up}${n}/*`]),
          message: `src/${layer.name} may import only ${[...allowed].filter((n) => n !== layer.name).join(", ") || "nothing outside itself"} (docs/architecture.md).`,
        });
      if (libraries.length > 0)
        patterns.push({
          group: libraries,
          message: `src/${layer.name} does not use this library (docs/architecture.md).`,
        });
      // Climbing out of src/ altogether (the tests, the scripts) is never a dependency of the product.
      patterns.push({ group: [`${up}../*`], message: "src/ imports nothing outside src/." });
      const inside = depth === 0 ? "" : "*/".repeat(depth);
      configs.push({
        files: [`src/${layer.name}/${inside}*.ts`, `src/${layer.name}/${inside}*.tsx`],
        ignores: [`src/${layer.name}/**/*.test.ts`, `src/${layer.name}/**/*.test.tsx`],
        rules: {
          "no-restricted-imports": ["error", { patterns }],
          ...(globals.length > 0 ? { "no-restricted-globals": ["error", ...globals] } : {}),
        },
      });
    }
  }
  return configs;
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
  ...layerGuards(),
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
    // The metadata plugin accepts only plain types (number, string, any, any[][]) in signatures:
    // cells arrive untyped and the catalog parses them.
    files: ["src/office/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
