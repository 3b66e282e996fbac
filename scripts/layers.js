// The layers of src/ and what each may import: the one table behind the lint boundaries
// (eslint.config.mjs), the import check (scripts/check-imports.js, run by `npm run lint` and a test)
// and the diagram of docs/architecture.md (a test checks that the page lists these layers and these
// imports). A folder of src/ is a layer; a layer imports only the layers listed beside it, so the
// import graph has no cycle and a newcomer can tell from a file's folder what it may depend on.

/**
 * @typedef {object} Layer
 * @property {string} name    the folder under src/
 * @property {string} owns    what the layer owns, in one line
 * @property {string[]} imports the layers it may import (never itself: that is always allowed)
 * @property {string[]} [libraries] the npm packages and Node built-ins it may import besides the common ones
 * @property {boolean} [office] may use the Office, Excel and CustomFunctions globals
 */

/** Packages any layer but the engine may import (pure libraries that do no I/O). */
const COMMON_LIBRARIES = ["decimal.js", "date-fns", "fast-xml-parser"];

/** @type {Layer[]} In order: a layer imports only layers above it in this list. */
const LAYERS = [
  {
    name: "engine",
    owns: "the terms engine: dates, money, rates, vendor profiles, due dates, penalties, renewals, explanations",
    imports: [],
    libraries: ["decimal.js"],
  },
  {
    name: "cells",
    owns: "spreadsheet shapes: cell values, addresses, blocks, CSV and XML text",
    imports: [],
  },
  {
    name: "terms-import",
    owns: "terms of sale read into a draft vendor profile and its report (pure: the pane and the command line share it)",
    imports: ["engine"],
  },
  {
    name: "input",
    owns: "typed input from cells for every face: dates, amounts, client types",
    imports: ["engine", "cells"],
  },
  {
    name: "storage",
    owns: "what a workbook stores: the terms document, profile and rate files, the terms-store port",
    imports: ["engine", "cells", "input"],
  },
  {
    name: "functions",
    owns: "the CGV.* function table and runtime (host-free); Excel's wrappers are in office",
    imports: ["engine", "cells", "input", "storage"],
  },
  {
    name: "apply",
    owns: "the register core: headers, one row computed, live formulas, summaries",
    imports: ["engine", "cells", "input", "storage"],
  },
  {
    name: "portable",
    owns: "native Excel formulas that need no add-in, and their reference sheet",
    imports: ["engine", "cells", "input", "apply"],
  },
  {
    name: "reports",
    owns: "the D441-6 payment-delay tables and the aging, as sheets",
    imports: ["engine", "cells", "input", "apply"],
  },
  {
    name: "calendar",
    owns: "deadlines as an iCalendar file",
    imports: ["engine", "cells", "input", "apply"],
  },
  {
    name: "recovery",
    owns: "from a register to recovery: the register's rows read as Apply reads them, statements per client, the letters' and penalty notes' content, the note series, the guardrails",
    imports: ["engine", "cells", "input", "storage", "apply"],
  },
  {
    name: "documents",
    owns: "documents as bytes: the recovery letters and penalty notes as .docx, a user's letter template filled in, and a .docx's text read for the terms import (its zip checked before anything is inflated)",
    imports: ["engine", "cells", "recovery"],
    libraries: ["docx", "fflate", "mammoth"],
  },
  {
    name: "write",
    owns: "Apply's use case and its sink port: what is written where, the note, the highlighting, the register remembered",
    imports: ["engine", "cells", "input", "storage", "apply", "portable"],
  },
  {
    name: "xlsx",
    owns: "xlsx files outside Excel: reading a register, the byte-for-byte copy that takes Apply's cells",
    imports: ["engine", "cells", "input", "storage", "apply", "portable", "reports", "write"],
    libraries: ["fflate", "yauzl", "node:*"],
  },
  {
    name: "workbook",
    owns: "the pane's workbook gateway: one policy over a sheet I/O port, and the in-memory workbook",
    imports: ["engine", "cells", "input", "storage", "functions", "apply", "portable", "reports", "write"],
  },
  {
    name: "selftest",
    owns: "the self-test's steps over the workbook gateway, a scratch port and a terms store",
    imports: ["engine", "cells", "input", "storage", "apply", "portable", "reports", "write", "workbook"],
  },
  {
    name: "office",
    owns: "every Office.js adapter: Excel's sheet I/O, the terms stores, the custom functions' wrappers and start, the pane's start",
    imports: [
      "engine",
      "cells",
      "input",
      "storage",
      "functions",
      "apply",
      "portable",
      "reports",
      "write",
      "workbook",
      "selftest",
    ],
    office: true,
  },
  {
    name: "cli",
    owns: "the command line `echeance`: arguments, files, printing",
    imports: [
      "engine",
      "cells",
      "input",
      "storage",
      "functions",
      "apply",
      "portable",
      "reports",
      "calendar",
      "write",
      "xlsx",
      "terms-import",
      "recovery",
      "documents",
    ],
    libraries: ["node:*", "exceljs"],
  },
  {
    name: "taskpane",
    owns: "the task pane: React views over the workbook gateway",
    imports: [
      "engine",
      "cells",
      "input",
      "storage",
      "functions",
      "apply",
      "portable",
      "reports",
      "calendar",
      "write",
      "workbook",
      "selftest",
      "office",
      "terms-import",
      "recovery",
      "documents",
    ],
    libraries: ["react", "react-dom", "react-dom/*", "@fluentui/*"],
  },
];

/** Packages no layer imports unless listed in its `libraries`. */
const GUARDED_LIBRARIES = [
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "@microsoft/office-js",
  "exceljs",
  "fflate",
  "yauzl",
  "docx",
  "mammoth",
  "node:*",
  "fs",
  "path",
  "child_process",
  "http",
  "https",
  "os",
  "worker_threads",
];

module.exports = { LAYERS, COMMON_LIBRARIES, GUARDED_LIBRARIES };
